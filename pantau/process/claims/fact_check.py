"""Validate the whole fact base (`pantau facts check`): facts.json, its races file and its outcomes file.

`check_fact_base(path)` returns a list of problems (empty when the fact base is sound), each a sentence naming the
file and the item:

- every file has a version; every source has an http(s) URL and a date (YYYY-MM-DD, or YYYY-MM);
- every fact names a known source (facts.json is checked by `load_facts`; the outcomes file item by item);
- the races add up to the counts in facts.json (37 gubernur + 415 bupati + 93 wali kota = 545) and the totals block
  of the races file; every race code is in the gazetteer at the level its race implies, with the gazetteer's name
  and province, and every gazetteer place marked `pilkada` has its race;
- ballot numbers in a race (pairs plus the empty-box column) run 1..n without gaps or duplicates;
- the pair count matches the recorded reconciliation: announced (facts.json `candidate_pairs`, 1,553) plus the
  recorded additions equals the pairs in the data (1,557), level by level; every region code in the outcomes file
  exists in the gazetteer and every winner's ballot number exists in that race;
- outcome votes and shares name ballot numbers of that race ("empty_box" only where the race has an empty box);
  official votes add up to `valid_votes`, the winner has the most votes, a stated share is within 0.1 point of
  votes / valid_votes, and `recap_date` is an ISO date on or after voting day; a provincial race's `leaders` (the
  pair that led in each regency/city) name regencies and cities of that province with ballot numbers of the race;
- the parties file (`parties.check_party_table`): gubernatorial race codes and ballot numbers that exist, party
  names from its one canonical list, known sources with URL and date, no party under two pairs of one race.
- the amended ballots of the 2025 re-votes (facts_revotes.json, `revotes.check_revotes`): dated sources, races that
  exist, the PSU order or re-election each belongs to, ballot numbers 1..n, replacements naming the 2024 and the
  amended person, and results on the amended numbers whose winner leads and whose votes add up;
- the Sirekap counts (facts_sirekap.json, `check_sirekap`): a version and dated sources; every entry names a known
  source, a race of facts_races.json of its kind (regency/city or governor) listed once, only columns of that race,
  non-negative integer votes, the column with the most votes as `leader` with the `margin` the votes give, polling
  stations counted within the total, `progress` within 0..100 and matching them, and a timestamp from voting day to
  the archive's day; a governor's `regions` name regencies and cities (with or without a race of their own) of its
  province, each with a column of the race and margin and progress within 0..100; `not_counted` names races.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from pantau.process.claims.fact_dates import iso_day
from pantau.process.claims.facts import FACTS_PATH, FactBase, load_facts
from pantau.process.claims.parties import check_party_table
from pantau.process.claims.races import Race
from pantau.process.claims.revotes import check_revotes
from pantau.process.claims.sirekap import TS_FORMAT, parse_ts

SIREKAP_ARCHIVED = date(2024, 11, 28)  # the day the archive copied KPU's Sirekap files (facts_sirekap.json sources)

LEVEL_OF_PLACE = {"province": "gubernur", "regency": "bupati", "city": "wali_kota"}
COUNT_KEY = {"gubernur": "provinces", "bupati": "regencies", "wali_kota": "cities"}
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
SHARE_TOLERANCE = 0.1  # percentage points: sources round or truncate to one or two decimals
MARGIN_TOLERANCE = 0.01  # points: the Sirekap margin is stored rounded to two decimals
PROGRESS_TOLERANCE = 0.6  # points: Sirekap rounds its progress percent, and some files lag the station count


def _read(path: Path, problems: list[str]) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        problems.append(f"{path.name}: cannot read: {exc}")
        return None


def _check_sources(name: str, sources: list[Any], problems: list[str]) -> set[str]:
    ids: set[str] = set()
    for i, src in enumerate(sources):
        sid = src.get("id", f"#{i}") if isinstance(src, dict) else f"#{i}"
        if not isinstance(src, dict):
            problems.append(f"{name}: sources[{i}] is not an object")
            continue
        if not str(src.get("url", "")).startswith(("http://", "https://")):
            problems.append(f"{name}: source {sid!r} has no http(s) URL")
        if not _DATE.match(str(src.get("date", ""))):
            problems.append(f"{name}: source {sid!r} has no date (YYYY-MM-DD or YYYY-MM)")
        if sid in ids:
            problems.append(f"{name}: source id {sid!r} is listed twice")
        ids.add(sid)
    return ids


def _facts_with_sources(raw: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every item of the outcomes file that states a fact, with where it is."""
    out: list[tuple[str, dict[str, Any]]] = []
    rec = raw.get("pair_count_reconciliation") or {}
    if rec:
        out.append(("pair_count_reconciliation", rec))
    for part in ("additions", "not_added", "other_public_counts"):
        out += [(f"pair_count_reconciliation.{part}[{i}]", x) for i, x in enumerate(rec.get(part, []))]
    for part in ("no_gubernur", "no_local_race"):
        out += [(f"voting_rules.{part}[{i}]", x) for i, x in enumerate((raw.get("voting_rules") or {}).get(part, []))]
    out += [(f"outcomes[{i}] ({x.get('code')})", x) for i, x in enumerate(raw.get("outcomes", []))]
    mk = raw.get("mk_rulings") or {}
    if mk:
        out.append(("mk_rulings", mk))
    out += [(f"mk_rulings.psu[{i}] ({x.get('code')})", x) for i, x in enumerate(mk.get("psu", []))]
    out += [(f"mk_rulings.other_orders[{i}] ({x.get('code')})", x) for i, x in enumerate(mk.get("other_orders", []))]
    out += [(f"re_elections[{i}]", x) for i, x in enumerate(raw.get("re_elections", []))]
    out += [(f"provincial_kpu_chairs[{i}]", x) for i, x in enumerate(raw.get("provincial_kpu_chairs", []))]
    return out


