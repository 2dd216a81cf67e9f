"""People and places named in a sentence, resolved against the fact base's races.

A name in news text is a run of capitalised words ("Bernard Sagrim", "Pramono Anung"); a pair is two names joined
by a dash or by "dan"/"berpasangan dengan" next to a pair cue ("Kustini Sri Purnomo-Sukamto", "pasangan Bernard
Sagrim dan Ahmad Nausrau"). `find_pairs` resolves both sides: a side that names one candidate nationally is taken
as it is; the other side is then looked up inside that candidate's race (where a short name is unique). Races met
earlier in the article help resolve short names later on (`Mentions.races`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pantau.process.claims.facts import FactBase
from pantau.process.claims.races import CandidateMatch, Race, region_key
from pantau.process.claims.rules import load_rules

# A name particle ("bin", "van", "la") joins a run only as a whole word: "Pilgub Jakarta lanjut" is not "... la".
_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’.]*(?:\s+(?:[A-Z][\w'’.]*|(?:bin|binti|al|van|de|la)(?![\w'’])))*(?<![\s.])")
_DASH = re.compile(r"^\s*[-–—/]\s*$")
_AND = re.compile(r"^\s*(?:,\s*)?(?:dan|&|and|berpasangan\s+dengan|bersama|dengan\s+wakilnya|wakilnya)\s+$")
_STRONG = frozenset({"full", "first_last", "first_two", "nickname"})
_MAX_WORDS = 4


@dataclass(frozen=True)
class NameRun:
    start: int
    end: int
    words: tuple[str, ...]


@dataclass(frozen=True)
class PairMention:
    start: int
    end: int
    first: CandidateMatch
    second: CandidateMatch

    @property
    def partners(self) -> bool:
        return self.first.race.code == self.second.race.code and self.first.pair.number == self.second.pair.number


@dataclass
class Mentions:
    """Per-article memory of the races named so far."""

    facts: FactBase
    races: list[Race] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # sentences whose places are not read yet

    def remember(self, race: Race) -> None:
        if race not in self.races:
            self.races.append(race)

    def remember_places(self, sentence: str) -> None:
        """The races whose region a sentence names ("Pilgub Kalimantan Timur"): a short name written later
        ("Rudy-Seno") is then looked up inside them, as after a full name of one of their candidates. The
        sentence is read only when a name needs it (`known_races`): most articles never do."""
        self.pending.append(sentence)

    def known_races(self) -> list[Race]:
        for sentence in self.pending:
            for race in find_races_named(sentence, self.facts):
                self.remember(race)
        self.pending.clear()
        return self.races


_MAX_RUN_SPLIT = 5  # words of a run tried as a head and a deputy written together


def name_runs(sentence: str) -> list[NameRun]:
    return list(_name_runs(sentence))


@lru_cache(maxsize=512)
def _name_runs(sentence: str) -> tuple[NameRun, ...]:
    """The capitalised runs of a sentence, cached: several checks (pairs, persons, places) read the same one."""
    runs = []
    for m in _RUN.finditer(sentence):
        words = tuple(w.strip(".,") for w in m.group(0).split())
        runs.append(NameRun(m.start(), m.end(), tuple(w for w in words if w)))
    return tuple(runs)


def _candidates(words: tuple[str, ...], suffix: bool) -> Iterator[str]:
    """Sub-runs a name can be, longest first: the words next to the joint (the end of the left side, the start of
    the right side), so "Pasangan Calon Bernard Sagrim" yields "Bernard Sagrim" before "Sagrim"."""
    for k in range(min(_MAX_WORDS, len(words)), 0, -1):
        yield " ".join(words[-k:] if suffix else words[:k])


def resolve(
    words: tuple[str, ...], mentions: Mentions, *, suffix: bool, race: Race | None = None
) -> CandidateMatch | None:
    """The one candidate a run of words names: nationally unique, or unique inside `race` (or a race the article
    named before)."""
    facts = mentions.facts
    for text in _candidates(words, suffix):
        if len(text) < 3:
            continue
        if race is not None:
            hit = facts.pair_of(text, race.code)
            if hit is not None:
                return hit
            continue
        hits = facts.find_candidates(text)
        people = {(h.race.code, h.pair.number, h.role) for h in hits}
        # One word cut from a longer name ("Albert" of "Albert Muyak") names someone else: not nationally.
        whole = " " in text or len(words) == 1
        if len(people) == 1 and hits[0].how in _STRONG and whole:
            known_races = mentions.known_races() if " " not in text else []
            if known_races and all(k.code != hits[0].race.code for k in known_races):
                # one word ("Supian") names a candidate of a race the text names before one elsewhere
                for known in reversed(known_races):
                    local = facts.partial_in_race(text, known)
                    if local is not None:
                        return local
            return hits[0]
        # the race named last first (the current sentence's own place before an earlier one): the same lookup as
        # pair_of(text, known.code), hits reused
        for known in reversed(mentions.known_races()):
            hit = next((h for h in hits if h.race.code == known.code), None) or facts.partial_in_race(text, known)
            if hit is not None:
                return hit
    return None


def find_pairs(sentence: str, mentions: Mentions, pair_cue: bool) -> list[PairMention]:
    """Two names presented as one pair: joined by a dash, or by "dan"/"berpasangan dengan" when `pair_cue`. Dash
    joints are taken first; a name already in a dashed pair is not paired again by "dan" (that "dan" lists pairs:
    "Bobby-Surya dan Edy-Hasan")."""
    runs = name_runs(sentence)
    joints = list(itertools.pairwise(runs))
    dashed = {i for i, (a, b) in enumerate(joints) if _DASH.match(sentence[a.end : b.start])}
    used = set(dashed) | {i + 1 for i in dashed}
    found = []
    for i, (left, right) in enumerate(joints):
        joined_by_and = pair_cue and _AND.match(sentence[left.end : right.start]) and not {i, i + 1} & used
        if i not in dashed and not joined_by_and:
            continue
        pm = _resolve_pair(left, right, mentions)
        if pm is not None:
            found.append(pm)
    if pair_cue:  # "Pasangan Pramono Rano": a head and the deputy's name written as one run
        for run in runs:
            if 2 <= len(run.words) <= _MAX_RUN_SPLIT and not any(pm.start <= run.start < pm.end for pm in found):
                pm = _split_pair(run, mentions)
                if pm is not None:
                    found.append(pm)
    return sorted(found, key=lambda pm: pm.start)


def _split_pair(run: NameRun, mentions: Mentions) -> PairMention | None:
    """A run that is a pair's head followed by its own deputy ("Pramono Rano", "Andika Hendi"), in a race one of the
    two names points to or the article has named. A person's full name never splits into a head and the deputy of
    the same pair, so it is left alone."""
    facts = mentions.facts
    for k in range(1, len(run.words)):
        left, right = run.words[:k], run.words[k:]
        races = [h.race for part in (left, right) for h in facts.find_candidates(" ".join(part))]
        for race in dict.fromkeys([*races, *mentions.known_races()]):
            first = resolve(left, mentions, suffix=True, race=race)
            second = resolve(right, mentions, suffix=False, race=race)
            if (
                first is not None
                and second is not None
                and (first.role, second.role) == ("head", "deputy")
                and first.pair.number == second.pair.number
            ):
                mentions.remember(race)
                return PairMention(run.start, run.end, first, second)
    return None


@dataclass(frozen=True)
class HalfPair:
    """A dashed pair whose running mate is a candidate but whose head is nobody in that race."""

    start: int
    end: int
    head_words: tuple[str, ...]
    deputy: CandidateMatch


def find_half_pairs(sentence: str, mentions: Mentions) -> list[HalfPair]:
    runs = name_runs(sentence)
    found = []
    for left, right in itertools.pairwise(runs):
        if not _DASH.match(sentence[left.end : right.start]):
            continue
        deputy = resolve(right.words, mentions, suffix=False)
        if deputy is None or deputy.role != "deputy" or deputy.how not in _STRONG:
            continue
        if resolve(left.words, mentions, suffix=True, race=deputy.race) is not None:
            continue
        head = resolve(left.words, mentions, suffix=True)
        own = resolve(right.words, mentions, suffix=False, race=head.race) if head is not None else None
        if head is not None and own is not None and own.role == "deputy" and own.pair.number == head.pair.number:
            continue  # the head's own running mate, written short ("Edy Rahmayadi-Hasan Basri" for "... Sagala")
        found.append(HalfPair(left.start, right.end, left.words, deputy))
    return found


@dataclass(frozen=True)
class HeadHalf:
    """A dashed pair whose head is a candidate but whose running mate is nobody who stands anywhere."""

    start: int
    end: int
    head_end: int  # the end of the head's name run
    head: CandidateMatch
    deputy_words: tuple[str, ...]


def find_head_halves(sentence: str, mentions: Mentions) -> list[HeadHalf]:
    """ "Pasangan X-Y": X a candidate for head (named strongly), Y a full name (two words or more) that names no
    candidate at all, neither in X's race nor elsewhere."""
    found = []
    for left, right in itertools.pairwise(name_runs(sentence)):
        if not _DASH.match(sentence[left.end : right.start]) or len(right.words) < 2:
            continue
        head = resolve(left.words, mentions, suffix=True)
        if head is None or head.role != "head" or head.how not in _STRONG:
            continue
        if resolve(right.words, mentions, suffix=False, race=head.race) is not None:
            continue
        if any(mentions.facts.find_candidates(text) for text in _candidates(right.words, False) if " " in text):
            continue  # a candidate's full name (in another race: not this rule's)
        found.append(HeadHalf(left.start, right.end, left.end, head, right.words))
    return found


