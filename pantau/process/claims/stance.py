"""How a text holds a statement: asserted as fact, attributed to someone, denied or debunked, asked, conditional.

A claim check finds a statement that contradicts the fact base; the stance decides whether the text *says* it. Only
an asserted statement is a report the KPU must answer; a statement the text attributes to someone ("kata X",
"menurut Y") is reported speech; a sentence that calls it false (hoaks, tidak benar, keliru) or an article that is a
fact-check of it debunks it; a question or a condition asserts nothing. `sentence_stance` returns the stance of one
sentence with the cue that decided it; `article_is_debunk` says whether a whole article is a fact-check or a
clarification. The cues live in `claim_rules.json` under "stance" (word lists, matched on word boundaries), the
confidence each stance keeps under "stance_confidence".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pantau.process.claims.rules import Rules, compile_words

ASSERTED = "asserted"
CIRCULATING = "circulating"  # a claim reported as going round, not refuted in the sentence
ATTRIBUTED = "attributed"
DENIED = "denied"
QUESTION = "question"
CONDITIONAL = "conditional"
STANCES = (ASSERTED, CIRCULATING, ATTRIBUTED, DENIED, QUESTION, CONDITIONAL)
_ORDER = (DENIED, QUESTION, CONDITIONAL, ATTRIBUTED, CIRCULATING)  # the first that matches wins
_QUOTE_OPEN = '"“”„«'


@dataclass(frozen=True)
class Stance:
    kind: str
    cue: str = ""

    @property
    def asserts(self) -> bool:
        return self.kind in (ASSERTED, CIRCULATING)

    def describe(self) -> str:
        if self.kind == ASSERTED:
            return "ditulis sebagai fakta"
        labels = {
            CIRCULATING: "klaim beredar yang tidak dibantah",
            ATTRIBUTED: "dikutip dari pihak lain",
            DENIED: "dibantah",
            QUESTION: "berupa pertanyaan",
            CONDITIONAL: "bersyarat/pengandaian",
        }
        return f"{labels[self.kind]} ({self.cue!r})" if self.cue else labels[self.kind]


@dataclass(frozen=True)
class _Cues:
    lists: dict[str, re.Pattern[str]]
    official: re.Pattern[str]
    title_markers: re.Pattern[str]
    debunk_body: re.Pattern[str]
    debunk_min_body_hits: int
    confidence: dict[str, float]


_COMPILED: dict[int, tuple[Rules, _Cues]] = {}


def _cues(rules: Rules) -> _Cues:
    cached = _COMPILED.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    raw: dict[str, Any] = rules.raw["stance"]
    cues = _Cues(
        lists={kind: compile_words(raw[kind]) for kind in _ORDER},
        official=compile_words(raw["official_attribution"]),
        title_markers=compile_words(raw["debunk_title_markers"]),
        debunk_body=compile_words(raw["debunk_body_cues"]),
        debunk_min_body_hits=int(raw["debunk_min_body_hits"]),
        confidence={k: float(v) for k, v in rules.raw["stance_confidence"].items() if not k.startswith("_")},
    )
    _COMPILED[id(rules)] = (rules, cues)
    return cues


def sentence_stance(sentence: str, rules: Rules) -> Stance:
    """The stance of one sentence towards what it states (the first matching cue, strongest kind first)."""
    low = sentence.lower()
    cues = _cues(rules)
    if sentence.rstrip().endswith("?"):
        return Stance(QUESTION, "?")
    for kind in _ORDER:
        m = cues.lists[kind].search(low)
        if m:
            if kind == ATTRIBUTED and cues.official.search(low) and not cues.lists[kind].search(low, m.end()):
                # "Menurut KPU, ..." / "berdasarkan data KPU": the outlet passes on the official word as fact.
                return Stance(ASSERTED, "sumber resmi")
            return Stance(kind, m.group(0))
    if _quoted_speech(sentence):
        return Stance(ATTRIBUTED, "kutipan")
    return Stance(ASSERTED)


def _quoted_speech(sentence: str) -> bool:
    """A sentence that opens inside quotation marks is someone's words, not the outlet's."""
    stripped = sentence.lstrip()
    return bool(stripped) and stripped[0] in _QUOTE_OPEN


def denies_anywhere(sentences: list[str], rules: Rules) -> bool:
    """Whether some sentence of the text calls something false: rumour rules take the article as a refutation."""
    return any(sentence_stance(s, rules).kind == DENIED for s in sentences)


def confidence_of(stance: Stance, rules: Rules) -> float:
    """How much of a rule's confidence survives the stance (0 for denied, questions and conditions)."""
    return _cues(rules).confidence[stance.kind]


def article_is_debunk(title: str, body: str, rules: Rules) -> bool:
    """A fact-check or clarification: a verdict marker in the title ("[HOAKS]", "Cek Fakta", "klarifikasi") or
    verdict cues repeated through the body. Such an article quotes the false claim to refute it."""
    cues = _cues(rules)
    if title and cues.title_markers.search(title.lower()):
        return True
    hits = {m.group(0) for m in cues.debunk_body.finditer(body.lower())}
    return len(hits) >= cues.debunk_min_body_hits
