"""The amended ballots of the 2025 re-votes and re-elections (`facts_revotes.json`), read into typed records.

A re-vote (PSU) the Constitutional Court ordered, or a re-election after the empty box won, can put another ballot
before the voters than KPU's 2024 master data (`facts_races.json`) holds: a disqualified candidate replaced by the
party's new one (Kutai Kartanegara no. 1: Aulia Rahman Basri for Edi Damansyah), a pair struck off (Parigi
Moutong no. 5), a pair admitted (Empat Lawang no. 1), or all new pairs (Barito Utara's second PSU, the Bangka and
Pangkalpinang re-elections). Each `Revote` holds that ballot from `ballot_from` on and, where the fact base records
it there, the official result of that vote (`RevoteResult`). `FactBase.on(day)` (facts.py) is the fact base as it
stood on a day: the ballot in force and, once recapitulated, its result.

`parse_revotes(raw)` raises ValueError naming the entry on a malformed file; `check_revotes` (used by `pantau facts
check`) lists every problem against the races, the MK orders and the re-elections of facts_outcomes.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pantau.process.claims.fact_dates import iso_day, iso_day_or_none, latest_day
from pantau.process.claims.races import Pair, Person, Race

KINDS = ("psu", "re_election")
ROLES = ("head", "deputy")
SHARE_TOLERANCE = 0.1  # percentage points, as for the outcomes file
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
NAME = "facts_revotes.json"


@dataclass(frozen=True)
class Replacement:
    number: int
    role: str  # head | deputy
    replaced: str  # the person the MK disqualified (as in facts_races.json)
    by: str  # the person on the amended ballot


@dataclass(frozen=True)
class RevoteResult:
    winner: int
    votes: dict[str, int]
    text: str
    source: str  # URL
    source_date: str
    valid_votes: int | None = None
    share: dict[str, float] | None = None
    recap_date: date | None = None

    @property
    def settled_on(self) -> date | None:
        """The recapitulation's day, else the source's (a month only counts as its last day)."""
        if self.recap_date is not None:
            return self.recap_date
        return latest_day(self.source_date)


@dataclass(frozen=True)
class Revote:
    code: str
    kind: str  # psu | re_election
    vote_date: date
    ballot_from: date
    pairs: tuple[Pair, ...]
    replacements: tuple[Replacement, ...]
    removed: tuple[int, ...]
    all_new: bool  # none of the 2024 pairs is on this ballot (a re-election, or a PSU with new pairs)
    text: str
    source: str  # URL
    result: RevoteResult | None = None
    case: str | None = None  # the ruling that ordered this vote, when it is not the 24 February 2025 one
    ruling_date: date | None = None
    empty_box_column: int | None = None  # the empty box's ballot column, when one pair faced it in this vote

    def replacement_of(self, number: int) -> tuple[Replacement, ...]:
        return tuple(r for r in self.replacements if r.number == number)

    def amended(self, race: Race) -> Race:
        """The race with this ballot: its pairs, and the empty box only where this vote had one."""
        return Race(race.code, race.level, race.region, race.province_code, self.pairs, self.empty_box_column)


def _person(name: Any, where: str) -> Person:
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"facts: {NAME} {where} needs a name")
    return Person(name.strip(), name.strip())


def parse_revotes(raw: Any) -> dict[str, tuple[Revote, ...]]:
    """Race code -> its revotes in the order their ballots came into force."""
    if not isinstance(raw, dict) or not isinstance(raw.get("revotes"), list):
        raise ValueError(f"facts: {NAME} must hold an object with a 'revotes' list")
    sources = {str(s.get("id")): s for s in raw.get("sources", []) if isinstance(s, dict)}
    out: dict[str, list[Revote]] = {}
    for i, item in enumerate(raw["revotes"]):
        where = f"revotes[{i}]"
        try:
            code = str(item["code"])
            pairs = tuple(
                Pair(int(p["number"]), _person(p.get("head"), where), _person(p.get("deputy"), where), None, None)
                for p in item["pairs"]
            )
            replacements = tuple(
                Replacement(int(r["number"]), str(r["role"]), str(r["replaced"]), str(r["by"]))
                for r in item.get("replacements", [])
            )
            result = None
            res = item.get("result")
            if res is not None:
                src = sources.get(str(res.get("source")), {})
                result = RevoteResult(
                    int(res["winner"]),
                    {str(k): int(v) for k, v in res["votes"].items()},
                    str(res.get("text", "")),
                    str(src.get("url", "")),
                    str(src.get("date", "")),
                    res["valid_votes"] if isinstance(res.get("valid_votes"), int) else None,
                    {str(k): float(v) for k, v in (res.get("share") or {}).items()} or None,
                    iso_day_or_none(res.get("recap_date") or None, f"{NAME} {where}.result.recap_date"),
                )
            kind = str(item["kind"])
            if kind not in KINDS:
                raise ValueError(f"facts: {NAME} {where}.kind must be one of {KINDS}, got {kind!r}")
            revote = Revote(
                code,
                kind,
                iso_day(item["vote_date"], f"{NAME} {where}.vote_date"),
                iso_day(item["ballot_from"], f"{NAME} {where}.ballot_from"),
                pairs,
                replacements,
                tuple(int(n) for n in item.get("removed", [])),
                kind == "re_election" or bool(item.get("all_new")),
                str(item.get("text", "")),
                str(sources.get(str(item.get("source")), {}).get("url", "")),
                result,
                item.get("case"),
                iso_day_or_none(item.get("ruling_date") or None, f"{NAME} {where}.ruling_date"),
                int(item["empty_box_column"]) if item.get("empty_box_column") is not None else None,
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"facts: {NAME} {where} is malformed: {exc!r}") from exc
        out.setdefault(code, []).append(revote)
    return {code: tuple(sorted(items, key=lambda r: r.ballot_from)) for code, items in out.items()}


def in_force(revotes: tuple[Revote, ...], day: date) -> Revote | None:
    """The revote whose ballot stood on `day` (the latest that had come into force), if any."""
    found = None
    for revote in revotes:
        if revote.ballot_from <= day:
            found = revote
    return found


def check_revotes(raw: Any, races: dict[str, Race], outcomes: dict[str, Any], voting_day: date) -> list[str]:
    """Every problem of the revotes file: a version, sources with URL and date, each entry's source known, a race
    that exists, a kind and ISO dates in order (ballot, vote, recapitulation), ballot numbers 1..n, the MK order or
    re-election it belongs to (a PSU on the day facts_outcomes.json dates it, or its own later ruling; a re-election
    of the empty-box races on the recorded day), replacements naming the 2024 person at that number and the amended
    one, removed numbers that were on the 2024 ballot and are not on this one, and a result on this ballot's numbers
    whose winner has the most votes, adding up to `valid_votes` and matching its shares."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        return [f"{NAME}: must hold a JSON object"]
    if not raw.get("version"):
        problems.append(f"{NAME}: has no version")
    ids: set[str] = set()
    for i, src in enumerate(raw.get("sources", [])):
        sid = str(src.get("id", f"#{i}")) if isinstance(src, dict) else f"#{i}"
        if not isinstance(src, dict) or not str(src.get("url", "")).startswith(("http://", "https://")):
            problems.append(f"{NAME}: source {sid!r} has no http(s) URL")
        elif not _DATE.match(str(src.get("date", ""))):
            problems.append(f"{NAME}: source {sid!r} has no date (YYYY-MM-DD or YYYY-MM)")
        if sid in ids:
            problems.append(f"{NAME}: source id {sid!r} is listed twice")
        ids.add(sid)
    if not isinstance(raw.get("missing"), list):
        problems.append(f"{NAME}: has no 'missing' list (say what is not known)")
    try:
        parsed = parse_revotes(raw)
    except ValueError as exc:
        return [*problems, str(exc)]
    items = raw["revotes"]
    for i, item in enumerate(items):
        where = f"{NAME}: revotes[{i}] ({item.get('code')})"
        for part in (item, item.get("result") or {}):
            refs = [part.get("source"), *part.get("also_sources", [])] if part else []
            if part and not part.get("source"):
                problems.append(f"{where} has no source")
            problems += [f"{where} names unknown source id {r!r}" for r in refs if r and r not in ids]
    psu_days = {str(x.get("code")): x.get("psu_date") for x in (outcomes.get("mk_rulings") or {}).get("psu", [])}
    again = {str(c): x.get("date") for x in outcomes.get("re_elections", []) for c in x.get("codes", [])}
    for code, revotes in parsed.items():
        where = f"{NAME}: revote {code}"
        race = races.get(code)
        if race is None:
            problems.append(f"{where} is not a race in facts_races.json")
            continue
        for revote in revotes:
            problems += _check_one(revote, race, psu_days, again, voting_day, where)
    return problems


