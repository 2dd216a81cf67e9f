"""Known debunked claims: an article's sentences matched against the debunked-claims index.

The stage does no IO. The flow hands it a `ClaimLookup` (one method: candidate entries for a batch of sentences);
in production that is the store-backed lookup of `pantau.store.claims_index` (BM25 over the `claim` field with the
Indonesian analyzer, one `_msearch` per article), without an engine the in-memory `StaticClaimLookup` over the
static `known_hoaxes` of the fact base. Every candidate is then scored here, in the stage:

- **near-verbatim**: word-shingle containment of the claim in the sentence, or a MinHash (datasketch) estimate of the
  Jaccard similarity of their shingle sets, at or above the thresholds of `pantau/data/known_claims.json`: high
  confidence;
- **paraphrase** (found by BM25 only): most of the claim's content words (and every number it holds) in the sentence:
  lower confidence, so it stays "perlu dicek" instead of paging anyone.

A match is flagged `known_hoax` (the debunk link as source) only when the sentence asserts the claim: an article that is
itself a debunk, and a sentence that calls the claim false, questions it or makes it conditional, are never flagged
(`stance`: one small function, so a fuller classifier can replace it).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

from datasketch import MinHash

from pantau.process.claims.facts import DATA_DIR, FactBase
from pantau.process.claims.rules import Rules, load_rules
from pantau.process.claims.stance import (
    ASSERTED,
    CONDITIONAL,
    DENIED,
    Stance,
    article_is_debunk,
    confidence_of,
    denies_anywhere,
    sentence_stance,
)
from pantau.process.claims.text import split_sentences
from pantau.process.debunks import looks_like_debunk
from pantau.records import Flag, KnownClaim
from pantau.text.tokens import tokenize

MATCHING_PATH = DATA_DIR / "known_claims.json"
RULE = "known_hoax"
SCHEME = "affine32"  # datasketch >= 2.0 hashing scheme, as in pantau.process.stories
_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Candidate:
    """An index entry proposed for a sentence, with the lookup's own score (BM25, or shared words in memory)."""

    claim: KnownClaim
    score: float


class ClaimLookup(Protocol):
    """Candidate entries for each sentence of one article (same order, one list per sentence)."""

    def candidates(self, sentences: Sequence[str]) -> list[list[Candidate]]: ...


@dataclass(frozen=True, eq=False)
class Matching:
    """The thresholds and word lists of `pantau/data/known_claims.json`."""

    raw: dict[str, Any]
    stopwords: frozenset[str]
    shingle_words: int
    num_perm: int

    def get(self, section: str, key: str) -> Any:
        return self.raw[section][key]


@cache
def load_matching(path: str = str(MATCHING_PATH)) -> Matching:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    return Matching(raw, frozenset(raw["stopwords"]), int(raw["shingle_words"]), int(raw["num_perm"]))


@cache
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)


def content_terms(text: str, matching: Matching | None = None) -> list[str]:
    """Lower-cased words without stop words, each reduced by `light_stem` ("suaranya" -> "suara", "mengumumkan" and
    "umumkan" -> "umum")."""
    m = matching or load_matching()
    out = []
    for word in tokenize(text):
        if word not in m.stopwords:
            out.append(light_stem(word, m))
    return out


