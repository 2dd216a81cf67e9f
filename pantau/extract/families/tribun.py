"""Tribun network: tribunnews.com and its regional editions (palembang., sumsel., jabar., jateng., ...).

Selector sources: public scrapers of tribunnews.com article pages (BeautifulSoup/Scrapy code found with the code
search: `div.side-article.txt-article.multi-fontsize` for the body, `h1#arttitle` / the `f50` headline, the date in
`time` / `.grey.bdr3.pb10.pt10 span`, "Baca Juga" paragraphs with class `baca`), tribun's own
`content_PublishedDate` / `content_author` meta, and its `?page=all` single-page view with `.paging a` links.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "tribun"
    version = "V1"
    valid_from = date(2018, 1, 1)
    title = ("h1#arttitle", "h1.f50", "h1")
    body = ("div.side-article.txt-article", "div.txt-article", "div#article_con", "div.side-article")
    drop = ("#bacajuga", ".ads__horizontal", ".mb10.ovh.mt10", "#penulis", "#editor")
    published = (
        ("meta[name='content_PublishedDate']", "content"),
        ("time[datetime]", "datetime"),
        ("#article time", None),
        ("time", None),
        (".grey.bdr3 span", None),
    )
    author = (("meta[name='content_author']", "content"), ("#penulis a", None), ("#penulis", None))
    section = (("meta[name='content_category']", "content"), ("ul.breadcrumb li:nth-child(2) a", None))
    tags = (("meta[name='content_tag']", "content"), ("div.tagcloud3 a", None), ("meta[name='keywords']", "content"))
    dateline = r"^(?:TRIBUN[A-Z]*\.COM|TRIBUNNEWS\.COM)\s*,\s*(?P<place>[A-Z][A-Za-z .']{1,40}?)\s*[-–—]+\s*"
    next_page = "div.paging a, #paging a, .pagination a"
    full_text = ("query", "page=all")


class V1_1(V1):
    """2023 layout: the body sits in `div.txt-article` under `#artikel` / `.side-article`, date in `time span`."""

    version = "V1_1"
    valid_from = date(2023, 1, 1)
    required = ("div.side-article.txt-article.multi-fontsize",)


FAMILY = Family("tribun", ("tribunnews.com",), (V1, V1_1))
