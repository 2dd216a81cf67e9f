"""Check an article's claims against the official Pilkada 2024 fact base.

`check_claims(title, body, published_at=...)` splits the text into sentences and returns one `Flag` per contradicted
statement: a wrong voting date, a weekday that does not match its date, contradicted region or candidate counts,
a KPU RI title the person does not (or no longer) hold, contradicted schedule dates, a claim that the Pilkada is
postponed, or a match of a known debunked claim. Precision comes first: denials, questions, conditional talk,
historical statements, other elections and legitimate local re-votes (PSU, susulan, lanjutan) are not flagged.

Facts live in `pantau/data/facts.json` (versioned, every fact with a source); word lists and patterns in
`pantau/data/claim_rules.json`.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pantau.records import Flag

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
FACTS_PATH = DATA_DIR / "facts.json"
RULES_PATH = DATA_DIR / "claim_rules.json"

RULES = (
    "voting_date",
    "weekday_mismatch",
    "region_count",
    "candidate_count",
    "official_title",
    "schedule_date",
    "postponement",
    "known_hoax",
)
SCHEDULE_STAGES = ("registration", "determination", "campaign", "quiet_period", "recapitulation")
_RE_LAST_WORD = re.compile(r"([\w.]+)$")
_RE_DIGIT = re.compile(r"\d")
_RE_LETTER = re.compile(r"[^\W\d_]")
_RE_EXPLICIT_2024 = re.compile(
    r"(?:pilkada|pemilihan|pilgub|pilbup|pilwalkot|pilwako)\s+(?:serentak\s+)?(?:tahun\s+)?2024"
)
_SEP = " \x00 "
_POSTPONE_STEMS = ("tunda", "undur", "batal", "tangguh", "mundur", "tidak jadi")


# ---------------------------------------------------------------------------------------------------------------
# Fact base


@dataclass(frozen=True)
class Fact:
    value: Any
    text: str
    source: str


@dataclass(frozen=True)
class Stage:
    name: str
    start: date
    end: date
    text: str
    source: str
    informational: bool = False


@dataclass(frozen=True)
class Role:
    role: str
    valid_from: date | None
    valid_to: date | None
    text: str
    source: str
    from_unverified: bool = False

    def active(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    office: str | None = None
    text: str = ""
    source: str = ""


@dataclass(frozen=True)
class Hoax:
    id: str
    claim: str
    text: str
    keywords: tuple[tuple[str, ...], ...]
    valid_from: date | None
    source: str


@dataclass(frozen=True, eq=False)
class FactBase:
    version: str
    updated: str
    sources: dict[str, tuple[str, str]]
    voting_day: Fact
    counts: dict[str, Fact]
    schedule: dict[str, Stage]
    members: tuple[Person, ...]
    others: tuple[Person, ...]
    hoaxes: tuple[Hoax, ...]

    @property
    def voting_date(self) -> date:
        value: date = self.voting_day.value
        return value

    def chair_at(self, day: date) -> tuple[Person, Role] | None:
        for person in self.members:
            for role in person.roles:
                if role.role in ("ketua", "plt_ketua") and role.active(day):
                    return person, role
        return None


def _need(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise ValueError(f"facts: missing '{key}' in {where}")
    value = obj[key]
    if not isinstance(value, kind):
        raise ValueError(f"facts: '{where}.{key}' must be {kind}, got {type(value).__name__}")
    return value


def _date(value: Any, where: str, optional: bool = False) -> date | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"facts: '{where}' must be an ISO date string, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"facts: '{where}' is not an ISO date: {value!r}") from exc


def _parse_facts(raw: Any, origin: str) -> FactBase:
    if not isinstance(raw, dict):
        raise ValueError(f"facts: {origin} must hold a JSON object")
    version = _need(raw, "version", str, "root")
    updated = _need(raw, "updated", str, "root")
    sources: dict[str, tuple[str, str]] = {}
    for i, src in enumerate(_need(raw, "sources", list, "root")):
        sid = _need(src, "id", str, f"sources[{i}]")
        url = _need(src, "url", str, f"sources[{i}]")
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"facts: sources[{i}].url is not an http(s) URL: {url!r}")
        sources[sid] = (_need(src, "title", str, f"sources[{i}]"), url)

    def url_of(obj: dict[str, Any], where: str) -> str:
        sid = _need(obj, "source", str, where)
        if sid not in sources:
            raise ValueError(f"facts: {where}.source names unknown source id {sid!r}")
        return sources[sid][1]

    vd = _need(raw, "voting_day", dict, "root")
    voting = Fact(
        _date(vd.get("value"), "voting_day.value"), _need(vd, "text", str, "voting_day"), url_of(vd, "voting_day")
    )
    counts: dict[str, Fact] = {}
    for key, item in _need(raw, "counts", dict, "root").items():
        if "value" not in item:
            raise ValueError(f"facts: missing 'value' in counts.{key}")
        counts[key] = Fact(item["value"], _need(item, "text", str, f"counts.{key}"), url_of(item, f"counts.{key}"))
    for key in ("provinces", "regencies", "cities", "regions", "regencies_and_cities", "candidate_pairs"):
        if key not in counts or not isinstance(counts[key].value, int):
            raise ValueError(f"facts: counts.{key} must be present with an integer value")
    schedule: dict[str, Stage] = {}
    for key, item in _need(raw, "schedule", dict, "root").items():
        where = f"schedule.{key}"
        start, end = _date(item.get("start"), f"{where}.start"), _date(item.get("end"), f"{where}.end")
        assert start is not None and end is not None
        if end < start:
            raise ValueError(f"facts: {where} ends before it starts")
        schedule[key] = Stage(
            key, start, end, _need(item, "text", str, where), url_of(item, where), bool(item.get("informational"))
        )
    members = tuple(
        _parse_person(p, f"kpu_members[{i}]", url_of) for i, p in enumerate(_need(raw, "kpu_members", list, "root"))
    )
    others = tuple(
        _parse_person(p, f"other_officials[{i}]", url_of) for i, p in enumerate(raw.get("other_officials", []))
    )
    hoaxes: list[Hoax] = []
    for i, item in enumerate(raw.get("known_hoaxes", [])):
        where = f"known_hoaxes[{i}]"
        groups = _need(item, "keywords", list, where)
        if not groups or not all(isinstance(g, list) and g and all(isinstance(w, str) for w in g) for g in groups):
            raise ValueError(f"facts: {where}.keywords must be a non-empty list of non-empty string lists")
        hoaxes.append(
            Hoax(
                _need(item, "id", str, where),
                _need(item, "claim", str, where),
                _need(item, "text", str, where),
                tuple(tuple(w.lower() for w in g) for g in groups),
                _date(item.get("valid_from"), f"{where}.valid_from", optional=True),
                url_of(item, where),
            )
        )
    return FactBase(version, updated, sources, voting, counts, schedule, members, others, tuple(hoaxes))


def _parse_person(item: Any, where: str, url_of: Any) -> Person:
    name = _need(item, "name", str, where)
    aliases = tuple(_need(item, "aliases", list, where)) or (name,)
    roles: list[Role] = []
    for j, r in enumerate(item.get("roles", [])):
        rw = f"{where}.roles[{j}]"
        kind = _need(r, "role", str, rw)
        if kind not in ("ketua", "plt_ketua", "anggota"):
            raise ValueError(f"facts: {rw}.role must be ketua, plt_ketua or anggota, got {kind!r}")
        roles.append(
            Role(
                kind,
                _date(r.get("valid_from"), f"{rw}.valid_from", optional=True),
                _date(r.get("valid_to"), f"{rw}.valid_to", optional=True),
                _need(r, "text", str, rw),
                url_of(r, rw),
                bool(r.get("valid_from_unverified") or r.get("unverified")),
            )
        )
    office = item.get("office")
    text = item.get("text", "")
    source = url_of(item, where) if "source" in item else ""
    return Person(name, tuple(str(a) for a in aliases), tuple(roles), office, text, source)


@lru_cache(maxsize=8)
def _load_facts_cached(path: str, mtime: float) -> FactBase:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"facts: {path} is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"facts: cannot read {path}: {exc}") from exc
    return _parse_facts(raw, path)


def load_facts(path: Path | None = None) -> FactBase:
    """Load (and cache) the fact base; a malformed file raises ValueError naming the problem."""
    target = Path(path) if path is not None else FACTS_PATH
    try:
        mtime = target.stat().st_mtime
    except OSError as exc:
        raise ValueError(f"facts: cannot read {target}: {exc}") from exc
    return _load_facts_cached(str(target), mtime)


# ---------------------------------------------------------------------------------------------------------------
# Rules (word lists) compiled once


def _alt(words: Iterable[str]) -> str:
    uniq = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    firsts = "".join(sorted({re.escape(w[0].lower()) for w in words if w}))
    return re.compile(r"(?<![\w-])(?=[" + firsts + r"])(?:" + _alt(words) + r")(?![\w-])")


@dataclass
class Rules:
    raw: dict[str, Any]
    severity: dict[str, str]
    months: dict[str, int]
    weekdays: dict[str, int]
    number_words: dict[str, dict[str, int]]
    re_sentence_end: re.Pattern[str]
    abbreviations: frozenset[str]
    re_range: re.Pattern[str]
    re_text_date: re.Pattern[str]
    re_num_date: re.Pattern[str]
    re_iso_date: re.Pattern[str]
    re_weekday_lead: re.Pattern[str]
    re_year: re.Pattern[str]
    re_cue: re.Pattern[str]
    cue_stage: dict[str, str]
    gap_words: frozenset[str]
    re_gap_token: re.Pattern[str]
    re_num: str
    re_count: re.Pattern[str]
    re_tuple: re.Pattern[str]
    re_candidate: re.Pattern[str]
    re_candidate_local: re.Pattern[str]
    re_title_before: re.Pattern[str]
    re_title_after: re.Pattern[str]
    re_other_pilkada_year: re.Pattern[str]
    re_postpone: re.Pattern[str]
    re_postpone_active: re.Pattern[str]
    lists: dict[str, re.Pattern[str]] = field(default_factory=dict)
    other_election_dates: frozenset[date] = frozenset()

    def has(self, name: str, text: str) -> bool:
        return self.lists[name].search(text) is not None


_LIST_KEYS = (
    "pilkada_terms",
    "other_election_terms",
    "exception_terms",
    "local_scope_terms",
    "postponement_subject_terms",
    "postponement_other_objects",
    "negation_cues",
    "denial_cues",
    "circulation_cues",
    "conditional_cues",
    "official_decision_cues",
    "past_event_cues",
    "hoax_debunk_cues",
    "title_history_cues",
    "count_national_cues",
    "count_qualifier_terms",
    "candidate_subtype_terms",
    "boundary_start",
    "boundary_end",
    "schedule_verbs",
    "strong_stage_words",
    "voting_verbs",
    "voting_cue_blockers",
)


@lru_cache(maxsize=2)
def load_rules(path: str = str(RULES_PATH)) -> Rules:
    """Compile claim_rules.json (cached)."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    months = {k.lower(): int(v) for k, v in raw["months"].items()}
    weekdays = {k.lower(): int(v) for k, v in raw["weekdays"].items()}
    nw = raw["number_words"]
    month_alt = _alt(months)
    wd_alt = _alt(weekdays)
    num_words = [*nw["units"], *nw["teens"], *nw["se_prefixed"], *nw["multipliers"]]
    numw = "(?:" + _alt(num_words) + ")"
    re_num = r"(?:\d{1,3}(?:\.\d{3})+|\d+|" + numw + r"(?:\s+" + numw + r")*)"
    text_date = (
        r"(?<![\w/.-])(?:tanggal\s+|tgl\.?\s+)?(?P<d>\d{1,2})\s+(?P<m>" + month_alt + r")\.?(?![\w])"
        r"(?:\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d))?"
    )
    range_re = (
        r"(?<![\w/.-])(?P<d1>\d{1,2})(?:\s+(?P<m1>"
        + month_alt
        + r")\.?(?:\s+(?P<y1>(?:19|20)\d\d))?)?"
        + raw["range_connectors_regex"]
        + r"(?:tanggal\s+)?(?P<d2>\d{1,2})\s+(?P<m2>"
        + month_alt
        + r")\.?(?![\w])(?:\s*,?\s*(?P<y2>(?:19|20)\d\d)(?!\d))?"
    )
    cue_stage: dict[str, str] = {}
    for stage, cues in raw["stage_cues"].items():
        for cue in cues:
            cue_stage.setdefault(cue.lower(), stage)
    title_rules = raw["title_regex"]
    lists = {key: _words_re(raw[key]) for key in _LIST_KEYS}
    hedges = _alt(raw["candidate_hedges"])
    candidate = (
        r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d{3})+|\d{4})(?![\d,])(?P<an>-an|an\b)?\s+"
        r"(?:pasang(?:an)?\s+calon|paslon|pasangan\s+cakada|pasangan\s+kandidat|pasang\s+kandidat)(?P<after>[^.;:?!]{0,40})"
    )
    count_units = r"(?P<unit>kabupaten\s*/\s*kota|kabupaten\s+dan\s+kota|kab\s*/\s*kota|provinsi|kabupaten|kota|daerah)"
    verbs = [v for v in raw["postponement_verbs"]]
    return Rules(
        raw=raw,
        severity=dict(raw["severity"]),
        months=months,
        weekdays=weekdays,
        number_words={k: {w.lower(): int(n) for w, n in v.items()} for k, v in nw.items()},
        re_sentence_end=re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)"),
        abbreviations=frozenset(a.lower().replace(".", "") for a in raw["abbreviations"]),
        re_range=re.compile(range_re, re.I),
        re_text_date=re.compile(text_date, re.I),
        re_num_date=re.compile(
            r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\w/]|-\d)"
        ),
        re_iso_date=re.compile(r"(?<![\w/.-])(?P<y>20\d\d)-(?P<m>\d{2})-(?P<d>\d{2})(?![\w/])"),
        re_weekday_lead=re.compile(raw["weekday_lead_regex"].replace("WEEKDAYS", wd_alt), re.I),
        re_year=re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w])"),
        re_cue=re.compile(r"(?<![\w-])(?:" + _alt(cue_stage) + r")(?![\w-])"),
        cue_stage=cue_stage,
        gap_words=frozenset(w.lower() for w in raw["gap_words"]),
        re_gap_token=re.compile(r"[^\W\d_][\w'’.-]*|\d+|[^\s\w]", re.UNICODE),
        re_num=re_num,
        re_count=re.compile(r"(?<![\w.,])(?P<num>" + re_num + r")\s+" + count_units + r"(?![\w-])"),
        re_tuple=re.compile(
            r"(?<![\w.,])(?P<p>"
            + re_num
            + r")\s+provinsi\s*,?\s*(?:dan\s+|serta\s+)?(?P<k>"
            + re_num
            + r")\s+kabupaten"
            r"\s*,?\s*(?:dan\s+|serta\s+)?(?P<c>" + re_num + r")\s+kota(?![\w-])"
        ),
        re_candidate=re.compile(candidate),
        re_candidate_local=re.compile(raw["candidate_local_after_regex"]),
        re_title_before=re.compile(title_rules),
        re_title_after=re.compile(raw["title_after_regex"]),
        re_other_pilkada_year=re.compile(raw["other_pilkada_year_regex"]),
        re_postpone=re.compile(r"(?<![\w-])(?:" + _alt(verbs) + r")(?![\w-])"),
        re_postpone_active=re.compile(
            r"(?<![\w-])(?:menunda|membatalkan|mengundurkan|menangguhkan|memundurkan)(?![\w-])"
        ),
        lists={
            **lists,
            **{f"stage_exc_{k}": _words_re(v) for k, v in raw["stage_exceptions"].items()},
            "hedge_tail": re.compile(r"(?:" + hedges + r")\s+$"),
            "other_pilkada_year": re.compile(raw["other_pilkada_year_regex"]),
            "date_trigger": re.compile(r"\d\s*(?:" + month_alt + r")(?![a-z])|\d[/-]\d"),
        },
        other_election_dates=frozenset(date.fromisoformat(d) for d in raw["other_election_dates"]),
    )


