"""Candidate claims checked against the region's race: who runs with whom, ballot numbers, official results,
re-vote (PSU) dates.

Each check first resolves the people (or the region) a sentence names to one race of the fact base
(`names_in_text`); nothing is flagged when a name is ambiguous, when the article predates the fact (ballot numbers
before the draw, results before the recapitulation), or when the figure is labelled as a quick count, a poll or a
partial tally.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from difflib import SequenceMatcher

from pantau.process.claims.context import Ctx, mentions_of
from pantau.process.claims.facts import Outcome
from pantau.process.claims.names import name_key
from pantau.process.claims.names_in_text import (
    find_half_pairs,
    find_head_halves,
    find_pairs,
    find_person,
    find_races_named,
    name_runs,
)
from pantau.process.claims.pair_count_checks import pairs_changed, race_named
from pantau.process.claims.races import CandidateMatch, Pair, Race
from pantau.process.claims.result_checks import share_decimals, share_of_all_ballots, stated_numbers, unofficial_count
from pantau.process.claims.revotes import Revote
from pantau.process.claims.rules import Rules
from pantau.process.claims.text import find_dates, parse_number
from pantau.records import Flag
from pantau.text.dates import format_day


def note_places(sentence: str, _low: str, ctx: Ctx) -> None:
    """Remember the races a sentence names, so that short names in it and later resolve inside them."""
    mentions_of(ctx).remember_places(sentence)


def _published_after(ctx: Ctx, day: date) -> bool:
    return ctx.ref is None or ctx.ref >= day


def check_pairs(sentence: str, low: str, ctx: Ctx) -> None:
    """A head and a deputy of two different pairs of one race presented as one pair."""
    r = ctx.rules
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    roles = r.lists["pair_roles_after"]
    pair_cue = r.lists["pair_cues"].search(low) is not None or roles.search(low) is not None
    for pm in find_pairs(sentence, mentions_of(ctx), pair_cue):
        ctx.pairs_seen.append((ctx.i, pm))
        a, b = pm.first, pm.second
        said = roles.search(low, pm.start, pm.end + 80)  # "X dan Y sebagai gubernur dan wakil gubernur"
        as_one_pair = said is not None and said.start() <= pm.end + 3
        if pm.partners or a.race.code != b.race.code or a.pair.number == b.pair.number:
            continue  # partners, or names of two races
        if (a.role, b.role) != ("head", "deputy") and not as_one_pair:
            continue  # rivals side by side ("X-Y" as "X versus Y"); a list of pairs ("... Y dan Z-W")
        if not _published_after(ctx, ctx.facts.schedule["determination"].end):
            continue  # before the pairs were determined, pairings were news, not facts
        race = a.race
        fact = (
            f"{race.region}: {a.pair.head.name}-{a.pair.deputy.name} (nomor urut {a.pair.number}) dan "
            f"{b.pair.head.name}-{b.pair.deputy.name} (nomor urut {b.pair.number}) adalah pasangan calon yang berbeda."
        )
        ctx.add("candidate_pair", r.severity["candidate_pair"], sentence, fact, _race_source(ctx))
        return


def check_unregistered_pairs(sentence: str, low: str, ctx: Ctx) -> None:
    """A registered running mate paired with someone who is not that race's candidate ("Duet X-<deputy> maju"),
    once registration has closed: the pair does not exist."""
    r = ctx.rules
    registration = ctx.facts.schedule.get("registration")
    if registration is None or not _published_after(ctx, registration.end + timedelta(days=1)):
        return
    if not r.lists["nomination_cues"].search(low) or ctx.has("conditional_cues"):
        return
    for half in find_half_pairs(sentence, mentions_of(ctx)):
        head = " ".join(w for w in half.head_words[-3:] if not r.lists["non_name_words"].fullmatch(w.lower()))
        race = half.deputy.race
        real = half.deputy.pair
        if len(head) < 4 or _like_someone_in(head, race) or _named(real.head.name, ctx.doc_text):
            continue  # a title or a place, a misspelt or nicknamed real candidate, or the real head named too
        numbers = {parse_number(m.group("n"), r) for m in r.lists["ballot_number"].finditer(low)}
        if " " not in head and real.number in numbers:
            continue  # "pasangan nomor urut 4 Jeriko-Lusia ...": the pair's own number, its head by a nickname
        if any(_like_someone_in(head, earlier) for earlier in _earlier_ballots(race, ctx)):
            continue  # the pair as KPU determined it before a 2025 re-vote replaced the head ("MK mendiskualifikasi")
        fact = (
            f"{race.region}: {real.deputy.name} adalah calon wakil dari {real.head.name} (nomor urut {real.number}); "
            f"{head} bukan pasangan calon yang ditetapkan KPU di daerah ini."
        )
        ctx.add(
            "candidate_pair", r.severity["candidate_pair"], sentence, fact, _race_source(ctx), kind="unregistered_pair"
        )
        return


def check_unknown_deputies(sentence: str, low: str, ctx: Ctx) -> None:
    """A head written with a running mate who stands nowhere ("pasangan <head>-<someone else>"), once the pairs
    were determined: the pair does not exist. The pair cue must lead the names; the real deputy named in the article,
    a misspelt or nicknamed real candidate and a hedged sentence are left alone."""
    r = ctx.rules
    determination = ctx.facts.schedule.get("determination")
    if determination is None or not _published_after(ctx, determination.end):
        return
    if ctx.has("conditional_cues") or ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    for half in find_head_halves(sentence, mentions_of(ctx)):
        before, run = low[max(0, half.start - 30) : half.start], low[half.start : half.head_end].split()
        # the cue before the run, or its first words inside a capitalised run ("Pasangan Calon Ridwan Kamil-...")
        leads = (before + " ".join(run[:k]) + (" " if k else "") for k in range(3))
        if not any(r.lists["unknown_deputy_lead"].search(lead) for lead in leads):
            continue
        words = [w for w in half.deputy_words[:3] if not r.lists["non_name_words"].fullmatch(w.lower())]
        deputy = " ".join(words)
        real = half.head.pair
        race = half.head.race
        if len(words) < 2 or _like_someone_in(deputy, race) or _named(real.deputy.name, ctx.doc_text):
            continue
        if pairs_changed(race, ctx):
            continue  # a re-vote or re-election may have brought a new running mate the fact base does not hold
        fact = (
            f"{race.region}: {real.head.name} berpasangan dengan {real.deputy.name} (nomor urut {real.number}); "
            f"{deputy} bukan calon yang ditetapkan KPU."
        )
        ctx.add(
            "candidate_pair", r.severity["candidate_pair"], sentence, fact, _race_source(ctx), kind="unregistered_pair"
        )
        return


def _race_ballots(code: str, ctx: Ctx) -> tuple[Race | None, list[tuple[Revote, Race]]]:
    """The race's 2024 ballot and each 2025 re-vote or re-election with the ballot it amended, in force order."""
    base = ctx.facts.on(None)
    first = base.race(code)
    return first, ([(rv, rv.amended(first)) for rv in base.revotes(code)] if first is not None else [])


