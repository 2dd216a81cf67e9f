"""Text helpers of the claim checks: sentence splitting, number words, article dates and dates in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pantau.process.claims.rules import Rules, load_rules

_RE_LAST_WORD = re.compile(r"([\w.]+)$")


def split_sentences(text: str, rules: Rules | None = None) -> list[str]:
    """Split Indonesian news text into sentences; abbreviations (Kab., H., Dr., No.) and decimals (1.553) are kept.
    Cached for the last few texts (the stages of one article that split the same text back to back); a fresh list
    each call. Few: a cached body of 100,000 characters holds about half a megabyte with its sentences."""
    return list(_split_sentences(text, rules or load_rules()))


SPLIT_CACHE_SIZE = 16


@lru_cache(maxsize=SPLIT_CACHE_SIZE)
def _split_sentences(text: str, rules: Rules) -> tuple[str, ...]:
    out: list[str] = []
    for para in re.split(r"\n+", text):
        para = para.strip()
        if not para:
            continue
        start = 0
        for m in rules.re_sentence_end.finditer(para):
            end = m.end()
            if m.group(0)[0] == ".":
                before = para[max(start, m.start() - 24) : m.start()]
                word = _RE_LAST_WORD.search(before)
                token = word.group(1).lower().replace(".", "") if word else ""
                if token in rules.abbreviations or (len(token) == 1 and token.isalpha()):
                    continue
            rest = para[end:].lstrip()
            if rest and rest[0].islower():
                continue
            piece = para[start:end].strip()
            if piece:
                out.append(piece)
            start = end
        tail = para[start:].strip()
        if tail:
            out.append(tail)
    return tuple(out)


def parse_number(text: str, rules: Rules) -> int | None:
    text = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return int(text.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):  # English thousands: "1,553"
        return int(text.replace(",", ""))
    if text.isdigit():
        return int(text)
    nw = rules.number_words
    value = hundreds = small = 0
    seen = False
    for tok in text.split():
        if tok in nw["units"]:
            small += nw["units"][tok]
        elif tok in nw["teens"]:
            small += nw["teens"][tok]
        elif tok == "belas":
            small += 10
        elif tok == "puluh":
            small *= 10
        elif tok == "ratus":
            hundreds += small * 100
            small = 0
        elif tok == "seratus":
            hundreds += 100
        elif tok == "ribu":
            value += (hundreds + small) * 1000
            hundreds = small = 0
        elif tok == "seribu":
            value += 1000
        else:
            return None
        seen = True
    return value + hundreds + small if seen else None


def parse_published(published_at: str | None) -> date | None:
    if not isinstance(published_at, str):
        return None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", published_at)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


@dataclass
class DateMention:
    start: int
    end: int
    first: date
    last: date
    explicit_year: bool
    weekday: int | None = None
    weekday_text: str = ""
    # A date in digits whose day could be its month ("Minggu (12/08)" in a December text): the date read month
    # first, when that reading exists and lies nearer to the publication date than the day-first one.
    swapped: date | None = None

    @property
    def is_range(self) -> bool:
        return self.first != self.last


def _mk_date(y: int | None, m: int, d: int) -> date | None:
    if y is None or not (1 <= m <= 12):
        return None
    if y < 100:
        y += 2000
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, ref: date | None, fallback: int | None) -> int | None:
    """The year of a date written without one: the single year the sentence names ("Pilkada 2024 ... 25 September")
    when it names one within a year of the publication date; else the year that puts the date nearest to it."""
    if fallback is not None and (ref is None or abs(fallback - ref.year) <= 1):
        return fallback
    if ref is None:
        return fallback
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = _mk_date(y, m, d)
        if cand is None:
            continue
        dist = abs((cand - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def find_dates(sentence: str, ref: date | None, rules: Rules) -> list[DateMention]:
    """All dates and date ranges in a sentence, with the weekday written before them (if any)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    years = [int(y) for y in rules.re_year.findall(sentence)]
    fallback = years[0] if len(set(years)) == 1 else None

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in rules.re_range.finditer(sentence):
        m2 = rules.months[m.group("m2").lower()]
        d2 = int(m.group("d2"))
        y2 = int(m.group("y2")) if m.group("y2") else _infer_year(m2, d2, ref, fallback)
        m1 = rules.months[m.group("m1").lower()] if m.group("m1") else m2
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if y2 is None or m1 <= m2 else y2 - 1)
        a, b = _mk_date(y1, m1, int(m.group("d1"))), _mk_date(y2, m2, d2)
        if a and b and a <= b and (b - a).days <= 400:
            found.append(DateMention(m.start(), m.end(), a, b, bool(m.group("y2"))))
            taken.append((m.start(), m.end()))
    for m in rules.re_text_date.finditer(sentence):
        if not free(m.start("d"), m.end()):
            continue
        mo, d = rules.months[m.group("m").lower()], int(m.group("d"))
        y = int(m.group("y")) if m.group("y") else _infer_year(mo, d, ref, fallback)
        day = _mk_date(y, mo, d)
        if day:
            found.append(DateMention(m.start("d"), m.end(), day, day, bool(m.group("y"))))
            taken.append((m.start("d"), m.end()))
    for m in rules.lists["text_date_month_first"].finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        mo, d = rules.months[m.group("m").lower()], int(m.group("d"))
        y = int(m.group("y")) if m.group("y") else _infer_year(mo, d, ref, fallback)
        day = _mk_date(y, mo, d)
        if day:
            found.append(DateMention(m.start(), m.end(), day, day, bool(m.group("y"))))
            taken.append((m.start(), m.end()))
    for m in rules.re_iso_date.finditer(sentence):
        if free(m.start(), m.end()):
            day = _mk_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if day:
                found.append(DateMention(m.start(), m.end(), day, day, True))
                taken.append((m.start(), m.end()))
    for m in rules.re_num_date.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        if m.group("y") is None:
            # "(27/11)" is only a date when written right after a weekday, as in "Rabu (27/11)".
            lead = sentence[max(0, m.start() - 24) : m.start()]
            if not lead.rstrip().endswith("(") or not rules.re_weekday_lead.search(lead):
                continue
            y = _infer_year(int(m.group("m")), int(m.group("d")), ref, fallback)
        else:
            y = int(m.group("y"))
        mo, d = int(m.group("m")), int(m.group("d"))
        day = _mk_date(y, mo, d)
        if day:
            swap_year = y if m.group("y") is not None or d > 12 else _infer_year(d, mo, ref, fallback)
            swapped = _mk_date(swap_year, d, mo) if d != mo and ref is not None else None
            if swapped is not None and ref is not None and abs((swapped - ref).days) >= abs((day - ref).days):
                swapped = None  # read day first, the date is the nearer one to the text's own date: no slip
            found.append(DateMention(m.start(), m.end(), day, day, m.group("y") is not None, swapped=swapped))
            taken.append((m.start(), m.end()))
    for dm in found:
        lead = sentence[max(0, dm.start - 24) : dm.start]
        wm = rules.re_weekday_lead.search(lead)
        before_wd = lead[: wm.start("wd")] if wm else ""
        # A weekday as written (`_weekday_written`), or after "hari" in a lower-case post ("nyoblos hari kamis 27 ...").
        named = wm is not None and (_weekday_written(wm, lead, rules) or before_wd.lower().rstrip().endswith("hari"))
        if wm and named and not before_wd.rstrip().endswith(("-", "–")):
            dm.weekday = rules.weekdays[wm.group("wd").lower()]
            dm.weekday_text = wm.group("wd")
    found.sort(key=lambda x: x.start)
    return found


def _weekday_written(wm: re.Match[str], lead: str, rules: Rules) -> bool:
    """A weekday word before a date is the date's weekday: capitalised, or in lower case ("kamis, 9 Januari") unless
    the word also means something else ("minggu" is "week"), which then needs a comma or bracket before the date."""
    word = wm.group("wd")
    if word[0].isupper() or word.lower() not in rules.raw["weekday_lowercase_ambiguous"]:
        return True
    return lead[wm.end("wd") :].strip()[:1] in (",", "(")
