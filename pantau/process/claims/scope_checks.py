"""Which regions vote, and for what: DI Yogyakarta elects no governor, but its four regencies and its city vote;
Jakarta elects a governor, but its five administrative cities and Kepulauan Seribu elect no mayor or regent.

`diy_election`: a text that says DIY holds no Pilkada at all ("tidak melaksanakan Pilkada", "kecuali DIY" for the
whole election) contradicts the fact base; a text that says DIY elects no governor is right and is left alone.

`no_such_race`: a text that asserts a race that does not exist ("Pilgub DIY 2024", "calon wali kota Jakarta
Selatan", "Pilbup Kepulauan Seribu"). Not checked: the fact itself stated ("DIY tidak menggelar Pilgub"),
appointments ("wali kota Jakarta Selatan dilantik"), DIY's designation of its governor, proposals, hypotheticals,
questions, other elections and years before 2013 (when DIY's status was debated). Facts: `general.diy_election` in
facts.json and `voting_rules.no_local_race` in facts_outcomes.json; phrases: "no_such_race" in claim_rules.json.
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


def check_no_such_race(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    found = r.lists["no_such_race"].search(low)
    if found is None or r.lists["no_such_race_blockers"].search(low):
        return
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    if any(found.group(g) is not None for g in ("diy", "diy_en", "diy_v")):
        at = found.start("diy")
        if (found.group("diy") or "").startswith("di ") and sentence[at : at + 3] != "DI ":
            return  # "calon gubernur di Yogyakarta": a place, not the province's name "DI Yogyakarta"
        fact = ctx.facts.general.get("diy_election")
        if fact is not None:
            why = "pemilihan gubernur di DI Yogyakarta"
            ctx.add("no_such_race", r.severity["no_such_race"], sentence, fact.text, fact.source, why=why)
        return
    for _codes, text, url in ctx.facts.voting_rule("no_local_race"):
        where = found.group("jkt") or found.group("jkt_v") or found.group("jkt_en") or found.group("seribu") or ""
        ctx.add("no_such_race", r.severity["no_such_race"], sentence, text, url, why=f"pemilihan kepala daerah {where}")
        return
