"""Word lists and patterns of the claim checks, compiled once from `pantau/data/claim_rules.json`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from pantau.process.claims.facts import DATA_DIR
from pantau.text.dates import MONTHS, WEEKDAYS
from pantau.text.vocabulary import expand

RULES_PATH = DATA_DIR / "claim_rules.json"


def _alt(words: Iterable[str]) -> str:
    uniq = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    firsts = "".join(sorted({re.escape(w[0].lower()) for w in words if w}))
    return re.compile(r"(?<![\w-])(?=[" + firsts + r"])(?:" + _alt(words) + r")(?![\w-])")


def compile_words(entries: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a word list: plain entries match on word boundaries (spaces as any whitespace); entries
    written "re:..." are regex fragments (e.g. "re:salah(?!\\s+satu)"), also bounded by word edges."""
    entries = list(entries)
    parts = [_alt(w for w in entries if not w.startswith("re:"))]
    parts += [w[3:] for w in entries if w.startswith("re:")]
    return re.compile(r"(?<![\w-])(?:" + "|".join(p for p in parts if p) + r")(?![\w-])")


@dataclass(eq=False)  # compared and hashed by identity: caches key on the loaded rules
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
    "voting_verbs_before",
    "voting_cue_relative_words",
)


# Lists compiled with `compile_words` (entries may be "re:" fragments) and single regexes ("<key>_regex").
_WORD_LIST_KEYS = (
    "term_acting_cues",
    "race_lead_words",
    "term_other_offices",
    "diy_names",
    "diy_governor_terms",
    "weekday_event_cues",
    "pilkada_race_names",
    "result_partial_cues",
    "result_unofficial_count_cues",
    "empty_box_terms",
    "term_end_subjects",
    "post_vote_event_cues",
    "post_vote_inauguration_cues",
    "post_vote_event_subjects",
    "post_vote_dispute_cues",
    "result_share_undated_count_cues",
    "pair_cues",
    "psu_cues",
    "re_election_cues",
    "psu_other_events",
    "nomination_cues",
    "non_name_words",
    "elected_designation_hedges",
    "psu_repeat_cues",
    "voting_other_nouns",
    "diy_voter_subjects",
    "result_hoax_blockers",
    "result_hoax_refutations",
    "nomination_mate_cues",
    "nomination_hedges",
    "nomination_other_offices",
    "region_lead_partial_cues",
    "region_lead_tail_stops",
    "voter_count_blockers",
    "result_share_blockers",
    "winner_hedges",
    "winner_gap_blockers",
    "winner_official_cues",
    "second_round_blockers",
    "second_round_official",
    "no_such_race_blockers",
    "race_pair_count_blockers",
    "result_share_claim_blockers",
    "ballot_pair_cue",
    "voting_holiday_blockers",
    "count_governor_race_terms",
    "psu_order_blockers",
    "vote_total_blockers",
    "coalition_cues",
    "coalition_verb_active",
    "coalition_verb_passive",
    "coalition_hedges",
    "coalition_member_cues",
    "coalition_breaks",
    "coalition_verb_lead",
    "coalition_cue_lead",
    "coalition_list_glue",
    "coalition_gap_verb",
    "coalition_gap_allowed",
    "loser_claim_blockers",
    "psu_order_count_cues",
    "psu_order_count_blockers",
    "single_candidate_count_blockers",
)
_REGEX_KEYS = (
    "place_province",
    "term",
    "term_end",
    "outcome_relative_clause",
    "diy_no_pilkada",
    "title_en",
    "title_en_after",
    "vote_share",
    "valid_total",
    "ballot_number",
    "pair_votes",
    "ballot_joint_before",
    "ballot_pair_apposition",
    "ballot_joint_after",
    "elected_designation",
    "result_hoax",
    "nomination_candidacy",
    "region_lead",
    "voter_count",
    "pair_share",
    "winner_claim",
    "winner_named_after",
    "winner_designated",
    "winner_negation",
    "winner_other_objects",
    "winner_local",
    "winner_part",
    "winner_place_before",
    "outcome_number_subject",
    "winner_empty_box_subject",
    "second_round",
    "no_such_race",
    "race_pair_count",
    "race_single_candidate",
    "result_share",
    "voting_holiday",
    "psu_order",
    "race_revote",
    "vote_total",
    "loser_claim",
    "loser_named_after",
    "loser_other_objects",
    "weekday_event_anaphora",
    "psu_order_count",
    "pair_roles_after",
    "unknown_deputy_lead",
)


