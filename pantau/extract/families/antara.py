"""ANTARA: antaranews.com and its regional editions (sumsel.antaranews.com, jabar., kalbar. ...).

Selector sources: the Magz-based layout that antaranews used until 2023 (`h1.post-title`, `div.post-content`,
`span.article-date`, `.tags-wrapper a`, closing `p.text-muted` "Pewarta ... Editor ... COPYRIGHT © ANTARA"), the
2024 "wrap__article-detail" layout (`.wrap__article-detail-title h1`, `div.wrap__article-detail-content`,
`.wrap__article-detail-info`, `.blog-tags a`; seen in public templates cloning it), inline `span.baca-juga`, and the
"Palembang (ANTARA) - " dateline.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pantau.extract.families.base import Family, Parser, Selector


class V1(Parser):
    family = "antara"
    version = "V1"
    valid_from = date(2016, 1, 1)
    title: ClassVar[tuple[str, ...]] = ("h1.post-title", "header.post-header h1", "h1")
    body: ClassVar[tuple[str, ...]] = ("div.post-content",)
    drop = ("p.text-muted", ".text-muted", ".quote_old", ".adsbygoogle", ".ads_antara")
    published: ClassVar[tuple[Selector, ...]] = (
        ("meta[property='article:published_time']", "content"),
        ("span.article-date", None),
        (".post-header .article-date", None),
    )
    author = (("meta[name='author']", "content"),)
    section = (("meta[property='article:section']", "content"), (".breadcrumb li:nth-child(2) a", None))
    tags: ClassVar[tuple[Selector, ...]] = (("meta[name='keywords']", "content"), (".tags-wrapper a", None))
    dateline = r"^(?P<place>[A-Z][A-Za-z .']{1,40}?)\s*(?:,\s*[^()]{1,20}?)?\s*\(\s*ANTARA\s*\)\s*[-–—]+\s*"
    next_page = None
    full_text = None


class V2(V1):
    """2024 layout."""

    version = "V2"
    valid_from = date(2024, 1, 1)
    required = ("div.wrap__article-detail-content",)
    title = (".wrap__article-detail-title h1", "h1")
    body = ("div.wrap__article-detail-content",)
    published = (
        ("meta[property='article:published_time']", "content"),
        (".wrap__article-detail-info li span.text-secondary", None),
        (".wrap__article-detail-info li", None),
    )
    tags = (("meta[name='keywords']", "content"), (".blog-tags a", None))


FAMILY = Family("antara", ("antaranews.com",), (V1, V2))
