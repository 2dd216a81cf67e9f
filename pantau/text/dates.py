"""Indonesian time and dates: the three zones (WIB, WITA, WIT), the month and weekday words, and date text read
into timezone-aware datetimes.

Handles "Jumat, 20 Jun 2025 09:07 WIB", "Jum'at, 20 Juni 2025 | 16.33 WITA", "Kompas.com - 20/06/2025, 18:13 WIB",
"Diperbarui 21 Juni 2025, 10:00 WIB", ISO strings with or without an offset (detik's `dtk:publishdate` meta
"2025/06/20 09:07:00" carries none: it is WIB), and relative forms such as "2 jam lalu" against a given `now`.
The month and weekday words are data (`pantau/data/id_calendar.json`), shared with the claim checks.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from pantau.resources import load_json

WIB = timezone(timedelta(hours=7))  # Western Indonesia Time, the default for an Indonesian outlet
WITA = timezone(timedelta(hours=8))  # Central Indonesia Time (Bali, Nusa Tenggara, Sulawesi, ...)
WIT = timezone(timedelta(hours=9))  # Eastern Indonesia Time (Maluku, Papua)
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

_CALENDAR: dict[str, Any] = load_json("id_calendar.json")
MONTHS: dict[str, int] = {k.lower(): int(v) for k, v in _CALENDAR["months"].items()}  # "agt" -> 8
WEEKDAYS: dict[str, int] = {k.lower(): int(v) for k, v in _CALENDAR["weekdays"].items()}  # "jum'at" -> 4 (Monday 0)
MONTH_NAMES: tuple[str, ...] = tuple(_CALENDAR["month_names"])  # "Januari" ... "Desember"
WEEKDAY_NAMES: tuple[str, ...] = tuple(_CALENDAR["weekday_names"])  # "Senin" (Monday) ... "Minggu"

UPDATED_MARKERS = ("diperbarui", "diupdate", "update:", "updated", "pembaruan", "terakhir diperbarui")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_ZONE_RE = re.compile(r"\b(WIB|WITA|WIT)\b", re.IGNORECASE)
_TIME_RE = re.compile(r"(?<![\d/])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?![\d/])")
_ISO_RE = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?"
)
_NAMED_RE = re.compile(rf"(\d{{1,2}})\s+({_MONTH_ALT})\.?,?\s+(\d{{4}})", re.IGNORECASE)
_NAMED_US_RE = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC_RE = re.compile(r"(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/])")
_RELATIVE_RE = re.compile(
    r"(\d+|se)\s*(detik|menit|jam|hari|minggu|pekan|bulan|tahun|second|minute|hour|day|week|month|year)s?\s+"
    r"(?:yang\s+)?(?:lalu|ago)",
    re.IGNORECASE,
)
_RELATIVE_UNITS: dict[str, timedelta] = {
    "detik": timedelta(seconds=1), "second": timedelta(seconds=1),
    "menit": timedelta(minutes=1), "minute": timedelta(minutes=1),
    "jam": timedelta(hours=1), "hour": timedelta(hours=1),
    "hari": timedelta(days=1), "day": timedelta(days=1),
    "minggu": timedelta(weeks=1), "pekan": timedelta(weeks=1), "week": timedelta(weeks=1),
    "bulan": timedelta(days=30), "month": timedelta(days=30),
    "tahun": timedelta(days=365), "year": timedelta(days=365),
}  # fmt: skip


def zone(name: str | None) -> timezone:
    """The fixed offset of an Indonesian zone name (WIB when unknown)."""
    return ZONES.get((name or "WIB").upper(), ZONES["WIB"])


def _offset(text: str) -> timezone:
    if text.upper() == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _build(
    y: int, mo: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, tz: timezone | None = None
) -> datetime | None:
    try:
        return datetime(y, mo, d, hh, mm, ss, tzinfo=tz)
    except ValueError:
        return None


def _clock(text: str) -> tuple[int, int, int] | None:
    for m in _TIME_RE.finditer(text):
        hh, mm, ss = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if hh < 24 and mm < 60 and ss < 60:
            return hh, mm, ss
    return None


def parse_relative(text: str, now: datetime | None = None, default_tz: str = "WIB") -> datetime | None:
    """ "2 jam lalu", "5 menit yang lalu", "kemarin", "hari ini 09:07" relative to `now` (aware; WIB if naive)."""
    tz = zone(default_tz)
    ref = now or datetime.now(tz)
    if ref.tzinfo is None:
        ref = ref.replace(tzinfo=tz)
    low = text.lower()
    m = _RELATIVE_RE.search(low)
    if m:
        count = 1 if m.group(1) == "se" else int(m.group(1))
        try:
            return (ref - count * _RELATIVE_UNITS[m.group(2)]).replace(microsecond=0)
        except OverflowError:  # "99999999999 hari lalu": no date, rather than an error that loses the page
            return None
    day: date | None = None
    if "kemarin" in low or "yesterday" in low:
        day = (ref - timedelta(days=1)).date()
    elif "hari ini" in low or "today" in low:
        day = ref.date()
    if day is None:
        return None
    clock = _clock(low) or (0, 0, 0)
    return _build(day.year, day.month, day.day, *clock, tz=ref.tzinfo)  # type: ignore[arg-type]


def parse_indonesian_datetime(
    text: str | None, default_tz: str = "WIB", *, now: datetime | None = None
) -> datetime | None:
    """An aware datetime for any date form seen on Indonesian news pages, or None.

    The zone named in the text (WIB/WITA/WIT) wins; an explicit ISO offset wins over that; otherwise `default_tz`.
    """
    if not text or not isinstance(text, str):
        return None
    text = " ".join(text.replace("\xa0", " ").split())[:300]
    if not text:
        return None
    zm = _ZONE_RE.search(text)
    tz = zone(zm.group(1) if zm else default_tz)

    iso = _ISO_RE.search(text)
    if iso:
        y, mo, d = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        hh, mm, ss = int(iso.group(4) or 0), int(iso.group(5) or 0), int(iso.group(6) or 0)
        off = _offset(iso.group(7)) if iso.group(7) else tz
        built = _build(y, mo, d, hh, mm, ss, off)
        if built:
            return built

    day: tuple[int, int, int] | None = None
    rest = text
    named = _NAMED_RE.search(text)
    if named:
        day = (int(named.group(3)), MONTHS[named.group(2).lower()], int(named.group(1)))
        rest = text[named.end() :]
    else:
        us = _NAMED_US_RE.search(text)
        if us:
            day = (int(us.group(3)), MONTHS[us.group(1).lower()], int(us.group(2)))
            rest = text[us.end() :]
        else:
            num = _NUMERIC_RE.search(text)
            if num:
                day = (int(num.group(3)), int(num.group(2)), int(num.group(1)))
                rest = text[num.end() :]
    if day is None:
        relative = parse_relative(text, now, default_tz)
        if relative is None and now is not None and (zm or "pukul" in text.lower()):
            clock_only = _clock(text)
            if clock_only:
                ref = now.astimezone(tz) if now.tzinfo else now.replace(tzinfo=tz)
                return _build(ref.year, ref.month, ref.day, *clock_only, tz=tz)
        return relative
    clock = _clock(rest) or (0, 0, 0)
    return _build(*day, *clock, tz=tz)


def split_published_updated(text: str) -> tuple[str, str | None]:
    """Split "20 Jun 2025 09:07 WIB | Diperbarui 21 Jun 2025 10:00 WIB" into the published and updated parts."""
    low = text.lower()
    for marker in UPDATED_MARKERS:
        i = low.find(marker)
        if i >= 0:
            return text[:i].strip(" |-–,"), text[i + len(marker) :].strip(" :|-–,")
    return text, None


def is_updated_label(text: str) -> bool:
    """True when a date text is labelled as an update ("Diperbarui ...", "Update: ...")."""
    low = text.strip().lower()
    return any(low.startswith(m) for m in UPDATED_MARKERS)


def format_day(day: date) -> str:
    """A day the Indonesian way, for messages: "27 November 2024"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 with offset, seconds precision."""
    return dt.replace(microsecond=0).isoformat() if dt else None
