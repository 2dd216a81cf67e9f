"""Bulk indexing through the client's streaming_bulk, with nothing dropped silently.

Each document ends in exactly one of three places: indexed; dead-lettered with its reason (permanent failures
such as mapping conflicts or documents over the size limit); or, when the engine stays unreachable after every
retry round, in `SearchUnavailableError.pending`, so the caller can retry the same batch later (ids are
deterministic, so a retry updates instead of duplicating).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pantau.errors import SearchRequestError, SearchUnavailableError
from pantau.store import deadletter
from pantau.store.client import RETRY_STATUSES, Store
from pantau.store.deadletter import DeadLetter

log = logging.getLogger(__name__)

TRANSIENT_ERROR_TYPES = frozenset(
    {
        "es_rejected_execution_exception",
        "rejected_execution_exception",
        "unavailable_shards_exception",
        "cluster_block_exception",  # e.g. the write block `pantau migrate` holds while it reindexes
        "process_cluster_event_timeout_exception",
        "circuit_breaking_exception",
        "no_shard_available_action_exception",
        "node_not_connected_exception",
        "node_closed_exception",
    }
)
FATAL_ERROR_TYPES = frozenset({"index_not_found_exception"})


class BulkUnavailableError(SearchUnavailableError):
    def __init__(self, message: str, pending: list[dict[str, Any]], result: BulkResult) -> None:
        super().__init__(message)
        self.pending = pending
        self.result = result


@dataclass
class BulkResult:
    kind: str
    submitted: int = 0
    created: int = 0
    updated: int = 0
    merged_duplicates: int = 0
    retried: int = 0
    dead_letters: list[DeadLetter] = field(default_factory=list)
    dead_letter_store: str = ""

    @property
    def indexed(self) -> int:
        return self.created + self.updated

    def summary(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "submitted": self.submitted,
            "indexed": self.indexed,
            "created": self.created,
            "updated": self.updated,
            "merged_duplicates": self.merged_duplicates,
            "retried": self.retried,
            "dead_lettered": len(self.dead_letters),
            "dead_letter_store": self.dead_letter_store or None,
        }


def _classify(item: dict[str, Any]) -> tuple[str, int | None, str, str]:
    """('transient' | 'permanent' | 'fatal' | 'unavailable', status, error type, reason) of a failed item."""
    status = item.get("status")
    error = item.get("error")
    if "exception" in item and not isinstance(status, int):
        return "unavailable", None, "connection_error", str(error)
    if isinstance(error, dict):
        error_type = str(error.get("type", "error"))
        reason = str(error.get("reason", ""))
        caused = error.get("caused_by")
        if isinstance(caused, dict) and caused.get("reason"):
            reason = f"{reason}: {caused.get('type')}: {caused.get('reason')}"
    else:
        error_type, reason = "error", str(error)
    if error_type in FATAL_ERROR_TYPES:
        return "fatal", status if isinstance(status, int) else None, error_type, reason
    if (isinstance(status, int) and status in RETRY_STATUSES) or error_type in TRANSIENT_ERROR_TYPES:
        return "transient", status if isinstance(status, int) else None, error_type, reason
    if not isinstance(status, int):
        return "unavailable", None, error_type, reason
    return "permanent", status, error_type, reason


def index_documents(
    store: Store,
    kind: str,
    docs: Iterable[Mapping[str, Any]],
    *,
    id_of: Callable[[Mapping[str, Any]], str] = lambda d: str(d["id"]),
    max_rounds: int | None = None,
    stage: str = "index",
) -> BulkResult:
    """Index documents into the `kind` alias; see the module doc for what happens to each one."""
    target = store.name(kind)
    if not store.exists(f"/_alias/{target}"):
        # Without this check Elasticsearch would auto-create a concrete index where the alias belongs.
        raise SearchRequestError(
            f"the alias {target} does not exist: run `pantau setup` first", error_type="index_not_found_exception"
        )
    result = BulkResult(kind=kind)
    limit = store.settings.search.max_document_bytes
    pending: dict[str, dict[str, Any]] = {}
    for doc in docs:
        result.submitted += 1
        did = id_of(doc)
        if did in pending:
            result.merged_duplicates += 1  # the later version of the same URL wins, as a re-index would
        size = len(json.dumps(doc, ensure_ascii=False, default=str).encode("utf-8"))
        if size > limit:
            pending.pop(did, None)
            result.dead_letters.append(
                DeadLetter(
                    target,
                    did,
                    f"document is {size} bytes, over the limit of {limit} bytes (PANTAU_SEARCH_MAX_DOCUMENT_BYTES)",
                    "document_too_large",
                    413,
                    dict(doc),
                    stage,
                )
            )
            continue
        pending[did] = dict(doc)

    rounds = max_rounds if max_rounds is not None else store.settings.search.max_retries + 1
    last_problem = ""
    for attempt in range(rounds):
        if not pending:
            break
        if attempt:
            result.retried += len(pending)
            delay = store.backoff(attempt - 1)
            log.warning(
                "bulk into %s: %d document(s) not yet indexed (%s); retry %d in %.1fs",
                target,
                len(pending),
                last_problem,
                attempt,
                delay,
            )
            store.sleep(delay)
        actions = [{"_op_type": "index", "_index": target, "_id": did, "_source": doc} for did, doc in pending.items()]
        fatal: tuple[str, str] | None = None
        try:
            for ok, item in store.streaming_bulk(actions, chunk_size=store.settings.search.bulk_chunk_size):
                info = item.get("index", {})
                did = str(info.get("_id"))
                if ok:
                    if info.get("result") == "created":
                        result.created += 1
                    else:
                        result.updated += 1
                    pending.pop(did, None)
                    continue
                verdict, status, error_type, reason = _classify(info)
                if verdict == "permanent":
                    result.dead_letters.append(
                        DeadLetter(target, did, reason, error_type, status, pending.pop(did), stage)
                    )
                elif verdict == "fatal":
                    fatal = (error_type, reason)
                else:
                    last_problem = f"{error_type}: {reason}"[:300]
        except store.transport_errors() as exc:
            last_problem = f"connection failed: {exc}"[:300]
        if fatal:
            _store_dead_letters(store, result)
            raise SearchRequestError(
                f"bulk into {target} failed: {fatal[0]}: {fatal[1]}; has `pantau setup` been run?",
                error_type=fatal[0],
            )

    _store_dead_letters(store, result)
    if pending:
        raise BulkUnavailableError(
            f"the search engine at {store.info.url} did not take {len(pending)} of {result.submitted} "
            f"document(s) after {rounds} round(s) ({last_problem}); {result.indexed} were indexed and "
            f"{len(result.dead_letters)} dead-lettered. Nothing was dropped: retry the same batch once the "
            "engine is back (ids are deterministic, so nothing is duplicated).",
            pending=list(pending.values()),
            result=result,
        )
    return result


def _store_dead_letters(store: Store, result: BulkResult) -> None:
    if result.dead_letters and not result.dead_letter_store:
        for letter in result.dead_letters:
            log.error("dead-lettered %s/%s: %s", letter.target, letter.doc_id, letter.reason)
        result.dead_letter_store = deadletter.write(store, result.dead_letters)
