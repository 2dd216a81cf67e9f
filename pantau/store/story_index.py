"""Story state in the engine: the store-backed `StoryLookup` the flow hands to the story stage.

Candidates come from `pantau-articles` itself: every article document carries its MinHash band keys
(`story_bands`, keyword), signature (`story_minhash`, binary) and time (`story_at`), and `candidates` is one search
per article: the band keys as term clauses (each shared key scores one, so the closest come first) filtered to the
window, at most MAX_CANDIDATES hits, only the story fields returned. Its cost depends on how many documents share
a key in the window, not on the size of the index (benchmarks/bench_stories.py).

Concurrency: the articles of a batch reach the index only after the whole batch is processed, so two workers
processing copies of one story at the same time cannot see each other there. An article that starts a story
therefore claims its band keys in `pantau-stories` (one `_bulk` of `create` operations, id = the key): the engine
lets exactly one writer create each key, and the keys a writer could not create are read back with a real-time
`_mget`, so the stage (`pantau.process.stories`, step 3) sees a concurrent copy and both writers pick the story of
the one that holds the lowest key they share. Claims are only needed for that moment: `prune_claims` deletes those
older than CLAIM_TTL_HOURS (the process task calls it once per run).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from pantau.errors import PantauError
from pantau.process.stories import MAX_CANDIDATES, Signature, StoryCandidate
from pantau.store.client import Store

log = logging.getLogger(__name__)

KIND = "stories"
ARTICLES = "articles"
CLAIM_TTL_HOURS = 24
_SOURCE = ["id", "story_id", "story_minhash", "story_shingles", "story_at", "story_size"]


class StoryLookupError(PantauError):
    """The engine did not answer a story lookup or refused a claim."""


def _candidate(src: dict[str, Any], article_key: str = "id") -> StoryCandidate | None:
    try:
        sig = Signature.decode(str(src["story_minhash"]), int(src.get("story_shingles") or 0))
        art_id = str(src[article_key])
    except (KeyError, TypeError, ValueError):
        return None  # a document without a usable signature (written before band keys existed)
    story = str(src.get("story_id") or art_id)
    return StoryCandidate(art_id, story, sig, src.get("story_at"), int(src.get("story_size") or 1))


class StoreStoryLookup:
    """The `StoryLookup` over `pantau-articles` (candidates) and `pantau-stories` (claims).

    `requests` and `seconds` count what the lookups cost (the benchmark reports them per article)."""

    def __init__(self, store: Store, limit: int = MAX_CANDIDATES, timeout_ms: int = 5000) -> None:
        self.store = store
        self.limit = limit
        self.timeout = f"{timeout_ms}ms"
        self.requests = 0
        self.seconds = 0.0

    def _call(self, method: str, path: str, body: Any, params: dict[str, Any] | None = None) -> Any:
        start = time.perf_counter()
        try:
            return self.store.request(method, path, body=body, params=params)
        except PantauError as exc:
            raise StoryLookupError(f"story lookup failed: {exc}") from exc
        finally:
            self.requests += 1
            self.seconds += time.perf_counter() - start

    def query(self, bands: Sequence[str], start: str, end: str) -> dict[str, Any]:
        """The search body of `candidates`."""
        return {
            "size": self.limit,
            "timeout": self.timeout,
            "track_total_hits": False,
            "_source": _SOURCE,
            "query": {
                "bool": {
                    "should": [{"constant_score": {"filter": {"term": {"story_bands": b}}}} for b in bands],
                    "minimum_should_match": 1,
                    "filter": [{"range": {"story_at": {"gte": start, "lte": end}}}],
                }
            },
            "sort": ["_score", {"story_at": "asc"}],
        }

    def candidates(self, bands: Sequence[str], start: str, end: str) -> list[StoryCandidate]:
        if not bands:
            return []
        result = self._call("POST", f"/{self.store.name(ARTICLES)}/_search", self.query(bands, start, end))
        found = (_candidate(hit.get("_source") or {}) for hit in result.get("hits", {}).get("hits", []))
        return [c for c in found if c is not None]

    def claim(self, article: StoryCandidate) -> dict[str, StoryCandidate]:
        index = self.store.name(KIND)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        doc = {
            "article_id": article.id,
            "story_id": article.story_id,
            "story_minhash": article.signature.encoded(),
            "story_shingles": article.signature.size,
            "story_at": article.at,
            "claimed_at": now,
        }
        doc = {k: v for k, v in doc.items() if v is not None}
        lines: list[str] = []
        for band in article.signature.bands:
            lines.append(json.dumps({"create": {"_index": index, "_id": band}}))
            lines.append(json.dumps({**doc, "band": band}))
        result = self._call("POST", "/_bulk", "\n".join(lines) + "\n")
        taken: list[str] = []
        for item in result.get("items", []):
            op = item.get("create", {})
            status = int(op.get("status", 0))
            if status == 409:
                taken.append(str(op.get("_id")))
            elif status >= 300:
                raise StoryLookupError(f"story claim refused: {json.dumps(op.get('error'))[:300]}")
        if not taken:
            return {}
        got = self._call("POST", f"/{index}/_mget", {"ids": taken})  # real-time: sees creates not yet refreshed
        held: dict[str, StoryCandidate] = {}
        for found in got.get("docs", []):
            if not found.get("found"):
                continue  # pruned in between: nobody holds it any more
            holder = _candidate(found.get("_source") or {}, "article_id")
            if holder is not None:
                held[str(found["_id"])] = holder
        return held


def prune_claims(store: Store, hours: float = CLAIM_TTL_HOURS) -> int:
    """Delete claims older than `hours` (they protected a moment that has passed); returns how many went."""
    before = (datetime.now(UTC) - timedelta(hours=hours)).isoformat(timespec="seconds")
    try:
        result = store.request(
            "POST",
            f"/{store.name(KIND)}/_delete_by_query",
            body={"query": {"range": {"claimed_at": {"lt": before}}}},
            params={"conflicts": "proceed"},
            ignore=(404,),
        )
    except PantauError as exc:  # pruning is housekeeping: a failure must not stop processing
        log.warning("pruning story claims failed: %s", exc)
        return 0
    return int((result or {}).get("deleted", 0))


__all__ = ["CLAIM_TTL_HOURS", "KIND", "StoreStoryLookup", "StoryLookupError", "prune_claims"]