def _check_one(
    revote: Revote, race: Race, psu_days: dict[str, Any], again: dict[str, Any], voting_day: date, where: str
) -> list[str]:
    problems: list[str] = []
    code = revote.code
    if revote.kind == "psu":
        ordered = psu_days.get(code)
        if ordered is None:
            problems.append(f"{where}: no PSU order for this race in facts_outcomes.json mk_rulings")
        elif revote.vote_date.isoformat() != ordered and (revote.case is None or revote.ruling_date is None):
            problems.append(
                f"{where}: PSU on {revote.vote_date}, but the MK order dates it {ordered}; a later PSU needs its own "
                "'case' and 'ruling_date'"
            )
    elif again.get(code) != revote.vote_date.isoformat():
        problems.append(
            f"{where}: re-election on {revote.vote_date}, facts_outcomes.json re_elections says {again.get(code)}"
        )
    if not voting_day < revote.ballot_from <= revote.vote_date:
        problems.append(f"{where}: ballot_from {revote.ballot_from} must be after voting day and not after the vote")
    if revote.ruling_date is not None and not revote.ruling_date <= revote.ballot_from:
        problems.append(f"{where}: ruling_date {revote.ruling_date} is after ballot_from {revote.ballot_from}")
    numbers = sorted([p.number for p in revote.pairs] + [n for n in (revote.empty_box_column,) if n is not None])
    if revote.empty_box_column is not None and len(revote.pairs) != 1:
        problems.append(f"{where}: an empty box stands against one pair, not {len(revote.pairs)}")
    if numbers != list(range(1, len(numbers) + 1)) and not revote.removed:
        problems.append(f"{where}: ballot numbers {numbers} are not 1..{len(numbers)} without gaps or duplicates")
    if len(set(numbers)) != len(numbers) or not numbers:
        problems.append(f"{where}: ballot numbers {numbers} are empty or repeat")
    amended = {p.number: p for p in revote.pairs}
    for number in revote.removed:
        if race.pair(number) is None or number in amended:
            problems.append(f"{where}: removed no. {number} must be a 2024 pair that is not on the amended ballot")
    for rep in revote.replacements:
        old, new = race.pair(rep.number), amended.get(rep.number)
        if rep.role not in ROLES:
            problems.append(f"{where}: replacement role {rep.role!r} is not head or deputy")
        elif old is None or old.person(rep.role).name != rep.replaced:
            problems.append(f"{where}: replacement at no. {rep.number} names {rep.replaced!r}, not the 2024 {rep.role}")
        elif new is None or new.person(rep.role).name != rep.by:
            problems.append(f"{where}: replacement at no. {rep.number} names {rep.by!r}, not the amended {rep.role}")
    if not revote.all_new:
        replaced = {(r.number, r.role) for r in revote.replacements}
        for pair in race.pairs:
            new = amended.get(pair.number)
            if new is None:
                if pair.number not in revote.removed:
                    problems.append(f"{where}: 2024 pair no. {pair.number} is neither on the ballot nor removed")
                continue
            for role in ROLES:
                if (pair.number, role) not in replaced and new.person(role).name != pair.person(role).name:
                    problems.append(
                        f"{where}: no. {pair.number} {role} {new.person(role).name!r} differs from 2024 "
                        f"({pair.person(role).name!r}) without a replacement"
                    )
    if revote.result is not None:
        problems += _check_result(revote, revote.result, amended, where)
    return problems


