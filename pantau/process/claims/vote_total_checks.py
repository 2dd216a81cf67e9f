"""Vote totals: a pair's whole-race count far from the official recapitulation ("Pramono-Rano meraih 3 juta suara"
against 2.183.239).

A count above the pair's official total cannot be a district's or a count in progress: once the recapitulation is
known it is wrong. A count below it is wrong only when the sentence cites the recapitulation ("dalam rekapitulasi
KPU", "ditetapkan"); otherwise it is a part of the region or a count still running. Near misses (a misprinted digit,
within `result_vote_near`) are `vote_count`'s. "juta"/"ribu" are read at their rounding ("2,1 juta" for 2.183.239 is
right), comparatives as bounds ("lebih dari 2 juta"). The pair is the one named just before the verb, in the race
the sentence names (if it names one). Phrases: "vote_total" in claim_rules.json.
"""

from __future__ import annotations

import re

from pantau.process.claims.context import Ctx
from pantau.process.claims.share_claim_checks import (
    LOWER_BOUNDS,
    NEARLY,
    UPPER_BOUNDS,
    result_claim_context,
    subject_in_race,
)


def check_vote_totals(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if not result_claim_context(low, ctx, "vote_total_blockers"):
        return
    for m in r.lists["vote_total"].finditer(low):
        who = subject_in_race(sentence, m.start(), ctx)
        if who is None:
            continue
        outcome = ctx.facts.outcome(who.race.code)
        if outcome is None or outcome.quality != "official" or outcome.status not in ("winner", "empty_box_won"):
            continue
        official = outcome.votes.get(str(who.pair.number))
        day = outcome.settled_on
        if not official or day is None:
            continue
        cited = r.lists["winner_official_cues"].search(low) is not None
        if ctx.ref is not None and ctx.ref < day and not cited:
            continue  # before the recapitulation every count is provisional
        said, step = _count(m)
        if _fits(said, official, re.sub(r"\s+", " ", m.group("cmp") or ""), step, r.raw["vote_total_near"]):
            continue
        if step == 1 and abs(said - official) <= r.raw["result_vote_near"] * official:
            continue  # a misprinted digit: vote_count's
        if said < official and not cited:
            continue  # smaller: a district's count or one still running, unless the recapitulation is cited
        if said < r.raw["vote_total_min_share"] * official:
            continue  # far smaller: a regency's tally of a governor's race ("rekapitulasi Pilgub Jatim" in Tuban)
        votes = f"{official:,}".replace(",", ".")
        why = f"{who.pair.head.name}-{who.pair.deputy.name} meraih {votes} suara menurut rekapitulasi resmi"
        ctx.add("vote_total", r.severity["vote_total"], sentence, outcome.text, outcome.source, why=why)
        return


def _count(m: re.Match[str]) -> tuple[float, float]:
    """The count and the rounding step its form implies (1 for a full number, 0.1 million for "2,1 juta")."""
    if m.group("full"):
        return float(re.sub(r"\D", "", m.group("full"))), 1.0
    text, unit = (m.group("m"), 1e6) if m.group("m") else (m.group("k"), 1e3)
    decimals = len(re.split(r"[,.]", text, maxsplit=1)[1]) if re.search(r"[,.]", text) else 0
    return float(text.replace(",", ".")) * unit, unit * 10**-decimals


def _fits(said: float, official: int, comparison: str, step: float, share: float) -> bool:
    """Whether the official total fits the text's count: a bound ("lebih dari 2 juta"), an approach from below
    ("hampir 2 juta"), else the count at its rounding (rounded or truncated: "2 juta" and "2,1 juta" for
    2.183.239, not "3 juta"), widened by `share` of the official total for "sekitar"/"kurang lebih"."""
    if comparison in LOWER_BOUNDS:
        return official > said
    if comparison in UPPER_BOUNDS:
        return official < said
    if comparison in NEARLY:
        return said - share * official <= official <= said + step / 2
    slack = share * official if comparison else 0.0
    return said - step / 2 - slack <= official < said + step + slack
