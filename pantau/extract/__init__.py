"""Article extraction: `extract_html(html, url)` gives the JSON fields of the design contract.

A family parser (chosen by domain, or named with `family=`) reads the outlet's own markup; any other page goes the
generic way (JSON-LD, OpenGraph/meta, densest paragraph container, trafilatura as the fallback). Bad input (empty,
huge, broken, wrongly encoded) yields a result with `skip_reason`, never an exception.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from pantau.extract.body import MIN_ARTICLE_CHARS, generic_body, looks_like_listing
from pantau.extract.boilerplate import MAX_BODY_CHARS
from pantau.extract.byline import (
    bold_names_line,
    choose_authors,
    cut_at_site_signoff,
    drop_byline_copies,
    page_credits,
    signature_line,
    split_reporter_line,
)
from pantau.extract.decode import MAX_HTML_BYTES, bound_html, bound_tree, decode_html, parse_document
from pantau.extract.lead import lead_tags, settle_lead
from pantau.extract.metadata import page_metadata, read_page
from pantau.extract.published import resolve_with_family
from pantau.extract.registry import family_name_for, get_family
from pantau.extract.site import site_names, squash
from pantau.extract.title import best_title
from pantau.extract.wire import WireCredit, find_wire_credit
from pantau.ids import canonical_url as canonicalize
from pantau.text.dates import iso

FIELDS = (
    "url", "canonical_url", "title", "published_at", "updated_at", "author", "dateline", "body", "section", "tags",
    "language", "parser", "next_pages", "full_text_url", "skip_reason", "encoding", "notes",
)  # fmt: skip


def _empty(url: str) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(FIELDS)
    out.update(url=url, canonical_url=_safe_canonical(url), tags=[], next_pages=[], notes=[], parser="generic")
    return out


def _safe_canonical(url: str) -> str:
    try:
        return canonicalize(url) if url else ""
    except ValueError:
        return url


LANGUAGE_SAMPLE_CHARS = 20_000  # the body's language is told from its start


def _body_language(body: str) -> str | None:
    """The language stage's verdict on the body, for a page that declares none (None when it cannot tell)."""
    from pantau.process.language import detect_language  # only for pages without a declared language

    sample = body[:LANGUAGE_SAMPLE_CHARS]
    code = detect_language(sample).code if sample.strip() else "und"
    return None if code == "und" else code


