"""Flow `backfill`: crawl a past date range for some or all outlets, in shards, then process, index and alert
like `monitor` (each shard on its own: flows/shard.py).

Use it after adding an outlet or after an outage: `pantau backfill --start 2024-11-20 --end 2024-11-27` (progress
on a terminal) or `prefect deployment run backfill/backfill -p start=2024-11-20 -p end=2024-11-27`. Articles already
indexed are not downloaded again (seen state), so it is safe to repeat.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, runtime
from prefect.task_runners import ThreadPoolTaskRunner

from flows.shard import MAX_IN_FLIGHT, combine, run_shards
from pantau.config import load_settings
from pantau.crawl.plan import parse_since
from pantau.crawl.progress import progress_display
from pantau.crawl.registry import select_outlets
from pantau.crawl.shards import plan_shards


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=MAX_IN_FLIGHT))  # type: ignore[arg-type]
def backfill(
    start: str,
    end: str,
    outlets: list[str] | None = None,
    site_base: str | None = None,
    pilkada_only: bool = True,
    shard_size: int | None = None,
    dispatch: str | None = None,
) -> dict[str, Any]:
    """`start`/`end`: dates or date-times (WIB when naive), e.g. 2024-11-20 and 2024-11-27T23:59."""
    settings = load_settings()
    chosen = select_outlets(outlets)
    shards = plan_shards(chosen, shard_size or settings.monitor.shard_size)
    mode = dispatch or settings.monitor.dispatch
    common = {
        "since": parse_since(start, 0).isoformat(),
        "until": parse_since(end, 0).isoformat(),
        "site_base": site_base,
        "pilkada_only": pilkada_only,
        "max_articles_per_outlet": 5000,
    }
    with progress_display([s.label for s in shards] if mode == "local" else []) as bars:
        summaries = run_shards(shards, common, mode, settings.monitor.max_parallel_crawls, runtime.flow_run.id, bars)
    summary = combine(summaries) | {"dispatch": mode}
    summary["skipped"] = summary["process_skipped"]
    get_run_logger().info("backfill %s..%s: %s", start, end, {k: v for k, v in summary.items() if k != "shard_runs"})
    return summary
