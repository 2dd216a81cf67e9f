"""Region detection for Pilkada articles.

Places and reading rules come from the gazetteer (:mod:`pantau.process.gazetteer`: ``data/regions.json`` and
``data/region_rules.yaml``); its loaders and types are re-exported here, so ``from pantau.process.regions import
load_gazetteer`` keeps working.

How :func:`find_regions` reads an article:

* Text is split into words once; every name, alias, seat town and stop phrase is one key in a dict of word
  sequences, and the scan tries the longest key first at each word that can start one (a set lookup), so an
  article costs a few thousand dict lookups, not one regex per place.
* Every word of a name must be capitalised as in the gazetteer (all-caps acronyms such as OKU or PALI must be
  all caps in the text), so "batu" the stone or "padang" the field never match. Names in ``needs_cue`` also need
  a cue ("Kota Batu", "Pilkada Bone"), a dateline, or cued evidence elsewhere in the article.
* The word before a name picks the level: "Kabupaten/Kab./Bupati/Pemkab X" a regency, "Kota/Wali Kota/Pemkot X"
  a city, "Provinsi/Gubernur/Pilgub X" a province. A bare shared name (Bogor, Malang, Jambi) goes to the
  candidate with other evidence in the article, then to one in a province the article names, the dateline's or
  the outlet's province, then to the default newsrooms usually mean (``ambiguous`` in the rules file).
* The dateline ("PALEMBANG, SUMATERAEKSPRES.ID –", "Jakarta (ANTARA) -") is strong evidence when the body agrees
  or names nothing else, and weak when the body is about somewhere else (a desk dateline).
* "Baca juga" inserts are skipped. The outlet's home province only breaks ties.
* A bare "Jakarta" in an article about national institutions (KPU RI, Bawaslu RI, MK...) is their seat and is
  damped, so it does not dominate national stories.

Rows: one :class:`~pantau.records.Region` per place with evidence. A regency/city row carries its province name,
so the index's flattened ``province`` field gets the province from it; a separate province-level row (regency
``None``, code ``"16"``) is emitted only when the province itself is mentioned ("Pilgub Sumsel", "KPU Jawa
Tengah"), and then it also gets a share of its regencies' evidence. This keeps "a province-level mention" and
"a story about one of its regencies" apart for filters on ``region_codes``.

Scores are 0..1 (formula and weights in the rules file); rows under ``weights.min_score`` (0.2) are dropped, so a
single bare passing mention in a long article about somewhere else does not survive. Speed: building the
gazetteer takes about 0.1 s once per process; a 600-word article takes about 1 ms (measured 0.8-1.5 ms on a
loaded 2-core machine); text beyond ``weights.max_chars`` (300,000 characters) is not read.
"""

from __future__ import annotations

import math
import string
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from pantau.process.claims.facts import FactBase, load_facts
from pantau.process.gazetteer import (
    DATA_DIR,
    DEFAULT_GAZETTEER,
    DEFAULT_RULES,
    LEVELS,
    Form,
    Gazetteer,
    Place,
    Rules,
    load_gazetteer,
    load_rules,
)
from pantau.process.region_candidates import candidate_race_codes, pair_race_codes
from pantau.records import Region
from pantau.text.dateline import find_dateline
from pantau.text.phrases import drop_insert_lines

__all__ = [
    "DATA_DIR",
    "DEFAULT_GAZETTEER",
    "DEFAULT_RULES",
    "LEVELS",
    "Gazetteer",
    "Place",
    "Rules",
    "find_regions",
    "load_gazetteer",
    "load_rules",
]


@dataclass(slots=True)
class _Mention:
    codes: list[str]
    key: str
    kind: str
    cued: bool
    level: str | None
    pos: int
    in_title: bool
    damped: bool = False  # in a sentence about the whole country, compared with the subject, or a birthplace
    command: bool = False  # right after "Polda"/"Kodam": the command named after the place


