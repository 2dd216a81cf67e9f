"""The national number of re-votes the Constitutional Court ordered: "MK perintahkan 26 daerah gelar PSU" when the
Court ordered 24 (the PSU orders of facts_outcomes.json mk_rulings; the other two granted cases were a recount and a
corrected decision).

Only a Pilkada 2024 text dated after the rulings' day is judged (before them "PSU" meant the local re-votes at polling
stations; on the day itself the count grew session by session), only with the Court named as the one ordering (a
count of re-votes held so far is no count of orders), and only the national total: approximations, parts ("di
antaranya", a place the sentence names), other elections and years are left alone. The number of single-candidate
races is count_checks' (region_count, kind single_candidate_count).
Phrases: "psu_order_count" in claim_rules.json.
"""

from __future__ import annotations

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


def check_psu_order_counts(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if ctx.ref is None or not pilkada_context(ctx) or ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    if r.lists["psu_order_count_blockers"].search(low) or not r.lists["psu_order_count_cues"].search(low):
        return
    ruling, _ = ctx.facts.court_rulings()
    orders = psu_orders(ctx)
    if ruling is None or orders is None or not isinstance(ruling.value, date) or ctx.ref <= ruling.value:
        return  # on the rulings' own day the count grew session by session ("31 dari 40 perkara ... 11 daerah")
    for m in r.lists["psu_order_count"].finditer(low):
        said = int(next(g for g in m.groups() if g is not None))
        if said == orders.value or said < 2:
            continue
        if find_races_named(sentence, ctx.facts):
            return  # a place named: the count is of that place's re-votes
        ctx.add("psu_order_count", r.severity["psu_order_count"], sentence, orders.text, orders.source)
        return
