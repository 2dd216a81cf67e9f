"""How a text holds a statement: asserted as fact, attributed to someone, denied or debunked, asked, conditional.

A claim check finds a statement that contradicts the fact base; the stance decides whether the text *says* it. Only
an asserted statement is a report the KPU must answer; a statement the text attributes to someone ("kata X",
"menurut Y") is reported speech; a sentence that calls it false (hoaks, tidak benar, keliru) or an article that is a
fact-check of it debunks it; a question or a condition asserts nothing. `sentence_stance` returns the stance of one
sentence with the cue that decided it; `article_is_debunk` says whether a whole article is a fact-check or a
clarification. The cues live in `claim_rules.json` under "stance" (word lists, matched on word boundaries), the
confidence each stance keeps under "stance_confidence"; `load_rules` compiles the lists once.
"""

from __future__ import annotations

from dataclasses import dataclass

from pantau.process.claims.rules import Rules

ASSERTED = "asserted"
CIRCULATING = "circulating"  # a claim reported as going round, not refuted in the sentence
ATTRIBUTED = "attributed"
DENIED = "denied"
QUESTION = "question"
CONDITIONAL = "conditional"
_ORDER = (DENIED, QUESTION, CONDITIONAL, ATTRIBUTED, CIRCULATING)  # the first that matches wins
_QUOTE_OPEN = '"“”„«'


@dataclass(frozen=True)
class Stance:
    kind: str
    cue: str = ""

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


def sentence_stance(sentence: str, rules: Rules) -> Stance:
    """The stance of one sentence towards what it states (the first matching cue, strongest kind first)."""
    low = sentence.lower()
    if sentence.rstrip().endswith("?"):
        return Stance(QUESTION, "?")
    for kind in _ORDER:
        cues = rules.lists[f"stance_{kind}"]
        m = cues.search(low)
        if m:
            official = rules.lists["stance_official_attribution"].search(low) if kind == ATTRIBUTED else None
            if official is not None and official.start() <= m.start() and not cues.search(low, m.end()):
                # "Menurut KPU, ..." / "berdasarkan data KPU": the outlet passes on the official word as fact. Not
                # when someone else's word comes first ("Tim X mengklaim KPU menyebut ...": the team's claim).
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
    return float(rules.raw["stance_confidence"][stance.kind])


def is_quoted_claim(body: str, rules: Rules) -> bool:
    """A text that is a circulated claim quoted whole (a post as a fact-checker quotes it): it opens inside quotation
    marks and names no speaker anywhere. Its quoted sentences are the claim itself, not someone's reported words."""
    return _quoted_speech(body) and rules.lists["stance_attributed"].search(body.lower()) is None


def article_is_debunk(title: str, body: str, rules: Rules) -> bool:
    """A fact-check or clarification: a verdict marker in the title ("[HOAKS]", "Cek Fakta", "klarifikasi") or
    verdict cues repeated through the body. Such an article quotes the false claim to refute it."""
    if title and rules.lists["stance_debunk_title_markers"].search(title.lower()):
        return True
    hits = {m.group(0) for m in rules.lists["stance_debunk_body_cues"].finditer(body.lower())}
    return len(hits) >= int(rules.raw["stance"]["debunk_min_body_hits"])
