"""Second-round claims: a Pilkada 2024 race said to go to a second round ("putaran kedua", "dua putaran").

Only Jakarta's governor election can have a second round (a pair needs more than half of the valid votes); every
other race is decided in one round by the most votes. Jakarta's 2024 race ended in one round (the provincial
recapitulation of 8 December 2024). So a second round asserted for any other race, or for Jakarta once its result was
official, is wrong. The race is the one the sentence names, or the only race the article has named so far.

Not checked: the law explained ("hanya Jakarta yang bisa dua putaran", "jika tidak ada yang meraih 50 persen"),
possibilities and scenarios, polls and quick counts, denials ("tidak ada putaran kedua", "cukup satu putaran"),
second rounds of something else (debates, campaign phases, aid), other elections (the Pilpres) and other Pilkada
years (Jakarta went to a second round in 2017), preparations for one ("KPU menyiapkan anggaran putaran kedua"),
and a Jakarta text that is undated or dated before the recapitulation unless it says the second round is official.
A sentence already flagged as a known hoax (with its debunk link) is not flagged again. The fact is
`general.second_round` in `facts.json`; phrases are "second_round" in `claim_rules.json`.
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx, mentions_of, pilkada_context
from pantau.process.claims.names_in_text import find_races_named
from pantau.process.claims.races import Race


def check_second_round(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    fact = ctx.facts.general.get("second_round")
    if fact is None or not r.lists["second_round"].search(low):
        return
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year") or not pilkada_context(ctx):
        return
    if r.lists["second_round_blockers"].search(low):
        return
    registration = ctx.facts.schedule.get("registration")
    if ctx.ref is not None and registration is not None and ctx.ref < registration.start:
        return  # a text from before this Pilkada's season is about another election
    race = _race(sentence, ctx)
    if race is None:
        return
    two_round = set(fact.value.get("two_round_provinces", []))
    if race.code in two_round:
        outcome = ctx.facts.outcome(race.code)
        if outcome is None or outcome.rounds != 1:
            return  # the fact base does not say the race ended in one round
        day = outcome.settled_on
        settled = ctx.ref is not None and day is not None and ctx.ref >= day
        # After the vote and before the recapitulation nothing had made a second round so: asserted plainly (the
        # blockers leave out possibilities, conditions and polls, the stance leaves out who is quoted), it is false.
        counted = ctx.ref is not None and ctx.ref > ctx.facts.voting_date
        if not settled and not counted and not r.has("second_round_official", low):
            return  # before the vote (or in an undated text) a second round was still a possibility
    if any(f.rule == "known_hoax" and f.evidence in (sentence, ctx.original.get(sentence)) for f in ctx.flags):
        return  # the debunked claim itself: its flag carries the debunk
    why = f"putaran kedua untuk {race.region}"
    ctx.add("second_round", r.severity["second_round"], sentence, fact.text, fact.source, why=why)


def _race(sentence: str, ctx: Ctx) -> Race | None:
    """The race the sentence names (one), else the only race the article has named so far."""
    named = find_races_named(sentence, ctx.facts)
    if len(named) == 1:
        return named[0]
    if named:
        return None
    known = mentions_of(ctx).known_races()
    return known[0] if len(known) == 1 else None