@dataclass
class _Evidence:
    weight: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    supported: set[str] = field(default_factory=set)  # places with a cued/unambiguous-by-itself mention
    title: dict[str, float] = field(default_factory=dict)
    statement_only: set[str] = field(default_factory=set)  # places named only as where a quote was given

    def add(self, code: str, w: float, *, in_title: bool, supported: bool, statement: bool = False) -> None:
        if statement and self.total(code) == 0:
            self.statement_only.add(code)
        elif not statement:
            self.statement_only.discard(code)
        if in_title:
            self.title[code] = max(self.title.get(code, 0.0), w)
        else:
            self.weight[code] += w
        if supported:
            self.supported.add(code)

    def total(self, code: str) -> float:
        return self.weight.get(code, 0.0) + self.title.get(code, 0.0)


_PUNCT = "".join(sorted(set(string.punctuation) | set("“”‘’„‚«»‹›–—―…•·°¶")))
_HARD_END = frozenset('!?;:"“”»')
_HARD_START = frozenset('"“”«(')


def _tokenize(text: str) -> tuple[list[str], list[str], list[str]]:
    """Whitespace words with their punctuation (``raw``), without it (``orig``) and lower-cased (``low``).

    ``str.split`` and ``str.strip`` run in C, several times faster than a unicode regex over the article.
    Hyphens and slashes split words ("Toli-Toli", "Kabupaten/Kota"); a paragraph break becomes a word of its own
    that strips to "" (as do dashes and lone quotes), so no name spans it.
    """
    raw = text.replace("\n", " ¶ ").replace("-", " ").replace("/", " ").split()
    orig = [w.strip(_PUNCT) for w in raw]
    return raw, orig, [w.lower() for w in orig]


def _break_before(raw: list[str], orig: list[str], k: int, rules: Rules) -> bool:
    """A sentence break between word k-1 and word k ("warga. Karo"), but not after "Kab." or "Kep."."""
    if k == 0 or not orig[k - 1] or raw[k][0] in _HARD_START:
        return True
    prev = raw[k - 1]
    tail = prev[len(prev.rstrip(_PUNCT)) :]
    if not tail:
        return False
    if any(c in _HARD_END for c in tail):
        return True
    return "." in tail and orig[k - 1].lower() not in rules.abbreviations


def _damped_spans(
    raw: list[str], orig: list[str], low: list[str], rules: Rules, triggers: frozenset[str]
) -> list[tuple[int, int]]:
    """Word ranges whose places count damped: the sentence around a national count ("37 provinsi", "545 daerah")
    and the rest of a sentence after a comparison word ("ketimbang DKI Jakarta ..."). `triggers` are the words of
    either kind the text holds; their positions are found with list.index (in C), not a loop over every word."""
    counts, compare = rules.national_counts, rules.comparison_words
    at: list[int] = []
    for word in triggers:
        j = -1
        while True:
            try:
                j = low.index(word, j + 1)
            except ValueError:
                break
            at.append(j)
    spans: list[tuple[int, int]] = []
    n = len(low)
    for j in sorted(at):
        if spans and j < spans[-1][1]:
            continue  # inside the sentence already marked
        word = low[j]
        if word in compare:
            spans.append((j, _sentence_end(raw, orig, j, n, rules)))
        elif j > 0 and _is_count(orig[j - 1], counts[word]) and not _break_before(raw, orig, j, rules):
            # "545 daerah" in one sentence; not "... 19 April 2025. Kabupaten yang ...": a year ending the sentence
            # before
            start = j - 1
            while start > 0 and j - start < _SPAN_LIMIT and not _break_before(raw, orig, start, rules):
                start -= 1
            spans.append((start, _sentence_end(raw, orig, j, n, rules)))
    return spans


_SPAN_LIMIT = 60  # words a damped span reaches either way at most


def _is_count(word: str, at_least: int) -> bool:
    """A national count of at least `at_least` ("545", "1.553"), not a year ("2025 kabupaten" is never a count:
    Indonesia has 416 regencies)."""
    n = _number(word)
    return n >= at_least and not (len(word) == 4 and 1900 <= n <= 2100)


