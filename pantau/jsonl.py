"""Reading JSONL input files: each line as a JSON object or a record, and a reason for every line that is not."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from pantau.errors import PantauError
from pantau.records import Record

R = TypeVar("R", bound=Record)


def read_jsonl(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[dict[str, Any]]]:
    """((line number, object) for each JSON-object line, [{"line", "reason"} for each unusable line])."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise PantauError(f"cannot read {path}: {exc}") from exc
    items: list[tuple[int, dict[str, Any]]] = []
    problems: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            problems.append({"line": number, "reason": f"not JSON: {exc}"})
            continue
        if not isinstance(obj, dict):
            problems.append({"line": number, "reason": "not a JSON object"})
            continue
        items.append((number, obj))
    return items, problems


def to_records(
    parse: Callable[[dict[str, Any]], R], items: Iterable[tuple[int, Any]]
) -> tuple[list[tuple[int, R]], list[dict[str, Any]]]:
    """Each (line number, object) parsed into a record (`parse`: a record's from_dict or from_any_stage);
    {"line", "id", "reason"} for each object that does not fit
    (a key the record does not know, a required one missing, a malformed URL), so no row is lost silently."""
    good: list[tuple[int, R]] = []
    bad: list[dict[str, Any]] = []
    for number, obj in items:
        try:
            good.append((number, parse(obj)))
        except (ValueError, TypeError) as exc:  # RecordError is a ValueError; TypeError: a value of the wrong kind
            ident = obj.get("id") if isinstance(obj, dict) else None
            bad.append({"line": number, "id": str(ident) if ident else None, "reason": str(exc)})
    return good, bad


def read_records(path: Path, parse: Callable[[dict[str, Any]], R]) -> tuple[list[tuple[int, R]], list[dict[str, Any]]]:
    """((line number, record) for each line that is one, [{"line", "reason", ...} for every other line])."""
    items, problems = read_jsonl(path)
    good, bad = to_records(parse, items)
    return good, sorted(problems + bad, key=lambda p: int(p["line"]))
