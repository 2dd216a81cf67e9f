"""Pilkada relevance: does an article cover the 2024 regional head elections, and how strongly?

`score_pilkada` weighs terms from `data/pilkada_terms.json` (see its `_doc`): Pilkada-specific terms (core),
shared election vocabulary (generic, gated by how much of the specific evidence is Pilkada) and other elections
(negative: Pilpres, Pileg, Pilkades, foreign elections, party congresses, other Pilkada years). The result is a
calibrated probability-like score where 0.5 is the decision boundary.

The module also holds the small token/phrase matcher that `pantau.process.entities` reuses: text is split into word
tokens once, and phrases are looked up by their first token, so matching costs O(tokens) whatever the term count.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar

from pantau.process.gazetteer import bare_name
from pantau.resources import load_json as load_data
from pantau.text.dates import MONTHS
from pantau.text.tokens import WORD, tokenize
from pantau.text.vocabulary import expand

K = TypeVar("K")

_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def as_text(value: object) -> str:
    """Any input as a string: None and non-strings become '' (bytes are decoded leniently)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", errors="replace")
    return ""


_SCAN_RE = re.compile(WORD + r"|[.!?]+(?=[\s\"'”’)]|$)|\n")


def scan(text: str) -> tuple[list[str], list[int]]:
    """Lower-cased word tokens and, for each, the number of the sentence it belongs to (one regex pass)."""
    tokens: list[str] = []
    sent_of: list[int] = []
    sent = 0
    append, mark = tokens.append, sent_of.append
    for item in _SCAN_RE.findall(text.lower()):
        if item[0] in ".!?\n":
            sent += 1
        else:
            append(item)
            mark(sent)
    return tokens, sent_of


class Match(NamedTuple, Generic[K]):
    start: int
    end: int
    key: K


class PhraseMatcher(Generic[K]):
    """Leftmost-longest, non-overlapping matching of token phrases; each phrase maps to a key."""

    def __init__(self, phrases: Iterable[tuple[str, K]]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], K]]] = {}
        for phrase, key in phrases:
            toks = tuple(tokenize(phrase))
            if toks:
                index.setdefault(toks[0], []).append((toks, key))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._index = index

    def find(self, tokens: list[str]) -> list[Match[K]]:
        out: list[Match[K]] = []
        index = self._index
        nxt = 0
        # Only positions whose token starts some phrase are examined (a C-speed filter over the tokens).
        for i in [i for i, tok in enumerate(tokens) if tok in index]:
            if i < nxt:
                continue
            for toks, key in index[tokens[i]]:
                size = len(toks)
                if size == 1 or tuple(tokens[i : i + size]) == toks:
                    out.append(Match(i, i + size, key))
                    nxt = i + size
                    break
        return out


@dataclass
class RelevanceResult:
    is_pilkada: bool
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Term:
    phrase: str
    kind: str  # core | generic | negative
    weight: float


class _Model:
    def __init__(self, cfg: Mapping[str, Any]) -> None:
        terms: list[tuple[str, _Term]] = []
        for kind in ("core", "generic", "negative"):
            for phrase, weight in cfg[kind].items():
                norm = " ".join(tokenize(phrase))
                terms.append((norm, _Term(norm, kind, float(weight))))
        known = {phrase for phrase, _ in terms}

        def add_core(phrases: Iterable[str], weight: float) -> frozenset[str]:
            """Generated phrases as core terms, unless a listed term already is the phrase; the ones added."""
            added = [p for p in dict.fromkeys(phrases) if p not in known]
            terms.extend((p, _Term(p, "core", weight)) for p in added)
            known.update(added)
            return frozenset(added)

        pairs = cfg.get("candidate_pairs") or {}
        pair_phrases = add_core(candidate_pair_phrases(pairs), float(pairs["weight"])) if pairs else frozenset()
        offices = cfg.get("elected_offices") or {}
        if offices:
            add_core(elected_office_phrases(offices), float(offices["weight"]))
        self.pair_phrases = pair_phrases  # count only where the text joins the two names ("Anung-Rano")
        self.weights = {term.phrase: term.weight for _, term in terms}
        self.matcher: PhraseMatcher[_Term] = PhraseMatcher(terms)
        self.title_weight = float(cfg["title_weight"])
        self.max_chars = int(cfg["max_chars"])
        self.target_years = frozenset(cfg["target_years"])
        self.year_window = int(cfg["year_window"])
        self.target_bonus = float(cfg["target_year_bonus"])
        self.other_year_weight = float(cfg["other_year_weight"])
        self.anchors = frozenset(" ".join(tokenize(t)) for t in expand(cfg["year_anchor_terms"]))
        window = cfg["published_window"]
        self.min_year, self.max_year = int(window["min_year"]), int(window["max_year"])
        self.date_penalty = float(window["penalty"])
        cal = cfg["calibration"]
        self.bias, self.w_evidence = float(cal["bias"]), float(cal["evidence"])
        self.w_coverage, self.w_negative = float(cal["coverage"]), float(cal["negative"])
        self.generic_factor = float(cal["generic_factor"])
        season = cfg.get("season") or {}
        self.season = (str(season.get("from", "")), str(season.get("to", "")), float(season.get("gate", 0.0)))
        revotes = cfg.get("revote_window") or {}
        self.revote_window = (str(revotes.get("from", "")), str(revotes.get("to", "")))
        self.revote_terms = frozenset(" ".join(tokenize(t)) for t in revotes.get("terms", ()))
        self.revote_factor = float(revotes.get("factor", 0.0))
        era = cfg["era"]
        self.months = {**MONTHS, **{w.lower(): int(n) for w, n in era["extra_month_words"].items()}}
        self.current_years = frozenset(str(y) for y in era["current_years"])
        self.neutral_years = frozenset(str(y) for y in era["neutral_years"])
        self.era_matcher: PhraseMatcher[str] = PhraseMatcher((p, p) for p in era["target_phrases"])
        self.era_penalty = float(era["penalty"])
        self.before_cycle_penalty = float(window["before_without_target_penalty"])


