"""Candidates named in an article, as evidence for the region of their race.

A person who stands (as head or deputy) in exactly one race of the fact base (`facts_races.json`) and is named in
full (at least two words of the name, or a nickname that names one person nationally) points to that race's region:
a governor candidate to the province, a regent or mayor candidate to the regency or city (whose row carries its
province). Names are read with the helper the claim rules use (`names_in_text.name_runs` and `resolve`), so the two
stages agree on who a name is. A surname or a first name alone ("Luthfi") is not enough: it may be somebody else.

How much this weighs is `weights.candidate_*` in the region rules; `find_regions` caps it below one explicit mention
of a place, so a candidate's name fills a gap (an article that names only the person) but never outvotes a place the
text names.
"""

from __future__ import annotations

from pantau.process.claims.facts import FactBase
from pantau.process.claims.names import key_words
from pantau.process.claims.names_in_text import Mentions, name_runs, resolve
from pantau.process.claims.races import CandidateMatch
from pantau.process.claims.text import split_sentences

_TWO_WORDS = frozenset({"first_last", "first_two"})
_FIRST_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _first_words(facts: FactBase) -> frozenset[str]:
    """The first words of the race index's keys that can name someone in full (two words or more, or a nickname;
    a lone first name or surname never does): a run is looked up only from a word that can start a
    name, so a 600-word article costs a few set lookups per capitalised word, not a name lookup per sub-run."""
    index = facts.race_table.index()
    cached = _FIRST_WORDS.get(id(index))
    if cached is None or cached[0] is not index:
        keys = (k for k, hits in index.items() if " " in k or any(how == "nickname" for *_, how in hits))
        cached = (index, frozenset(k.split()[0] for k in keys if k))
        _FIRST_WORDS[id(index)] = cached
    return cached[1]


def named_in_full(match: CandidateMatch) -> bool:
    """Whether a national match names the person by at least two name words or by a known unique nickname."""
    if match.how in _TWO_WORDS or match.how == "nickname":
        return True
    return match.how == "full" and len(key_words(match.pair.person(match.role).name)) >= 2


def candidate_race_codes(text: str, facts: FactBase, blockers: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """(race code, word position of the sentence) of every candidate named in full in `text`, once per mention, in
    text order.

    Every capitalised run is read from each of its words on ("Calon Gubernur Ahmad Luthfi Bilang" finds "Ahmad
    Luthfi"); a single word is taken only when it is the whole run, as `resolve` does for a cut-off name."""
    mentions = Mentions(facts)  # no races remembered: every name must be unique nationally
    starts = _first_words(facts)
    out: list[tuple[str, int]] = []
    pos = 0
    for paragraph in text.split("\n"):
        if not any(_may_start(w, starts) for run in name_runs(paragraph) for w in run.words):
            pos += len(paragraph.split())
            continue
        for sentence in split_sentences(paragraph):
            at, pos = pos, pos + len(sentence.split())
            out += _named(sentence, mentions, starts, at, blockers)
    return out


def _may_start(word: str, starts: frozenset[str]) -> bool:
    first = key_words(word)
    return bool(first) and first[0] in starts


def _named(
    sentence: str, mentions: Mentions, starts: frozenset[str], at: int, blockers: frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """Candidates named in one sentence; a name right after a word of `blockers` ("Jalan Agus Salim", "di jalan
    Agus Salim", "Gedung ...") names a street or a building, not the person."""
    out: list[tuple[str, int]] = []
    for run in name_runs(sentence):
        words = run.words
        before = key_words(sentence[max(0, run.start - 20) : run.start])
        for i in range(len(words)):
            if i > 0 and len(words) - i == 1:
                break
            if not _may_start(words[i], starts):
                continue
            prev = key_words(words[i - 1]) if i > 0 else before
            if prev and prev[-1] in blockers:
                continue
            hit = resolve(words[i:], mentions, suffix=False)
            if hit is not None and named_in_full(hit):
                out.append((hit.race.code, at))
                break
    return out