def _earlier_ballots(race: Race, ctx: Ctx) -> list[Race]:
    """The race's ballots before the one in force at the text's date: the 2024 one and any earlier amended one."""
    first, amended = _race_ballots(race.code, ctx)
    if first is None or first is race:
        return []
    current = ctx.facts.revote_at(race.code, ctx.ref)
    return [first, *(b for rv, b in amended if current is None or rv.ballot_from < current.ballot_from)]


def _undated_other_ballots(race: Race, ctx: Ctx) -> list[Race]:
    """For an undated text, the race's 2025 amended ballots (re-votes with new pairs, re-elections): the text may be
    about any of them. Empty for a dated text, which is judged on the ballot in force on its day."""
    return [] if ctx.ref is not None else [b for _, b in _race_ballots(race.code, ctx)[1]]


def _shares_person(pair: Pair | None, other: Pair) -> bool:
    if pair is None:
        return False
    keys = {name_key(p.name) for p in (other.head, other.deputy)}
    return any(name_key(p.name) in keys for p in (pair.head, pair.deputy))


def _named(name: str, text: str) -> bool:
    """Whether a word of a person's name (4+ letters) occurs in the (lower-cased) article."""
    return any(len(w) >= 4 and re.search(rf"\b{re.escape(w)}\b", text) for w in name.lower().split())


