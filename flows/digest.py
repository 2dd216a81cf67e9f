"""Flow `digest`: the daily summary at 07:00 WIB - volume by province, outlet and topic, flagged reports, open
reviews - sent to the ops channels once per day (a re-run the same day sends nothing new)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from pantau.alerts.deliver import deliver
from pantau.alerts.digest import build_digest, render_daily
from pantau.alerts.triggers import daily_digest
from pantau.config import load_settings
from pantau.store.connect import open_store
from pantau.text.dates import WIB


@task(retries=2, retry_delay_seconds=[30, 120], cache_policy=NO_CACHE)
def summarise(hours: int) -> dict[str, Any]:
    settings = load_settings()
    store = open_store(settings)
    try:
        return build_digest(store, hours=hours)
    finally:
        store.close()


@task(retries=2, retry_delay_seconds=[30, 120], cache_policy=NO_CACHE)
def send_digest(summary: dict[str, Any]) -> dict[str, Any]:
    settings = load_settings()
    store = open_store(settings)
    try:
        subject, body = render_daily(summary)
        day = datetime.now(WIB).date().isoformat()
        return deliver(store, daily_digest(store, settings, subject, body, day), settings).summary()
    finally:
        store.close()


@flow(name="digest")
def digest(hours: int = 24) -> dict[str, Any]:
    summary = summarise(hours)
    delivery = send_digest(summary)
    get_run_logger().info(
        "digest: %d articles, %d flagged, %d open reviews; delivery %s",
        summary["articles"],
        summary["flagged"],
        summary["open_reviews"],
        delivery,
    )
    return {"summary": summary, "delivery": delivery}
