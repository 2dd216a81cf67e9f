"""Decoding a saved page: bytes to text (byte order mark, given encoding, declared charset, UTF-8, cp1252), the
size caps (a page over MAX_HTML_BYTES is skipped; one over MAX_HTML_CHARS is trimmed, then cut), and parsing the
text into an lxml tree."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement, document_fromstring

MAX_HTML_BYTES = 8 * 1024 * 1024  # larger pages are skipped unread
MAX_HTML_CHARS = 1_000_000  # larger texts lose comments, scripts (not JSON-LD) and styles, then what is left over this
_OPENERS = {name: re.compile(rf"<{name}(?![\w-])", re.IGNORECASE) for name in ("script", "style")}
_CLOSERS = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in ("script", "style")}
_COMMENT = re.compile(r"<!--")
_COMMENT_END = re.compile(r"-->")
_LD_JSON = re.compile(r"ld\+json", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_SINGLE_BYTE = frozenset({"iso8859-1", "latin-1", "cp1252", "ascii"})


@dataclass
class Decoded:
    text: str
    encoding: str
    reason: str | None = None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_html(data: bytes | str, encoding: str | None = None) -> Decoded:
    """Text of a page: BOM, then the given encoding, then <meta charset>/http-equiv, then UTF-8, then cp1252."""
    if isinstance(data, str):
        return Decoded(data, "unicode")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(name, errors="replace"), name, "byte order mark")
    given = _codec(encoding)
    if given:
        try:
            return Decoded(data.decode(given), given)
        except UnicodeDecodeError:
            pass
    m = _META_CHARSET.search(data[:8192])
    declared = _codec(m.group(1).decode("ascii", "ignore")) if m else None
    utf8: str | None
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if declared and declared != "utf-8":
        if declared in _SINGLE_BYTE and utf8 is not None and not data.isascii():
            return Decoded(utf8, "utf-8", f"declared {declared} but the bytes are valid UTF-8")
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    if utf8 is not None:
        return Decoded(utf8, "utf-8", None if declared == "utf-8" or data.isascii() else "undeclared; valid UTF-8")
    reason = f"declared {declared} but the bytes are not" if declared else "no declared encoding"
    try:
        return Decoded(data.decode("cp1252"), "cp1252", f"{reason}; decoded as cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1", f"{reason}; decoded as latin-1")


def _strip_unread(text: str) -> str:
    """`text` without comments and without the contents of scripts (JSON-LD kept) and styles, in one forward scan
    (an unclosed one runs to the end, as in a browser)."""
    out: list[str] = []
    pos = 0
    found: dict[str, re.Match[str] | None] = {"script": None, "style": None, "comment": None}
    finders = {"comment": _COMMENT, **_OPENERS}
    done: set[str] = set()
    while True:
        for name, pattern in finders.items():
            m = found[name]
            if name not in done and (m is None or m.start() < pos):
                found[name] = m = pattern.search(text, pos)
                if m is None:
                    done.add(name)
        live = [(m.start(), name) for name, m in found.items() if m is not None and name not in done]
        if not live:
            break
        start, name = min(live)
        if name == "comment":
            close = _COMMENT_END.search(text, start + 4)
            out.append(text[pos:start])
            pos = close.end() if close else len(text)
            continue
        gt = text.find(">", start)
        if gt < 0:
            break
        closer = _CLOSERS[name].search(text, gt)
        end = closer.start() if closer else len(text)
        out.append(text[pos : gt + 1])
        if name == "script" and _LD_JSON.search(text, start, gt):
            out.append(text[gt + 1 : end])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def bound_html(text: str) -> tuple[str, str | None]:
    """A page text of at most MAX_HTML_CHARS, and a note when it had to be trimmed or cut."""
    if len(text) <= MAX_HTML_CHARS:
        return text, None
    trimmed = _strip_unread(text)
    if len(trimmed) <= MAX_HTML_CHARS:
        return trimmed, f"document trimmed: comments, scripts and styles removed ({len(text)} > {MAX_HTML_CHARS} chars)"
    return trimmed[:MAX_HTML_CHARS], (
        f"document cut to its first {MAX_HTML_CHARS} chars ({len(trimmed)} without comments, scripts and styles)"
    )


MAX_ELEMENTS = 15_000  # elements read per page: real article pages hold a few thousand (the largest seen ~2,200)
_COUNT_ALL = etree.XPath("count(//*)")
_NTH = etree.XPath("(//*)[$n]")


def cut_from(last: HtmlElement) -> None:
    """Remove, in place, `last` and every element after it in document order."""
    node, keep_node = last, False
    while node is not None:
        parent = node.getparent()
        if parent is None:
            break
        del parent[parent.index(node) + keep_node :]  # in libxml2: no proxy per removed sibling
        node, keep_node = parent, True


def bound_tree(doc: HtmlElement) -> str | None:
    """Cut, in place, a tree of more than MAX_ELEMENTS elements after its first MAX_ELEMENTS (the head and the
    top of the page, where an article is) and say so; None for a tree within the budget. Counting and finding
    the cut are XPath (C) work, so the check costs little on any page."""
    total = int(_COUNT_ALL(doc))
    if total <= MAX_ELEMENTS:
        return None
    found = _NTH(doc, n=MAX_ELEMENTS + 1)
    if found:
        cut_from(found[0])
    return f"document cut to its first {MAX_ELEMENTS} of {total} elements (work budget)"


def parse_document(text: str) -> HtmlElement | None:
    """An lxml tree, or None when there is nothing parseable."""
    text = _XML_DECL.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        return None
    try:
        doc = document_fromstring(text)
    except (etree.ParserError, ValueError, TypeError):
        return None
    return doc if isinstance(doc, HtmlElement) else None