def _number(word: str) -> int:
    """A count written in digits ("37", "1.553"), else -1 (also for a run of digits longer than any count: int()
    refuses strings of more than 4,300 digits)."""
    digits = word.replace(".", "")
    return int(digits) if digits.isdecimal() and len(digits) <= _MAX_COUNT_DIGITS else -1


_MAX_COUNT_DIGITS = 12


def _sentence_end(raw: list[str], orig: list[str], j: int, n: int, rules: Rules) -> int:
    end = j + 1
    while end < n and end - j < _SPAN_LIMIT and not _break_before(raw, orig, end, rules):
        end += 1
    return end


def _scan(gaz: Gazetteer, text: str, *, in_title: bool) -> list[_Mention]:
    rules = gaz.rules
    raw, orig, low = _tokenize(text)
    syn = rules.synonyms
    if syn and not syn.keys().isdisjoint(low):  # most texts hold none of the few synonyms: no pass over the words
        low = [syn.get(w, w) for w in low]
    triggers = gaz.damp_triggers.intersection(low)  # a set operation in C over the words
    spans = _damped_spans(raw, orig, low, rules, triggers) if triggers else []
    origin = not rules.origin_cues.isdisjoint(low)  # a birthplace word somewhere: "kelahiran X"
    out: list[_Mention] = []
    last_end, last_codes = -1, frozenset[str]()
    first, any_case, index = gaz.first_words, gaz.first_any_case, gaz.index
    i, n_words = 0, len(low)
    while i < n_words:
        longest = first.get(low[i])
        if longest is None or (orig[i][:1].islower() and low[i] not in any_case):
            i += 1
            continue
        hit: tuple[int, str, list[Form]] | None = None
        for n in range(min(longest, n_words - i), 0, -1):
            forms = index.get(" ".join(low[i : i + n]))
            if not forms or any(_break_before(raw, orig, k, rules) for k in range(i + 1, i + n)):
                continue
            ok = [f for f in forms if _caps_ok(f.caps, orig, i)]
            if ok:
                hit = (n, " ".join(low[i : i + n]), ok)
                break
        if hit is None:
            i += 1
            continue
        n, key, forms = hit
        start = i
        while start > 0 and i - start < rules.context_window and not _break_before(raw, orig, start, rules):
            start -= 1
        if any(f.code is None for f in forms) or (start < i and low[i - 1] in rules.blockers):
            i += n
            continue
        prev = low[i - 1] if start < i else ""
        level = rules.level_cues.get(prev)
        cued = level is not None or any(
            low[j] in rules.context_cues and not (j + 1 < i and low[j + 1] in rules.national_qualifiers)
            for j in range(start, i)
        )
        # a full name with its level word ("Kabupaten Bone", "Kota Batu") is explicit by itself
        cued = cued or (low[i] in rules.level_cues and key not in rules.needs_cue)
        end = i + n
        if end < n_words and low[end] in rules.blockers_after and not _break_before(raw, orig, end, rules):
            i = end  # "Kaltim Post", "Riau Pos": a newspaper
            continue
        codes = sorted({f.code for f in forms if f.code is not None})
        if i == last_end and raw[i][0] == "(" and last_codes.intersection(codes):
            i = end  # "Daerah Istimewa Yogyakarta (DIY)": the abbreviation in brackets is the same mention
            continue
        last_end, last_codes = end, frozenset(codes)
        kind = "seat" if all(f.kind == "seat" for f in forms) else "name"
        if level is None and end < n_words and low[end] in rules.statement_weekdays and raw[end - 1].endswith(","):
            kind, cued = "statement", False
        damped = (bool(spans) and any(a <= i < b for a, b in spans)) or (
            origin and any(low[j] in rules.origin_cues for j in range(start, i))
        )
        out.append(_Mention(codes, key, kind, cued, level, i, in_title, damped, prev in rules.jurisdiction_cues))
        i = end
    return out


