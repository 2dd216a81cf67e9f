"""What winner and loser claims share: the sentence gate, the subject lookup, the yardsticks (official outcome, or
KPU's decisive provisional Sirekap count) and the wording of the Sirekap evidence.

`winner_checks` judges "X menang" where X did not win, `loser_checks` "X kalah" where X won; both find X the same
way (the pair or person named just before the verb, or just after "pemenang ... adalah" / "kemenangan Y atas"),
keep only wins and losses of the whole race, and read the text's date against the outcome the same way.
"""

from __future__ import annotations

import re
from datetime import date

from pantau.process.claims.context import Ctx, mentions_of, pilkada_context
from pantau.process.claims.facts import FactBase, Outcome
from pantau.process.claims.names_in_text import find_pairs, find_person, find_races_named
from pantau.process.claims.races import CandidateMatch, Race, region_key
from pantau.process.claims.sirekap import SirekapCount
from pantau.process.claims.text import parse_number

MAX_GAP = 60  # characters between the subject's name and the verb


def outcome_claim_context(low: str, ctx: Ctx) -> bool:
    """Whether a sentence may state a Pilkada 2024 result: no other election or Pilkada year, no provisional count,
    claim or prediction (`winner_hedges`), Pilkada context, and not dated before the vote."""
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return False
    if ctx.rules.lists["winner_hedges"].search(low) or not (pilkada_context(ctx) or ctx.title_pilkada):
        return False
    return ctx.ref is None or ctx.ref >= ctx.facts.voting_date


def negated_before(low: str, start: int, ctx: Ctx) -> bool:
    """A negation just before the verb ("tidak menang", "bukan kalah")."""
    return ctx.rules.lists["winner_negation"].search(low[max(0, start - 25) : start]) is not None


def subject_before(sentence: str, low: str, verb: int, ctx: Ctx) -> CandidateMatch | None:
    """The pair (or one of its people) named last before the verb, at most MAX_GAP characters before it, with no
    rival ("mengalahkan", "atas", "vs") and no clause break in between. A relative clause right before the verb
    ("X, yang mengalahkan Y, dilantik") is skipped: its object is not the subject."""
    clause = ctx.rules.lists["outcome_relative_clause"].search(low, 0, verb)
    if clause is not None:
        verb = clause.start()
    mentions = mentions_of(ctx)
    best: tuple[int, CandidateMatch] | None = None
    for pm in find_pairs(sentence, mentions, True):
        if pm.partners and pm.end <= verb and verb - pm.end <= MAX_GAP:
            best = (pm.end, pm.first) if best is None or pm.end > best[0] else best
    person = find_person(sentence[:verb], verb, verb + 1, mentions, max_gap=MAX_GAP)  # not a name after the verb
    if person is not None:
        end = _person_end(sentence, verb)
        if end is not None and (best is None or end > best[0]):
            best = (end, person)
    numbered = _number_subject(sentence, low, 0, verb, ctx, last=True)
    if numbered is not None and (best is None or numbered[0] > best[0]):
        best = (numbered[0], numbered[1])
    if best is None:
        return None
    gap = low[best[0] : verb]
    if ctx.rules.lists["winner_gap_blockers"].search(gap) or not named_last_is(sentence, verb, best[1].race, ctx):
        return None
    if _other_place_before(low, verb, best[1].race, ctx):
        return None
    return best[1]


def _other_place_before(low: str, verb: int, race: Race, ctx: Ctx) -> bool:
    """ "di Kabupaten Mahulu X-Y unggul": a regency, city or district named before the subject that is not the race's
    own region (read by its name, so a place the gazetteer does not know also counts) makes the result a part's."""
    key = region_key(race.region).lower()
    places = ctx.rules.lists["winner_place_before"].finditer(low, 0, verb)
    return any(not low.startswith(key, m.end()) for m in places)


def named_last_is(sentence: str, end: int, race: Race, ctx: Ctx) -> bool:
    """Whether the region named last before `end`, if any, is the race's own: "Pilgub Jateng dimenangkan oleh X-Y",
    but "di Kabupaten Mahulu X-Y unggul" and "Kota Semarang dimenangkan oleh X-Y" (a governor's pair) are a part of
    the race."""
    named = find_races_named(sentence[:end], ctx.facts, ambiguous=True)
    return not named or named[-1].region == race.region


