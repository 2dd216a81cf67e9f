"""The official Pilkada 2024 fact base that claims are checked against.

Facts live in `pantau/data/facts.json` (versioned, every fact with a source): the voting day, region and candidate
counts, the schedule stages, KPU RI members and their roles over time, other officials, and known debunked claims.
`load_facts()` validates the file and caches it per path and modification time; a malformed file raises ValueError
naming the problem.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pantau.resources import data_path

DATA_DIR = data_path("")
FACTS_PATH = DATA_DIR / "facts.json"


@dataclass(frozen=True)
class Fact:
    value: Any
    text: str
    source: str


@dataclass(frozen=True)
class Stage:
    name: str
    start: date
    end: date
    text: str
    source: str
    informational: bool = False


@dataclass(frozen=True)
class Role:
    role: str
    valid_from: date | None
    valid_to: date | None
    text: str
    source: str
    from_unverified: bool = False

    def active(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    office: str | None = None
    text: str = ""
    source: str = ""


@dataclass(frozen=True)
class Hoax:
    id: str
    claim: str
    text: str
    keywords: tuple[tuple[str, ...], ...]
    valid_from: date | None
    source: str


@dataclass(frozen=True, eq=False)
class FactBase:
    version: str
    updated: str
    sources: dict[str, tuple[str, str]]
    voting_day: Fact
    counts: dict[str, Fact]
    schedule: dict[str, Stage]
    members: tuple[Person, ...]
    others: tuple[Person, ...]
    hoaxes: tuple[Hoax, ...]
    general: dict[str, Fact] = field(default_factory=dict)  # single facts the rules read by name (term_of_office...)

    @property
    def voting_date(self) -> date:
        value: date = self.voting_day.value
        return value

    def chair_at(self, day: date) -> tuple[Person, Role] | None:
        for person in self.members:
            for role in person.roles:
                if role.role in ("ketua", "plt_ketua") and role.active(day):
                    return person, role
        return None


def _need(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise ValueError(f"facts: missing '{key}' in {where}")
    value = obj[key]
    if not isinstance(value, kind):
        raise ValueError(f"facts: '{where}.{key}' must be {kind}, got {type(value).__name__}")
    return value


def _date(value: Any, where: str, optional: bool = False) -> date | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"facts: '{where}' must be an ISO date string, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"facts: '{where}' is not an ISO date: {value!r}") from exc


def _parse_facts(raw: Any, origin: str) -> FactBase:
    if not isinstance(raw, dict):
        raise ValueError(f"facts: {origin} must hold a JSON object")
    version = _need(raw, "version", str, "root")
    updated = _need(raw, "updated", str, "root")
    sources: dict[str, tuple[str, str]] = {}
    for i, src in enumerate(_need(raw, "sources", list, "root")):
        sid = _need(src, "id", str, f"sources[{i}]")
        url = _need(src, "url", str, f"sources[{i}]")
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"facts: sources[{i}].url is not an http(s) URL: {url!r}")
        sources[sid] = (_need(src, "title", str, f"sources[{i}]"), url)

    def url_of(obj: dict[str, Any], where: str) -> str:
        sid = _need(obj, "source", str, where)
        if sid not in sources:
            raise ValueError(f"facts: {where}.source names unknown source id {sid!r}")
        return sources[sid][1]

    vd = _need(raw, "voting_day", dict, "root")
    voting = Fact(
        _date(vd.get("value"), "voting_day.value"), _need(vd, "text", str, "voting_day"), url_of(vd, "voting_day")
    )
    counts: dict[str, Fact] = {}
    for key, item in _need(raw, "counts", dict, "root").items():
        if "value" not in item:
            raise ValueError(f"facts: missing 'value' in counts.{key}")
        counts[key] = Fact(item["value"], _need(item, "text", str, f"counts.{key}"), url_of(item, f"counts.{key}"))
    for key in ("provinces", "regencies", "cities", "regions", "regencies_and_cities", "candidate_pairs"):
        if key not in counts or not isinstance(counts[key].value, int):
            raise ValueError(f"facts: counts.{key} must be present with an integer value")
    schedule: dict[str, Stage] = {}
    for key, item in _need(raw, "schedule", dict, "root").items():
        where = f"schedule.{key}"
        start, end = _date(item.get("start"), f"{where}.start"), _date(item.get("end"), f"{where}.end")
        if start is None or end is None:
            raise ValueError(f"facts: {where} needs a start and an end")
        if end < start:
            raise ValueError(f"facts: {where} ends before it starts")
        schedule[key] = Stage(
            key, start, end, _need(item, "text", str, where), url_of(item, where), bool(item.get("informational"))
        )
    members = tuple(
        _parse_person(p, f"kpu_members[{i}]", url_of) for i, p in enumerate(_need(raw, "kpu_members", list, "root"))
    )
    others = tuple(
        _parse_person(p, f"other_officials[{i}]", url_of) for i, p in enumerate(raw.get("other_officials", []))
    )
    hoaxes: list[Hoax] = []
    for i, item in enumerate(raw.get("known_hoaxes", [])):
        where = f"known_hoaxes[{i}]"
        groups = _need(item, "keywords", list, where)
        if not groups or not all(isinstance(g, list) and g and all(isinstance(w, str) for w in g) for g in groups):
            raise ValueError(f"facts: {where}.keywords must be a non-empty list of non-empty string lists")
        hoaxes.append(
            Hoax(
                _need(item, "id", str, where),
                _need(item, "claim", str, where),
                _need(item, "text", str, where),
                tuple(tuple(w.lower() for w in g) for g in groups),
                _date(item.get("valid_from"), f"{where}.valid_from", optional=True),
                url_of(item, where),
            )
        )
    general = {
        key: Fact(
            _need(item, "value", object, f"general.{key}"),
            _need(item, "text", str, f"general.{key}"),
            url_of(item, f"general.{key}"),
        )
        for key, item in raw.get("general", {}).items()
    }
    return FactBase(version, updated, sources, voting, counts, schedule, members, others, tuple(hoaxes), general)


def _parse_person(item: Any, where: str, url_of: Any) -> Person:
    name = _need(item, "name", str, where)
    aliases = tuple(_need(item, "aliases", list, where)) or (name,)
    roles: list[Role] = []
    for j, r in enumerate(item.get("roles", [])):
        rw = f"{where}.roles[{j}]"
        kind = _need(r, "role", str, rw)
        if kind not in ("ketua", "plt_ketua", "anggota"):
            raise ValueError(f"facts: {rw}.role must be ketua, plt_ketua or anggota, got {kind!r}")
        roles.append(
            Role(
                kind,
                _date(r.get("valid_from"), f"{rw}.valid_from", optional=True),
                _date(r.get("valid_to"), f"{rw}.valid_to", optional=True),
                _need(r, "text", str, rw),
                url_of(r, rw),
                bool(r.get("valid_from_unverified") or r.get("unverified")),
            )
        )
    office = item.get("office")
    text = item.get("text", "")
    source = url_of(item, where) if "source" in item else ""
    return Person(name, tuple(str(a) for a in aliases), tuple(roles), office, text, source)


@lru_cache(maxsize=8)
def _load_facts_cached(path: str, mtime: float) -> FactBase:  # noqa: ARG001  # the file's mtime is part of the cache key: an edited file is read again
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"facts: {path} is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"facts: cannot read {path}: {exc}") from exc
    return _parse_facts(raw, path)


def load_facts(path: Path | None = None) -> FactBase:
    """Load (and cache) the fact base; a malformed file raises ValueError naming the problem."""
    target = Path(path) if path is not None else FACTS_PATH
    try:
        mtime = target.stat().st_mtime
    except OSError as exc:
        raise ValueError(f"facts: cannot read {target}: {exc}") from exc
    return _load_facts_cached(str(target), mtime)
