"""Dead letters: documents the engine rejected for good, kept with the reason so none is lost silently.

They go to the `<prefix>-deadletter` alias (the document stored unindexed, so any document fits), whose backing
indices roll over and are deleted whole by age (mappings/lifecycle/). When even that
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
from pantau.store.lifecycle import backing_indices, locate, write_index

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


def _merged(letter: DeadLetter, now: str, seen: int, before: dict[str, Any] | None) -> dict[str, Any]:
    """The stored record after `seen` more sightings: the newest reason and document, first_seen_at kept."""
    record = letter.record(now)
    record["attempts"] = int((before or {}).get("attempts") or 0) + seen
    if before and before.get("first_seen_at"):
        record["first_seen_at"] = before["first_seen_at"]
    return record


def write(store: Store, letters: list[DeadLetter], rounds: int = 3) -> str:
    """Store dead letters; returns where they went ("index" or a local file path).

    The dead letters roll over (mappings/lifecycle/ilm_deadletter.json) and are kept by last_seen_at, so a letter
    seen again must not stay in an old backing index that ages by its rollover: it is written to the write index
    with its refreshed date and attempts, and its older copy is deleted after that write succeeded. A letter already
    in the write index is overwritten there. Each write is optimistic (create, or if_seq_no on the copy read), so a
    writer that raced another one reads again instead of losing an attempt; what still fails goes to the local file.
    """
    if not letters:
        return "index"
    now = _now()
    alias = store.name(KIND)
    pending: dict[str, DeadLetter] = {}
    seen: dict[str, int] = {}
    for letter in letters:
        pending[letter.id] = letter
        seen[letter.id] = seen.get(letter.id, 0) + 1
    failed: dict[str, str] = {}
    try:
        for _ in range(rounds):
            if not pending:
                break
            write_to = write_index(backing_indices(store, alias)) or alias
            found = locate(store, KIND, pending, source=True)
            lines: list[str] = []
            order: list[str] = []
            for letter_id, letter in pending.items():
                copies = found.get(letter_id, [])
                current = copies[0] if copies and copies[0].index == write_to else None
                base = copies[0].source if copies else None
                meta: dict[str, Any] = {"_index": alias if current is None else current.index, "_id": letter_id}
                if current is not None:
                    meta |= {"if_seq_no": current.seq_no, "if_primary_term": current.primary_term}
                lines.append(json.dumps({"index" if current else "create": meta}))
                lines.append(json.dumps(_merged(letter, now, seen[letter_id], base), ensure_ascii=False))
                order.append(letter_id)
            result = store.request("POST", "/_bulk", body="\n".join(lines) + "\n", params={"refresh": "false"})
            stale: list[tuple[str, str]] = []
            for letter_id, item in zip(order, result.get("items", []), strict=True):
                outcome = next(iter(item.values()))
                error = outcome.get("error")
                if error and int(outcome.get("status", 0)) == 409:
                    continue  # another writer got there first: read again in the next round
                pending.pop(letter_id)
                if error:
                    failed[letter_id] = json.dumps(error)[:300]
                    continue
                written = str(outcome.get("_index"))
                stale += [(c.index, letter_id) for c in found.get(letter_id, []) if c.index != written]
            if stale:  # the older copies, once the new one is stored
                _delete_older(store, stale)
        failed |= dict.fromkeys(pending, "still conflicting after several rounds")
    except PantauError as exc:
        # only the letters not stored yet go to the local file: the ones an earlier round stored stay in the index
        log.error("dead-letter index unavailable: %s", exc)
        failed |= {letter_id: str(exc)[:300] for letter_id in pending if letter_id not in failed}
    if not failed:
        return "index"
    log.error("dead-letter index refused %d record(s): %s", len(failed), next(iter(failed.values())))
    return str(_write_local(store, [letter for letter in letters if letter.id in failed], now))


def _delete_older(store: Store, stale: list[tuple[str, str]]) -> None:
    """Delete the older copies of letters just stored in the write index. One that stays (the engine refused the
    delete or was gone) is a duplicate, not a loss: the next sighting finds both copies and deletes it again."""
    body = "\n".join(json.dumps({"delete": {"_index": i, "_id": d}}) for i, d in stale) + "\n"
    try:
        result = store.request("POST", "/_bulk", body=body, params={"refresh": "false"})
    except PantauError as exc:
        log.warning("%d older dead-letter copies not deleted (%s); the next sighting deletes them", len(stale), exc)
        return
    refused = [
        outcome
        for item in result.get("items", [])
        for outcome in item.values()
        if outcome.get("error") and int(outcome.get("status", 0)) != 404
    ]
    if refused:
        log.warning(
            "%d older dead-letter copies not deleted (%s); the next sighting deletes them",
            len(refused),
            json.dumps(refused[0].get("error"))[:300],
        )


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
