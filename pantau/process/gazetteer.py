"""Region gazetteer: Indonesia's provinces, regencies and cities, and the rules for reading their names.

The gazetteer (``data/regions.json``) lists Indonesia's 38 provinces, 416 regencies and 98 cities with their
Kemendagri codes, canonical names, a ``pilkada`` flag and the aliases newsrooms use; ``data/region_rules.yaml``
holds the reading rules (level cues, names that need a cue, shared names and their defaults, weights).

:func:`load_gazetteer` gives a :class:`Gazetteer`: every place, and an index from normalised word sequences (each
name, alias, seat town and stop phrase) to the places they can name, which :func:`pantau.process.regions.find_regions`
scans articles with. ``lookup``/``resolve_province`` answer "which place is this name" for other stages.
Building the gazetteer takes about 0.1 s, once per process.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pantau.resources import data_path
from pantau.text.tokens import words

DATA_DIR = data_path("")
DEFAULT_GAZETTEER = DATA_DIR / "regions.json"
DEFAULT_RULES = DATA_DIR / "region_rules.yaml"

LEVELS = ("province", "regency", "city")
_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str
    province_code: str
    pilkada: bool
    aliases: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    formed_from: str | None = None  # a province carved out of another in 2022 (its commands were the parent's)

    @property
    def short_name(self) -> str:
        """The name without "Kabupaten"/"Kota" ("Musi Banyuasin", "Palembang")."""
        for prefix in _PREFIXES:
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


@dataclass(frozen=True)
class Form:
    """One way of writing a place (or a stop phrase when code is None) as a word sequence."""

    code: str | None
    kind: str  # name | alias | seat | stop
    caps: tuple[str, ...]  # per word: U = all caps, T = capitalised, - = any


@dataclass(frozen=True)
class Rules:
    synonyms: dict[str, str]
    level_cues: dict[str, str]  # word -> level
    context_cues: frozenset[str]
    context_window: int
    blockers: frozenset[str]
    abbreviations: frozenset[str]
    national_qualifiers: frozenset[str]
    needs_cue: frozenset[str]
    stop_phrases: tuple[str, ...]
    ambiguous: dict[str, str | None]
    dateline_levels: tuple[str, ...]
    dateline_max_chars: int
    national_keys: frozenset[str]
    national_damping: float
    national_cues: re.Pattern[str] | None
    weights: dict[str, float]
    english_directions: dict[tuple[str, ...], str] = field(default_factory=dict)  # ("barat", "daya") -> Southwest
    statement_weekdays: frozenset[str] = frozenset()
    candidate_context: re.Pattern[str] | None = None  # words of the election: candidates' names count only then
    candidate_blockers: frozenset[str] = frozenset()  # a name after one of these is a street or a building's
    jurisdiction_cues: frozenset[str] = frozenset()  # "Polda", "Kodam": the command named after a province
    national_counts: dict[str, int] = field(default_factory=dict)  # "37 provinsi": unit -> smallest national count
    comparison_words: frozenset[str] = frozenset()  # "ketimbang X": X is compared with the subject
    blockers_after: frozenset[str] = frozenset()  # "Kaltim Post": a name before one of these is a newspaper's
    origin_cues: frozenset[str] = frozenset()  # "kelahiran X": where a person comes from


_LEVEL_WORD = re.compile(r"^(?:kabupaten|kota)\s+", re.IGNORECASE)


def bare_name(name: str) -> str:
    """A regency's or city's name without its level word, in lower case ("Kabupaten Sleman" -> "sleman")."""
    return _LEVEL_WORD.sub("", name).lower()


def english_name(name: str, directions: dict[tuple[str, ...], str]) -> str | None:
    """The English form of a regency/city name with trailing direction words ("Lombok Timur" -> "East Lombok"),
    or None when the name ends in none or nothing would be left."""
    parts = name.split()
    front: list[str] = []
    longest = max((len(k) for k in directions), default=0)
    while parts:
        for size in range(min(longest, len(parts) - 1), 0, -1):
            english = directions.get(tuple(w.lower() for w in parts[-size:]))
            if english is not None:
                front.append(english)
                parts = parts[:-size]
                break
        else:
            break
    if not front or not parts:
        return None
    return " ".join(front + parts)


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    items = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not items:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def load_rules(path: Path | None = None) -> Rules:
    raw: dict[str, Any] = yaml.safe_load((path or DEFAULT_RULES).read_text(encoding="utf-8")) or {}
    synonyms = {str(k).lower(): str(v).lower() for k, v in (raw.get("token_synonyms") or {}).items()}

    def key(s: str) -> str:
        return " ".join(synonyms.get(w, w) for w in (t.lower() for t in words(str(s))))

    level_cues = {str(w).lower(): lvl for lvl, cues in (raw.get("level_cues") or {}).items() for w in cues}
    nat = raw.get("national_seat") or {}
    return Rules(
        synonyms=synonyms,
        level_cues=level_cues,
        context_cues=frozenset(str(w).lower() for w in raw.get("context_cues") or []) | frozenset(level_cues),
        context_window=int(raw.get("context_window", 3)),
        blockers=frozenset(str(w).lower() for w in raw.get("blockers_before") or []),
        abbreviations=frozenset(str(w).lower() for w in raw.get("abbreviations") or []),
        national_qualifiers=frozenset(str(w).lower() for w in nat.get("qualifiers") or []),
        needs_cue=frozenset(key(w) for w in raw.get("needs_cue") or []),
        stop_phrases=tuple(str(p) for p in raw.get("stop_phrases") or []),
        ambiguous={key(k): (str(v) if v is not None else None) for k, v in (raw.get("ambiguous") or {}).items()},
        dateline_levels=tuple(raw.get("dateline_level_preference") or LEVELS[::-1]),
        dateline_max_chars=int(raw.get("dateline_max_chars", 90)),
        national_keys=frozenset(key(k) for k in nat.get("keys") or []),
        national_damping=float(nat.get("damping", 1.0)),
        national_cues=_phrase_regex(str(c) for c in nat.get("cues") or []),
        weights={str(k): float(v) for k, v in (raw.get("weights") or {}).items()},
        statement_weekdays=frozenset(str(w).lower() for w in raw.get("statement_place_weekdays") or []),
        candidate_context=_phrase_regex(str(c) for c in raw.get("candidate_context") or []),
        candidate_blockers=frozenset(str(w).lower() for w in raw.get("candidate_blockers_before") or []),
        jurisdiction_cues=frozenset(str(w).lower() for w in raw.get("jurisdiction_cues") or []),
        national_counts={str(k).lower(): int(v) for k, v in (raw.get("national_counts") or {}).items()},
        comparison_words=frozenset(str(w).lower() for w in raw.get("comparison_words") or []),
        blockers_after=frozenset(str(w).lower() for w in raw.get("blockers_after") or []),
        origin_cues=frozenset(str(w).lower() for w in raw.get("origin_cues") or []),
        english_directions={
            tuple(str(k).lower().split()): str(v) for k, v in (raw.get("english_directions") or {}).items()
        },
    )


def _caps_of(word: str) -> str:
    if word.isdigit() or word.islower():
        return "-"
    if len(word) > 1 and word.isupper():
        return "U"
    return "T"


class Gazetteer:
    """All places, and an index from normalised word sequences to the places they can name."""

    def __init__(self, places: Iterable[Place], rules: Rules) -> None:
        self.rules = rules
        self._places: dict[str, Place] = {p.code: p for p in places}
        self.index: dict[str, list[Form]] = defaultdict(list)
        for place in self._places.values():
            forms = [(place.name, "name"), (place.short_name, "name")]
            forms += [(a, "alias") for a in place.aliases] + [(s, "seat") for s in place.seats]
            for text, kind in forms:
                self._add(text, place.code, kind)
        for place in self._places.values():  # after every name and alias, so an English form never shadows one
            english = english_name(place.short_name, rules.english_directions) if place.level != "province" else None
            if english is not None and not self.index.get(self.key(english)):
                self._add(english, place.code, "alias")
        for phrase in rules.stop_phrases:
            self._add(phrase, None, "stop")
        # the words after which (a national count's unit: "37 provinsi") or from which (a comparison word) places
        # may count damped; regions._damped_spans reads the words around them only when the text holds one
        self.damp_triggers = frozenset(rules.national_counts) | rules.comparison_words
        self.carved: dict[str, frozenset[str]] = {}  # parent province -> the provinces carved out of it
        for place in self._places.values():
            if place.formed_from:
                self.carved[place.formed_from] = self.carved.get(place.formed_from, frozenset()) | {place.code}
        # first word of every key -> the most words a key starting with it has (the scan tries no longer ones)
        self.first_words: dict[str, int] = {}
        self.first_any_case: set[str] = set()  # first words that may match in lower case ("nasi Padang")
        for key, entries in self.index.items():
            head = key.split(" ", 1)[0]
            self.first_words[head] = max(self.first_words.get(head, 0), key.count(" ") + 1)
            if any(f.caps[0] == "-" for f in entries):
                self.first_any_case.add(head)

    def _add(self, text: str, code: str | None, kind: str) -> None:
        parts = words(text)
        if not parts:
            return
        key = self.key(text)
        if any(f.code == code and f.kind != "stop" for f in self.index[key]) and code is not None:
            return
        self.index[key].append(Form(code, kind, tuple(_caps_of(w) for w in parts)))

    def key(self, text: str) -> str:
        syn = self.rules.synonyms
        return " ".join(syn.get(w, w) for w in (t.lower() for t in words(text)))

    @property
    def places(self) -> list[Place]:
        return list(self._places.values())

    def get(self, code: str) -> Place | None:
        return self._places.get(code)

    def province(self, code: str) -> Place | None:
        """The province of a code ("16.06" -> Sumatera Selatan; "16" -> itself)."""
        place = self._places.get(code)
        return self._places.get(place.province_code) if place else None

    def children(self, province_code: str) -> list[Place]:
        return [p for p in self._places.values() if p.province_code == province_code and p.level != "province"]

    def codes_for_key(self, key: str) -> list[str]:
        return sorted({f.code for f in self.index.get(key, []) if f.code is not None})

    def lookup(self, name: str) -> list[Place]:
        """Places a name can mean, case-insensitively; a leading "Kabupaten"/"Kota"/"Provinsi" picks the level.

        ``lookup("Bogor")`` gives Kabupaten Bogor and Kota Bogor, ``lookup("Kab. Bogor")`` only the regency,
        ``lookup("Muba")`` Kabupaten Musi Banyuasin, ``lookup("16.06")`` the place with that code.
        """
        if not isinstance(name, str):
            return []
        name = name.strip()
        if name in self._places:
            return [self._places[name]]
        key = self.key(name)
        codes = self.codes_for_key(key)
        if not codes:
            first, _, rest = key.partition(" ")
            level = self.rules.level_cues.get(first)
            if level and rest:
                if first in ("kabupaten", "kota") and rest.startswith("administrasi "):
                    rest = rest[len("administrasi ") :]
                cands = [self._places[c] for c in self.codes_for_key(rest)]
                return [p for p in cands if p.level == level] or cands
        return [self._places[c] for c in codes]

    def resolve_province(self, value: str | None) -> Place | None:
        """A province from its code, canonical name or alias ("16", "Sumatera Selatan", "Sumsel")."""
        if not value or not isinstance(value, str):
            return None
        for place in self.lookup(value):
            if place.level == "province":
                return place
        return None


def _load_places(path: Path) -> list[Place]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Place(
            code=str(p["code"]),
            name=str(p["name"]).strip(),
            level=str(p["level"]),
            province_code=str(p["province_code"]),
            pilkada=bool(p["pilkada"]),
            aliases=tuple(str(a) for a in p.get("aliases") or []),
            seats=tuple(str(s) for s in p.get("seats") or []),
            formed_from=str(p["formed_from"]) if p.get("formed_from") else None,
        )
        for p in raw["places"]
    ]


@lru_cache(maxsize=4)
def _cached(path: Path, rules_path: Path) -> Gazetteer:
    return Gazetteer(_load_places(path), load_rules(rules_path))


def load_gazetteer(path: Path | None = None, rules_path: Path | None = None) -> Gazetteer:
    """The gazetteer from ``regions.json`` (default: the bundled one, built once per process)."""
    return _cached(Path(path or DEFAULT_GAZETTEER).resolve(), Path(rules_path or DEFAULT_RULES).resolve())