def _check_result(revote: Revote, result: RevoteResult, amended: dict[int, Pair], where: str) -> list[str]:
    problems: list[str] = []
    box = revote.empty_box_column is not None
    bad = sorted(
        k for k in result.votes if not (k == "empty_box" and box) and (not k.isdigit() or int(k) not in amended)
    )
    if bad:
        problems.append(f"{where}: result votes name {bad}, not ballot numbers of the amended ballot")
    if result.winner not in amended:
        problems.append(f"{where}: result winner no. {result.winner} is not on the amended ballot")
    elif result.votes and result.votes.get(str(result.winner)) != max(result.votes.values()):
        problems.append(f"{where}: result winner no. {result.winner} does not have the most votes")
    counted = sum(result.votes.values())
    columns = len(amended) + int(box)
    if result.valid_votes is not None and len(result.votes) == columns and counted != result.valid_votes:
        problems.append(f"{where}: result votes add up to {counted}, not valid_votes {result.valid_votes}")
    total = result.valid_votes or (counted if len(result.votes) == columns else None)
    for key, pct in (result.share or {}).items():
        got = result.votes.get(key)
        if total and got is not None and abs(100 * got / total - pct) > SHARE_TOLERANCE:
            problems.append(f"{where}: share of no. {key} is {pct}% but the votes give {100 * got / total:.2f}%")
    if result.recap_date is not None and result.recap_date < revote.vote_date:
        problems.append(f"{where}: result recap_date {result.recap_date} is before the vote ({revote.vote_date})")
    if result.settled_on is None:
        problems.append(f"{where}: result has neither a recap_date nor a dated source")
    return problems
