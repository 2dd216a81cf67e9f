"""The parties behind the gubernatorial pairs (`facts_parties.json`): one canonical list of party names and the
supporting parties (or independent status) of each pair, with sources.

`load_party_table(path)` parses and validates the file's shape (a wrong type raises ValueError); `check_party_table`
returns the problems `pantau facts check` reports (unknown race codes, ballot numbers, party names or source ids,
a party listed under two pairs of one race). `PartyTable.find(text)` yields the parties a text names (canonical
name, span), `backing(code, party)` the pair a party backs in a race.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pantau.process.claims.races import Race

PARTY_SCOPES = ("national", "aceh")


@dataclass(frozen=True)
class Party:
    name: str
    full: str
    aliases: tuple[str, ...]
    scope: str


@dataclass(frozen=True)
class Backing:
    """The parties of one pair (`independent`: a pair without parties). `complete` is False when the source names
    only some of them: a party missing from such a list says nothing."""

    race: str
    number: int
    parties: tuple[str, ...]
    independent: bool
    source: str
    url: str
    date: str
    complete: bool = True


@dataclass(frozen=True)
class PartyMention:
    party: str  # canonical name
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class PartyTable:
    version: str
    parties: tuple[Party, ...]
    backings: tuple[Backing, ...]
    not_done: tuple[dict[str, Any], ...] = ()
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (url, date)

    @cached_property
    def by_race(self) -> dict[str, tuple[Backing, ...]]:
        out: dict[str, list[Backing]] = {}
        for b in self.backings:
            out.setdefault(b.race, []).append(b)
        return {k: tuple(sorted(v, key=lambda b: b.number)) for k, v in out.items()}

    def pairs_of(self, code: str) -> tuple[Backing, ...]:
        return self.by_race.get(code, ())

    def backing(self, code: str, party: str) -> Backing | None:
        """The pair `party` (canonical name) backs in race `code`, if the table records one."""
        return next((b for b in self.pairs_of(code) if party in b.parties), None)

    @cached_property
    def alias_pattern(self) -> str:
        """Every party alias as one lower-case regex alternation, longest first (spaces and hyphens as either)."""
        aliases = sorted({a.lower() for p in self.parties for a in p.aliases}, key=len, reverse=True)
        return "|".join(re.escape(a).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?") for a in aliases)

    @cached_property
    def _alias_re(self) -> re.Pattern[str]:
        # Hyphens may join parties ("koalisi PKS-Gerindra"), so only letters and digits bound a name.
        return re.compile(r"(?<![\w])(?:" + self.alias_pattern + r")(?![\w])", re.IGNORECASE)

    @cached_property
    def _canonical(self) -> dict[str, str]:
        return {_fold(a): p.name for p in self.parties for a in p.aliases}

    def canonical(self, text: str) -> str | None:
        return self._canonical.get(_fold(text))

    def find(self, text: str) -> Iterator[PartyMention]:
        """The parties `text` names, in order (an alias inside a longer one counts once: "PDI Perjuangan"); a
        one-word name counts only capitalised ("Gelora", not "gelora")."""
        for m in self._alias_re.finditer(text):
            name = self.canonical(m.group(0))
            if name is None or (" " not in m.group(0) and m.group(0)[0].islower()):
                continue  # a one-word name in lower case is a word ("gelora kemenangan"), not the party
            if re.match(r"[\s-]?RB\b", text[m.end() : m.end() + 4]):
                continue  # "Menteri PAN-RB": the ministry, not the party
            yield PartyMention(name, m.start(), m.end())


def _fold(text: str) -> str:
    return re.sub(r"[\s-]+", "", text.lower())


def _need(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise ValueError(f"facts_parties: missing '{key}' in {where}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"facts_parties: '{where}.{key}' must be {kind}, got {type(value).__name__}")
    return value


def parse_party_table(raw: Any) -> PartyTable:
    """The table from the parsed file; a missing part or a wrong type raises ValueError (an unknown name or code is
    `check_party_table`'s business: the loader needs only the shape)."""
    if not isinstance(raw, dict):
        raise ValueError("facts_parties: the file must hold a JSON object")
    sources = {}
    for i, src in enumerate(_need(raw, "sources", list, "file")):
        sources[_need(src, "id", str, f"sources[{i}]")] = (
            _need(src, "url", str, f"sources[{i}]"),
            _need(src, "date", str, f"sources[{i}]"),
        )
    parties = []
    for i, p in enumerate(_need(raw, "parties", list, "file")):
        where = f"parties[{i}]"
        aliases = _need(p, "aliases", list, where)
        if not all(isinstance(a, str) and a for a in aliases):
            raise ValueError(f"facts_parties: {where}.aliases must be non-empty strings")
        name, full = _need(p, "name", str, where), _need(p, "full", str, where)
        parties.append(Party(name, full, tuple(aliases), str(p.get("scope", ""))))
    backings = []
    for i, b in enumerate(_need(raw, "pairs", list, "file")):
        where = f"pairs[{i}]"
        names = _need(b, "parties", list, where)
        if not all(isinstance(n, str) for n in names):
            raise ValueError(f"facts_parties: {where}.parties must be party names")
        sid = _need(b, "source", str, where)
        url, day = sources.get(sid, ("", ""))
        backings.append(
            Backing(
                race=_need(b, "race", str, where),
                number=_need(b, "number", int, where),
                parties=tuple(names),
                independent=_need(b, "independent", bool, where),
                source=sid,
                url=url,
                date=day,
                complete=bool(b.get("complete", True)),
            )
        )
    not_done = tuple(_need(raw, "not_done", list, "file"))
    return PartyTable(str(raw.get("version", "")), tuple(parties), tuple(backings), not_done, sources)


def load_party_table(path: Path) -> PartyTable:
    return _load_at(str(path), _mtime(path))


@lru_cache(maxsize=4)
def _load_at(path: str, mtime: float) -> PartyTable:  # noqa: ARG001  # mtime keys the cache: an edit is read again
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"facts_parties: cannot read {path}: {exc}") from exc
    return parse_party_table(raw)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def check_party_table(raw: Any, races: dict[str, Race], name: str = "facts_parties.json") -> list[str]:
    """Every problem of the parties file: shape, sources, the canonical list, race codes (gubernatorial races of
    facts_races.json), ballot numbers, party names, a party under two pairs of one race, a pair listed twice, an
    independent pair with parties, races recorded as not done that are not races."""
    try:
        table = parse_party_table(raw)
    except ValueError as exc:
        return [f"{name}: {exc}"]
    problems: list[str] = []
    if not table.version:
        problems.append(f"{name}: has no version")
    for sid, (url, day) in table.sources.items():
        if not url.startswith(("http://", "https://")):
            problems.append(f"{name}: source {sid!r} has no http(s) URL")
        if not re.match(r"^\d{4}-\d{2}(-\d{2})?$", day):
            problems.append(f"{name}: source {sid!r} has no date (YYYY-MM-DD or YYYY-MM)")
    if len(table.sources) != len(raw["sources"]):
        problems.append(f"{name}: a source id is listed twice")
    canonical: set[str] = set()
    seen_alias: dict[str, str] = {}
    for p in table.parties:
        if p.name in canonical:
            problems.append(f"{name}: party {p.name!r} is listed twice")
        canonical.add(p.name)
        if p.scope not in PARTY_SCOPES:
            problems.append(f"{name}: party {p.name!r} has scope {p.scope!r}, not one of {PARTY_SCOPES}")
        for alias in p.aliases:
            other = seen_alias.setdefault(_fold(alias), p.name)
            if other != p.name:
                problems.append(f"{name}: alias {alias!r} names both {other!r} and {p.name!r}")
    seen_pairs: set[tuple[str, int]] = set()
    for b in table.backings:
        where = f"pair {b.race}/{b.number}"
        race = races.get(b.race)
        if race is None or race.level != "gubernur":
            problems.append(f"{name}: {where}: {b.race!r} is not a gubernatorial race code of facts_races.json")
        elif race.pair(b.number) is None:
            problems.append(f"{name}: {where}: race {race.region} has no ballot number {b.number}")
        if (b.race, b.number) in seen_pairs:
            problems.append(f"{name}: {where} is listed twice")
        seen_pairs.add((b.race, b.number))
        if b.source not in table.sources:
            problems.append(f"{name}: {where} names unknown source id {b.source!r}")
        for party in b.parties:
            if party not in canonical:
                problems.append(f"{name}: {where} names {party!r}, not a canonical party name")
        if len(set(b.parties)) != len(b.parties):
            problems.append(f"{name}: {where} lists a party twice")
        if b.independent and b.parties:
            problems.append(f"{name}: {where} is independent but lists parties")
        if not b.independent and not b.parties:
            problems.append(f"{name}: {where} has no parties and is not independent")
    for code, pairs in table.by_race.items():
        owner: dict[str, int] = {}
        for b in pairs:
            for party in b.parties:
                if party in owner and owner[party] != b.number:
                    problems.append(
                        f"{name}: race {code}: {party} is listed under pairs {owner[party]} and {b.number} "
                        "(a party nominates one pair per race)"
                    )
                owner.setdefault(party, b.number)
    for i, item in enumerate(table.not_done):
        if not isinstance(item, dict) or str(item.get("race")) not in races or not item.get("text"):
            problems.append(f"{name}: not_done[{i}] needs a race code of facts_races.json and a text")
    return problems
