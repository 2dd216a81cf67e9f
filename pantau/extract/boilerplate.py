"""What is not article text: selectors to drop, paragraph patterns and sign-offs (rules in data).

The rules live in `pantau/data/boilerplate.json` (selectors, insert and prompt lines, sign-offs) and
`pantau/data/boilerplate_media.json` (captions, photo credits, embedded posts, credit tails, end sign-offs); this
module compiles them once and applies them to lxml trees and to paragraph lists. Every pattern is matched against
one paragraph (or its last TAIL_CHARS characters) at a time, so cleaning stays linear in the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
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
    legal_notice: re.Pattern[str]


@dataclass(frozen=True)
class Shape:
    """A pattern that makes a paragraph of at most `max_words` words boilerplate."""

    pattern: re.Pattern[str]
    max_words: int


@dataclass(frozen=True)
class Media:
    page_drop: SimpleSelectors
    block_tags: frozenset[str]
    block_max_chars: int
    block_levels: int
    caption_tails: tuple[Shape, ...]
    caption_marks: tuple[Shape, ...]
    embed_footer: Shape
    embed_lines: re.Pattern[str]
    embed_marks: tuple[str, ...]
    embed_marks_max_words: int
    tweet_hint: Shape
    embed_inline: tuple[re.Pattern[str], ...]
    credit_tail: re.Pattern[str]
    end_signoff: re.Pattern[str]
    not_signoffs: frozenset[str]
    end_after_max_words: int
    signoff_line: re.Pattern[str]
    date_line: re.Pattern[str]


TAIL_CHARS = 200  # end-anchored patterns look at this much of a paragraph's end


def load_raw() -> dict[str, Any]:
    """The boilerplate rules file as data."""
    data: dict[str, Any] = load_json("boilerplate.json")
    return data


def _shape(raw: dict[str, Any]) -> Shape:
    flags = re.IGNORECASE if raw.get("ignore_case") else 0
    return Shape(re.compile(raw["pattern"], flags), int(raw["max_words"]))


@cache
def media() -> Media:
    raw: dict[str, Any] = load_json("boilerplate_media.json")
    block = raw["media_block"]
    return Media(
        page_drop=SimpleSelectors(raw["page_drop_selectors"]),
        block_tags=frozenset(block["tags"]),
        block_max_chars=int(block["max_chars"]),
        block_levels=int(block["max_levels"]),
        caption_tails=tuple(_shape(t) for t in raw["caption_tails"]),
        caption_marks=tuple(_shape(t) for t in raw["caption_marks"]),
        embed_footer=Shape(re.compile(raw["embed_footer"]), int(raw["embed_footer_max_words"])),
        embed_lines=re.compile(r"^[\s\-–—•*\[(|]{0,3}(?:" + "|".join(raw["embed_lines"]) + ")", re.IGNORECASE),
        embed_marks=tuple(raw["embed_marks"]),
        embed_marks_max_words=int(raw["embed_marks_max_words"]),
        tweet_hint=Shape(re.compile(raw["tweet_text_hint"]), int(raw["tweet_text_max_words"])),
        embed_inline=tuple(re.compile(p, re.IGNORECASE) for p in raw["embed_inline"]),
        credit_tail=re.compile(raw["credit_tail"]),
        end_signoff=re.compile(raw["end_signoff"]),
        not_signoffs=frozenset(u.casefold() for u in raw["not_signoffs"]),
        end_after_max_words=int(raw["end_signoff_after_max_words"]),
        signoff_line=re.compile(raw["signoff_line"]),
        date_line=re.compile(r"^\s*(?:" + raw["date_line"] + ")", re.IGNORECASE),
    )


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
        legal_notice=re.compile(raw["legal_notice"], re.IGNORECASE),
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


def _remove(doomed: list[HtmlElement]) -> None:
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        try:
            el.drop_tree()
        except (AssertionError, ValueError):
            continue


def drop_nodes(container: HtmlElement, extra: tuple[CSSSelector, ...] | list[CSSSelector] = ()) -> None:
    """Remove boilerplate descendants of `container` (keeping their tail text), in place: the selectors of the
    rules and `extra`, then photos with their captions (`drop_media_blocks`)."""
    doomed: list[HtmlElement] = []
    for sel in _applicable((*rules().drop, *extra), class_id_text(container)):
        doomed.extend(e for e in sel(container) if e is not container)
    _remove(doomed)
    drop_media_blocks(container)


@lru_cache(maxsize=32)
def _applicable(selectors: tuple[CSSSelector, ...], class_ids: str) -> tuple[CSSSelector, ...]:
    """The `selectors` that may match in a tree whose `class_id_text` is `class_ids`, remembered: a page that repeats
    one block thousands of times asks the same question each time."""
    return tuple(sel for sel in selectors if may_match(sel.css, class_ids))


class SimpleSelectors:
    """Selectors of the forms `tag`, `.class`, `tag.class` and `[attribute]`, found in two C-level passes over a
    tree (`iter` by tag, one XPath for classes and attributes) instead of one XPath pass per selector."""

    def __init__(self, selectors: list[str]) -> None:
        tags: set[str] = set()
        classes: set[str] = set()
        tag_classes: set[tuple[str, str]] = set()
        attributes: list[str] = []
        for css in selectors:
            found = _SIMPLE.fullmatch(css.strip())
            if found is None:
                raise ValueError(f"not a simple selector: {css!r}")
            tag, klass, attr = found.group("tag"), found.group("cls"), found.group("attr")
            if attr:
                attributes.append(attr)
            elif tag and klass:
                tag_classes.add((tag, klass))
            elif klass:
                classes.add(klass)
            elif tag:
                tags.add(tag)
        self.tags = tuple(sorted(tags))
        self.classes = frozenset(classes)
        self.tag_classes = frozenset(tag_classes)
        tests = [f"@{a}" for a in attributes] + (["@class"] if classes or tag_classes else [])
        self._xpath = etree.XPath("//*[" + " or ".join(tests) + "]") if tests else None
        self._attributes = tuple(attributes)

    def _by_class(self, el: HtmlElement) -> bool:
        for a in self._attributes:
            if el.get(a) is not None:
                return True
        names = el.get("class")
        if not names:
            return False
        tag = el.tag
        return any(n in self.classes or (tag, n) in self.tag_classes for n in names.split())

    def find(self, root: HtmlElement) -> list[HtmlElement]:
        """Matching elements under `root` (an element inside another match may be listed too)."""
        found = [e for e in root.iter(*self.tags) if e is not root] if self.tags else []
        if self._xpath is not None:
            hits = self._xpath(root)
            if isinstance(hits, list):
                found.extend(e for e in hits if isinstance(e, HtmlElement) and e is not root and self._by_class(e))
        return found


_SIMPLE = re.compile(r"(?P<tag>[a-z][a-z0-9]*)?(?:\.(?P<cls>[\w-]+))?|\[(?P<attr>[\w-]+)\]")


def drop_page_embeds(doc: HtmlElement) -> None:
    """Remove from a whole page what is never article text wherever it sits (scripts, embedded posts, figures and
    captions), so that neither the body container nor trafilatura can land on them."""
    _remove(media().page_drop.find(doc))


def _text_exceeds(el: HtmlElement, limit: int) -> bool:
    """Whether `el` holds more than `limit` characters of text (reads no further than that)."""
    seen = 0
    for piece in el.itertext():
        seen += len(piece.strip())
        if seen > limit:
            return True
    return False


def drop_media_blocks(container: HtmlElement) -> None:
    """Remove each photo block inside `container`: the largest block around an <img> (up to a few levels) whose
    text stays caption-sized, i.e. the image with its caption and credit."""
    m = media()
    doomed: list[HtmlElement] = []
    for img in container.iter("img", "picture", "video"):
        best: HtmlElement | None = None
        el = img.getparent()
        for _ in range(m.block_levels):
            if el is None or el is container or el.tag not in m.block_tags:
                break
            if _text_exceeds(el, m.block_max_chars):
                break
            best = el
            el = el.getparent()
        if best is not None and text_of(best):
            doomed.append(best)
    _remove(doomed)


def is_boilerplate(text: str) -> bool:
    """True for a paragraph that is a "Baca juga" insert, a credit, a share prompt, an ad label and the like."""
    return bool(rules().line.match(text))


def is_trailing(text: str) -> bool:
    """True for a heading that starts the related-articles / tags block after the story."""
    return bool(rules().trailing.match(text))


INLINE_TAIL_CHARS = 260  # an end-anchored inline pattern ("... Baca juga: <headline>") is looked for in this tail


def clean_inline(text: str) -> str:
    for pat in (*rules().inline, *media().embed_inline):
        if pat.pattern.endswith("$"):  # at most one match, at the end: searched in the tail only (linear work)
            found = pat.search(text, max(0, len(text) - INLINE_TAIL_CHARS))
            text = text[: found.start()] + " " + text[found.end() :] if found else text
        else:
            text = pat.sub(" ", text)
    text = strip_credit_tail(text)
    return " ".join(text.split())


def _tail_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text, max(0, len(text) - TAIL_CHARS))


def _words(text: str) -> int:
    return text.count(" ") + 1


def is_caption(text: str) -> bool:
    """True for a paragraph that is a photo caption or credit by its form: it ends with a credit ("... (Foto: X)",
    "... Foto: X", "(ANTARA FOTO/X)", "KOMPAS.com/NAME", "(iStock)", "(Dok. X)") or carries a credit mark
    ("Mandatory Credit") and is caption-sized. A sentence that merely mentions a photo stays."""
    m = media()
    words = _words(text)
    for shape in m.caption_tails:
        if words <= shape.max_words and _tail_search(shape.pattern, text):
            return True
    return any(words <= shape.max_words and shape.pattern.search(text) for shape in m.caption_marks)


def is_embed_text(text: str) -> bool:
    """True for the fallback text of an embedded post ("A post shared by ...", a TikTok "♬ ..." line)."""
    m = media()
    if m.embed_lines.match(text):
        return True
    return _words(text) <= m.embed_marks_max_words and any(mark in text for mark in m.embed_marks)


def embed_footer(text: str) -> str | None:
    """For a paragraph that ends with an embedded tweet's "— Name (@handle) Month d, yyyy": "alone" when it is
    nothing else, "post" when the tweet text precedes it, None otherwise (or when too long to be one post)."""
    shape = media().embed_footer
    if "(@" not in text:
        return None
    found = _tail_search(shape.pattern, text)
    if found is None or _words(text) > shape.max_words:
        return None
    return "alone" if not text[: found.start()].strip() else "post"


def looks_like_post_text(text: str) -> bool:
    """A short paragraph with a handle, hashtag or link: the text of the post whose footer follows it."""
    shape = media().tweet_hint
    return _words(text) <= shape.max_words and shape.pattern.search(text) is not None


def is_date_line(text: str) -> bool:
    """True for a paragraph that is only a date and time ("Kamis, 05 November 2015 | 11:13 WIB")."""
    return len(text) <= 60 and media().date_line.match(text) is not None


def strip_credit_tail(text: str) -> str:
    """Cut a credit run that closes a paragraph ("... kata dia. Editor: X", "... COPYRIGHT © X 2025")."""
    found = _tail_search(media().credit_tail, text)
    return text[: found.start()].rstrip() if found else text


def is_signoff_line(text: str) -> bool:
    """True for a paragraph that is nothing but a sign-off ("(FHM)", "(ant/red)", "[ant]")."""
    return len(text) <= 40 and media().signoff_line.fullmatch(text) is not None


def _unit(bracketed: str) -> bool:
    """A bracketed pair that is a unit ("(km/jam)"), not a newsroom code."""
    return re.sub(r"[\s()\[\]]", "", bracketed).casefold() in media().not_signoffs


def ends_with_signoff(text: str) -> bool:
    """True when a paragraph closes with a newsroom sign-off that ends the article ("... kata dia. (ant/red)",
    "(Cas/Isk)"); a bracket inside the sentence ("dua provinsi (Jabar/Jateng)") or a unit ("(km/jam)") is none."""
    found = _tail_search(media().end_signoff, text)
    return found is not None and _closing_code(text, found)


def _closing_code(text: str, found: re.Match[str]) -> bool:
    """Whether a bracket found at a paragraph's end is a newsroom code: not a unit ("(km/jam)"); one with a
    capitalised word ("(Cas/Isk)", "(***/Nama)", but also "(Jabar/Jateng)") only after the sentence's end."""
    if _unit(found.group()):
        return False
    if not _TITLE_WORD.search(found.group()):
        return True
    before = text[: found.start()].rstrip()
    return not before or before[-1] in SENTENCE_END


