"""Re-vote orders: the Constitutional Court (MK) said to have ordered a re-vote (PSU) in a race it ordered nothing for.

On 24 February 2025 the court ordered re-votes in 24 races, a recount in one and a corrected KPU decision in another
(`mk_rulings` in facts_outcomes.json). A sentence in which the court orders a re-vote in the one race it names, when
that race is none of those, contradicts the rulings. Re-votes at single polling stations ordered by the KPU on
Bawaslu's advice (December 2024) are not the court's and are not this rule's.

Not checked: texts dated before the rulings, rejections, a petitioner's requests ("meminta MK memerintahkan PSU"),
pending cases ("MK akan memutuskan"), hypotheticals, questions, denials, other years, and a sentence naming several
races or a name shared by two races of which one had a re-vote ("PSU Serang"). Phrases: "psu_order" in
claim_rules.json.

`check_race_revotes` (kind `race_revote`): a whole race said to be held again ("Pilkada Kota Medan diulang. Jadwalnya
2026.") when nothing was ordered for it and it had no re-election (`FactBase.ordered_again`); re-votes at polling
stations and the same exclusions as above.
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


def check_race_revotes(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if not r.lists["race_revote"].search(low) or r.lists["psu_order_blockers"].search(low):
        return
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year") or ctx.has("local_scope_terms"):
        return  # "PSU di 3 TPS": a polling station's re-vote, ordered by the KPU
    if ctx.ref is not None and ctx.ref <= ctx.facts.voting_date:
        return
    if any(ctx.facts.ordered_again(x.code) for x in find_races_named(sentence, ctx.facts, ambiguous=True)):
        return  # the race (or one its name can be) was held again: psu_date checks the day
    race = race_named(sentence, low, ctx)
    if race is None:
        return
    rulings, _ordered = ctx.facts.court_rulings()
    text = rulings.text if rulings is not None else ""
    fact = f"{race.region} tidak mendapat perintah PSU dari MK dan tidak menggelar pilkada ulang. {text}".strip()
    why = f"pilkada {race.region} tidak diulang"
    source = rulings.source if rulings is not None else ""
    ctx.add("psu_order", r.severity["race_revote"], sentence, fact, source, kind="race_revote", why=why)
