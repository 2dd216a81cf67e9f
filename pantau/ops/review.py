"""The review workflow of flagged articles: baru -> ditinjau -> diklarifikasi | diabaikan (and baru -> diabaikan).

The state lives in the article document's `review` object {status, note, clarification_url, updated_at,
updated_by}, a keyword field Kibana filters on. `update_review` enforces the transitions, requires a
clarification URL for 'diklarifikasi', and replaces the review object as a whole (a scripted update, guarded by
the document's sequence number, so two officers cannot overwrite each other silently) followed by a refresh.

The desk keeps its drafts, the letter sent and the outlet's answer in the same object (`review.drafts`,
`review.letter`, `review.answer`), written
by `save_review_part`, which never changes the status: only `update_review` moves it.

Indexing: `initial_review(doc)` gives a new flagged article review status 'baru'; `carry_reviews(store, docs)`
must run on every batch before it is (re-)indexed: it fetches the review objects already in the index with one
_mget and carries them over, so re-crawling or reprocessing an article never wipes what an officer recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pantau.errors import PantauError, SearchRequestError

if TYPE_CHECKING:
    from pantau.store.client import Store

STATUSES = ("baru", "ditinjau", "diklarifikasi", "diabaikan")
TRANSITIONS: dict[str, frozenset[str]] = {
    "baru": frozenset({"ditinjau", "diabaikan"}),
    "ditinjau": frozenset({"diklarifikasi", "diabaikan"}),
    "diklarifikasi": frozenset(),
    "diabaikan": frozenset(),
}
SYSTEM_USER = "pantau"


class ReviewError(PantauError):
    """A review update that is not allowed or refers to an article that does not exist."""


class ReviewConflictError(ReviewError):
    """A review part was saved by someone else since the editor read it; `current` is the part as stored now."""

    def __init__(self, message: str, current: dict[str, Any]) -> None:
        super().__init__(message)
        self.current = current


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def initial_review(doc: dict[str, Any], now: str | None = None) -> dict[str, Any] | None:
    """{'status': 'baru', ...} for a flagged article without a review yet; None otherwise."""
    if doc.get("review") or not doc.get("flags"):
        return None
    return {"status": "baru", "updated_at": now or _now(), "updated_by": SYSTEM_USER}


def carry_reviews(store: Store, docs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each document about to be indexed the review already stored for it, else its initial review."""
    ids = [str(d["id"]) for d in docs if d.get("id")]
    existing: dict[str, Any] = {}
    if ids:
        found = store.request(
            "POST",
            f"/{store.name('articles')}/_mget",
            body={"ids": ids},
            params={"_source_includes": "review"},
        )
        existing = {d["_id"]: (d.get("_source") or {}).get("review") for d in found.get("docs", []) if d.get("found")}
    now = _now()
    out: list[dict[str, Any]] = []
    for doc in docs:
        stored = existing.get(str(doc.get("id")))
        if stored:
            doc["review"] = stored
        else:
            review = initial_review(doc, now)
            if review:
                doc["review"] = review
        out.append(doc)
    return out


def http_url(value: Any) -> str | None:
    """`value` when it is an absolute http(s) URL with a host, else None. The one rule for what may become a link
    or be stored as one (javascript:, data:, relative or malformed URLs never do)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or any(ch.isspace() or ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and host else None


def _check_url(url: str) -> str:
    checked = http_url(url)
    if checked is None:
        raise ReviewError(f"clarification URL {url!r} must be an http(s) URL")
    return checked


def update_review(
    store: Store,
    article_id: str,
    status: str,
    note: str | None = None,
    clarification_url: str | None = None,
    by: str | None = None,
) -> dict[str, Any]:
    """Move an article's review to `status`; returns the review as stored."""
    if status not in STATUSES[1:]:
        raise ReviewError(f"status {status!r} must be one of {', '.join(STATUSES[1:])}")
    found = store.request(
        "GET",
        f"/{store.name('articles')}/_doc/{article_id}",
        params={"_source_includes": "review,title,flags.rule"},
        ignore=(404,),
    )
    if not found or not found.get("found"):
        raise ReviewError(f"no article with id {article_id!r} in {store.name('articles')}")
    current_review = (found.get("_source") or {}).get("review") or {}
    current = current_review.get("status") or "baru"
    if status not in TRANSITIONS.get(current, frozenset()):
        allowed = ", ".join(sorted(TRANSITIONS.get(current, frozenset()))) or "none (final)"
        raise ReviewError(f"article {article_id}: cannot go from {current!r} to {status!r}; allowed: {allowed}")
    url = _check_url(clarification_url) if clarification_url else current_review.get("clarification_url")
    if status == "diklarifikasi" and not url:
        raise ReviewError("status 'diklarifikasi' needs --clarification-url (where the clarification was published)")
    review: dict[str, Any] = {
        **current_review,
        "status": status,
        "updated_at": _now(),
        "updated_by": by or SYSTEM_USER,
    }
    if note is not None:
        review["note"] = note
    if url:
        review["clarification_url"] = url
    _write_review(store, article_id, review, found, "run the command again")
    return review


