"""Checks of the labelled evaluation set itself (tests/quality/labelled.jsonl); no processing code involved."""

from __future__ import annotations

import csv
import json
import os
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.shared import REGIONS_CSV as SHARED_REGIONS_CSV

ROOT = Path(__file__).resolve().parents[1]
SET_FILE = ROOT / "tests" / "quality" / "labelled.jsonl"
REGIONS_CSV = Path(os.environ.get("PANTAU_REGIONS_CSV", str(SHARED_REGIONS_CSV)))

TOPICS = {
    "schedule",
    "candidacy",
    "logistics",
    "voter_list",
    "campaign",
    "debate",
    "quiet_period",
    "voting_counting",
    "recapitulation",
    "dispute_mk",
    "money_politics",
    "asn_neutrality",
    "security",
    "hoax_disinformation",
    "turnout",
    "election_organizers_ethics",
    "violations",
    "quick_count_results",
    "inauguration",
    "budget",
    "disability_inclusion",
}
RULES = {
    "voting_date",
    "weekday_mismatch",
    "region_count",
    "candidate_count",
    "official_title",
    "schedule_date",
    "postponement",
    "known_hoax",
}
# ISO 639-1 codes an article in this set may carry.
LANGUAGES = {"id", "en", "ms", "jv", "su"}
NEGATIVE_KINDS = {
    "pilpres_pileg",
    "pilkades",
    "foreign_election",
    "party_congress",
    "rector_election",
    "passing_mention",
    "sports",
    "economy",
    "other_pemilihan",
}
OFFSETS = {"+07:00", "+08:00", "+09:00"}
LABEL_KEYS = {
    "language",
    "is_pilkada",
    "topics",
    "regions",
    "flags",
    "story_group",
    "near_miss",
    "negative_kind",
    "notes",
}
REQUIRED_LABELS = {"language", "is_pilkada", "topics", "regions", "flags", "notes"}
CODE_RE = re.compile(r"^\d{2}(\.\d{2})?$")
SUMSEL_REQUIRED = {"16.06", "16.13", "16.08", "16.12", "16.73", "16.72"}


def load_set() -> list[dict[str, Any]]:
    rows = []
    with SET_FILE.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"line {n}: blank line"
            rows.append(json.loads(line))
    return rows


ROWS = load_set()


def labels(row: dict[str, Any]) -> dict[str, Any]:
    lab: dict[str, Any] = row["labels"]
    return lab


def pilkada(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if labels(r)["is_pilkada"]]


def test_every_line_is_an_object_with_required_fields() -> None:
    for row in ROWS:
        assert isinstance(row, dict)
        assert set(row) == {"id", "url", "outlet", "title", "body", "published_at", "labels"}, row.get("id")
        for key in ("id", "url", "outlet", "title", "body", "published_at"):
            assert isinstance(row[key], str) and row[key].strip(), (row["id"], key)
        lab = labels(row)
        assert REQUIRED_LABELS <= set(lab) <= LABEL_KEYS, (row["id"], set(lab))


def test_ids_unique_and_well_formed() -> None:
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids)), [i for i, c in Counter(ids).items() if c > 1]
    assert all(re.fullmatch(r"q\d{3}", i) for i in ids)
    urls = [r["url"] for r in ROWS]
    assert len(urls) == len(set(urls))


def test_urls_dates_and_bodies_are_plausible() -> None:
    for row in ROWS:
        parts = urlsplit(row["url"])
        assert parts.scheme == "https" and "." in parts.netloc and len(parts.path) > 1, row["id"]
        stamp = datetime.fromisoformat(row["published_at"])
        assert stamp.tzinfo is not None and row["published_at"][-6:] in OFFSETS, row["id"]
        assert 2023 <= stamp.year <= 2025, row["id"]
        words = len(row["body"].split())
        assert 150 <= words <= 700, (row["id"], words)


def test_label_values_are_valid() -> None:
    for row in ROWS:
        lab = labels(row)
        rid = row["id"]
        assert lab["language"] in LANGUAGES, rid
        assert isinstance(lab["is_pilkada"], bool), rid
        assert isinstance(lab["notes"], str), rid
        assert set(lab["topics"]) <= TOPICS, (rid, lab["topics"])
        assert len(lab["topics"]) == len(set(lab["topics"])), rid
        assert set(lab["flags"]) <= RULES, (rid, lab["flags"])
        assert len(lab["flags"]) <= 2 and len(lab["flags"]) == len(set(lab["flags"])), rid
        if lab["is_pilkada"]:
            assert 1 <= len(lab["topics"]) <= 3, rid
            assert "negative_kind" not in lab, rid
        else:
            assert lab["topics"] == [] and lab["flags"] == [], rid
            assert lab.get("negative_kind") in NEGATIVE_KINDS, rid
        if lab.get("near_miss"):
            assert lab["flags"] == [], rid
        if lab["flags"]:
            assert lab["notes"].strip(), f"{rid}: an inaccurate article must say what is wrong"


