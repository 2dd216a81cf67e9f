"""Crawl at scale: one monitor cycle over a generated site of N outlets vs one `pantau crawl` of them all.

A generated local site (pantau.devtools.gensite: N outlets, 3 Pilkada articles each, sitemap + feed + listing,
robots.txt) is served on 127.0.0.1. In the same run the script measures
  1. the baseline: `pantau crawl` of every outlet in one Scrapy process (crawl only);
  2. one cycle: `pantau monitor --once` (shards of --shard-size outlets, Prefect's local server, crawl -> process ->
     index -> alert per shard) into a fresh index on the embedded search node;
and prints wall time, CPU per outlet (the crawl processes alone, and the whole cycle with processing, indexing and
Prefect), their ratio to the baseline, and the peak resident memory of the largest single process.
Targets (issue #10): cycle <= 180 s for 1,000 outlets; crawl CPU per outlet <= 1.3x baseline; every process < 1 GB.
Run: .venv/bin/python benchmarks/bench_crawl_scale.py [--outlets 1000] [--shard-size 250]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PREFIX = "pantau-bench-scale"


def _children_usage() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _run(args: list[str], env: dict[str, str]) -> tuple[dict[str, Any], float, float]:
    """Run a pantau command; its JSON output, wall seconds and CPU seconds of it and all its descendants."""
    cpu_before, _ = _children_usage()
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pantau.cli.main", *args], env=env, capture_output=True, text=True, check=False
    )
    wall = time.monotonic() - started
    cpu_after, _ = _children_usage()
    if done.returncode != 0:
        sys.exit(f"{' '.join(args[:2])} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout), wall, cpu_after - cpu_before


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--outlets", type=int, default=1000)
    parser.add_argument("--shard-size", type=int, default=250)
    args = parser.parse_args()

    from pantau.config import load_settings
    from pantau.devtools.gensite import generate, serve_generated
    from pantau.store import node
    from pantau.store.client import Store
    from pantau.store.templates import drop_all, setup

    base = load_settings()
    if not base.external_search:
        node.start(base)
    site = generate(args.outlets)
    with tempfile.TemporaryDirectory(prefix="pantau-scale-") as tmp, serve_generated(site) as served:
        registry = site.write_registry(Path(tmp) / "registry.yaml")
        env = {
            **os.environ,
            "PANTAU_SEARCH_URL": base.search_url,
            "PANTAU_SEARCH_INDEX_PREFIX": PREFIX,
            "PANTAU_PATHS_VAR_DIR": str(Path(tmp) / "var"),
            "PANTAU_CRAWL_REGISTRY": str(registry),
            "PANTAU_ALERTS_CHANNELS": "",
        }
        env.pop("PREFECT_API_URL", None)  # Prefect's own local server, as `make run` does
        store = Store.connect(load_settings(env))
        drop_all(store)
        setup(store)

        crawl, crawl_wall, crawl_cpu = _run(
            ["crawl", "--out", str(Path(tmp) / "baseline"), "--since", "2024-11-01", "--site-base", served.base_url],
            env,
        )
        cycle, cycle_wall, cycle_cpu = _run(
            [
                "monitor",
                "--once",
                "--since",
                "2024-11-01",
                "--site-base",
                served.base_url,
                "--shard-size",
                str(args.shard_size),
            ],
            env,
        )
        _, peak_mb = _children_usage()
        store.refresh("articles")
        indexed = store.count("articles")
        drop_all(store)
        store.close()

    n = args.outlets
    shard_cpu = sum(r["crawl_cpu_seconds"] or 0 for r in cycle["shard_runs"])
    shard_rss = max((r["crawl_max_rss_mb"] or 0 for r in cycle["shard_runs"]), default=0)
    base_per = crawl_cpu / n
    print(f"generated site: {n} outlets, {site.article_count} articles, {sum(served.hits.values())} requests served")
    print(
        f"baseline `pantau crawl`, one process: {crawl_wall:.1f} s wall, {crawl_cpu:.1f} s CPU "
        f"({base_per * 1000:.1f} ms/outlet), {crawl['articles']} articles, crawl process "
        f"{crawl['process']['max_rss_mb']:.0f} MB"
    )
    print(
        f"monitor cycle: {cycle['shards']} shards, {cycle_wall:.1f} s wall for the command "
        f"({cycle['seconds']:.1f} s inside the flow), {cycle['crawled']} crawled, {cycle['indexed']} indexed "
        f"({indexed} documents, {cycle['duplicate_articles']} duplicates)"
    )
    print(
        f"  crawl processes: {shard_cpu:.1f} s CPU = {shard_cpu / n * 1000:.1f} ms/outlet = "
        f"{shard_cpu / n / base_per:.2f}x baseline; largest {shard_rss:.0f} MB"
    )
    print(
        f"  whole cycle (crawl + process + index + alert + Prefect): {cycle_cpu:.1f} s CPU = "
        f"{cycle_cpu / n * 1000:.1f} ms/outlet = {cycle_cpu / n / base_per:.2f}x baseline"
    )
    print(f"  peak memory of any one process (this script's children): {peak_mb:.0f} MB")
    ok_wall = cycle["seconds"] <= 180  # the target is for 1,000 outlets; smaller runs carry the same fixed costs
    print(
        f"targets: cycle <= 180 s: {'met' if ok_wall else 'NOT met'}; crawl CPU/outlet <= 1.3x: "
        f"{'met' if shard_cpu / n <= 1.3 * base_per else 'NOT met'}; < 1 GB per process: "
        f"{'met' if peak_mb < 1024 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
