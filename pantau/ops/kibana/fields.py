"""Every field the saved objects use, per data view, to compare with the index mappings.

`referenced_fields` collects data-view time fields, field labels and formats, saved-search columns and sort,
KQL/Lucene queries, filters, legacy visualization aggregations, Lens columns and dashboard queries. Tests compare
that with `mapping_fields` of the index mappings, so a saved object that names a field the index does not have
fails CI instead of showing an empty panel.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pantau.ops.kibana.objects import KibanaError, json_attr, label, load_objects
from pantau.ops.kibana.queries import agg_fields, filter_fields, query_fields, search_source_fields

SEARCH_INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"
LENS_LAYER_REF = "indexpattern-datasource-layer-"
LENS_RECORDS_FIELD = "___records___"
KIBANA_META_FIELDS = frozenset({"_id", "_index", "_score", "_source"})
# Legacy visualization types without aggregations over a data view (nothing to check).
FIELDLESS_VIS_TYPES = frozenset({"markdown"})


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
                    raise KibanaError(f"{label(obj)}: {name!r} points at {ref['type']} {ref['id']}, not in the file")
                return found
        raise KibanaError(f"{label(obj)}: no reference named {name!r}")

    def data_view_title(self, obj: dict[str, Any]) -> str:
        title = (obj.get("attributes") or {}).get("title")
        if obj["type"] != "index-pattern" or not title:
            raise KibanaError(f"{label(obj)}: expected a data view with a title")
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
            source = json_attr(obj, meta.get("searchSourceJSON"), "searchSourceJSON") or {}
            if kind == "visualization" and not source.get("indexRefName"):
                return []
            return [self.data_view_title(self.ref(obj, source.get("indexRefName", SEARCH_INDEX_REF)))]
        raise KibanaError(f"{label(obj)}: saved-object type {kind!r} is not supported here")

    def dashboard_panels(self, dash: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        """(panel, library object) pairs; by-value panels come with None."""
        panels = json_attr(dash, dash["attributes"].get("panelsJSON"), "panelsJSON") or []
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
                raise KibanaError(f"{label(dash)}: panel {panel.get('panelIndex')} has no saved object to check")

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
        names |= set(json_attr(obj, attrs.get("fieldAttrs"), "fieldAttrs") or {})
        names |= set(json_attr(obj, attrs.get("fieldFormatMap"), "fieldFormatMap") or {})
        self.add([self.data_view_title(obj)], names)

    def search(self, obj: dict[str, Any]) -> None:
        attrs = obj["attributes"]
        names = {c for c in attrs.get("columns") or [] if c != "_source"}
        names |= {entry[0] for entry in attrs.get("sort") or [] if entry}
        self.add(self.data_views_of(obj), names | search_source_fields(obj))

    def visualization(self, obj: dict[str, Any]) -> None:
        state = json_attr(obj, obj["attributes"].get("visState"), "visState") or {}
        vis_type = state.get("type")
        titles = self.data_views_of(obj)
        if vis_type in FIELDLESS_VIS_TYPES:
            return
        if not state.get("aggs") and vis_type not in {"table", "metric"}:
            raise KibanaError(
                f"{label(obj)}: visualization type {vis_type!r} is not checked (no aggs over a data view)"
            )
        if not titles:
            raise KibanaError(f"{label(obj)}: aggregations without a data view")
        names = set().union(*(agg_fields(agg.get("params") or {}) for agg in state.get("aggs") or []))
        self.add(titles, names | search_source_fields(obj))

    def lens_fields(self, obj: dict[str, Any]) -> set[str]:
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
                    names |= agg_fields(column.get("params") or {})
                self.add([title], names)
        if (datasources.get("textBased") or {}).get("layers"):
            raise KibanaError(f"{label(obj)}: ES|QL (text-based) Lens layers are not checked")
        query = state.get("query") or {}
        shared = query_fields(query.get("query", "")) if isinstance(query, dict) else set()
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
        self.add(titles, search_source_fields(obj))
        controls = (obj["attributes"].get("controlGroupInput") or {}).get("panelsJSON")
        for key, control in (json_attr(obj, controls, "controlGroupInput.panelsJSON") or {}).items():
            # Controls (options list, range slider) name their data view in a reference "controlGroup_<id>:...".
            refs = [
                r
                for r in obj.get("references") or []
                if r.get("name", "").startswith(f"controlGroup_{key}:") and r.get("type") == "index-pattern"
            ]
            if len(refs) != 1:
                raise KibanaError(f"{label(obj)}: control {key} has no single data view reference")
            explicit = control.get("explicitInput") or {}
            # A selection becomes a filter on every panel, so every panel's data view needs the field too.
            control_view = self.data_view_title(self.ref(obj, refs[0]["name"]))
            self.add({control_view} | titles, {explicit.get("fieldName") or ""})


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
            raise KibanaError(f"{label(obj)}: saved-object type {obj['type']!r} is not checked")
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
