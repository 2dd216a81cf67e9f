"""Who wrote the story: bylines and credit lines on the page, the JSON-LD/meta author, and the reporter's name
printed as the last line of the story (Tempo style, "SITI RAHAYU").

Rules are data (`pantau/data/bylines.json`). A byline is an element whose class/id/itemprop/rel names an author
("div.author", "span[itemprop=author]", "a[rel=author]"), or a credit line with a label ("Penulis : ...",
"Reporter : ...", "Pewarta: ...", "Oleh ...", "By ..."). From its text come the names: labels, dates, the site's name
("Bayu Aji Nugroho - detikinet"), roles ("Kontributor Kota Lama, Suparman", "Rina Wulan / Jurnalis") and other
credits ("Editor : ...", "Redaktur : ...") are cut off; what the page calls itself (`site.SiteNames`) is never an
author. A JSON-LD/meta name that the byline prints in full ("Hendra" / "Hendra Kusuma") gives way to the fuller.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from pantau.extract.metadata import Page
from pantau.extract.site import SiteNames, byline_rules, squash
from pantau.extract.wire import wire_credit
from pantau.resources import load_json

MAX_BYLINE_CHARS = 160  # a longer element is an author box or a paragraph, not a byline
MAX_LIST_DEPTH = 8  # a related list holds its bylines this close; a far ancestor's "sidebar-enabled" is the layout
MAX_CANDIDATES = 200  # byline elements / credit lines looked at per page (bounded work on any page)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "meta", "link", "head", "title", "template", "button"})
_ASIDE_TAGS = frozenset({"figure", "figcaption", "nav", "footer", "aside"})
_ATTRS = ("class", "id", "itemprop", "rel", "data-testid", "data-component", "data-link-name")  # mark a byline
_CREDIT_TAGS = ("p", "div", "span", "td", "th", "li", "strong", "b", "em", "small", "address", "label")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\b(?:and|dan|AND|DAN)\b)\s*")  # "Dan" is a first name, not "dan"
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|/•]\s+|\s*/\s*|\s+[-–—]\s*$|\|")


@dataclass(frozen=True)
class _Rules:
    author_attr: re.Pattern[str]
    editor_attr: re.Pattern[str]
    listing_attr: re.Pattern[str]
    photo_attr: re.Pattern[str]
    label: re.Pattern[str]
    label_start: re.Pattern[str]
    credit: re.Pattern[str]
    other_credit: re.Pattern[str]
    starts_other: re.Pattern[str]
    role_lead: re.Pattern[str]
    place_role: re.Pattern[str]
    other_label_end: re.Pattern[str]
    starts_editing: re.Pattern[str]
    role_word: re.Pattern[str]
    desk_role: re.Pattern[str]
    when: re.Pattern[str]
    particles: frozenset[str]
    staff_code: re.Pattern[str]
    service_code: re.Pattern[str]
    service_code_vowels: int
    publisher_words: frozenset[str]
    max_words: int
    in_place: re.Pattern[str]


@cache
def _rules() -> _Rules:
    raw: dict[str, Any] = byline_rules()
    calendar = load_json("id_calendar.json")
    weekdays = "|".join(sorted(calendar["weekdays"], key=len, reverse=True))
    months = "|".join(sorted(calendar["months"], key=len, reverse=True))
    labels, others, roles = raw["author_labels"], raw["editor_labels"], raw["roles"]
    return _Rules(
        author_attr=re.compile(rf"(?:{raw['author_attr']})", re.IGNORECASE),
        editor_attr=re.compile(rf"(?:{raw['editor_attr']})", re.IGNORECASE),
        listing_attr=re.compile(rf"(?:{raw['listing_attr']})", re.IGNORECASE),
        photo_attr=re.compile(rf"(?:{raw['photo_attr']})", re.IGNORECASE),
        label=re.compile(rf"^(?:{labels})\b\s*[:：\-]?\s*", re.IGNORECASE),
        label_start=re.compile(rf"^(?:{labels})\b", re.IGNORECASE),
        credit=re.compile(rf"^(?:(?:{labels})\s*[:：]\s*\S|(?:{raw['spaced_labels']})\s+\S)", re.IGNORECASE),
        other_credit=re.compile(rf"(?:^|\s|[|/,])(?:{others})\s*[:：]", re.IGNORECASE),
        starts_other=re.compile(rf"^(?:{others})\b", re.IGNORECASE),
        role_lead=re.compile(rf"^(?:{roles})\b[^,]{{0,40}},\s*", re.IGNORECASE),
        starts_editing=re.compile(rf"^(?:{raw['editing_labels']})\b\s*[:：]", re.IGNORECASE),
        other_label_end=re.compile(rf"(?:^|\s)(?:{others})\s*[:：]\s*$", re.IGNORECASE),
        place_role=re.compile(rf"^(?:{raw['place_roles']})\s+[^:：,]{{1,40}},\s*", re.IGNORECASE),
        role_word=re.compile(rf"^(?:{roles})$", re.IGNORECASE),
        when=re.compile(rf"\b(?:{months})\.?\s+\d|\d|\b(?:{weekdays})\b\s*[,\d]|\s(?:on|at|pada)\s+\d", re.IGNORECASE),
        desk_role=re.compile(rf"\b(?:{raw['desk_roles']})$", re.IGNORECASE),
        particles=frozenset(raw["name_particles"]),
        staff_code=re.compile(raw["staff_code"]),
        service_code=re.compile(raw["service_code"]["pattern"]),
        service_code_vowels=int(raw["service_code"]["max_vowels"]),
        publisher_words=frozenset(raw["publisher_words"]),
        max_words=int(raw["max_name_words"]),
        in_place=re.compile(raw["in_place"]),
    )


def _attrs(el: HtmlElement) -> str:
    return " ".join(str(el.get(a) or "") for a in _ATTRS)


def _text(el: HtmlElement) -> str:
    """The element's text with its parts spaced ("<div>Rina Wulan</div><span>Jurnalis</span>" -> "Rina Wulan
    Jurnalis"), without scripts and styles."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if isinstance(node.tag, str) and node.tag not in _SKIP_TAGS:
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not el:
            parts.append(node.tail or "")

    walk(el)
    return " ".join(" ".join(parts).split())


