"""Quality of processing measured on a labelled set: the numbers the CI gate (tests/quality/gate.json) pins.

`python -m pantau.process.quality [tests/quality/labelled.jsonl]` prints them.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from pantau.process.batch import process_batch
from pantau.records import ProcessedArticle, RawArticle
from pantau.resources import checkout_file

DEFAULT_SET = "tests/quality/labelled.jsonl"


def load_set(path: Path | None = None) -> list[dict[str, Any]]:
    """The labelled articles of `path` (default: the set in the checkout)."""
    path = path or checkout_file(DEFAULT_SET, "the quality report")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def file_sha256(path: Path) -> str:
    """The digest a gate pins for its labelled set."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ratio(num: float, den: float) -> float:
    """num/den to four places; 1.0 when there is nothing to measure."""
    return round(num / den, 4) if den else 1.0


def precision_recall(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, float]:
    """Precision and recall of (predicted, gold) decisions."""
    tp = fp = fn = 0
    for predicted, gold in pairs:
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    return ratio(tp, tp + fp), ratio(tp, tp + fn)


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _with_provinces(codes: Iterable[str]) -> set[str]:
    out = set(codes)
    out.update(c.split(".")[0] for c in list(out))
    return out


RAW_KEYS = ("id", "url", "outlet", "title", "body", "published_at")


def judge(rows: list[dict[str, Any]]) -> dict[str, ProcessedArticle]:
    """Every labelled row through the processing stages, by row id."""
    raw = [RawArticle.from_dict({k: r.get(k) for k in RAW_KEYS}) for r in rows]
    processed = {a.id: a for a in process_batch(raw).articles}
    return {r["id"]: processed[r["id"]] for r in rows}


def evaluate(rows: list[dict[str, Any]]) -> dict[str, float]:
    got = judge(rows)
    labels = {r["id"]: r["labels"] for r in rows}
    m: dict[str, float] = {}

    m["language_accuracy"] = ratio(sum(got[i].language == lab["language"] for i, lab in labels.items()), len(rows))

    m["pilkada_precision"], m["pilkada_recall"] = precision_recall(
        (got[i].is_pilkada, lab["is_pilkada"]) for i, lab in labels.items()
    )
    m["pilkada_f1"] = _f1(m["pilkada_precision"], m["pilkada_recall"])

    pilkada_ids = [i for i, lab in labels.items() if lab["is_pilkada"]]
    hits = sum(bool(set(got[i].topics) & set(labels[i]["topics"])) for i in pilkada_ids)
    overlap = sum(len(set(got[i].topics[:3]) & set(labels[i]["topics"])) for i in pilkada_ids)
    predicted = sum(len(got[i].topics[:3]) for i in pilkada_ids)
    wanted = sum(len(labels[i]["topics"]) for i in pilkada_ids)
    m["topics_hit_rate"] = ratio(hits, len(pilkada_ids))
    m["topics_precision"], m["topics_recall"] = ratio(overlap, predicted), ratio(overlap, wanted)

    labelled_regions = {i: _with_provinces(lab["regions"]) for i, lab in labels.items() if lab["regions"]}
    found = sum(len(_with_provinces(r.code for r in got[i].regions) & codes) for i, codes in labelled_regions.items())
    total = sum(len(codes) for codes in labelled_regions.values())
    top_right = sum(
        bool(got[i].regions) and _with_provinces([got[i].regions[0].code]) <= codes
        for i, codes in labelled_regions.items()
    )
    m["regions_recall"] = ratio(found, total)
    m["regions_top_precision"] = ratio(top_right, sum(bool(got[i].regions) for i in labelled_regions))

    want_flags = {(i, rule) for i, lab in labels.items() for rule in lab["flags"]}
    got_flags = {(i, f.rule) for i, a in got.items() for f in a.flags}
    m["flags_precision"] = ratio(len(want_flags & got_flags), len(got_flags))
    m["flags_recall"] = ratio(len(want_flags & got_flags), len(want_flags))
    clean = [i for i, lab in labels.items() if not lab["flags"]]
    m["clean_articles_unflagged"] = ratio(sum(not got[i].flags for i in clean), len(clean))

    groups: dict[str, list[str]] = {}
    for i, lab in labels.items():
        if lab.get("story_group"):
            groups.setdefault(lab["story_group"], []).append(i)
    together = [got[a].story_id == got[b].story_id for ids in groups.values() for a, b in combinations(ids, 2)]
    m["story_pairs_joined"] = ratio(sum(together), len(together))
    group_of = {i: g for g, ids in groups.items() for i in ids}
    wrong = sum(
        got[a].story_id == got[b].story_id
        for a, b in combinations(labels, 2)
        if group_of.get(a) is None or group_of.get(a) != group_of.get(b)
    )
    m["story_false_merges"] = float(wrong)
    return m


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else None
    print(json.dumps(evaluate(load_set(path)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
