"""Page metadata for any site: JSON-LD, OpenGraph / `article:*` meta, newsroom meta names, `<time>`, date lines.

Metadata comes from JSON-LD (NewsArticle and friends, inside arrays and `@graph`), then OpenGraph / `article:*`
meta, then newsroom meta names; the publication and update times from every source the page offers, reconciled in
`pantau.extract.published`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from html import unescape
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from pantau.extract import boilerplate as bp
from pantau.extract.published import day_only, page_evidence, resolve
from pantau.resources import load_json
from pantau.text.dates import iso

ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report", "satiricalarticle",
        "socialmediaposting", "techarticle", "advertisercontentarticle",
    }
)  # fmt: skip
AUTHOR_META = ("author", "content_author", "dtk:author", "article:author", "parsely-author", "dc.creator", "byl")
SECTION_META = ("article:section", "content_category", "dtk:kanal", "section", "parsely-section", "category")
TAG_META = ("news_keywords", "content_tag", "dtk:keywords", "keywords", "parsely-tags")


@dataclass
class Page:
    """A parsed page plus the metadata read from it before the body is cut out."""

    doc: HtmlElement
    url: str
    meta: dict[str, str] = field(default_factory=dict)
    meta_all: dict[str, list[str]] = field(default_factory=dict)
    ld: list[dict[str, Any]] = field(default_factory=list)
    ld_article: dict[str, Any] | None = None
    breadcrumbs: list[str] = field(default_factory=list)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).lower().rsplit("/", 1)[-1] for v in values if v}


def _walk_ld(node: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            _walk_ld(item, out, depth + 1)
    elif isinstance(node, dict):
        out.append(node)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                _walk_ld(node[key], out, depth + 1)


def _load_json(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except ValueError:
        cleaned = re.sub(r",\s*([}\]])", r"\1", re.sub(r"[\x00-\x1f]", " ", text))
        try:
            return json.loads(cleaned, strict=False)
        except ValueError:
            return None


def read_page(doc: HtmlElement, url: str) -> Page:
    page = Page(doc=doc, url=url)
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip()
        content = el.get("content")
        if not key or content is None:
            continue
        key = key.lower()
        value = unescape(" ".join(content.split()))
        page.meta.setdefault(key, value)
        page.meta_all.setdefault(key, []).append(value)
    for script in doc.iter("script"):
        if (script.get("type") or "").lower().strip() != "application/ld+json" or not script.text:
            continue
        data = _load_json(script.text)
        if data is not None:
            _walk_ld(data, page.ld)
    for obj in page.ld:
        types = _types(obj)
        if page.ld_article is None and types & ARTICLE_TYPES:
            page.ld_article = obj
        if "breadcrumblist" in types and not page.breadcrumbs:
            items = obj.get("itemListElement")
            for item in items if isinstance(items, list) else []:
                if not isinstance(item, dict):
                    continue
                inner = item.get("item")
                name = item.get("name") or (inner.get("name") if isinstance(inner, dict) else None)
                if isinstance(name, str) and name.strip():
                    page.breadcrumbs.append(" ".join(name.split()))
    return page


_PERSON_TYPES = frozenset({"person"})


def _names(value: Any) -> list[str]:
    """The author names a JSON-LD `author` holds: strings, and the names of Person objects (an Organization as the
    author is the publisher, not a writer)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        kind = value.get("@type")
        types = {str(t).casefold() for t in (kind if isinstance(kind, list) else [kind]) if t}
        if types and not types & _PERSON_TYPES:
            return []
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


@cache
def _author_label() -> re.Pattern[str]:
    labels = str(load_json("bylines.json")["author_labels"])
    return re.compile(rf"^(?:{labels}|editor)\b\s*[:\-]?\s*", re.IGNORECASE)


def clean_author(value: str | None) -> str | None:
    """A JSON-LD/meta author as a name: without a leading label ("Oleh", "Penulis :") or a trailing one-word site
    or handle after a dash or bar ("Budi Santoso - detikNews"); None for a link, a host, a role account or a text
    too long to be names."""
    if not value:
        return None
    value = " ".join(unescape(value).split()).strip(" ,|-")
    value = _author_label().sub("", value, count=1)
    value = re.sub(r"\s+[-|]\s+\S+$", "", value)
    if not value or value.startswith("http") or len(value) > 120:
        return None
    if re.search(r"\b(developer|webmaster|admin)\b|\.(com|id)\b", value, re.IGNORECASE):
        return None
    return value