def is_person(name: str, sites: SiteNames) -> bool:
    """Whether `name` reads as a person's name (not a sentence, an organisation, a link or the site)."""
    r = _rules()
    words = name.split()
    if not words or len(words) > r.max_words or len(name) > 60 or len(name.strip(".")) < 2:
        return False
    if re.search(r"[\d@#:=<>\"“”?!]|https?|www\.", name) or re.search(r"\.(?:com|co|id|net)\b", name, re.IGNORECASE):
        return False
    if any(w.casefold().strip(".,") in r.publisher_words for w in words):
        return False
    if r.service_code.match(name) and sum(name.count(v) for v in "AEIOU") <= r.service_code_vowels:
        return False  # "TNN", "HT": a newsroom's or news service's code, not a writer
    for w in words:
        if not w[0].isalpha():
            return False
        if not w[0].isupper() and w.casefold() not in r.particles:
            return False
    return not sites.is_site(name)


def names_from(text: str, sites: SiteNames) -> list[str]:
    """The writers' names in one byline or credit line (see the module docstring); [] when it names none."""
    r = _rules()
    text = " ".join(text.split()).strip(" ,.|-–—:")
    wire = wire_credit(text)
    if wire is not None:  # "AFP, MANILA", "Agence France-Presse, PLACE | World | ...": the agency only
        return [wire.agency]
    if not text or sites.is_exactly_site(text) or (r.starts_other.match(text) and not r.label.match(text)):
        return []
    place_role = r.place_role.match(text)  # "Kontributor Kota Lama, Suparman": the place is no name
    if place_role:
        text = text[place_role.end() :]
    labelled = bool(place_role) or bool(r.label.match(text))
    text = r.label.sub("", text, count=1)
    if labelled and text[:1].islower():
        return []  # "By comparison, Haniyeh, who ...": a sentence that opens with the label's word, not a credit
    cut = r.other_credit.search(text)
    if cut:
        text = text[: cut.start()]
    if labelled and r.staff_code.match(text.strip(" ,/|-–—")):
        return [text.strip(" ,/|-–—")]
    when = r.when.search(text)
    if when:
        text = text[: when.start()]
    names: list[str] = []
    for segment in _SEGMENT_SPLIT.split(text):
        segment = r.label.sub("", r.role_lead.sub("", segment.strip(" ,.|-–—:()")), count=1)
        if not segment or sites.is_site(segment, affix=True) or r.role_word.match(segment):
            continue
        if r.desk_role.search(segment):  # "Kabar Harian Staff Writers": whose staff, not a name
            continue
        for part in _NAME_SPLIT.split(segment):
            words = r.in_place.sub("", part.strip(" ,.-–—:()")).split()  # "Name in Paris"
            while words and r.role_word.match(words[-1]):
                words.pop()
            while words and r.role_word.match(words[0]):
                words.pop(0)
            name = " ".join(words)
            if name and (is_person(name, sites) or name in _agencies()) and name not in names:
                names.append(name)
    return names


