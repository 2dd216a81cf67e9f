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

A regency/city race with no official outcome, MK order, PSU or re-election in the fact base is judged on KPU's
provisional Sirekap count (facts_sirekap.json) when that count is decisive ("sirekap_decisive": at least min_progress
percent of polling stations counted and the leader at least min_margin points ahead): a pair said to have won where
another pair or the empty box leads is flagged with the lower confidence of kind "winner_claim_sirekap", the
evidence naming the count as provisional with its progress and day and pointing to the KPU's recapitulation. Only
texts dated after the day of that count are judged (an undated text, or a claim made on counting night from quick
counts, may be early rather than wrong).
"""

from __future__ import annotations

import re

from pantau.process.claims.context import Ctx, pilkada_context
from pantau.process.claims.facts import Outcome
from pantau.process.claims.names_in_text import Mentions, find_pairs, find_person, find_races_named
from pantau.process.claims.races import CandidateMatch, Race
from pantau.process.claims.sirekap import SirekapCount

_MAX_GAP = 60  # characters between the subject's name and the verb


def check_winner_claims(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    if r.lists["winner_hedges"].search(low) or not (pilkada_context(ctx) or ctx.title_pilkada):
        return
    if ctx.ref is not None and ctx.ref < ctx.facts.voting_date:
        return  # before the vote nobody has won
    mentions = _mentions(ctx)
    for m in r.lists["winner_claim"].finditer(low):
        if r.lists["winner_negation"].search(low[max(0, m.start() - 25) : m.start()]):
            continue
        tail = low[m.end() : m.end() + 80]
        if r.lists["winner_other_objects"].match(tail):
            continue
        who = _subject_before(sentence, low, m.start(), mentions, ctx)
        if who is None:
            if r.lists["winner_empty_box_subject"].search(low[max(0, m.start() - 25) : m.start()]):
                _judge_empty_box(sentence, low, m.end(), ctx)
            continue
        if not _whole_race(sentence, m.end(), who.race, ctx):
            continue
        if _judge(sentence, low, who, ctx):
            return
    for m in r.lists["winner_named_after"].finditer(low):
        who = _subject_after(sentence, m.end(), mentions)
        if who is not None and _judge(sentence, low, who, ctx):
            return
    for m in r.lists["winner_designated"].finditer(low):  # "KPU menetapkan X-Y sebagai pemenang"
        if r.lists["winner_negation"].search(low[max(0, m.start() - 25) : m.start()]):
            continue
        who = _subject_after(sentence, m.start("who"), mentions)
        if who is not None and _judge(sentence, low, who, ctx):
            return


def _mentions(ctx: Ctx) -> Mentions:
    if ctx.mentions is None:
        ctx.mentions = Mentions(ctx.facts)
    return ctx.mentions


def _subject_before(sentence: str, low: str, verb: int, mentions: Mentions, ctx: Ctx) -> CandidateMatch | None:
    """The pair (or one of its people) named last before the verb, at most _MAX_GAP characters before it, with no
    rival ("mengalahkan", "atas", "vs") and no clause break in between."""
    best: tuple[int, CandidateMatch] | None = None
    for pm in find_pairs(sentence, mentions, True):
        if pm.partners and pm.end <= verb and verb - pm.end <= _MAX_GAP:
            best = (pm.end, pm.first) if best is None or pm.end > best[0] else best
    person = find_person(sentence, verb, verb + 1, mentions, max_gap=_MAX_GAP)
    if person is not None:
        end = _person_end(sentence, verb)
        if end is not None and (best is None or end > best[0]):
            best = (end, person)
    if best is None:
        return None
    gap = low[best[0] : verb]
    if ctx.rules.lists["winner_gap_blockers"].search(gap):
        return None
    return best[1]


def _person_end(sentence: str, verb: int) -> int | None:
    """Where the capitalised name run nearest before the verb ends (the span `find_person` resolved)."""
    ends = [m.end() for m in re.finditer(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", sentence[:verb])]
    return ends[-1] if ends else None


def _subject_after(sentence: str, start: int, mentions: Mentions) -> CandidateMatch | None:
    """ "pemenang Pilkada Z adalah X-Y": the pair or person named right after."""
    for pm in find_pairs(sentence, mentions, True):
        if pm.partners and 0 <= pm.start - start <= 12:
            return pm.first
    return find_person(sentence, start, start + 1, mentions, max_gap=12)


def _whole_race(sentence: str, verb_end: int, race: Race, ctx: Ctx) -> bool:
    """A win of the race itself, not of a part of it: "menang di <place>" counts only when the place is the race's
    own region; a region of another race named after the verb makes it another race's (or a part's) result."""
    tail = sentence[verb_end : verb_end + 80]
    named = find_races_named(tail, ctx.facts, ambiguous=True)
    if ctx.rules.lists["winner_local"].match(tail.lower()):
        return race in named
    return not named or race in named


def _settled(outcome: Outcome, ctx: Ctx, low: str) -> bool:
    """Whether the text is dated late enough for the official outcome to be the yardstick."""
    day = outcome.settled_on
    if outcome.status == "winner_after_psu":
        return ctx.ref is not None and day is not None and ctx.ref >= day
    if ctx.ref is None or day is None or ctx.ref >= day:
        return True
    return ctx.rules.lists["winner_official_cues"].search(low) is not None  # "ditetapkan", "rapat pleno"


def _judge(sentence: str, low: str, who: CandidateMatch, ctx: Ctx) -> bool:
    outcome = ctx.facts.outcome(who.race.code)
    if outcome is None:
        return _judge_sirekap(sentence, who.race, str(who.pair.number), ctx)
    if outcome.quality != "official" or not _settled(outcome, ctx, low):
        return False
    if outcome.status in ("winner", "winner_after_psu") and outcome.winner is not None:
        if who.pair.number == outcome.winner:
            return False
    elif outcome.status != "empty_box_won":
        return False
    pair = who.pair
    why = f"{pair.head.name}-{pair.deputy.name} (nomor urut {pair.number}) tidak memenangkan {who.race.region}"
    r = ctx.rules
    ctx.add("winner_claim", r.severity["winner_claim"], sentence, outcome.text, outcome.source, why=why)
    return True


def _judge_empty_box(sentence: str, low: str, verb_end: int, ctx: Ctx) -> None:
    """ "Kotak kosong menang di Pilkada Z" where the single pair won: the race is the one single-candidate race the
    sentence names after the verb."""
    races = [x for x in find_races_named(sentence[verb_end:], ctx.facts) if x.empty_box_column is not None]
    if len(races) != 1:
        return
    outcome = ctx.facts.outcome(races[0].code)
    if outcome is None:
        _judge_sirekap(sentence, races[0], "empty_box", ctx)
        return
    if outcome.status not in ("winner", "winner_after_psu") or outcome.winner is None:
        return
    if outcome.quality != "official" or not _settled(outcome, ctx, low):
        return
    r = ctx.rules
    why = f"kotak kosong tidak menang di {races[0].region}"
    ctx.add("winner_claim", r.severity["winner_claim"], sentence, outcome.text, outcome.source, why=why)


def _decisive_count(race: Race, ctx: Ctx) -> SirekapCount | None:
    """The race's Sirekap count when it can stand in for a result: a regency/city race with nothing official, no
    court order, PSU or re-election recorded, counted far enough with a clear lead, and a text dated after it."""
    if race.level == "gubernur" or ctx.facts.decided_elsewhere(race.code):
        return None
    count = ctx.facts.sirekap(race.code)
    limits = ctx.rules.raw["sirekap_decisive"]
    if count is None or not count.decisive(limits["min_progress"], limits["min_margin"]):
        return None
    if ctx.ref is None or ctx.ref <= count.counted_on:
        return None
    return count


def _column_label(race: Race, column: str) -> str:
    if column == "empty_box":
        return "kotak kosong"
    pair = race.pair(int(column))
    return f"{pair.head.name}-{pair.deputy.name} (nomor urut {column})" if pair is not None else f"nomor urut {column}"


def _percent(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _judge_sirekap(sentence: str, race: Race, claimed: str, ctx: Ctx) -> bool:
    """`claimed` (a ballot number, or "empty_box") said to have won `race`, against its decisive Sirekap count."""
    count = _decisive_count(race, ctx)
    if count is None or count.leader == claimed:
        return False
    fact = (
        f"{race.region}: menurut hitung suara KPU di Sirekap (data sementara, bukan hasil resmi), dengan "
        f"{_percent(count.progress)}% TPS masuk ({count.tps} dari {count.tps_total}) per {count.ts:%d-%m-%Y %H.%M} "
        f"WIB, {_column_label(race, count.leader)} unggul {_percent(count.margin)} poin atas pesaing terdekat. "
        f"Hasil resmi: rekapitulasi (rapat pleno) KPU {race.region}."
    )
    why = f"{_column_label(race, claimed)} tidak unggul dalam hitung suara Sirekap di {race.region}"
    r = ctx.rules
    kind = "winner_claim_sirekap"
    ctx.add("winner_claim", r.severity[kind], sentence, fact, count.source, kind=kind, why=why)
    return True
