"""detik.com and its regional channels (detik.com/sumbagsel, /jabar, /jatim, /bali, /sulsel ...).

Selector sources: public detik scrapers (`div.itp_bodycontent` body, `meta[name=pubdate]`, `meta[name=author]`),
detik's BEM layout classes (`h1.detail__title`, `div.detail__body-text`, `div.detail__date`, `div.detail__author`),
its `dtk:publishdate` / `dtk:author` / `dtk:keywords` meta (publishdate "2025/06/20 09:07:00" carries no offset:
WIB), inline inserts `table.linksisip`, `.parallaxindetail`, `.staticdetail_container` ("SCROLL TO CONTINUE WITH
CONTENT"), and the `?single=1` single-page view with `.detail__long-nav` / `.detail__anchor-numb` page links.
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "detik"
    version = "V1"
    valid_from = date(2015, 1, 1)
    title = ("h1.detail__title", "div.jdl h1", "h1")
    body = ("div.detail__body-text", "div.itp_bodycontent", "div#detikdetailtext", "div.detail_text")
    drop = (
        ".parallaxindetail", ".staticdetail_container", "table.linksisip", ".linksisip", ".lihatjg",
        ".detail__body-tag", ".para_caption", ".sisip_video_ds", ".sisip_embed_sosmed", ".detail__long-nav",
        ".ads-scrollpage-container", "[class*='scrollpage']", ".detail__multiple", ".detail__body-author",
    )  # fmt: skip
    published = (
        ("meta[name='dtk:publishdate']", "content"),
        ("meta[name='publishdate']", "content"),
        ("meta[name='pubdate']", "content"),
        ("div.detail__date", None),
        ("div.date", None),
    )
    updated = (("meta[name='dtk:updatedate']", "content"),)
    author = (("meta[name='dtk:author']", "content"), ("div.detail__author", None), ("meta[name='author']", "content"))
    section = (("meta[name='dtk:kanal']", "content"), (".page__breadcrumb a:last-child", None))
    tags = (("meta[name='dtk:keywords']", "content"), (".detail__body-tag a", None))
    dateline = r"^(?P<place>[A-Z][A-Za-z .']{1,40}?)\s*(?:,\s*detik[A-Za-z]*)?\s*[-–—]+\s+"
    next_page = ".detail__long-nav a, a.detail__anchor-numb, .detail__multiple a"
    full_text = ("query", "single=1")


FAMILY = Family("detik", ("detik.com",), (V1,))