@cache
def _agencies() -> frozenset[str]:
    """Wire services a byline may name beside its writers ("Adam Vidler and AP"): kept though short capitals."""
    return frozenset(byline_rules()["wire"]["agencies"])


def _words(attrs: str) -> set[str]:
    return {w for w in re.split(r"[\s_\-]+", attrs.casefold()) if w}


def _aside(el: HtmlElement, r: _Rules) -> bool:
    """Inside a related/sidebar list (maybe another story's byline) or near a photo (maybe a photo credit): read
    only when the page has no other byline."""
    for depth, node in enumerate(el.iterancestors()):
        if node.tag in _ASIDE_TAGS:
            return True
        words = _words(_attrs(node)) if depth < MAX_LIST_DEPTH else set()
        if any(r.listing_attr.fullmatch(w) for w in words):
            return True
        if depth < 3 and any(r.photo_attr.fullmatch(w) for w in words):
            return True
    return False


@cache
def _marked_xpath() -> etree.XPath:
    """One XPath for the elements whose class/id/itemprop/rel names an author (EXSLT regex over the joined
    attributes: no Python object per element of the page), and any `<author>` element (a template's own tag)."""
    joined = "concat(" + ", ' ', ".join(f"@{a}" for a in _ATTRS) + ")"
    return etree.XPath(
        f"//*[{' or '.join(f'@{a}' for a in _ATTRS)}][re:test({joined}, $words, 'i')] | //author",
        namespaces={"re": "http://exslt.org/regular-expressions"},
    )


def _byline_elements(doc: HtmlElement) -> Iterator[HtmlElement]:
    r = _rules()
    marked: list[HtmlElement] = []
    for el in _marked_xpath()(doc, words=str(byline_rules()["author_attr"])):
        if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS:
            attrs = _attrs(el)
            if el.tag == "author" or (r.author_attr.search(attrs) and not r.editor_attr.search(attrs)):
                marked.append(el)
                if len(marked) >= MAX_CANDIDATES:
                    break
    inner = set(marked)
    for el in marked:
        if any(a in inner for a in el.iterancestors()):
            continue  # the outer byline: its inner author element is read instead ...
        if not any(d in inner and _text(d) for d in el.iterdescendants()):
            yield el
    for el in marked:
        if any(a in inner for a in el.iterancestors()) and not any(d in inner for d in el.iterdescendants()):
            yield el  # ... here, after the outer ones


