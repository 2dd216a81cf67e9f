"""Kibana saved objects (infra/kibana/pantau.ndjson): load them into Kibana, and list every field they use.

`import_objects` sends the NDJSON file to Kibana's saved-objects import API (POST /api/saved_objects/_import, a
multipart upload with the `kbn-xsrf` header) and turns the answer into a summary with readable per-object errors.

`referenced_fields` reads the same file and collects, per data view title, every field name the objects use:
data-view time fields, field labels and formats, saved-search columns and sort, KQL/Lucene queries, filters,
legacy visualization aggregations, Lens columns and dashboard queries. Tests compare that with the index mappings,
so a saved object that names a field the index does not have fails CI instead of showing an empty panel.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import urllib3

from pantau.errors import PantauError
from pantau.resources import checkout_file

IMPORT_PATH = "/api/saved_objects/_import"
SEARCH_INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"
LENS_LAYER_REF = "indexpattern-datasource-layer-"
LENS_RECORDS_FIELD = "___records___"
KIBANA_META_FIELDS = frozenset({"_id", "_index", "_score", "_source"})
# Legacy visualization types without aggregations over a data view (nothing to check).
FIELDLESS_VIS_TYPES = frozenset({"markdown"})
SPACE_ID = re.compile(r"^[a-z0-9_-]+$")


class KibanaError(PantauError):
    """Kibana could not be reached, refused the request, or a saved-objects file is malformed."""


def default_ndjson() -> Path:
    return checkout_file("infra/kibana/pantau.ndjson", "importing the Kibana objects without --file")


# --- reading the NDJSON file ------------------------------------------------------------------------------------


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


def _json_attr(obj: dict[str, Any], value: Any, what: str) -> Any:
    """Kibana stores nested state as JSON strings (visState, panelsJSON, searchSourceJSON, ...)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError as exc:
        raise KibanaError(f"{_label(obj)}: {what} is not valid JSON ({exc})") from exc


def _label(obj: dict[str, Any]) -> str:
    title = (obj.get("attributes") or {}).get("title")
    return f"{obj.get('type')} {obj.get('id')}" + (f" ({title!r})" if title else "")


def dangling_references(objects: list[dict[str, Any]]) -> list[str]:
    """References (panels, data views, saved searches) that point at no object in the same file."""
    known = {(o["type"], o["id"]) for o in objects}
    problems = []
    for obj in objects:
        for ref in obj.get("references") or []:
            if (ref.get("type"), ref.get("id")) not in known:
                problems.append(f"{_label(obj)}: reference {ref.get('name')!r} -> {ref.get('type')} {ref.get('id')}")
    return problems


# --- field names in queries -------------------------------------------------------------------------------------

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_ESCAPED = re.compile(r"\\.")
_FIELD_BEFORE_OPERATOR = re.compile(r"(?<![\w.@*-])([A-Za-z_@*][\w.@*-]*)\s*(?::|<=|>=|<|>)")
_DSL_LEAVES = frozenset(
    {
        "term",
        "terms",
        "match",
        "match_phrase",
        "match_phrase_prefix",
        "match_bool_prefix",
        "prefix",
        "wildcard",
        "regexp",
        "fuzzy",
        "range",
    }
)
_DSL_PARAMS = frozenset({"boost", "_name"})


def query_fields(query: str) -> set[str]:
    """Field names a KQL or Lucene query string names (`field : value`, `field > 3`); values are ignored."""
    text = _QUOTED.sub(" ", _ESCAPED.sub(" ", query or ""))
    return {m.group(1) for m in _FIELD_BEFORE_OPERATOR.finditer(text)}


def dsl_fields(query: Any) -> set[str]:
    """Field names an Elasticsearch query DSL object uses (as stored in Kibana filters)."""
    if not query:
        return set()
    if isinstance(query, list):
        return set().union(*(dsl_fields(q) for q in query))
    if not isinstance(query, dict):
        raise KibanaError(f"query DSL {query!r} is not an object")
    found: set[str] = set()
    for kind, body in query.items():
        if kind in _DSL_LEAVES:
            found |= {k for k in body if k not in _DSL_PARAMS}
        elif kind == "exists":
            found.add(body["field"])
        elif kind == "bool":
            for clause in ("must", "filter", "should", "must_not"):
                found |= dsl_fields(body.get(clause))
        elif kind in {"nested", "constant_score", "has_child", "has_parent"}:
            found |= dsl_fields(body.get("query") or body.get("filter"))
        elif kind in {"multi_match", "query_string", "simple_query_string"}:
            found |= {f.split("^")[0] for f in body.get("fields", [])}
            if kind == "query_string":
                found |= query_fields(body.get("query", ""))
                if body.get("default_field"):
                    found.add(body["default_field"])
        elif kind in {"match_all", "match_none"} or kind in _DSL_PARAMS or kind == "minimum_should_match":
            continue
        else:
            raise KibanaError(f"query DSL clause {kind!r} is not understood; its fields cannot be checked")
    return found


