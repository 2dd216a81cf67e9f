"""Processing throughput: articles per second on one core for 400-800-word articles, langdetect included, and
the ratio to running langdetect alone on the same texts in the same process.

Claim matching is included: every article's sentences are matched against a debunked-claims index of `--claims`
entries (sentences of the labelled set, so candidates and matches do occur) held in memory. The engine lookup itself
(one `_msearch` per article against `pantau-claims`) is measured separately, per article, when an engine answers
(PANTAU_SEARCH_URL, or the embedded node if it runs): its wall time is network and engine time, not this core's.

Targets (issue #4, #9): at least 50 articles/s with claim matching, at most 1.5x langdetect alone.
Run: .venv/bin/python benchmarks/bench_process.py [--n 300] [--claims 300]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

from pantau.records import KnownClaim, RawArticle

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


def claim_entries(n: int) -> list[KnownClaim]:
    """`n` index entries made of sentences of the labelled set (the benchmark articles are built from it too)."""
    from pantau.process.claims.text import split_sentences

    rows = [json.loads(x) for x in (ROOT / "tests" / "quality" / "labelled.jsonl").read_text().splitlines() if x]
    sentences = sorted({s for r in rows for s in split_sentences(r["body"]) if 8 <= len(s.split()) <= 30})
    rng = random.Random(11)
    chosen = rng.sample(sentences, min(n, len(sentences)))
    return [
        KnownClaim(id=f"bench-{i}", claim=text, verdict="hoaks", debunk_url=f"https://debunk.example.id/{i}")
        for i, text in enumerate(chosen)
    ]


def engine_lookup(items: list[RawArticle], entries: list[KnownClaim]) -> str:
    """Median and p95 wall time of the engine lookup per article, in its own index prefix (dropped afterwards)."""
    import statistics

    from pantau.config import load_settings
    from pantau.errors import PantauError
    from pantau.process.claims.known_claims import claim_sentences
    from pantau.store import node
    from pantau.store.claims_index import StoreClaimLookup, add_claims
    from pantau.store.client import Store
    from pantau.store.templates import drop_all, setup

    settings = load_settings({**os.environ, "PANTAU_SEARCH_INDEX_PREFIX": "pantau-bench"})
    if not settings.external_search and not node.status(settings).running:
        return "skipped (no engine: set PANTAU_SEARCH_URL or run `pantau engine start`)"
    try:
        store = Store.connect(settings)
    except PantauError as exc:
        return f"skipped ({exc})"
    try:
        setup(store)
        add_claims(store, entries)
        lookup = StoreClaimLookup(store)
        times, sentences = [], 0
        for article in items:
            found = claim_sentences(article.title, article.body)
            sentences += len(found)
            start = time.perf_counter()
            lookup.candidates(found)
            times.append(time.perf_counter() - start)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        return (
            f"{statistics.median(times) * 1000:.1f} ms median, {p95 * 1000:.1f} ms p95 per article "
            f"({lookup.requests} requests, {sentences / len(items):.0f} sentences each, {len(entries)} entries, "
            f"{store.flavour} {store.info.version})"
        )
    finally:
        drop_all(store)
        store.close()


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
    parser.add_argument("--claims", type=int, default=300, help="entries of the debunked-claims index")
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})  # one core
    from pantau.process.batch import process_batch
    from pantau.process.claims.known_claims import StaticClaimLookup
    from pantau.process.language import warm_up

    items = articles(args.n)
    entries = claim_entries(args.claims)
    lookup = StaticClaimLookup(entries)
    warm_up()
    process_batch(items[:5], claims=lookup)  # load every stage's data once
    baseline = langdetect_alone([a.body for a in items])
    start = time.process_time()
    result = process_batch(items, claims=lookup)
    ours = time.process_time() - start
    matched = sum(any(f.source.startswith("https://debunk.example.id/") for f in a.flags) for a in result.articles)
    words = sum(len(a.body.split()) for a in items) / len(items)
    print(f"{len(items)} articles, {words:.0f} words on average, one core (CPU time)")
    for label, spent in (("langdetect alone:    ", baseline), ("pantau process_batch:", ours)):
        print(f"{label} {spent / len(items) * 1000:7.2f} ms/article  {len(items) / spent:7.1f} articles/s")
    print(f"ratio to langdetect alone: {ours / baseline:.2f}x (target <= 1.5x); throughput target >= 50 articles/s")
    print(f"claim matching included: {len(entries)} index entries, {matched} articles matched one")
    print(f"engine lookup (wall time, measured separately): {engine_lookup(items[:100], entries)}")


if __name__ == "__main__":
    main()
