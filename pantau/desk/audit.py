"""The `pantau-audit` index: one document per change made in the desk (who, what, when, before and after).

Written with refresh, so the trail is visible at once; `before`/`after` are stored but not indexed (they hold the
review objects or watchlists as they were). Passwords, sessions and tokens are never passed here.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from pantau.store.client import Store


def record(
    store: Store,
    *,
    user: str,
    role: str,
    action: str,
    target: str,
    summary: str = "",
    outcome: str = "ok",
    article_id: str | None = None,
    story_id: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    client: str | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": uuid.uuid4().hex,
        "at": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "user": user,
        "role": role,
        "action": action,
        "target": target,
        "outcome": outcome,
        "summary": summary,
        "before": before or {},
        "after": after or {},
    }
    links = {"article_id": article_id, "story_id": story_id, "client": client}
    entry.update({key: value for key, value in links.items() if value})
    store.request("PUT", f"/{store.name('audit')}/_doc/{entry['id']}", body=entry, params={"refresh": "true"})
    return entry


def entries(store: Store, article_id: str | None = None, size: int = 50) -> list[dict[str, Any]]:
    """The newest audit entries, of one article when given."""
    query: dict[str, Any] = {"term": {"article_id": article_id}} if article_id else {"match_all": {}}
    result = store.search("audit", {"size": size, "query": query, "sort": [{"at": {"order": "desc"}}]})
    return [dict(hit["_source"]) for hit in result["hits"]["hits"]]
