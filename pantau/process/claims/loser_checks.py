"""Loser claims: a pair said to have lost a race it won.

"X-Y kalah di Pilbup Z", "X tumbang", "X-Y gagal memenangkan Pilkada Z", "X-Y takluk dari A-B", "kemenangan A-B
atas X-Y", "A-B mengalahkan X-Y", "kotak kosong kalah di Pilkada Z": the loser (the pair or person just before the
verb, or just after "atas" / "mengalahkan") is resolved to its race as for winner claims
(`outcome_claims.subject_before` / `subject_after`); when the race's official outcome says that pair (or the empty
box) won, the loss is a misreported result. A regency/city race with nothing official is judged, at the lower
confidence of kind "loser_claim_sirekap", on KPU's decisive provisional Sirekap count, exactly as `winner_claim`.

Not checked, as for winner claims (the same gate and hedges): quick counts, provisional tallies, predictions, other
elections and Pilkada years, parts of the region ("kalah di Kota Semarang" of a governor's pair, "kalah di 10
kecamatan"), texts before the vote. Also not: losing something else or in another arena ("kalah di MK", "kalah
gugatan", "kalah dalam debat") and idioms ("kalah pamor", "kalah start", "tak kalah"): `loser_claim_blockers` and
`loser_other_objects_regex`. Stance and debunk articles are handled by `Ctx.add`. Phrases live in
`claim_rules.json` under "loser_claim".
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx
from pantau.process.claims.outcome_claims import (
    column_label,
    empty_box_race_named,
    judge_claimed_column,
    negated_before,
    outcome_claim_context,
    subject_after,
    subject_before,
    whole_race,
)
from pantau.process.claims.races import CandidateMatch, Race


def check_loser_claims(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if not (r.lists["loser_claim"].search(low) or r.lists["loser_named_after"].search(low)):
        return  # the cheap test first: most sentences the gate lets through name no loss
    if not outcome_claim_context(low, ctx) or r.lists["loser_claim_blockers"].search(low):
        return
    for m in r.lists["loser_claim"].finditer(low):
        if negated_before(low, m.start(), ctx) or r.lists["loser_other_objects"].match(low[m.end() : m.end() + 40]):
            continue
        who = subject_before(sentence, low, m.start(), ctx)
        if who is None:
            if r.lists["winner_empty_box_subject"].search(low[max(0, m.start() - 25) : m.start()]):
                _judge_empty_box(sentence, low, m.end(), ctx)
            continue
        if whole_race(sentence, m.end(), who.race, ctx) and _judge(sentence, low, who, ctx):
            return
    for m in r.lists["loser_named_after"].finditer(low):  # "kemenangan A-B atas X-Y", "A-B mengalahkan X-Y"
        if negated_before(low, m.start(), ctx):
            continue
        who = subject_after(sentence, m.end(), ctx)
        if who is not None and whole_race(sentence, m.end(), who.race, ctx) and _judge(sentence, low, who, ctx):
            return


def _judge(sentence: str, low: str, who: CandidateMatch, ctx: Ctx) -> bool:
    pair = who.pair
    why = f"{pair.head.name}-{pair.deputy.name} (nomor urut {pair.number}) memenangkan {who.race.region}, tidak kalah"
    return _judge_column(sentence, low, who.race, str(pair.number), why, ctx)


def _judge_empty_box(sentence: str, low: str, verb_end: int, ctx: Ctx) -> None:
    """ "Kotak kosong kalah di Pilkada Z" where the empty box won: the one single-candidate race named after it."""
    race = empty_box_race_named(sentence, verb_end, ctx)
    if race is not None:
        _judge_column(sentence, low, race, "empty_box", f"kotak kosong menang di {race.region}, tidak kalah", ctx)


def _judge_column(sentence: str, low: str, race: Race, claimed: str, why: str, ctx: Ctx) -> bool:
    count_why = f"{column_label(race, claimed)} unggul dalam hitung suara Sirekap di {race.region}, tidak kalah"
    return judge_claimed_column(
        sentence, low, race, claimed, ctx, rule="loser_claim", says_won=False, why=why, count_why=count_why
    )
