"""Okezone (news.okezone.com, nasional., megapolitan., ...).

Selector sources: Okezone's article markup read by public scrapers (`div#contentx` / `div.read` body, `.title h1`,
the reporter line `.namerep` holding "Jum'at 20 Juni 2025 09:07 WIB", `.baca-juga` boxes, `.newpaging` links) and the
`?page=all` single-page view.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "okezone"
    version = "V1"
    valid_from = date(2016, 1, 1)
    title = (".title h1", "h1")
    body = ("div#contentx", "div.read", "div.c-detail.read")
    drop = (".detads-bottom", ".box-gnews", ".newpaging", ".paging", "#rctiplus", ".ads")
    published = (
        ("meta[name='publishdate']", "content"),
        ("meta[property='article:published_time']", "content"),
        (".namerep b", None),
        (".namerep", None),
    )
    author = (("meta[name='author']", "content"), (".namerep a", None))
    section = (("meta[property='article:section']", "content"), (".breadcrumb a:last-child", None))
    tags = (("meta[name='keywords']", "content"), (".detail-tag a", None))
    next_page = ".newpaging a, .paging a"
    full_text = ("query", "page=all")


FAMILY = Family("okezone", ("okezone.com",), (V1,))