def candidate_pair_phrases(cfg: Mapping[str, Any]) -> list[str]:
    """Two-word phrases that name one of the 2024 pairs as texts write them: a word of the head's name followed by a
    word of the running mate's ("Anung Rano" in "Pramono Anung-Rano Karno", "Nasution Surya", "Koster Giri"), from
    KPU's candidate data (facts_races.json). Words shorter than `min_word` letters and the common name words of
    `common_words` (Muhammad, Putra, Wayan ...) are left out, so a pair phrase names that pair and nothing else."""
    common = frozenset(w.lower() for w in cfg["common_words"])
    min_word = int(cfg["min_word"])

    def words(name: str) -> list[str]:
        return [w for w in tokenize(name) if len(w) >= min_word and w not in common and not w.isdigit()]

    out: set[str] = set()
    for race in load_data("facts_races.json")["races"]:
        for pair in race["pairs"]:
            for head in words(pair["head"]["name"]):
                for deputy in words(pair["deputy"]["name"]):
                    out.add(f"{head} {deputy}")
    return sorted(out)


def elected_office_phrases(cfg: Mapping[str, Any]) -> list[str]:
    """ "bupati sleman terpilih", "gubernur jateng terpilih": each office of a place's level, the place's name (without
    "Kabupaten"/"Kota") or an alias, then `suffix` (and after each of `prefixes`: "terpilih menjadi gubernur jawa
    timur"), for every place of regions.json that held Pilkada 2024."""
    offices: Mapping[str, list[str]] = cfg["offices"]
    suffix = " ".join(tokenize(cfg["suffix"]))
    prefixes = [" ".join(tokenize(p)) for p in cfg.get("prefixes", ())]
    out: set[str] = set()
    for place in load_data("regions.json")["places"]:
        if not place.get("pilkada") or place.get("level") not in offices:
            continue
        names = [bare_name(place["name"]), *place.get("aliases", ())]
        for name in names:
            words = " ".join(tokenize(name))
            for office in offices[place["level"]]:
                if words:
                    out.add(f"{' '.join(tokenize(office))} {words} {suffix}")
                    out.update(f"{prefix} {' '.join(tokenize(office))} {words}" for prefix in prefixes)
    return sorted(out)


@cache
def _model() -> _Model:
    return _Model(load_data("pilkada_terms.json"))


def _year_after(tokens: list[str], end: int, window: int) -> str | None:
    for tok in tokens[end : end + window]:
        if _YEAR_RE.match(tok):
            return tok
    return None


# Two adjacent words as a pair is written: joined ("Anung-Rano", "Koster–Giri", "Pramono / Rano", in any case) or
# both capitalised with only spaces between ("Pramono Rano", "PRAMONO RANO"); the second word is looked ahead, so
# "A-B-C" yields "a b" and "b c". Not across a comma, a full stop or a line ("hari raya, Yudha", "Raya.\nYudha").
_ADJACENT_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)(\s*[-–—/&]\s*|[ \t\u00a0]+)(?=([^\W\d_]+))")