def _resolve_pair(left: NameRun, right: NameRun, mentions: Mentions) -> PairMention | None:
    first = resolve(left.words, mentions, suffix=True)
    second = resolve(right.words, mentions, suffix=False, race=first.race if first else None)
    if first is None and second is None:
        return None
    if first is None and second is not None:
        second = resolve(right.words, mentions, suffix=False) or second
        first = resolve(left.words, mentions, suffix=True, race=second.race)
    if first is None or second is None:
        return None
    mentions.remember(first.race)
    return PairMention(left.start, right.end, first, second)


def find_person(
    sentence: str, start: int, end: int, mentions: Mentions, max_gap: int = 40, *, after_only: bool = False
) -> CandidateMatch | None:
    """The candidate named by the name run nearest to a span (e.g. a ballot number), at most `max_gap` characters
    away, if any; with `after_only`, only a run that starts after the span ("mengalahkan X": never the subject
    before the verb)."""
    best: tuple[int, CandidateMatch] | None = None
    for run in name_runs(sentence):
        if after_only and run.start < end:
            continue
        distance = start - run.end if run.end <= start else run.start - end
        if distance < 0 or distance > max_gap:
            continue
        hit = resolve(run.words, mentions, suffix=run.end <= start)
        if hit is not None and (best is None or distance < best[0]):
            best = (distance, hit)
    return best[1] if best else None


