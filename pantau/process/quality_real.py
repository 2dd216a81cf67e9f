"""Quality of judgement on real text: the labelled real articles and claims of the team's shared data.

The set (`shared/data/articles_real/cases.jsonl`: real newsroom texts, fact-checks and circulated claims with gold
labels) stays outside the repository; this module reads it from a path. It is split once, deterministically, into a
tuning part and a held-out part (`split`), stratified by category; `tests/quality/real_split.json` records the split
and `tests/quality/real_gate.json` pins floors on both parts.

`python -m pantau.process.quality_real CASES.jsonl` prints the metrics of both parts and per category.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from pantau.process.quality import judge, load_set, precision_recall, ratio
from pantau.records import ProcessedArticle

SPLIT_SALT = "pantau-real-split-v1"
HELD_OUT_EVERY = 3  # one case in three (per category, in hash order) is held out


def split(cases: list[dict[str, Any]]) -> dict[str, list[str]]:
    """{"tuning": ids, "held_out": ids}: within each category the cases are ordered by a salted hash of their id and
    every third goes to the held-out part, so both parts hold every category and the split never depends on order."""
    by_category: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        by_category[case["category"]].append(case["id"])
    parts: dict[str, list[str]] = {"tuning": [], "held_out": []}
    for ids in by_category.values():
        ordered = sorted(ids, key=lambda i: hashlib.sha256(f"{SPLIT_SALT}:{i}".encode()).hexdigest())
        for n, case_id in enumerate(ordered):
            parts["held_out" if n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 else "tuning"].append(case_id)
    return {name: sorted(ids) for name, ids in parts.items()}


def metrics(cases: list[dict[str, Any]], got: dict[str, ProcessedArticle]) -> dict[str, float]:
    """Language accuracy, Pilkada precision/recall, province precision/recall (on cases that name provinces) and
    flag precision/recall at article level (a case is flagged when Pantau raised any flag on it)."""
    m: dict[str, float] = {"cases": len(cases)}
    m["language_accuracy"] = ratio(sum(got[c["id"]].language == c["language"] for c in cases), len(cases))
    m["pilkada_precision"], m["pilkada_recall"] = precision_recall(
        (got[c["id"]].is_pilkada, c["pilkada"]) for c in cases
    )
    named = [c for c in cases if c["provinces"]]
    found = {c["id"]: {r.province for r in got[c["id"]].regions} for c in named}
    right = sum(len(found[c["id"]] & set(c["provinces"])) for c in named)
    m["provinces_precision"] = ratio(right, sum(len(found[c["id"]]) for c in named))
    m["provinces_recall"] = ratio(right, sum(len(c["provinces"]) for c in named))
    m["flags_raised"] = sum(bool(got[c["id"]].flags) for c in cases)
    m["flags_gold"] = sum(bool(c["flag"]) for c in cases)
    m["flags_precision"], m["flags_recall"] = precision_recall((bool(got[c["id"]].flags), c["flag"]) for c in cases)
    return m


def report(cases: list[dict[str, Any]], parts: dict[str, list[str]]) -> dict[str, Any]:
    """Metrics of each part, of the whole set and of each category (whole set)."""
    got = judge(cases)
    by_id = {c["id"]: c for c in cases}
    out: dict[str, Any] = {name: metrics([by_id[i] for i in ids], got) for name, ids in parts.items()}
    out["all"] = metrics(cases, got)
    categories = sorted({c["category"] for c in cases})
    out["by_category"] = {k: metrics([c for c in cases if c["category"] == k], got) for k in categories}
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pantau.process.quality_real",
        description="Judgement metrics on the labelled real set: tuning and held-out parts, whole set, per category.",
    )
    parser.add_argument("cases", type=Path, help="the real set, e.g. ../shared/data/articles_real/cases.jsonl")
    args = parser.parse_args(argv)
    if not args.cases.is_file():
        parser.error(f"no such file: {args.cases}")
    cases = load_set(args.cases)
    print(json.dumps(report(cases, split(cases)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
