"""Quality of judgement on real text: the labelled real articles and claims of the team's shared data.

The set (`shared/data/articles_real/cases.jsonl`: real newsroom texts, fact-checks and circulated claims with gold
labels) stays outside the repository; this module reads it from a path. It is split once, deterministically, into a
tuning part and a held-out part (`split`), stratified by category; `tests/quality/real_split.json` records the split
and `tests/quality/real_gate.json` pins floors on both parts.

`python -m pantau.process.quality_real CASES.jsonl` prints the metrics of both parts and per category.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from pantau.process.batch import process_batch
from pantau.records import ProcessedArticle, RawArticle

SPLIT_SALT = "pantau-real-split-v1"
HELD_OUT_EVERY = 3  # one case in three (per category, in hash order) is held out
RAW_KEYS = ("id", "url", "outlet", "title", "body", "published_at")


def load_cases(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def judge(cases: list[dict[str, Any]]) -> dict[str, ProcessedArticle]:
    """Every case through the processing stages, by case id."""
    raw = [RawArticle.from_dict({k: c.get(k) for k in RAW_KEYS}) for c in cases]
    done = {a.id: a for a in process_batch(raw).articles}
    return {c["id"]: done[c["id"]] for c in cases}


def metrics(cases: list[dict[str, Any]], got: dict[str, ProcessedArticle]) -> dict[str, float]:
    """Language accuracy, Pilkada precision/recall, province precision/recall (on cases that name provinces) and
    flag precision/recall at article level (a case is flagged when Pantau raised any flag on it)."""
    m: dict[str, float] = {"cases": len(cases)}
    m["language_accuracy"] = _ratio(sum(got[c["id"]].language == c["language"] for c in cases), len(cases))
    tp = sum(got[c["id"]].is_pilkada and c["pilkada"] for c in cases)
    fp = sum(got[c["id"]].is_pilkada and not c["pilkada"] for c in cases)
    fn = sum(not got[c["id"]].is_pilkada and c["pilkada"] for c in cases)
    m["pilkada_precision"], m["pilkada_recall"] = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    named = [c for c in cases if c["provinces"]]
    found = {c["id"]: {r.province for r in got[c["id"]].regions} for c in named}
    right = sum(len(found[c["id"]] & set(c["provinces"])) for c in named)
    m["provinces_precision"] = _ratio(right, sum(len(found[c["id"]]) for c in named))
    m["provinces_recall"] = _ratio(right, sum(len(c["provinces"]) for c in named))
    flagged = {c["id"] for c in cases if got[c["id"]].flags}
    gold = {c["id"] for c in cases if c["flag"]}
    m["flags_raised"], m["flags_gold"] = len(flagged), len(gold)
    m["flags_precision"], m["flags_recall"] = (
        _ratio(len(flagged & gold), len(flagged)),
        _ratio(len(flagged & gold), len(gold)),
    )
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
    if len(argv) != 1:
        print("usage: python -m pantau.process.quality_real CASES.jsonl", file=sys.stderr)
        return 2
    cases = load_cases(Path(argv[0]))
    print(json.dumps(report(cases, split(cases)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
