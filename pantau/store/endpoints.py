"""The discovery endpoints index `pantau-endpoints`: what discovery found per outlet, when, and how it has fared.

One document per outlet and endpoint URL (mappings/endpoints.json), id = hash of the outlet key and the URL, so
writing a discovery again updates the same documents. `found_at` is when the endpoint was first found and stays;
`checked_at` is the last discovery that looked; `last_ok_at` the last time it answered with entries; `failures`
counts the discoveries (or crawl fetches, `record_fetch`) in a row where it did not. An endpoint with failures is
not handed to the crawl, and its outlet is discovered again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pantau.config import Settings
from pantau.crawl.plan import EndpointChoice, choose_endpoints
from pantau.crawl.probe import DiscoveryResult, Limits, discover, http_fetcher
from pantau.crawl.registry import Outlet
from pantau.crawl.urlmap import UrlMap
from pantau.errors import PantauError
from pantau.store.client import Store
from pantau.store.connect import open_store

log = logging.getLogger(__name__)

KIND = "endpoints"
MAX_PER_QUERY = 10_000


class EndpointStoreError(PantauError):
    """The engine refused an endpoint write."""


def endpoint_id(outlet_key: str, url: str) -> str:
    return hashlib.sha256(f"{outlet_key}\x00{url}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class StoredEndpoint:
    outlet_key: str
    url: str
    kind: str
    found_by: str
    found_at: datetime
    checked_at: datetime
    last_ok_at: datetime | None
    failures: int
    last_error: str = ""
    items: int = 0

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> StoredEndpoint:
        def when(key: str) -> datetime | None:
            value = doc.get(key)
            return datetime.fromisoformat(value) if value else None

        return cls(
            outlet_key=doc["outlet_key"],
            url=doc["url"],
            kind=doc["kind"],
            found_by=doc.get("found_by", ""),
            found_at=when("found_at") or datetime.fromtimestamp(0, UTC),
            checked_at=when("checked_at") or datetime.fromtimestamp(0, UTC),
            last_ok_at=when("last_ok_at"),
            failures=int(doc.get("failures") or 0),
            last_error=doc.get("last_error") or "",
            items=int(doc.get("items") or 0),
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _bulk(store: Store, docs: dict[str, dict[str, Any]]) -> None:
    if not docs:
        return
    lines: list[str] = []
    for doc_id, doc in docs.items():
        lines.append(json.dumps({"index": {"_index": store.name(KIND), "_id": doc_id}}))
        lines.append(json.dumps(doc, ensure_ascii=False))
    result = store.request("POST", "/_bulk", body="\n".join(lines) + "\n", params={"refresh": "true"})
    errors = [item["index"]["error"] for item in result.get("items", []) if item.get("index", {}).get("error")]
    if errors:
        raise EndpointStoreError(f"the engine refused {len(errors)} endpoint(s): {json.dumps(errors[0])[:300]}")


def known(store: Store, outlet_keys: Iterable[str]) -> dict[str, list[StoredEndpoint]]:
    """outlet key -> its stored endpoints (one terms query; keys with none are absent)."""
    keys = sorted(set(outlet_keys))
    out: dict[str, list[StoredEndpoint]] = {}
    if not keys:
        return out
    body = {"size": MAX_PER_QUERY, "query": {"terms": {"outlet_key": keys}}, "sort": [{"url": "asc"}]}
    for hit in store.search(KIND, body)["hits"]["hits"]:
        entry = StoredEndpoint.from_doc(hit["_source"])
        out.setdefault(entry.outlet_key, []).append(entry)
    return out


def record_discovery(store: Store, outlet_name: str, result: DiscoveryResult) -> dict[str, int]:
    """Store what a discovery found: new endpoints created, found ones refreshed, stored ones it no longer found
    (or found failing) counted as failing. Returns {"found": n, "new": n, "failing": n}."""
    now = result.checked_at
    stored = {e.url: e for e in known(store, [result.outlet_key]).get(result.outlet_key, [])}
    docs: dict[str, dict[str, Any]] = {}
    counts = {"found": 0, "new": 0, "failing": 0}
    for ep in result.endpoints:
        before = stored.get(ep.url)
        counts["found"] += 1
        counts["new"] += before is None
        docs[endpoint_id(result.outlet_key, ep.url)] = {
            "outlet": outlet_name,
            "outlet_key": result.outlet_key,
            "domain": result.domain,
            "url": ep.url,
            "kind": ep.kind,
            "found_by": ep.found_by,
            "items": ep.items,
            "newest": ep.newest,
            "found_at": before.found_at.isoformat() if before else now,
            "checked_at": now,
            "last_ok_at": now,
            "failures": 0,
            "last_error": "",
        }
    found = {ep.url for ep in result.endpoints}
    why = {p.url: p.status for p in result.probes}
    for url, before in stored.items():
        if url in found:
            continue
        counts["failing"] += 1
        docs[endpoint_id(result.outlet_key, url)] = _failing(before, outlet_name, result.domain, now, why.get(url))
    if not result.reachable:
        for doc in docs.values():
            doc["last_error"] = result.error
    _bulk(store, docs)
    return counts


def _failing(before: StoredEndpoint, outlet: str, domain: str, now: str, reason: str | None) -> dict[str, Any]:
    return {
        "outlet": outlet,
        "outlet_key": before.outlet_key,
        "domain": domain,
        "url": before.url,
        "kind": before.kind,
        "found_by": before.found_by,
        "items": 0,
        "newest": None,
        "found_at": before.found_at.isoformat(),
        "checked_at": now,
        "last_ok_at": before.last_ok_at.isoformat() if before.last_ok_at else None,
        "failures": before.failures + 1,
        "last_error": reason or "not found by the last discovery",
    }


def record_fetch(store: Store, outlet_key: str, url: str, ok: bool, error: str = "", now: str | None = None) -> bool:
    """What a crawl saw when it fetched a stored endpoint: ok resets `failures`, a failure counts one more (so the
    next plan discovers the outlet again). Returns False when the endpoint is not stored."""
    doc_id = endpoint_id(outlet_key, url)
    doc = store.get(KIND, doc_id)
    if doc is None:
        return False
    now = now or _now()
    if ok:
        doc.update(last_ok_at=now, failures=0, last_error="")
    else:
        doc.update(failures=int(doc.get("failures") or 0) + 1, last_error=error or "fetch failed")
    _bulk(store, {doc_id: doc})
    return True


def ensure_index(store: Store) -> None:
    """Create the endpoints template, index and alias if missing (idempotent; `pantau setup` does it too)."""
    from pantau.store.templates import load_specs, setup

    setup(store, {KIND: load_specs()[KIND]})


class StoreEndpointBook:
    """The engine-backed `EndpointBook` the crawl plan is handed (pantau.crawl.plan.choose_endpoints)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        ensure_index(store)

    def known(self, outlet_keys: Iterable[str]) -> dict[str, list[StoredEndpoint]]:
        return known(self.store, outlet_keys)

    def record(self, outlet_name: str, result: DiscoveryResult) -> None:
        record_discovery(self.store, outlet_name, result)


