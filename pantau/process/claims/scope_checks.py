"""Which regions vote: DI Yogyakarta has no gubernatorial election, but its four regencies and its city vote.

A text that says DIY holds no Pilkada at all ("tidak melaksanakan Pilkada", "kecuali DIY" for the whole election)
contradicts the fact base; a text that says DIY elects no governor is right and is left alone.
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx


def check_scope(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    fact = ctx.facts.general.get("diy_election")
    if fact is None or not r.lists["diy_names"].search(low):
        return
    if r.has("diy_governor_terms", low) or ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return  # "DIY tidak menggelar pemilihan gubernur" is the fact itself; other elections are not this rule's
    if r.lists["diy_voter_subjects"].search(low):
        return  # "warga Kota Yogyakarta yang belum ikut Pilkada ...": people, not the region
    if r.lists["diy_no_pilkada"].search(low):
        ctx.add("diy_election", r.severity["diy_election"], sentence, fact.text, fact.source)
