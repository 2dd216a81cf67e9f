"""Kompas.com and its regional/vertical subdomains (regional.kompas.com, medan.kompas.com, nasional. ...).

Selector sources: public Kompas scrapers (`h1.read__title`, `div.read__time`, `div.read__content`), Kompas's
`content_PublishedDate` / `content_author` / `content_category` / `content_tag` meta, inline
`a.inner-link-baca-juga` "Baca juga" paragraphs, `.ads-on-body` / `.kompasidRec` inserts, credits in
`.read__credit` / `.credit-title-name`, the date line "Kompas.com - 20/06/2025, 18:13 WIB" (with "Diperbarui ..."),
and the `?page=all` single-page view with `.paging__link` links.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "kompas"
    version = "V1"
    valid_from = date(2017, 1, 1)
    title = ("h1.read__title", "h1")
    body = ("div.read__content", "div.read__article")
    drop = (
        ".ads-on-body", ".kompasidRec", ".read__credit", ".read__paging", ".paging",
        ".read__tagging", ".photo", ".video", ".kompas-video", ".ads-partner-wrap", ".inner-link-tag",
    )  # fmt: skip
    published = (
        ("meta[name='content_PublishedDate']", "content"),
        ("div.read__time", None),
    )
    updated = (("div.read__time.-updated", None), ("meta[name='content_LastModifiedDate']", "content"))
    author = (
        ("meta[name='content_author']", "content"),
        ("#penulis a", None),
        (".credit-title-name", None),
        ("div.read__credit__item a", None),
    )
    section = (("meta[name='content_category']", "content"), (".breadcrumb__item:nth-child(2) a", None))
    tags = (("meta[name='content_tag']", "content"), ("ul.tag__article__wrap a", None), (".tag__article__link", None))
    dateline = r"^(?P<place>[A-Z][A-Za-z .']{1,40}?)\s*,\s*KOMPAS\.com\s*[-–—]+\s*"
    next_page = "a.paging__link, .paging a, .read__paging a"
    full_text = ("query", "page=all")


class V1_1(V1):
    """2023 redesign: a `read__time` for published and a separate one for "Diperbarui"; clamp body under `.clearfix`."""

    version = "V1_1"
    valid_from = date(2023, 6, 1)
    required = ("div.read__content", "div.read__time")
    body = ("div.read__content > div.clearfix", "div.read__content")


FAMILY = Family("kompas", ("kompas.com",), (V1, V1_1))
