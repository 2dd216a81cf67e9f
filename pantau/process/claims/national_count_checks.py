"""National race counts: how many races had a single candidate, how many re-votes the Constitutional Court ordered.

"41 daerah memiliki calon tunggal" when KPU determined 37 single-candidate races (facts.json
counts.single_candidate_regions), "MK perintahkan 26 daerah gelar PSU" when the Court ordered 24 re-votes (the PSU
orders of facts_outcomes.json mk_rulings; the other two granted cases were a recount and a corrected decision).

Only a Pilkada 2024 text dated after the figure existed is judged (single candidates: after the pairs'
determination, before which the registrants' count moved; re-votes: after the rulings, before which "PSU" meant the
local re-votes at polling stations), and only the national total: approximations, parts ("2 dari 37 daerah",
"di antaranya", a place the sentence names, the re-votes held so far), other elections and years are left alone.
Phrases: "national_race_count" in claim_rules.json.
"""

from __future__ import annotations

import re
from datetime import date

from pantau.process.claims.context import Ctx, pilkada_context
from pantau.process.claims.facts import Fact
from pantau.process.claims.names_in_text import find_races_named


def psu_orders(ctx: Ctx) -> Fact | None:
    """The number of regions the Court ordered to vote again (value), with the rulings' text and source; its day is
    `court_rulings()`'s."""
    ruling, _ = ctx.facts.court_rulings()
    mk = ctx.facts.outcomes_raw.get("mk_rulings") or {}
    codes = {str(x.get("code")) for x in mk.get("psu", [])}
    if ruling is None or not codes:
        return None
    return Fact(len(codes), ruling.text, ruling.source)


def check_national_race_counts(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if ctx.ref is None or not pilkada_context(ctx) or ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    if r.lists["national_race_count_blockers"].search(low):
        return
    single = ctx.facts.counts.get("single_candidate_regions")
    determination = ctx.facts.schedule.get("determination")
    if single is not None and determination is not None and ctx.ref >= determination.start:
        _judge(sentence, low, r.lists["national_single_count"], single, ctx)
    ruling, _ = ctx.facts.court_rulings()
    orders = psu_orders(ctx)
    if ruling is None or orders is None or not isinstance(ruling.value, date) or ctx.ref < ruling.value:
        return
    if r.lists["national_psu_order_cues"].search(low):
        _judge(sentence, low, r.lists["national_psu_count"], orders, ctx)


def _judge(sentence: str, low: str, pattern: re.Pattern[str], official: Fact, ctx: Ctx) -> None:
    if _wrong_total(sentence, low, pattern, int(official.value), ctx):
        severity = ctx.rules.severity["national_race_count"]
        ctx.add("national_race_count", severity, sentence, official.text, official.source)


def _wrong_total(sentence: str, low: str, pattern: re.Pattern[str], official: int, ctx: Ctx) -> bool:
    """The sentence gives a national total other than the official one ("2 dari 41 daerah calon tunggal": 41 is the
    total it gives; "5 daerah dari 37 ..." is read as 37, the part does not match the pattern)."""
    for m in pattern.finditer(low):
        said = int(next(g for g in m.groups() if g is not None))
        if said == official or said < 2:
            continue
        return not find_races_named(sentence, ctx.facts)  # a place named: the count is of that place's races
    return False