def _like_someone_in(name: str, race: Race) -> bool:
    key = name_key(name)
    for pair in race.pairs:
        for person in (pair.head, pair.deputy):
            other = name_key(person.name)
            if SequenceMatcher(None, key, other).ratio() >= 0.6:
                return True
            if any(SequenceMatcher(None, a, b).ratio() >= 0.8 for a in key.split() for b in other.split()):
                return True
            if any(len(a) >= 4 and b.startswith(a) for a in key.split() for b in other.split()):
                return True  # a short form of a name word: "Farin" for Farinduan, "Pram" for Pramono
    return False


def check_ballot_numbers(sentence: str, low: str, ctx: Ctx) -> None:
    """A ballot number given to a pair that drew another one."""
    r = ctx.rules
    draw = ctx.facts.schedule.get("ballot_number_draw")
    if draw is None or not _published_after(ctx, draw.end) or ctx.has("other_election_terms"):
        return
    if ctx.has("other_pilkada_year"):
        return
    if ctx.debunk_article and ctx.ref is None:
        return  # a fact-check's own statement of the numbers counts only when it is dated after the draw
    for m in r.lists["ballot_number"].finditer(low):
        number = parse_number(m.group("n"), r)
        if number is None or not 0 < number <= 12:
            continue
        end = m.end()
        if "(" in low[m.start() : end] and sentence[end : end + 1] == ")":
            end += 1  # "nomor urut (2) X-Y": the digit's own bracket, not one around the number after a pair
        who = _pair_near(sentence, m.start(), end, ctx)
        if who is None:
            _number_not_drawn(sentence, low, m.start(), number, ctx)
            continue
        if who.pair.number == number:
            continue
        if any(_shares_person(b.pair(number), who.pair) for b in _undated_other_ballots(who.race, ctx)):
            continue  # an undated text: the number this person drew on a 2025 ballot of the race
        race = who.race
        fact = f"{race.region}: nomor urut {who.pair.number} adalah {who.pair.head.name}-{who.pair.deputy.name}"
        other = race.pair(number)
        if other is not None:
            fact += f"; nomor urut {number} adalah {other.head.name}-{other.deputy.name}"
        basis, source = _ballot_basis(race, draw.text, ctx)
        fact += f" ({basis})."
        ctx.add("ballot_number", r.severity["ballot_number"], sentence, fact, source)


def _number_not_drawn(sentence: str, low: str, start: int, number: int, ctx: Ctx) -> None:
    """ "Paslon nomor urut 3 Pilgub Jateng" where the race has two pairs: a ballot number nobody drew in the one race
    the sentence names (the empty box's column counts as drawn)."""
    r = ctx.rules
    if not r.lists["ballot_pair_cue"].search(low[max(0, start - 25) : start]):
        return  # "nomor urut 3" of something else (a TPS, a list, a queue)
    race = race_named(sentence, low, ctx)
    if race is None or race.pair(number) is not None or number == race.empty_box_column:
        return
    if any(b.pair(number) is not None for b in _undated_other_ballots(race, ctx)):
        return  # an undated text may speak of a 2025 ballot that had this number
    draw = ctx.facts.schedule["ballot_number_draw"]
    listing = "; ".join(f"nomor urut {p.number} {p.head.name}-{p.deputy.name}" for p in race.pairs)
    basis, source = _ballot_basis(race, draw.text, ctx)
    fact = f"{race.region}: {listing}; tidak ada nomor urut {number} ({basis})."
    why = f"nomor urut {number} tidak ada di {race.region}"
    ctx.add("ballot_number", r.severity["ballot_number"], sentence, fact, source, why=why)