@lru_cache(maxsize=2)
def load_rules(path: str = str(RULES_PATH)) -> Rules:
    """Compile claim_rules.json (cached). A missing part, a wrong type or a bad pattern raises ValueError here, so a
    broken rules file stops the deployment instead of quietly raising no flags."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    try:
        _validate(raw)
        return _compile(raw)
    except (KeyError, TypeError, re.error) as exc:
        raise ValueError(f"claim rules {path}: {type(exc).__name__}: {exc}") from exc


_STANCE_KINDS = ("asserted", "circulating", "attributed", "denied", "question", "conditional")
# The stance cue lists (pantau.process.claims.stance), compiled into `Rules.lists` as "stance_<key>".
STANCE_LISTS = (
    "denied",
    "question",
    "conditional",
    "attributed",
    "circulating",
    "official_attribution",
    "debunk_title_markers",
    "debunk_body_cues",
)


# Patterns that name parties as "{party}": filled with the canonical party list (facts_parties.json) where used.
PARTY_TEMPLATE_KEYS = ("nomination_claim_regex", "nomination_passive_regex")


def _validate(raw: dict[str, Any]) -> None:
    for key in PARTY_TEMPLATE_KEYS:
        if "{party}" not in raw[key]:
            raise TypeError(f"{key} must name the parties as {{party}}")
        re.compile(raw[key].replace("{party}", "x"))  # a bad pattern fails here, not at the first article
    stance = raw["stance"]
    if not isinstance(stance["debunk_min_body_hits"], int):
        raise TypeError("stance.debunk_min_body_hits must be an integer")
    for kind in _STANCE_KINDS:
        if not isinstance(raw["stance_confidence"][kind], int | float):
            raise TypeError(f"stance_confidence.{kind} must be a number")
    for key in ("debunk_article_rules", "refutable_rules", "attribution_exempt_rules"):
        if not isinstance(raw[key], list):
            raise TypeError(f"{key} must be a list of rule names")
    if not isinstance(raw["min_flag_confidence"], int | float):
        raise TypeError("min_flag_confidence must be a number")
    for key, value in raw["confidence"].items():
        if not key.startswith("_") and not isinstance(value, int | float):
            raise TypeError(f"confidence.{key} must be a number")
        if not key.startswith("_") and key not in raw["severity"]:
            raise KeyError(f"severity has no entry for {key!r}")
    for key, value in raw["severity"].items():
        if value not in ("low", "medium", "high"):
            raise TypeError(f"severity.{key} must be low, medium or high, got {value!r}")


def _compile(raw: dict[str, Any]) -> Rules:
    months = dict(MONTHS)
    weekdays = dict(WEEKDAYS)
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
    lists = {key: _words_re(expand(raw[key])) for key in _LIST_KEYS}
    hedges = _alt(raw["candidate_hedges"])
    candidate = (
        r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d{4})(?![\d,])(?P<an>-an|an\b)?\s+"
        r"(?:pasang(?:an)?\s+calon|paslon|pasangan\s+cakada|pasangan\s+kandidat|pasang\s+kandidat"
        r"|candidate\s+pairs|pairs\s+of\s+candidates|candidate\s+tickets)(?P<after>[^.;:?!]{0,40})"
    )
    count_units = (
        r"(?P<unit>kabupaten\s*/\s*kota|kabupaten\s+dan\s+kota|kab\s*/\s*kota|provinsi|kabupaten|kota|daerah|wilayah"
        r"|regencies\s+and\s+cities|provinces|regencies|cities|regions)"
    )
    verbs = list(raw["postponement_verbs"])
    return Rules(
        raw=raw,
        severity=dict(raw["severity"]),
        months=months,
        weekdays=weekdays,
        number_words={k: {w.lower(): int(n) for w, n in v.items()} for k, v in nw.items()},
        re_sentence_end=re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s)"),
        abbreviations=frozenset(a.lower().replace(".", "") for a in raw["abbreviations"]),
        re_range=re.compile(range_re, re.IGNORECASE),
        re_text_date=re.compile(text_date, re.IGNORECASE),
        re_num_date=re.compile(
            r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\w/]|-\d)"
        ),
        re_iso_date=re.compile(r"(?<![\w/.-])(?P<y>20\d\d)-(?P<m>\d{2})-(?P<d>\d{2})(?![\w/])"),
        re_weekday_lead=re.compile(raw["weekday_lead_regex"].replace("WEEKDAYS", wd_alt), re.IGNORECASE),
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
            + r")\s+(?:provinsi|provinces)\s*,?\s*(?:dan\s+|serta\s+|and\s+)?(?P<k>"
            + re_num
            + r")\s+(?:kabupaten|regencies)"
            r"\s*,?\s*(?:dan\s+|serta\s+|and\s+)?(?P<c>" + re_num + r")\s+(?:kota|cities)(?![\w-])"
        ),
        re_candidate=re.compile(candidate),
        re_candidate_local=re.compile(raw["candidate_local_after_regex"]),
        re_title_before=re.compile(title_rules),
        re_title_after=re.compile(raw["title_after_regex"]),
        re_other_pilkada_year=re.compile(raw["other_pilkada_year_regex"]),
        re_postpone=re.compile(r"(?<![\w-])(?:" + _alt(verbs) + r")(?![\w-])"),
        re_postpone_active=re.compile(r"(?<![\w-])(?:" + _alt(raw["postponement_active_verbs"]) + r")(?![\w-])"),
        lists={
            **lists,
            **{f"stage_exc_{k}": _words_re(v) for k, v in raw["stage_exceptions"].items()},
            "hedge_tail": re.compile(r"(?:" + hedges + r")\s+$"),
            "other_pilkada_year": re.compile(raw["other_pilkada_year_regex"]),
            # Scanned over the lowercased text (Ctx.has): no IGNORECASE, which would make every month alternative
            # a full attempt at every position (sre skips a case-sensitive literal branch on its first character).
            "date_trigger": re.compile(r"\d\s*(?:" + month_alt + r")(?![a-z])|\d[/-]\d|(?:" + month_alt + r")\.?\s+\d"),
            # English order: "November 28, 2024", "Nov. 28".
            "text_date_month_first": re.compile(
                r"(?<![\w/.-])(?P<m>" + month_alt + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\w])"
                r"(?:\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d))?",
                re.IGNORECASE,
            ),
            "single_candidate_count": re.compile(raw["single_candidate_count_regex"].replace("{num}", re_num)),
            **{key: compile_words(raw[key]) for key in _WORD_LIST_KEYS},
            **{f"stance_{key}": compile_words(raw["stance"][key]) for key in STANCE_LISTS},
            **{key: re.compile(raw[f"{key}_regex"]) for key in _REGEX_KEYS},
        },
        other_election_dates=frozenset(date.fromisoformat(d) for d in raw["other_election_dates"]),
    )
