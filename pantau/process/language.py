"""Language of an article body: langdetect (seeded, deterministic) plus a cheap second opinion for Malay-family text.

langdetect has no Malay, Javanese or Sundanese profile and calls Malay "id" with 0.99+ confidence. When its answer
is id/ms/tl (or it is unsure) a second opinion decides:

- id vs ms: lexical markers, and unless they are decisive (DECISIVE_MARKERS) lingua-language-detector restricted to
  Indonesian, Malay, English and Tagalog (built once, models preloaded) on the first ~1,000 characters; the two are
  combined in log-odds. Markers (pantau/data/language_markers.json:
  kerana/karena, bahawa/bahwa, wang/uang, pengundi/pemilih, -iti/-itas ...). Topical acronyms (KPU, SPR) never count,
  so a Malaysian report on Indonesia's Pilkada is still Malay.
- jv / su: per sentence marker scores; a sentence (at least MIN_SEGMENT_TOKENS words) whose Javanese or Sundanese
  score is high and beats its Indonesian/Malay function words counts for that language. Their share of all words
  makes the language primary (share >= 0.5) or lists it in `mixed`. A text written in short, marker-poor sentences
  (reviews, posts, headlines) counts as a whole (_text_regional): markers summed over all sentences against the
  function words; then the sentences the language leads (any length) make its share. Codes are ISO 639-1 jv / su.

Too little text gives code "und": no text -> reason "empty"; no letters -> "no_letters"; fewer than MIN_LETTERS
letters or (for space-separated scripts) fewer than MIN_WORDS words -> "too_short". Long texts are sampled for
langdetect (first SAMPLE_HEAD characters plus a SAMPLE_MID slice from the middle): its cost is linear in length, and
benchmarks/bench_language.py shows the labels on the test corpus are unchanged.

`LanguageResult.scores` holds, per language, the detector probability for the text as a whole or the share of words
in sentences of that language (for languages found in parts), whichever is higher; `mixed` lists the other
languages present, largest share first.
"""

from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from pantau.process.clean import clean_text
from pantau.resources import data_path
from pantau.text.tokens import latin_words

MARKERS_FILE = data_path("language_markers.json")

MIN_LETTERS = 20
MIN_WORDS = 4
MIN_LETTERS_UNSPACED = 8  # Chinese, Japanese, Thai: no spaces between words
SAMPLE_HEAD = 600
SAMPLE_MID = 200
# langdetect averages this many random trials (its default is 7); on the sampled text of a news article 5 gives
# the same answer (tests/test_language.py, the quality gate) for about a fifth less time.
LANGDETECT_TRIALS = 5
LINGUA_CHARS = 1000
UNSURE_BELOW = 0.90  # langdetect top probability below this asks for the second opinion
MALAY_FAMILY = frozenset({"id", "ms", "tl", "jv", "su"})
MONITORED = MALAY_FAMILY | {"en"}  # the languages of the outlets Pantau reads
MIN_SEGMENT_TOKENS = 4
REGIONAL_MIN_SCORE = 2.0
ENGLISH_MIN_SCORE = 3.0
PRIMARY_SHARE = 0.5
TEXT_REGIONAL_MIN = 1.5
TEXT_REGIONAL_DENSITY = 0.1
TEXT_REGIONAL_RATIO = 2.0
# Prior log-odds of Malay against Indonesian: Pantau reads Indonesian media, so text with no Malay marker where lingua
# is near 50/50 (short Indonesian headlines, NusaX ind sentences) leans Indonesian; one Malay marker outweighs it.
# -0.25 trades headline-length accuracy (NusaX ind train 0.83 -> 0.95, Malay news 0.93 -> 0.87); articles are unchanged.
MALAY_PRIOR_LOGIT = -0.25
CAPITALS_SHARE = 0.6  # more than this share of a text's letters in capitals: read in lower case
DECISIVE_MARKERS = 4.0  # |Malay - Indonesian marker weight| at which lingua is not asked (p >= 0.997 from markers)

