"""Extraction on the real saved pages of shared/data/pages_real (read from there, never copied): the body keeps the
article's text (token F1 against the hand-made gold) and none of the page's boilerplate (captions, credits, embedded
posts, syndication notes, sign-offs, lead tags) that the gold lists as `forbidden`."""

from __future__ import annotations

from functools import cache

import pytest

from pantau.extract import extract_html
from pantau.extract.quality import BODY_F1_OK, GoldPage, PageResult, load_gold, run
from tests.shared import PAGES_REAL

# Forbidden strings another piece of issue 11 removes (the trailing all-caps reporter line belongs with the bylines).
NOT_YET = {"tempo-gaya-malas-bergerak-2015.html": "trailing all-caps reporter name (byline work)"}


@cache
def _results() -> dict[str, PageResult]:
    pages: list[GoldPage] = load_gold(PAGES_REAL)
    return {r.page.name: r for r in run(pages, extract_html)}


def _params() -> list[object]:
    names = [p.name for p in load_gold(PAGES_REAL)]
    xfail = {n: pytest.mark.xfail(reason=why, strict=False) for n, why in NOT_YET.items()}
    return [pytest.param(n, marks=xfail[n]) if n in xfail else n for n in names]


@pytest.mark.parametrize("name", _params())
def test_no_forbidden_boilerplate_survives(name: str) -> None:
    result = _results()[name]
    body = result.out.get("body") or ""
    assert [f for f in result.page.forbidden if f in body] == []


@pytest.mark.parametrize("name", [p.name for p in load_gold(PAGES_REAL)])
def test_body_keeps_the_article(name: str) -> None:
    assert _results()[name].f1 >= BODY_F1_OK
