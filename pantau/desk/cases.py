"""What the desk reads from the indices: the queue of flagged reports, one report with its story, alerts and trail."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pantau.desk.queue_filters import QueueFilters
from pantau.store.client import Store

PAGE_SIZE = 50
ARTICLE_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
QUEUE_SOURCE = [
    "id",
    "title",
    "outlet",
    "url",
    "canonical_url",
    "published_at",
    "province",
    "flag_rules",
    "max_severity",
    "max_confidence",
    "story_id",
    "review.status",
    "review.letter.sent_on",
    "review.answer.url",
]


FLAGGED: dict[str, Any] = {"range": {"flag_count": {"gt": 0}}}  # the queue's cases; see `flagged`


def flagged(doc: Mapping[str, Any]) -> bool:
    """A report is a case when it carries at least one flag (`flag_count` > 0, the queue's own filter); a copy of
    a story without a flag has nothing to review, draft or answer."""
    try:
        return int(doc.get("flag_count") or 0) > 0
    except (TypeError, ValueError):
        return False


def queue(store: Store, filters: QueueFilters) -> dict[str, Any]:
    """One page of flagged reports, newest first, with each one's story size (outlets) and the filter choices."""
    result = store.search(
        "articles",
        {
            "size": PAGE_SIZE,
            "from": (filters.page - 1) * PAGE_SIZE,
            "track_total_hits": True,
            # the choices are counted over every flagged report, the filters apply to the rows only (post_filter):
            # a filter's own list keeps its other values, and a value missing from it is one no report carries
            "query": FLAGGED,
            "post_filter": {"bool": {"filter": filters.clauses()}},
            "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
            "_source": QUEUE_SOURCE,
            "aggs": {
                "province": {"terms": {"field": "province", "size": 100}},
                "outlet": {"terms": {"field": "outlet", "size": 5000}},
                "rule": {"terms": {"field": "flag_rules", "size": 500}},
            },
        },
    )
    hits = result["hits"]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else int(hits["total"])
    rows = [{"id": hit["_id"], **hit["_source"]} for hit in hits["hits"]]
    sizes = story_outlets(store, [str(r["story_id"]) for r in rows if r.get("story_id")])
    for row in rows:
        row["story_outlets"] = sizes.get(str(row.get("story_id")), 1) if row.get("story_id") else 1
    aggs = result.get("aggregations", {})
    choices = {name: sorted(str(b["key"]) for b in aggs.get(name, {}).get("buckets", [])) for name in aggs}
    return {"rows": rows, "total": total, "choices": choices}


def story_outlets(store: Store, story_ids: list[str]) -> dict[str, int]:
    """story id -> how many outlets carry it (all articles of the story, flagged or not)."""
    ids = sorted(set(story_ids))
    if not ids:
        return {}
    result = store.search(
        "articles",
        {
            "size": 0,
            "query": {"terms": {"story_id": ids}},
            "aggs": {
                "story": {
                    "terms": {"field": "story_id", "size": len(ids)},
                    "aggs": {"outlets": {"cardinality": {"field": "outlet"}}},
                }
            },
        },
    )
    buckets = result.get("aggregations", {}).get("story", {}).get("buckets", [])
    return {str(b["key"]): int(b["outlets"]["value"]) for b in buckets}


def story_members(store: Store, story_id: str, size: int = 200) -> list[dict[str, Any]]:
    """Every article of a story (id, title, outlet, url, published_at, review, flag_count), newest first."""
    result = store.search(
        "articles",
        {
            "size": size,
            "query": {"term": {"story_id": story_id}},
            "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
            "_source": ["id", "title", "outlet", "url", "published_at", "review.status", "flag_count"],
        },
    )
    return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]


def alerts_for(store: Store, article_id: str, story_id: str | None, size: int = 20) -> list[dict[str, Any]]:
    should: list[dict[str, Any]] = [{"term": {"article_id": article_id}}]
    if story_id:
        should.append({"term": {"story_id": story_id}})
    result = store.search(
        "alerts",
        {
            "size": size,
            "query": {"bool": {"should": should, "minimum_should_match": 1}},
            "sort": [{"created_at": {"order": "desc"}}],
            "_source": ["trigger", "rule", "channel", "status", "created_at", "sent_at", "error", "outlet"],
        },
    )
    return [dict(hit["_source"]) for hit in result["hits"]["hits"]]


def highlight(body: str, evidence: list[str]) -> list[tuple[str, bool]]:
    """The body cut into (text, is_evidence) pieces: every evidence sentence found in it is marked.

    Matches ignore case and differences in whitespace; a sentence not found in the body is not marked."""
    spans: list[tuple[int, int]] = []
    for sentence in evidence:
        words = sentence.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
        spans += [(m.start(), m.end()) for m in pattern.finditer(body)]
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue  # overlaps a sentence already marked
        if start > at:
            pieces.append((body[at:start], False))
        pieces.append((body[start:end], True))
        at = end
    if at < len(body):
        pieces.append((body[at:], False))
    return pieces
