"""Indonesian time and dates: the three zones (WIB, WITA, WIT), the month and weekday words, and date text read
into timezone-aware datetimes.

Handles "Jumat, 20 Jun 2025 09:07 WIB", "Jum'at, 20 Juni 2025 | 16.33 WITA", "Kompas.com - 20/06/2025, 18:13 WIB",
"Diperbarui 21 Juni 2025, 10:00 WIB", ISO strings with or without an offset (detik's `dtk:publishdate` meta
"2025/06/20 09:07:00" carries none: it is WIB), and relative forms such as "2 jam lalu" against a given `now`.
The month and weekday words are data (`pantau/data/id_calendar.json`), shared with the claim checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from pantau.resources import load_json

WIB = timezone(timedelta(hours=7))  # Western Indonesia Time, the default for an Indonesian outlet
WITA = timezone(timedelta(hours=8))  # Central Indonesia Time (Bali, Nusa Tenggara, Sulawesi, ...)
WIT = timezone(timedelta(hours=9))  # Eastern Indonesia Time (Maluku, Papua)
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}
MAX_OFFSET_HOURS = 14  # the widest real UTC offset (Kiribati); "+25:00" is no zone
MIN_YEAR = 1990  # before any news site: "0001-01-01" is a placeholder, not a date
FOLD_READ = 1_200  # characters of a text folded (a date line is short; the rest is never read)

_CALENDAR: dict[str, Any] = load_json("id_calendar.json")
MONTHS: dict[str, int] = {k.lower(): int(v) for k, v in _CALENDAR["months"].items()}  # "agt" -> 8
WEEKDAYS: dict[str, int] = {k.lower(): int(v) for k, v in _CALENDAR["weekdays"].items()}  # "jum'at" -> 4 (Monday 0)
MONTH_NAMES: tuple[str, ...] = tuple(_CALENDAR["month_names"])  # "Januari" ... "Desember"
WEEKDAY_NAMES: tuple[str, ...] = tuple(_CALENDAR["weekday_names"])  # "Senin" (Monday) ... "Minggu"

_LINES: dict[str, Any] = load_json("date_lines.json")
UPDATED_MARKERS: tuple[str, ...] = tuple(_LINES["updated_markers"])  # longest first where one contains another
FOREIGN_ZONES: dict[str, timezone] = {
    name: timezone(timedelta(hours=float(hours))) for name, hours in _LINES["foreign_zones"].items()
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_ZONE_RE = re.compile(r"\b(WIB|WITA|WIT)\b", re.IGNORECASE)
_FOREIGN_ZONE_RE = re.compile(
    r"\b(" + "|".join(sorted(FOREIGN_ZONES, key=len, reverse=True)) + r")\b"
)  # upper case only
_GMT_OFFSET_RE = re.compile(r"\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b")
_TIME_RE = re.compile(
    r"(?<![\d/.])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?![\d/]|[.,]\d)(?:\s*([ap]\.?m\.?)(?![a-z]))?", re.IGNORECASE
)
_ISO_RE = re.compile(
    r"(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?"
)
_NAMED_RE = re.compile(rf"(\d{{1,2}})\s+({_MONTH_ALT})\.?,?\s+(\d{{4}})", re.IGNORECASE)
_NAMED_US_RE = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC_RE = re.compile(r"(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])")  # 05/11/2015, 5-11-2015, 05.11.2015
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


def _offset(text: str) -> timezone | None:
    """The fixed offset of an ISO suffix ("Z", "+07:00", "+0700"), or None when no zone has it (above 14 hours)."""
    if text.upper() == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > MAX_OFFSET_HOURS or minutes >= 60:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _plausible_year(year: int) -> bool:
    """A news page's date lies between the first web outlets and next year (not 0001, not 9999)."""
    return MIN_YEAR <= year <= datetime.now(UTC).year + 1


def _build(
    y: int, mo: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, tz: timezone | None = None
) -> datetime | None:
    if not _plausible_year(y):
        return None
    try:
        return datetime(y, mo, d, hh, mm, ss, tzinfo=tz)
    except ValueError:
        return None


def _clock_match(text: str) -> tuple[tuple[int, int, int], int] | None:
    """The first valid clock time in a text (12-hour forms with AM/PM made 24-hour) and where it ends."""
    for m in _TIME_RE.finditer(text):
        hh, mm, ss = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        half = (m.group(4) or "").lower().replace(".", "")
        if half and 1 <= hh <= 12:
            hh = hh % 12 + (12 if half == "pm" else 0)
        if hh < 24 and mm < 60 and ss < 60:
            return (hh, mm, ss), m.end()
    return None


def _clock(text: str) -> tuple[int, int, int] | None:
    found = _clock_match(text)
    return found[0] if found else None


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


