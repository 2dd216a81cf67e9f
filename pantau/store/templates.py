"""mappings/*.json is the single source of index templates; this module loads them and applies them.

Each file names a kind (articles, alerts, watchlists, deadletter, claims) and a version. The live data of a kind is the
versioned index `<prefix>-<kind>-v<version>` behind the alias `<prefix>-<kind>`; a kind with a lifecycle
(mappings/lifecycle/, see pantau.store.lifecycle) lives in backing indices `<prefix>-<kind>-v<version>-000001`, ...
behind the same alias, its newest one the write index. `setup` applies templates and creates missing indices and
aliases idempotently; `migrate` moves a kind to a new version by reindex + alias swap.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pantau.errors import ConfigError, MigrationNeededError, PantauError, SearchRequestError
from pantau.resources import bundled
from pantau.store.client import Store
from pantau.store.lifecycle import (
    Feature,
    backing_indices,
    backing_version,
    engine_feature,
    first_index,
    rolling_kinds,
    template_settings,
)

log = logging.getLogger(__name__)


def mappings_dir() -> Path:
    return bundled("mappings")


@dataclass(frozen=True)
class MappingSpec:
    kind: str
    version: int
    description: str
    template: dict[str, Any]
    rolling: bool = False  # time-based backing indices behind a write alias (a file in mappings/lifecycle/)

    @property
    def digest(self) -> str:
        canonical = json.dumps(self.template, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]

    def index_name(self, store: Store, version: int | None = None) -> str:
        """The versioned index (for a rolling kind: the version's first backing index)."""
        version = self.version if version is None else version
        return first_index(store.name(self.kind), version) if self.rolling else f"{store.name(self.kind)}-v{version}"

    def template_body(self, store: Store, lifecycle: Feature | None = None) -> dict[str, Any]:
        template = copy.deepcopy(self.template)
        meta: dict[str, Any] = {"pantau_kind": self.kind, "pantau_version": self.version, "pantau_digest": self.digest}
        template["mappings"]["_meta"] = meta
        if self.rolling and lifecycle:  # so every rolled-over index stays under the engine's policy
            template.setdefault("settings", {}).update(template_settings(lifecycle, store.name(self.kind)))
            meta = meta | {"pantau_lifecycle": lifecycle}
        return {
            "index_patterns": [f"{store.name(self.kind)}-v*"],
            "priority": 200,
            "template": template,
            "_meta": meta,
        }

    @property
    def properties(self) -> dict[str, Any]:
        return dict(self.template["mappings"]["properties"])


def load_specs(folder: Path | None = None) -> dict[str, MappingSpec]:
    """Read every mappings/*.json; a broken file is a ConfigError naming it."""
    folder = folder or mappings_dir()
    raw: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            kind = data["kind"]
            int(data["version"])
            data["template"]["mappings"]["properties"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: not a valid Pantau mapping file ({exc!r})") from exc
        if kind in raw:
            raise ConfigError(f"{path}: kind {kind!r} is defined twice")
        raw[kind] = data
    if not raw:
        raise ConfigError(f"no mapping files in {folder}")
    specs: dict[str, MappingSpec] = {}
    rolling = rolling_kinds()
    for kind, data in raw.items():
        template = copy.deepcopy(data["template"])
        source = data.get("include_properties_from")
        if source:
            if source not in raw:
                raise ConfigError(f"mappings/{kind}: include_properties_from {source!r} is not a mapping")
            base = raw[source]["template"]
            props = template["mappings"]["properties"]
            for name, prop in base["mappings"]["properties"].items():
                if name in props:
                    raise ConfigError(f"mappings/{kind}: field {name!r} clashes with {source}")
                props[name] = copy.deepcopy(prop)
            analysis = base.get("settings", {}).get("analysis")
            if analysis:
                template.setdefault("settings", {})["analysis"] = copy.deepcopy(analysis)
        analysis_source = data.get("include_analysis_from")
        if analysis_source:  # the analyzers of another kind, so one language rule serves both (claims <- articles)
            if analysis_source not in raw:
                raise ConfigError(f"mappings/{kind}: include_analysis_from {analysis_source!r} is not a mapping")
            analysis = raw[analysis_source]["template"].get("settings", {}).get("analysis")
            if analysis:
                template.setdefault("settings", {})["analysis"] = copy.deepcopy(analysis)
        specs[kind] = MappingSpec(kind, int(data["version"]), data.get("description", ""), template, kind in rolling)
    return specs


# --- inspection -----------------------------------------------------------------------------------------------


def alias_indices(store: Store, kind: str) -> list[str]:
    found = store.request("GET", f"/_alias/{store.name(kind)}", ignore=(404,))
    return sorted(found) if isinstance(found, dict) else []


def _index_meta(store: Store, index: str) -> dict[str, Any]:
    found = store.request("GET", f"/{index}/_mapping", ignore=(404,))
    if not found:
        return {}
    return dict(found.get(index, {}).get("mappings", {}).get("_meta", {}))


def _template_state(store: Store, name: str) -> tuple[str, str] | None:
    """The digest and lifecycle feature the template was written with; None when there is no template."""
    found = store.request("GET", f"/_index_template/{name}", ignore=(404,))
    for entry in (found or {}).get("index_templates", []):
        if entry.get("name") == name:
            meta = entry.get("index_template", {}).get("_meta") or {}
            return str(meta.get("pantau_digest") or ""), str(meta.get("pantau_lifecycle") or "")
    return None


# --- setup ----------------------------------------------------------------------------------------------------


def setup(store: Store, specs: dict[str, MappingSpec] | None = None) -> list[dict[str, str]]:
    """Apply templates, create missing indices and aliases. Returns one line per object with what happened."""
    specs = specs or load_specs()
    feature = engine_feature(store) if any(spec.rolling for spec in specs.values()) else None
    report: list[dict[str, str]] = []
    for spec in specs.values():
        name = store.name(spec.kind)
        existing = _template_state(store, name)
        lifecycle = feature if spec.rolling else None
        if existing == (spec.digest, lifecycle or ""):
            report.append({"object": f"template {name}", "action": "unchanged"})
        else:
            store.request("PUT", f"/_index_template/{name}", body=spec.template_body(store, lifecycle))
            report.append({"object": f"template {name}", "action": "created" if existing is None else "updated"})
        report.extend(_ensure_index(store, spec))
    return report


def live_index(store: Store, spec: MappingSpec) -> str | None:
    """The index writes go to: the newest versioned index, or a rolling kind's write index."""
    indices = backing_indices(store, store.name(spec.kind))
    if spec.rolling:
        writes = [index for index, is_write in indices.items() if is_write]
        return writes[0] if writes else (max(indices) if indices else None)
    return max(indices) if indices else None


def _ensure_index(store: Store, spec: MappingSpec) -> list[dict[str, str]]:
    alias = store.name(spec.kind)
    index = spec.index_name(store)
    current = alias_indices(store, spec.kind)
    if not current:
        if store.exists(f"/{alias}"):
            raise PantauError(
                f"{alias} is a concrete index, not an alias (was it auto-created by a write before "
                "`pantau setup`?); reindex it into a versioned index or delete it"
            )
        created = _create_index(store, index)
        add: dict[str, Any] = {"index": index, "alias": alias} | ({"is_write_index": True} if spec.rolling else {})
        store.request("POST", "/_aliases", body={"actions": [{"add": add}]})
        return [
            {"object": f"index {index}", "action": "created" if created else "unchanged"},
            {"object": f"alias {alias} -> {index}", "action": "created"},
        ]
    live = str(live_index(store, spec))
    meta = _index_meta(store, live)
    live_version = int(meta.get("pantau_version", 0) or 0)
    if spec.rolling and backing_version(alias, live) is None:
        return [
            {
                "object": f"alias {alias} -> {live}",
                "action": f"migration needed: {spec.kind} now lives in rolling backing indices "
                f"({spec.index_name(store)}, ...), run `pantau migrate {spec.kind}` (until then retention deletes "
                "its documents one by one; run it first so the copy holds none past the age)",
            }
        ]
    if live_version < spec.version:
        return [
            {
                "object": f"alias {alias} -> {live}",
                "action": f"migration needed: mapping file is v{spec.version}, run `pantau migrate {spec.kind}`",
            }
        ]
    if live_version > spec.version:
        return [
            {
                "object": f"alias {alias} -> {live}",
                "action": f"newer than mappings/{spec.kind}.json (v{spec.version}); left alone",
            }
        ]
    if meta.get("pantau_digest") == spec.digest:
        return [{"object": f"alias {alias} -> {live}", "action": "unchanged"}]
    # Same version, different content: additive changes (new fields) can be put in place.
    mappings = copy.deepcopy(spec.template["mappings"])
    mappings["_meta"] = spec.template_body(store)["_meta"]
    targets = ",".join(i for i in current if backing_version(alias, i) == spec.version) if spec.rolling else live
    try:
        store.request("PUT", f"/{targets}/_mapping", body=mappings)
    except SearchRequestError as exc:
        raise MigrationNeededError(
            f"mappings/{spec.kind}.json changed in a way {live} cannot take in place ({exc}); bump its "
            f'"version" and run `pantau migrate {spec.kind}`'
        ) from exc
    return [{"object": f"mapping of {live}", "action": "updated in place (additive change)"}]


def _create_index(store: Store, index: str) -> bool:
    """Create an index from its template; False when it already existed."""
    if store.exists(f"/{index}"):
        return False
    try:
        store.request("PUT", f"/{index}", body={})
    except SearchRequestError as exc:
        if exc.error_type == "resource_already_exists_exception":
            return False
        raise
    store.request("GET", "/_cluster/health/" + index, params={"wait_for_status": "yellow", "timeout": "30s"})
    return True


# --- migrate --------------------------------------------------------------------------------------------------


def migrate(
    store: Store, kind: str, delete_old: bool = False, specs: dict[str, MappingSpec] | None = None
) -> dict[str, Any]:
    """Move a kind's alias to the index of its current mapping version: create, reindex, swap.

    Writes to the old index are blocked while it is copied (bulk indexing retries on that block, so writers wait
    instead of failing) and searches keep reading the old index until the alias moves in one atomic step. A rolling
    kind copies every backing index into the new version's first one, which becomes the write index.
    """
    specs = specs or load_specs()
    if kind not in specs:
        raise ConfigError(f"no mapping for {kind!r}; known: {', '.join(sorted(specs))}")
    spec = specs[kind]
    alias = store.name(kind)
    target = spec.index_name(store)
    current = alias_indices(store, kind)
    if not current:
        setup(store, {kind: spec})
        return {"kind": kind, "action": "created", "index": target}
    live = str(live_index(store, spec))
    if live == target or (spec.rolling and backing_version(alias, live) == spec.version):
        return {"kind": kind, "action": "up to date", "index": live}
    sources = current if spec.rolling else [current[-1]]
    source = ",".join(sources)
    name = store.name(kind)
    if store.exists(f"/{target}"):
        raise PantauError(
            f"{target} already exists but {alias} points at {source}: a previous migration was "
            f"interrupted; delete {target} and run `pantau migrate {kind}` again"
        )
    feature = engine_feature(store) if spec.rolling else None
    store.request("PUT", f"/_index_template/{name}", body=spec.template_body(store, feature))
    _create_index(store, target)
    store.request("PUT", f"/{source}/_settings", body={"index.blocks.write": True})
    try:
        store.request("POST", f"/{source}/_refresh")
        task = store.request(
            "POST",
            "/_reindex",
            params={"wait_for_completion": "true", "refresh": "true"},
            body={
                "source": {"index": sources},
                "dest": {"index": target, "op_type": "create"},
                "conflicts": "proceed",
            },
        )
        if task.get("failures"):
            raise PantauError(f"reindex {source} -> {target} had failures: {json.dumps(task['failures'])[:500]}")
        before = int(store.request("GET", f"/{source}/_count")["count"])
        after = int(store.request("GET", f"/{target}/_count")["count"])
        if after < before:
            raise PantauError(f"reindex copied {after} of {before} documents from {source}; alias not moved")
        store.request(
            "POST",
            "/_aliases",
            body={
                "actions": [
                    *({"remove": {"index": index, "alias": alias}} for index in sources),
                    {"add": {"index": target, "alias": alias} | ({"is_write_index": True} if spec.rolling else {})},
                ]
            },
        )
    except Exception:
        store.request("PUT", f"/{source}/_settings", body={"index.blocks.write": False})
        store.request("DELETE", f"/{target}", ignore=(404,))
        raise
    if delete_old:
        for index in sources:
            store.request("DELETE", f"/{index}")
    log.info("migrated %s: %s -> %s (%d documents)", alias, source, target, after)
    return {
        "kind": kind,
        "action": "migrated",
        "from": source,
        "to": target,
        "documents": after,
        "old_index": "deleted" if delete_old else "kept (write-blocked) for rollback",
    }


def drop_all(store: Store) -> list[str]:
    """Delete every index and template of the store's prefix (test, demo and benchmark namespaces); by name,
    because Elasticsearch refuses wildcard deletes. Returns the deleted index names."""
    prefix = store.settings.search.index_prefix
    found = store.request("GET", f"/_cat/indices/{prefix}-*", params={"format": "json", "expand_wildcards": "all"})
    names = [row["index"] for row in found or []]
    for name in names:
        store.request("DELETE", f"/{name}", ignore=(404,))
    for kind in load_specs():
        store.request("DELETE", f"/_index_template/{prefix}-{kind}", ignore=(404,))
    return names
