"""Dead letters: documents the engine rejected for good, kept with the reason so none is lost silently.

They go to the `<prefix>-deadletter` index (the document stored unindexed, so any document fits). When even that
write fails, they go to <var_dir>/deadletter/<date>.jsonl on the local disk and the caller is told so.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pantau.errors import PantauError
from pantau.store.client import Store

log = logging.getLogger(__name__)
KIND = "deadletter"


@dataclass
class DeadLetter:
    target: str
    doc_id: str
    reason: str
    error_type: str
    status: int | None
    document: dict[str, Any] = field(repr=False)
    stage: str = "index"

    @property
    def id(self) -> str:
        return hashlib.sha256(f"{self.target}\x00{self.doc_id}".encode()).hexdigest()[:32]

    def record(self, now: str) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            id=self.id,
            document_bytes=len(json.dumps(self.document, ensure_ascii=False).encode("utf-8")),
            first_seen_at=now,
            last_seen_at=now,
            attempts=1,
            resolved=False,
        )
        return data


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write(store: Store, letters: list[DeadLetter]) -> str:
    """Store dead letters; returns where they went ("index" or a local file path)."""
    if not letters:
        return "index"
    now = _now()
    lines: list[str] = []
    for letter in letters:
        record = letter.record(now)
        lines.append(json.dumps({"update": {"_id": record["id"]}}))
        # First sighting creates the record; a later one bumps attempts and keeps the newest reason/document.
        lines.append(
            json.dumps(
                {
                    "script": {
                        "source": "ctx._source.attempts = (ctx._source.attempts == null ? 0 : "
                        "ctx._source.attempts) + 1; ctx._source.last_seen_at = params.r.last_seen_at; "
                        "ctx._source.reason = params.r.reason; ctx._source.error_type = params.r.error_type; "
                        "ctx._source.status = params.r.status; ctx._source.document = params.r.document; "
                        "ctx._source.document_bytes = params.r.document_bytes; ctx._source.resolved = false;",
                        "lang": "painless",
                        "params": {"r": record},
                    },
                    "upsert": record,
                },
                ensure_ascii=False,
            )
        )
    payload = "\n".join(lines) + "\n"
    try:
        result = store.request("POST", f"/{store.name(KIND)}/_bulk", body=payload, params={"refresh": "false"})
        failed = [item for item in result.get("items", []) if item.get("update", {}).get("error")]
        if not failed:
            return "index"
        reason = json.dumps(failed[0]["update"]["error"])[:300]
        log.error("dead-letter index refused %d record(s): %s", len(failed), reason)
    except PantauError as exc:
        log.error("dead-letter index unavailable: %s", exc)
    return str(_write_local(store, letters, now))


def _write_local(store: Store, letters: list[DeadLetter], now: str) -> Path:
    folder = store.settings.paths.var_dir / "deadletter"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{now[:10]}.jsonl"
    with path.open("a", encoding="utf-8") as fh:
        for letter in letters:
            fh.write(json.dumps(letter.record(now), ensure_ascii=False) + "\n")
    log.error("wrote %d dead letter(s) to %s", len(letters), path)
    return path


def list_letters(store: Store, size: int = 20, include_resolved: bool = False) -> list[dict[str, Any]]:
    query: dict[str, Any] = (
        {"match_all": {}} if include_resolved else {"bool": {"must_not": {"term": {"resolved": True}}}}
    )
    body = {
        "size": size,
        "query": query,
        "sort": [{"last_seen_at": "desc"}],
        "_source": {"excludes": ["document"]},
    }
    result = store.search(KIND, body)
    return [hit["_source"] for hit in result["hits"]["hits"]]