def test_region_codes_are_well_formed_and_nested() -> None:
    for row in ROWS:
        codes = labels(row)["regions"]
        assert len(codes) == len(set(codes)), row["id"]
        for code in codes:
            assert CODE_RE.match(code), (row["id"], code)
            if "." in code:
                assert code.split(".")[0] in codes, f"{row['id']}: {code} without its province"


@pytest.mark.skipif(not REGIONS_CSV.is_file(), reason=f"regions reference data not found at {REGIONS_CSV}")
def test_region_codes_exist_in_shared_csv() -> None:
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        known = {rec["code"].strip() for rec in csv.DictReader(fh)}
    assert len(known) > 500
    for row in ROWS:
        for code in labels(row)["regions"]:
            assert code in known, (row["id"], code)


def test_composition_minimums() -> None:
    assert len(ROWS) >= 70
    pk = pilkada(ROWS)
    assert len(pk) >= 40
    provinces = {c.split(".")[0] for r in pk for c in labels(r)["regions"]}
    assert len(provinces) >= 12, sorted(provinces)
    pk_codes = {c for r in pk for c in labels(r)["regions"]}
    assert pk_codes >= SUMSEL_REQUIRED, SUMSEL_REQUIRED - pk_codes
    assert pk_codes & {"94", "91"}, "needs Papua or Papua Tengah"


def test_hard_negatives_cover_required_kinds() -> None:
    negatives = [r for r in ROWS if not labels(r)["is_pilkada"]]
    assert len(negatives) >= 15
    kinds = Counter(labels(r)["negative_kind"] for r in negatives)
    required = NEGATIVE_KINDS - {"other_pemilihan"}
    assert required <= set(kinds), required - set(kinds)
    malay_foreign = [
        r for r in negatives if labels(r)["language"] == "ms" and labels(r)["negative_kind"] == "foreign_election"
    ]
    assert malay_foreign, "needs a Malaysian election article in Malay"


def test_languages_mix() -> None:
    for lang in ("en", "ms"):
        rows = [r for r in ROWS if labels(r)["language"] == lang]
        assert len(rows) >= 4, lang
        assert {labels(r)["is_pilkada"] for r in rows} == {True, False}, f"{lang}: needs Pilkada and non-Pilkada"
    local_quotes = [r for r in ROWS if re.search(r"\b(abdi|teu|nek ora|kula|mugi)\b", r["body"], re.IGNORECASE)]
    assert len(local_quotes) >= 1, "needs an article with Javanese or Sundanese quotes"


def test_inaccurate_and_near_miss_counts() -> None:
    inaccurate = [r for r in ROWS if labels(r)["flags"]]
    assert len(inaccurate) >= 12
    per_rule = Counter(f for r in inaccurate for f in labels(r)["flags"])
    assert set(per_rule) == RULES, RULES - set(per_rule)
    for rule in ("voting_date", "weekday_mismatch", "official_title", "postponement"):
        assert per_rule[rule] >= 3, (rule, per_rule[rule])
    near = [r for r in ROWS if labels(r).get("near_miss")]
    assert len(near) >= 12


def shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_story_groups_are_near_duplicates_with_consistent_labels() -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in ROWS:
        if "story_group" in labels(row):
            groups.setdefault(labels(row)["story_group"], []).append(row)
    assert len(groups) >= 2
    for name, members in groups.items():
        assert len(members) >= 2, name
        assert len({m["outlet"] for m in members}) == len(members), f"{name}: copies come from different outlets"
        assert len({m["title"] for m in members}) == len(members), f"{name}: copies have different titles"
        first = labels(members[0])
        for other in members[1:]:
            lab = labels(other)
            assert lab["is_pilkada"] == first["is_pilkada"] and sorted(lab["flags"]) == sorted(first["flags"]), name
            a, b = shingles(members[0]["body"]), shingles(other["body"])
            assert len(a & b) / len(a | b) > 0.3, f"{name}: bodies are not near-duplicates"