# ---------------------------------------------------------------------------------------------------------------
# Text helpers


def split_sentences(text: str, rules: Rules | None = None) -> list[str]:
    """Split Indonesian news text into sentences; abbreviations (Kab., H., Dr., No.) and decimals (1.553) are kept."""
    rules = rules or load_rules()
    out: list[str] = []
    for para in re.split(r"\n+", text):
        para = para.strip()
        if not para:
            continue
        start = 0
        for m in rules.re_sentence_end.finditer(para):
            end = m.end()
            if m.group(0)[0] == ".":
                before = para[max(start, m.start() - 24) : m.start()]
                word = _RE_LAST_WORD.search(before)
                token = word.group(1).lower().replace(".", "") if word else ""
                if token in rules.abbreviations or (len(token) == 1 and token.isalpha()):
                    continue
            rest = para[end:].lstrip()
            if rest and rest[0].islower():
                continue
            piece = para[start:end].strip()
            if piece:
                out.append(piece)
            start = end
        tail = para[start:].strip()
        if tail:
            out.append(tail)
    return out


def parse_number(text: str, rules: Rules) -> int | None:
    text = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return int(text.replace(".", ""))
    if text.isdigit():
        return int(text)
    nw = rules.number_words
    value = hundreds = small = 0
    seen = False
    for tok in text.split():
        if tok in nw["units"]:
            small += nw["units"][tok]
        elif tok in nw["teens"]:
            small += nw["teens"][tok]
        elif tok == "belas":
            small += 10
        elif tok == "puluh":
            small *= 10
        elif tok == "ratus":
            hundreds += small * 100
            small = 0
        elif tok == "seratus":
            hundreds += 100
        elif tok == "ribu":
            value += (hundreds + small) * 1000
            hundreds = small = 0
        elif tok == "seribu":
            value += 1000
        else:
            return None
        seen = True
    return value + hundreds + small if seen else None