def _codes_in(raw: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for where, item in _facts_with_sources(raw):
        for key in ("code", "province_code"):
            if isinstance(item.get(key), str):
                found.append((where, item[key]))
        found += [(where, c) for c in item.get("codes", []) if isinstance(c, str)]
    return found


def _column(key: str, race: Race) -> bool:
    """A votes/share key is a ballot number of the race, or the empty box where the race has one."""
    if key == "empty_box":
        return race.empty_box_column is not None
    return key.isdigit() and race.pair(int(key)) is not None


def check_outcome_votes(item: dict[str, Any], race: Race, voting_day: Any, problems: list[str]) -> None:
    """Votes, valid votes, shares and the recapitulation date of one outcome against its race."""
    where = f"facts_outcomes.json: outcome {race.code}"
    votes, share = item.get("votes") or {}, item.get("share") or {}
    for part, values in (("votes", votes), ("share", share)):
        for key, value in values.items():
            if not _column(str(key), race):
                problems.append(f"{where} {part} name ballot number {key}, not a pair of race {race.code}")
            kinds = (int,) if part == "votes" else (int, float)
            if not isinstance(value, kinds) or isinstance(value, bool):
                problems.append(f"{where} {part}[{key}] must be a number, got {value!r}")
    numeric = {str(k): v for k, v in votes.items() if isinstance(v, int) and not isinstance(v, bool)}
    valid = item.get("valid_votes")
    if valid is not None and (not isinstance(valid, int) or isinstance(valid, bool)):
        problems.append(f"{where} valid_votes must be an integer, got {valid!r}")
        valid = None
    official = item.get("quality", "official") == "official" and item.get("status") != "unofficial"
    if official and valid is not None and len(numeric) == len(votes) and sum(numeric.values()) != valid:
        problems.append(f"{where}: official votes add up to {sum(numeric.values())}, not valid_votes {valid}")
    winner = item.get("winner")
    if official and valid is not None and winner is not None and numeric:
        top = max(numeric.values())
        if numeric.get(str(winner)) != top:
            problems.append(f"{where} names winner no. {winner}, but another column has the most votes ({top})")
    if valid:
        for key, pct in share.items():
            got = numeric.get(str(key))
            if got is not None and isinstance(pct, (int, float)) and abs(100 * got / valid - pct) > SHARE_TOLERANCE:
                problems.append(
                    f"{where} share of no. {key} is {pct}% but votes / valid_votes give {100 * got / valid:.2f}%"
                )
    recap = item.get("recap_date")
    if recap is not None:
        try:
            day = iso_day(recap, f"{where} recap_date")
        except ValueError as exc:
            problems.append(str(exc).removeprefix("facts: "))
        else:
            if day < voting_day:
                problems.append(f"{where} recap_date {recap} is before voting day {voting_day}")


def check_outcome_leaders(
    item: dict[str, Any], race: Race, facts: FactBase, source_ids: set[str], problems: list[str]
) -> None:
    """The pair that led in each regency/city of a provincial race (all of them, or those a source gives): a known
    source, only regencies and cities of that province, each with a ballot number of the race."""
    leaders = item.get("leaders")
    if leaders is None:
        return
    where = f"facts_outcomes.json: outcome {race.code} leaders"
    if race.level != "gubernur" or not isinstance(leaders, dict) or not isinstance(leaders.get("by_region"), dict):
        problems.append(f"{where}: only a provincial race has leaders, as an object with 'by_region'")
        return
    if leaders.get("source") not in source_ids:
        problems.append(f"{where} names unknown source id {leaders.get('source')!r}")
    local = {r.code for r in facts.races_in_province(race.code) if r.level != "gubernur"}
    outside = sorted({str(c) for c in leaders["by_region"]} - local)
    if outside:
        problems.append(f"{where}: lists {outside}, not regencies or cities of province {race.code}")
    for code, number in leaders["by_region"].items():
        if not isinstance(number, int) or race.pair(number) is None:
            problems.append(f"{where}: region {code} names no. {number!r}, not a pair of race {race.code}")


def _sirekap_entry(
    item: Any, part: str, facts: FactBase, places: dict[str, dict[str, Any]], source_ids: set[str], problems: list[str]
) -> str | None:
    """One Sirekap count against its race; returns its code when it names a race of the right kind."""
    name = "facts_sirekap.json"
    if not isinstance(item, dict):
        problems.append(f"{name}: {part} holds a non-object entry {item!r}")
        return None
    code = str(item.get("code"))
    where = f"{name}: {part} {code}"
    race = facts.races.get(code)
    if race is None or (race.level == "gubernur") != (part == "governors"):
        problems.append(
            f"{where} is not a {'governor' if part == 'governors' else 'regency/city'} race in facts_races.json"
        )
        return None
    if item.get("source") not in source_ids:
        problems.append(f"{where} names unknown source id {item.get('source')!r}")
    votes = item.get("votes")
    if not isinstance(votes, dict) or not votes:
        problems.append(f"{where} has no votes")
        return code
    for key, value in votes.items():
        if not _column(str(key), race):
            problems.append(f"{where} votes name ballot number {key}, not a pair of race {code}")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"{where} votes[{key}] must be a non-negative integer, got {value!r}")
    numeric = {str(k): v for k, v in votes.items() if isinstance(v, int) and not isinstance(v, bool)}
    total = sum(numeric.values())
    ranked = [*sorted(numeric.values(), reverse=True), 0]
    leader = str(item.get("leader"))
    if numeric.get(leader) != ranked[0]:
        problems.append(f"{where} leader {leader!r} is not the column with the most votes ({ranked[0]})")
    margin = item.get("margin")
    want = 100 * (ranked[0] - ranked[1]) / total if total else 0.0
    if not isinstance(margin, (int, float)) or abs(margin - want) > MARGIN_TOLERANCE:
        problems.append(f"{where} margin {margin!r} but the votes give {want:.2f} points")
    tps, tps_total, progress = item.get("tps"), item.get("tps_total"), item.get("progress")
    counts_ok = isinstance(tps, int) and isinstance(tps_total, int) and not isinstance(tps, bool)
    if not (isinstance(tps, int) and isinstance(tps_total, int) and 0 <= tps <= tps_total) or not counts_ok:
        problems.append(f"{where} polling stations {tps!r} of {tps_total!r} are not 0..total")
    if not isinstance(progress, (int, float)) or not 0 <= progress <= 100:
        problems.append(f"{where} progress {progress!r} is not a percent within 0..100")
    elif isinstance(tps, int) and isinstance(tps_total, int) and tps_total:
        share = 100 * tps / tps_total
        if abs(share - progress) > PROGRESS_TOLERANCE:
            problems.append(f"{where} progress {progress}% but {tps} of {tps_total} stations is {share:.2f}%")
    try:
        ts = parse_ts(str(item.get("ts"))).date()
    except ValueError:
        problems.append(f"{where} ts {item.get('ts')!r} is not a timestamp ({TS_FORMAT})")
    else:
        if ts < facts.voting_date or ts > SIREKAP_ARCHIVED:
            problems.append(f"{where} ts {ts} is not between voting day and the archive's day {SIREKAP_ARCHIVED}")
    regions = item.get("regions")
    if regions is not None:
        local = {c for c, p in places.items() if p["province_code"] == code and p["level"] != "province"}
        if part != "governors" or not isinstance(regions, dict):
            problems.append(f"{where}: only a governor's count has regions, as an object")
        else:
            for region, lead in regions.items():
                _sirekap_region(where, region, lead, race, local, problems)
    return code


