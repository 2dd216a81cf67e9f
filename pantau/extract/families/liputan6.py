"""Liputan6.com (news., bisnis., regional.liputan6.com/...).

Selector sources: Liputan6 read-page markup (`h1.read-page--header--title`, `time.read-page--header--author__datetime`
with a `datetime` attribute, `.read-page--header--author__name`, one `div.article-content-body__item-content` per page
chunk, `.baca-juga-collections` inserts, `.read-page--related-article`), its `article:published_time` meta.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "liputan6"
    version = "V1"
    valid_from = date(2017, 1, 1)
    title = ("h1.read-page--header--title", "h1")
    body = ("div.article-content-body__item-content", "div.article-content-body", "div.read-page--content")
    drop = (
        ".article-content-body__item-media", ".read-page--related-article",
        ".article-ad", ".advertisement-text", ".article-content-body__item-page-number",
    )  # fmt: skip
    published = (
        ("meta[property='article:published_time']", "content"),
        ("time.read-page--header--author__datetime", "datetime"),
        ("time.read-page--header--author__datetime", None),
    )
    updated = (("time.read-page--header--author__modified-time", "datetime"),)
    author = (("span.read-page--header--author__name", None), ("meta[name='author']", "content"))
    section = (("meta[property='article:section']", "content"),)
    tags = (("meta[name='keywords']", "content"), (".tags--snippet__link", None))
    dateline = r"^Liputan6\.com\s*,\s*(?P<place>[A-Z][A-Za-z .']{1,40}?)\s*[-–—]+\s*"
    next_page = None


FAMILY = Family("liputan6", ("liputan6.com",), (V1,))