def filter_fields(filters: Any) -> set[str]:
    """Fields of Kibana filter pills: `meta.key` plus everything the filter's query DSL names."""
    found: set[str] = set()
    for flt in filters or []:
        meta = flt.get("meta") or {}
        if meta.get("key") and meta.get("type") not in {"custom", "combined", "query_string"}:
            found.add(str(meta["key"]))
        for key, value in flt.items():
            if key in {"meta", "$state"}:
                continue
            found |= dsl_fields(value if key == "query" else {key: value})
    return found


def _search_source_fields(obj: dict[str, Any]) -> set[str]:
    meta = (obj.get("attributes") or {}).get("kibanaSavedObjectMeta") or {}
    source = _json_attr(obj, meta.get("searchSourceJSON"), "searchSourceJSON") or {}
    query = source.get("query") or {}
    found = query_fields(query.get("query", "")) if isinstance(query, dict) else set()
    return found | filter_fields(source.get("filter"))


def _agg_fields(value: Any) -> set[str]:
    """Every `field` (and `sortField`) inside legacy aggregation params, at any depth (orderAgg, customMetric)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"field", "sortField"} and isinstance(item, str) and item:
                found.add(item)
            elif key == "filters" and isinstance(item, list):
                for flt in item:
                    query = (flt.get("input") or {}).get("query", "") if isinstance(flt, dict) else ""
                    found |= query_fields(query if isinstance(query, str) else "")
            else:
                found |= _agg_fields(item)
    elif isinstance(value, list):
        for item in value:
            found |= _agg_fields(item)
    return found


# --- collecting fields per data view ----------------------------------------------------------------------------


@dataclass
class _Collector:
    objects: list[dict[str, Any]]
    by_key: dict[tuple[str, str], dict[str, Any]] = field(init=False)
    fields: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key = {(o["type"], o["id"]): o for o in self.objects}

    def add(self, titles: Iterable[str], names: Iterable[str]) -> None:
        names = {n for n in names if n and n not in KIBANA_META_FIELDS}
        for title in titles:
            self.fields.setdefault(title, set()).update(names)

    def ref(self, obj: dict[str, Any], name: str, kind: str | None = None) -> dict[str, Any]:
        for ref in obj.get("references") or []:
            if ref.get("name") == name and (kind is None or ref.get("type") == kind):
                found = self.by_key.get((ref["type"], ref["id"]))
                if found is None:
                    raise KibanaError(f"{_label(obj)}: {name!r} points at {ref['type']} {ref['id']}, not in the file")
                return found
        raise KibanaError(f"{_label(obj)}: no reference named {name!r}")

    def data_view_title(self, obj: dict[str, Any]) -> str:
        title = (obj.get("attributes") or {}).get("title")
        if obj["type"] != "index-pattern" or not title:
            raise KibanaError(f"{_label(obj)}: expected a data view with a title")
        return str(title)

    def data_views_of(self, obj: dict[str, Any]) -> list[str]:
        """Titles of the data views an object reads (through its search source, saved search or Lens layers)."""
        kind = obj["type"]
        attrs = obj.get("attributes") or {}
        if kind == "index-pattern":
            return [self.data_view_title(obj)]
        if kind == "lens":
            refs = [r for r in obj.get("references") or [] if r.get("type") == "index-pattern"]
            return sorted({self.data_view_title(self.ref(obj, r["name"])) for r in refs})
        if kind == "visualization" and attrs.get("savedSearchRefName"):
            return self.data_views_of(self.ref(obj, attrs["savedSearchRefName"], "search"))
        if kind in {"search", "visualization"}:
            meta = attrs.get("kibanaSavedObjectMeta") or {}
            source = _json_attr(obj, meta.get("searchSourceJSON"), "searchSourceJSON") or {}
            if kind == "visualization" and not source.get("indexRefName"):
                return []
            return [self.data_view_title(self.ref(obj, source.get("indexRefName", SEARCH_INDEX_REF)))]
        if kind == "dashboard":
            titles: set[str] = set()
            for panel, target in self.dashboard_panels(obj):
                titles |= set(self.data_views_of(target) if target is not None else self.lens_titles(panel, obj))
            return sorted(titles)
        raise KibanaError(f"{_label(obj)}: saved-object type {kind!r} is not supported here")

    def dashboard_panels(self, dash: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        """(panel, library object) pairs; by-value panels come with None."""
        panels = _json_attr(dash, dash["attributes"].get("panelsJSON"), "panelsJSON") or []
        for panel in panels:
            ref_name = panel.get("panelRefName")
            if ref_name:
                # 8.x exports name the reference "<panelIndex>:panel_<panelIndex>"; older ones just "panel_0".
                prefixed = f"{panel.get('panelIndex')}:{ref_name}"
                names = {r.get("name") for r in dash.get("references") or []}
                yield panel, self.ref(dash, prefixed if prefixed in names else ref_name)
            elif ((panel.get("embeddableConfig") or {}).get("attributes") or {}).get("state") is not None:
                yield panel, None
            else:
                raise KibanaError(f"{_label(dash)}: panel {panel.get('panelIndex')} has no saved object to check")

    def lens_titles(self, panel: dict[str, Any], dash: dict[str, Any]) -> list[str]:
        return sorted(self.lens_fields(self._by_value_lens(panel, dash), collect=False))

    def _by_value_lens(self, panel: dict[str, Any], dash: dict[str, Any]) -> dict[str, Any]:
        attrs = panel["embeddableConfig"]["attributes"]
        prefix = f"{panel.get('panelIndex')}:"
        refs = attrs.get("references") or [
            {**r, "name": r["name"][len(prefix) :]}
            for r in dash.get("references") or []
            if r["name"].startswith(prefix)
        ]
        return {
            "type": "lens",
            "id": f"{dash['id']}/{panel.get('panelIndex')}",
            "attributes": attrs,
            "references": refs,
        }

    # one collector per object type

    def index_pattern(self, obj: dict[str, Any]) -> None:
        attrs = obj["attributes"]
        names = {attrs.get("timeFieldName") or ""}
        names |= set(_json_attr(obj, attrs.get("fieldAttrs"), "fieldAttrs") or {})
        names |= set(_json_attr(obj, attrs.get("fieldFormatMap"), "fieldFormatMap") or {})
        self.add([self.data_view_title(obj)], names)

    def search(self, obj: dict[str, Any]) -> None:
        attrs = obj["attributes"]
        names = {c for c in attrs.get("columns") or [] if c != "_source"}
        names |= {entry[0] for entry in attrs.get("sort") or [] if entry}
        self.add(self.data_views_of(obj), names | _search_source_fields(obj))

    def visualization(self, obj: dict[str, Any]) -> None:
        state = _json_attr(obj, obj["attributes"].get("visState"), "visState") or {}
        vis_type = state.get("type")
        titles = self.data_views_of(obj)
        if vis_type in FIELDLESS_VIS_TYPES:
            return
        if not state.get("aggs") and vis_type not in {"table", "metric"}:
            raise KibanaError(
                f"{_label(obj)}: visualization type {vis_type!r} is not checked (no aggs over a data view)"
            )
        if not titles:
            raise KibanaError(f"{_label(obj)}: aggregations without a data view")
        names = set().union(*(_agg_fields(agg.get("params") or {}) for agg in state.get("aggs") or []))
        self.add(titles, names | _search_source_fields(obj))

    def lens_fields(self, obj: dict[str, Any], collect: bool = True) -> set[str]:
        """Collect a Lens object's fields per layer data view; returns the data view titles it uses."""
        state = obj["attributes"].get("state") or {}
        datasources = state.get("datasourceStates") or {}
        titles: set[str] = set()
        for source_name in ("formBased", "indexpattern"):
            layers = (datasources.get(source_name) or {}).get("layers") or {}
            for layer_id, layer in layers.items():
                title = self.data_view_title(self.ref(obj, LENS_LAYER_REF + layer_id, "index-pattern"))
                titles.add(title)
                names: set[str] = set()
                for column in (layer.get("columns") or {}).values():
                    if column.get("sourceField") and column["sourceField"] != LENS_RECORDS_FIELD:
                        names.add(column["sourceField"])
                    flt = column.get("filter") or {}
                    names |= query_fields(flt.get("query", "")) if isinstance(flt, dict) else set()
                    names |= _agg_fields(column.get("params") or {})
                if collect:
                    self.add([title], names)
        if (datasources.get("textBased") or {}).get("layers"):
            raise KibanaError(f"{_label(obj)}: ES|QL (text-based) Lens layers are not checked")
        query = state.get("query") or {}
        shared = query_fields(query.get("query", "")) if isinstance(query, dict) else set()
        if collect:
            self.add(titles, shared | filter_fields(state.get("filters")))
        return titles

    def lens(self, obj: dict[str, Any]) -> None:
        self.lens_fields(obj)

    def dashboard(self, obj: dict[str, Any]) -> None:
        titles: set[str] = set()
        for panel, target in self.dashboard_panels(obj):
            if target is None:
                titles |= self.lens_fields(self._by_value_lens(panel, obj))
            else:
                titles |= set(self.data_views_of(target))
        # The dashboard's own query and filters apply to every panel, so each panel's data view must have them.
        self.add(titles, _search_source_fields(obj))
        controls = (obj["attributes"].get("controlGroupInput") or {}).get("panelsJSON")
        for key, control in (_json_attr(obj, controls, "controlGroupInput.panelsJSON") or {}).items():
            # Controls (options list, range slider) name their data view in a reference "controlGroup_<id>:...".
            refs = [
                r
                for r in obj.get("references") or []
                if r.get("name", "").startswith(f"controlGroup_{key}:") and r.get("type") == "index-pattern"
            ]
            if len(refs) != 1:
                raise KibanaError(f"{_label(obj)}: control {key} has no single data view reference")
            explicit = control.get("explicitInput") or {}
            self.add([self.data_view_title(self.ref(obj, refs[0]["name"]))], {explicit.get("fieldName") or ""})