def _sirekap_region(where: str, region: str, lead: Any, race: Race, local: set[str], problems: list[str]) -> None:
    if region not in local:
        problems.append(f"{where} regions name {region}, not a regency or city of province {race.code}")
    if not isinstance(lead, dict):
        problems.append(f"{where} regions[{region}] must be an object with leader, margin and progress")
        return
    if not _column(str(lead.get("leader")), race):
        problems.append(f"{where} regions: {region} names {lead.get('leader')!r}, not a column of race {race.code}")
    for key, top in (("margin", 100), ("progress", 100)):
        value = lead.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= top:
            problems.append(f"{where} regions: {region} {key} {value!r} is not within 0..{top}")


def check_sirekap(raw: Any, facts: FactBase, places: dict[str, dict[str, Any]], problems: list[str]) -> None:
    """KPU's provisional Sirekap counts (facts_sirekap.json) against the races."""
    name = "facts_sirekap.json"
    if not isinstance(raw, dict):
        problems.append(f"{name}: must hold a JSON object")
        return
    if not raw.get("version"):
        problems.append(f"{name}: has no version")
    ids = _check_sources(name, raw.get("sources", []), problems)
    seen: Counter[str] = Counter()
    for part in ("regencies", "governors"):
        if not isinstance(raw.get(part), list):
            problems.append(f"{name}: has no '{part}' list")
            continue
        for item in raw[part]:
            code = _sirekap_entry(item, part, facts, places, ids, problems)
            if code is not None:
                seen[code] += 1
    for code in raw.get("not_counted", []):
        if code not in facts.races:
            problems.append(f"{name}: not_counted names {code!r}, not a race")
        seen[str(code)] += 1
    problems += [f"{name}: race {c} is listed {n} times" for c, n in sorted(seen.items()) if n > 1]