@dataclass(frozen=True)
class Reading:
    """One date text read: the instant, whether the text gave a clock time and a zone, and where the date stood."""

    when: datetime  # aware: the zone named in the text, its ISO offset, or the default zone
    has_time: bool
    zone_named: bool  # the text named a zone (WIB, MYT, ...) or carried an ISO offset
    utc_label: bool  # the offset was "Z" / "+00:00" / "UTC" / "GMT" (a label newsroom systems often get wrong)
    span: tuple[int, int]  # where the date (and its time, when one follows) stood in the folded text


def fold(text: str) -> str:
    """Whitespace folded, no-break spaces as spaces, at most 300 characters (what `read_datetime` reads)."""
    return " ".join(text[:FOLD_READ].replace("\xa0", " ").split())[:300]


def _named_zone(text: str) -> tuple[timezone, tuple[int, int]] | None:
    m = _ZONE_RE.search(text)
    if m:
        return zone(m.group(1)), m.span()
    m = _GMT_OFFSET_RE.search(text)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours <= MAX_OFFSET_HOURS and minutes < 60:
            return timezone(sign * timedelta(hours=hours, minutes=minutes)), m.span()
    m = _FOREIGN_ZONE_RE.search(text)
    if m:
        return FOREIGN_ZONES[m.group(1)], m.span()
    return None


def read_datetime(text: str | None, default_tz: str | timezone = "WIB") -> Reading | None:
    """The date a text names with what the text said about it, or None when it names no full day.

    The zone named in the text (WIB/WITA/WIT, MYT, GMT+8, ...) wins; an explicit ISO offset wins over that; otherwise
    `default_tz` (a zone name or a fixed offset). Relative forms ("2 jam lalu") are `parse_indonesian_datetime`'s.
    """
    if not text or not isinstance(text, str):
        return None
    text = fold(text)
    if not text:
        return None
    named = _named_zone(text)
    tz = named[0] if named else default_tz if isinstance(default_tz, timezone) else zone(default_tz)
    utc_named = named is not None and named[0].utcoffset(None) == timedelta(0)

    iso_m = _ISO_RE.search(text)
    if iso_m:
        y, mo, d = int(iso_m.group(1)), int(iso_m.group(2)), int(iso_m.group(3))
        hh, mm, ss = int(iso_m.group(4) or 0), int(iso_m.group(5) or 0), int(iso_m.group(6) or 0)
        off = _offset(iso_m.group(7)) if iso_m.group(7) else tz
        if off is None:
            return None  # an impossible offset: the whole stamp is untrustworthy
        built = _build(y, mo, d, hh, mm, ss, off)
        if built:
            utc = built.utcoffset() == timedelta(0) and (iso_m.group(7) is not None or utc_named)
            zoned = iso_m.group(7) is not None or named is not None
            return Reading(built, iso_m.group(4) is not None, zoned, utc, iso_m.span())

    day: tuple[int, int, int] | None = None
    span = (0, 0)
    for pattern, order in ((_NAMED_RE, (3, 2, 1)), (_NAMED_US_RE, (3, 1, 2)), (_NUMERIC_RE, (4, 3, 1))):
        m = pattern.search(text)
        if m:
            year, month, dom = (m.group(i) for i in order)
            day = (int(year), int(month) if month.isdigit() else MONTHS[month.lower()], int(dom))
            span = m.span()
            break
    if day is None:
        return None
    rest = text[span[1] :]
    clock = _clock_match(rest)
    if clock is not None:
        (hh, mm, ss), end = clock
        span = (span[0], span[1] + end)
    built = _build(*day, *(clock[0] if clock else (0, 0, 0)), tz=tz)
    if built is None:
        return None
    return Reading(built, clock is not None, named is not None, utc_named, span)


def read_clock(text: str) -> tuple[int, int, int] | None:
    """The clock time a text names ("15:07 WIB", "09.10", "9:10 PM"), or None."""
    found = _clock_match(fold(text))
    return found[0] if found else None


def parse_indonesian_datetime(
    text: str | None, default_tz: str = "WIB", *, now: datetime | None = None
) -> datetime | None:
    """An aware datetime for any date form seen on Indonesian news pages, or None.

    The zone named in the text (WIB/WITA/WIT) wins; an explicit ISO offset wins over that; otherwise `default_tz`.
    """
    reading = read_datetime(text, default_tz)
    if reading is not None:
        return reading.when
    if not text or not isinstance(text, str) or not fold(text):
        return None
    text = fold(text)
    relative = parse_relative(text, now, default_tz)
    named = _named_zone(text)
    if relative is None and now is not None and (named or "pukul" in text.lower()):
        clock_only = _clock(text)
        if clock_only:
            tz = named[0] if named else zone(default_tz)
            ref = now.astimezone(tz) if now.tzinfo else now.replace(tzinfo=tz)
            return _build(ref.year, ref.month, ref.day, *clock_only, tz=tz)
    return relative


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