def referenced_fields(ndjson: Path | list[dict[str, Any]]) -> dict[str, set[str]]:
    """Every field name the saved objects use, grouped by the title of the data view it is read from.

    Unsupported content (TSVB, Vega, ES|QL, unknown query DSL) raises KibanaError rather than being skipped, so a
    field check built on this cannot pass by overlooking something.
    """
    objects = load_objects(ndjson) if isinstance(ndjson, Path) else ndjson
    collector = _Collector(objects)
    handlers = {
        "index-pattern": collector.index_pattern,
        "search": collector.search,
        "visualization": collector.visualization,
        "lens": collector.lens,
        "dashboard": collector.dashboard,
    }
    for obj in objects:
        handler = handlers.get(obj["type"])
        if handler is None:
            raise KibanaError(f"{_label(obj)}: saved-object type {obj['type']!r} is not checked")
        handler(obj)
    return collector.fields


def mapping_fields(properties: dict[str, Any], prefix: str = "") -> set[str]:
    """Field names Kibana shows for a mapping: leaf paths (review.status) and multi-fields (title.keyword)."""
    names: set[str] = set()
    for name, prop in properties.items():
        path = f"{prefix}{name}"
        if "properties" in prop:
            names |= mapping_fields(prop["properties"], f"{path}.")
            continue
        names.add(path)
        names |= {f"{path}.{sub}" for sub in prop.get("fields") or {}}
    return names