def _listed_after_number(sentence: str, start: int, r: Rules) -> bool:
    """Whether the ballot number at `start` follows an earlier one whose pair is written after it ("nomor urut 1,
    A-B, nomor urut 2 ...", "nomor urut satu untuk A-B, nomor urut dua untuk ..."): a listing, number first."""
    earlier = [m for m in r.lists["ballot_number"].finditer(sentence.lower(), 0, start) if m.end() <= start]
    if not earlier:
        return False
    between = sentence[earlier[-1].end() : start]
    gap = r.lists["ballot_joint_after"].match(between)
    return gap is not None and bool(gap.group(0)) and any(c.isupper() for c in between[gap.end() :])


def _ballot_basis(race: Race, draw_text: str, ctx: Ctx) -> tuple[str, str]:
    """What a ballot-number fact rests on, and its source: the amended ballot of a 2025 re-vote or re-election in
    force at the text's date (naming who replaced whom), else KPU's draw of 23 September 2024 and its master data."""
    revote = ctx.facts.revote_at(race.code, ctx.ref)
    if revote is None:
        return draw_text.rstrip("."), _race_source(ctx)
    vote = "pemungutan suara ulang" if revote.kind == "psu" else "pemilihan ulang"
    swaps = "; ".join(f"{x.by} menggantikan {x.replaced}" for x in revote.replacements)
    return f"surat suara {vote} {format_day(revote.vote_date)}" + (f": {swaps}" if swaps else ""), revote.source


def _pair_near(sentence: str, start: int, end: int, ctx: Ctx) -> CandidateMatch | None:
    """The pair a ballot number belongs to: the pair or person written right before it ("X-Y nomor urut 2",
    "X-Y (nomor urut 2)") or right after it ("nomor urut 2, X-Y", "nomor urut 2 yakni X dan Y"). Nothing farther:
    in "X-Y nomor urut 1 dan Z-W nomor urut 2" each number has its own neighbour."""
    r = ctx.rules
    pairs = [pm for pm in find_pairs(sentence, mentions_of(ctx), True) if pm.partners]
    joint_before, joint_after = r.lists["ballot_joint_before"], r.lists["ballot_joint_after"]
    apposition = r.lists["ballot_pair_apposition"]  # "X-Y, pasangan nomor urut 3, ...": only after a pair
    before = [
        pm
        for pm in pairs
        if pm.end <= start
        and (joint_before.fullmatch(sentence[pm.end : start]) or apposition.fullmatch(sentence[pm.end : start]))
    ]
    after = [pm for pm in pairs if pm.start >= end and joint_after.fullmatch(sentence[end : pm.start])]
    # A name written right before the number owns it even when it names nobody (a typo: "Ridwan Kami-Suswono nomor
    # urut 1, Dharma-Kun nomor urut 2"): the pair after the comma has its own number.
    # "Paslon nomor urut 1 di ...": a capitalised cue word that opens the sentence names no one.
    cue = r.lists["ballot_pair_cue"]
    named_before = before or any(
        run.end <= start
        and joint_before.fullmatch(sentence[run.end : start])
        and not cue.fullmatch(" ".join(run.words).lower())
        for run in name_runs(sentence)
    )
    if _listed_after_number(sentence, start, r):
        # "nomor urut 1, A-B, nomor urut 2, C-D": what stands before this number is the earlier number's; this
        # number's pair follows it (or is not found)
        if after:
            return after[0].first
        gap = joint_after.match(sentence, end)
        if not sentence[gap.end() if gap else end :][:1].isupper():
            return None
        return find_person(sentence, end, end + 1, mentions_of(ctx), max_gap=3)
    if after and (not named_before or not sentence[end : after[0].start].strip(" :")):
        return after[0].first  # "nomor urut 2 X-Y": a listing; the pair before the comma has its own number
    if re.match(r"\s*:?\s*[A-Z]", sentence[end:]):
        # A name follows the number: the number is that name's (or unknown), never the earlier pair's.
        return after[0].first if after else find_person(sentence, end, end + 1, mentions_of(ctx), max_gap=3)
    if before:
        return before[-1].first
    return find_person(sentence, start, end, mentions_of(ctx), max_gap=3)


