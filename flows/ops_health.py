"""Flow `ops_health` (hourly): layout drift in recent crawls, outlets with no articles, dead-letter growth, volume
spikes per province and the search engine's TLS certificate expiry; each problem alerts the ops channels at most once
per ops_repeat_hours. It also applies the retention rules (mappings/retention/rules.json)."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from pantau.alerts.deliver import deliver
from pantau.alerts.triggers import ops_alert, volume_spikes
from pantau.config import load_settings
from pantau.crawl.registry import load_outlets
from pantau.ops.health import check_health
from pantau.store.connect import open_store
from pantau.store.retention import apply_retention


@task(retries=2, retry_delay_seconds=[30, 120], cache_policy=NO_CACHE)
def check(hours: int, deadletter_max: int) -> dict[str, Any]:
    settings = load_settings()
    store = open_store(settings)
    try:
        problems = check_health(store, settings, load_outlets(), hours=hours, deadletter_max=deadletter_max)
        planned = [r for p in problems for r in ops_alert(store, settings, _problem_key(p), p["detail"])]
        planned += volume_spikes(store, settings)
        report = deliver(store, planned, settings)
        return {"problems": problems, "delivery": report.summary(), "retention": apply_retention(store)}
    finally:
        store.close()


def _problem_key(problem: dict[str, Any]) -> str:
    outlet = problem["detail"].get("outlet")
    return f"{problem['problem']}:{outlet}" if outlet else str(problem["problem"])


@flow(name="ops-health")
def ops_health(hours: int = 24, deadletter_max: int = 20) -> dict[str, Any]:
    result = check(hours, deadletter_max)
    get_run_logger().info("ops health: %d problem(s); delivery %s", len(result["problems"]), result["delivery"])
    return result
