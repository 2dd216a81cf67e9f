"""Reading JSONL input files: every line that is a JSON object, and a reason for every line that is not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pantau.errors import PantauError


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
