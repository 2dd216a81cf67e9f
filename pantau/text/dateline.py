"""The dateline: the lead of an Indonesian news story naming the place and the outlet.

"PALEMBANG, KOMPAS.com - ", "Palembang (ANTARA) - ", "TRIBUNSUMSEL.COM, PALEMBANG - ", "Liputan6.com, Jakarta - ",
"Jakarta - ", "SUARA.COM - ". The patterns are data (`pantau/data/datelines.json`); an outlet family may try its own
pattern first. Extraction splits the dateline off the first paragraph; clustering and region finding split it off
a body that still carries one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pantau.resources import load_json

_LEAD_PUNCT = " -–—:"


@dataclass(frozen=True)
class Dateline:
    place: str | None  # as printed, single-spaced ("BANDAR LAMPUNG", "Mataram"); None for an outlet-only lead
    end: int  # where the story starts in the text given
    outlet: str | None = None  # the outlet the lead names ("KOMPAS.com", "ANTARA"); None for a bare "Place -"


@cache
def _rules() -> tuple[tuple[re.Pattern[str], ...], int]:
    raw: dict[str, Any] = load_json("datelines.json")
    return tuple(re.compile(p) for p in raw["patterns"]), int(raw["max_place_words"])


@cache
def _colon_not_places() -> frozenset[str]:
    return frozenset(str(w) for w in load_json("datelines.json")["colon_not_places"])


def _label_not_place(place: str) -> bool:
    """A word before a colon that is a label ("UPDATE:", "KPK:", "Cek Fakta:", "Senin Pagi:"), not a place ("IPOH:",
    "GEORGE TOWN:", "New Delhi:")."""
    if place.upper() in _colon_not_places() or (" " not in place and len(place.strip(".")) < 4):
        return True
    return not place.isupper() and place.split(maxsplit=1)[0] in _period_not_places()


@cache
def _period_not_places() -> frozenset[str]:
    return frozenset(str(w) for w in load_json("datelines.json")["period_not_places"])


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def find_dateline(text: str, first: Sequence[str] = ()) -> Dateline | None:
    """The dateline at the start of `text` (its first line), or None.

    `first`: patterns (an outlet family's) tried before the shared ones. A lead that is the whole text (a paragraph
    holding only "JAKARTA, KOMPAS.com -") counts, with `end` at the end of the text. A lead naming no outlet
    ("Kota Lama -") is none when a plain lower-case word follows a mixed-case place (a dash inside a sentence).
    """
    patterns, max_words = _rules()
    line = text.split("\n", 1)[0]
    for pat in (*(_compiled(p) for p in first), *patterns):
        m = pat.match(line)
        if not m:
            continue
        place = m.groupdict().get("place")
        if place:
            place = " ".join(place.split()).strip(" ,")
            if "," not in place:  # "LA CROSSE, Wis." keeps its abbreviation's full stop
                place = place.rstrip(".")
            if len(place.split()) > max_words:
                continue
        end = m.end()
        while end < len(line) and line[end] in _LEAD_PUNCT:
            end += 1
        outlet = m.groupdict().get("outlet")
        if m.groupdict().get("colon") and (not place or _label_not_place(place)):
            continue
        if m.groupdict().get("period") and (not place or place.split("/")[0].split()[0] in _period_not_places()):
            continue
        following = line[end:].split(" ", 1)[0]
        if not outlet and place and not place.isupper() and following.isalpha() and following.islower():
            continue  # "Kota Lama - dan sekitarnya -": a dash inside a sentence, not a lead
        return Dateline(place or None, end, " ".join(outlet.split()) if outlet else None)
    return None


def split_dateline(text: str, first: Sequence[str] = ()) -> tuple[str | None, str]:
    """(place, rest): ("PALEMBANG", "Kurang ...") for "PALEMBANG, KOMPAS.com - Kurang ...", ("Mataram", "KPU ...") for
    "Mataram (ANTARA) - KPU ..." (the place as printed: compare case-insensitively); (None, text) without one."""
    found = find_dateline(text, first)
    if found is None:
        return None, text
    return found.place, text[found.end :]
