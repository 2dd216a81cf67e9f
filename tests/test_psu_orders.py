"""Re-vote orders (pantau.process.claims.psu_order_checks): the Constitutional Court said to have ordered a re-vote in
a race it ordered nothing for on 24 February 2025. Invented sentences; the rulings are facts."""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims
from tests.test_claim_understanding import rules_of

TITLE = "Sengketa Pilkada 2024"
AFTER = "2025-03-01T10:00:00+07:00"


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("MK memerintahkan pemungutan suara ulang di seluruh TPS Pilgub Jakarta.", AFTER),
        ("Mahkamah Konstitusi memerintahkan PSU Pilkada Kota Surabaya.", None),
        ("PSU Pilgub Jawa Tengah digelar sesuai putusan MK.", AFTER),
        ("MK mengabulkan gugatan paslon nomor urut 2 dan memerintahkan PSU di Pilwalkot Medan.", AFTER),
    ],
)
def test_a_court_order_that_was_never_given(body: str, published_at: str | None) -> None:
    assert "psu_order" in rules_of(TITLE, body, published_at), body


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("MK memerintahkan PSU di Kabupaten Serang.", AFTER),  # ordered
        ("MK memerintahkan PSU Pilkada Serang.", AFTER),  # the regency of that name had one
        ("MK memerintahkan PSU Pilgub Papua.", AFTER),
        ("MK menolak gugatan dan tidak memerintahkan PSU di Pilgub Jakarta.", AFTER),
        ("Tim hukum meminta MK memerintahkan PSU di Pilgub Jakarta.", AFTER),  # a petitioner's request
        ("Paslon nomor urut 2 mengajukan gugatan ke MK untuk memerintahkan PSU di Pilgub Jakarta.", None),
        ("Sengketa di MK: pemohon ingin PSU digelar di Pilgub Jakarta.", None),
        ("MK, menurut pemohon, semestinya memerintahkan PSU di Pilgub Jakarta.", None),
        ("MK akan memutuskan apakah PSU digelar di Pilgub Jakarta.", AFTER),
        ("MK memerintahkan PSU Pilgub Jakarta.", "2025-01-10T10:00:00+07:00"),  # before the rulings
        ("MK memerintahkan rekapitulasi ulang di Puncak Jaya.", AFTER),  # a recount was ordered there
        ("KPU menggelar PSU di TPS 05 Surabaya atas rekomendasi Bawaslu.", AFTER),  # not the court's
        ("MK memerintahkan PSU di Kabupaten Bogor dan Kota Medan.", AFTER),  # several races
        ("MK memerintahkan PSU Pilkada Jakarta 2017 di beberapa TPS.", AFTER),  # another year
    ],
)
def test_what_is_not_a_false_court_order(body: str, published_at: str | None) -> None:
    assert "psu_order" not in rules_of(TITLE, body, published_at), body


def test_the_flag_lists_the_races_with_orders() -> None:
    flags = check_claims(TITLE, "MK memerintahkan PSU Pilgub Jakarta.", published_at=AFTER)
    (flag,) = [f for f in flags if f.rule == "psu_order"]
    assert "Kabupaten Serang" in flag.fact and "tidak termasuk" in flag.fact and flag.source.startswith("http")
