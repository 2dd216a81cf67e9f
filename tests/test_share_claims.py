"""Share claims (pantau.process.claims.share_claim_checks): a pair said to have won a share of its race's vote far
from the official recapitulation. Invented sentences; the names and the official results are facts."""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims
from tests.test_claim_understanding import NOV, rules_of

TITLE = "Pilkada 2024"
LATE = "2024-12-20T10:00:00+07:00"  # after every gubernatorial recapitulation


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pramono Anung-Rano Karno meraih 60 persen suara di Pilgub Jakarta.", LATE),
        ("Pramono-Rano meraih 60% suara di Pilgub Jakarta 2024.", LATE),
        ("Ridwan Kamil-Suswono memperoleh 55 persen suara.", LATE),
        ("Bobby Nasution-Surya mendapatkan 80 persen suara.", LATE),
        ("Pramono Anung-Rano Karno meraih lebih dari 60 persen suara.", LATE),
        ("Ridwan Kamil-Suswono meraih hampir 50 persen suara.", LATE),
        ("Pramono Anung-Rano Karno meraih 60 persen suara dalam rekapitulasi KPU.", "2024-12-02T10:00:00+07:00"),
        ("Pramono Anung-Rano Karno meraih 60 persen suara.", None),  # undated
    ],
)
def test_a_share_far_from_the_official_one(body: str, published_at: str | None) -> None:
    assert "result_share" in rules_of(TITLE, body, published_at), body


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pramono Anung-Rano Karno meraih 50,07 persen suara.", LATE),
        ("Pramono Anung-Rano Karno meraih 50 persen suara.", LATE),
        ("Pramono Anung-Rano Karno meraih lebih dari 50 persen suara.", LATE),
        ("Ridwan Kamil-Suswono meraih hampir 40 persen suara.", LATE),
        ("Ridwan Kamil-Suswono meraih kurang dari 40 persen suara.", LATE),
        ("Khofifah-Emil meraih 58 persen suara di Pilgub Jatim.", LATE),
        ("Pramono-Rano meraih 60 persen suara di Jakarta Selatan.", LATE),  # a part of the region
        ("Menurut quick count, Pramono-Rano meraih 60 persen suara.", LATE),
        ("Survei LSI: Ridwan Kamil-Suswono meraih 55 persen suara.", LATE),
        ("Pramono Anung-Rano Karno meraih 60 persen suara.", "2024-12-02T10:00:00+07:00"),  # before the recap
        ("Pramono Anung-Rano Karno meraih 60 persen suara.", NOV),  # before the vote
        ("Pramono-Rano menargetkan meraih 60 persen suara.", LATE),
        ("Pramono-Rano yakin meraih 60 persen suara.", LATE),
        ("Pramono-Rano meraih 60 persen suara pemilih muda.", LATE),
        ("Pramono-Rano unggul dengan selisih 10 persen suara.", LATE),
        ("Pramono-Rano meraih 60 persen suara di Pilkada Jakarta 2017.", LATE),
    ],
)
def test_what_is_not_a_wrong_share(body: str, published_at: str | None) -> None:
    assert "result_share" not in rules_of(TITLE, body, published_at), body


def test_the_flag_gives_the_official_share() -> None:
    (flag,) = [
        f
        for f in check_claims(TITLE, "Pramono-Rano meraih 60% suara di Pilgub Jakarta.", published_at=LATE)
        if f.rule == "result_share"
    ]
    assert "50,07%" in flag.reason and flag.source.startswith("http")
