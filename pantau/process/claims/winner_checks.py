"""Winner claims: a pair said to have won a race that another pair, or the empty box, won.

"X-Y resmi memenangkan Pilbup Z", "X-Y ditetapkan sebagai pasangan bupati terpilih", "pemenang Pilgub Z adalah
X-Y", "KPU menetapkan X-Y sebagai pemenang", "X dilantik sebagai Wali Kota Z", "kotak kosong menang di Pilkada Z":
the subject of a winning verb (the pair or person just before it, or just after "pemenang ... adalah" and
"menetapkan") is resolved to its race; when the fact base holds that race's official outcome, a pair that did not
win is a misreported result.

Not checked: quick counts, real counts and other provisional tallies, claims and predictions of victory
("mengklaim menang", "yakin menang", "berpeluang menang"), wins in a part of the region ("menang di 10 kecamatan",
"menang di Kota Semarang" for a governor's pair), winning something else ("memenangkan gugatan"), a rival between
the name and the verb, texts dated before the vote, before the recapitulation unless the sentence cites the KPU's
decision, and, for races decided by a re-vote (PSU), texts that are undated or older than the re-vote's result.
Stance (attributed, denied, asked, conditional) and debunk articles are handled by `Ctx.add` as for every rule.
Phrases live in `claim_rules.json` under "winner_claim".

A regency/city race with no official outcome settled at the text's date (none recorded, or a text dated between the
count and the recapitulation), and no MK order, PSU or re-election in the fact base, is judged on KPU's
provisional Sirekap count (facts_sirekap.json) when that count is decisive ("sirekap_decisive": at least min_progress
percent of polling stations counted and the leader at least min_margin points ahead): a pair said to have won where
another pair or the empty box leads is flagged with the lower confidence of kind "winner_claim_sirekap", the
evidence naming the count as provisional with its progress and day and pointing to the KPU's recapitulation. Only
texts dated after the day of that count are judged (an undated text, or a claim made on counting night from quick
counts, may be early rather than wrong).
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx
from pantau.process.claims.outcome_claims import (
    column_label,
    empty_box_race_named,
    judge_claimed_column,
    named_last_is,
    negated_before,
    outcome_claim_context,
    subject_after,
    subject_before,
    whole_race,
)
from pantau.process.claims.races import CandidateMatch, Race


def check_winner_claims(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if not outcome_claim_context(low, ctx):
        return
    for m in r.lists["winner_claim"].finditer(low):
        if negated_before(low, m.start(), ctx):
            continue
        tail = low[m.end() : m.end() + 80]
        if r.lists["winner_other_objects"].match(tail):
            continue
        who = subject_before(sentence, low, m.start(), ctx)
        if who is None:
            if r.lists["winner_empty_box_subject"].search(low[max(0, m.start() - 25) : m.start()]):
                _judge_empty_box(sentence, low, m.end(), ctx)
            continue
        if not whole_race(sentence, m.end(), who.race, ctx):
            continue
        if _judge(sentence, low, who, ctx):
            return
    for m in r.lists["winner_named_after"].finditer(low):
        who = subject_after(sentence, m.end(), ctx)
        if who is not None and named_last_is(sentence, m.end(), who.race, ctx) and _judge(sentence, low, who, ctx):
            return
    for m in r.lists["winner_designated"].finditer(low):  # "KPU menetapkan X-Y sebagai pemenang"
        if negated_before(low, m.start(), ctx):
            continue
        who = subject_after(sentence, m.start("who"), ctx)
        if who is not None and _judge(sentence, low, who, ctx):
            return


def _judge(sentence: str, low: str, who: CandidateMatch, ctx: Ctx) -> bool:
    pair = who.pair
    why = f"{pair.head.name}-{pair.deputy.name} (nomor urut {pair.number}) tidak memenangkan {who.race.region}"
    return _judge_column(sentence, low, who.race, str(pair.number), why, ctx)


def _judge_empty_box(sentence: str, low: str, verb_end: int, ctx: Ctx) -> None:
    """ "Kotak kosong menang di Pilkada Z" where the single pair won: the race is the one single-candidate race the
    sentence names after the verb."""
    race = empty_box_race_named(sentence, verb_end, ctx)
    if race is not None:
        _judge_column(sentence, low, race, "empty_box", f"kotak kosong tidak menang di {race.region}", ctx)


def _judge_column(sentence: str, low: str, race: Race, claimed: str, why: str, ctx: Ctx) -> bool:
    count_why = f"{column_label(race, claimed)} tidak unggul dalam hitung suara Sirekap di {race.region}"
    return judge_claimed_column(
        sentence, low, race, claimed, ctx, rule="winner_claim", says_won=True, why=why, count_why=count_why
    )