SENTENCE_END = frozenset(".!?…\"”’'")  # what stands before a capitalised sign-off that closes a paragraph
_TITLE_WORD = re.compile(r"[A-Z][a-z]")


def strip_signoff(text: str) -> str:
    """Drop a closing "(ant/red)", "(E-2)", "(*)" from the end of a paragraph: at its start or after the last
    sentence's closing punctuation, never a bracket inside a sentence or a unit ("dua provinsi (Jabar/Jateng)")."""
    found = rules().signoff.search(text, max(0, len(text) - TAIL_CHARS))
    if found is None or not _closing_code(text, found):
        return text
    return text[: found.start()].rstrip()


INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphen, zero-width marks: no text
MAX_BODY_CHARS = 100_000  # clean_paragraphs keeps at most this much text: the longest news stories are far shorter
MAX_PARAGRAPHS = 5_000  # ... and reads at most this many paragraphs (a story has a few dozen)
MAX_READ_CHARS = 3 * MAX_BODY_CHARS  # ... and this much distinct text, kept or not (boilerplate included)


def clean_paragraphs(paragraphs: list[str], dateline_first: Sequence[str] = ()) -> tuple[list[str], str | None]:
    """Boilerplate-free paragraphs plus the dateline split off the first one (`dateline_first`: a family's own
    dateline patterns, tried before the shared ones)."""
    out: list[str] = []
    seen: set[str] = set()
    closed: set[int] = set()  # a sign-off line stood before out[i]
    kept = read = 0
    read_raw: set[str] = set()  # paragraphs already judged: a repeat costs nothing more
    for count, raw in enumerate(paragraphs):
        if kept >= MAX_BODY_CHARS or count >= MAX_PARAGRAPHS or read >= MAX_READ_CHARS:
            break  # a dump, not an article: the rest is not read (extract_html notes a cut at MAX_BODY_CHARS)
        text = " ".join(INVISIBLE.sub("", raw[: MAX_BODY_CHARS - kept + 1000]).split())[: MAX_BODY_CHARS - kept]
        if not text:
            continue
        if is_trailing(text):
            if len(out) >= 2:
                break
            continue
        if is_signoff_line(text):
            if out:
                closed.add(len(out))
            continue
        if text in read_raw:
            continue
        read_raw.add(text)
        read += len(text)
        if is_boilerplate(text) or is_caption(text) or is_embed_text(text) or is_date_line(text):
            continue
        footer = embed_footer(text)
        if footer is not None:
            if footer == "alone" and out and looks_like_post_text(out[-1]):
                seen.discard(out.pop())
            continue
        text = clean_inline(text)
        if not text or text in seen:
            continue
        seen.add(text)
        out.append(text)
        kept += len(text)
    out = _cut_after_signoff(out, closed)
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


def _cut_after_signoff(paragraphs: list[str], closed: set[int]) -> list[str]:
    """The paragraphs up to the last one that closes with a sign-off (or that a sign-off line followed, `closed`
    holding the indexes after such lines), when every one after it is short (related headlines, a reporter's name,
    leftovers of the page's furniture); a long paragraph after it means the sign-off closed a part, not the article."""
    limit = media().end_after_max_words
    for i in range(len(paragraphs) - 1, 0, -1):
        if _words(paragraphs[i]) > limit:
            return paragraphs
        if i in closed or ends_with_signoff(paragraphs[i - 1]):
            return paragraphs[:i]
    return paragraphs


BLOCK_TAGS = frozenset(
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
        block = tag in BLOCK_TAGS
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