_LANGDETECT_CODES = {"zh-cn": "zh", "zh-tw": "zh"}

_LETTER = re.compile(r"[^\W\d_]")
_NON_LETTER = re.compile(r"[\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f]")
# Letters of the Jawi alphabet (Arabic-script Malay) absent from Arabic, Persian and Urdu: nga, nya, ga, va, pa (peh).
_JAWI = re.compile(r"[\u06a0\u06bd\u0762\u06cf\u06a4\u06ac]")
_SEGMENT_SPLIT = re.compile(r"(?<=[.!?;:])\s+|\n+")
_WORD = re.compile(r"\S+")


@dataclass
class LanguageResult:
    code: str
    confidence: float
    reason: str | None = None
    detector: str = "langdetect"
    scores: dict[str, float] = field(default_factory=dict)
    mixed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "confidence": self.confidence,
            "reason": self.reason,
            "detector": self.detector,
            "scores": dict(self.scores),
            "mixed": list(self.mixed),
        }


def _und(reason: str) -> LanguageResult:
    return LanguageResult(code="und", confidence=0.0, reason=reason, detector="none")


# --- engines, loaded once --------------------------------------------------------------------------------------

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _langdetect_factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0  # instance attribute: deterministic whatever the global DetectorFactory.seed is
    return factory


@lru_cache(maxsize=1)
def _lingua() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = (Language.INDONESIAN, Language.MALAY, Language.ENGLISH, Language.TAGALOG)
    return LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()


_LINGUA_CODES = {"INDONESIAN": "id", "MALAY": "ms", "ENGLISH": "en", "TAGALOG": "tl"}


@dataclass(frozen=True)
class _Markers:
    words: dict[str, tuple[tuple[str, float], ...]]
    bigrams: dict[str, tuple[str, float]]
    suffixes: tuple[tuple[str, str, int, float], ...]


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    data = json.loads(MARKERS_FILE.read_text(encoding="utf-8"))
    words: dict[str, list[tuple[str, float]]] = {}
    for lang in ("ms", "id", "jv", "su", "en", "base"):
        for word, weight in data[lang].items():
            words.setdefault(word.lower(), []).append((lang, float(weight)))
    bigrams: dict[str, tuple[str, float]] = {}
    for lang in ("ms", "id"):
        for phrase, weight in data[f"{lang}_bigrams"].items():
            bigrams[" ".join(phrase.lower().split())] = (lang, float(weight))
    suffixes = tuple(
        (lang, rule["suffix"], int(rule["min_len"]), float(rule["weight"]))
        for lang, rules in data["suffixes"].items()
        for rule in rules
    )
    return _Markers(words={k: tuple(v) for k, v in words.items()}, bigrams=bigrams, suffixes=suffixes)


def warm_up() -> None:
    """Load langdetect profiles, lingua models and markers now (a worker calls this once at start)."""
    with _lock:
        _langdetect_factory()
        _lingua()
        _markers()


# --- evidence ---------------------------------------------------------------------------------------------------


@dataclass
class _Evidence:
    total_tokens: int = 0
    shares: dict[str, float] = field(default_factory=dict)  # jv/su/en share of tokens
    ms: float = 0.0  # Malay marker weight outside jv/su/en sentences
    id: float = 0.0
    totals: dict[str, float] = field(default_factory=dict)  # marker weight per language over the whole text
    leading: dict[str, int] = field(default_factory=dict)  # jv/su: tokens of segments (any length) the language leads


def _tokens(segment: str) -> list[str]:
    # ALL-CAPS tokens are acronyms (NU, SPR, KPU): never evidence.
    return [t.lower() for t in latin_words(segment) if not (len(t) > 1 and t.isupper())]


_TOKEN_CACHE: dict[str, tuple[tuple[str, float], ...]] = {}
_TOKEN_CACHE_MAX = 200_000


