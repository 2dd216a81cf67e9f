"""Region gazetteer and region detection for Pilkada articles.

The gazetteer (``data/regions.json``) lists Indonesia's 38 provinces, 416 regencies and 98 cities with their
Kemendagri codes, canonical names, a ``pilkada`` flag and the aliases newsrooms use; ``data/region_rules.yaml``
holds the reading rules (level cues, names that need a cue, shared names and their defaults, weights).

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

import json
import math
import re
import string
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pantau.records import Region

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_GAZETTEER = DATA_DIR / "regions.json"
DEFAULT_RULES = DATA_DIR / "region_rules.yaml"

LEVELS = ("province", "regency", "city")
_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str
    province_code: str
    pilkada: bool
    aliases: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()

    @property
    def short_name(self) -> str:
        """The name without "Kabupaten"/"Kota" ("Musi Banyuasin", "Palembang")."""
        for prefix in _PREFIXES:
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


@dataclass(frozen=True)
class _Form:
    """One way of writing a place (or a stop phrase when code is None) as a word sequence."""

    code: str | None
    kind: str  # name | alias | seat | stop
    caps: tuple[str, ...]  # per word: U = all caps, T = capitalised, - = any


@dataclass(frozen=True)
class Rules:
    synonyms: dict[str, str]
    level_cues: dict[str, str]  # word -> level
    context_cues: frozenset[str]
    context_window: int
    blockers: frozenset[str]
    abbreviations: frozenset[str]
    national_qualifiers: frozenset[str]
    needs_cue: frozenset[str]
    stop_phrases: tuple[str, ...]
    ambiguous: dict[str, str | None]
    dateline_levels: tuple[str, ...]
    dateline_max_chars: int
    national_keys: frozenset[str]
    national_damping: float
    national_cues: re.Pattern[str] | None
    skip_lines: re.Pattern[str] | None
    weights: dict[str, float]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _phrase_regex(phrases: Iterable[str], *, line_start: bool = False) -> re.Pattern[str] | None:
    items = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not items:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in items)
    if line_start:
        return re.compile(rf"^[ \t\W]*(?:{body})\b.*$", re.IGNORECASE | re.MULTILINE)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def load_rules(path: Path | None = None) -> Rules:
    raw: dict[str, Any] = yaml.safe_load((path or DEFAULT_RULES).read_text(encoding="utf-8")) or {}
    synonyms = {str(k).lower(): str(v).lower() for k, v in (raw.get("token_synonyms") or {}).items()}

    def key(s: str) -> str:
        return " ".join(synonyms.get(w, w) for w in (t.lower() for t in _words(str(s))))

    level_cues = {str(w).lower(): lvl for lvl, words in (raw.get("level_cues") or {}).items() for w in words}
    nat = raw.get("national_seat") or {}
    return Rules(
        synonyms=synonyms,
        level_cues=level_cues,
        context_cues=frozenset(str(w).lower() for w in raw.get("context_cues") or []) | frozenset(level_cues),
        context_window=int(raw.get("context_window", 3)),
        blockers=frozenset(str(w).lower() for w in raw.get("blockers_before") or []),
        abbreviations=frozenset(str(w).lower() for w in raw.get("abbreviations") or []),
        national_qualifiers=frozenset(str(w).lower() for w in nat.get("qualifiers") or []),
        needs_cue=frozenset(key(w) for w in raw.get("needs_cue") or []),
        stop_phrases=tuple(str(p) for p in raw.get("stop_phrases") or []),
        ambiguous={key(k): (str(v) if v is not None else None) for k, v in (raw.get("ambiguous") or {}).items()},
        dateline_levels=tuple(raw.get("dateline_level_preference") or LEVELS[::-1]),
        dateline_max_chars=int(raw.get("dateline_max_chars", 90)),
        national_keys=frozenset(key(k) for k in nat.get("keys") or []),
        national_damping=float(nat.get("damping", 1.0)),
        national_cues=_phrase_regex(str(c) for c in nat.get("cues") or []),
        skip_lines=_phrase_regex((str(p) for p in raw.get("skip_line_prefixes") or []), line_start=True),
        weights={str(k): float(v) for k, v in (raw.get("weights") or {}).items()},
    )


def _caps_of(word: str) -> str:
    if word.isdigit() or word.islower():
        return "-"
    if len(word) > 1 and word.isupper():
        return "U"
    return "T"


class Gazetteer:
    """All places, and an index from normalised word sequences to the places they can name."""

    def __init__(self, places: Iterable[Place], rules: Rules) -> None:
        self.rules = rules
        self._places: dict[str, Place] = {p.code: p for p in places}
        self.index: dict[str, list[_Form]] = defaultdict(list)
        for place in self._places.values():
            forms = [(place.name, "name"), (place.short_name, "name")]
            forms += [(a, "alias") for a in place.aliases] + [(s, "seat") for s in place.seats]
            for text, kind in forms:
                self._add(text, place.code, kind)
        for phrase in rules.stop_phrases:
            self._add(phrase, None, "stop")
        # first word of every key -> the most words a key starting with it has (the scan tries no longer ones)
        self.first_words: dict[str, int] = {}
        self.first_any_case: set[str] = set()  # first words that may match in lower case ("nasi Padang")
        for key, entries in self.index.items():
            head = key.split(" ", 1)[0]
            self.first_words[head] = max(self.first_words.get(head, 0), key.count(" ") + 1)
            if any(f.caps[0] == "-" for f in entries):
                self.first_any_case.add(head)

    def _add(self, text: str, code: str | None, kind: str) -> None:
        words = _words(text)
        if not words:
            return
        key = self.key(text)
        if any(f.code == code and f.kind != "stop" for f in self.index[key]) and code is not None:
            return
        self.index[key].append(_Form(code, kind, tuple(_caps_of(w) for w in words)))

    def key(self, text: str) -> str:
        syn = self.rules.synonyms
        return " ".join(syn.get(w, w) for w in (t.lower() for t in _words(text)))

    @property
    def places(self) -> list[Place]:
        return list(self._places.values())

    def get(self, code: str) -> Place | None:
        return self._places.get(code)

    def province(self, code: str) -> Place | None:
        """The province of a code ("16.06" -> Sumatera Selatan; "16" -> itself)."""
        place = self._places.get(code)
        return self._places.get(place.province_code) if place else None

    def children(self, province_code: str) -> list[Place]:
        return [p for p in self._places.values() if p.province_code == province_code and p.level != "province"]

    def codes_for_key(self, key: str) -> list[str]:
        return sorted({f.code for f in self.index.get(key, []) if f.code is not None})

    def lookup(self, name: str) -> list[Place]:
        """Places a name can mean, case-insensitively; a leading "Kabupaten"/"Kota"/"Provinsi" picks the level.

        ``lookup("Bogor")`` gives Kabupaten Bogor and Kota Bogor, ``lookup("Kab. Bogor")`` only the regency,
        ``lookup("Muba")`` Kabupaten Musi Banyuasin, ``lookup("16.06")`` the place with that code.
        """
        if not isinstance(name, str):
            return []
        name = name.strip()
        if name in self._places:
            return [self._places[name]]
        key = self.key(name)
        codes = self.codes_for_key(key)
        if not codes:
            first, _, rest = key.partition(" ")
            level = self.rules.level_cues.get(first)
            if level and rest:
                if first in ("kabupaten", "kota") and rest.startswith("administrasi "):
                    rest = rest[len("administrasi ") :]
                cands = [self._places[c] for c in self.codes_for_key(rest)]
                return [p for p in cands if p.level == level] or cands
        return [self._places[c] for c in codes]

    def resolve_province(self, value: str | None) -> Place | None:
        """A province from its code, canonical name or alias ("16", "Sumatera Selatan", "Sumsel")."""
        if not value or not isinstance(value, str):
            return None
        for place in self.lookup(value):
            if place.level == "province":
                return place
        return None


def _load_places(path: Path) -> list[Place]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Place(
            code=str(p["code"]),
            name=str(p["name"]).strip(),
            level=str(p["level"]),
            province_code=str(p["province_code"]),
            pilkada=bool(p["pilkada"]),
            aliases=tuple(str(a) for a in p.get("aliases") or []),
            seats=tuple(str(s) for s in p.get("seats") or []),
        )
        for p in raw["places"]
    ]


@lru_cache(maxsize=4)
def _cached(path: Path, rules_path: Path) -> Gazetteer:
    return Gazetteer(_load_places(path), load_rules(rules_path))


def load_gazetteer(path: Path | None = None, rules_path: Path | None = None) -> Gazetteer:
    """The gazetteer from ``regions.json`` (default: the bundled one, built once per process)."""
    return _cached(Path(path or DEFAULT_GAZETTEER).resolve(), Path(rules_path or DEFAULT_RULES).resolve())


# --------------------------------------------------------------------------------------------------- detection


@dataclass
class _Mention:
    codes: list[str]
    key: str
    kind: str
    cued: bool
    level: str | None
    pos: int
    in_title: bool


@dataclass
class _Evidence:
    weight: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    supported: set[str] = field(default_factory=set)  # places with a cued/unambiguous-by-itself mention
    title: dict[str, float] = field(default_factory=dict)

    def add(self, code: str, w: float, *, in_title: bool, supported: bool) -> None:
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


def _break_before(raw: list[str], orig: list[str], low: list[str], k: int, rules: Rules) -> bool:
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


def _scan(gaz: Gazetteer, text: str, *, in_title: bool) -> list[_Mention]:
    rules = gaz.rules
    raw, orig, low = _tokenize(text)
    if rules.synonyms:
        syn = rules.synonyms
        low = [syn.get(w, w) for w in low]
    out: list[_Mention] = []
    first, any_case, index = gaz.first_words, gaz.first_any_case, gaz.index
    i, n_words = 0, len(low)
    while i < n_words:
        longest = first.get(low[i])
        if longest is None or (orig[i][:1].islower() and low[i] not in any_case):
            i += 1
            continue
        hit: tuple[int, str, list[_Form]] | None = None
        for n in range(min(longest, n_words - i), 0, -1):
            forms = index.get(" ".join(low[i : i + n]))
            if not forms or any(_break_before(raw, orig, low, k, rules) for k in range(i + 1, i + n)):
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
        while start > 0 and i - start < rules.context_window and not _break_before(raw, orig, low, start, rules):
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
        codes = sorted({f.code for f in forms if f.code is not None})
        kind = "seat" if all(f.kind == "seat" for f in forms) else "name"
        out.append(_Mention(codes, key, kind, cued, level, i, in_title))
        i += n
    return out


def _caps_ok(caps: tuple[str, ...], orig: list[str], start: int) -> bool:
    for j, rule in enumerate(caps):
        word = orig[start + j]
        if rule == "U" and not word.isupper():
            return False
        if rule == "T" and not (word[0].isupper() or word[0].isdigit()):
            return False
    return True


_DATELINE_SEP = re.compile(r"\s[-–—]+\s|\s[-–—]+$|\)\s*[-–—:]+\s?")


def _split_dateline(gaz: Gazetteer, text: str) -> tuple[str | None, int]:
    """The place part of a leading dateline and where the body starts after it (0 when there is none)."""
    head = text[: gaz.rules.dateline_max_chars]
    stripped = head.lstrip()
    offset = len(head) - len(stripped)
    line = stripped.split("\n", 1)[0]
    m = _DATELINE_SEP.search(line)
    if not m:
        return None, 0
    prefix = line[: m.start() + (1 if line[m.start()] == ")" else 0)]
    if not prefix.strip() or len(prefix.split()) > 8:
        return None, 0
    # a dateline is ALL CAPS ("MUARA ENIM") or carries an outlet mark ("Jakarta (ANTARA)", "X, KOMPAS.com")
    looks = "(" in prefix or "," in prefix or prefix.strip().isupper()
    if not looks:
        return None, 0
    for part in re.split(r"[,(/|]", prefix):
        part = part.strip(" )")
        if part and gaz.lookup(part):
            return part, offset + m.end()
    return None, 0


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
) -> list[Region]:
    """Regions an article is about, best first (see the module docstring for the rules).

    Never raises on bad input: non-strings count as empty, huge text is read up to ``weights.max_chars``.
    """
    gaz = gazetteer or load_gazetteer()
    rules, w = gaz.rules, gaz.rules.weights
    text = text if isinstance(text, str) else ""
    title = title if isinstance(title, str) else ""
    dateline = dateline if isinstance(dateline, str) and dateline.strip() else None
    max_chars = int(w.get("max_chars", 300_000))
    text, title = text[:max_chars], title[:2000]
    if rules.skip_lines is not None:
        text = rules.skip_lines.sub("", text)

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
            if m.cued:
                base = max(base, w.get("cued_mention", 1.5))
            if m.pos < lead:
                base *= w.get("lead_multiplier", 1.5)
        if national and not m.cued and m.key in rules.national_keys:
            base *= rules.national_damping
        return base

    # unambiguous mentions first; shared names and names that need a cue wait for the evidence of the others
    for m in mentions:
        cands = m.codes
        if m.level and len(cands) > 1:
            cands = [c for c in cands if (p := gaz.get(c)) is not None and p.level == m.level] or cands
        needs_support = m.key in rules.needs_cue and not m.cued
        if len(cands) == 1 and not needs_support:
            ev.add(cands[0], weight_of(m), in_title=m.in_title, supported=True)
        else:
            pending.append((m, cands, needs_support))
    dl_code = dl_place.code if dl_place else None
    for m, cands, needs_support in pending:
        if needs_support:
            cands = [c for c in cands if c in ev.supported or c == dl_code]
        code = cands[0] if len(cands) == 1 else _resolve(gaz, m.key, cands, ev, dl_place, prior) if cands else None
        if code:
            ev.add(code, weight_of(m), in_title=m.in_title, supported=not needs_support)

    return _rank(gaz, ev, dl_place, national, prior)


def _resolve(
    gaz: Gazetteer, key: str, cands: list[str], ev: _Evidence, dl_place: Place | None, prior: Place | None
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
        for pool in (present, {dl_place.province_code} if dl_place else set(), {prior.code} if prior else set()):
            local = [p.code for p in places if p.province_code in pool]
            if len(local) == 1:
                return local[0]
    default = gaz.rules.ambiguous.get(key)
    return default if default in cands else None


def _rank(gaz: Gazetteer, ev: _Evidence, dl_place: Place | None, national: bool, prior: Place | None) -> list[Region]:
    rules, w = gaz.rules, gaz.rules.weights
    evidence: dict[str, float] = {c: ev.total(c) for c in set(ev.weight) | set(ev.title) if ev.total(c) > 0}
    if dl_place is not None:
        related = {
            c
            for c in evidence
            if c == dl_place.code
            or c == dl_place.province_code
            or (dl_place.level == "province" and c.split(".")[0] == dl_place.code)
        }
        if related or not evidence:
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