def check_races(races_raw: Any, facts: FactBase, places: dict[str, dict[str, Any]], problems: list[str]) -> None:
    name = "facts_races.json"
    if not isinstance(races_raw, dict) or not isinstance(races_raw.get("races"), list):
        problems.append(f"{name}: must hold an object with a 'races' list")
        return
    if not races_raw.get("version"):
        problems.append(f"{name}: has no version")
    src = races_raw.get("source") or {}
    _check_sources(name, [src], problems)
    seen: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    pairs_by_level: Counter[str] = Counter()
    single = 0
    for race in races_raw["races"]:
        code, level = str(race.get("code")), str(race.get("level"))
        seen[code] += 1
        levels[level] += 1
        place = places.get(code)
        if place is None:
            problems.append(f"{name}: race {code} ({race.get('region')}) is not a region code in the gazetteer")
        else:
            if LEVEL_OF_PLACE[place["level"]] != level:
                problems.append(
                    f"{name}: race {code} is level {level!r} but the gazetteer has a {place['level']} there"
                )
            if place["name"] != race.get("region") or place["province_code"] != race.get("province_code"):
                problems.append(
                    f"{name}: race {code} is named {race.get('region')!r}; the gazetteer says {place['name']!r}"
                )
            if not place.get("pilkada"):
                problems.append(f"{name}: race {code} is a place the gazetteer marks as holding no Pilkada")
        numbers = [int(p.get("number", 0)) for p in race.get("pairs", [])]
        pairs_by_level[level] += len(numbers)
        if race.get("empty_box_column") is not None:
            numbers.append(int(race["empty_box_column"]))
            single += 1
            if len(race.get("pairs", [])) != 1:
                problems.append(f"{name}: race {code} has an empty box but {len(race.get('pairs', []))} pairs")
        dup = sorted(n for n, c in Counter(numbers).items() if c > 1)
        if dup:
            problems.append(f"{name}: race {code} has duplicate ballot number(s) {dup}")
        elif sorted(numbers) != list(range(1, len(numbers) + 1)):
            problems.append(
                f"{name}: race {code} ballot numbers {sorted(numbers)} are not 1..{len(numbers)} without gaps"
            )
        if not race.get("pairs"):
            problems.append(f"{name}: race {code} has no candidate pairs")
        for p in race.get("pairs", []):
            for role in ("head", "deputy"):
                person = p.get(role) or {}
                if not person.get("kpu") or not person.get("name"):
                    problems.append(f"{name}: race {code} pair {p.get('number')} has no {role} name")
    problems += [f"{name}: region {c} has {n} races" for c, n in seen.items() if n > 1]
    for code, place in places.items():
        if place.get("pilkada") and code not in seen:
            problems.append(f"{name}: region {code} ({place['name']}) held a Pilkada but has no race (missing region)")
    total = sum(levels.values())
    for level, key in COUNT_KEY.items():
        want = facts.counts[key].value
        if levels[level] != want:
            problems.append(f"{name}: {levels[level]} {level} races, facts.json counts.{key} says {want}")
    if total != facts.counts["regions"].value:
        problems.append(f"{name}: {total} races, facts.json counts.regions says {facts.counts['regions'].value}")
    totals = races_raw.get("totals") or {}
    if totals.get("regions") != total or totals.get("pairs") != sum(pairs_by_level.values()):
        problems.append(
            f"{name}: the totals block does not match the races ({total} regions, {sum(pairs_by_level.values())} pairs)"
        )
    if "single_candidate_regions" in facts.counts and single != facts.counts["single_candidate_regions"].value:
        problems.append(
            f"{name}: {single} single-candidate races, facts.json says {facts.counts['single_candidate_regions'].value}"
        )
    _check_reconciliation(facts, dict(pairs_by_level), problems)


