"""Operational health: layout drift in recent crawls, outlets gone quiet, dead letters piling up, sites backed off,
the search engine's TLS certificate close to expiry."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pantau.config import Settings
from pantau.crawl.registry import Outlet
from pantau.errors import SearchUnavailableError
from pantau.ops.certs import certificate_problem
from pantau.store.client import Store
from pantau.store.sites import failing_sites
from pantau.text.dates import WIB


def recent_crawl_stats(settings: Settings, hours: int, now: datetime | None = None) -> list[dict[str, Any]]:
    """stats.json of every crawl finished in the last `hours` (under <var_dir>/runs)."""
    cutoff = (now or datetime.now(WIB)) - timedelta(hours=hours)
    # Run folders start with their WIB start time (pipeline.run_dir): older folders are not even opened.
    oldest = cutoff.astimezone(WIB).strftime("%Y%m%dT%H%M%S")
    runs = settings.paths.var_dir / "runs"
    folders = [d for d in runs.iterdir() if d.is_dir() and d.name >= oldest] if runs.is_dir() else []
    found = []
    for path in sorted(p for folder in folders for p in folder.glob("**/stats.json")):
        try:
            stats = json.loads(Path(path).read_text(encoding="utf-8"))
            finished = datetime.fromisoformat(stats.get("finished_at", ""))
        except (ValueError, OSError):
            continue
        if finished >= cutoff:
            found.append(stats)
    return found


def check_health(
    store: Store,
    settings: Settings,
    outlets: list[Outlet],
    hours: int = 24,
    deadletter_max: int = 20,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """Problems, each {"problem", "detail"}: layout_drift (per outlet), quiet_outlets, deadletter_growth,
    sites_backed_off (every site waiting out a crawl back-off, with its failures, error and next attempt),
    certificate_expiry (an https engine whose certificate expires within [ops] cert_warning_days)."""
    now = now or datetime.now(WIB)
    problems: list[dict[str, Any]] = []
    drifting: dict[str, dict[str, Any]] = {}
    for stats in recent_crawl_stats(settings, hours, now):
        for name, outlet in stats.get("outlets", {}).items():
            if outlet.get("layout_drift"):
                drifting[name] = {"outlet": name, "family": outlet.get("family"), "health": outlet.get("health")}
    problems += [{"problem": "layout_drift", "detail": d} for d in drifting.values()]

    start = (now - timedelta(hours=hours)).isoformat()
    body = {
        "size": 0,
        "query": {"range": {"crawled_at": {"gte": start}}},
        "aggs": {"outlet": {"terms": {"field": "outlet", "size": 1000}}},
    }
    seen = {b["key"] for b in store.search("articles", body)["aggregations"]["outlet"]["buckets"]}
    quiet = sorted(o.name for o in outlets if o.name not in seen)
    if quiet:
        # One problem for all of them: a dead crawler silences every outlet at once, and that is one message.
        problems.append({"problem": "quiet_outlets", "detail": {"outlets": quiet, "hours": hours}})

    recent = store.count("deadletter", {"range": {"last_seen_at": {"gte": start}}})
    if recent > deadletter_max:
        problems.append(
            {"problem": "deadletter_growth", "detail": {"count": recent, "hours": hours, "max": deadletter_max}}
        )
    backed_off = [
        {k: site.get(k) for k in ("site", "outlets", "failures", "last_error", "backoff_until", "first_failure_at")}
        for site in failing_sites(store)
    ]
    if backed_off:
        # One problem for all of them (an outage of this machine's network fails every site at once).
        problems.append({"problem": "sites_backed_off", "detail": {"count": len(backed_off), "sites": backed_off}})
    problems += certificate_problems(store.info.url, settings.ops.cert_warning_days, now)
    return problems


def certificate_problems(url: str, warning_days: int, now: datetime) -> list[dict[str, Any]]:
    """certificate_expiry when an https engine's certificate is close to expiry; a certificate that cannot be read
    is a problem too (certificate_unreadable), never an exception that hides the other checks."""
    try:
        problem = certificate_problem(url, warning_days, now)
    except SearchUnavailableError as exc:
        return [{"problem": "certificate_unreadable", "detail": {"url": url, "error": str(exc)}}]
    return [problem] if problem else []