def _token_markers(tok: str, markers: _Markers) -> tuple[tuple[str, float], ...]:
    hit = _TOKEN_CACHE.get(tok)
    if hit is not None:
        return hit
    found = markers.words.get(tok, ())
    if not found:
        for lang, suffix, min_len, weight in markers.suffixes:
            if len(tok) >= min_len and tok.endswith(suffix):
                found = ((lang, weight),)
                break
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_MAX:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[tok] = found
    return found


def _segment_scores(tokens: list[str], markers: _Markers) -> dict[str, float]:
    scores: dict[str, float] = {}
    for tok in tokens:
        for lang, weight in _token_markers(tok, markers):
            scores[lang] = scores.get(lang, 0.0) + weight
    bigrams = markers.bigrams
    for first, second in pairwise(tokens):
        bigram = bigrams.get(f"{first} {second}")
        if bigram is not None:
            scores[bigram[0]] = scores.get(bigram[0], 0.0) + bigram[1]
    return scores


def _evidence(text: str) -> _Evidence:
    markers = _markers()
    ev = _Evidence()
    counts: dict[str, int] = {}
    for segment in _SEGMENT_SPLIT.split(text):
        tokens = _tokens(segment)
        if not tokens:
            continue
        ev.total_tokens += len(tokens)
        scores = _segment_scores(tokens, markers)
        for key, value in scores.items():
            ev.totals[key] = ev.totals.get(key, 0.0) + value
        leader = _segment_leader(scores)
        if leader is not None:
            ev.leading[leader] = ev.leading.get(leader, 0) + len(tokens)
        lang = _segment_language(scores, len(tokens))
        if lang is None:
            ev.ms += scores.get("ms", 0.0)
            ev.id += scores.get("id", 0.0)
        else:
            counts[lang] = counts.get(lang, 0) + len(tokens)
    if ev.total_tokens:
        ev.shares = {lang: n / ev.total_tokens for lang, n in counts.items()}
        regional = _text_regional(ev)
        if regional is not None:
            ev.shares[regional] = max(ev.shares.get(regional, 0.0), ev.leading[regional] / ev.total_tokens)
    return ev


def _base_score(scores: dict[str, float]) -> float:
    return scores.get("base", 0.0) + scores.get("id", 0.0) + scores.get("ms", 0.0)


def _segment_leader(scores: dict[str, float]) -> str | None:
    """jv or su when its markers outweigh the Indonesian/Malay function words and the other regional language."""
    jv, su = scores.get("jv", 0.0), scores.get("su", 0.0)
    best, top = ("jv", jv) if jv >= su else ("su", su)
    if top > 0 and top > _base_score(scores) and top > 1.5 * min(jv, su):
        return best
    return None


def _text_regional(ev: _Evidence) -> str | None:
    """A text written in Javanese or Sundanese as a whole: its markers, summed over all sentences (short ones too),
    reach TEXT_REGIONAL_DENSITY per word and outweigh the Indonesian/Malay function words TEXT_REGIONAL_RATIO times.
    Indonesian prose has a function word (yang, dan, di, ini ...) in every few words, so a quoted Javanese line
    inside an Indonesian report never passes; sentence-level shares still list it in `mixed`."""
    totals = ev.totals
    jv, su = totals.get("jv", 0.0), totals.get("su", 0.0)
    best, top = ("jv", jv) if jv >= su else ("su", su)
    if top < TEXT_REGIONAL_MIN or top < TEXT_REGIONAL_DENSITY * ev.total_tokens:
        return None
    if top <= TEXT_REGIONAL_RATIO * _base_score(totals) or top <= 1.5 * min(jv, su):
        return None
    return best if ev.leading.get(best) else None