def _check_reconciliation(facts: FactBase, pairs_by_level: dict[str, int], problems: list[str]) -> None:
    name = "facts_outcomes.json"
    rec = facts.reconciliation
    in_data = sum(pairs_by_level.values())
    announced = facts.counts["candidate_pairs"].value
    if not rec:
        problems.append(
            f"{name}: no pair_count_reconciliation for {in_data} pairs in the data vs {announced} announced"
        )
        return
    if rec.get("announced") != announced:
        problems.append(
            f"{name}: reconciliation announced={rec.get('announced')} but facts.json candidate_pairs={announced}"
        )
    if rec.get("in_data") != in_data or rec.get("in_data_by_level") != pairs_by_level:
        problems.append(
            f"{name}: reconciliation in_data={rec.get('in_data')} {rec.get('in_data_by_level')} "
            f"but the races hold {in_data} {pairs_by_level}"
        )
    additions = rec.get("additions", [])
    if announced + len(additions) != in_data:
        problems.append(
            f"{name}: {announced} announced + {len(additions)} recorded additions != {in_data} pairs in the data"
        )
    by_level = Counter(facts.races[a["code"]].level for a in additions if a.get("code") in facts.races)
    for level, n in (rec.get("announced_by_level") or {}).items():
        if n + by_level[level] != pairs_by_level.get(level):
            problems.append(
                f"{name}: {level}: {n} announced + {by_level[level]} added != {pairs_by_level.get(level)} in the data"
            )
    for a in additions:
        race = facts.races.get(str(a.get("code")))
        if race is None or race.pair(int(a.get("number", 0))) is None:
            problems.append(f"{name}: addition {a.get('code')} no. {a.get('number')} is not a pair in the races file")


def check_fact_base(path: Path | None = None) -> list[str]:
    """All problems of the fact base whose facts.json is `path` (default the bundled one). A part that cannot be read
    at all (broken JSON, a missing file) is one problem with its reason, never a traceback."""
    problems: list[str] = []
    try:
        return _check_fact_base(path, problems)
    except ValueError as exc:  # a part loaded on demand (outcomes, races, ...) that cannot be parsed
        return [*problems, str(exc)]


