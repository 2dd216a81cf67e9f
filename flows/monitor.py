"""Flow `monitor`: crawl outlets (parallel subprocess tasks under a concurrency limit) -> process -> index -> alert.

Scheduled every 10-15 minutes (prefect.yaml). Re-running creates no duplicates: article ids come from canonical
URLs, the seen state skips articles already indexed, and alerts are keyed by story and rule.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from flows.tasks import alert, index, process
from pantau.config import load_settings
from pantau.crawl.plan import parse_since
from pantau.crawl.registry import Outlet, select_outlets
from pantau.crawl.runner import crawl_outlet, run_dir
from pantau.records import RawArticle

MAX_PARALLEL = load_settings().monitor.max_parallel_crawls


@task(retries=2, retry_delay_seconds=[30, 120], tags=["crawl"], cache_policy=NO_CACHE)
def crawl(outlet: Outlet, since: datetime, out: str, site_base: str) -> dict[str, Any]:
    """Network IO: one outlet in its own Scrapy subprocess."""
    from pathlib import Path

    result = crawl_outlet(load_settings(), outlet, since, Path(out), site_base)
    return {"outlet": outlet.name, "articles": result.articles(), "stats": result.stats}


@flow(name="monitor", task_runner=ThreadPoolTaskRunner(max_workers=MAX_PARALLEL))  # type: ignore[arg-type]
def monitor(outlets: list[str] | None = None, since: str | None = None, site_base: str | None = None) -> dict[str, Any]:
    settings = load_settings()
    logger = get_run_logger()
    chosen = select_outlets(outlets)
    window = parse_since(since, 0) if since else parse_since(f"{settings.monitor.window_hours}h", 0)
    base = settings.monitor.site_base if site_base is None else site_base
    folder = run_dir(settings, "monitor")
    futures = [crawl.submit(o, window, str(folder / f"{n:02d}"), base) for n, o in enumerate(chosen)]
    raw: list[RawArticle] = []
    crawl_stats: dict[str, Any] = {}
    for future in futures:
        got = future.result()
        raw.extend(got["articles"])
        crawl_stats[got["outlet"]] = got["stats"]
    skipped = [line for s in crawl_stats.values() for line in s.get("bad_lines", [])]  # rows that were no article
    articles = process(raw)
    indexed = index(articles) if articles else {"indexed": 0, "dead_lettered": 0}
    alerts = alert([a.id for a in articles])
    summary = {
        "outlets": len(chosen),
        "crawled": len(raw),
        "pages": sum(s.get("pages", 0) for s in crawl_stats.values()),
        "skips": sum(len(s.get("skips", [])) for s in crawl_stats.values()),
        "layout_drift": [n for s in crawl_stats.values() for n, o in s.get("outlets", {}).items() if o["layout_drift"]],
        "processed": len(articles),
        "process_skipped": len(skipped),
        "indexed": indexed.get("indexed", 0),
        "dead_lettered": indexed.get("dead_lettered", 0),
        "flagged": sum(bool(a.flags) for a in articles),
        "alerts_sent": alerts.get("sent", 0) + alerts.get("retried_sent", 0),
        "alerts_failed": alerts.get("failed", 0),
        "run_dir": str(folder),
    }
    logger.info("monitor run: %s", summary)
    return summary


if __name__ == "__main__":
    monitor()