@cache
def _starts_with_xpath() -> etree.XPath:
    """Credit-tag elements whose own text (before any child) may start with a label: its first two characters
    after XML white space are, lower-cased, the start of one (`$firsts`, see `_label_prefilter`) or not both
    printable ASCII (other white space, "İ", "K" (Kelvin) ... which Python's `\\s` and case folding also match).
    A superset of the regex's matches, found in C without a Python object (or a call into Python) per element."""
    tags = " or ".join(f"self::{t}" for t in _CREDIT_TAGS)
    head = "substring(normalize-space(.), 1, 2)"
    return etree.XPath(
        f"//*[{tags}][node()[1][self::text()][$firsts = '' or contains($firsts, translate({head}, $upper, $lower))"
        f" or translate({head}, $ascii, '') != '']]"
    )


_PLAIN_LABEL = re.compile(r"[a-z][a-z ]+")
_ASCII = "".join(map(chr, range(0x20, 0x7F)))


@cache
def _label_prefilter(labels: str) -> tuple[str, re.Pattern[str]]:
    """("|pe|re|..|": the first two letters of every label of an alternation of plain lower-case labels (two
    letters or more), or "" when some label is not plain (then every text is read); the regex of the labels)."""
    parts = labels.split("|")
    firsts = "|" + "|".join(sorted({p[:2] for p in parts})) + "|"
    return firsts if all(_PLAIN_LABEL.fullmatch(p) for p in parts) else "", re.compile(
        rf"^\s*(?:{labels})\b", re.IGNORECASE
    )


def _labelled(doc: HtmlElement, labels: str) -> list[HtmlElement]:
    """The credit-tag elements whose own text starts with one of `labels` (an alternation), in document order."""
    firsts, pattern = _label_prefilter(labels)
    found = _starts_with_xpath()(doc, firsts=firsts, ascii=_ASCII, upper=string.ascii_uppercase,
                                 lower=string.ascii_lowercase)  # fmt: skip
    return [el for el in found if isinstance(el, HtmlElement) and pattern.match(el.text or "")]


def _credit_lines(labelled: list[HtmlElement]) -> Iterator[HtmlElement]:
    """Credit lines ("Penulis : Nama", "<td>Reporter</td><td>: Nama</td>"): the nearest element around a label
    that holds a name after it (only elements whose own text starts with a label are looked at: linear time)."""
    r = _rules()
    seen: set[HtmlElement] = set()
    tried = 0
    for el in labelled:
        own = (el.text or "").strip()
        if not own or not r.label_start.match(own):
            continue
        tried += 1
        if tried > MAX_CANDIDATES:
            return
        node: HtmlElement | None = el
        for _ in range(3):
            if node is None:
                break
            text = _text(node)
            if len(text) > MAX_BYLINE_CHARS:
                break
            if r.credit.match(text) and len(r.label.sub("", text, count=1).strip(" :")) > 1:
                if node not in seen:
                    seen.add(node)
                    yield node
                break
            node = node.getparent()


def page_credits(page: Page, sites: SiteNames) -> tuple[list[str], frozenset[str]]:
    """(the writers the page's bylines name, the names it prints only in another role's credit), read before the
    body is cut out of the tree (see `page_authors` and `_editor_names`); the labelled lines are found once."""
    raw = byline_rules()
    labelled = _labelled(page.doc, f"{raw['author_labels']}|{raw['editor_labels']}")
    return page_authors(page, sites, labelled), _editor_names(labelled)


