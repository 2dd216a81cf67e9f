"""Pair counts of one race (pantau.process.claims.pair_count_checks): the number of pairs a named race is said to
have against the pairs KPU determined. Invented sentences; the races and their pairs are facts (facts_races.json)."""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims
from tests.test_claim_understanding import DEC, NOV, rules_of

TITLE = "Pilkada 2024"


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pilkada Jakarta 2024 diikuti empat pasangan calon.", NOV),
        ("Pilgub Jawa Tengah diikuti tiga pasangan calon.", NOV),
        ("Empat paslon bertarung di Pilgub Sumatera Utara.", DEC),
        ("Pilwalkot Bogor hanya diikuti dua pasangan calon.", NOV),  # the city: five pairs
        ("Pilbup Bogor diikuti 5 pasangan calon.", NOV),  # the regency: two
        ("Pilwalkot Surabaya diikuti dua paslon.", NOV),  # one pair against the empty box
        ("Di Pilwalkot Medan, Rico Waas-Zakiyuddin melawan kotak kosong.", NOV),  # three pairs
        ("Pilgub Jakarta diikuti calon tunggal.", None),
        ("Pilkada Kota Tangerang, Banten, diikuti dua pasangan calon.", NOV),  # the city, not the province
    ],
)
def test_a_wrong_pair_count(body: str, published_at: str | None) -> None:
    assert "race_pair_count" in rules_of(TITLE, body, published_at), body


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pilkada Jakarta 2024 diikuti tiga pasangan calon.", NOV),
        ("Pilgub Jawa Tengah diikuti dua pasangan calon.", NOV),
        ("Pilwalkot Bogor diikuti lima pasangan calon.", NOV),
        ("Pilbup Bogor diikuti dua pasangan calon.", NOV),
        ("Pilwalkot Surabaya diikuti calon tunggal, Eri Cahyadi-Armuji, melawan kotak kosong.", NOV),
        ("KPU Jakarta menerima pendaftaran empat bakal pasangan calon.", NOV),  # registrants
        ("Pilgub Jakarta diikuti empat pasangan calon.", "2024-08-30T10:00:00+07:00"),  # before the determination
        ("Tiga pasangan calon Pilgub Jawa Tengah hadir dalam debat.", NOV),  # not the race's count
        ("Dua pasangan calon Pilwalkot Bogor melaporkan dugaan politik uang.", NOV),
        ("Pilbup Bogor berpotensi diikuti calon tunggal.", NOV),  # hedged
        ("Pilgub Jakarta batal diikuti calon tunggal.", NOV),
        ("Pilgub Jakarta tidak diikuti empat pasangan calon.", NOV),
        ("Pilkada di Jawa Tengah diikuti 2 pasangan calon di 35 kabupaten/kota.", NOV),
        ("Pilkada Jakarta 2017 diikuti tiga pasangan calon.", NOV),  # another year
        ("Di Kecamatan Cibinong, dua pasangan calon bertarung ketat.", NOV),
        ("Pilkada Kabupaten Bogor dan Kota Bogor diikuti tujuh pasangan calon.", NOV),  # two races
        ("Pilbup Parigi Moutong diikuti empat pasangan calon.", "2024-10-01T10:00:00+07:00"),  # a pair added later
    ],
)
def test_what_is_not_a_wrong_pair_count(body: str, published_at: str | None) -> None:
    assert "race_pair_count" not in rules_of(TITLE, body, published_at), body


def test_the_flag_lists_the_determined_pairs() -> None:
    (flag,) = [
        f
        for f in check_claims(TITLE, "Pilkada Jakarta 2024 diikuti empat pasangan calon.", published_at=NOV)
        if f.rule == "race_pair_count"
    ]
    assert "3 pasangan calon" in flag.fact and "Pramono Anung" in flag.fact and flag.source.startswith("http")
    assert "4 pasangan" in flag.reason