def joined_pairs(text: str) -> frozenset[str]:
    """The word pairs a text writes as a pair's names are written (see `_ADJACENT_RE`), lower-cased ("anung rano")."""
    return frozenset(
        f"{a.lower()} {b.lower()}"
        for a, gap, b in _ADJACENT_RE.findall(text)
        if gap.strip() or (a[0].isupper() and b[0].isupper())
    )


def _collect(
    model: _Model,
    tokens: list[str],
    counts: dict[str, Counter[str]],
    years: Counter[str],
    joined: frozenset[str] = frozenset(),
) -> list[tuple[int, str]]:
    """Count matches into counts[kind]; returns (token position, kind) per match. 'Pilkada 2020' is negative.
    A candidate pair phrase counts only where the text writes it as a pair (`joined`): "hari raya, Yudha" and
    "pada tahun Johan" name no pair, "Pramono Anung-Rano Karno" and "PRAMONO RANO" do."""
    found: list[tuple[int, str]] = []
    for m in model.matcher.find(tokens):
        term = m.key
        if term.phrase in model.pair_phrases and term.phrase not in joined:
            continue
        if term.kind == "core" and term.phrase in model.anchors:
            year = _year_after(tokens, m.end, model.year_window)
            if year is not None and year not in model.target_years:
                years[year] += 1
                found.append((m.start, "negative"))
                continue
            if year is not None:
                counts["target_year"][year] += 1
        counts[term.kind][term.phrase] += 1
        found.append((m.start, term.kind))
    return found


class _Date(NamedTuple):
    year: str
    day: str | None  # ISO day when the date names its day, else None ("Desember 2020")