def page_authors(page: Page, sites: SiteNames, labelled: list[HtmlElement]) -> list[str]:
    """The writers the page's own bylines and credit lines name, before the body is cut out of the tree.

    A labelled line ("Penulis : ...", "Pewarta: ...", "Oleh ...") outside related lists and photos comes first, then
    an author element without a label ("div.author" holding "Nama - detikinet"), then a labelled line inside such a
    list or box; an unlabelled name inside one is a photo credit or another story's byline, read only when it is the
    page's only named one (`_lone_aside_byline`). Within
    a tier the first element that names someone (and its like: the same tag and class) gives the names."""
    r = _rules()
    elements = _in_document_order(page.doc, [*_byline_elements(page.doc), *_credit_lines(labelled)])
    labelled = [bool(r.label_start.match(_text(el))) for el in elements]
    asides = [_aside(el, r) for el in elements]
    for want_label, want_aside in ((True, False), (False, False), (True, True)):
        tier = [
            el
            for el, lab, aside in zip(elements, labelled, asides, strict=True)
            if lab == want_label and aside == want_aside
        ]
        found = _names_in(tier, sites)
        if found:
            return found
    return _lone_aside_byline(elements, labelled, asides, sites)


def _lone_aside_byline(
    elements: list[HtmlElement], labelled: list[bool], asides: list[bool], sites: SiteNames
) -> list[str]:
    """The names of an unlabelled byline inside an aside when it is the page's only one that names anyone (a
    meta column printed as <aside>: "Associated Press in Valencia"); two or more are cards of other stories."""
    named = []
    for el, lab, aside in zip(elements, labelled, asides, strict=True):
        text = _text(el)
        if lab or not aside or not text or len(text) > MAX_BYLINE_CHARS or _after_other_label(el):
            continue
        names = names_from(text, sites)
        if names:
            named.append(names)
            if len(named) > 1:
                return []
    return named[0] if named else []


def _in_document_order(doc: HtmlElement, elements: list[HtmlElement]) -> list[HtmlElement]:
    """The elements once each, in the order the page prints them (a credit line that holds a marked author element
    stands where that element does), found in one walk that stops at the last of them."""
    wanted = dict.fromkeys(elements)
    if len(wanted) < 2:
        return list(wanted)
    order: dict[HtmlElement, int] = {}
    for i, el in enumerate(doc.iter()):
        if el in wanted:
            order[el] = i
            if len(order) == len(wanted):
                break
    return sorted(wanted, key=lambda el: order.get(el, len(order)))


def _after_other_label(el: HtmlElement) -> bool:
    """Whether an element stands right after another role's label ("Editor : <a class='author'>Nama</a>"): the
    name is that role's (an editor, a photographer), not the writer's."""
    prev = el.getprevious()
    lead = (prev.tail if prev is not None else (el.getparent().text if el.getparent() is not None else None)) or ""
    return bool(_rules().other_label_end.search(lead[-40:]))


def _editor_names(labelled: list[HtmlElement]) -> frozenset[str]:
    """The names (squashed) the page prints in another role's credit ("Editor: Nama", "Penyunting : Nama"): a
    JSON-LD or meta author that the page prints only there is its editor, not its writer."""
    r = _rules()
    out: set[str] = set()
    tried = 0
    for el in labelled:
        own = (el.text or "").strip()
        if not own or not r.starts_editing.match(own):
            continue
        tried += 1
        if tried > MAX_CANDIDATES:
            break
        text = _text(el)
        if len(text) > MAX_BYLINE_CHARS:
            continue
        for part in re.split(r"\s*[|/]\s*", text):
            if r.starts_editing.match(part):
                rest = r.other_credit.sub("", part, count=1).strip(" :：,.")
                if rest:
                    out.add(squash(rest))
    return frozenset(out)


def _names_in(elements: list[HtmlElement], sites: SiteNames) -> list[str]:
    found: list[str] = []
    first: tuple[str, str] | None = None
    near: set[HtmlElement] = set()
    for el in elements:
        text = _text(el)
        if not text or len(text) > MAX_BYLINE_CHARS or _after_other_label(el):
            continue
        if re.match(r"^\S+\s*/\s*\S", text) and sites.is_site(text.split("/")[0], affix=True):
            continue  # "KOMPAS.com/NAMA" is a photo credit
        names = names_from(text, sites)
        if not names:
            continue
        key = (str(el.tag), str(el.get("class") or ""))
        if first is None:
            first, near = key, _near(el)
        elif key != first or not (_near(el) & near):
            break  # another kind of element, or the same kind in another story's card further down
        found.extend(n for n in names if n not in found)
    return found


