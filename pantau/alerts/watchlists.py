"""Watchlists: saved queries kept in the percolator index `pantau-watchlists`.

Each watchlist is one document `{"watchlist": {id, name, description, query_string, severity, channels,
created_at, created_by}, "query": {"query_string": ...}}` with id = the slug of its name. The query is a Lucene
query_string over title and body (AND between terms by default: `"politik uang" Palembang`), checked against
the articles mapping before it is stored. `percolate` runs every watchlist over a batch of article documents in
one request and says which watchlist matched which article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from pantau.config import SEVERITIES, Settings
from pantau.errors import PantauError, SearchRequestError
from pantau.store.client import Store
from pantau.store.templates import load_specs

QUERY_FIELDS = ("title", "body")
MAX_WATCHLISTS = 1000


class WatchlistError(PantauError):
    """A watchlist that cannot be added, found or removed."""


def watchlist_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")
    if not slug or len(name) > 100:
        raise WatchlistError(f"watchlist name {name!r} must have letters or digits and at most 100 characters")
    return slug


def build_query(query_string: str) -> dict[str, Any]:
    return {"query_string": {"query": query_string, "fields": list(QUERY_FIELDS), "default_operator": "AND"}}


def _validate_query(store: Store, query: dict[str, Any]) -> None:
    result = store.request(
        "POST", f"/{store.name('articles')}/_validate/query", body={"query": query}, params={"explain": "true"}
    )
    if not result.get("valid", False):
        reasons = [e.get("error", "") for e in result.get("explanations", []) if e.get("error")]
        raise WatchlistError(f"the watchlist query is not valid: {'; '.join(reasons) or result}")


def add_watchlist(
    store: Store,
    settings: Settings,
    name: str,
    query_string: str,
    severity: str = "medium",
    channels: Sequence[str] = (),
    description: str = "",
    created_by: str = "",
    replace: bool = False,
) -> dict[str, Any]:
    """Store a watchlist (refreshed, so it percolates at once); an existing name is an error unless `replace`."""
    wid = watchlist_id(name)
    if not query_string.strip():
        raise WatchlistError("the watchlist query is empty")
    if severity not in SEVERITIES:
        raise WatchlistError(f"severity {severity!r} must be one of {', '.join(SEVERITIES)}")
    known = settings.alerts.channel_urls
    unknown = sorted(set(channels) - set(known))
    if unknown:
        configured = ", ".join(known) or "none (set PANTAU_ALERTS_CHANNELS)"
        raise WatchlistError(f"unknown channel(s) {', '.join(unknown)}; configured: {configured}")
    query = build_query(query_string)
    _validate_query(store, query)
    watchlist = {
        "id": wid,
        "name": name.strip(),
        "description": description,
        "query_string": query_string,
        "severity": severity,
        "channels": list(dict.fromkeys(channels)),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "created_by": created_by,
    }
    action = "_doc" if replace else "_create"
    try:
        store.request(
            "PUT",
            f"/{store.name('watchlists')}/{action}/{wid}",
            body={"watchlist": watchlist, "query": query},
            params={"refresh": "true"},
        )
    except SearchRequestError as exc:
        if exc.status == 409:
            raise WatchlistError(f"watchlist {wid!r} already exists (use --replace to change it)") from exc
        raise WatchlistError(f"the engine refused watchlist {wid!r}: {exc}") from exc
    return watchlist


def list_watchlists(store: Store) -> list[dict[str, Any]]:
    result = store.search(
        "watchlists", {"size": MAX_WATCHLISTS, "query": {"match_all": {}}, "sort": [{"watchlist.id": "asc"}]}
    )
    return [dict(hit["_source"]["watchlist"]) for hit in result["hits"]["hits"]]


def remove_watchlist(store: Store, name: str) -> str:
    wid = watchlist_id(name)
    result = store.request(
        "DELETE", f"/{store.name('watchlists')}/_doc/{wid}", params={"refresh": "true"}, ignore=(404,)
    )
    if not result or result.get("result") != "deleted":
        raise WatchlistError(f"no watchlist named {wid!r}")
    return wid


def _percolatable(doc: dict[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """The part of an article document the watchlist index knows (its mapping is strict)."""
    return {key: doc[key] for key in fields if key in doc and doc[key] is not None}


def percolate(store: Store, docs: Sequence[dict[str, Any]]) -> list[tuple[dict[str, Any], list[int]]]:
    """Every watchlist matching at least one of `docs`, with the positions of the documents it matched."""
    if not docs:
        return []
    fields = list(load_specs()["articles"].properties)
    body = {
        "size": MAX_WATCHLISTS,
        "_source": ["watchlist"],
        "query": {"percolate": {"field": "query", "documents": [_percolatable(d, fields) for d in docs]}},
    }
    result = store.search("watchlists", body)
    matches: list[tuple[dict[str, Any], list[int]]] = []
    for hit in result["hits"]["hits"]:
        slots = (hit.get("fields") or {}).get("_percolator_document_slot")
        positions = [int(s) for s in slots] if slots else ([0] if len(docs) == 1 else [])
        if positions:
            matches.append((dict(hit["_source"]["watchlist"]), positions))
    return matches