# Replaces the review object as a whole: a partial update ({"doc": {"review": ...}}) merges objects key by key, so
# a field left out (an answer's published_on, a draft's text) would survive from the previous value.
_SET_REVIEW = "ctx._source.review = params.review"


def _write_review(store: Store, article_id: str, review: dict[str, Any], found: dict[str, Any], retry: str) -> None:
    """Store `review` as the article's whole review object, guarded by the sequence number read in `found`."""
    try:
        store.request(
            "POST",
            f"/{store.name('articles')}/_update/{article_id}",
            body={"script": {"source": _SET_REVIEW, "lang": "painless", "params": {"review": review}}},
            params={"refresh": "true", "if_seq_no": found["_seq_no"], "if_primary_term": found["_primary_term"]},
        )
    except SearchRequestError as exc:
        if exc.status == 409:
            raise ReviewError(f"article {article_id} was changed meanwhile; {retry}") from exc
        raise


REVIEW_PARTS = ("drafts", "letter", "answer")


def current_review(store: Store, article_id: str) -> dict[str, Any]:
    """The review object stored for an article ({} when it has none); ReviewError when there is no such article."""
    found = store.request(
        "GET", f"/{store.name('articles')}/_doc/{article_id}", params={"_source_includes": "review"}, ignore=(404,)
    )
    if not found or not found.get("found"):
        raise ReviewError(f"no article with id {article_id!r} in {store.name('articles')}")
    return dict((found.get("_source") or {}).get("review") or {})


# The key that stamps each part when it is saved: the part's version, as an editor read it, for `based_on`.
PART_STAMPS = {"drafts": "saved_at", "letter": "recorded_at", "answer": "recorded_at"}


def save_review_part(
    store: Store, article_id: str, part: str, value: dict[str, Any], based_on: str | None = None
) -> dict[str, Any]:
    """Store `review.<part>` (drafts, letter or answer) of an article without touching its status; returns the review.

    `based_on` is the part's stamp (PART_STAMPS) as the editor read it ("" when there was none): when the stored
    part has another stamp now, someone saved it meanwhile and ReviewConflictError is raised, nothing written. Guarded
    by the document's sequence number like `update_review`; an article without a review yet gets the status
    'baru' with it, so the desk's work is never detached from the workflow."""
    if part not in REVIEW_PARTS:
        raise ReviewError(f"review part {part!r} must be one of {', '.join(REVIEW_PARTS)}")
    found = store.request(
        "GET",
        f"/{store.name('articles')}/_doc/{article_id}",
        params={"_source_includes": "review"},
        ignore=(404,),
    )
    if not found or not found.get("found"):
        raise ReviewError(f"no article with id {article_id!r} in {store.name('articles')}")
    review: dict[str, Any] = dict((found.get("_source") or {}).get("review") or {})
    stored = dict(review.get(part) or {})
    if based_on is not None and str(stored.get(PART_STAMPS[part]) or "") != based_on:
        raise ReviewConflictError(f"article {article_id}: review.{part} was saved meanwhile", stored)
    review.setdefault("status", "baru")
    review[part] = value
    try:
        _write_review(store, article_id, review, found, "save again")
    except ReviewError as exc:  # written by someone else between the read and the write
        raise ReviewConflictError(str(exc), current_review(store, article_id).get(part) or {}) from exc
    return review


def list_reviews(store: Store, status: str | None = "baru", size: int = 50) -> list[dict[str, Any]]:
    """Articles with a review in `status` (all reviewed articles when None), newest first."""
    if status is not None and status not in STATUSES:
        raise ReviewError(f"status {status!r} must be one of {', '.join(STATUSES)}")
    query: dict[str, Any] = {"term": {"review.status": status}} if status else {"exists": {"field": "review.status"}}
    result = store.search(
        "articles",
        {
            "size": size,
            "query": query,
            "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
            "_source": ["id", "title", "outlet", "url", "published_at", "province", "flag_rules", "review"],
        },
    )
    return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]
