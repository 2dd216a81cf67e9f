"""Flow `backfill`: crawl a past date range for some or all outlets, then process, index and alert like `monitor`.

Use it after adding an outlet or after an outage: `prefect deployment run backfill/backfill -p start=2024-11-20
-p end=2024-11-27`. Articles already indexed are not downloaded again (seen state), so it is safe to repeat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from flows.tasks import alert, index, process
from pantau.config import load_settings
from pantau.crawl.plan import parse_since
from pantau.crawl.registry import Outlet, select_outlets
from pantau.crawl.runner import crawl_outlet, run_dir

MAX_PARALLEL = load_settings().monitor.max_parallel_crawls


@task(retries=2, retry_delay_seconds=[30, 120], tags=["crawl"], cache_policy=NO_CACHE)
def crawl_range(outlet: Outlet, start: str, end: str, out: str, site_base: str, pilkada_only: bool) -> dict[str, Any]:
    result = crawl_outlet(
        load_settings(),
        outlet,
        parse_since(start, 0),
        Path(out),
        site_base,
        until=parse_since(end, 0),
        pilkada_only=pilkada_only,
        max_articles_per_outlet=5000,
    )
    return {"outlet": outlet.name, "articles": result.articles(), "stats": result.stats}


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=MAX_PARALLEL))  # type: ignore[arg-type]
def backfill(
    start: str, end: str, outlets: list[str] | None = None, site_base: str | None = None, pilkada_only: bool = True
) -> dict[str, Any]:
    """`start`/`end`: dates or date-times (WIB when naive), e.g. 2024-11-20 and 2024-11-27T23:59."""
    settings = load_settings()
    base = settings.monitor.site_base if site_base is None else site_base
    folder = run_dir(settings, "backfill")
    chosen = select_outlets(outlets)
    futures = [
        crawl_range.submit(o, start, end, str(folder / f"{n:02d}"), base, pilkada_only) for n, o in enumerate(chosen)
    ]
    raw = [a for f in futures for a in f.result()["articles"]]
    skipped = [line for f in futures for line in f.result()["stats"].get("bad_lines", [])]
    articles = process(raw)
    indexed = index(articles) if articles else {"indexed": 0}
    alerts = alert([a.id for a in articles]) if articles else {"sent": 0}
    summary = {
        "outlets": len(chosen),
        "crawled": len(raw),
        "processed": len(articles),
        "skipped": len(skipped),
        "indexed": indexed.get("indexed", 0),
        "alerts_sent": alerts.get("sent", 0),
        "run_dir": str(folder),
    }
    get_run_logger().info("backfill %s..%s: %s", start, end, summary)
    return summary
