"""Story state in the engine: per-article cost of the story stage as the articles index grows.

Builds a generated articles index (only the fields the story lookup reads, plus id/url/outlet/title/published_at)
at a steady rate of `--per-day` articles a day ending today, so the index grows in time as it does in production
while the 7-day window always holds about the same number of articles. Texts are word salad from one vocabulary
with a fixed footer per outlet (so same-outlet articles share some band keys, as real boilerplate does), and every
tenth article is a syndicated copy of a recent one. At each size of `--n` the index is grown to that size, then
`--probes` new articles (half copies of indexed ones, half new stories) go through `assign_stories` with the
store-backed lookup, one at a time as the flow does; the per-article wall time (median, p95) and the search's
`took` are printed, with ratios to the smallest size.

Run: .venv/bin/python benchmarks/bench_stories.py [--n 10000,100000] [--probes 300] [--per-day 3000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import deque
from datetime import UTC, datetime, timedelta

import numpy as np

PREFIX = "pantau-bench-stories"
OUTLETS = 60


def _vocab(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnoprstuwy"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)]


class Generator:
    """Articles as (title, body) from a Zipf-like draw over a vocabulary, with an outlet footer."""

    def __init__(self, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.vocab = np.array(_vocab(self.rng))
        ranks = np.arange(1, len(self.vocab) + 1)
        self.p = (1.0 / ranks**0.9) / (1.0 / ranks**0.9).sum()
        self.footers = [" ".join(self.np.choice(self.vocab, 30, p=self.p)) for _ in range(OUTLETS)]

    def text(self, outlet: int, words: int = 300) -> tuple[str, str]:
        body = " ".join(self.np.choice(self.vocab, words, p=self.p))
        title = " ".join(self.np.choice(self.vocab, 8, p=self.p))
        return title, body + "\n\n" + self.footers[outlet]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", default="10000,100000", help="index sizes, comma-separated, ascending")
    parser.add_argument("--probes", type=int, default=300)
    parser.add_argument("--per-day", type=int, default=3000, help="articles a day in the generated index")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark indices afterwards")
    args = parser.parse_args()
    sizes = [int(s) for s in args.n.split(",")]

    import os

    from pantau.config import load_settings
    from pantau.store import node

    base = load_settings()
    if not base.external_search:
        node.start(base)
    os.environ.update({"PANTAU_SEARCH_URL": base.search_url, "PANTAU_SEARCH_INDEX_PREFIX": PREFIX})

    from pantau.process.stories import WINDOW_DAYS, StoryItem, assign_stories, signature, window
    from pantau.store.client import Store
    from pantau.store.story_index import StoreStoryLookup
    from pantau.store.templates import drop_all, setup

    store = Store.connect(load_settings())
    drop_all(store)
    setup(store)
    gen = Generator()
    now = datetime.now(UTC).replace(microsecond=0)
    step = timedelta(days=1) / args.per_day
    recent: deque[tuple[str, str, int]] = deque(maxlen=500)  # the latest articles, for copies
    indexed = 0
    rows: list[dict[str, float]] = []

    total = sizes[-1]
    first_at = now - step * (total - 1)

    def at_of(k: int) -> str:
        """Article k's time: the index grows forward in time and its last article is now."""
        return (first_at + step * k).isoformat(timespec="seconds")

    print(
        f"generated index: up to {total} articles at {args.per_day}/day ({total / args.per_day:.0f} days), "
        f"the {WINDOW_DAYS} days before a probe hold up to {min(total, WINDOW_DAYS * args.per_day)} of them"
    )
    for size in sizes:
        started = time.perf_counter()
        lines: list[str] = []
        while indexed < size:
            outlet = indexed % OUTLETS
            if recent and indexed % 10 == 9:
                title, body, _ = recent[-gen.rng.randint(1, len(recent))]
                body = "KOTA, MEDIA DAERAH - " + body
            else:
                title, body = gen.text(outlet)
            sig = signature(title, body)
            recent.append((title, body, outlet))
            art = f"g{indexed}"
            doc = {
                "id": art,
                "url": f"https://outlet{outlet}.example/{art}",
                "outlet": f"outlet{outlet}",
                "title": title,
                "published_at": at_of(indexed),
                "story_id": art,
            }
            doc["story_at"] = doc["published_at"]
            if sig is not None:
                doc.update(story_bands=list(sig.bands), story_minhash=sig.encoded(), story_shingles=sig.size)
            lines.append(json.dumps({"index": {"_index": store.name("articles"), "_id": art}}))
            lines.append(json.dumps(doc))
            indexed += 1
            if len(lines) >= 10_000:
                store.request("POST", "/_bulk", body="\n".join(lines) + "\n")
                lines = []
        if lines:
            store.request("POST", "/_bulk", body="\n".join(lines) + "\n")
        store.refresh("articles")
        built = time.perf_counter() - started
        latest = at_of(size - 1)  # probes arrive just after the newest indexed article
        lookup = StoreStoryLookup(store)
        probes: list[StoryItem] = []
        for p in range(args.probes):
            if p % 2 == 0:
                title, body, _ = recent[-gen.rng.randint(1, len(recent))]
                body = "PROBE, KORAN - " + body
            else:
                title, body = gen.text(p % OUTLETS)
            probes.append(StoryItem(f"probe-{size}-{p}", signature(title, body), latest))
        start, end = window(latest)
        in_window = store.count("articles", {"range": {"story_at": {"gte": start, "lte": end}}})
        took: list[int] = []
        times: list[float] = []
        joined = 0
        assign_stories(probes[:5], lookup)  # warm the searcher caches
        for item in probes[5:]:
            assert item.signature is not None
            t0 = time.perf_counter()
            got = assign_stories([item], lookup)[item.id]
            times.append(time.perf_counter() - t0)
            joined += got.story_id != item.id
            body = lookup.query(item.signature.bands, start, end)
            took.append(int(store.request("POST", f"/{store.name('articles')}/_search", body=body)["took"]))
        row = {
            "size": size,
            "in_window": in_window,
            "median_ms": statistics.median(times) * 1000,
            "p95_ms": sorted(times)[int(0.95 * len(times))] * 1000,
            "took_ms": statistics.mean(took),
            "joined": joined / len(times),
        }
        rows.append(row)
        print(
            f"n={size:>8}: built in {built:6.1f} s; {in_window} in the window; per article "
            f"median {row['median_ms']:.2f} ms, p95 {row['p95_ms']:.2f} ms, search took {row['took_ms']:.2f} ms "
            f"(mean); {row['joined']:.0%} of probes joined a story"
        )
    first = rows[0]
    for row in rows:
        print(
            f"n={int(row['size']):>8}: median x{row['median_ms'] / first['median_ms']:.2f}, "
            f"p95 x{row['p95_ms'] / first['p95_ms']:.2f}, took x{row['took_ms'] / max(first['took_ms'], 0.01):.2f} "
            "vs the smallest size"
        )
    if not args.keep:
        drop_all(store)
    store.close()


if __name__ == "__main__":
    main()