def _near(el: HtmlElement) -> set[HtmlElement]:
    """The element's parent and grandparent: the bylines of one story's several writers share one of them."""
    return set(_ancestor_list(el, 2))


def _ancestor_list(el: HtmlElement, depth: int) -> list[HtmlElement]:
    out: list[HtmlElement] = []
    for node in el.iterancestors():
        if len(out) >= depth:
            break
        out.append(node)
    return out


def _fuller(name: str, others: Iterable[str]) -> str:
    """`name`, or the longer form another source prints ("Hendra" -> "Hendra Kusuma")."""
    words = name.casefold().split()
    for other in others:
        ow = other.casefold().split()
        if len(ow) > len(words) and ow[: len(words)] == words:
            return other
    return name


def choose_authors(
    family: list[str], meta: list[str], byline: list[str], sites: SiteNames, editors: frozenset[str] = frozenset()
) -> str | None:
    """One author string (", "-joined): a family parser's names, else the page's bylines, else JSON-LD/meta people
    (which may name an editor or a shortened form); each name in its fullest printed form; never the site.
    `editors`: names the page prints only in an editor's credit (`page_editors`); a family or meta name among
    them that no byline prints is the editor and no author."""
    in_byline = {squash(n) for n in byline}

    def writer(name: str) -> bool:
        return squash(name) not in editors or squash(name) in in_byline

    family = [n for a in family for n in names_from(a, sites) if writer(n)]
    meta = [n for a in meta for n in names_from(a, sites) if writer(n)]
    chosen = family or byline or meta
    chosen = [_fuller(n, [*byline, *meta]) for n in chosen]
    return ", ".join(dict.fromkeys(chosen)) or None


@dataclass(frozen=True)
class _Trailing:
    max_words: int
    max_chars: int
    not_names: frozenset[str]
    agencies: frozenset[str]
    site_credit_words: frozenset[str]


@cache
def _trailing() -> _Trailing:
    raw: dict[str, Any] = byline_rules()["trailing"]
    return _Trailing(
        int(raw["max_words"]),
        int(raw["max_chars"]),
        frozenset(n.casefold() for n in raw["not_names"]),
        frozenset(a.casefold() for a in raw["agencies"]),
        frozenset(w.casefold() for w in raw["site_credit_words"]),
    )


def reporter_line(text: str, sites: SiteNames) -> list[str]:
    """The reporters a closing line names: "SITI RAHAYU", "SITI RAHAYU | REUTERS" (the agency is no name),
    "(Budi Santoso)", a mixed-case name and the site after a comma ("Max Lee, KBS World Radio News."); [] for any
    other line."""
    t = _trailing()
    line = " ".join(text.split())
    if not line or len(line) > t.max_chars or line.casefold() in t.not_names:
        return []
    bracketed = line.startswith("(") and line.endswith(")")
    if bracketed:
        line = line[1:-1].strip()
    elif line != line.upper() and "," in line:  # "Max Lee, KBS World Radio News.": the writer and the site
        name, _, credit = (part.strip() for part in line.rstrip(".").partition(","))
        last = credit.rsplit(None, 1)[-1].casefold() if credit else ""
        site = squash(credit) in sites.full or (last in t.site_credit_words and sites.is_site(credit))
        return [name] if site and len(name.split()) >= 2 and is_person(name, sites) else []
    elif line != line.upper() or not any(c.isalpha() for c in line):
        return []
    names: list[str] = []
    for part in re.split(r"\s*[|/,;]\s*", line):
        if not part:
            continue
        if part.casefold() in t.agencies or sites.is_site(part, affix=True):
            continue
        words = part.split()
        if len(words) > t.max_words or part.casefold() in t.not_names or not is_person(part, sites):
            return []
        if bracketed and (len(words) < 2 or part.isupper()):
            return []
        names.append(part)
    return names


