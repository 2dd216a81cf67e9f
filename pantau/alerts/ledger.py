"""The alerts index `pantau-alerts` as the ledger of every alert: ids, saves, look-ups.

An alert's id is a hash of its dedup key (what it is about | which rule or watchlist | which channel), so the
same story and rule never alert a channel twice however often a batch is re-run. A save that cannot reach the
engine goes to `var/alerts/unrecorded-<date>.jsonl` instead of being dropped.

The ledger rolls over (mappings/lifecycle/ilm_alerts.json): a new alert goes to the write index through the alias,
and a later save of the same alert (its delivery status, attempts, a retry) goes to the backing index it lives in
(`pantau.store.lifecycle.homes`), so it stays one document in its old index instead of a second copy in the write
index. Reads search the alias, which covers every backing index.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from pantau.errors import SearchRequestError, SearchUnavailableError
from pantau.records import AlertRecord
from pantau.store.client import Store
from pantau.store.lifecycle import homes, locate

log = logging.getLogger(__name__)

PENDING, SENT, FAILED, HELD, DIGESTED = "pending", "sent", "failed", "held", "digested"


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def alert_id(dedup_key: str) -> str:
    return hashlib.sha256(dedup_key.encode("utf-8")).hexdigest()[:32]


def existing_ids(store: Store, ids: Iterable[str]) -> set[str]:
    """Which of these alert ids the ledger already holds."""
    wanted = sorted(set(ids))
    if not wanted:
        return set()
    return set(locate(store, "alerts", wanted))


def _fallback(store: Store, record: AlertRecord, reason: str) -> None:
    folder = store.settings.paths.var_dir / "alerts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"unrecorded-{utc_now():%Y-%m-%d}.jsonl"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"reason": reason, "alert": record.to_dict()}, ensure_ascii=False) + "\n")
    log.error("alert %s could not be recorded in %s (%s); kept in %s", record.id, store.name("alerts"), reason, path)


def _put(store: Store, record: AlertRecord, index: str, refresh: bool) -> None:
    doc = {k: v for k, v in record.to_dict().items() if v is not None}
    params = {"refresh": "true"} if refresh else None
    try:
        store.request("PUT", f"/{index}/_doc/{record.id}", body=doc, params=params)
    except (SearchUnavailableError, SearchRequestError) as exc:
        _fallback(store, record, str(exc))


def _homes(store: Store, records: list[AlertRecord]) -> dict[str, str] | None:
    try:
        return homes(store, "alerts", (r.id for r in records))
    except (SearchUnavailableError, SearchRequestError) as exc:
        for record in records:
            _fallback(store, record, str(exc))
        return None


def save(store: Store, record: AlertRecord, refresh: bool = False) -> None:
    """Index one alert: a new one through the alias, a known one in the backing index it lives in (overwritten)."""
    where = _homes(store, [record])
    if where is not None:
        _put(store, record, where[record.id], refresh)


def save_many(store: Store, records: Iterable[AlertRecord]) -> None:
    batch = list(records)
    where = _homes(store, batch) if batch else {}
    if where is not None:
        for record in batch:
            _put(store, record, where[record.id], False)
    store.request("POST", f"/{store.name('alerts')}/_refresh", ignore=(404,))


def find(store: Store, query: dict[str, Any], size: int = 500) -> list[AlertRecord]:
    result = store.search("alerts", {"size": size, "query": query, "sort": [{"created_at": "asc"}]})
    return [AlertRecord.from_dict(hit["_source"]) for hit in result["hits"]["hits"]]


def sent_since(store: Store, channel: str, since: datetime) -> int:
    """Messages a channel received since a moment (sent alerts and digests; folded members do not count)."""
    return store.count(
        "alerts",
        {
            "bool": {
                "filter": [
                    {"term": {"channel": channel}},
                    {"term": {"status": SENT}},
                    {"range": {"sent_at": {"gte": iso(since)}}},
                ]
            }
        },
    )
