"""The days of the fact files, read one way: ISO days (YYYY-MM-DD), and a source's date that may name a month only.

Every fact file's loader (facts.json, facts_outcomes.json, facts_revotes.json) and `pantau facts check` read their
days here, so a broken day gives the same message wherever it is.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any


def iso_day(value: Any, where: str) -> date:
    """`value` as a day; a ValueError naming `where` when it is not a YYYY-MM-DD string of a real day."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"facts: {where} is not an ISO date (YYYY-MM-DD): {value!r}")


def iso_day_or_none(value: Any, where: str) -> date | None:
    """None for no value, else `iso_day`."""
    return None if value is None else iso_day(value, where)


def known_day(value: Any, where: str) -> date | None:
    """None for no value or a month only ("2025-01": the file does not know the day), else `iso_day`."""
    return None if is_month(value) else iso_day_or_none(value, where)


def is_month(value: Any) -> bool:
    """A month only: "2025-01"."""
    return (
        isinstance(value, str)
        and len(value) == 7
        and value[4] == "-"
        and value[:4].isdigit()
        and value[5:].isdigit()
        and 1 <= int(value[5:]) <= 12
    )


def latest_day(text: str) -> date | None:
    """A source's date as the latest day it can mean: the day itself, a month's last day; None when unreadable."""
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10])
        year, month = (int(part) for part in text[:7].split("-"))
        return date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