def split_tags(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        for part in re.split(r"[,;|]", v):
            tag = " ".join(part.split()).strip("# ")
            if tag and len(tag) <= 80 and tag.lower() not in {t.lower() for t in out}:
                out.append(tag)
    return out


def _first_meta(page: Page, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = page.meta.get(name)
        if value:
            return value
    return None


def _title(page: Page) -> str | None:
    ld = page.ld_article or {}
    for cand in (ld.get("headline"), page.meta.get("og:title"), page.meta.get("twitter:title"), ld.get("name")):
        if isinstance(cand, str) and cand.strip():
            return " ".join(unescape(cand).split())
    h1 = page.doc.find(".//h1")
    if h1 is not None and bp.text_of(h1):
        return bp.text_of(h1)
    t = page.doc.find(".//title")
    if t is not None and t.text:
        return re.split(r"\s+[|\-–]\s+[^|\-–]+$", " ".join(t.text.split()))[0] or None
    return None


def _language(page: Page) -> str | None:
    ld = page.ld_article or {}
    for cand in (
        page.doc.get("lang"),
        page.meta.get("language"),
        page.meta.get("content-language"),
        ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None,
        page.meta.get("og:locale"),
    ):
        if cand and isinstance(cand, str):
            code = re.split(r"[-_]", cand.strip().lower())[0]
            if code == "in":
                code = "id"
            if re.fullmatch(r"[a-z]{2,3}", code):
                return code
    return None


def page_metadata(page: Page) -> dict[str, Any]:
    """Every field except the body, from structured data and meta tags."""
    ld = page.ld_article or {}
    evidence = page_evidence(page)
    published, updated = resolve(evidence)
    day = day_only(evidence) if published is None else None

    raw_authors = [n for n in _names(ld.get("author")) if n.strip()]
    authors = [a for a in (clean_author(n) for n in raw_authors) if a]
    if not authors:
        raw_authors = [a for a in (_first_meta(page, AUTHOR_META),) if a]
        authors = [a for a in (clean_author(n) for n in raw_authors) if a]

    section = ld.get("articleSection")
    if isinstance(section, list):
        section = next((s for s in section if isinstance(s, str) and s.strip()), None)
    if not isinstance(section, str) or not section.strip():
        section = _first_meta(page, SECTION_META)
    if not section and len(page.breadcrumbs) >= 2:
        section = page.breadcrumbs[-2] if len(page.breadcrumbs) > 2 else page.breadcrumbs[-1]

    kw = ld.get("keywords")
    tag_values = [kw] if isinstance(kw, str) else [k for k in kw if isinstance(k, str)] if isinstance(kw, list) else []
    if not tag_values:
        tag_values = page.meta_all.get("article:tag", [])
    if not tag_values:
        for name in TAG_META:
            if page.meta.get(name):
                tag_values = [page.meta[name]]
                break

    canonical = None
    for link in page.doc.iter("link"):
        if (link.get("rel") or "").lower().strip() == "canonical" and link.get("href"):
            canonical = urljoin(page.url, link.get("href", "").strip())
            break
    canonical = canonical or (urljoin(page.url, page.meta["og:url"]) if page.meta.get("og:url") else None)

    return {
        "title": _title(page),
        "published_at": iso(published),
        "updated_at": iso(updated) if updated and updated != published else None,
        "date_evidence": evidence,
        "date_note": f"published_at: no time found; the page names the day {day.isoformat()}" if day else None,
        "author": ", ".join(dict.fromkeys(authors)) or None,
        "authors": raw_authors,  # as printed, for pantau.extract.byline
        "section": " ".join(section.split()) if isinstance(section, str) and section.strip() else None,
        "tags": split_tags(tag_values),
        "language": _language(page),
        "canonical_hint": canonical,
        "ld_body": ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None,
    }