_REGION_INDEX: dict[int, tuple[FactBase, dict[str, list[Race]]]] = {}


def _region_index(facts: FactBase) -> dict[str, list[Race]]:
    """Races by their region name and the gazetteer's aliases, folded ("kabupatenpasaman", "pasaman", "kaltim"),
    built once per fact base: a sentence has many capitalised runs, and a scan of 545 races for each would cost more
    than the rest of the checks."""
    cached = _REGION_INDEX.get(id(facts))
    if cached is not None and cached[0] is facts:
        return cached[1]
    index: dict[str, list[Race]] = {}
    aliases = facts.region_aliases()
    for race in facts.races.values():
        for key in {
            _fold(race.region),
            _fold(region_key(race.region)),
            *(_fold(a) for a in aliases.get(race.code, ())),
        }:
            index.setdefault(key, []).append(race)
    _REGION_INDEX[id(facts)] = (facts, index)
    return index


def _fold(text: str) -> str:
    return "".join(text.lower().split())


def find_races_named(sentence: str, facts: FactBase, *, ambiguous: bool = False) -> list[Race]:
    """Races whose region a sentence names ("PSU Banjarbaru", "Kabupaten Barito Utara"). A bare name shared by a
    regency and a city ("Serang") counts only with `ambiguous` (the caller then narrows the races down)."""
    index = _region_index(facts)
    lead = load_rules().lists["race_lead_words"]
    races: list[Race] = []
    for run in name_runs(sentence):
        # the run's tail ("Pilgub Jakarta"), then the words after a lead word inside it ("Pilgub Jakarta Digelar")
        starts = [i + 1 for i, w in enumerate(run.words[:-1]) if lead.fullmatch(w.lower())]
        tries = [_candidates(run.words, suffix=True), *(_candidates(run.words[i:], suffix=False) for i in starts)]
        for text in itertools.chain.from_iterable(tries):
            hits = index.get(_fold(text), [])
            if hits and (ambiguous or len({h.code for h in hits}) == 1):
                races.extend(h for h in hits if h not in races)
                break
    return races