def _caps_ok(caps: tuple[str, ...], orig: list[str], start: int) -> bool:
    for j, rule in enumerate(caps):
        word = orig[start + j]
        if rule == "U" and not word.isupper():
            return False
        if rule == "T" and not (word[0].isupper() or word[0].isdigit()):
            return False
    return True


def _split_dateline(gaz: Gazetteer, text: str) -> tuple[str | None, int]:
    """The place part of a leading dateline and where the body starts after it (0 when there is none)."""
    head = text[: gaz.rules.dateline_max_chars]
    offset = len(head) - len(head.lstrip())
    found = find_dateline(head[offset:])
    if found is None or not found.place or not gaz.lookup(found.place):
        return None, 0
    return found.place, offset + found.end


def _pick_dateline_place(gaz: Gazetteer, name: str, prior: Place | None) -> Place | None:
    cands = gaz.lookup(name)
    if not cands:
        return None
    for level in gaz.rules.dateline_levels:
        same = [p for p in cands if p.level == level]
        if len(same) == 1:
            return same[0]
        if same:
            if prior:
                local = [p for p in same if p.province_code == prior.code]
                if len(local) == 1:
                    return local[0]
            default = gaz.rules.ambiguous.get(gaz.key(name))
            return gaz.get(default) if default else None
    return None


def find_regions(
    text: str,
    *,
    title: str = "",
    dateline: str | None = None,
    outlet_province: str | None = None,
    gazetteer: Gazetteer | None = None,
    facts: FactBase | None = None,
    candidates: bool = True,
) -> list[Region]:
    """Regions an article is about, best first (see the module docstring for the rules).

    `candidates` reads candidates' names as evidence for their race's region (`facts`, default the bundled fact
    base; see :mod:`pantau.process.region_candidates`). Never raises on bad input: non-strings count as empty, huge
    text is read up to ``weights.max_chars``.
    """
    gaz = gazetteer or load_gazetteer()
    rules, w = gaz.rules, gaz.rules.weights
    text = text if isinstance(text, str) else ""
    title = title if isinstance(title, str) else ""
    dateline = dateline if isinstance(dateline, str) and dateline.strip() else None
    max_chars = int(w.get("max_chars", 300_000))
    text, title = text[:max_chars], title[:2000]
    text = drop_insert_lines(text)

    detected, body_start = _split_dateline(gaz, text)
    body = text[body_start:]
    prior = gaz.resolve_province(outlet_province)
    dl_place = _pick_dateline_place(gaz, dateline or detected or "", prior) if (dateline or detected) else None

    national = rules.national_cues is not None and bool(
        rules.national_cues.search(body) or rules.national_cues.search(title)
    )
    mentions = _scan(gaz, title, in_title=True) + _scan(gaz, body, in_title=False)
    ev = _Evidence()
    pending: list[tuple[_Mention, list[str], bool]] = []
    lead = int(w.get("lead_tokens", 80))

    def weight_of(m: _Mention) -> float:
        if m.in_title:
            base = w.get("title", 3.0)
        else:
            base = w.get("seat_mention", 0.8) if m.kind == "seat" else w.get("mention", 1.0)
            if m.kind == "statement":  # the dateline already says where the reporter was
                base = 0.0 if dl_place is not None and dl_place.code in m.codes else w.get("statement_place", 0.3)
            if m.cued:
                base = max(base, w.get("cued_mention", 1.5))
            if m.pos < lead:
                base *= w.get("lead_multiplier", 1.5)
        if national and not m.cued and m.key in rules.national_keys:
            base *= rules.national_damping
        if m.damped and not m.in_title:
            base *= rules.national_damping
        return base

    context = rules.candidate_context
    if candidates and (context is None or context.search(title) or context.search(body)):
        _add_candidates(gaz, ev, title, body, facts or _default_facts(), national=national)

    # unambiguous mentions first; shared names and names that need a cue wait for the evidence of the others
    commands: list[_Mention] = []
    for m in mentions:
        cands = m.codes
        if m.level and len(cands) > 1:
            cands = [c for c in cands if (p := gaz.get(c)) is not None and p.level == m.level] or cands
        needs_support = m.key in rules.needs_cue and not m.cued
        if m.command and len(cands) == 1 and cands[0] in gaz.carved:
            commands.append(m)
        elif len(cands) == 1 and not needs_support:
            ev.add(cands[0], weight_of(m), in_title=m.in_title, supported=True, statement=m.kind == "statement")
        else:
            pending.append((m, cands, needs_support))
    dl_code = dl_place.code if dl_place else None
    shared: dict[str, set[str]] = defaultdict(set)  # code -> the shared names of this article that can mean it
    for m, cands, _ in pending:
        for c in cands:
            shared[c].add(m.key)
    for m, cands, needs_support in pending:
        if needs_support:
            cands = [c for c in cands if c in ev.supported or c == dl_code]
        code = (
            cands[0] if len(cands) == 1 else _resolve(gaz, m.key, cands, ev, dl_place, prior, shared) if cands else None
        )
        if code:
            ev.add(
                code, weight_of(m), in_title=m.in_title, supported=not needs_support, statement=m.kind == "statement"
            )
    for m in commands:  # "Polda Papua" in a Papua Pegunungan story is the command that serves it
        if not any(ev.total(child) > 0 for child in gaz.carved[m.codes[0]]):
            ev.add(m.codes[0], weight_of(m), in_title=m.in_title, supported=True)

    return _rank(gaz, ev, dl_place, national, prior)


