"""Extraction on the real saved pages of shared/data/pages_real (read from there, never copied), field by field
against the hand-made gold, judged by `pantau.extract.quality.field_checks` as a reader would: the title without the
site name, the publication time to the minute, the byline's people, the dateline as printed, the body's running text
(token F1 >= BODY_F1_OK) and none of the page's boilerplate the gold lists as `forbidden` (captions, credits,
embedded posts, syndication notes, sign-offs, lead tags)."""

from __future__ import annotations

from functools import cache

import pytest

from pantau.extract import extract_html
from pantau.extract.quality import FIELDS, GoldPage, PageResult, load_gold, run
from tests.shared import PAGES_REAL

GOLD = load_gold(PAGES_REAL)


@cache
def _results() -> dict[str, PageResult]:
    return {r.page.name: r for r in run(GOLD, extract_html)}


def _want(page: GoldPage, field: str) -> object:
    return {
        "title": page.title, "published_at": page.published_at, "author": page.author, "dateline": page.dateline,
        "body": "token F1 >= 0.98", "clean": f"none of {page.forbidden!r}",
    }[field]  # fmt: skip


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", [p.name for p in GOLD])
def test_real_page_field(name: str, field: str) -> None:
    result = _results()[name]
    got = f"F1 {result.f1:.3f}" if field in {"body", "clean"} else result.out.get(field)
    assert result.checks[field], f"{field}: got {got!r}, want {_want(result.page, field)!r}"


def test_no_real_page_is_skipped() -> None:
    assert {n: r.out["skip_reason"] for n, r in _results().items() if r.out["skip_reason"]} == {}


def test_a_closing_reporter_line_is_the_author_and_leaves_the_body() -> None:
    """Tempo style: the reporter's name in capitals as the article's last line."""
    closing = [p for p in GOLD if p.author and p.author.isupper()]
    assert closing  # the set holds such a page
    for page in closing:
        out = _results()[page.name].out
        assert not out["body"].rstrip().endswith(page.author or ""), page.name
