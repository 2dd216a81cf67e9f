"""The saved-objects file (infra/kibana/pantau.ndjson, in the checkout): read it, check its references."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pantau.errors import PantauError
from pantau.resources import checkout_file


class KibanaError(PantauError):
    """Kibana could not be reached, refused the request, or a saved-objects file is malformed."""


def default_ndjson() -> Path:
    return checkout_file("infra/kibana/pantau.ndjson", "importing the Kibana objects without --file")


def load_objects(ndjson: Path) -> list[dict[str, Any]]:
    """Saved objects of an export file, one per line; the export-summary line (`exportedCount`) is skipped."""
    try:
        text = ndjson.read_text(encoding="utf-8")
    except OSError as exc:
        raise KibanaError(f"cannot read {ndjson}: {exc}") from exc
    objects: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise KibanaError(f"{ndjson}:{number}: not JSON ({exc})") from exc
        if not isinstance(obj, dict):
            raise KibanaError(f"{ndjson}:{number}: not a JSON object")
        if "exportedCount" in obj:
            continue
        for key in ("type", "id", "attributes"):
            if key not in obj:
                raise KibanaError(f"{ndjson}:{number}: saved object without {key!r}")
        objects.append(obj)
    return objects


def json_attr(obj: dict[str, Any], value: Any, what: str) -> Any:
    """Kibana stores nested state as JSON strings (visState, panelsJSON, searchSourceJSON, ...)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError as exc:
        raise KibanaError(f"{label(obj)}: {what} is not valid JSON ({exc})") from exc


def label(obj: dict[str, Any]) -> str:
    title = (obj.get("attributes") or {}).get("title")
    return f"{obj.get('type')} {obj.get('id')}" + (f" ({title!r})" if title else "")


def dangling_references(objects: list[dict[str, Any]]) -> list[str]:
    """References (panels, data views, saved searches) that point at no object in the same file."""
    known = {(o["type"], o["id"]) for o in objects}
    problems = []
    for obj in objects:
        for ref in obj.get("references") or []:
            if (ref.get("type"), ref.get("id")) not in known:
                problems.append(f"{label(obj)}: reference {ref.get('name')!r} -> {ref.get('type')} {ref.get('id')}")
    return problems
