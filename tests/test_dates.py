"""Indonesian date forms seen on news pages -> aware datetimes with the WIB/WITA/WIT offset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pantau.text.dates import fold, iso, parse_indonesian_datetime, split_published_updated

WIB, WITA, WIT = (timezone(timedelta(hours=h)) for h in (7, 8, 9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jumat, 20 Jun 2025 09:07 WIB", datetime(2025, 6, 20, 9, 7, tzinfo=WIB)),
        ("Jum'at, 20 Juni 2025 09:07 WIB", datetime(2025, 6, 20, 9, 7, tzinfo=WIB)),
        ("Jum’at, 20 Juni 2025 | 16.33 WIB", datetime(2025, 6, 20, 16, 33, tzinfo=WIB)),
        ("Selasa, 20 Mei 2025 08:00 WITA", datetime(2025, 5, 20, 8, 0, tzinfo=WITA)),
        ("Minggu, 3 Agu 2025 pukul 09:07 WIT", datetime(2025, 8, 3, 9, 7, tzinfo=WIT)),
        ("Ahad, 3 Agt 2025 10:15", datetime(2025, 8, 3, 10, 15, tzinfo=WIB)),
        ("Rabu, 27 Nopember 2024 07:00 WIB", datetime(2024, 11, 27, 7, 0, tzinfo=WIB)),
        ("Senin, 2 Pebruari 2026 11:30 WIB", datetime(2026, 2, 2, 11, 30, tzinfo=WIB)),
        ("Kamis, 5 Des 2024 - 21:05:33 WIB", datetime(2024, 12, 5, 21, 5, 33, tzinfo=WIB)),
        ("1 Okt 2024", datetime(2024, 10, 1, tzinfo=WIB)),
        ("Kompas.com- 20/06/2025, 18:13 WIB", datetime(2025, 6, 20, 18, 13, tzinfo=WIB)),
        ("Senin 18-11-2024,12:30 WIB", datetime(2024, 11, 18, 12, 30, tzinfo=WIB)),
        ("2025/06/20 09:07:00", datetime(2025, 6, 20, 9, 7, tzinfo=WIB)),
        ("2025-06-20 09:07:00", datetime(2025, 6, 20, 9, 7, tzinfo=WIB)),
        ("2025-06-20T09:07:00+08:00", datetime(2025, 6, 20, 9, 7, tzinfo=WITA)),
        ("2024-11-27T02:00:00Z", datetime(2024, 11, 27, 2, 0, tzinfo=UTC)),
        ("Sep 9, 2024 10:00", datetime(2024, 9, 9, 10, 0, tzinfo=WIB)),
    ],
)
def test_forms(text: str, expected: datetime) -> None:
    got = parse_indonesian_datetime(text)
    assert got == expected
    assert got is not None and got.utcoffset() == expected.utcoffset()


def test_default_zone_applies_when_text_names_none() -> None:
    got = parse_indonesian_datetime("20 Juni 2025 09:07", default_tz="WITA")
    assert iso(got) == "2025-06-20T09:07:00+08:00"


def test_relative_forms_use_now() -> None:
    now = datetime(2025, 6, 20, 12, 0, tzinfo=WIB)
    assert parse_indonesian_datetime("2 jam lalu", now=now) == datetime(2025, 6, 20, 10, 0, tzinfo=WIB)
    assert parse_indonesian_datetime("15 menit yang lalu", now=now) == datetime(2025, 6, 20, 11, 45, tzinfo=WIB)
    assert parse_indonesian_datetime("kemarin 16.33 WIB", now=now) == datetime(2025, 6, 19, 16, 33, tzinfo=WIB)
    assert parse_indonesian_datetime("16.33 WIB", now=now) == datetime(2025, 6, 20, 16, 33, tzinfo=WIB)


@pytest.mark.parametrize("text", ["", "   ", "tidak ada tanggal", "32 Juni 2025", "2025-13-40", "Rabu"])
def test_nonsense_gives_none(text: str) -> None:
    assert parse_indonesian_datetime(text) is None


def test_published_and_updated_kept_apart() -> None:
    pub, upd = split_published_updated("Kompas.com - 20/06/2025, 18:13 WIB Diperbarui 21/06/2025, 07:02 WIB")
    assert iso(parse_indonesian_datetime(pub)) == "2025-06-20T18:13:00+07:00"
    assert iso(parse_indonesian_datetime(upd or "")) == "2025-06-21T07:02:00+07:00"
    assert iso(parse_indonesian_datetime("Diperbarui 21 Jun 2025 07:02 WITA")) == "2025-06-21T07:02:00+08:00"
    assert split_published_updated("20 Mei 2025 | Update: 21 Mei 2025")[1] == "21 Mei 2025"


@pytest.mark.parametrize(
    "text",
    ["2024-11-05T10:00:00+25:00", "9999-12-31T23:59:59Z", "99999-01-01", "1/1/0001", "0001-01-01T00:00:00+14:00"],
)
def test_impossible_offsets_and_years_read_as_no_date(text: str) -> None:
    assert parse_indonesian_datetime(text) is None


def test_fold_reads_only_the_start_of_a_huge_text() -> None:
    assert fold("Rabu,   5 November 2024 " + "kata " * 200_000).startswith("Rabu, 5 November 2024")
    assert len(fold("x " * 200_000)) <= 300
