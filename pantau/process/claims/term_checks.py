"""Term-of-office claims: those elected in the Pilkada 2024 serve 2025-2030.

The classic error gives the new regional heads the "periode 2024-2029" (the national term of the President and the
legislatures), or a term that ends before it starts ("2025-2023"). Earlier terms ("periode 2019-2024"), acting
heads (Pj, Plt) and other offices (DPRD, President, KPU) are not this rule's business.
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx
from pantau.process.claims.text import find_dates


def check_terms(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    fact = ctx.facts.general.get("term_of_office")
    if fact is None:
        return
    start, end = fact.value
    wrong = {tuple(pair) for pair in r.raw["term_wrong_pairs"]}
    for m in r.lists["term"].finditer(low):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if (y1, y2) == (start, end):
            continue
        if (y1, y2) not in wrong and not (y2 < y1 and y1 in (start - 1, start)):
            continue
        lead = low[max(0, m.start() - 25) : m.start()]
        if r.has("term_acting_cues", lead) or r.has("term_other_offices", m.group(0)):
            continue
        ctx.add("term_of_office", r.severity["term_of_office"], sentence, fact.text, fact.source)
        return


def check_elected_designation(sentence: str, low: str, ctx: Ctx) -> None:
    """A pair said to be designated as elected ("ditetapkan sebagai gubernur terpilih") before any KPU could do so:
    the KPU sets the elected pair only after the Constitutional Court's dispute window (9 January 2025 for the
    regions without a dispute), not at the recapitulation of the results. The designation's day is the publication
    date, or in an undated text the day the sentence itself gives it ("Minggu (8/12/2024)", with its year)."""
    r = ctx.rules
    stage = ctx.facts.schedule.get("elected_determination")
    if stage is None:
        return
    m = r.lists["elected_designation"].search(low)
    if m is None or r.lists["elected_designation_hedges"].search(low):
        return  # "akan ditetapkan", "menunggu putusan MK", "setelah ...": the designation is still to come
    when = ctx.ref
    if when is None:  # undated text: the day the sentence gives the designation, if it gives one with its year
        days = [d.first for d in find_dates(sentence, None, r) if not d.is_range and d.explicit_year]
        when = days[0] if len(set(days)) == 1 else None
    if when is None or not (ctx.facts.voting_date <= when < stage.start):
        return  # nothing to compare; before the vote "terpilih" is not this rule's
    ctx.add("elected_designation", r.severity["elected_designation"], sentence, stage.text, stage.source)
