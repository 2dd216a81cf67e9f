"""Title, author and dateline on every real page of the shared set (`shared/data/pages_real`, hand-made gold),
judged by `pantau.extract.quality.field_checks` as a reader would."""

from __future__ import annotations

import pytest

from pantau.extract import extract_html
from pantau.extract.quality import GoldPage, field_checks, load_gold
from tests.shared import PAGES_REAL

GOLD = load_gold(PAGES_REAL)


@pytest.mark.parametrize("page", GOLD, ids=[p.name for p in GOLD])
@pytest.mark.parametrize("field", ["title", "author", "dateline"])
def test_real_page_field(page: GoldPage, field: str) -> None:
    out = extract_html(page.html(), page.url)
    want = {"title": page.title, "author": page.author, "dateline": page.dateline}[field]
    assert field_checks(out, page)[field], f"{field}: got {out.get(field)!r}, want {want!r}"


def test_reporter_line_leaves_the_body() -> None:
    """Each page's closing reporter line (Tempo style) is the author and no longer the last body line."""
    for page in GOLD:
        out = extract_html(page.html(), page.url)
        if page.author and page.author.isupper():
            assert not out["body"].rstrip().endswith(page.author), page.name
