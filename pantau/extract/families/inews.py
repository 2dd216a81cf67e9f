"""iNews.id and its regional channels (inews.id/sumsel, sumsel.inews.id, jabar.inews.id ...).

Selector sources: iNews article markup (`div.article-content` / `.txt-detail` body, `h1.title-news`, the date line
"Jumat, 20 Juni 2025 - 09:07:00 WIB" in `.date` / `.author-date`, "Baca Juga:" boxes), its `/all` single-page view
and `.pagination a` page links.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "inews"
    version = "V1"
    valid_from = date(2018, 1, 1)
    title = ("h1.title-news", "h1")
    body = ("div.article-content", "div.txt-detail", "div#article-content", "div.detail-content")
    drop = (".ads", ".video-inews", ".tags", ".pagination", ".article-pagination")
    published = (
        ("meta[property='article:published_time']", "content"),
        ("meta[name='pubdate']", "content"),
        (".author-date", None),
        (".date", None),
    )
    author = (("meta[name='author']", "content"), (".author a", None))
    section = (("meta[property='article:section']", "content"),)
    tags = (("meta[name='keywords']", "content"), (".tag a", None))
    next_page = ".pagination a, .article-pagination a"
    full_text = ("suffix", "/all")


FAMILY = Family("inews", ("inews.id",), (V1,))
