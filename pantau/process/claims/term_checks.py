"""Term-of-office claims: those elected in the Pilkada 2024 serve 2025-2030.

The classic error gives the new regional heads the "periode 2024-2029" (the national term of the President and the
legislatures), or a term that ends before it starts ("2025-2023"). Earlier terms ("periode 2019-2024"), acting
heads (Pj, Plt) and other offices (DPRD, President, KPU) are not this rule's business.
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx


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