@lru_cache(maxsize=1)
def _default_facts() -> FactBase:
    """The bundled fact base, loaded once per process like the gazetteer (load_facts stats its files per call)."""
    return load_facts()


def _add_candidates(
    gaz: Gazetteer, ev: _Evidence, title: str, body: str, facts: FactBase, *, national: bool = False
) -> None:
    """A candidate named in full, or a pair by its short names ("Luthfi-Yasin"), is evidence for the region of the
    one race they stand in: `candidate_title` or `candidate_name` per mention (times `lead_multiplier` in the first
    `lead_tokens` words, as for place names), at most `candidate_cap` per place (kept below one explicit `mention`,
    so a name never outvotes a place the text names). It counts before shared names are resolved: "Bogor" next to a
    Kota Bogor candidate is the regency. In an article about national bodies (`national`), a candidate named once in
    the body and not in the title is a national figure named in passing: `candidate_passing` times the weight (a
    pair, "Luthfi-Yasin", names the race's contest, not a figure: never in passing)."""
    w = gaz.rules.weights
    cap = min(w.get("candidate_cap", 0.9), w.get("mention", 1.0))
    lead, boost = int(w.get("lead_tokens", 80)), w.get("lead_multiplier", 1.5)
    got: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])  # code -> [title, body, body mentions]
    for text, slot, each in ((title, 0, w.get("candidate_title", 0.9)), (body, 1, w.get("candidate_name", 0.6))):
        named = [(code, pos, 1) for code, pos in candidate_race_codes(text, facts, gaz.rules.candidate_blockers)]
        seen = {(code, pos) for code, pos, _ in named}  # a pair written in full is counted by its two names already
        pairs = pair_race_codes(text, facts, gaz.rules.candidate_blockers)
        named += [(code, pos, 2) for code, pos in pairs if (code, pos) not in seen]  # a pair names two people
        for code, pos, people in named:
            if gaz.get(code) is not None:
                got[code][slot] += each * (boost if slot and pos < lead else 1.0)
                got[code][2] += slot * people
    passing = w.get("candidate_passing", 1.0)
    for code, (in_title, in_body, n_body) in got.items():
        if national and not in_title and n_body == 1:
            in_body *= passing
        if in_title:
            ev.add(code, min(in_title, cap), in_title=True, supported=False)
        rest = cap - min(in_title, cap)
        if in_body and rest > 0:
            ev.add(code, min(in_body, rest), in_title=False, supported=False)


