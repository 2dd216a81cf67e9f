"""Suara.com and its regional sites (sumsel.suara.com, jabar.suara.com, jatim. ...).

Selector sources: Suara's article markup as public scrapers read it (`article.detail-content` / `div.detail--content`
body, `h1` in `div.info`, the date line "Jum'at, 20 Juni 2025 | 09:07 WIB" in `.date`, "Baca Juga:" blocks in
`.baca-juga`), its `article:published_time` / `keywords` meta, and the `?page=all` single-page view with `.pagination`.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "suara"
    version = "V1"
    valid_from = date(2018, 1, 1)
    title = ("div.info h1", "h1")
    body = ("article.detail-content", "div.detail--content", "div.detail-content", "div.content-article")
    drop = (".video-wrap", ".ads_detail", ".related-news", ".tag-detail")
    published = (
        ("meta[property='article:published_time']", "content"),
        ("div.info .date", None),
        (".date", None),
    )
    author = (("meta[name='author']", "content"), (".writer a", None), (".author a", None))
    section = (("meta[property='article:section']", "content"), (".breadcrumb li:nth-child(2) a", None))
    tags = (("meta[name='keywords']", "content"), (".tag-detail a", None))
    next_page = "ul.pagination a, .pagination a"
    full_text = ("query", "page=all")


FAMILY = Family("suara", ("suara.com",), (V1,))
