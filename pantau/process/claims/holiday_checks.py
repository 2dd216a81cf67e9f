"""Holiday claims: the voting day, Wednesday 27 November 2024, said not to be a holiday ("27 November bukan hari
libur") or its holiday said to be cancelled, once Keppres 33/2024 (signed 21 November 2024) made it a national one.

Not checked: texts dated before the decree ("belum ditetapkan libur" was true then), the decree's own reasoning
("hari Rabu, bukan hari libur, maka diliburkan"), proposals, hypotheticals, questions, the people who work that day
(polling staff, police, hospitals, shops) and other elections. The fact is `general.voting_holiday` in facts.json;
phrases are "voting_holiday" in claim_rules.json.
"""

from __future__ import annotations

from datetime import date

from pantau.process.claims.context import Ctx, pilkada_context


def check_voting_holiday(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    fact = ctx.facts.general.get("voting_holiday")
    if fact is None or not r.lists["voting_holiday"].search(low):
        return
    if r.lists["voting_holiday_blockers"].search(low) or ctx.has("other_election_terms"):
        return
    if not (pilkada_context(ctx) or "27 november" in low):
        return
    if ctx.ref is not None and ctx.ref < date.fromisoformat(fact.value["decided"]):
        return  # before the decree the day was not yet a holiday
    ctx.add("voting_holiday", r.severity["voting_holiday"], sentence, fact.text, fact.source)