def extract_html(
    html: str | bytes,
    url: str,
    *,
    family: str | None = None,
    encoding: str | None = None,
    domains: Iterable[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """The design-contract JSON for one saved page.

    `family` forces a family parser ("generic" forces the generic path); otherwise the URL's domain picks one via
    `domains` (outlet registry pairs) and the built-in suffix table.
    """
    out = _empty(url)
    if html is None or len(html) == 0:
        out["skip_reason"] = "empty document"
        return out
    if len(html) > MAX_HTML_BYTES:
        out["skip_reason"] = f"document too large ({len(html)} > {MAX_HTML_BYTES} bytes)"
        return out
    decoded = decode_html(html, encoding)
    out["encoding"] = decoded.encoding
    if decoded.reason:
        out["notes"].append(f"encoding: {decoded.reason}")
    text, cut = bound_html(decoded.text)
    if cut:
        out["notes"].append(cut)
    doc = parse_document(text)
    if doc is None:
        out["skip_reason"] = "not parseable as HTML"
        return out
    cut = bound_tree(doc)
    if cut:
        out["notes"].append(cut)
    pristine = copy.deepcopy(doc)  # for the trafilatura fallback: a C-level copy costs less than parsing again
    # One Python proxy per element, kept alive while extracting: lxml then reuses it on every later walk over the
    # tree instead of building a new one through lxml.html's class lookup (several walks per page).
    proxies = list(doc.iter())
    try:
        return _extract(doc, pristine, url, out, family, domains)
    except (ValueError, TypeError, AttributeError, RecursionError, OverflowError) as exc:  # never crash a crawl
        out["skip_reason"] = f"extraction failed: {type(exc).__name__}: {exc}"[:300]
        return out
    finally:
        del proxies


def _extract(
    doc: Any,
    pristine: Any,
    url: str,
    out: dict[str, Any],
    family: str | None,
    domains: Iterable[tuple[str, str]] | None,
) -> dict[str, Any]:
    page = read_page(doc, url)
    meta = page_metadata(page)
    sites = site_names(page)
    bylines, editors = page_credits(page, sites)  # before a parser cuts the body out of the tree
    bold_names = [] if bylines else bold_names_line(doc, sites)
    signature = signature_line(doc, sites)  # "<p style='text-align:right'><b>Name</b></p>" closing the story
    tags = lead_tags(doc, sites)
    wire = find_wire_credit(doc)
    fam = None if family == "generic" else get_family(family) or get_family(family_name_for(url, domains))
    if family and family != "generic" and get_family(family) is None:
        out["notes"].append(f"unknown family {family!r}; generic parser used")
    version = fam.choose(doc) if fam else None
    fields: dict[str, Any] = {}
    title = best_title(page, sites, (version.extract_title(doc),) if version is not None else ())
    if version is not None:
        fields = version.extract(doc, url)
        pub, upd = resolve_with_family(meta["date_evidence"], fields["date_texts"], version.default_tz)
        fields["published_at"], fields["updated_at"] = iso(pub), iso(upd)
    elif fam is not None:
        out["notes"].append(f"no {fam.name} layout matched; generic parser used")

    paragraphs: list[str] = fields.get("body_paragraphs") or []
    dateline = fields.get("dateline")
    if paragraphs:
        out["parser"] = fields["parser"]
    else:
        if fields:
            out["notes"].append(f"{fields['parser']} found no body; generic body used")
        paragraphs, dateline, how = generic_body(page, pristine, meta["ld_body"], out["notes"])
        out["parser"] = "generic" if how == "dom" else f"generic+{how}"

    for key in ("published_at", "updated_at", "section", "language"):
        out[key] = fields.get(key) or meta.get(key)
    out["title"] = title or fields.get("title") or meta.get("title")
    out["author"] = choose_authors(fields.get("authors") or [], meta["authors"], bylines, sites, editors)
    if not out["author"] and bold_names:
        out["author"] = ", ".join(bold_names)  # "<p><b>Name/Name</b></p>" above the story, no byline elsewhere
    if not out["author"] and wire is not None:
        out["author"] = wire.agency  # a wire credit line where the byline would be, when no one else is named
    out["tags"] = fields.get("tags") or meta["tags"]
    if out["updated_at"] == out["published_at"]:
        out["updated_at"] = None
    if not out["published_at"] and meta["date_note"]:
        out["notes"].append(meta["date_note"])
    out["canonical_url"] = _safe_canonical(meta["canonical_hint"] or url)
    paragraphs, dateline = _settle(paragraphs, dateline, out["title"], sites, tags, wire)
    paragraphs, reporters = split_reporter_line(paragraphs, sites, out["author"])
    out["author"] = out["author"] or ", ".join(reporters) or None
    if signature and not out["author"]:
        out["author"] = signature
    if signature and squash(signature) in {squash(n) for n in (out["author"] or "").split(",")}:
        paragraphs = [p for i, p in enumerate(paragraphs) if i < len(paragraphs) - 2 or squash(p) != squash(signature)]
    paragraphs = drop_byline_copies(cut_at_site_signoff(paragraphs, sites), out["author"])
    if bold_names:  # the bold names line itself is no story text
        names_line = squash("/".join(bold_names))
        paragraphs = [p for i, p in enumerate(paragraphs) if i >= BOLD_LINE_AT or squash(p) != names_line]
    chars = sum(len(p) for p in paragraphs)
    if chars < MIN_ARTICLE_CHARS:
        paragraphs, dateline = [], None
    elif chars >= MAX_BODY_CHARS - 500:  # clean_paragraphs stops at MAX_BODY_CHARS (less a dateline and sign-off)
        out["notes"].append(f"body cut at {MAX_BODY_CHARS} chars")
    out["dateline"] = dateline
    out["body"] = "\n\n".join(paragraphs)
    out["language"] = out["language"] or _body_language(out["body"])
    out["next_pages"] = fields.get("next_pages") or []
    if version is not None and out["next_pages"]:
        out["full_text_url"] = version.full_text_url(url)
    body_chars = len(out["body"])
    if not paragraphs:
        out["skip_reason"] = "listing page" if looks_like_listing(page, 0) else "no article body"
    elif looks_like_listing(page, body_chars):
        out["skip_reason"] = "listing page"
    return out


MAX_WIRE_LINE_AT = 3  # a wire credit line read into the body stands among its first lines
BOLD_LINE_AT = 2  # paragraphs at the top of the body where a bold names line may sit


def _settle(
    paragraphs: list[str],
    dateline: str | None,
    title: str | None,
    sites: Any,
    tags: list[str],
    wire: WireCredit | None,
) -> tuple[list[str], str | None]:
    """The story's first lines settled (`lead.settle_lead`), without the wire credit line; the place a wire credit
    names is the dateline when the lead prints none or another (a kicker's "LABEL:" read as a place)."""
    if wire is not None:
        paragraphs = [p for i, p in enumerate(paragraphs) if i >= MAX_WIRE_LINE_AT or p != wire.text]
    settled, found = settle_lead(paragraphs, dateline, title, sites, tags)
    if wire is None or not wire.place or (found and found.casefold() == wire.place.casefold()):
        return settled, found
    if found is None:
        return settled, wire.place
    return settle_lead(paragraphs, wire.place, title, sites, tags)


def merge_bodies(bodies: list[str]) -> str:
    """The bodies of an article's pages in order, each paragraph once (a following page often repeats the lead
    or the dateline paragraph, and a link back to page 1 must not double the article)."""
    seen: set[str] = set()
    paragraphs: list[str] = []
    for body in bodies:
        for para in body.split("\n\n"):
            if para.strip() and para not in seen:
                seen.add(para)
                paragraphs.append(para)
    return "\n\n".join(paragraphs)


def merge_pages(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One article from the extractions of its pages, in order: metadata from the first, bodies concatenated
    without repeating paragraphs (a following page often repeats the lead or the dateline paragraph)."""
    if not parts:
        raise ValueError("merge_pages needs at least one page")
    merged = dict(parts[0])
    merged["body"] = merge_bodies([part.get("body") or "" for part in parts])
    merged["next_pages"] = []
    merged["notes"] = [*merged.get("notes", []), f"merged {len(parts)} pages"]
    if merged["body"] and merged.get("skip_reason") == "no article body":
        merged["skip_reason"] = None
    return merged


__all__ = ["FIELDS", "extract_html", "merge_pages"]