def _resolve(
    gaz: Gazetteer,
    key: str,
    cands: list[str],
    ev: _Evidence,
    dl_place: Place | None,
    prior: Place | None,
    shared: dict[str, set[str]] | None = None,
) -> str | None:
    scored = [(ev.total(c), c) for c in cands if ev.total(c) > 0]
    if scored:
        return max(scored)[1]
    if dl_place and dl_place.code in cands:
        return dl_place.code
    places = [p for c in cands if (p := gaz.get(c)) is not None]
    provinces = {p.province_code for p in places}
    if len(provinces) > 1:
        present = {c.split(".")[0] for c in ev.weight if ev.weight[c] > 0} | {c.split(".")[0] for c in ev.title}
        local = [p.code for p in places if p.province_code in present]
        if len(local) == 1:
            return local[0]
        both = [c for c in cands if len((shared or {}).get(c, ())) > 1]  # "Banjar ... Martapura"
        if len(both) == 1:
            return both[0]
        for pool in ({dl_place.province_code} if dl_place else set(), {prior.code} if prior else set()):
            local = [p.code for p in places if p.province_code in pool]
            if len(local) == 1:
                return local[0]
    default = gaz.rules.ambiguous.get(key)
    return default if default in cands else None


def _rank(gaz: Gazetteer, ev: _Evidence, dl_place: Place | None, national: bool, prior: Place | None) -> list[Region]:
    rules, w = gaz.rules, gaz.rules.weights
    evidence: dict[str, float] = {c: ev.total(c) for c in set(ev.weight) | set(ev.title) if ev.total(c) > 0}
    if dl_place is not None:
        related = {  # a place named only as where a quote was given does not confirm a desk dateline
            c
            for c in evidence
            if c not in ev.statement_only
            and (
                c in (dl_place.code, dl_place.province_code)
                or (dl_place.level == "province" and c.split(".")[0] == dl_place.code)
            )
        }
        if related or not any(c not in ev.statement_only for c in evidence):
            dw = w.get("dateline_confirmed", 3.0)
        elif any(c.split(".")[0] == dl_place.province_code for c in evidence):
            dw = w.get("dateline_same_province", 2.0)
        else:
            dw = w.get("dateline_unconfirmed", 1.0)
        if national and dl_place.province_code in {c for k in rules.national_keys for c in gaz.codes_for_key(k)}:
            dw *= rules.national_damping
        evidence[dl_place.code] = evidence.get(dl_place.code, 0.0) + dw
    if prior is not None:
        bonus = w.get("prior_bonus", 0.01)
        for code in evidence:
            if code.split(".")[0] == prior.code:
                evidence[code] += bonus
    if not evidence:
        return []
    # the relative part of the score is measured against the strongest place's own evidence, so a province
    # that collects its regencies' share does not push those regencies under the threshold
    top = max(evidence.values())
    share = w.get("province_child_share", 0.5)
    for code in [c for c in evidence if "." not in c]:
        evidence[code] += share * sum(v for c, v in evidence.items() if c.startswith(code + "."))
    sat, floor = w.get("saturation", 3.0), w.get("relative_floor", 0.4)
    min_score = w.get("min_score", 0.2)
    rows: list[Region] = []
    for code, e in evidence.items():
        score = (1.0 - math.exp(-e / sat)) * (floor + (1.0 - floor) * min(1.0, e / top))
        place, province = gaz.get(code), gaz.province(code)
        if score < min_score or place is None or province is None:
            continue
        regency = None if place.level == "province" else place.name
        rows.append(Region(province=province.name, regency=regency, code=code, score=round(score, 3)))
    rows.sort(key=lambda r: (-r.score, r.code))
    return rows[: int(w.get("max_results", 12))]
