"""The two-month window of a hak jawab (Pedoman Hak Jawab, Peraturan Dewan Pers No. 9/Peraturan-DP/X/2008):
the letter must reach the outlet within two months of publication."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from pantau.text.dates import WIB, format_day

WINDOW_MONTHS = 2


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 December + 2 -> 28/29 February)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Window:
    state: str  # "open", "closing", "closed" or "unknown" (no publication date)
    published: date | None = None
    deadline: date | None = None
    days_left: int | None = None

    @property
    def label(self) -> str:
        if self.state == "unknown" or self.deadline is None or self.days_left is None:
            return "tanggal terbit tidak diketahui"
        if self.state == "closed":
            return f"batas hak jawab lewat ({format_day(self.deadline)})"
        return f"{self.days_left} hari lagi (batas {format_day(self.deadline)})"


def window(published_at: str | None, today: date | None = None, warning_days: int = 14) -> Window:
    """Where a report stands against the two-month window, counted in WIB days."""
    if not published_at:
        return Window("unknown")
    try:
        moment = datetime.fromisoformat(published_at)
    except ValueError:
        return Window("unknown")
    published = (moment.astimezone(WIB) if moment.tzinfo else moment).date()
    deadline = add_months(published, WINDOW_MONTHS)
    today = today or datetime.now(WIB).date()
    left = (deadline - today).days
    state = "closed" if left < 0 else "closing" if left <= warning_days else "open"
    return Window(state, published, deadline, left)
