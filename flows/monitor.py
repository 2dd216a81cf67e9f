"""Flow `monitor`: one cycle - the registry in shards, each crawled, processed, indexed and alerted on its own.

Scheduled every 10 minutes (prefect.yaml). The outlets of `[crawl] registry` are split into shards of about
`[monitor] shard_size` outlets (a site never in two shards: pantau.crawl.shards); each shard is one run of the
`shard` flow (flows/shard.py): one Scrapy process, then process -> index -> alert for its own articles. With
dispatch "local" the shards run inside this run, `[monitor] max_parallel_crawls` at once; with "deployment" (what
the scheduled deployment uses) they are flow runs of the `shard` deployment that any worker of the pool takes.
Earlier failed alert deliveries are retried once per cycle, after the shards. Re-running creates no duplicates:
article ids come from canonical URLs, the seen state skips articles already indexed, alerts are keyed by story and
rule, and a retried shard dispatch reuses its flow run (idempotency key).
"""

from __future__ import annotations

import time
from typing import Any

from prefect import flow, get_run_logger, runtime
from prefect.task_runners import ThreadPoolTaskRunner

from flows.shard import MAX_IN_FLIGHT, combine, run_shards
from flows.tasks import alert
from pantau.config import load_settings
from pantau.crawl.plan import parse_since
from pantau.crawl.progress import progress_display
from pantau.crawl.registry import select_outlets
from pantau.crawl.shards import plan_shards


@flow(name="monitor", task_runner=ThreadPoolTaskRunner(max_workers=MAX_IN_FLIGHT))  # type: ignore[arg-type]
def monitor(
    outlets: list[str] | None = None,
    since: str | None = None,
    site_base: str | None = None,
    shard_size: int | None = None,
    dispatch: str | None = None,
) -> dict[str, Any]:
    """`since`: a date, date-time or span (default `[monitor] window_hours`); `dispatch`: "local" or "deployment"
    (default `[monitor] dispatch`)."""
    started = time.monotonic()
    settings = load_settings()
    logger = get_run_logger()
    chosen = select_outlets(outlets)
    window = parse_since(since or f"{settings.monitor.window_hours}h", 0)
    shards = plan_shards(chosen, shard_size or settings.monitor.shard_size)
    mode = dispatch or settings.monitor.dispatch
    common = {"since": window.isoformat(), "site_base": site_base}
    # A terminal shows each local shard's crawl; a deployment's shards run on the workers, out of sight.
    with progress_display([s.label for s in shards] if mode == "local" else []) as bars:
        summaries = run_shards(shards, common, mode, settings.monitor.max_parallel_crawls, runtime.flow_run.id, bars)
    retried = alert([])
    summary = combine(summaries) | {"dispatch": mode, "alerts_retried_sent": retried.get("retried_sent", 0)}
    summary["alerts_sent"] += summary["alerts_retried_sent"]
    summary["seconds"] = round(time.monotonic() - started, 1)
    logger.info("monitor run: %s", {k: v for k, v in summary.items() if k != "shard_runs"})
    return summary


if __name__ == "__main__":
    monitor()
