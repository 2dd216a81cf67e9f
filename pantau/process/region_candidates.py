"""Candidates named in an article, as evidence for the region of their race.

A person who stands (as head or deputy) in exactly one race of the fact base (`facts_races.json`) and is named in
full (at least two words of the name, or a nickname that names one person nationally) points to that race's region:
a governor candidate to the province, a regent or mayor candidate to the regency or city (whose row carries its
province). Names are read with the helper the claim rules use (`names_in_text.name_runs` and `resolve`), so the two
stages agree on who a name is. A surname or a first name alone ("Luthfi") is not enough: it may be somebody else.

A pair written as two short names joined by a dash ("Luthfi-Yasin", "Pramono-Rano", "Khofifah-Emil") names its race
when a word of the head's name and a word of the deputy's name go together in exactly one pair nationally, even
though each word alone names several people (`pair_race_codes`). Name words many candidates share (more than
`_COMMON_WORD` people: Muhammad, Ahmad, Abdul...) are never used for it.

How much this weighs is `weights.candidate_*` in the region rules; `find_regions` caps it below one explicit mention
of a place, so a candidate's name fills a gap (an article that names only the person) but never outvotes a place the
text names.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from pantau.process.claims.facts import FactBase
from pantau.process.claims.names import key_words
from pantau.process.claims.names_in_text import Mentions, name_runs, resolve
from pantau.process.claims.races import CandidateMatch, Person
from pantau.process.claims.text import split_sentences

_TWO_WORDS = frozenset({"first_last", "first_two"})
_COMMON_WORD = 12  # a name word more people than this carry never pairs by itself
_PAIR_WORDS = 2  # words of each side next to the dash that are tried
_PAIR_INDEX: dict[int, tuple[object, dict[tuple[str, str], str]]] = {}
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


def _pair_index(facts: FactBase) -> dict[tuple[str, str], str]:
    """(a word of a head's name or nickname, a word of the deputy's) -> the race code, kept only where the two words
    go together in one pair nationally and neither is a common name word; built once per fact base."""
    cached = _PAIR_INDEX.get(id(facts))  # by the fact base object: its race_table property stats a path per call
    if cached is not None and cached[0] is facts:
        return cached[1]
    table = facts.race_table

    def name_words(person: Person) -> set[str]:
        names = (person.name, *person.nicknames)
        return {w for n in names for w in key_words(n) if len(w) >= 3}

    people: Counter[str] = Counter()
    sides: list[tuple[str, set[str], set[str]]] = []
    for race in table.by_code.values():
        for pair in race.pairs:
            head, deputy = name_words(pair.head), name_words(pair.deputy)
            sides.append((race.code, head, deputy))
            people.update(head)
            people.update(deputy)
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, head, deputy in sides:
        for key in itertools.product(head, deputy):
            if people[key[0]] <= _COMMON_WORD and people[key[1]] <= _COMMON_WORD:
                found[key].add(code)
    index = {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1}
    _PAIR_INDEX[id(facts)] = (facts, index)
    return index


def pair_race_codes(text: str, facts: FactBase, blockers: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """(race code, word position) of every pair named by short names joined with a dash ("Luthfi-Yasin"), in text
    order. Only the dashes of the text are visited (str.find), and only where a capitalised word follows: a dash in
    "masing-masing" or a dateline costs a character test."""
    hits: list[tuple[int, str]] = []
    index = _pair_index(facts)  # built on the first call (about 10 ms), like the gazetteer
    for dash in ("-", "–", "—"):
        i = text.find(dash)
        while i != -1:
            right_words = text[i + 1 : i + 40].split()[:_PAIR_WORDS]
            if right_words and right_words[0][:1].isupper() and text[max(0, i - 2) : i].strip()[-1:].isalpha():
                left_words = text[max(0, i - 40) : i].split()
                right = _capitalised(right_words)
                left = _capitalised(left_words[::-1][:_PAIR_WORDS])[::-1]
                before = left_words[-len(left) - 1].lower() if len(left_words) > len(left) else ""
                blocked = before.strip(".,") in blockers or any(w.lower() in blockers for w in left)
                if left and right and not blocked:  # not "Jalan Luthfi-Yasin"
                    code = _pair_code(left, right, index)
                    if code is not None:
                        hits.append((i, code))
            i = text.find(dash, i + 1)
    out: list[tuple[str, int]] = []
    words, last = 0, 0  # the word position, counted from the previous hit on (once over the text, not per hit)
    for i, code in sorted(hits):
        words += text.count(" ", last, i) + text.count("\n", last, i)
        last = i
        out.append((code, words))
    return out


def _capitalised(words: list[str]) -> tuple[str, ...]:
    """The leading words that are capitalised names, without their punctuation; stops at the first other word or at
    a word that ends a clause ("Jakarta," "Yasin.")."""
    out: list[str] = []
    for word in words:
        bare = word.strip("\"'“”‘’()[],.;:!?")
        if not bare[:1].isupper():
            break
        out.append(bare)
        if word[-1:] in ",.;:!?)":
            break
    return tuple(out)


def _pair_code(left: tuple[str, ...], right: tuple[str, ...], index: dict[tuple[str, str], str]) -> str | None:
    heads = [w for word in left for w in key_words(word)]
    deputies = [w for word in right for w in key_words(word)]
    codes = {code for key in itertools.product(heads, deputies) if (code := index.get(key)) is not None}
    return next(iter(codes)) if len(codes) == 1 else None
