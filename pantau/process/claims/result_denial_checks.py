"""A text that calls the official result a hoax: "real count hoaks", "data palsu KPU", "hasil KPU bohong".

After the vote, the KPU's count (Sirekap's real count, the tiered recapitulation) is the official result; a text
that asserts it is fake contradicts it. The claim's own words ("hoaks", "palsu") are the statement, not a denial of
it, so the sentence's stance is read with them masked: "kata X" still attributes it, "?" still asks it. Not flagged:
a hoax *about* the count ("hoaks real count", "beredar data palsu mengatasnamakan KPU": fakes in the KPU's name),
a tudingan reported as someone's, an article that refutes the accusation, another election's count, and anything
before voting day. Phrases and cues live in `claim_rules.json` under "result_hoax".
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx, pilkada_context


def check_result_called_hoax(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    m = r.lists["result_hoax"].search(low)
    if m is None or (ctx.ref is not None and ctx.ref < ctx.facts.voting_date):
        return
    if r.lists["result_hoax_blockers"].search(low) or ctx.has("other_election_terms") or not pilkada_context(ctx):
        return
    if r.lists["result_hoax_refutations"].search(ctx.doc_text):
        return  # the article answers the accusation: it reports it to refute it
    fake = m.group("fake") or m.group("fake2")
    start = m.start("fake") if m.group("fake") else m.start("fake2")
    masked = sentence[:start] + "_" * len(fake) + sentence[start + len(fake) :]
    fact, source = _official_result(ctx)
    ctx.add("result_called_hoax", r.severity["result_called_hoax"], sentence, fact, source, stance_of=masked)


def _official_result(ctx: Ctx) -> tuple[str, str]:
    """The official result of the race the article is about, else the recapitulation that makes results official."""
    races = ctx.mentions.known_races() if ctx.mentions is not None else []
    for race in races:
        outcome = ctx.facts.outcome(race.code)
        if outcome is not None and outcome.quality == "official":
            return outcome.text, outcome.source
    stage = ctx.facts.schedule["recapitulation"]
    return f"{stage.text} Hasil resmi adalah hasil rekapitulasi berjenjang KPU, bukan hoaks.", stage.source
