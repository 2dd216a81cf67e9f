"""Processing throughput: articles per second on one core for 400-800-word articles, langdetect included, and
the ratio to running langdetect alone on the same texts in the same process.

Targets (issue #4): at least 50 articles/s, at most 1.5x langdetect alone.
Run: .venv/bin/python benchmarks/bench_process.py [--n 300]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

from pantau.records import RawArticle

ROOT = Path(__file__).resolve().parents[1]


def articles(n: int) -> list[RawArticle]:
    rows = [json.loads(x) for x in (ROOT / "tests" / "quality" / "labelled.jsonl").read_text().splitlines() if x]
    rng = random.Random(7)
    out = []
    for i in range(n):
        base = rng.choice(rows)
        target = rng.randint(400, 800)
        paragraphs = base["body"].split("\n\n")
        while sum(len(p.split()) for p in paragraphs) < target:
            paragraphs += rng.choice(rows)["body"].split("\n\n")
        kept, count = [], 0
        for paragraph in paragraphs:
            words = paragraph.split()
            kept.append(" ".join(words[: target - count]))
            count += len(words)
            if count >= target:
                break
        body = "\n\n".join(kept)
        out.append(
            RawArticle(
                id=f"b{i}",
                url=f"https://example.id/{i}",
                outlet=base["outlet"],
                title=base["title"],
                body=body,
                published_at=base["published_at"],
            )
        )
    return out


def langdetect_alone(texts: list[str]) -> float:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    init_factory()
    DetectorFactory.seed = 0
    from langdetect.detector_factory import _factory  # type: ignore[attr-defined]

    start = time.process_time()
    for text in texts:
        detector = _factory.create()
        detector.append(text)
        detector.get_probabilities()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})  # one core
    from pantau.process.batch import process_batch
    from pantau.process.language import warm_up

    items = articles(args.n)
    warm_up()
    process_batch(items[:5])  # load every stage's data once
    baseline = langdetect_alone([a.body for a in items])
    start = time.process_time()
    process_batch(items)
    ours = time.process_time() - start
    words = sum(len(a.body.split()) for a in items) / len(items)
    print(f"{len(items)} articles, {words:.0f} words on average, one core (CPU time)")
    for label, spent in (("langdetect alone:    ", baseline), ("pantau process_batch:", ours)):
        print(f"{label} {spent / len(items) * 1000:7.2f} ms/article  {len(items) / spent:7.1f} articles/s")
    print(f"ratio to langdetect alone: {ours / baseline:.2f}x (target <= 1.5x); throughput target >= 50 articles/s")


if __name__ == "__main__":
    main()
