"""Share claims: a pair said to have won a share of its race's vote far from the official one ("Pramono-Rano meraih
60 persen suara" against 50,07 %).

The pair (or one of its people) is the one named just before the verb; its race's official recapitulation gives the
share (votes / valid votes; when the valid votes are not known, the sum of every column's votes). Comparatives are
read as bounds ("lebih dari 50 persen" is right for 50,07 %), "sekitar"/"hampir" as approximations. A text dated
before the recapitulation is checked only when it cites it; quick counts, polls, partial tallies, parts of the region,
margins, turnout, targets, predictions and claims are not this rule's. Phrases: "result_share" in claim_rules.json.
"""

from __future__ import annotations

import re

from pantau.process.claims.candidate_checks import official_share
from pantau.process.claims.context import Ctx, mentions_of, pilkada_context
from pantau.process.claims.names_in_text import find_pairs, find_person, find_races_named
from pantau.process.claims.races import CandidateMatch

_MAX_GAP = 50  # characters between the pair's name and the verb
LOWER_BOUNDS = ("lebih dari", "di atas", "more than", "over")
UPPER_BOUNDS = ("kurang dari", "di bawah", "less than", "under")
NEARLY = ("hampir", "nyaris", "nearly", "almost")


def check_share_claims(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if not result_claim_context(low, ctx, "result_share_claim_blockers"):
        return
    cited = r.lists["winner_official_cues"].search(low) is not None  # the sentence cites KPU's count
    # an undated text that speaks of a quick count or survey: its shares are the count's
    undated_count = ctx.ref is None and r.lists["result_share_undated_count_cues"].search(ctx.doc_text) is not None
    for m in r.lists["result_share"].finditer(low):
        who = subject_in_race(sentence, m.start(), ctx)
        if who is None:
            continue
        outcome = ctx.facts.outcome(who.race.code)
        if outcome is None or outcome.quality != "official" or outcome.status not in ("winner", "empty_box_won"):
            continue
        official = official_share(outcome, str(who.pair.number), who.race)
        day = outcome.settled_on
        if official is None or day is None:
            continue
        if not cited and (undated_count or (ctx.ref is not None and ctx.ref < day)):
            continue  # a quick count's share, or one before the recapitulation: a count in progress
        said = float(m.group("p").replace(",", "."))
        if _consistent(said, official, m.group("cmp") or "", r.raw["result_share_tolerance_points"]):
            continue
        share = f"{official:.2f}".replace(".", ",")
        why = f"{who.pair.head.name}-{who.pair.deputy.name} meraih {share}% suara sah, bukan {m.group('p')}%"
        ctx.add("result_share", r.severity["result_share"], sentence, outcome.text, outcome.source, why=why)
        return


def result_claim_context(low: str, ctx: Ctx, blockers: str) -> bool:
    """Whether a result claim (a share, a total) can be judged: no partial tally, quick count or poll cue, none of
    the rule's `blockers`, Pilkada 2024 context, and not dated before the vote (a figure then is a poll's)."""
    r = ctx.rules
    if r.lists["result_partial_cues"].search(low) or r.lists[blockers].search(low):
        return False
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year") or not pilkada_context(ctx):
        return False
    return ctx.ref is None or ctx.ref >= ctx.facts.voting_date


def subject_in_race(sentence: str, verb: int, ctx: Ctx) -> CandidateMatch | None:
    """The claim's subject, unless the sentence names races and not the subject's (the figure of another region:
    a regency inside a governor's race)."""
    who = claim_subject(sentence, verb, ctx)
    if who is None:
        return None
    named = find_races_named(sentence, ctx.facts, ambiguous=True)
    return None if named and who.race not in named else who


def claim_subject(sentence: str, verb: int, ctx: Ctx) -> CandidateMatch | None:
    """The pair named last before a result verb ("meraih"), else the person named nearest before it."""
    mentions = mentions_of(ctx)
    pairs = [pm for pm in find_pairs(sentence, mentions, True) if pm.partners and 0 <= verb - pm.end <= _MAX_GAP]
    if pairs:
        return max(pairs, key=lambda pm: pm.end).first
    return find_person(sentence, verb, verb + 1, mentions, max_gap=_MAX_GAP)


def _consistent(said: float, official: float, comparison: str, tolerance: float) -> bool:
    """Whether the official share fits what the text says: a bound ("lebih dari 50"), an approach from below
    ("hampir 40": a little under), else the number itself within the tolerance."""
    comparison = re.sub(r"\s+", " ", comparison)
    if comparison in LOWER_BOUNDS:
        return official > said
    if comparison in UPPER_BOUNDS:
        return official < said
    if comparison in NEARLY:
        return said - 2 * tolerance <= official <= said + tolerance
    return abs(said - official) <= tolerance