def _person_end(sentence: str, verb: int) -> int | None:
    """Where the capitalised name run nearest before the verb ends (the span `find_person` resolved)."""
    ends = [m.end() for m in re.finditer(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", sentence[:verb])]
    return ends[-1] if ends else None


def subject_after(sentence: str, start: int, ctx: Ctx) -> CandidateMatch | None:
    """ "pemenang Pilkada Z adalah X-Y", "kemenangan Y atas X-Z": the pair or person named right after."""
    mentions = mentions_of(ctx)
    for pm in find_pairs(sentence, mentions, True):
        if pm.partners and 0 <= pm.start - start <= 12:
            return pm.first
    numbered = _number_subject(sentence, sentence.lower(), start, min(len(sentence), start + 40), ctx, last=False)
    if numbered is not None and numbered[2] - start <= 12:
        return numbered[1]
    return find_person(sentence, start, start, mentions, max_gap=12, after_only=True)


def _number_subject(
    sentence: str, low: str, start: int, end: int, ctx: Ctx, *, last: bool
) -> tuple[int, CandidateMatch, int] | None:
    """A pair named by its ballot number ("paslon 02", "pasangan nomor urut dua") between `start` and `end`: (where
    the mention ends, the pair, where it starts), in the one race the sentence names before it ("Di Pilgub Jateng,
    paslon 01 menang"), or else the one race the article named, that has such a number ("paslon 01 menang di Kota
    Semarang" in a text on the governor's race stays the governor's pair). The last mention when `last`, else the
    first."""
    # "atas paslon 02": the caller's pattern may have read the cue word; a mention ending after `start` counts
    found = [
        m for m in ctx.rules.lists["outcome_number_subject"].finditer(low, max(0, start - 12), end) if m.end() > start
    ]
    if not found:
        return None
    m = found[-1] if last else found[0]
    number = parse_number(m.group("n"), ctx.rules)
    if number is None:
        return None
    races = find_races_named(sentence[: m.start()], ctx.facts, ambiguous=True) or mentions_of(ctx).known_races()
    hits = [(race, pair) for race in races if (pair := race.pair(number)) is not None]
    if len({race.code for race, _ in hits}) != 1:
        return None
    race, pair = hits[0]
    return m.end(), CandidateMatch(race, pair, "head", "ballot_number"), m.start()


def whole_race(sentence: str, verb_end: int, race: Race, ctx: Ctx) -> bool:
    """A win or loss of the race itself, not of a part of it: "menang di <place>" counts only when the place is the
    race's own region; a region of another race named after the verb makes it another race's (or a part's) result."""
    tail = sentence[verb_end : verb_end + 80]
    named = find_races_named(tail, ctx.facts, ambiguous=True)  # in the order the tail names them
    if race in named and any(x.code.startswith(race.code + ".") for x in named[: named.index(race)]):
        return False  # "kalah di Kota Semarang pada Pilgub Jawa Tengah": a regency of the province named first
    local = ctx.rules.lists["winner_local"].match(tail.lower())
    if local:  # "menang di Jawa Tengah" is the race; "menang di 5 kabupaten di Jawa Tengah" a part of it
        return race in named and not ctx.rules.lists["winner_part"].match(tail.lower(), local.end())
    return not named or race in named


AFTER_REVOTE = ("winner_after_psu", "winner_after_re_election")  # results of a 2025 re-vote or re-election


def ballot(race: Race, day: date | None, facts: FactBase) -> Race:
    """The ballot in force for `race` on `day`: the amended one of a 2025 re-vote or re-election from the day it
    stood (facts_revotes.json), else the 2024 one (also for an undated text). The checks read every race through
    `FactBase.on(ctx.ref)`, which applies this to all races at once."""
    return facts.on(day).race(race.code) or race


def settled(outcome: Outcome, ctx: Ctx, low: str) -> bool:
    """Whether the text is dated late enough for the official outcome to be the yardstick."""
    day = outcome.settled_on
    if outcome.status in AFTER_REVOTE:
        return ctx.ref is not None and day is not None and ctx.ref >= day
    if ctx.ref is None or day is None or ctx.ref >= day:
        return True
    return ctx.rules.lists["winner_official_cues"].search(low) is not None  # "ditetapkan", "rapat pleno"


def official_winner(race: Race, low: str, ctx: Ctx) -> tuple[Outcome, str] | None:
    """The race's official outcome and who won it (a ballot number as text, or "empty_box"), when it is recorded,
    official and settled at the text's date."""
    outcome = ctx.facts.outcome(race.code)
    if outcome is None or outcome.quality != "official" or not settled(outcome, ctx, low):
        return None
    column = winner_column(outcome)
    return (outcome, column) if column is not None else None


def winner_column(outcome: Outcome) -> str | None:
    """Who won by the outcome: a ballot number as text, "empty_box", or None when it names no winner."""
    if outcome.status in ("winner", *AFTER_REVOTE) and outcome.winner is not None:
        return str(outcome.winner)
    if outcome.status == "empty_box_won":
        return "empty_box"
    return None


def decisive_count(race: Race, ctx: Ctx) -> SirekapCount | None:
    """The race's Sirekap count when it can stand in for a result: a regency/city race with no court order, PSU or
    re-election recorded, counted far enough with a clear lead, and a text dated after it. A recorded
    recapitulation leaves the count standing for texts before it (`official_winner` takes over once it is
    settled) only when both name the same winner; any other recorded outcome replaces the count."""
    if race.level == "gubernur":
        return None
    count = ctx.facts.sirekap(race.code)
    limits = ctx.rules.raw["sirekap_decisive"]
    if count is None or not count.decisive(limits["min_progress"], limits["min_margin"]):
        return None
    outcome = ctx.facts.outcome(race.code)
    if ctx.facts.ordered_again(race.code) or (
        outcome is not None and (outcome.psu or winner_column(outcome) != count.leader)
    ):
        return None
    if ctx.ref is None or ctx.ref <= count.counted_on:
        return None
    return count


def empty_box_race_named(sentence: str, verb_end: int, ctx: Ctx) -> Race | None:
    """The one single-candidate race a sentence names after its verb ("kotak kosong menang/kalah di Pilkada Z")."""
    races = [x for x in find_races_named(sentence[verb_end:], ctx.facts) if x.empty_box_column is not None]
    return races[0] if len(races) == 1 else None


def column_label(race: Race, column: str) -> str:
    if column == "empty_box":
        return "kotak kosong"
    pair = race.pair(int(column))
    return f"{pair.head.name}-{pair.deputy.name} (nomor urut {column})" if pair is not None else f"nomor urut {column}"


def _percent(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def sirekap_fact(race: Race, count: SirekapCount) -> str:
    """The evidence of a flag judged on a Sirekap count: provisional, its progress and time, the leader's margin."""
    return (
        f"{race.region}: menurut hitung suara KPU di Sirekap (data sementara, bukan hasil resmi), dengan "
        f"{_percent(count.progress)}% TPS masuk ({count.tps} dari {count.tps_total}) per {count.ts:%d-%m-%Y %H.%M} "
        f"WIB, {column_label(race, count.leader)} unggul {_percent(count.margin)} poin atas pesaing terdekat. "
        f"Hasil resmi: rekapitulasi (rapat pleno) KPU {race.region}."
    )


def judge_claimed_column(
    sentence: str, low: str, race: Race, claimed: str, ctx: Ctx, *, rule: str, says_won: bool, why: str, count_why: str
) -> bool:
    """`claimed` (a ballot number, or "empty_box") said to have won (`says_won`) or lost `race`: flagged under `rule`
    when the official outcome says otherwise, or, with nothing official settled at the text's date, when the decisive
    Sirekap count does (kind `<rule>_sirekap`, with `count_why`)."""
    official = official_winner(race, low, ctx)
    if official is not None:
        outcome, winner = official
        if (winner == claimed) == says_won:
            return False
        ctx.add(rule, ctx.rules.severity[rule], sentence, outcome.text, outcome.source, why=why)
        return True
    count = decisive_count(race, ctx)
    if count is None or (count.leader == claimed) == says_won:
        return False
    kind = f"{rule}_sirekap"
    fact = sirekap_fact(race, count)
    ctx.add(rule, ctx.rules.severity[kind], sentence, fact, count.source, kind=kind, why=count_why)
    return True
