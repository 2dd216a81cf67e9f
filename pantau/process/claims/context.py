"""The per-article state shared by the claim checks: facts, rules, the article date, cached list hits, flags."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from pantau.process.claims.facts import FactBase
from pantau.process.claims.names_in_text import Mentions, PairMention
from pantau.process.claims.rules import Rules
from pantau.process.claims.stance import (
    ASSERTED,
    ATTRIBUTED,
    CIRCULATING,
    Stance,
    confidence_of,
    sentence_stance,
)
from pantau.records import Flag

SENTENCE_SEP = " \x00 "  # between the sentences of Ctx.doc_text


@dataclass
class Ctx:
    facts: FactBase
    rules: Rules
    ref: date | None
    title_low: str
    title_pilkada: bool
    debunk_article: bool
    article_denies: bool = False
    quoted_claim: bool = False  # the whole text is a circulated claim in quotation marks (stance.is_quoted_claim)
    total_valid: int | None = None  # the race's valid-vote total when the article states it
    mentions: Mentions | None = None  # the races the article's names resolved to, so far
    pairs_seen: list[tuple[int, PairMention]] = field(default_factory=list)  # (sentence index, pair)
    flags: list[Flag] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)
    doc_text: str = ""
    starts: list[int] = field(default_factory=list)
    i: int = 0
    event_dates: frozenset[date] | None = None  # the days the article ties to an election event (date_checks)
    original: dict[str, str] = field(default_factory=dict)  # a sentence whose case was restored -> as written
    numbers: frozenset[int] | None = None  # the big numbers the text writes (result_checks.stated_numbers)
    # misprinted-count flags with their race and ballot number, settled once the text is read (settle_vote_counts)
    vote_counts: list[tuple[Flag, str, int]] = field(default_factory=list)
    _hits: dict[str, set[int]] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        """Whether the current sentence matches list `name` (one pass over the whole text per list, cached)."""
        hits = self._hits.get(name)
        if hits is None:
            hits = {bisect_right(self.starts, m.start()) - 1 for m in self.rules.lists[name].finditer(self.doc_text)}
            self._hits[name] = hits
        return self.i in hits

    def near(self, name: str, back: int) -> bool:
        """Whether the current sentence or one of the `back` sentences before it matches list `name` ("Menurut
        real count ... X memimpin. X meraih 32.973 suara.": the count's source is named once for what follows)."""
        self.has(name)
        hits = self._hits[name]
        return any(self.i - k in hits for k in range(back + 1))

    def add(
        self,
        rule: str,
        severity: str,
        evidence: str,
        fact: str,
        source: str,
        *,
        kind: str = "",
        why: str = "",
        stance_of: str = "",
    ) -> None:
        """Raise a flag unless the text does not assert the statement: the rule's confidence (`kind`, default the
        rule, in claim_rules.json "confidence") times what the sentence's stance leaves of it; flags under
        "min_flag_confidence" are dropped. A fact-check article quotes claims to refute them: only the rules in
        "debunk_article_rules" (its own statements of fact, e.g. ballot numbers) apply to it. `stance_of`: the text
        whose stance counts, when it is not the evidence as written (the claim's own words masked, e.g. "hoaks" in
        "real count hoaks", which is the statement, not a denial of it)."""
        evidence = self.original.get(evidence, evidence)  # the flag quotes the text as written
        key = (rule, evidence)
        if key in self.seen:
            return
        raw = self.rules.raw
        if self.debunk_article and rule not in raw["debunk_article_rules"]:
            return
        if self.article_denies and rule in raw["refutable_rules"]:
            return  # the rumour is reported and refuted in the same text
        found = sentence_stance(stance_of or evidence, self.rules)
        if self.quoted_claim and found == Stance(ATTRIBUTED, "kutipan"):
            found = Stance(CIRCULATING, "klaim dikutip utuh")  # the quotation is the claim, not a speaker's words
        if found.kind == ATTRIBUTED and rule in raw["attribution_exempt_rules"]:
            found = Stance(ASSERTED, "")  # "KPU chair X said ...": the title is the outlet's word, not the speaker's
        confidence = round(raw["confidence"][kind or rule] * confidence_of(found, self.rules), 2)
        if confidence < raw["min_flag_confidence"]:
            return
        self.seen.add(key)
        reason = "; ".join(part for part in (why, found.describe()) if part)
        self.flags.append(
            Flag(
                rule=rule,
                severity=severity,
                evidence=evidence,
                fact=fact,
                source=source,
                confidence=confidence,
                reason=reason,
            )
        )


def mentions_of(ctx: Ctx) -> Mentions:
    """The article's memory of the races named so far, made on first use."""
    if ctx.mentions is None:
        ctx.mentions = Mentions(ctx.facts)
    return ctx.mentions


def pilkada_context(ctx: Ctx) -> bool:
    if ctx.has("other_pilkada_year"):
        return False
    if ctx.has("pilkada_terms"):
        return True
    return ctx.title_pilkada and not ctx.has("other_election_terms")
