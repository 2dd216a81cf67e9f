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

from pantau.alerts import deliver, plan_alerts, retry_failed
from pantau.config import load_settings
from pantau.connect import open_store
from pantau.crawlplan import parse_since
from pantau.mappings import setup
from pantau.outlets import Outlet
from pantau.pipeline import crawl_outlet, index_articles, process_raw, run_dir, select_outlets
from pantau.records import ProcessedArticle

MAX_PARALLEL = load_settings().monitor.max_parallel_crawls


@task(retries=2, retry_delay_seconds=[30, 120], tags=["crawl"], cache_policy=NO_CACHE)
def crawl(outlet: Outlet, since: datetime, out: str, site_base: str) -> dict[str, Any]:
    """Network IO: one outlet in its own Scrapy subprocess."""
    from pathlib import Path

    result = crawl_outlet(load_settings(), outlet, since, Path(out), site_base)
    return {"outlet": outlet.name, "articles": result.articles(), "stats": result.stats}


@task(cache_policy=NO_CACHE)
def process(raw: list[dict[str, Any]]) -> tuple[list[ProcessedArticle], list[dict[str, Any]]]:
    """Pure transform: every processing stage; skipped inputs come back with their reasons."""
    result = process_raw(load_settings(), raw)
    return result.articles, [vars(s) for s in result.skipped]


@task(retries=3, retry_delay_seconds=[10, 60, 300], cache_policy=NO_CACHE)
def index(articles: list[ProcessedArticle]) -> dict[str, Any]:
    """Network IO: bulk into pantau-articles (dead letters for permanent rejects; retried while the engine is down)."""
    store = open_store(load_settings())
    try:
        setup(store)
        return index_articles(store, articles).summary()
    finally:
        store.close()


@task(retries=2, retry_delay_seconds=[10, 60], cache_policy=NO_CACHE)
def alert(article_ids: list[str]) -> dict[str, Any]:
    """Network IO: plan alerts for the indexed articles and deliver them; then retry earlier failed or held
    deliveries, which runs even when no new article arrived (quiet nights must not strand an alert)."""
    settings = load_settings()
    store = open_store(settings)
    try:
        docs = list(store.mget("articles", article_ids).values()) if article_ids else []
        report = deliver(store, plan_alerts(store, docs, settings), settings)
        retried = retry_failed(store, settings)
        return {"planned": report.planned, "sent": report.sent, "failed": report.failed, "retried_sent": retried.sent}
    finally:
        store.close()


@flow(name="monitor", task_runner=ThreadPoolTaskRunner(max_workers=MAX_PARALLEL))  # type: ignore[arg-type]
def monitor(outlets: list[str] | None = None, since: str | None = None, site_base: str | None = None) -> dict[str, Any]:
    settings = load_settings()
    logger = get_run_logger()
    chosen = select_outlets(outlets)
    window = parse_since(since, 0) if since else parse_since(f"{settings.monitor.window_hours}h", 0)
    base = settings.monitor.site_base if site_base is None else site_base
    folder = run_dir(settings, "monitor")
    futures = [crawl.submit(o, window, str(folder / f"{n:02d}"), base) for n, o in enumerate(chosen)]
    raw: list[dict[str, Any]] = []
    crawl_stats: dict[str, Any] = {}
    for future in futures:
        got = future.result()
        raw.extend(got["articles"])
        crawl_stats[got["outlet"]] = got["stats"]
    articles, skipped = process(raw)
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
