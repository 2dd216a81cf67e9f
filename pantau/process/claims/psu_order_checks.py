"""Re-vote orders: the Constitutional Court (MK) said to have ordered a re-vote (PSU) in a race it ordered nothing for.

On 24 February 2025 the court ordered re-votes in 24 races, a recount in one and a corrected KPU decision in another
(`mk_rulings` in facts_outcomes.json). A sentence in which the court orders a re-vote in the one race it names, when
that race is none of those, contradicts the rulings. Re-votes at single polling stations ordered by the KPU on
Bawaslu's advice (December 2024) are not the court's and are not this rule's.

Not checked: texts dated before the rulings, rejections, a petitioner's requests ("meminta MK memerintahkan PSU"),
pending cases ("MK akan memutuskan"), hypotheticals, questions, denials, other years, and a sentence naming several
races or a name shared by two races of which one had a re-vote ("PSU Serang"). Phrases: "psu_order" in
claim_rules.json.
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx
from pantau.process.claims.names_in_text import find_races_named
from pantau.process.claims.pair_count_checks import race_named


def check_psu_orders(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if not r.lists["psu_order"].search(low) or r.lists["psu_order_blockers"].search(low):
        return
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    rulings, ordered = ctx.facts.court_rulings()
    if rulings is None or (ctx.ref is not None and ctx.ref < rulings.value):
        return
    if any(x.code in ordered for x in find_races_named(sentence, ctx.facts, ambiguous=True)):
        return  # the race (or one of the races its name can be) had an order: the psu_date rule checks its day
    race = race_named(sentence, low, ctx)
    if race is None:
        return
    names = sorted(ctx.facts.races[c].region for c in ordered if c in ctx.facts.races)
    fact = f"{rulings.text} Daerah dengan perintah MK: {', '.join(names)}; {race.region} tidak termasuk."
    why = f"MK tidak memerintahkan PSU di {race.region}"
    ctx.add("psu_order", r.severity["psu_order"], sentence, fact, rulings.source, why=why)