def _segment_language(scores: dict[str, float], n_tokens: int) -> str | None:
    if n_tokens < MIN_SEGMENT_TOKENS:
        return None
    base = scores.get("base", 0.0) + scores.get("id", 0.0) + scores.get("ms", 0.0)
    jv, su, en = scores.get("jv", 0.0), scores.get("su", 0.0), scores.get("en", 0.0)
    best, top = ("jv", jv) if jv >= su else ("su", su)
    if top >= REGIONAL_MIN_SCORE and top > base and top >= 0.2 * n_tokens and top > 1.5 * min(jv, su):
        return best
    if en >= ENGLISH_MIN_SCORE and en > base + jv + su and en >= 0.25 * n_tokens:
        return "en"
    return None


# --- detection --------------------------------------------------------------------------------------------------


def _decapitalised(text: str) -> str:
    """A text written mostly in capitals (a forwarded post, a shouted headline) in lower case: langdetect's profiles
    are of running text (on capitals it answers German or Somali), and the markers skip ALL-CAPS words as acronyms."""
    sample = text[:2000]
    words = sample.split()
    if not sample.isupper() and 3 * sum(1 for w in words if w.isupper()) < len(words):
        return text  # the common case, decided without counting letters: fewer than a third of the words in capitals
    upper = sum(1 for ch in sample if ch.isupper())
    lower = sum(1 for ch in sample if ch.islower())
    return text.lower() if upper > CAPITALS_SHARE * (upper + lower) else text


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_HEAD + SAMPLE_MID:
        return text
    head = text[:SAMPLE_HEAD]
    mid_start = max(SAMPLE_HEAD, len(text) // 2 - SAMPLE_MID // 2)
    return head + "\n" + text[mid_start : mid_start + SAMPLE_MID]


def _langdetect(sample: str) -> dict[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect_factory().create()
    detector.n_trial = LANGDETECT_TRIALS
    try:
        detector.append(sample)
        found = detector.get_probabilities()
    except LangDetectException:
        return {}
    probs: dict[str, float] = {}
    for item in found:
        code = _LANGDETECT_CODES.get(item.lang, item.lang)
        probs[code] = probs.get(code, 0.0) + float(item.prob)
    return probs


def _lingua_probs(text: str) -> dict[str, float]:
    values = _lingua().compute_language_confidence_values(text[:LINGUA_CHARS])
    return {_LINGUA_CODES[v.language.name]: float(v.value) for v in values}


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _malay_probability(lingua: dict[str, float], ev: _Evidence) -> float:
    """P(ms | Malay-or-Indonesian) from lingua's ratio and the marker balance."""
    ms, id_ = lingua.get("ms", 0.0), lingua.get("id", 0.0)
    z_lingua = _logit(ms / (ms + id_)) if ms + id_ > 0 else 0.0
    z_lingua = max(-4.0, min(4.0, z_lingua))
    diff = max(-6.0, min(6.0, ev.ms - ev.id))
    return 1.0 / (1.0 + math.exp(-(0.8 * z_lingua + 1.5 * diff + MALAY_PRIOR_LOGIT)))


def _length_factor(words: int) -> float:
    """langdetect is overconfident on short text: scale confidence from 0.6 (4 words) to 1.0 (20+ words)."""
    return 0.6 + 0.4 * min(1.0, words / 20)


def detect_language(text: str, *, assume_clean: bool = False) -> LanguageResult:
    """ISO 639-1 code (or "und" with a reason) for `text`; never raises.

    Pass assume_clean=True when `text` is already clean_text output (saves cleaning it again)."""
    try:
        return _detect(text, assume_clean)
    except Exception as exc:  # noqa: BLE001  # a detector bug must not stop the pipeline: report it as a reason
        return _und(f"error:{type(exc).__name__}")


def _detect(text: str, assume_clean: bool) -> LanguageResult:
    if not isinstance(text, str):
        return _und("empty")
    if not assume_clean:
        text = clean_text(text)
    if not text.strip():
        return _und("empty")
    text = _decapitalised(text)
    head = text[: SAMPLE_HEAD + SAMPLE_MID] if len(text) > 4 * (SAMPLE_HEAD + SAMPLE_MID) else text
    letters = len(_NON_LETTER.sub("", head))
    if letters == 0:
        return _und("no_letters")
    unspaced = len(_UNSPACED.findall(head)) if not head.isascii() else 0
    words = len(_WORD.findall(head))
    if unspaced * 2 >= letters:
        if letters < MIN_LETTERS_UNSPACED:
            return _und("too_short")
    elif letters < MIN_LETTERS or words < MIN_WORDS:
        return _und("too_short")

    probs = _langdetect(_sample(text))
    if not probs:
        return _und("no_features")
    factor = _length_factor(words) if unspaced * 2 < letters else _length_factor(letters // 2)

    arabic = len(_ARABIC.findall(head)) if not head.isascii() else 0
    if arabic * 2 >= letters and len(_JAWI.findall(head)) >= 2:
        return LanguageResult(
            code="ms",
            confidence=round(0.7 * factor, 4),
            reason="jawi_script",
            detector="script",
            scores={"ms": 0.7},
        )

    top = max(probs, key=lambda k: probs[k])
    latin = len(_LATIN.findall(head)) if not head.isascii() else letters
    if latin * 2 < letters:  # non-Latin script: langdetect alone
        return _result(top, probs, factor, "langdetect", [])

    ev = _evidence(text)
    regional = {k: v for k, v in ev.shares.items() if k in ("jv", "su")}
    ask = top in MALAY_FAMILY or probs[top] < UNSURE_BELOW or any(v >= PRIMARY_SHARE for v in regional.values())
    scores = dict(probs)
    detector = "langdetect"
    if ask:
        if top in ("id", "ms") and abs(ev.ms - ev.id) >= DECISIVE_MARKERS:
            detector = "langdetect+markers"
            lingua: dict[str, float] = {}
            lingua_top = top
        else:
            detector = "langdetect+lingua+markers"
            lingua = _lingua_probs(text)
            lingua_top = max(lingua, key=lambda k: lingua[k]) if lingua else top
        group = sum(probs.get(k, 0.0) for k in ("id", "ms", "tl"))
        if lingua_top in ("id", "ms") and top not in MONITORED and probs[top] < UNSURE_BELOW:
            # a short post langdetect reads as Slovenian or Somali ("ahok rano maju di pilgub jakarta") while lingua,
            # asked among the languages Pantau monitors, says Indonesian or Malay: the unsure mass is the group's
            group += scores.pop(top)
        if lingua_top in ("id", "ms") or top in ("id", "ms"):
            p_ms = _malay_probability(lingua, ev)
            for k in ("id", "ms", "tl"):
                scores.pop(k, None)
            scores["ms"] = group * p_ms
            scores["id"] = group * (1.0 - p_ms)
        if regional:
            lang = max(regional, key=lambda k: regional[k])
            if regional[lang] >= PRIMARY_SHARE:
                detector = "markers"
                scores = {k: v * (1.0 - regional[lang]) for k, v in scores.items()}
    for lang, share in ev.shares.items():
        scores[lang] = max(scores.get(lang, 0.0), share)
    code = max(scores, key=lambda k: scores[k])
    mixed = [k for k, v in sorted(ev.shares.items(), key=lambda kv: -kv[1]) if k != code and v > 0]
    return _result(code, scores, factor, detector, mixed)


def _result(code: str, scores: dict[str, float], factor: float, detector: str, mixed: list[str]) -> LanguageResult:
    clean_scores = {k: round(v, 4) for k, v in sorted(scores.items(), key=lambda kv: -kv[1]) if v >= 0.001}
    return LanguageResult(
        code=code,
        confidence=round(min(1.0, scores.get(code, 0.0)) * factor, 4),
        reason=None,
        detector=detector,
        scores=clean_scores,
        mixed=mixed,
    )