def _check_fact_base(path: Path | None, problems: list[str]) -> list[str]:
    target = Path(path) if path is not None else FACTS_PATH
    try:
        facts = load_facts(target, eager=False)
    except ValueError as exc:
        return [str(exc)]
    raw = _read(target, problems)
    if raw is None:
        return problems
    _check_sources(target.name, raw.get("sources", []), problems)
    from pantau.process.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    places = {
        p.code: {"name": p.name, "level": p.level, "province_code": p.province_code, "pilkada": p.pilkada}
        for p in gaz.places
    }
    outcomes = _read(facts.part_path("outcomes"), problems)
    if isinstance(outcomes, dict):
        name = "facts_outcomes.json"
        if not outcomes.get("version"):
            problems.append(f"{name}: has no version")
        ids = _check_sources(name, outcomes.get("sources", []), problems)
        for where, item in _facts_with_sources(outcomes):
            refs = [item.get("source"), *item.get("also_sources", [])]
            if not item.get("source"):
                problems.append(f"{name}: {where} has no source")
            problems += [f"{name}: {where} names unknown source id {r!r}" for r in refs if r and r not in ids]
        for where, code in _codes_in(outcomes):
            if code not in places:
                problems.append(f"{name}: {where} names region code {code!r}, which is not in the gazetteer")
        for item in outcomes.get("outcomes", []):
            race = facts.races.get(str(item.get("code")))
            if item.get("winner") is not None and (race is None or race.pair(int(item["winner"])) is None):
                problems.append(
                    f"{name}: outcome {item.get('code')} names winner no. {item['winner']}, not a pair of that race"
                )
            if race is not None:
                check_outcome_votes(item, race, facts.voting_date, problems)
                check_outcome_leaders(item, race, facts, ids, problems)
        if not isinstance(outcomes.get("missing"), list):
            problems.append(f"{name}: has no 'missing' list (say what is not known)")
    check_races(_read(facts.part_path("races"), problems), facts, places, problems)
    parties_path = facts.part_path("parties")
    parties = _read(parties_path, problems)
    if parties is not None:
        problems += check_party_table(parties, facts.races, parties_path.name)
    check_sirekap(_read(facts.part_path("sirekap"), problems), facts, places, problems)
    revotes = _read(facts.part_path("revotes"), problems)
    if revotes is not None:
        outcomes_raw = outcomes if isinstance(outcomes, dict) else {}
        problems += check_revotes(revotes, facts.races, outcomes_raw, facts.voting_date)
    if not problems:
        try:  # what the item checks above do not cover (a PSU date such as 2025-02-30) still stops the loader
            load_facts(target)
        except ValueError as exc:
            problems.append(str(exc))
    return problems


def summary(facts: FactBase) -> str:
    levels = Counter(r.level for r in facts.races.values())
    pairs = sum(len(r.pairs) for r in facts.races.values())
    rec = facts.reconciliation
    outcomes = facts.outcomes_raw
    added = len(rec.get("additions", []))
    gub = [o for c, r in facts.races.items() if r.level == "gubernur" and (o := facts.outcome(c)) is not None]
    per_pair = sum(1 for o in gub if o.quality == "official" and o.votes)
    complete = sum(1 for o in gub if o.votes_complete)
    sirekap = sum(1 for c in facts.races if facts.sirekap(c) is not None)
    return (
        f"fact base {facts.version}: {len(facts.races)} races ({levels['gubernur']} gubernur, "
        f"{levels['bupati']} bupati, {levels['wali_kota']} wali kota), {pairs} pairs in KPU's data = "
        f"{rec.get('announced')} announced + {added} added after disputes; {len(outcomes.get('outcomes', []))} "
        f"outcomes ({per_pair} of {len(gub)} governor races with official votes per pair, {complete} adding up to "
        f"the valid votes), {len(outcomes.get('mk_rulings', {}).get('psu', []))} PSU orders, "
        f"{len(facts.schedule)} stages; supporting parties of {len(facts.party_table.backings)} of "
        f"{sum(len(r.pairs) for r in facts.races.values() if r.level == 'gubernur')} gubernatorial pairs "
        f"({len(facts.party_table.by_race)} races); "
        f"Sirekap counts (provisional) of {sirekap} races; amended re-vote ballots of "
        f"{sum(1 for c in facts.races if facts.revotes(c))} races "
        f"({sum(1 for c in facts.races for r in facts.revotes(c) if r.result is not None)} with their result)"
    )
