"""The saved-objects file (infra/kibana/pantau.ndjson, in the checkout): read it, check its references."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pantau.config import default_desk_url
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


# The oldest Kibana the objects import into. README ("## Kibana") and infra/kibana/README.md quote it, and a test
# fails when an object in the file carries a migration version newer than this (Kibana refuses such a document:
# "belongs to a more recent version of Kibana").
MIN_KIBANA_VERSION = "8.8.0"
# The desk base URL the file carries in its clarification links: the desk's default address ([desk] host and
# port in defaults.toml; a test checks that the file agrees). `pantau kibana import` puts the configured desk
# (`DeskSettings.link_url`: PANTAU_DESK_URL, else the address `pantau desk` serves on) in its place (`with_desk_url`).
DESK_URL_PLACEHOLDER = default_desk_url()
DESK_REPORT_PATH = "/report/{{value}}"


def version_tuple(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError as exc:
        raise KibanaError(f"{version!r} is not a Kibana version like 8.8.0") from exc


def too_new(objects: list[dict[str, Any]], kibana: str = MIN_KIBANA_VERSION) -> list[str]:
    """Objects whose migration versions are newer than `kibana`, which that Kibana would refuse to import."""
    limit = version_tuple(kibana)
    problems = []
    for obj in objects:
        for key in ("coreMigrationVersion", "typeMigrationVersion"):
            value = obj.get(key)
            if value and version_tuple(str(value)) > limit:
                problems.append(f"{label(obj)}: {key} {value} is newer than Kibana {kibana}")
        for plugin, value in (obj.get("migrationVersion") or {}).items():  # exports before 8.8
            if version_tuple(str(value)) > limit:
                problems.append(f"{label(obj)}: migrationVersion.{plugin} {value} is newer than Kibana {kibana}")
    return problems


def with_desk_url(objects: list[dict[str, Any]], desk_url: str) -> list[dict[str, Any]]:
    """Copies of the objects whose desk links (data-view URL formats) point at `desk_url` instead of the placeholder."""
    base = desk_url.rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise KibanaError(f"desk URL {desk_url!r} must look like https://desk.example")
    out = []
    for obj in objects:
        attrs = obj.get("attributes") or {}
        formats = (
            json_attr(obj, attrs.get("fieldFormatMap"), "fieldFormatMap") if obj["type"] == "index-pattern" else None
        )
        if formats:
            for spec in formats.values():
                params = (spec or {}).get("params") or {}
                template = params.get("urlTemplate")
                if isinstance(template, str) and template.startswith(DESK_URL_PLACEHOLDER + "/"):
                    params["urlTemplate"] = base + template[len(DESK_URL_PLACEHOLDER) :]
            obj = {**obj, "attributes": {**attrs, "fieldFormatMap": json.dumps(formats, ensure_ascii=False)}}
        out.append(obj)
    return out


def desk_links(objects: list[dict[str, Any]]) -> dict[str, str]:
    """{"<data view id>.<field>": urlTemplate} for every URL format that opens a desk report."""
    links = {}
    for obj in objects:
        if obj["type"] != "index-pattern":
            continue
        formats = json_attr(obj, obj["attributes"].get("fieldFormatMap"), "fieldFormatMap") or {}
        for field_name, spec in formats.items():
            template = ((spec or {}).get("params") or {}).get("urlTemplate")
            if isinstance(template, str) and template.endswith(DESK_REPORT_PATH):
                links[f"{obj['id']}.{field_name}"] = template
    return links