_GLUED_CREDIT = re.compile(r"(?<=[.!?\"”])\s*(\([^()]{3,60}\))$")  # a bracket after the last sentence's end


def split_reporter_line(
    paragraphs: list[str], sites: SiteNames, author: str | None = None
) -> tuple[list[str], list[str]]:
    """(paragraphs without a closing reporter line, the names it held). The story must keep at least one
    paragraph: a lone all-caps line is no reporter's name. A bracketed name glued after the last sentence ("...
    Denpasar. (Budi Santoso)") is a contributor's credit: it leaves the paragraph, and names the writer only when no
    byline does. `author`: the writers a byline already gave; then a
    closing line leaves the body only when it names one of them again ("DEWI LESTARI" under "Oleh Dewi Lestari
    Putri"): a closing line in capitals naming none of them is the story's own last line."""
    if len(paragraphs) < 2:
        return paragraphs, []
    glued = _GLUED_CREDIT.search(paragraphs[-1], max(0, len(paragraphs[-1]) - _trailing().max_chars - 4))
    if glued and reporter_line(glued.group(1), sites):  # "... di Denpasar. (Budi Santoso)": a contributor credit
        names = reporter_line(glued.group(1), sites)
        return [*paragraphs[:-1], paragraphs[-1][: glued.start()].rstrip()], [] if author else names
    if agency_line(paragraphs[-1], sites):
        return paragraphs[:-1], []
    names = reporter_line(paragraphs[-1], sites)
    if not names:
        return paragraphs, []
    if author:
        known = [squash(n) for n in author.split(",")]
        said = [squash(n) for n in names]
        if not any(k.startswith(n) or n.startswith(k) for k in known for n in said):
            return paragraphs, []  # the line names none of the byline's writers: the story's own last line
    return paragraphs[:-1], names


MAX_ROLE_WORDS = 4  # "Political Correspondent", "Senior Reporter, Jakarta": the job a byline prints after the name
BYLINE_COPY_AT = 2  # paragraphs at either end of the body a copy of the byline may sit in


def drop_byline_copies(paragraphs: list[str], author: str | None) -> list[str]:
    """`paragraphs` without a copy of the byline inside the body near its top or end: a writer's name alone or
    followed by a short job title in capitals ("Amy Gibbons Political Correspondent"), no sentence."""
    if not author or len(paragraphs) < 2:
        return paragraphs
    names = [squash(n) for n in author.split(",") if n.strip()]
    edges = {
        *range(min(BYLINE_COPY_AT, len(paragraphs))),
        *range(max(0, len(paragraphs) - BYLINE_COPY_AT), len(paragraphs)),
    }

    def copy(text: str) -> bool:
        words = text.split()
        if len(text) > MAX_BYLINE_CHARS or re.search(r"[.!?\d\"“”]", text):
            return False
        for cut in range(1, min(len(words), 6) + 1):
            if squash(" ".join(words[:cut])) in names:
                rest = words[cut:]
                return len(rest) <= MAX_ROLE_WORDS and all(w[:1].isupper() or w in {"of", "and", "&"} for w in rest)
        return False

    return [p for i, p in enumerate(paragraphs) if i not in edges or not copy(p)]


SITE_SIGNOFF_FROM = 2  # a story closed by the site's initials has at least this many paragraphs before that one
_SITE_SIGNOFF = re.compile(r"(?<=[.!?\"”’)])\s+([A-Z]{2,4})$")


def cut_at_site_signoff(paragraphs: list[str], sites: SiteNames) -> list[str]:
    """The story up to a last sentence closed by the site's initials ("... inner city. DM" on Daily Maverick),
    without the code and without what follows it (the writers' bios, promotions)."""
    codes = sites.initials()
    if not codes:
        return paragraphs
    for i in range(SITE_SIGNOFF_FROM, len(paragraphs)):
        found = _SITE_SIGNOFF.search(paragraphs[i], max(0, len(paragraphs[i]) - 8))
        if found and found.group(1) in codes:
            return [*paragraphs[:i], paragraphs[i][: found.start()].rstrip()]
    return paragraphs


