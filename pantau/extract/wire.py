"""Wire credits: a line that names only the news agency a story came from, alone or with the place it was filed
from ("AFP, MANILA", "JIJI", "Agence France-Presse, CHARLESTON, South Carolina | World | Fri, June 19 2015").

Such a line is printed where a byline would be (its own element under the headline, a `p.credit`, a byline bar).
The agency is the author when no byline names a writer; the place is the dateline when the story's own lead prints
none; the line itself is no story text. The agencies are data (`bylines.json`, `wire`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lxml import etree
from lxml.html import HtmlElement

from pantau.extract.site import byline_rules

MAX_LOOKED_AT = 300  # elements whose text starts like an agency looked at per page (bounded work)
_TAGS = ("p", "div", "span", "li", "strong", "b", "em", "small", "address", "h5", "h6", "td")
_ASIDE_TAGS = frozenset({"figure", "figcaption", "nav", "footer", "aside", "a"})
_PHOTO = re.compile(r"photo|foto|caption|figure|image|img|gallery|galeri|related|sidebar|popular", re.IGNORECASE)


@dataclass(frozen=True)
class WireCredit:
    agency: str  # as printed ("AFP", "Agence France-Presse")
    place: str | None  # as printed ("MANILA", "CHARLESTON, South Carolina"), None when the line names none
    text: str  # the whole line, as it reads in the body


@cache
def _pattern() -> re.Pattern[str]:
    raw = byline_rules()["wire"]
    agencies = "|".join(re.escape(a) for a in sorted(raw["agencies"], key=len, reverse=True))
    more = int(raw["max_place_words"]) - 1
    caps = r"[A-Z][A-Z.'\-]+"
    place = rf"{caps}(?:\s+{caps}){{0,{more}}}(?:\s*,\s*[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){{0,{more}}})?"
    return re.compile(rf"^(?P<agency>{agencies})(?:\s*[,/]\s*(?P<place>{place}))?\s*(?:$|\|)")


def wire_credit(text: str) -> WireCredit | None:
    """The agency and place a credit line names when it names nothing else before a "|" (see the module)."""
    line = " ".join(text.split())
    if not line or len(line) > int(byline_rules()["wire"]["max_chars"]):
        return None
    found = _pattern().match(line)
    if found is None:
        return None
    return WireCredit(found.group("agency"), found.group("place"), line)


@cache
def _start() -> re.Pattern[str]:
    """An agency's name at the start of a text (cheap test before the element's whole text is read)."""
    agencies = "|".join(re.escape(a) for a in sorted(byline_rules()["wire"]["agencies"], key=len, reverse=True))
    return re.compile(rf"\s*(?:{agencies})(?![\w-])")


@cache
def _xpath() -> etree.XPath:
    """The elements whose own first text starts with an agency's first letter pair (a superset, found in C)."""
    tags = " or ".join(f"self::{t}" for t in _TAGS)
    return etree.XPath(
        f"//*[{tags}][node()[1][self::text()]"
        " [contains($firsts, translate(substring(normalize-space(.), 1, 2), $upper, $lower))]]"
    )


@cache
def _firsts() -> str:
    return "|" + "|".join(sorted({a[:2].casefold() for a in byline_rules()["wire"]["agencies"]})) + "|"


def _aside(el: HtmlElement) -> bool:
    """Inside a photo, a caption, a link or a related list: a photo credit or another story's line."""
    for depth, node in enumerate(el.iterancestors()):
        if node.tag in _ASIDE_TAGS:
            return True
        if depth < 3 and _PHOTO.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _bounded_text(el: HtmlElement, limit: int) -> str | None:
    """The element's text, or None once it runs past `limit` characters (reads no further: bounded work)."""
    pieces: list[str] = []
    seen = 0
    for piece in el.itertext():
        seen += len(piece)
        if seen > 2 * limit:
            return None
        pieces.append(piece)
    return "".join(pieces)


def find_wire_credit(doc: HtmlElement) -> WireCredit | None:
    """The first wire credit line of the page outside photos and related lists, read before the body is cut."""
    upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    found = _xpath()(doc, firsts=_firsts(), upper=upper, lower=upper.lower())
    limit = int(byline_rules()["wire"]["max_chars"])
    looked_at = 0
    for el in found:
        if not isinstance(el, HtmlElement) or len(el) > 3 or not _start().match(el.text or ""):
            continue  # a credit line is a leaf or nearly one (an agency link, a bold place) that opens with one
        looked_at += 1  # only these are read: the superset ("Berita ...", "Kabupaten ...") is free to skip
        if looked_at > MAX_LOOKED_AT:
            break
        text = _bounded_text(el, limit)
        credit = wire_credit(text) if text is not None else None
        if credit is not None and not _aside(el):
            return credit
    return None