def parse_published(published_at: str | None) -> date | None:
    if not isinstance(published_at, str):
        return None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", published_at)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


@dataclass
class DateMention:
    start: int
    end: int
    first: date
    last: date
    explicit_year: bool
    weekday: int | None = None
    weekday_text: str = ""

    @property
    def is_range(self) -> bool:
        return self.first != self.last


def _mk_date(y: int | None, m: int, d: int) -> date | None:
    if y is None or not (1 <= m <= 12):
        return None
    if y < 100:
        y += 2000
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, ref: date | None, fallback: int | None) -> int | None:
    if ref is None:
        return fallback
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        cand = _mk_date(y, m, d)
        if cand is None:
            continue
        dist = abs((cand - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def find_dates(sentence: str, ref: date | None, rules: Rules) -> list[DateMention]:
    """All dates and date ranges in a sentence, with the weekday written before them (if any)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    years = [int(y) for y in rules.re_year.findall(sentence)]
    fallback = years[0] if len(set(years)) == 1 else None

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in rules.re_range.finditer(sentence):
        m2 = rules.months[m.group("m2").lower()]
        d2 = int(m.group("d2"))
        y2 = int(m.group("y2")) if m.group("y2") else _infer_year(m2, d2, ref, fallback)
        m1 = rules.months[m.group("m1").lower()] if m.group("m1") else m2
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if y2 is None or m1 <= m2 else y2 - 1)
        a, b = _mk_date(y1, m1, int(m.group("d1"))), _mk_date(y2, m2, d2)
        if a and b and a <= b and (b - a).days <= 400:
            found.append(DateMention(m.start(), m.end(), a, b, bool(m.group("y2"))))
            taken.append((m.start(), m.end()))
    for m in rules.re_text_date.finditer(sentence):
        if not free(m.start("d"), m.end()):
            continue
        mo, d = rules.months[m.group("m").lower()], int(m.group("d"))
        y = int(m.group("y")) if m.group("y") else _infer_year(mo, d, ref, fallback)
        day = _mk_date(y, mo, d)
        if day:
            found.append(DateMention(m.start("d"), m.end(), day, day, bool(m.group("y"))))
            taken.append((m.start("d"), m.end()))
    for m in rules.re_iso_date.finditer(sentence):
        if free(m.start(), m.end()):
            day = _mk_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if day:
                found.append(DateMention(m.start(), m.end(), day, day, True))
                taken.append((m.start(), m.end()))
    for m in rules.re_num_date.finditer(sentence):
        if not free(m.start(), m.end()):
            continue
        if m.group("y") is None:
            # "(27/11)" is only a date when written right after a weekday, as in "Rabu (27/11)".
            lead = sentence[max(0, m.start() - 14) : m.start()]
            if not lead.rstrip().endswith("(") or not rules.re_weekday_lead.search(lead):
                continue
            y = _infer_year(int(m.group("m")), int(m.group("d")), ref, fallback)
        else:
            y = int(m.group("y"))
        day = _mk_date(y, int(m.group("m")), int(m.group("d")))
        if day:
            found.append(DateMention(m.start(), m.end(), day, day, m.group("y") is not None))
            taken.append((m.start(), m.end()))
    for dm in found:
        lead = sentence[max(0, dm.start - 24) : dm.start]
        wm = rules.re_weekday_lead.search(lead)
        if wm and wm.group("wd")[0].isupper() and not lead[: wm.start("wd")].rstrip().endswith(("-", "–")):
            dm.weekday = rules.weekdays[wm.group("wd").lower()]
            dm.weekday_text = wm.group("wd")
    found.sort(key=lambda x: x.start)
    return found


# ---------------------------------------------------------------------------------------------------------------
# Checks


@dataclass
class _Ctx:
    facts: FactBase
    rules: Rules
    ref: date | None
    title_low: str
    title_pilkada: bool
    debunk_article: bool
    flags: list[Flag] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)
    doc_text: str = ""
    starts: list[int] = field(default_factory=list)
    i: int = 0
    _hits: dict[str, set[int]] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        """Whether the current sentence matches list `name` (one pass over the whole text per list, cached)."""
        hits = self._hits.get(name)
        if hits is None:
            hits = {bisect_right(self.starts, m.start()) - 1 for m in self.rules.lists[name].finditer(self.doc_text)}
            self._hits[name] = hits
        return self.i in hits

    def add(self, rule: str, severity: str, evidence: str, fact: str, source: str) -> None:
        key = (rule, evidence)
        if key in self.seen:
            return
        self.seen.add(key)
        self.flags.append(Flag(rule=rule, severity=severity, evidence=evidence, fact=fact, source=source))


def _fmt(day: date, rules: Rules, weekday: bool = False) -> str:
    text = f"{day.day} {rules.raw['month_names'][day.month - 1]} {day.year}"
    return f"{rules.raw['weekday_names'][day.weekday()]}, {text}" if weekday else text


def _pilkada_context(low: str, ctx: _Ctx) -> bool:
    if ctx.has("other_pilkada_year"):
        return False
    if ctx.has("pilkada_terms"):
        return True
    return ctx.title_pilkada and not ctx.has("other_election_terms")


def _gap_ok(gap: str, r: Rules) -> bool:
    caps = 0
    for tok in r.re_gap_token.finditer(gap):
        word = tok.group(0)
        lw = word.lower().rstrip(".")
        if lw in r.gap_words or lw in r.weekdays or re.fullmatch(r"(?:19|20)\d\d|[(),:/–-]", lw):
            continue
        if word[0].isupper():
            caps += 1
            if caps <= r.raw["max_gap_capitalized_tokens"]:
                continue
        return False
    return True


def _stage_of(sentence: str, low: str, dm: DateMention, ctx: _Ctx) -> tuple[str | None, str, str, int]:
    """The schedule stage a date is attached to: the nearest cue before it, joined only by connector words.

    An election name between a stage cue and the date ("masa tenang Pilkada 2024 berlangsung ...") is skipped, so
    the specific stage wins over the generic voting cue.
    """
    r = ctx.rules
    cues = [m for m in r.re_cue.finditer(low, 0, dm.start)]
    if not cues:
        return None, "", "", 0
    i = len(cues) - 1
    cue = cues[i]
    if dm.start - cue.end() > r.raw["max_gap_chars"] or not _gap_ok(sentence[cue.end() : dm.start], r):
        return None, "", "", 0
    while i > 0 and r.lists["pilkada_terms"].fullmatch(re.sub(r"\s+", " ", cues[i].group(0))):
        prev = cues[i - 1]
        if dm.start - prev.end() > 2 * r.raw["max_gap_chars"] or not _gap_ok(sentence[prev.end() : cues[i].start()], r):
            break
        i -= 1
    cue = cues[i]
    cue_text = re.sub(r"\s+", " ", cue.group(0))
    return r.cue_stage.get(cue_text, "other"), cue_text, low[cue.end() : dm.start], cue.start()


def _check_dates(sentence: str, low: str, ctx: _Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    dates = find_dates(sentence, ctx.ref, r)
    if not dates:
        return
    for dm in dates:
        if dm.weekday is not None and not dm.is_range and dm.first.weekday() != dm.weekday:
            sev = r.severity["weekday_mismatch" if dm.explicit_year else "weekday_mismatch_inferred_year"]
            fact = f"Menurut kalender, {_fmt(dm.first, r)} jatuh pada hari {r.raw['weekday_names'][dm.first.weekday()]}"
            fact += f", bukan {dm.weekday_text}."
            source = facts.voting_day.source if dm.first == facts.voting_date else ""
            if dm.first == facts.voting_date:
                fact += " " + facts.voting_day.text
            ctx.add("weekday_mismatch", sev, sentence, fact, source)
    if not _pilkada_context(low, ctx) or ctx.has("exception_terms"):
        return
    explicit_2024 = _RE_EXPLICIT_2024.search(low)
    for dm in dates:
        stage, cue, gap, cue_start = _stage_of(sentence, low, dm, ctx)
        if stage is None or stage == "other":
            continue
        if dm.first in r.other_election_dates:
            continue
        in_season = date(2024, 8, 1) <= dm.first <= date(2024, 12, 31)
        if not in_season and not explicit_2024:
            continue
        if stage == "voting":
            if dm.is_range or dm.first == facts.voting_date:
                continue
            if not dm.explicit_year and dm.first.year != 2024:
                continue
            if not _voting_link_ok(low, cue, gap, cue_start, r):
                continue
            fact = facts.voting_day.text
            ctx.add("voting_date", r.severity["voting_date"], sentence, fact, facts.voting_day.source)
        elif stage in SCHEDULE_STAGES and stage in facts.schedule:
            official = facts.schedule[stage]
            exc = r.lists.get(f"stage_exc_{stage}")
            if exc is not None and exc.search(low):
                continue
            if _schedule_contradicts(dm, official, cue, gap, r):
                ctx.add("schedule_date", r.severity["schedule_date"], sentence, official.text, official.source)


def _voting_link_ok(low: str, cue: str, gap: str, cue_start: int, r: Rules) -> bool:
    """A voting cue really dates the vote: not "hasil/usai/jelang Pilkada, Kamis (28/11)"."""
    prev = low[max(0, cue_start - 30) : cue_start].split()
    if prev and r.lists["voting_cue_blockers"].fullmatch(prev[-1].strip(",.()")):
        return False
    if r.lists["pilkada_terms"].fullmatch(cue):
        # "Rekapitulasi tingkat provinsi Pilkada Jabar digelar ...": the election name qualifies another stage.
        for other in r.re_cue.finditer(low, max(0, cue_start - 60), cue_start):
            if r.cue_stage.get(re.sub(r"\s+", " ", other.group(0)), "other") != "voting":
                return False
    if r.lists["pilkada_terms"].fullmatch(cue) and not r.has("voting_verbs", gap):
        return "," not in gap and not any(tok in r.weekdays for tok in re.findall(r"[\w'’]+", gap))
    return True


def _schedule_contradicts(dm: DateMention, official: Stage, cue: str, gap: str, r: Rules) -> bool:
    if dm.is_range:
        return dm.first != official.start or dm.last != official.end
    starts = r.has("boundary_start", gap)
    ends = r.has("boundary_end", gap)
    if starts and not ends:
        return dm.first != official.start
    if ends and not starts:
        return dm.first != official.end
    strong = r.has("strong_stage_words", cue) or official.name in ("quiet_period", "registration", "determination")
    if not (strong or r.has("schedule_verbs", gap)):
        return False
    return not (official.start <= dm.first <= official.end)


def _check_counts(sentence: str, low: str, ctx: _Ctx) -> None:
    r, counts = ctx.rules, ctx.facts.counts
    if "provinsi" not in low and "kabupaten" not in low and "daerah" not in low and "kota" not in low:
        return
    if not ctx.has("pilkada_terms") or ctx.has("other_pilkada_year") or ctx.has("other_election_terms"):
        return
    tuple_spans: list[tuple[int, int]] = []
    region_fact = counts["regions"]
    for m in r.re_tuple.finditer(low):
        p, k, c = (parse_number(m.group(g), r) for g in ("p", "k", "c"))
        tuple_spans.append((m.start(), m.end()))
        if p is None or k is None or c is None or p <= 1:
            continue
        admin = r.raw["count_admin_totals"]
        if p in admin["provinsi"] and k in admin["kabupaten"] and c in admin["kota"]:
            continue
        want = (counts["provinces"].value, counts["regencies"].value, counts["cities"].value)
        if (p, k, c) == want:
            continue
        only_38 = (k, c) == want[1:] and p in admin["provinsi"]
        sev = r.severity["region_count_38_provinces" if only_38 else "region_count"]
        ctx.add("region_count", sev, sentence, region_fact.text, region_fact.source)
    if ctx.has("count_qualifier_terms"):
        return
    national = ctx.has("count_national_cues")
    mins = r.raw["count_min_national"]
    for m in r.re_count.finditer(low):
        if any(a <= m.start() < b for a, b in tuple_spans):
            continue
        n = parse_number(m.group("num"), r)
        unit = (
            re.sub(r"\s+", " ", m.group("unit"))
            .replace(" dan ", "/")
            .replace("kab /", "kabupaten/")
            .replace(" / ", "/")
        )
        unit = unit.replace("kab/", "kabupaten/")
        if n is None:
            continue
        if unit == "daerah" and national and 400 <= n <= 700 and n not in (545, 508):
            fact = region_fact
        elif unit == "kabupaten/kota" and mins["kabupaten/kota"] <= n <= 600 and n not in (508, 514):
            fact = counts["regencies_and_cities"]
        elif unit == "provinsi" and mins["provinsi"] <= n <= 40 and n not in (37, 38):
            fact = counts["provinces"]
        elif unit == "kabupaten" and national and 300 <= n <= 500 and n not in (415, 416):
            fact = counts["regencies"]
        elif unit == "kota" and national and 60 <= n <= 120 and n not in (93, 98):
            fact = counts["cities"]
        else:
            continue
        ctx.add("region_count", r.severity["region_count"], sentence, fact.text, fact.source)


def _check_candidates(sentence: str, low: str, ctx: _Ctx) -> None:
    r, counts = ctx.rules, ctx.facts.counts
    if "calon" not in low and "paslon" not in low and "kandidat" not in low:
        return
    if not _pilkada_context(low, ctx) or ctx.has("other_election_terms") or ctx.has("exception_terms"):
        return
    lo, hi = r.raw["candidate_range"]
    official = counts["candidate_pairs"].value
    accepted = {official, counts.get("candidate_pairs_registered", counts["candidate_pairs"]).value}
    for m in r.re_candidate.finditer(low):
        n = parse_number(m.group("num"), r)
        if n is None or not (lo <= n <= hi) or n in accepted:
            continue
        after = m.group("after")
        if r.lists["candidate_subtype_terms"].search(after[:30]) or r.re_candidate_local.search(after):
            continue
        lead = low[max(0, m.start() - 30) : m.start()]
        if re.search(r"\bdari\s+(?:total\s+)?$|\bdari\s+(?:sekitar\s+)?$", lead):
            continue
        hedged = bool(m.group("an") or r.lists["hedge_tail"].search(lead)) or n % 50 == 0
        tol = r.raw["candidate_tolerance_hedged" if hedged else "candidate_tolerance_exact"]
        if abs(n - official) / official <= tol:
            continue
        fact = counts["candidate_pairs"]
        ctx.add("candidate_count", r.severity["candidate_count"], sentence, fact.text, fact.source)


@lru_cache(maxsize=4)
def _name_index(facts: FactBase) -> tuple[re.Pattern[str], dict[str, Person]]:
    index: dict[str, Person] = {}
    parts: list[str] = []
    for person in (*facts.members, *facts.others):
        for alias in person.aliases:
            key = _name_key(alias)
            index.setdefault(key, person)
            pat = re.escape(alias.lower()).replace(r"\ ", r"\s+")
            pat = re.sub(r"(?:\\?['’`])", "['’`]?\\\\s?", pat)
            parts.append(pat)
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])"), index


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _check_titles(sentence: str, low: str, ctx: _Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    if "kpu" not in low and "komisi pemilihan" not in low:
        return
    pattern, index = _name_index(facts)
    for m in pattern.finditer(low):
        person = index.get(_name_key(m.group(0)))
        if person is None:
            continue
        before = low[max(0, m.start() - 90) : m.start()]
        tm = r.re_title_before.search(before)
        if tm is None:
            tm = r.re_title_after.match(low[m.end() : m.end() + 80])
            if tm is not None and re.match(
                r"\s*(?:provinsi|kabupaten|kota|kab\.?|prov\.?|dki|daerah|di)\b", low[m.end() + tm.end() :]
            ):
                continue
        if tm is None:
            continue
        if ctx.has("title_history_cues"):
            continue
        kind = "plt" if tm.group("plt") else ("ketua" if tm.group("kind") == "ketua" else "anggota")
        _judge_title(person, kind, sentence, low, ctx)


def _judge_title(person: Person, kind: str, sentence: str, low: str, ctx: _Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    label = {"ketua": "Ketua KPU RI", "plt": "Plt Ketua KPU RI", "anggota": "anggota KPU RI"}[kind]
    if person.office is not None:
        ctx.add("official_title", r.severity["official_title_member"], sentence, person.text, person.source)
        return
    wanted = {
        "ketua": ("ketua", "plt_ketua"),
        "plt": ("plt_ketua", "ketua"),
        "anggota": ("anggota", "ketua", "plt_ketua"),
    }
    roles = [role for role in person.roles if role.role in wanted[kind]]
    if not roles:
        sev = r.severity["official_title_chair" if kind != "anggota" else "official_title_member"]
        chair = facts.chair_at(ctx.ref) if ctx.ref else None
        fact = f"{person.name} tidak pernah menjabat {label}."
        src = person.roles[0].source if person.roles else ""
        if chair:
            fact += f" {label.replace('Plt ', '')} pada tanggal artikel: {chair[0].name} ({chair[1].text.rstrip('.')})."
            src = chair[1].source
        ctx.add("official_title", sev, sentence, fact, src)
        return
    if ctx.ref is None:
        return
    if any(role.active(ctx.ref) for role in roles):
        if kind == "plt" and not any(role.role == "plt_ketua" and role.active(ctx.ref) for role in roles):
            ketua = next(role for role in roles if role.active(ctx.ref))
            ctx.add("official_title", r.severity["official_title_minor"], sentence, ketua.text, ketua.source)
        return
    # Not valid at the article's date: historical sentences that name an earlier date or year are fine.
    for dm in find_dates(sentence, ctx.ref, r):
        if dm.explicit_year and any(role.active(dm.first) for role in roles):
            return
    for mm in re.finditer(r"(?<![\w])(" + "|".join(r.months) + r")\.?\s+((?:19|20)\d\d)(?![\w])", low):
        mo, yr = r.months[mm.group(1)], int(mm.group(2))
        span = (date(yr, mo, 1), date(yr, mo, calendar.monthrange(yr, mo)[1]))
        if any(role.active(span[0]) or role.active(span[1]) for role in roles):
            return
    for y in r.re_year.findall(low):
        yr = int(y)
        if yr < ctx.ref.year and any(role.active(date(yr, 6, 30)) or role.active(date(yr, 12, 31)) for role in roles):
            return
    earliest = min((role.valid_from for role in roles if role.valid_from), default=None)
    if earliest and ctx.ref < earliest:
        if any(role.from_unverified for role in roles):
            return
        ended = roles[0]
        sev = r.severity["official_title_minor"]
        ctx.add(
            "official_title",
            sev,
            sentence,
            f"{person.name} belum menjabat pada tanggal artikel: {ended.text}",
            ended.source,
        )
        return
    ended = max(roles, key=lambda role: role.valid_to or date.max)
    sev = r.severity["official_title_chair" if kind in ("ketua", "plt") else "official_title_member"]
    fact = f"{person.name}: {ended.text}"
    source = ended.source
    if kind in ("ketua", "plt"):
        chair = facts.chair_at(ctx.ref)
        if chair:
            fact = f"Ketua KPU RI pada tanggal artikel adalah {chair[0].name} ({chair[1].text.rstrip('.')}). {fact}"
    ctx.add("official_title", sev, sentence, fact, source)


def _check_postponement(sentence: str, low: str, ctx: _Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    hits = list(r.re_postpone.finditer(low)) + list(r.re_postpone_active.finditer(low))
    if not hits or ctx.debunk_article or "?" in sentence:
        return
    for key in ("denial_cues", "conditional_cues", "official_decision_cues", "past_event_cues", "exception_terms"):
        if ctx.has(key):
            return
    if ctx.has("local_scope_terms") or ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    subjects = list(r.lists["postponement_subject_terms"].finditer(low))
    if not subjects:
        return
    for hit in hits:
        active = r.re_postpone_active.fullmatch(hit.group(0)) is not None
        if active:
            window = low[hit.end() : hit.end() + 50]
            subj = r.lists["postponement_subject_terms"].search(window)
            between = window[: subj.start()] if subj else ""
        else:
            prior = [s for s in subjects if s.end() <= hit.start() and hit.start() - s.end() <= 60]
            subj = prior[-1] if prior else None
            between = low[subj.end() : hit.start()] if subj else ""
        if subj is None or r.has("postponement_other_objects", between):
            continue
        lead = low[max(0, hit.start() - 25) : hit.start()]
        if r.has("negation_cues", lead) or r.has("negation_cues", between):
            continue
        fact = facts.voting_day.text + " Tidak ada keputusan resmi penundaan Pilkada Serentak 2024 secara nasional."
        severity = r.severity["postponement"]
        if ctx.has("circulation_cues"):
            # The article reports a claim going round (a chain message, a viral post) without refuting it:
            # readers may take it as true, so the KPU should still clarify it.
            severity = r.severity["postponement_circulating"]
            fact += " Artikel memuat klaim yang beredar tanpa bantahan."
        ctx.add("postponement", severity, sentence, fact, facts.voting_day.source)
        return


def _check_hoaxes(sentence: str, low: str, ctx: _Ctx) -> None:
    r = ctx.rules
    if ctx.debunk_article or ctx.has("conditional_cues") or ctx.has("negation_cues"):
        return
    for hoax in ctx.facts.hoaxes:
        if hoax.valid_from and ctx.ref and ctx.ref < hoax.valid_from:
            continue
        if all(any(w in low for w in group) for group in hoax.keywords):
            fact = f"{hoax.text} (Klaim yang sudah dibantah: {hoax.claim})"
            ctx.add("known_hoax", r.severity["known_hoax"], sentence, fact, hoax.source)


def check_claims(
    title: str,
    body: str,
    *,
    published_at: str | None = None,
    facts: FactBase | None = None,
    article_pilkada: bool = False,
) -> list[Flag]:
    """Flags for statements that contradict the official fact base; [] for clean, empty or unreadable input.

    `article_pilkada`: the relevance stage judged the whole article to be about the Pilkada, so a sentence about
    voting counts as Pilkada context even when it does not repeat the word (as a Pilkada title would).
    """
    facts = facts or load_facts()  # a malformed fact file is a deployment error: it raises ValueError
    try:
        return _check(title, body, published_at, facts, article_pilkada)
    except Exception:  # a checker bug must not stop the pipeline; the article simply gets no flags
        log.exception("claims: check failed")
        return []


def _check(
    title: Any, body: Any, published_at: str | None, facts: FactBase, article_pilkada: bool = False
) -> list[Flag]:
    rules = load_rules()
    title = _clean(title, rules)
    body = _clean(body, rules)
    if not title and not body:
        return []
    title_low = title.lower()
    text_low = f"{title_low}\n{body.lower()}"
    ctx = _Ctx(
        facts=facts,
        rules=rules,
        ref=parse_published(published_at),
        title_low=title_low,
        title_pilkada=article_pilkada or rules.has("pilkada_terms", title_low),
        debunk_article=rules.has("hoax_debunk_cues", text_low),
    )
    sentences = ([title] if title else []) + split_sentences(body, rules)
    max_len = rules.raw["sentence_max_chars"]
    sentences = [s for s in sentences if len(s) <= max_len and _RE_LETTER.search(s)]
    lows = [s.lower() for s in sentences]
    pos = 0
    for low in lows:
        ctx.starts.append(pos)
        pos += len(low) + len(_SEP)
    ctx.doc_text = _SEP.join(lows)
    for i, (sentence, low) in enumerate(zip(sentences, lows, strict=True)):
        ctx.i = i
        if _RE_DIGIT.search(sentence):
            if ctx.has("date_trigger"):
                _check_dates(sentence, low, ctx)
            if "pasang" in low or "paslon" in low or "kandidat" in low:
                _check_candidates(sentence, low, ctx)
        if "provinsi" in low or "kabupaten" in low or "daerah" in low or " kota" in low:
            _check_counts(sentence, low, ctx)
        if "kpu" in low or "komisi pemilihan" in low:
            _check_titles(sentence, low, ctx)
        if any(stem in low for stem in _POSTPONE_STEMS):
            _check_postponement(sentence, low, ctx)
        if ctx.facts.hoaxes:
            _check_hoaxes(sentence, low, ctx)
    return ctx.flags


def _clean(value: Any, rules: Rules) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return ""
    value = value[: rules.raw["text_max_chars"]]
    value = value.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]+", " ", value).strip()


def rule_names() -> Sequence[str]:
    return RULES