def check_results(sentence: str, low: str, ctx: Ctx) -> None:
    """A pair's vote count near, but not equal to, the official recapitulation (a misprinted digit)."""
    r = ctx.rules
    if r.lists["result_partial_cues"].search(low) or ctx.has("other_election_terms") or unofficial_count(ctx):
        return
    raised_here: Flag | None = None  # the flag of this sentence: one per sentence, however many pairs are off
    for m in r.lists["pair_votes"].finditer(low):
        votes = int(re.sub(r"\D", "", m.group("v")))
        who = find_person(sentence, m.start(), m.start() + 1, mentions_of(ctx)) or _pair_before(m.start(), ctx)
        if who is None:
            continue
        outcome = ctx.facts.outcome(who.race.code)
        if outcome is None or outcome.quality != "official":
            continue
        if outcome.status == "winner_after_psu" and not r.lists["psu_cues"].search(low):
            continue  # the fact base holds the re-vote's count; a count not said to be the re-vote's may be 2024's
        official = outcome.votes.get(str(who.pair.number))
        if not official or official == votes:
            continue
        official_on = outcome.settled_on
        if official_on is None or not _published_after(ctx, official_on):
            continue  # before the recapitulation (or when it is not known), counts were provisional
        off = abs(votes - official) / official
        if off > r.raw["result_vote_near"]:
            continue  # far off: another count (a district, a round, a real count), not a misprint
        if abs(votes - official) < r.raw["result_vote_min_diff"]:
            continue  # a few votes off ("168.175" for 168.174): immaterial, and as likely the fact base's slip
        raised = len(ctx.flags)
        ctx.add("vote_count", r.severity["vote_count"], sentence, outcome.text, outcome.source)
        if len(ctx.flags) > raised:
            raised_here = ctx.flags[-1]
        if raised_here is not None:  # each pair off is remembered, also a second one in the same sentence
            ctx.vote_counts.append((raised_here, who.race.code, who.pair.number))


def settle_vote_counts(ctx: Ctx) -> None:
    """Once the whole text is read, withdraw the misprinted-count flags the rest of it explains: the pair's official
    count written elsewhere in the text too (a slip the text corrects itself), or several pairs of one race all off
    while no pair's official count appears (the figures of another count: a team's tabulation, a provisional
    tally, when the text names such a count anywhere; a misprint hits one number, not every one)."""
    if not ctx.vote_counts:
        return
    numbers = stated_numbers(ctx)
    speaks_of_count = ctx.rules.lists["result_unofficial_count_cues"].search(ctx.doc_text) is not None
    explained: list[tuple[Flag, bool]] = []  # (flag, whether this pair's count is explained)
    for code in {c for _, c, _ in ctx.vote_counts}:
        outcome = ctx.facts.outcome(code)
        items = [(flag, number) for flag, c, number in ctx.vote_counts if c == code]
        if outcome is None:
            explained.extend((flag, False) for flag, _ in items)
            continue
        official_written = sum(v in numbers for v in outcome.votes.values())
        another_count = len({number for _, number in items}) >= 2 and official_written == 0 and speaks_of_count
        for flag, number in items:
            explained.append((flag, another_count or outcome.votes.get(str(number)) in numbers))
    # a sentence's flag goes only when every pair it holds off is explained ("A 1.309.875, B 1.492.146": one flag)
    withdrawn = [f for f, _ in explained if all(ok for g, ok in explained if g is f)]
    ctx.flags[:] = [f for f in ctx.flags if not any(f is w for w in withdrawn)]