def endpoints_for_crawl(
    settings: Settings,
    store: Store,
    outlets: list[Outlet],
    url_map: UrlMap | None = None,
    allow_private: bool = False,
    limits: Limits | None = None,
) -> EndpointChoice:
    """The crawl plan's endpoint choice over the engine and the network: call before `run_crawl` (or per shard)."""
    limits = limits or Limits(max_bytes=settings.crawl.max_page_bytes)
    fetch = http_fetcher(settings.crawl.full_user_agent, limits.max_bytes, url_map, allow_private)
    return choose_endpoints(outlets, StoreEndpointBook(store), lambda o: discover(o, fetch, limits))


def with_discovered_endpoints(
    settings: Settings, outlets: list[Outlet], url_map: UrlMap | None, allow_private: bool
) -> list[Outlet]:
    """Bare and unverified rows get the endpoints discovery found (kept in `pantau-endpoints`, re-discovered daily
    or when failing); verified rows crawl as registered. Without the engine, every row crawls as registered."""
    needs = [o for o in outlets if o.bare or o.unverified]
    if not needs:
        return outlets
    try:
        store = open_store(settings)
    except PantauError as exc:
        log.warning("endpoint choice skipped (no engine): %s", exc)
        return outlets
    try:
        choice = endpoints_for_crawl(settings, store, needs, url_map, allow_private)
    except PantauError as exc:
        log.warning("endpoint choice failed, crawling the rows as registered: %s", exc)
        return outlets
    finally:
        store.close()
    if choice.without_endpoints:
        log.info("no endpoint found for %s", ", ".join(choice.without_endpoints))
    chosen = {o.key: o for o in choice.outlets}
    return [chosen.get(o.key, o) for o in outlets if not (o.bare and o.key not in chosen)]
