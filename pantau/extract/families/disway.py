"""Disway network: disway.id and its siblings (sumateraekspres.id / sumeks.disway.id, palpres., radarcirebon.com,
jambi-independent.co.id, fin.co.id, ...), one CMS for all.

Selector sources: public Disway scrapers (RSS-to-full-text scripts for disway.id and palpos.disway.id found with the
code search): the date as "Senin 18-11-2024,12:30 WIB", "Reporter:" / "Editor:" credits in bold, tags under
`a[href*='/listtag/']`, the category under `a[href*='/kategori/']`, further pages as `/read/<id>/<slug>/<n>`, and the
"BACA JUGA:" inserts as their own paragraphs inside the body; the "PALEMBANG, SUMATERAEKSPRES.ID –" dateline.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "disway"
    version = "V1"
    valid_from = date(2020, 1, 1)
    title = ("h1.text-black", "h1.post-title", "h1")
    body = ("div.post", "div.post-content", "div.entry-content", "article .content", "article")
    drop = (".list-tag", ".share", ".reporter", ".editor", ".pagination")
    published = (
        ("meta[property='article:published_time']", "content"),
        ("span.date", None),
        (".date", None),
        (".post-info", None),
    )
    author = (("meta[name='author']", "content"), (".author b", None), (".reporter b", None))
    section = (("a[href*='/kategori/']", None),)
    tags = (("a[href*='/listtag/']", None), ("meta[name='keywords']", "content"))
    dateline = r"^(?P<place>[A-Z][A-Za-z .']{1,40}?)\s*,\s*[A-Z0-9\-]+\.(?:ID|CO\.ID|COM|DISWAY\.ID)\s*[-–—]+\s*"
    next_page = "a[href*='/read/']"
    full_text = None

    @classmethod
    def pagination(cls, doc: HtmlElement, url: str) -> list[str]:
        """Only links to /read/<id>/<slug>/<n> of this same article count as its further pages."""
        base = re.sub(r"/\d+/?$", "", urlsplit(url).path.rstrip("/"))
        out = []
        for link in super().pagination(doc, url):
            path = urlsplit(link).path.rstrip("/")
            if re.fullmatch(re.escape(base) + r"/\d+", path):
                out.append(link)
        return out


FAMILY = Family(
    "disway",
    (
        "disway.id", "sumateraekspres.id", "radarcirebon.com", "jambi-independent.co.id", "fin.co.id",
        "harian.disway.id", "bacakoran.co", "palpres.com", "rakyatbengkulu.com", "radarseluma.disway.id",
    ),
    (V1,),
)  # fmt: skip
