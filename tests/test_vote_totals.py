"""Vote totals (pantau.process.claims.vote_total_checks): a pair's whole-race count far from the official
recapitulation. Invented sentences; the names and the official counts are facts."""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims
from tests.test_claim_understanding import NOV, rules_of

TITLE = "Pilkada 2024"
LATE = "2024-12-20T10:00:00+07:00"


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pramono Anung-Rano Karno meraih 3 juta suara di Pilgub Jakarta.", LATE),  # 2.183.239
        ("Pramono Anung-Rano Karno meraih 3.183.239 suara di Pilgub Jakarta.", LATE),
        ("Pramono Anung-Rano Karno meraih sekitar 2,5 juta suara.", LATE),
        ("Pramono Anung-Rano Karno meraih 1,2 juta suara dalam rekapitulasi KPU DKI.", LATE),  # cites the recap
        ("Ridwan Kamil-Suswono memperoleh lebih dari 2 juta suara.", LATE),  # 1.718.160
        ("Pramono Anung-Rano Karno meraih 3 juta suara.", None),
    ],
)
def test_a_total_far_from_the_official_one(body: str, published_at: str | None) -> None:
    assert "vote_total" in rules_of(TITLE, body, published_at), body


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pramono Anung-Rano Karno meraih 2.183.239 suara.", LATE),
        ("Pramono Anung-Rano Karno meraih 2,1 juta suara.", LATE),  # truncated
        ("Pramono Anung-Rano Karno meraih 2,2 juta suara.", LATE),  # rounded
        ("Pramono Anung-Rano Karno meraih 2 juta suara.", LATE),
        ("Pramono Anung-Rano Karno meraih lebih dari 2 juta suara.", LATE),
        ("Pramono Anung-Rano Karno meraih hampir 2,2 juta suara.", LATE),
        ("Pramono Anung-Rano Karno meraih 1,2 juta suara.", LATE),  # smaller: a part, or a count running
        ("Pramono Anung-Rano Karno meraih 2.183.239 suara dari 4.360.629 suara sah.", LATE),
        ("Ridwan Kamil-Suswono mendapat 500 ribu suara di Jakarta Selatan.", LATE),
        ("Pramono Anung-Rano Karno meraih 3 juta suara.", NOV),  # before the vote
        ("Pramono Anung-Rano Karno meraih 3 juta suara.", "2024-12-02T10:00:00+07:00"),  # before the recap
        ("Menurut hitung cepat, Pramono Anung-Rano Karno meraih 3 juta suara.", LATE),
        ("Pramono Anung-Rano Karno menargetkan meraih 3 juta suara.", LATE),
        ("Pramono Anung-Rano Karno meraih 2.183.293 suara.", LATE),  # a misprint: vote_count's
    ],
)
def test_what_is_not_a_wrong_total(body: str, published_at: str | None) -> None:
    assert "vote_total" not in rules_of(TITLE, body, published_at), body


def test_the_flag_gives_the_official_count() -> None:
    flags = check_claims(TITLE, "Pramono Anung-Rano Karno meraih 3 juta suara.", published_at=LATE)
    (flag,) = [f for f in flags if f.rule == "vote_total"]
    assert "2.183.239" in flag.reason and "2.183.239" in flag.fact and flag.source.startswith("http")
