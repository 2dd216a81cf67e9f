"""What is not article text: selectors to drop, paragraph patterns and sign-offs (rules in data).

The rules live in `pantau/data/boilerplate.json`; this module compiles them once and applies them to lxml trees
and to paragraph lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from pantau.resources import load_json
from pantau.text.dateline import split_dateline
from pantau.text.phrases import with_phrases


@dataclass(frozen=True)
class Rules:
    drop: tuple[CSSSelector, ...]
    line: re.Pattern[str]
    trailing: re.Pattern[str]
    inline: tuple[re.Pattern[str], ...]
    signoff: re.Pattern[str]
    listing_url: tuple[re.Pattern[str], ...]
    content_selectors: tuple[str, ...]


def load_raw() -> dict[str, Any]:
    """The boilerplate rules file as data."""
    data: dict[str, Any] = load_json("boilerplate.json")
    return data


@cache
def rules() -> Rules:
    raw = load_raw()
    return Rules(
        drop=tuple(compile_selectors(raw["drop_selectors"])),
        line=re.compile(r"^[\s\-–—•*\[(|]{0,3}(?:" + with_phrases("|".join(raw["line_patterns"])) + ")", re.IGNORECASE),
        trailing=re.compile(r"^[\s\-–—•*\[(|]{0,3}(?:" + "|".join(raw["trailing_patterns"]) + ")", re.IGNORECASE),
        inline=tuple(re.compile(with_phrases(p), re.IGNORECASE) for p in raw["inline_patterns"]),
        signoff=re.compile(raw["signoff"]),
        listing_url=tuple(re.compile(p, re.IGNORECASE) for p in raw["listing_url_patterns"]),
        content_selectors=tuple(raw["content_selectors"]),
    )


@cache
def _selector(css: str) -> CSSSelector | None:
    try:
        return CSSSelector(css)
    except Exception:  # noqa: BLE001  # cssselect raises several types for unsupported syntax
        return None


def compile_selectors(selectors: list[str] | tuple[str, ...]) -> list[CSSSelector]:
    """CSS selectors compiled once; an invalid one is skipped rather than breaking extraction."""
    out = []
    for css in selectors:
        sel = _selector(css)
        if sel is not None:
            out.append(sel)
    return out


def select(root: HtmlElement, css: str) -> list[HtmlElement]:
    sel = _selector(css)
    if sel is None:
        return []
    return [e for e in sel(root) if isinstance(e.tag, str)]


_CLASS_ID_VALUES = etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id", smart_strings=False)
_BRACKET = re.compile(r"\[([^\]]*)\]")
_CLASS_ID_ATTR = re.compile(r"""^\s*(?:class|id)\s*[~|^$*]?=\s*(['"]?)([^'"]+?)\1\s*$""", re.IGNORECASE)
_CLASS_ID_TOKEN = re.compile(r"[.#]([\w-]+)")


@cache
def _needles(css: str) -> tuple[str, ...]:
    """Strings that must occur in some class or id value of a tree for `css` to match anything in it (lower-cased;
    empty when the selector is not a simple conjunction, e.g. a list, a pseudo-class or an escape)."""
    if any(c in css for c in ",:\\"):
        return ()
    needles: list[str] = []
    for inner in _BRACKET.findall(css):
        m = _CLASS_ID_ATTR.match(inner)
        if m:
            needles.append(m.group(2).lower())
    needles.extend(t.lower() for t in _CLASS_ID_TOKEN.findall(_BRACKET.sub(" ", css)))
    return tuple(needles)


def class_id_text(root: HtmlElement) -> str:
    """Every class and id value in `root`'s subtree, lower-cased, in one string (one pass in libxml2)."""
    return " ".join(str(v) for v in _CLASS_ID_VALUES(root)).lower()


def may_match(css: str, class_ids: str) -> bool:
    """False when `css` cannot match in a tree whose `class_id_text` is `class_ids`: each selector is a full tree
    walk, so skipping the ones that cannot match keeps a page with many elements cheap."""
    return all(n in class_ids for n in _needles(css))


def drop_nodes(container: HtmlElement, extra: tuple[CSSSelector, ...] | list[CSSSelector] = ()) -> None:
    """Remove boilerplate descendants of `container` (keeping their tail text), in place."""
    doomed: list[HtmlElement] = []
    class_ids = class_id_text(container)
    for sel in (*rules().drop, *extra):
        if may_match(sel.css, class_ids):
            doomed.extend(e for e in sel(container) if e is not container)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        try:
            el.drop_tree()
        except (AssertionError, ValueError):
            continue


def is_boilerplate(text: str) -> bool:
    """True for a paragraph that is a "Baca juga" insert, a credit, a share prompt, an ad label and the like."""
    return bool(rules().line.match(text))


def is_trailing(text: str) -> bool:
    """True for a heading that starts the related-articles / tags block after the story."""
    return bool(rules().trailing.match(text))


def clean_inline(text: str) -> str:
    for pat in rules().inline:
        text = pat.sub(" ", text)
    return " ".join(text.split())


def strip_signoff(text: str) -> str:
    """Drop a closing "(ant/red)", "(E-2)", "(*)" from the end of a paragraph."""
    return rules().signoff.sub("", text).rstrip()


MAX_BODY_CHARS = 100_000  # clean_paragraphs keeps at most this much text: the longest news stories are far shorter
MAX_PARAGRAPHS = 5_000  # ... and reads at most this many paragraphs (a story has a few dozen)


def clean_paragraphs(paragraphs: list[str], dateline_first: Sequence[str] = ()) -> tuple[list[str], str | None]:
    """Boilerplate-free paragraphs plus the dateline split off the first one (`dateline_first`: a family's own
    dateline patterns, tried before the shared ones)."""
    out: list[str] = []
    seen: set[str] = set()
    kept = 0
    for count, raw in enumerate(paragraphs):
        if kept >= MAX_BODY_CHARS or count >= MAX_PARAGRAPHS:
            break  # a dump, not an article: the rest is not read (extract_html notes a cut at MAX_BODY_CHARS)
        text = " ".join(raw[: MAX_BODY_CHARS - kept + 1000].split())[: MAX_BODY_CHARS - kept]
        if not text:
            continue
        if is_trailing(text) and len(out) >= 2:
            break
        if is_boilerplate(text):
            continue
        text = clean_inline(text)
        if not text or text in seen:
            continue
        seen.add(text)
        out.append(text)
        kept += len(text)
    dateline: str | None = None
    if out:
        dateline, first = split_dateline(out[0], dateline_first)
        if first:
            out[0] = first
        else:
            out.pop(0)
    while out:
        last = strip_signoff(out[-1])
        if last:
            out[-1] = last
            break
        out.pop()
    return out, dateline


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "table",
        "tr",
        "td",
        "th",
        "pre",
        "dl",
        "dt",
        "dd",
        "figure",
        "header",
        "footer",
        "aside",
        "center",
        "main",
    ]
)


def block_texts(container: HtmlElement) -> list[str]:
    """The text of a container split into paragraphs at block elements and line breaks."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buf).split())
        if text:
            out.append(text)
        buf.clear()

    def walk(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCK_TAGS
        if tag == "br":
            flush()
        elif tag:
            if block:
                flush()
            if el.text:
                buf.append(el.text)
            for child in el:
                walk(child)
            if block:
                flush()
        if el.tail:
            buf.append(el.tail)

    if container.text:
        buf.append(container.text)
    for child in container:
        walk(child)
    flush()
    return out


def text_of(el: HtmlElement | None) -> str:
    if el is None:
        return ""
    try:
        return " ".join(etree.tostring(el, method="text", encoding="unicode", with_tail=False).split())
    except (ValueError, TypeError):
        return ""
