"""Per-site crawl back-off, kept in the `pantau-sites` index so every worker agrees on it.

A site (registrable domain, `pantau.crawl.shards.outlet_site`) that fails a whole crawl - it never answered, and its
requests failed with DNS or connection errors, 5xx or 429 - is backed off: skipped until `backoff_until`, which is
`[crawl] backoff_minutes` after the failure (Media Cloud waits 10 minutes per failing site), doubled with every
further failing attempt up to `[crawl] backoff_max_hours`. When the wait is over the next cycle tries the site once
more; a site that answers anything is reset to `ok`. Only changes are written: a healthy site has no document, or
its document says `ok`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pantau.config import Settings
from pantau.errors import SearchRequestError
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.text.dates import WIB


@dataclass(frozen=True)
class SiteOutcome:
    """What one crawl saw of a site: from `stats["sites"]` of the crawl (spiders/outlet_spider.py)."""

    site: str
    answered: int
    failed: int
    error: str | None

    @property
    def failing(self) -> bool:
        return self.answered == 0 and self.failed > 0

    @classmethod
    def from_stats(cls, site: str, data: Mapping[str, Any]) -> SiteOutcome:
        return cls(site, int(data.get("answered", 0)), int(data.get("failed", 0)), data.get("error"))


def backoff_delay(settings: Settings, failures: int) -> timedelta:
    minutes = settings.crawl.backoff_minutes * 2 ** max(0, failures - 1)
    return min(timedelta(minutes=minutes), timedelta(hours=settings.crawl.backoff_max_hours))


def site_states(store: Store, sites: Iterable[str]) -> dict[str, dict[str, Any]]:
    """site -> its stored document, for the sites that have one."""
    return store.mget("sites", sorted(set(sites)))


def backed_off(store: Store, sites: Iterable[str], now: datetime | None = None) -> dict[str, dict[str, Any]]:
    """The sites among `sites` still waiting out a back-off at `now`, with their documents."""
    now = now or datetime.now(WIB)
    waiting = {}
    for site, doc in site_states(store, sites).items():
        until = doc.get("backoff_until")
        if doc.get("state") == "backed_off" and until and datetime.fromisoformat(until) > now:
            waiting[site] = doc
    return waiting


def record_outcomes(
    store: Store,
    settings: Settings,
    outcomes: Iterable[SiteOutcome],
    outlets_by_site: Mapping[str, list[str]],
    now: datetime | None = None,
) -> dict[str, list[str]]:
    """Back off the failing sites, reset the ones that answered after failing; {"backed_off", "recovered"}."""
    now = now or datetime.now(WIB)
    stamp = now.isoformat(timespec="seconds")
    chosen = list(outcomes)
    before = site_states(store, [o.site for o in chosen])
    docs: list[dict[str, Any]] = []
    changes: dict[str, list[str]] = {"backed_off": [], "recovered": []}
    for outcome in chosen:
        old = before.get(outcome.site) or {}
        if outcome.failing:
            failures = int(old.get("failures", 0)) + 1
            docs.append(
                {
                    "id": outcome.site,
                    "site": outcome.site,
                    "outlets": sorted(outlets_by_site.get(outcome.site, [])),
                    "state": "backed_off",
                    "failures": failures,
                    "last_error": outcome.error,
                    "backoff_until": (now + backoff_delay(settings, failures)).isoformat(timespec="seconds"),
                    "first_failure_at": old.get("first_failure_at") if failures > 1 else stamp,
                    "last_failure_at": stamp,
                    "recovered_at": old.get("recovered_at"),
                    "updated_at": stamp,
                }
            )
            changes["backed_off"].append(outcome.site)
        elif outcome.answered and old.get("state") == "backed_off":
            docs.append(
                {
                    **old,
                    "state": "ok",
                    "failures": 0,
                    "backoff_until": None,
                    "recovered_at": stamp,
                    "updated_at": stamp,
                }
            )
            changes["recovered"].append(outcome.site)
    if docs:
        index_documents(store, "sites", docs, stage="sites")
        store.refresh("sites")
    return changes


def failing_sites(store: Store, size: int = 1000) -> list[dict[str, Any]]:
    """Every site currently backed off (waiting or due for its next attempt), most failures first."""
    body = {
        "size": size,
        "query": {"term": {"state": "backed_off"}},
        "sort": [{"failures": "desc"}, {"site": "asc"}],
    }
    try:
        hits = store.search("sites", body)["hits"]["hits"]
    except SearchRequestError as exc:
        if exc.status == 404:  # no crawl has run since `pantau setup` created the index... or setup never ran
            return []
        raise
    return [hit["_source"] for hit in hits]
