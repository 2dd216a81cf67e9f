"""`pantau facts check [--file FACTS.json]` validates the fact base; `pantau facts show REGION` prints a race."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pantau.process.claims.facts import FactBase
    from pantau.process.claims.races import Race

LEVEL_LABEL = {"gubernur": "Pemilihan Gubernur", "bupati": "Pemilihan Bupati", "wali_kota": "Pemilihan Wali Kota"}


def cmd_check(args: argparse.Namespace, settings: Any = None) -> int:
    from pantau.process.claims.fact_check import check_fact_base, summary
    from pantau.process.claims.facts import load_facts

    problems = check_fact_base(args.file)
    if problems:
        for p in problems:
            print(f"error: {p}", file=sys.stderr)
        print(f"fact base check failed: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {summary(load_facts(args.file))}")
    return 0


def render_race(race: Race, facts: FactBase) -> str:
    lines = [f"{race.region} ({race.code}) - {LEVEL_LABEL.get(race.level, race.level)} 2024"]
    backings = {b.number: b for b in facts.party_table.pairs_of(race.code)}
    for pair in race.pairs:
        b = backings.get(pair.number)
        if b is not None:
            parties = "independent" if b.independent else ", ".join(b.parties) + ("" if b.complete else ", ...")
            parties += f"; {b.url} ({b.date})"
        elif pair.parties is None:
            parties = "parties not in the source data"
        else:
            parties = ", ".join(pair.parties) or "independent"
        lines.append(f"  {pair.number}. {pair.head.name} - {pair.deputy.name}  [{parties}]")
        lines.append(f"     KPU: {pair.head.kpu_name} - {pair.deputy.kpu_name}")
    if race.empty_box_column is not None:
        lines.append(f"  {race.empty_box_column}. kolom kosong (empty box: single-candidate race)")
    outcome = facts.outcome(race.code)
    if outcome is not None:
        lines.append(f"  outcome: {outcome.status}: {outcome.text}")
        lines.append(f"     source: {outcome.source} ({outcome.source_date})")
        lines += [
            f"  PSU: {o.psu_date} ({o.case or 'case number not recorded'}) {o.text}".rstrip() for o in outcome.psu
        ]
    else:
        lines.append("  outcome: not recorded in the fact base")
    lines += _revote_lines(race, facts)
    count = facts.sirekap(race.code)
    if count is not None:
        ahead = "kolom kosong" if count.leader == "empty_box" else f"no. {count.leader}"
        votes = ", ".join(f"{'kolom kosong' if k == 'empty_box' else k}: {v:,}" for k, v in count.votes.items())
        lines.append(
            f"  Sirekap (provisional, not a result): {ahead} ahead by {count.margin} points, {count.progress}% of "
            f"polling stations ({count.tps}/{count.tps_total}) at {count.ts:%Y-%m-%d %H:%M} WIB; {votes}"
        )
        lines.append(f"     source: {count.source} ({count.source_date})")
    lines.append(f"  source: {facts.race_table.meta.get('source', {}).get('url', '')}")
    return "\n".join(lines)


def _revote_lines(race: Race, facts: FactBase) -> list[str]:
    """The amended ballots of the race's 2025 re-votes / re-elections (facts_revotes.json) and their results."""
    lines = []
    for revote in facts.revotes(race.code):
        vote = "PSU" if revote.kind == "psu" else "re-election"
        lines.append(f"  {vote} ballot of {revote.vote_date} (in force from {revote.ballot_from}): {revote.text}")
        lines += [f"     {p.number}. {p.head.name} - {p.deputy.name}" for p in revote.pairs]
        if revote.empty_box_column is not None:
            lines.append(f"     {revote.empty_box_column}. kolom kosong")
        lines += [f"     no. {x.number} {x.role}: {x.by} replaced {x.replaced}" for x in revote.replacements]
        if revote.result is not None:
            lines.append(f"     result: no. {revote.result.winner} won; {revote.result.text}")
            lines.append(f"     source: {revote.result.source} ({revote.result.source_date})")
        lines.append(f"     source: {revote.source}")
    return lines


def _race_dict(race: Race) -> dict[str, Any]:
    return {
        "code": race.code,
        "level": race.level,
        "region": race.region,
        "province_code": race.province_code,
        "empty_box_column": race.empty_box_column,
        "pairs": [
            {
                "number": p.number,
                "head": p.head.name,
                "deputy": p.deputy.name,
                "head_kpu": p.head.kpu_name,
                "deputy_kpu": p.deputy.kpu_name,
                "parties": list(p.parties) if p.parties is not None else None,
                "independent": p.independent,
            }
            for p in race.pairs
        ],
    }


def cmd_show(args: argparse.Namespace, settings: Any = None) -> int:
    from pantau.process.claims.facts import load_facts

    facts = load_facts(args.file)
    races = facts.find_races(args.region)
    if not races:
        print(
            f"no race for {args.region!r}: give a gazetteer code ('16.71') or a region name ('Kota Palembang')",
            file=sys.stderr,
        )
        return 2
    if args.json:
        print(json.dumps([_race_dict(r) for r in races], ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(render_race(r, facts) for r in races))
    return 0


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add `facts check` and `facts show` to the `pantau` sub-commands."""
    parser: argparse.ArgumentParser = subparsers.add_parser("facts", help="validate or browse the official fact base")
    sub = parser.add_subparsers(dest="facts_command", required=True)
    check = sub.add_parser("check", help="validate facts.json, its races, outcomes and parties; exit 1 on any problem")
    check.add_argument("--file", type=Path, default=None, help="facts.json to check (default: the bundled one)")
    check.set_defaults(func=cmd_check)
    show = sub.add_parser("show", help="print a race by gazetteer code or region name")
    show.add_argument("region", help="a code ('11.01') or name ('Kabupaten Aceh Selatan', 'Aceh Selatan')")
    show.add_argument("--file", type=Path, default=None, help="facts.json to read (default: the bundled one)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=cmd_show)
    return parser
