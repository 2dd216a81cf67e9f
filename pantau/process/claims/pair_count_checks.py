"""Pair counts of one race: "Pilkada Jakarta diikuti empat pasangan calon" when KPU determined three pairs, "calon
tunggal di Pilbup X" when X has several pairs, "Pilwalkot Y diikuti dua paslon" when Y's one pair faced the empty box.

The race is the one the sentence names (a regency and a city of one name, or a province and its regencies, are told
apart by the level words: "Pilbup", "wali kota", "gubernur"); the count must be attached to a verb of taking part
("diikuti", "bertarung", "ditetapkan"). The yardstick is the pairs KPU determined (facts_races.json).

Not checked: registrants (bakal calon, pendaftaran: not all were determined), texts dated before the determination,
races whose pairs changed after it (pairs added after legal challenges, re-votes without a pair, re-elections),
parts of a race (kecamatan, TPS), debates and reports ("tiga paslon hadir"), hedges, denials, plans and
hypotheticals, and counts of several regions. Phrases: "race_pair_count" in claim_rules.json.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from pantau.process.claims.context import Ctx, pilkada_context
from pantau.process.claims.names_in_text import find_races_named
from pantau.process.claims.races import Race
from pantau.process.claims.rules import compile_words
from pantau.process.claims.text import parse_number
from pantau.process.gazetteer import bare_name


def check_race_pair_counts(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    counted = r.lists["race_pair_count"].search(low)
    single = r.lists["race_single_candidate"].search(low)
    if counted is None and single is None:
        return
    if (
        r.lists["race_pair_count_blockers"].search(low)
        or ctx.has("other_election_terms")
        or ctx.has("other_pilkada_year")
    ):
        return
    if not pilkada_context(ctx):
        return
    determination = ctx.facts.schedule.get("determination")
    if determination is None or (ctx.ref is not None and ctx.ref < determination.start):
        return  # before KPU determined the pairs, a count is of registrants or prospects
    race = race_named(sentence, low, ctx)
    if race is None or pairs_changed(race, ctx):
        return
    pairs = len(race.pairs)
    if counted is not None:
        said = parse_number(counted.group("n") or counted.group("n2"), r)
        if said is None or said == pairs or not 1 <= said <= 12:
            return
    elif not race.single_candidate:
        said = 1
    else:
        return
    listing = "; ".join(f"{p.number}. {p.head.name}-{p.deputy.name}" for p in race.pairs)
    day = f"{determination.end:%d-%m-%Y}"
    if race.single_candidate:
        fact = f"{race.region}: calon tunggal {listing}, melawan kotak kosong (penetapan KPU, {day})."
    else:
        fact = f"{race.region}: {pairs} pasangan calon ditetapkan KPU ({day}): {listing}."
    why = f"{said} pasangan disebut untuk {race.region}, yang ditetapkan {pairs}"
    ctx.add("race_pair_count", r.severity["race_pair_count"], sentence, fact, ctx.facts.races_source_url, why=why)


def race_named(sentence: str, low: str, ctx: Ctx) -> Race | None:
    """The one race a sentence names, told apart by its level words; a province's race gives way to one of its
    regencies/cities named beside it unless the sentence speaks of the governor."""
    races = find_races_named(sentence, ctx.facts, ambiguous=True)
    levels = {level for level, words in _level_terms(ctx).items() if words.search(low)}
    if levels:
        races = [x for x in races if x.level in levels] or races
    if len(races) > 1 and "gubernur" not in levels:
        governors = {x.province_code: x for x in races if x.level == "gubernur"}
        # A city or regency that bears its province's name ("Bengkulu", "Jambi", "Gorontalo") is told apart from the
        # province only by its level word ("Kota Bengkulu"); written bare, the name is either race: none is judged.
        if any(_bare_province_name(x, governors, low) for x in races if x.level != "gubernur"):
            return None
        local = [x for x in races if x.level != "gubernur"]
        provinces = {x.province_code for x in local}
        races = [x for x in races if x.level != "gubernur" or x.province_code not in provinces]
    return races[0] if len(races) == 1 else None


def _bare_province_name(race: Race, governors: dict[str, Race], low: str) -> bool:
    """A regency/city named like its province and written without its level word in the sentence."""
    province = governors.get(race.province_code)
    if province is None:
        return False
    bare = bare_name(race.region)
    if bare != province.region.lower():
        return False
    written = r"(?<![\w-])(?:kabupaten|kab\.?|kota|pilbup|pilwalkot|pilwako|pilwali)\s+" + re.escape(bare)
    return re.search(written, low) is None


def _level_terms(ctx: Ctx) -> dict[str, re.Pattern[str]]:
    return _compiled(tuple((level, tuple(words)) for level, words in ctx.rules.raw["race_level_terms"].items()))


@cache
def _compiled(items: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, re.Pattern[str]]:
    return {level: compile_words(words) for level, words in items}


def pairs_changed(race: Race, ctx: Ctx) -> bool:
    """Whether the race's pairs changed after the determination: a pair added after a legal challenge (counted from
    the day the last addition's source is dated, else always), a re-vote order or a re-election."""
    rec = ctx.facts.outcomes_raw.get("pair_count_reconciliation") or {}
    if any(str(a.get("code")) == race.code for a in rec.get("additions", [])):
        return ctx.ref is None or ctx.ref < date(2024, 11, 1)
    outcome = ctx.facts.outcome(race.code)
    return outcome is not None and (
        bool(outcome.psu) or outcome.re_election is not None or outcome.status == "re_election_ordered"
    )
