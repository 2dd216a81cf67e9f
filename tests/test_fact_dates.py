"""The fact files' days are read one way (pantau.process.claims.fact_dates)."""

from __future__ import annotations

from datetime import date

import pytest

from pantau.process.claims.fact_dates import iso_day, iso_day_or_none, known_day, latest_day


def test_an_iso_day_is_read() -> None:
    assert iso_day("2024-11-27", "voting_day.value") == date(2024, 11, 27)


@pytest.mark.parametrize("value", ["2024-11-31", "27 November 2024", "2024-11", "2024-11-27T10:00", 20241127, None])
def test_anything_else_names_where_and_what(value: object) -> None:
    with pytest.raises(ValueError, match="is not an ISO date") as err:
        iso_day(value, "stages[3].start")
    assert str(err.value) == f"facts: stages[3].start is not an ISO date (YYYY-MM-DD): {value!r}"


def test_optional_and_month_only_days() -> None:
    assert iso_day_or_none(None, "x") is None
    with pytest.raises(ValueError, match="is not an ISO date"):
        iso_day_or_none("2025-01", "x")  # a month is no day where a day is asked for
    assert known_day("2025-01", "x") is None  # ... but is "day unknown" where a file may give a month only
    assert known_day(None, "x") is None
    assert known_day("2025-02-24", "x") == date(2025, 2, 24)
    with pytest.raises(ValueError, match="is not an ISO date"):
        known_day("2025-13", "x")


def test_a_source_date_is_the_latest_day_it_can_mean() -> None:
    assert latest_day("2024-12") == date(2024, 12, 31)
    assert latest_day("2025-02") == date(2025, 2, 28)
    assert latest_day("2024-12-06") == date(2024, 12, 6)
    assert latest_day("") is None
    assert latest_day("Desember 2024") is None