def _dates(tokens: list[str], months: Mapping[str, int]) -> list[_Date]:
    """Dates written in the text: "9 Desember 2020", "December 9, 2020", "Desember 2020", "(28/11/2020)"."""
    out: list[_Date] = []
    for i in [i for i, tok in enumerate(tokens) if len(tok) == 4 and i and _YEAR_RE.match(tok)]:
        year, prev = tokens[i], tokens[i - 1]
        before = tokens[i - 2] if i >= 2 else ""
        month = day = 0
        if prev in months:
            month = months[prev]
            day = int(before) if before.isdigit() and len(before) <= 2 else 0
        elif before in months and prev.isdigit() and len(prev) <= 2:
            month, day = months[before], int(prev)
        elif prev.isdigit() and before.isdigit() and 1 <= int(prev) <= 12 and len(before) <= 2:
            month, day = int(prev), int(before)
        if month:
            out.append(_Date(year, f"{year}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None))
    return out


@dataclass
class _Era:
    """Which election the years of a text point to: the 2024 cycle (`target`) or another one (`other`)."""

    target: int = 0
    other: Counter[str] = field(default_factory=Counter)

    def reason(self) -> str:
        return f"dates and years point to another election ({_top(self.other, 4)}), none to the 2024 cycle"


def _era(model: _Model, tokens: list[list[str]], dates: list[_Date], anchored: Counter[str], target: int) -> _Era:
    era = _Era(target=target, other=Counter(anchored))
    for date in dates:
        if date.year in model.current_years:
            era.target += 1
        elif date.year not in model.neutral_years:
            era.other[date.year] += 1
    era.target += sum(len(model.era_matcher.find(t)) for t in tokens)
    return era


def _weighted(model: _Model, body: Counter[str], title: Counter[str]) -> float:
    total = 0.0
    for phrase, n in body.items():
        total += model.weights[phrase] * (1.0 + math.log(n))
    for phrase, n in title.items():
        total += model.weights[phrase] * model.title_weight * (1.0 + math.log(n))
    return total


def _top(counter: Counter[str], limit: int = 6) -> str:
    return ", ".join(f"{p}×{n}" for p, n in counter.most_common(limit))


def _published_year(published_at: str | None) -> int | None:
    text = as_text(published_at).strip()
    if len(text) >= 4 and text[:4].isdigit():
        return int(text[:4])
    return None


def _within(start: str, end: str, day: str | None) -> bool:
    """Whether the ISO day (the date part of `day`) lies in the window start..end (ISO days; empty: no window)."""
    iso = as_text(day)[:10]
    return bool(start and len(iso) == 10 and start <= iso <= end)


def _in_season(model: _Model, day: str | None) -> bool:
    start, end, gate = model.season
    return bool(gate) and _within(start, end, day)


def _revote_evidence(model: _Model, published_at: str | None, body: Counter[str], title: Counter[str]) -> float:
    """Re-vote words (PSU, pemungutan suara ulang) in a text published while the MK-ordered re-votes and the
    re-elections of the 2024 Pilkada ran: no other election held re-votes then, so they are Pilkada-specific, when
    the text names some other election word beside them (TPS, KPU, pemilih, vote ...)."""
    if not (model.revote_factor and _within(*model.revote_window, published_at)):
        return 0.0
    keep = model.revote_terms
    if all(k in keep for c in (body, title) for k in c):
        return 0.0  # "PSU" alone is also a power supply unit: a re-vote is told by some other election word with it
    picked = (Counter({k: n for k, n in c.items() if k in keep}) for c in (body, title))
    return model.revote_factor * _weighted(model, next(picked), next(picked))


def _empty_counts() -> dict[str, Counter[str]]:
    return {"core": Counter(), "generic": Counter(), "negative": Counter(), "target_year": Counter()}


def score_pilkada(title: str, body: str, *, published_at: str | None = None) -> RelevanceResult:
    """Score how much an article is about the 2024 Pilkada; `is_pilkada` is `score >= 0.5`. Never raises."""
    model = _model()
    title, body = as_text(title), as_text(body)
    reasons: list[str] = []
    if not title.strip() and not body.strip():
        return RelevanceResult(False, 0.0, ["empty text"])
    if len(body) > model.max_chars:
        body = body[: model.max_chars]
        reasons.append(f"body truncated to {model.max_chars} chars")

    t_counts, b_counts = _empty_counts(), _empty_counts()
    t_years: Counter[str] = Counter()
    b_years: Counter[str] = Counter()
    title_tokens = tokenize(title)
    _collect(model, title_tokens, t_counts, t_years, joined_pairs(title) if model.pair_phrases else frozenset())
    tokens, sent_of = scan(body)
    kinds_by_sentence: dict[int, set[str]] = {}
    joined = joined_pairs(body) if model.pair_phrases else frozenset()
    for pos, kind in _collect(model, tokens, b_counts, b_years, joined):
        kinds_by_sentence.setdefault(sent_of[pos], set()).add(kind)
    n_sentences = len(set(sent_of))
    covered = sum(1 for k in kinds_by_sentence.values() if "core" in k or ("generic" in k and "negative" not in k))

    core = _weighted(model, b_counts["core"], t_counts["core"])
    generic = _weighted(model, b_counts["generic"], t_counts["generic"])
    negative = _weighted(model, b_counts["negative"], t_counts["negative"])
    other_years = b_years + t_years
    year_hits = sum(b_years.values()) + model.title_weight * sum(t_years.values())
    negative += model.other_year_weight * (1.0 + math.log(year_hits)) if year_hits else 0.0
    target_hits = sum((b_counts["target_year"] + t_counts["target_year"]).values())
    dates = _dates(title_tokens, model.months) + _dates(tokens, model.months)
    year = _published_year(published_at)
    # Without a publication date, full dates in the Pilkada season stand in for it, and with Pilkada terms they name
    # the 2024 cycle as "Pilkada 2024" does (a dated text never needs this: its own date says when it was written).
    season_days: list[str] = []
    if year is None and negative == 0:
        season_days = sorted(d.day for d in dates if d.day and _in_season(model, d.day))
    if core and season_days:
        reasons.append(f"dates in the Pilkada season: {', '.join(season_days[:3])}")
    # an undated text is placed by its latest full date (a PSU report writes "Sabtu, 22 Maret 2025")
    revote_day = published_at if year is not None else max((d.day for d in dates if d.day), default=None)
    revote = _revote_evidence(model, revote_day, b_counts["generic"], t_counts["generic"]) if not negative else 0.0
    if revote:
        core += revote
        reasons.append(f"re-vote terms published in the re-vote window {'..'.join(model.revote_window)}")
    bonus_hits = target_hits + (len(season_days) if core else 0)
    core += model.target_bonus * (1.0 + math.log(bonus_hits)) if bonus_hits else 0.0

    gate = core / (core + negative) if core > 0 else 0.0
    stand_in = published_at if year is not None else max(season_days, default=None)
    in_season = _in_season(model, stand_in) and negative == 0
    if in_season and generic:
        gate = max(gate, model.season[2])
        reasons.append(f"published (or dated) in the Pilkada season {model.season[0]}..{model.season[1]}")
    evidence = core + model.generic_factor * generic * gate
    coverage = covered / n_sentences if n_sentences else 0.0
    # Coverage only counts when there is Pilkada-specific evidence at all (or season evidence).
    coverage *= min(1.0, (core + (model.generic_factor * generic * gate if in_season else 0.0)) / 3.0)
    logit = (
        model.bias
        + model.w_evidence * math.log1p(evidence)
        + model.w_coverage * coverage
        - model.w_negative * math.log1p(negative)
    )
    if year is not None and year < model.min_year and not target_hits:
        logit -= model.before_cycle_penalty
        reasons.append(f"published {year}, before the 2024 cycle, and never names it")
    elif year is not None and not model.min_year <= year <= model.max_year:
        logit -= model.date_penalty
        reasons.append(f"published {year}, outside {model.min_year}-{model.max_year}")
    elif year is None:
        era = _era(model, [title_tokens, tokens], dates, other_years, target_hits)
        if era.other and not era.target:
            logit -= model.era_penalty
            reasons.append(era.reason())
    score = 1.0 / (1.0 + math.exp(-logit))

    if t_counts["core"]:
        reasons.append(f"title: {_top(t_counts['core'], 3)}")
    if b_counts["core"]:
        reasons.append(f"pilkada terms: {_top(b_counts['core'])}")
    if b_counts["generic"] or t_counts["generic"]:
        reasons.append(f"election terms (gate {gate:.2f}): {_top(b_counts['generic'] + t_counts['generic'])}")
    if b_counts["negative"] or t_counts["negative"]:
        reasons.append(f"other-election terms: {_top(b_counts['negative'] + t_counts['negative'])}")
    if other_years:
        reasons.append(f"other Pilkada years: {_top(other_years, 4)}")
    if target_hits:
        reasons.append(f"Pilkada 2024 mentioned {target_hits}×")
    reasons.append(f"coverage {coverage:.2f} of {n_sentences} sentences")
    if not (core or generic or negative or year_hits):
        reasons.append("no election vocabulary")
    return RelevanceResult(score >= 0.5, round(score, 4), reasons)


# ---------------------------------------------------------------------------------------------------- topics


class _Topics:
    def __init__(self, cfg: Mapping[str, Any]) -> None:
        cues: dict[str, list[tuple[str, float]]] = {}
        for topic in cfg["topics"]:
            for phrase, weight in topic["cues"].items():
                cues.setdefault(" ".join(tokenize(phrase)), []).append((topic["id"], float(weight)))
        self.ids: tuple[str, ...] = tuple(t["id"] for t in cfg["topics"])
        self.cues = cues
        self.matcher: PhraseMatcher[str] = PhraseMatcher((p, p) for p in cues)
        self.title_weight = float(cfg["title_weight"])
        self.min_score = float(cfg["min_score"])
        self.min_distinct = int(cfg["min_distinct_cues"])
        self.strong_weight = float(cfg["strong_weight"])
        self.relative_floor = float(cfg["relative_floor"])
        self.max_topics = int(cfg["max_topics"])
        self.max_chars = int(cfg.get("max_chars", 200_000))


@cache
def _topics() -> _Topics:
    return _Topics(load_data("topics.json"))


TOPIC_IDS: tuple[str, ...] = _topics().ids


def classify_topics(title: str, body: str) -> list[str]:
    """Topic ids from data/topics.json, best first, only with real evidence (thresholds in the file's _doc)."""
    model = _topics()
    title, body = as_text(title), as_text(body)[: model.max_chars]
    in_body = Counter(m.key for m in model.matcher.find(tokenize(body)))
    in_title = Counter(m.key for m in model.matcher.find(tokenize(title)))
    scores: dict[str, float] = {}
    distinct: dict[str, int] = {}
    strong: set[str] = set()
    for counts, factor in ((in_body, 1.0), (in_title, model.title_weight)):
        for phrase, n in counts.items():
            for topic, weight in model.cues[phrase]:
                scores[topic] = scores.get(topic, 0.0) + weight * factor * (1.0 + math.log(n))
                distinct[topic] = distinct.get(topic, 0) + 1
                if weight >= model.strong_weight and (n >= 2 or factor > 1.0):
                    strong.add(topic)
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], model.ids.index(kv[0])))
    chosen = [
        topic
        for topic, score in ranked
        if score >= model.min_score
        and score >= model.relative_floor * best
        and (distinct[topic] >= model.min_distinct or topic in strong)
    ]
    return chosen[: model.max_topics]
