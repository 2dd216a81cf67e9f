"""kumparan.com (a Next.js app: the text is server-rendered, the metadata is in JSON-LD and meta).

Selector sources: kumparan's story markup (`h1[data-qa-id='story-title']`, paragraphs in
`span[data-qa-id='story-paragraph']` / `div[data-qa-id='story-paragraph']`, author in `[data-qa-id='author-name']`,
the `NewsArticle` JSON-LD with `datePublished`).
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "kumparan"
    version = "V1"
    valid_from = date(2019, 1, 1)
    title = ("h1[data-qa-id='story-title']", "h1")
    body = ("div[data-qa-id='story-content']", "div.story-content", "article")
    paragraph = "[data-qa-id='story-paragraph'], p"
    drop = ("[data-qa-id='story-tags']", "[data-qa-id='related-story']", "[data-qa-id='baca-juga']")
    published = (("meta[property='article:published_time']", "content"), ("[data-qa-id='date']", None))
    author = (("[data-qa-id='author-name']", None), ("meta[name='author']", "content"))
    tags = (("[data-qa-id='story-tags'] a", None), ("meta[name='keywords']", "content"))


FAMILY = Family("kumparan", ("kumparan.com",), (V1,))