def check_result_shares(sentence: str, low: str, ctx: Ctx) -> None:
    """A column's official vote count (a pair's, or the empty box's) given with a share that is not the official
    one, at the precision the text gives it ("996.399 suara atau 55,73%" against 55,66%; "50 persen" for 50,07% is
    right), on any date (the count being official, it is final). Only a share next to the column's own official
    count is checked: a share beside another count is another scope's (a district's, a round's), and the count
    itself is `check_results`' business; a share of all ballots the text states (invalid ones too) is right."""
    r = ctx.rules
    if r.lists["result_partial_cues"].search(low) or ctx.has("other_election_terms") or unofficial_count(ctx):
        return
    if r.lists["result_share_blockers"].search(low):
        return
    for m in r.lists["vote_share"].finditer(low):
        votes, text = int(re.sub(r"\D", "", m.group("v") or m.group("v2"))), m.group("p") or m.group("p2")
        column = _count_column(sentence, low, m.start(), ctx)
        if column is None:
            continue
        outcome = ctx.facts.outcome(column[0].code)
        if outcome is None or outcome.quality != "official" or outcome.votes.get(column[1]) != votes:
            continue  # only the column's own official count is checked, and being it, it is final on any date
        official = official_share(outcome, column[1], column[0])
        if official is None:
            continue
        said = float(text.replace(",", "."))
        decimals = share_decimals(text)
        valid = outcome.valid_votes
        if valid and share_of_all_ballots(votes, said, decimals, valid, ctx):
            continue  # the share of all ballots cast (invalid ones too), not of the valid votes
        step = 10**-decimals
        if (
            abs(said - round(official, decimals)) < step / 10
            or abs(said - math.floor(official / step) * step) < step / 10
        ):
            continue  # rounded or truncated to the text's precision
        if abs(said - official) > r.raw["result_share_near"]:
            continue
        share = f"{official:.2f}".replace(".", ",")
        why = f"{votes:,}".replace(",", ".") + f" suara = {share}% dari suara sah, bukan {text}%"
        ctx.add(
            "vote_count",
            r.severity["vote_count"],
            sentence,
            outcome.text,
            outcome.source,
            kind="vote_count_share",
            why=why,
        )
        return


def _count_column(sentence: str, low: str, pos: int, ctx: Ctx) -> tuple[Race, str] | None:
    """The race and ballot column a vote count belongs to: the pair named before it, or the empty box written right
    before it ("kotak kosong mendapatkan 48.528 suara") in the race the sentence or the article names."""
    if ctx.rules.lists["empty_box_terms"].search(low[max(0, pos - 40) : pos]):
        named = [race for race in find_races_named(sentence, ctx.facts) if race.single_candidate]
        races = named or [race for race in mentions_of(ctx).known_races() if race.single_candidate]
        return (races[0], "empty_box") if len(races) == 1 else None
    who = _pair_before(pos, ctx) or find_person(sentence, pos, pos + 1, mentions_of(ctx))
    return (who.race, str(who.pair.number)) if who is not None else None


def official_share(outcome: Outcome, number: str, race: Race) -> float | None:
    """A column's official share, unrounded: its votes over the valid votes, else over the sum of every column of
    the race when the fact base has them all (each pair, and the empty box of a single-candidate race); else the
    share the source prints (rounded)."""
    votes = outcome.votes.get(number)
    if votes and outcome.valid_votes:
        return 100 * votes / outcome.valid_votes
    columns = {str(p.number) for p in race.pairs} | ({"empty_box"} if race.single_candidate else set())
    if votes and columns <= set(outcome.votes):
        return 100 * votes / sum(outcome.votes[c] for c in columns)
    return outcome.share.get(number)


