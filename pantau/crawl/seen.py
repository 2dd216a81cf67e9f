"""Incremental crawling: which candidate articles are already indexed, and with which lastmod.

The seen state is the articles index itself, so crawls on different worker machines agree, and an article is
only "seen" once it is really indexed (a crawl whose processing failed downloads it again next time).
"""

from __future__ import annotations

import logging
from datetime import datetime

from pantau.errors import PantauError
from pantau.store.client import Store
from pantau.text.dates import WIB

log = logging.getLogger(__name__)


class SeenIndex:
    def __init__(self, store: Store | None) -> None:
        self.store = store
        self.error: str | None = None

    def lookup(self, ids: list[str]) -> dict[str, datetime | None]:
        """id -> the lastmod stored with it (None when unknown) for the ids that are indexed."""
        if not self.store or not ids:
            return {}
        try:
            result = self.store.request(
                "POST",
                f"/{self.store.name('articles')}/_mget",
                body={"ids": ids},
                params={"_source_includes": "lastmod,updated_at,published_at"},
            )
        except PantauError as exc:
            # Without the seen state the crawl still works: it downloads everything, and says so in its stats.
            self.error = str(exc)
            log.warning("seen-state lookup failed, fetching everything: %s", exc)
            return {}
        seen: dict[str, datetime | None] = {}
        for doc in result.get("docs", []):
            if doc.get("found"):
                src = doc.get("_source") or {}
                # The version we hold: its recorded lastmod, else its update or publication time.
                stamp = src.get("lastmod") or src.get("updated_at") or src.get("published_at")
                seen[doc["_id"]] = _parse(stamp)
        return seen


def _parse(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=WIB)


def needs_fetch(seen_lastmod: datetime | None, is_seen: bool, candidate_lastmod: datetime | None) -> bool:
    """Fetch unseen articles, and seen ones whose lastmod moved past the one indexed."""
    if not is_seen:
        return True
    if candidate_lastmod is None:
        return False
    if seen_lastmod is None:
        return True
    return candidate_lastmod > seen_lastmod