MAX_BOLD_LINES = 300  # bold elements looked at for a bare byline (bounded work on any page)
MAX_STORY_BEFORE = 100  # a paragraph this long before the bold line means the story has begun: no byline there
MIN_SENTENCE_BEFORE = 40  # ... or one this long that ends a sentence
_NAMES_LINE = re.compile(r"^[^/]{3,40}(?:\s*/\s*[^/]{3,40}){1,3}$")


def _story_line(text: str) -> bool:
    text = text.strip()
    return len(text) > MAX_STORY_BEFORE or (len(text) >= MIN_SENTENCE_BEFORE and text.endswith(_SENTENCE_END))


_SENTENCE_END = (".", "!", "?", '"', "”")


def bold_names_line(doc: HtmlElement, sites: SiteNames) -> list[str]:
    """Writers printed as a bare bold paragraph of names joined by "/" above the story ("<p><strong>Name
    Surname/Name Surname</strong></p>"), each a person's name of two or more words and none a wire service or the
    site (a photo credit "Name/Reuters" is none); [] when there is none."""
    for i, el in enumerate(doc.iter("b", "strong")):
        if i >= MAX_BOLD_LINES:
            break
        parent = el.getparent()
        if parent is None or parent.tag != "p":
            continue
        text = " ".join(_text(el).split())
        if not _NAMES_LINE.match(text) or " ".join(_text(parent).split()) != text:
            continue
        parts = [p.strip() for p in text.split("/")]
        agencies = {a.casefold() for a in _agencies()}
        if not all(len(p.split()) >= 2 and is_person(p, sites) and p.casefold() not in agencies for p in parts):
            continue
        before = parent.itersiblings(preceding=True)
        if any(s.tag == "p" and _story_line(_text(s)) for s in before):
            continue
        return parts
    return []


_RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
MAX_SIGNATURE_LINES = 50  # right-aligned paragraphs looked at for a closing signature (bounded work)


def signature_line(doc: HtmlElement, sites: SiteNames) -> str | None:
    """The writer's signature closing the story: a right-aligned paragraph that is only a bold person's name of
    two to four words ("<p style='text-align:right'><strong>Name Surname</strong></p>", Vietnamese and some
    regional layouts), with no story line after it in its block; None when there is none."""
    found: str | None = None
    for i, p in enumerate(el for el in doc.iter("p") if _RIGHT_ALIGNED.search(el.get("style") or "")):
        if i >= MAX_SIGNATURE_LINES:
            break
        bold = [b for b in p if b.tag in ("b", "strong")]
        text = " ".join(_text(p).split())
        if len(bold) != 1 or " ".join(_text(bold[0]).split()) != text or not 2 <= len(text.split()) <= 4:
            continue
        if text.casefold() in {a.casefold() for a in _agencies()} or not is_person(text, sites):
            continue
        if any(_story_line(_text(q)) for s in p.itersiblings() if isinstance(s.tag, str) for q in s.iter("p")):
            continue  # a story paragraph follows, also one wrapped in a block ("<div><p>...</p></div>")
        found = text
    return found


def agency_line(text: str, sites: SiteNames) -> bool:
    """A closing line in capitals that only credits wire services or the site ("ANTARA", "REUTERS | AFP"): the
    place of a reporter line, holding no one's name."""
    line = " ".join(text.split())
    if not line or line != line.upper() or len(line) > _trailing().max_chars:
        return False
    parts = [p for p in re.split(r"\s*[|/,;]\s*", line) if p]
    return bool(parts) and all(p.casefold() in _trailing().agencies or sites.is_site(p, affix=True) for p in parts)
