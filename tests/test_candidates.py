"""The crawl's candidate pre-filter (pantau.crawl.candidates): recall-first, before any article page is fetched."""

from __future__ import annotations

import pytest

from pantau.crawl.candidates import looks_pilkada
from pantau.crawl.discovery import Candidate

OUTLET = {"name": "x", "pilkada_paths": ["/pilkada/"]}


@pytest.mark.parametrize(
    ("url", "title", "expected"),
    [
        ("https://x.id/2024/11/20/kpu-tetapkan-dpt-pilkada-serentak", None, True),  # slug words
        ("https://x.id/read/123/berita", "Debat Pilgub Sumsel Berlangsung Panas", True),  # title only
        ("https://x.id/pilkada/123/apa-saja", None, True),  # the outlet's own Pilkada section
        ("https://x.id/2024/11/20/harga-cabai-naik-di-pasar", "Harga Cabai Naik", False),
        ("https://x.id/read/9/pilkadaku-kuliner", "Kuliner", False),  # a term inside a longer word is not a hit
    ],
)
def test_looks_pilkada(url: str, title: str | None, expected: bool) -> None:
    assert looks_pilkada(Candidate(url=url, source="sitemap", title=title), OUTLET) is expected


def test_keywords_and_section_count() -> None:
    cand = Candidate(url="https://x.id/read/1/a", source="sitemap", keywords=["Pemilihan Gubernur"], section="Politik")
    assert looks_pilkada(cand, {"name": "x"})
