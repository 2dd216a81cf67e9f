"""Jawa Pos and the Radar regional network (jawapos.com, radarsurabaya.jawapos.com, radarjember.jawapos.com, ...).

Selector sources: Jawa Pos article markup (`h1.read__title`, `div.read__content` since the 2023 relaunch; the older
`div.content` / `.detail-content`), "Baca Juga:" blocks, `.read__info__date` date line, and the `?page=N` pagination
(`.pagination a`).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pantau.extract.families.base import Family, Parser, Selector


class V1(Parser):
    family = "jawapos"
    version = "V1"
    valid_from = date(2018, 1, 1)
    title: ClassVar[tuple[str, ...]] = ("h1.single-title", "h1")
    body: ClassVar[tuple[str, ...]] = ("div.content", "div.detail-content", "div.entry-content")
    drop = (".ads", ".pagination", ".tags")
    published: ClassVar[tuple[Selector, ...]] = (
        ("meta[property='article:published_time']", "content"),
        (".time", None),
        (".date", None),
    )
    author = (("meta[name='author']", "content"),)
    section = (("meta[property='article:section']", "content"),)
    tags = (("meta[name='keywords']", "content"),)
    next_page = ".pagination a, .paging a"


class V2(V1):
    """2023 relaunch."""

    version = "V2"
    valid_from = date(2023, 1, 1)
    required = ("div.read__content",)
    title = ("h1.read__title", "h1")
    body = ("div.read__content",)
    published = (("meta[property='article:published_time']", "content"), (".read__info__date", None))


FAMILY = Family("jawapos", ("jawapos.com",), (V1, V2))
