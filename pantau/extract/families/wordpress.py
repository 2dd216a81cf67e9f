"""Generic WordPress news themes (many regional outlets): Newspaper (`.td-post-content`), JNews
(`.jeg_post_content .content-inner`), SmartMag / Sahifa / default themes (`.entry-content`, `.post-content`,
`.single-content`).

Selector sources: the themes' public templates (Newspaper `td-post-content`, JNews `jeg_post_title` /
`jeg_meta_date` / `content-inner`, WordPress core `entry-title` / `entry-content` / `rel=tag`), and WordPress's
`article:published_time` (Yoast) and `<time class="entry-date">` markup.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "wordpress"
    version = "V1"
    valid_from = date(2010, 1, 1)
    title = ("h1.entry-title", "h1.jeg_post_title", "h1.tdb-title-text", "h1.post-title", "h1")
    body = (
        ".jeg_post_content .content-inner", ".td-post-content", ".tdb_single_content .tdb-block-inner",
        ".entry-content", ".post-content", ".single-content", ".post-entry", ".article-content",
    )  # fmt: skip
    drop = (
        ".jeg_post_tags", ".jnews_inline_related_post", ".jeg_share_button", ".td-post-sharing", ".sharedaddy",
        ".jp-relatedposts", ".wp-block-embed", ".addtoany_share_save_container", ".post-views", ".code-block",
    )  # fmt: skip
    published = (
        ("meta[property='article:published_time']", "content"),
        ("time.entry-date", "datetime"),
        (".jeg_meta_date a", None),
        ("time", "datetime"),
    )
    updated = (("meta[property='article:modified_time']", "content"), ("time.updated", "datetime"))
    author = (("meta[name='author']", "content"), (".author a", None), (".jeg_meta_author a", None))
    section = (("meta[property='article:section']", "content"), ("a[rel~='category']", None))
    tags = (("meta[property='article:tag']", "content"), ("a[rel~='tag']", None))
    next_page = ".page-links a, .post-page-numbers"


FAMILY = Family("wordpress", (), (V1,))