# --- import -----------------------------------------------------------------------------------------------------


def _auth_headers(user: str | None, password: str | None, api_key: str | None) -> dict[str, str]:
    if api_key and (user or password):
        raise KibanaError("give either a Kibana API key or a user and password, not both")
    if api_key:
        return {"Authorization": f"ApiKey {api_key}"}
    if user or password:
        if not (user and password):
            raise KibanaError("a Kibana user needs a password (and a password needs a user)")
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}
    return {}


def import_url(kibana_url: str, space: str | None = None, overwrite: bool = True) -> str:
    parts = urlsplit(kibana_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise KibanaError(f"Kibana URL {kibana_url!r} must look like https://kibana.example:5601")
    base = kibana_url.rstrip("/")
    if space:
        if not SPACE_ID.match(space):
            raise KibanaError(f"Kibana space id {space!r} may only have lower-case letters, digits, _ and -")
        base += f"/s/{quote(space)}"
    return f"{base}{IMPORT_PATH}?overwrite={'true' if overwrite else 'false'}"


def describe_error(err: dict[str, Any]) -> str:
    """One line for one entry of the import response's `errors` list."""
    what = f"{err.get('type')} {err.get('id')}"
    title = err.get("title") or (err.get("meta") or {}).get("title")
    if title:
        what += f" ({title!r})"
    detail = err.get("error") or {}
    kind = detail.get("type", "unknown")
    if kind == "missing_references":
        missing = ", ".join(f"{r.get('type')} {r.get('id')}" for r in detail.get("references") or [])
        return f"{what}: missing references: {missing} (import them too, or fix the reference)"
    if kind in {"conflict", "ambiguous_conflict"}:
        return f"{what}: {kind.replace('_', ' ')} with an existing object (import with overwrite)"
    if kind == "unsupported_type":
        return f"{what}: Kibana does not support saved-object type {err.get('type')!r}"
    message = detail.get("message") or json.dumps(detail, ensure_ascii=False)
    return f"{what}: {kind}: {message}"


def _http_message(status: int, body: bytes) -> str:
    try:
        data = json.loads(body)
        return str(data.get("message") or data.get("error") or data)
    except ValueError:
        return body.decode("utf-8", "replace")[:300]


def import_objects(
    kibana_url: str,
    ndjson: Path,
    *,
    user: str | None = None,
    password: str | None = None,
    api_key: str | None = None,
    space: str | None = None,
    overwrite: bool = True,
    ca_file: str | None = None,
    verify_certs: bool = True,
    timeout: float = 60.0,
) -> dict[str, Any]:
    """Import a saved-objects NDJSON file through Kibana's import API and summarise the answer.

    Returns {"success", "successCount", "errors" (as Kibana sent them), "problems" (one readable line per failed
    object), "url"}. A Kibana that cannot be reached, rejects the credentials or answers with an HTTP error raises
    KibanaError with what to check.
    """
    if ndjson.suffix != ".ndjson":
        raise KibanaError(f"{ndjson}: Kibana only imports files ending in .ndjson")
    objects = load_objects(ndjson)  # a broken line is reported here, before anything is sent
    if not objects:
        raise KibanaError(f"{ndjson}: no saved objects to import")
    url = import_url(kibana_url, space, overwrite)
    body, content_type = urllib3.encode_multipart_formdata(
        {"file": (ndjson.name, ndjson.read_bytes(), "application/ndjson")}
    )
    headers = {"kbn-xsrf": "true", "Content-Type": content_type, **_auth_headers(user, password, api_key)}
    pool = urllib3.PoolManager(
        cert_reqs="CERT_REQUIRED" if verify_certs else "CERT_NONE",
        ca_certs=ca_file or None,
        timeout=urllib3.Timeout(total=timeout),
        retries=False,
    )
    try:
        response = pool.request("POST", url, body=body, headers=headers)
    except urllib3.exceptions.NewConnectionError as exc:
        raise KibanaError(
            f"cannot connect to Kibana at {kibana_url} ({exc}); is it running and is the URL right?"
        ) from exc
    except urllib3.exceptions.SSLError as exc:
        raise KibanaError(f"TLS error talking to Kibana at {kibana_url}: {exc} (set the CA file?)") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise KibanaError(f"request to Kibana at {kibana_url} failed: {exc}") from exc
    finally:
        pool.clear()
    status = response.status
    if status == 401:
        raise KibanaError(
            f"Kibana at {kibana_url} refused the credentials (HTTP 401): set PANTAU_KIBANA_USER and "
            "PANTAU_KIBANA_PASSWORD or PANTAU_KIBANA_API_KEY (or --user/--password/--api-key)"
        )
    if status == 403:
        raise KibanaError(
            f"Kibana at {kibana_url}: this user may not import saved objects (HTTP 403: "
            f"{_http_message(status, response.data)})"
        )
    if status == 404 and space:
        raise KibanaError(f"Kibana at {kibana_url} has no space {space!r} (HTTP 404)")
    if status != 200:
        raise KibanaError(f"Kibana import failed with HTTP {status}: {_http_message(status, response.data)}")
    try:
        answer = json.loads(response.data)
    except ValueError as exc:
        raise KibanaError(
            f"Kibana answered the import with something that is not JSON: {response.data[:200]!r}"
        ) from exc
    errors = list(answer.get("errors") or [])
    return {
        "success": bool(answer.get("success")) and not errors,
        "successCount": int(answer.get("successCount") or 0),
        "objects": len(objects),
        "errors": errors,
        "problems": [describe_error(e) for e in errors],
        "url": url.split("?")[0],
    }