def light_stem(word: str, matching: Matching | None = None) -> str:
    """The word without the clitic -nya, then one prefix (me-, meng-, di-, ber- ...) and one suffix (-kan, -i) of
    known_claims.json "affixes", each dropped only while `min_stem` letters remain. Digits are left alone."""
    affixes = (matching or load_matching()).raw["affixes"]
    if _DIGITS.search(word):
        return word
    least = int(affixes["min_stem"])
    for clitic in affixes["clitics"]:
        if word.endswith(clitic) and len(word) - len(clitic) >= least + 1:
            word = word[: -len(clitic)]
            break
    for prefix in affixes["prefixes"]:  # the longest that heads the word, or none ("menang" keeps its "me")
        if word.startswith(prefix):
            word = word[len(prefix) :] if len(word) - len(prefix) >= least else word
            break
    for suffix in affixes["suffixes"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            word = word[: -len(suffix)]
            break
    return word


def shingles(words: Sequence[str], k: int) -> set[str]:
    """The k-word shingles of `words` (the whole text as one shingle when it is shorter)."""
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def minhash_jaccard(a: Set[str], b: Set[str], num_perm: int) -> float:
    """MinHash estimate of the Jaccard similarity of two shingle sets (datasketch, fixed seed)."""
    if not a or not b:
        return 0.0
    return float(_minhash(frozenset(a), num_perm).jaccard(_minhash(frozenset(b), num_perm)))


@lru_cache(maxsize=4096)
def _minhash(shingle_set: frozenset[str], num_perm: int) -> MinHash:
    """The MinHash of a shingle set, cached: an index entry and a sentence meet several candidates. Never mutated."""
    found = MinHash(num_perm=num_perm, permutations=_template(num_perm).permutations, scheme=SCHEME)
    found.update_batch([s.encode("utf-8") for s in shingle_set])
    return found


@dataclass(frozen=True)
class ClaimMatch:
    claim: KnownClaim
    kind: str  # near_verbatim | paraphrase
    containment: float
    jaccard: float
    terms: float
    confidence: float
    severity: str


SENTENCE_PARTS_CACHE = 256  # an article's sentences, each scored against its candidates back to back


@lru_cache(maxsize=20_000)
def _claim_parts(claim: str, matching: Matching) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """The terms, term set and shingles of an indexed claim (a few thousand at most: kept)."""
    return _parts(claim, matching)


@lru_cache(maxsize=SENTENCE_PARTS_CACHE)
def _sentence_parts(sentence: str, matching: Matching) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """The same parts of an article's sentence, for the few candidates it meets in a row (every sentence of every
    article passes here: a cache as large as the claims' would hold about 145 MB after a thousand articles)."""
    return _parts(sentence, matching)


def _parts(text: str, matching: Matching) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    terms = tuple(content_terms(text, matching))
    return terms, frozenset(terms), frozenset(shingles(terms, matching.shingle_words))


def score(sentence: str, candidate: Candidate, matching: Matching | None = None) -> ClaimMatch | None:
    """How the sentence repeats the candidate claim, or None when it does not (see the module doc)."""
    m = matching or load_matching()
    claim_terms, claim_set, claim_sh = _claim_parts(candidate.claim.claim, m)
    if len(claim_terms) < int(m.raw["claim_min_words"]):
        return None
    _sentence_terms, sentence_set, sentence_sh = _sentence_parts(sentence, m)  # the same parts, for the sentence
    shared = claim_set & sentence_set
    terms = len(shared) / len(claim_set)
    if terms < 0.5:
        return None
    containment = len(claim_sh & sentence_sh) / len(claim_sh) if claim_sh else 0.0
    near = m.raw["near_verbatim"]
    # the MinHash estimate decides only where containment does not (a claim quoted with words added or left out)
    jaccard = minhash_jaccard(claim_sh, sentence_sh, m.num_perm) if containment < near["containment_min"] else 0.0
    if containment >= near["containment_min"] or jaccard >= near["jaccard_min"]:
        strength = max(containment, jaccard)
        low, high = near["confidence_min"], near["confidence_max"]
        confidence = low + (high - low) * min(1.0, strength)
        return ClaimMatch(candidate.claim, "near_verbatim", containment, jaccard, terms, confidence, near["severity"])
    para = m.raw["bm25"]
    numbers = {t for t in claim_set if _DIGITS.search(t)}
    if terms >= para["term_containment_min"] and len(shared) >= para["shared_terms_min"] and numbers <= sentence_set:
        span = (terms - para["term_containment_min"]) / max(1e-9, 1.0 - para["term_containment_min"])
        low, high = para["confidence_min"], para["confidence_max"]
        confidence = low + (high - low) * min(1.0, span)
        return ClaimMatch(candidate.claim, "paraphrase", containment, jaccard, terms, confidence, para["severity"])
    return None


def negation_of(sentence: str, claim: str, rules: Rules | None = None, matching: Matching | None = None) -> str:
    """The negation cue by which the sentence denies the claim it repeats, or "": a cue of claim_rules.json
    `negation_cues` (the list the rumour rules use) that is not part of the claim itself and leads one of the claim's
    content words, with at most two of known_claims.json `negation_bridge_words` between. "KPU menegaskan Pilkada
    tetap digelar 27 November, bukan ditunda ke Januari" and "Pilkada tidak akan ditunda ke Januari" deny a claim
    "Pilkada ditunda ke Januari"; "tetap digelar" alone leads no word of it."""
    r, m = rules or load_rules(), matching or load_matching()
    cues = r.lists["negation_cues"]
    claim_low = claim.lower()
    own = {found.group(0) for found in cues.finditer(claim_low)}
    claim_words = {w for w in tokenize(claim_low) if w not in m.stopwords}
    bridge = frozenset(m.raw["negation_bridge_words"])
    low = sentence.lower()
    for found in cues.finditer(low):
        if found.group(0) in own:
            continue
        for n, word in enumerate(_WORD.finditer(low, found.end())):
            if word.group(0) in claim_words:
                return found.group(0)
            if n >= 2 or word.group(0) not in bridge:
                break
    return ""


def stance(sentence: str, claim: str, rules: Rules | None = None) -> Stance:
    """How the sentence holds the claim it repeats: `pantau.process.claims.stance.sentence_stance`, with two
    refinements for a quoted claim. A cue that belongs to the claim itself is no stance (a claim "Pilkada tidak jadi
    digelar", a claim that speaks of a "narasi", repeated); a conditional cue after the claim's first word ("...,
    sehingga warga diminta menunggu") does not make the claim hypothetical. This is the one place the known-claims
    stage decides; a fuller classifier can replace it. A sentence that negates the claim (`negation_of`) denies it."""
    r = rules or load_rules()
    negation = negation_of(sentence, claim, r)
    if negation:
        return Stance(DENIED, negation)
    claim_low = claim.lower()
    words = set(tokenize(claim_low))
    low = sentence.lower()
    first = min((m.start() for m in re.finditer(r"[^\W_]+", low) if m.group(0) in words), default=len(low))
    text = sentence
    for _ in range(6):
        found = sentence_stance(text, r)
        if found.kind == ASSERTED or not found.cue or found.cue == "?":
            return found
        at = text.lower().find(found.cue)
        own = found.cue in claim_low or (found.kind == CONDITIONAL and at > first)
        if not own or at < 0:
            return found
        text = text[:at] + " " * len(found.cue) + text[at + len(found.cue) :]  # judge the sentence without it
    return sentence_stance(text, r)


def debunking_article(title: str, body: str, rules: Rules | None = None, sentences: Sequence[str] = ()) -> bool:
    """The article debunks or clarifies: a fact-check title or verdict cues through the body (`article_is_debunk`),
    or a sentence that calls something false while the claim is repeated elsewhere (a refuted rumour). Never
    flagged."""
    r = rules or load_rules()
    if looks_like_debunk(title) or article_is_debunk(title, body, r):
        return True
    return RULE in r.raw.get("refutable_rules", [RULE]) and denies_anywhere(list(sentences), r)


class StaticClaimLookup:
    """An in-memory `ClaimLookup` over a list of entries: the static known_hoaxes without an engine, and the entries
    a batch's own debunk articles just produced. Candidates share at least half of an entry's content words."""

    def __init__(self, claims: Iterable[KnownClaim], matching: Matching | None = None) -> None:
        self.matching = matching or load_matching()
        self.claims = list(claims)
        self._need: list[int] = []  # content words an entry must share with a sentence: half of its own, at least 2
        self._by_term: dict[str, list[int]] = defaultdict(list)
        for i, claim in enumerate(self.claims):
            terms = set(content_terms(claim.claim, self.matching))
            self._need.append(max(2, math.ceil(len(terms) / 2)))
            for term in terms:
                self._by_term[term].append(i)

    def candidates(self, sentences: Sequence[str]) -> list[list[Candidate]]:
        per_sentence = int(self.matching.get("lookup", "per_sentence"))
        need, by_term = self._need, self._by_term
        out: list[list[Candidate]] = []
        for sentence in sentences:
            counts: Counter[int] = Counter()
            for term in _sentence_parts(sentence, self.matching)[1]:
                ids = by_term.get(term)
                if ids:
                    counts.update(ids)
            hits = [(n, i) for i, n in counts.items() if n >= need[i]]
            hits.sort(key=lambda x: (-x[0], x[1]))
            out.append([Candidate(self.claims[i], float(n)) for n, i in hits[:per_sentence]])
        return out


class ChainLookup:
    """Several lookups as one: the index in the engine plus the entries of the batch being processed."""

    def __init__(self, *lookups: ClaimLookup) -> None:
        self.lookups = lookups

    def candidates(self, sentences: Sequence[str]) -> list[list[Candidate]]:
        merged: list[list[Candidate]] = [[] for _ in sentences]
        for lookup in self.lookups:
            for slot, found in zip(merged, lookup.candidates(sentences), strict=True):
                ids = {c.claim.id for c in slot}
                slot.extend(c for c in found if c.claim.id not in ids)
        return merged


def claims_from_facts(facts: FactBase) -> list[KnownClaim]:
    """The static `known_hoaxes` of the fact base as index entries (ids `facts-<id>`, so seeding is idempotent)."""
    return [
        KnownClaim(
            id=f"facts-{hoax.id}",
            claim=hoax.claim,
            verdict="hoaks",
            debunk_url=hoax.source,
            fact=hoax.text,
            date=hoax.valid_from.isoformat() if hoax.valid_from else None,
            origin="facts",
            outlet=None,
            title=None,
        )
        for hoax in facts.hoaxes
    ]


def claim_sentences(title: str, body: str, rules: Rules | None = None, matching: Matching | None = None) -> list[str]:
    """The sentences worth looking up: the title and the body's sentences of a plausible length, bounded in number."""
    r, m = rules or load_rules(), matching or load_matching()
    max_chars = int(r.raw["sentence_max_chars"])
    min_words = int(m.get("lookup", "min_sentence_words"))
    found = ([title] if title else []) + split_sentences(body, r)
    keep = [s for s in found if len(s) <= max_chars and len(tokenize(s)) >= min_words]
    return keep[: int(m.get("lookup", "max_sentences"))]


def match_known_claims(
    title: str,
    body: str,
    lookup: ClaimLookup,
    *,
    existing: Sequence[Flag] = (),
    rules: Rules | None = None,
    matching: Matching | None = None,
) -> list[Flag]:
    """`known_hoax` flags for sentences that assert an indexed debunked claim (one per claim, the strongest)."""
    r, m = rules or load_rules(), matching or load_matching()
    if looks_like_debunk(title) or article_is_debunk(title, body, r):
        return []
    sentences = claim_sentences(title, body, r, m)
    if not sentences or debunking_article(title, body, r, ([title] if title else []) + split_sentences(body, r)):
        return []
    min_confidence = float(r.raw.get("min_flag_confidence", 0.5))
    taken = {f.evidence for f in existing if f.rule == RULE} | {f.source for f in existing if f.rule == RULE}
    best: dict[str, tuple[ClaimMatch, str, Stance]] = {}
    for sentence, candidates in zip(sentences, lookup.candidates(sentences), strict=True):
        for candidate in candidates:
            found = score(sentence, candidate, m)
            if found is None:
                continue
            how = stance(sentence, candidate.claim.claim, r)
            confidence = found.confidence * confidence_of(how, r)
            if confidence < min_confidence:
                continue  # denied, asked, conditional, or too weakly held to raise
            current = best.get(found.claim.id)
            if current is None or confidence > current[0].confidence:
                best[found.claim.id] = (_with_confidence(found, confidence), sentence, how)
    flags = []
    for found, sentence, how in sorted(best.values(), key=lambda x: -x[0].confidence):
        claim = found.claim
        if sentence in taken or claim.debunk_url in taken:
            continue  # one flag per sentence and per debunk (a debunk yields several variants of its claim)
        taken |= {sentence, claim.debunk_url}
        flags.append(
            Flag(
                rule=RULE,
                severity=found.severity,
                evidence=sentence,
                fact=_fact(claim),
                source=claim.debunk_url,
                confidence=round(found.confidence, 3),
                reason=_reason(found, how),
            )
        )
    return flags


def _with_confidence(found: ClaimMatch, confidence: float) -> ClaimMatch:
    return ClaimMatch(
        found.claim, found.kind, found.containment, found.jaccard, found.terms, confidence, found.severity
    )


def _fact(claim: KnownClaim) -> str:
    by = f" ({claim.verdict} menurut {claim.outlet})" if claim.outlet else f" ({claim.verdict})"
    fact = claim.fact or "Klaim ini sudah dibantah."
    return f"{fact} Klaim yang sudah dibantah{by}: {claim.claim}"


def _reason(found: ClaimMatch, how: Stance) -> str:
    if found.kind == "near_verbatim":
        how_near = f"shingle containment {found.containment:.2f}"
        if found.jaccard:
            how_near += f", MinHash Jaccard {found.jaccard:.2f}"
        what = f"near-verbatim repetition of debunked claim {found.claim.id} ({how_near})"
    else:
        what = (
            f"paraphrase of debunked claim {found.claim.id} found by BM25 ({found.terms:.0%} of its content words); "
            "needs checking"
        )
    return f"{what}; {how.describe()}"


__all__ = [
    "MATCHING_PATH",
    "Candidate",
    "ChainLookup",
    "ClaimLookup",
    "ClaimMatch",
    "Matching",
    "StaticClaimLookup",
    "claim_sentences",
    "claims_from_facts",
    "content_terms",
    "debunking_article",
    "light_stem",
    "load_matching",
    "match_known_claims",
    "minhash_jaccard",
    "negation_of",
    "score",
    "stance",
]