def _pair_before(pos: int, ctx: Ctx) -> CandidateMatch | None:
    """The pair named earlier in the same sentence (the votes follow their names)."""
    for i, pm in reversed(ctx.pairs_seen):
        if i == ctx.i and pm.partners and pm.start < pos:
            return pm.first
    return None


def check_psu_dates(sentence: str, low: str, ctx: Ctx) -> None:
    """A re-vote (PSU) dated on another day than the one the KPU set after the Constitutional Court's ruling, or a
    re-election after the empty box won ("Pilkada ulang Bangka") dated on another day than the one the KPU set."""
    r = ctx.rules
    if r.lists["psu_cues"].search(low):
        # "PSU Serang": of the places a name can be, the one with a re-vote is meant.
        with_psu = []
        for race in find_races_named(sentence, ctx.facts, ambiguous=True):
            outcome = ctx.facts.outcome(race.code)
            dated = [o for o in (outcome.psu if outcome else ()) if o.psu_date]
            if dated:
                with_psu.append((race, dated))
        if with_psu:
            if len(with_psu) != 1 or len(with_psu[0][1]) != 1 or r.lists["psu_repeat_cues"].search(low):
                return  # a second re-vote ("PSU kedua") is not the one the fact base dates
            race, order = with_psu[0][0], with_psu[0][1][0]
            if order.psu_date is None or not _misdated(sentence, low, ctx, "psu_cues", order.psu_date):
                return
            planned = order.planned_date
            before_vote = ctx.ref is None or ctx.ref < order.psu_date  # undated, or written before the vote
            if planned is not None and before_vote and not _misdated(sentence, low, ctx, "psu_cues", planned):
                return  # the day the KPU's first re-vote schedule gave the race
            fact = f"{race.region}: pemungutan suara ulang (PSU) putusan MK digelar {format_day(order.psu_date)}"
            fact += f" (perkara {order.case})." if order.case else "."
            ctx.add("psu_date", r.severity["psu_date"], sentence, fact, order.source)
            return
    if r.lists["re_election_cues"].search(low):
        again = []
        for race in find_races_named(sentence, ctx.facts, ambiguous=True):
            outcome = ctx.facts.outcome(race.code)
            if outcome is not None and outcome.re_election is not None:
                again.append((race, outcome, outcome.re_election))
        if len(again) != 1 or not _misdated(sentence, low, ctx, "re_election_cues", again[0][2]):
            return
        race, outcome, day = again[0]
        fact = f"{race.region}: pemilihan ulang (kotak kosong menang pada 2024) digelar {format_day(day)}."
        ctx.add("psu_date", r.severity["psu_date"], sentence, fact, outcome.source)


def _misdated(sentence: str, low: str, ctx: Ctx, cues_key: str, day: date) -> bool:
    """Whether the sentence dates the vote its cue (`cues_key`) names on a day of 2025 other than `day`; dates of a
    ruling, a recapitulation or a campaign near the cue are not the vote's."""
    r = ctx.rules
    dates = find_dates(sentence, ctx.ref, r)
    if any(not dm.is_range and dm.first == day for dm in dates):
        return False  # the race's own day is written too: another date there is other races' ("5 daerah ... 5/4,
        # tersisa PSU di Talaud, Rabu 9 April")
    for dm in dates:
        slip = dm.first.year == 2024 and ctx.ref is not None and ctx.ref.year >= 2025  # "13 April 2024" in 2025
        if dm.is_range or (dm.first.year != 2025 and not slip) or dm.first == day:
            continue
        cues = list(r.lists[cues_key].finditer(low, 0, dm.start))
        cue = cues[-1] if cues else None
        if cue is None or dm.start - cue.end() > r.raw["max_gap_chars"]:
            continue  # the date is not the re-vote's
        around = low[max(0, cue.start() - 60) : dm.start]
        if r.lists["psu_other_events"].search(around):
            continue  # a ruling, a recapitulation, a campaign day, the result of the PSU: not the vote itself
        return True
    return False


def _race_source(ctx: Ctx) -> str:
    return ctx.facts.races_source_url
