"""Holiday claims (pantau.process.claims.holiday_checks): the voting day of 27 November 2024 said not to be a
holiday after Keppres 33/2024 made it a national one. Invented sentences; the decree and its dates are facts."""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims
from tests.test_claim_understanding import rules_of

TITLE = "Pilkada 2024"
AFTER = "2024-11-25T10:00:00+07:00"
BEFORE = "2024-11-10T10:00:00+07:00"


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pemerintah memastikan 27 November 2024 bukan hari libur nasional.", AFTER),
        ("Hari pencoblosan Pilkada 27 November ternyata bukan hari libur.", None),
        ("Libur nasional 27 November 2024 dibatalkan.", None),
        ("Tidak ada libur nasional saat pemungutan suara Pilkada.", AFTER),
        ("Presiden membatalkan libur nasional pada hari pencoblosan.", AFTER),
        ("Rabu, 27 November 2024 tidak termasuk hari libur.", AFTER),
    ],
)
def test_the_voting_day_said_not_to_be_a_holiday(body: str, published_at: str | None) -> None:
    assert "voting_holiday" in rules_of(TITLE, body, published_at), body


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("27 November 2024 resmi menjadi hari libur nasional.", AFTER),
        ("Hingga kini 27 November belum ditetapkan sebagai hari libur.", BEFORE),
        ("27 November bukan hari libur nasional.", BEFORE),  # true before the decree
        ("Pilkada digelar 27 November dan itu hari Rabu, bukan hari libur, maka diliburkan.", AFTER),  # the reason
        ("Petugas KPPS tidak libur pada hari pencoblosan.", AFTER),
        ("Karyawan swasta di sektor layanan tidak libur pada 27 November.", AFTER),
        ("KPU mengusulkan agar 27 November bukan hari biasa melainkan hari libur.", BEFORE),
        ("Apakah 27 November bukan hari libur?", AFTER),
        ("27 November 2025 bukan hari libur nasional.", AFTER),  # another year
    ],
)
def test_what_is_not_a_false_holiday_claim(body: str, published_at: str | None) -> None:
    assert "voting_holiday" not in rules_of(TITLE, body, published_at), body


def test_the_flag_cites_the_decree() -> None:
    flags = check_claims(TITLE, "Libur nasional 27 November 2024 dibatalkan.", published_at=AFTER)
    (flag,) = [f for f in flags if f.rule == "voting_holiday"]
    assert "Nomor 33 Tahun 2024" in flag.fact and "sindonews" in flag.source
