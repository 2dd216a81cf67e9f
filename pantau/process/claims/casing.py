"""The case of a post written all in lower case, all in capitals or as a title-case headline, restored for the checks.

Chain messages ("info a1 pilbup sleman diundur", "SEBARKAN!! PILWALKOT MEDAN DIUNDUR") carry no capitals to tell a
name from a word, and the checks find regions and candidates as capitalised runs; a title-case headline ("Rudy
Mas'ud-Seno Aji Dapat Nomor Urut 1") capitalises every word, so a name runs into the verb. Such a sentence is
rewritten: a word that is part of a region's name, a gazetteer alias or a candidate's name in the fact base, or an
election name ("pilgub", "pilwalkot"), is capitalised; an acronym of the election bodies ("kpu", "psu") is upper
case; every other word is lower case; the first word is capitalised. Sentences with mixed case are left as written.
The word lists are `casing_title_words` and `casing_upper_words` in `claim_rules.json`; `casing_common_words` are
words of some name that are more often a plain word ("harapan", "lima") and stay lower case, as do the function
words of `language_markers.json` ("base", "en").
"""

from __future__ import annotations

import re

from pantau.process.claims.facts import FactBase
from pantau.process.claims.rules import Rules
from pantau.resources import load_json

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ACRONYM = re.compile(r"(?<![^\W\d_])[A-Z]{2,6}(?![^\W\d_])")
_CACHE: dict[int, tuple[FactBase, frozenset[str]]] = {}


def name_words(facts: FactBase, rules: Rules) -> frozenset[str]:
    """The lower-case words of every region name, alias and candidate name of the fact base (built once per base)."""
    cached = _CACHE.get(id(facts))
    if cached is not None and cached[0] is facts:
        return cached[1]
    words: set[str] = set()

    def add(text: str) -> None:
        words.update(w.lower() for w in _WORD.findall(text) if len(w) > 1)

    for code, race in facts.races.items():
        add(race.region)
        for alias in facts.region_aliases().get(code, ()):
            add(alias)
        for pair in race.pairs:
            for person in (pair.head, pair.deputy):
                add(person.name)
                for nick in person.nicknames:
                    add(nick)
    for official in (*facts.members, *facts.others):  # KPU RI officials and the other officials of the base
        for name in (official.name, *official.aliases):
            add(name)
    for party in facts.party_table.parties:
        for alias in party.aliases:
            if not alias.isupper():  # acronyms ("PKS") are upper case (`upper_words`)
                add(alias)
    words.update(w.lower() for w in rules.raw["casing_title_words"])
    words.update(w for w in (*rules.weekdays, *rules.months) if w.isalpha())  # "Rabu", "Desember" are capitalised
    markers = load_json("language_markers.json")
    words.difference_update(w.lower() for w in [*rules.raw["casing_common_words"], *markers["base"], *markers["en"]])
    out = frozenset(words)
    _CACHE[id(facts)] = (facts, out)
    return out


def single_case(sentence: str) -> bool:
    """Whether a sentence carries no case information: only lower-case or only upper-case letters, or a headline in
    title case (every word of four letters or more capitalised, at least four of them)."""
    if " " not in sentence.strip():
        return False
    if sentence.islower() or sentence.isupper():  # every cased letter in one case (str methods, C speed)
        return sum(c.isalpha() for c in sentence) >= 4
    # a post in lower case but for its acronyms ("KPU mengumumkan pilkada jakarta ..."): no name is capitalised
    rest = _ACRONYM.sub("", sentence)
    if rest.islower() and sum(c.isalpha() for c in rest) >= 12:
        return True
    long_words = 0
    for m in _WORD.finditer(sentence):  # lazily: running text stops at its first long word in lower case
        word = m.group(0)
        if len(word) >= 4:
            if not word[0].isupper():
                return False
            long_words += 1
    return long_words >= 4


def upper_words(facts: FactBase, rules: Rules) -> frozenset[str]:
    """Acronyms written in capitals: the election bodies' (`casing_upper_words`) and the parties' ("PKS", "PDIP")."""
    words = {w.lower() for w in rules.raw["casing_upper_words"]}
    words.update(a.lower() for p in facts.party_table.parties for a in p.aliases if a.isupper() and " " not in a)
    return frozenset(words)


def restore_case(sentence: str, facts: FactBase, rules: Rules) -> str | None:
    """The sentence with names capitalised and other words in lower case; None when it is mixed case already."""
    if not single_case(sentence):
        return None
    names = name_words(facts, rules)
    upper = upper_words(facts, rules)
    first = True
    keep_caps = not sentence.isupper()  # lower case but for its acronyms: those are written as meant ("GMNI", "RIDO")

    def fix(m: re.Match[str]) -> str:
        nonlocal first
        word = m.group(0)
        low = word.lower()
        if keep_caps and len(word) > 1 and word.isupper():
            out = word
        elif low in upper:
            out = low.upper()
        elif low in names or first:
            out = low[:1].upper() + low[1:]
        else:
            out = low
        first = False
        return out

    return _WORD.sub(fix, sentence)
