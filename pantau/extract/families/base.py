"""One small parser per outlet family, selectors as class attributes, versioned by layout.

A family module defines `class V1(Parser)` and, when the outlet changes its layout, `class V1_1(V1)` with a later
`valid_from` and only the selectors that changed. `Family.choose` takes the newest version whose `required`
selectors all match the page (or, without `required`, whose body selector matches).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

from pantau.extract import boilerplate as bp
from pantau.extract.body import paragraphs_of
from pantau.extract.metadata import clean_author, split_tags
from pantau.extract.published import DateTexts

Selector = tuple[str, str | None]  # (CSS, attribute to read or None for the text)


class Parser:
    """Selectors for one layout of one outlet family. Subclass per family and per layout version."""

    family: ClassVar[str] = ""
    version: ClassVar[str] = "V1"
    valid_from: ClassVar[date] = date(2000, 1, 1)
    required: ClassVar[tuple[str, ...]] = ()
    title: ClassVar[tuple[str, ...]] = ()
    body: ClassVar[tuple[str, ...]] = ()
    paragraph: ClassVar[str | None] = None
    drop: ClassVar[tuple[str, ...]] = ()
    published: ClassVar[tuple[Selector, ...]] = ()
    updated: ClassVar[tuple[Selector, ...]] = ()
    author: ClassVar[tuple[Selector, ...]] = ()
    section: ClassVar[tuple[Selector, ...]] = ()
    tags: ClassVar[tuple[Selector, ...]] = ()
    dateline: ClassVar[str | None] = None
    next_page: ClassVar[str | None] = None
    full_text: ClassVar[tuple[str, str] | None] = None  # ("query", "page=all") | ("suffix", "/all")
    default_tz: ClassVar[str] = "WIB"

    @classmethod
    def name(cls) -> str:
        return f"{cls.family}.{cls.version}"

    @classmethod
    def matches(cls, doc: HtmlElement) -> bool:
        if cls.required:
            return all(bp.select(doc, css) for css in cls.required)
        return any(bp.select(doc, css) for css in cls.body)

    # --- field readers -------------------------------------------------------------------------------------------

    @staticmethod
    def _values(doc: HtmlElement, selectors: tuple[Selector, ...], many: bool = False) -> list[str]:
        out: list[str] = []
        for css, attr in selectors:
            for el in bp.select(doc, css):
                value = el.get(attr) if attr else bp.text_of(el)
                value = " ".join((value or "").split())
                if value:
                    out.append(value)
                    if not many:
                        return out
            if out:
                return out
        return out

    @classmethod
    def containers(cls, doc: HtmlElement) -> list[HtmlElement]:
        for css in cls.body:
            found = bp.select(doc, css)
            if found:
                members = set(found)  # a set: a page that repeats its container thousands of times stays linear
                return [e for e in found if not any(a in members for a in e.iterancestors())]
        return []

    @classmethod
    def body_paragraphs(cls, doc: HtmlElement) -> tuple[list[str], str | None]:
        extra = bp.compile_selectors(list(cls.drop))
        raw: list[str] = []
        for container in cls.containers(doc):
            if cls.paragraph:
                bp.drop_nodes(container, extra)
                for el in bp.select(container, cls.paragraph):
                    raw.extend(bp.block_texts(el))
            else:
                raw.extend(paragraphs_of(container, extra))  # drops the boilerplate nodes once
        if not raw:
            return [], None
        return bp.clean_paragraphs(raw, (cls.dateline,) if cls.dateline else ())

    @classmethod
    def date_texts(cls, doc: HtmlElement) -> DateTexts:
        """What the `published` and `updated` selectors find: attribute values are machine data, texts are what
        the reader sees (an `updated` selector's text counts as an update line)."""
        found = DateTexts()
        for selectors, is_update in ((cls.published, False), (cls.updated, True)):
            for css, attr in selectors:
                for el in bp.select(doc, css)[:3]:
                    value = " ".join(((el.get(attr) if attr else bp.text_of(el)) or "").split())
                    if not value:
                        continue
                    if attr:
                        (found.machine_updated if is_update else found.machine).append(value)
                    else:
                        (found.visible_updated if is_update else found.visible).append(value)
        return found

    @classmethod
    def pagination(cls, doc: HtmlElement, url: str) -> list[str]:
        if not cls.next_page:
            return []
        here = urlsplit(url)
        out: list[str] = []
        for a in bp.select(doc, cls.next_page):
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript")):
                continue
            full = urljoin(url, href)
            parts = urlsplit(full)
            if parts.netloc != here.netloc or full == url or full in out:
                continue
            if cls.full_text and cls.full_text_url(url) == full:
                continue
            out.append(full)
        return out

    @classmethod
    def full_text_url(cls, url: str) -> str | None:
        if not cls.full_text:
            return None
        kind, value = cls.full_text
        parts = urlsplit(url)
        if kind == "query":
            key, _, val = value.partition("=")
            query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key]
            if (key, val) in parse_qsl(parts.query):
                return None
            query.append((key, val))
            return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
        if kind == "suffix":
            path = parts.path.rstrip("/")
            if path.endswith(value):
                return None
            return urlunsplit((parts.scheme, parts.netloc, path + value, parts.query, ""))
        return None

    @classmethod
    def extract_title(cls, doc: HtmlElement) -> str | None:
        titles = cls._values(doc, tuple((css, None) for css in cls.title))
        return titles[0] if titles else None

    @classmethod
    def extract(cls, doc: HtmlElement, url: str) -> dict[str, Any]:
        """Fields this layout's selectors find (metadata first, then the body, which mutates the tree)."""
        out: dict[str, Any] = {"parser": cls.name()}
        out["title"] = cls.extract_title(doc)
        out["date_texts"] = cls.date_texts(doc)  # resolved with the page's own date evidence by extract_html
        out["authors"] = cls._values(doc, cls.author, many=True)
        authors = [a for a in (clean_author(v) for v in out["authors"]) if a]
        out["author"] = ", ".join(dict.fromkeys(authors)) or None
        sections = cls._values(doc, cls.section)
        out["section"] = sections[0] if sections else None
        out["tags"] = split_tags(cls._values(doc, cls.tags, many=True))
        out["next_pages"] = cls.pagination(doc, url)
        out["paginated"] = bool(out["next_pages"])
        out["body_paragraphs"], out["dateline"] = cls.body_paragraphs(doc)
        return out


@dataclass(frozen=True)
class Family:
    name: str
    domains: tuple[str, ...]
    versions: tuple[type[Parser], ...]

    def choose(self, doc: HtmlElement) -> type[Parser] | None:
        """The newest version whose required selectors match this page."""
        for version in sorted(self.versions, key=lambda v: (v.valid_from, v.version), reverse=True):
            if version.matches(doc):
                return version
        return None
