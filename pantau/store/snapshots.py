"""Snapshots: the repository and daily policy `pantau setup` registers, and `pantau snapshot now|list|restore`.

The repository comes from [snapshots] (type, location, options); the daily policy from mappings/snapshots/
(slm.json for Elasticsearch's snapshot lifecycle management, sm.json for OpenSearch's snapshot management, which
needs the index-management plugin). A cluster without `path.repo` (fs) or without the policy API is reported,
never a failure: snapshots are then taken on demand only. Every snapshot holds the indices of the prefix
(<prefix>-*), without the cluster's global state.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pantau.errors import ConfigError, PantauError, SearchRequestError
from pantau.resources import bundled
from pantau.store.client import Store

ISM_PLUGIN = "opensearch-index-management"
RESTORED_PREFIX = "restored-"
RestoreMode = Literal["rename", "replace"]


@dataclass(frozen=True)
class SnapshotPolicy:
    """A daily snapshot policy of one engine, as read from mappings/snapshots/<file>."""

    policy_id: str
    body: dict[str, Any]


def load_policy(flavour: str, folder: Path | None = None) -> SnapshotPolicy:
    """slm.json (Elasticsearch) or sm.json (OpenSearch); a broken file is a ConfigError naming it."""
    path = (folder or bundled("mappings") / "snapshots") / ("slm.json" if flavour == "elasticsearch" else "sm.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SnapshotPolicy(str(data["policy_id"]), dict(data["body"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a valid snapshot policy file ({exc!r})") from exc


def indices_pattern(store: Store) -> str:
    return f"{store.settings.search.index_prefix}-*"


def policy_body(policy: SnapshotPolicy, flavour: str, repository: str, indices: str) -> dict[str, Any]:
    """The policy's body with the repository and the indices pattern filled in."""
    body = copy.deepcopy(policy.body)
    if flavour == "elasticsearch":
        body["repository"] = repository
        body.setdefault("config", {})["indices"] = [indices]
    else:
        config = body.setdefault("snapshot_config", {})
        config["repository"] = repository
        config["indices"] = indices
    return body


# --- setup ----------------------------------------------------------------------------------------------------


def path_repo(store: Store) -> list[str]:
    """The `path.repo` entries of the cluster's nodes (empty: the cluster accepts no fs repository)."""
    found = store.request("GET", "/_nodes/settings", params={"filter_path": "nodes.*.settings.path.repo"})
    entries: list[str] = []
    for node in (found or {}).get("nodes", {}).values():
        value = node.get("settings", {}).get("path", {}).get("repo", [])
        for entry in [value] if isinstance(value, str) else value:
            if entry not in entries:
                entries.append(str(entry))
    return entries


def plugins(store: Store) -> set[str]:
    """Names of the plugins installed on the cluster's nodes."""
    rows = store.request("GET", "/_cat/plugins", params={"format": "json"}) or []
    return {str(row.get("component")) for row in rows}


def ensure_repository(store: Store) -> dict[str, str]:
    """Register the configured repository (idempotent). A cluster that cannot hold it is reported, not an error."""
    conf = store.settings.snapshots
    obj = f"snapshot repository {conf.repository}"
    wanted = conf.repository_body()
    if conf.type == "fs" and not path_repo(store):
        return {
            "object": obj,
            "action": "skipped: the cluster has no path.repo, so it accepts no fs repository; set path.repo on "
            "every node (a shared folder) and run `pantau setup` again",
        }
    current = (store.request("GET", f"/_snapshot/{conf.repository}", ignore=(404,)) or {}).get(conf.repository)
    if current and current.get("type") == wanted["type"] and _same_settings(current.get("settings", {}), wanted):
        return {"object": obj, "action": "unchanged"}
    try:
        store.request("PUT", f"/_snapshot/{conf.repository}", body=wanted)
    except SearchRequestError as exc:
        if exc.error_type in {"repository_exception", "repository_verification_exception"}:
            return {"object": obj, "action": f"skipped: the cluster refused the repository ({exc})"}
        raise
    return {"object": obj, "action": "updated" if current else "created"}


def _same_settings(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    # The engine answers every setting as a string.
    return {k: str(v).lower() for k, v in current.items()} == {k: str(v).lower() for k, v in wanted["settings"].items()}


def ensure_policy(store: Store, repository_ok: bool) -> dict[str, str]:
    """Apply the engine's daily policy from mappings/snapshots/ (idempotent), or say why there is none."""
    policy = load_policy(store.flavour)
    obj = f"snapshot policy {policy.policy_id}"
    if not repository_ok:
        return {"object": obj, "action": "skipped: no snapshot repository"}
    body = policy_body(policy, store.flavour, store.settings.snapshots.repository, indices_pattern(store))
    if store.flavour == "elasticsearch":
        current = store.request("GET", f"/_slm/policy/{policy.policy_id}", ignore=(404,)) or {}
        if current.get(policy.policy_id, {}).get("policy") == body:
            return {"object": obj, "action": "unchanged"}
        store.request("PUT", f"/_slm/policy/{policy.policy_id}", body=body)
        return {"object": obj, "action": "updated" if current else "created"}
    if ISM_PLUGIN not in plugins(store):
        return {
            "object": obj,
            "action": f"not available: this OpenSearch has no {ISM_PLUGIN} plugin (snapshot management); "
            "snapshots are taken on demand only (`pantau snapshot now`)",
        }
    found = store.request("GET", f"/_plugins/_sm/policies/{policy.policy_id}", ignore=(404,))
    if not found:
        store.request("POST", f"/_plugins/_sm/policies/{policy.policy_id}", body=body)
        return {"object": obj, "action": "created"}
    params = {"if_seq_no": found["_seq_no"], "if_primary_term": found["_primary_term"]}
    store.request("PUT", f"/_plugins/_sm/policies/{policy.policy_id}", body=body, params=params)
    return {"object": obj, "action": "updated"}


def setup_snapshots(store: Store) -> list[dict[str, str]]:
    """The repository and the daily policy, one report line each."""
    repo = ensure_repository(store)
    ok = repo["action"] in {"created", "updated", "unchanged"}
    return [repo, ensure_policy(store, ok)]


# --- the operator's commands ----------------------------------------------------------------------------------


def _require_repository(store: Store) -> str:
    name = store.settings.snapshots.repository
    if not store.request("GET", f"/_snapshot/{name}", ignore=(404,)):
        raise PantauError(f"no snapshot repository {name!r} on {store.info.url}: run `pantau setup` first")
    return name


def snapshot_now(store: Store, now: datetime | None = None) -> dict[str, Any]:
    """Take a snapshot of every index of the prefix and wait for it; returns its name, state and shard counts."""
    repository = _require_repository(store)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    name = f"{store.settings.search.index_prefix}-manual-{stamp}"
    result = store.request(
        "PUT",
        f"/_snapshot/{repository}/{name}",
        params={"wait_for_completion": "true"},
        body={"indices": indices_pattern(store), "include_global_state": False, "ignore_unavailable": True},
    )
    snap = result.get("snapshot", {})
    if snap.get("state") != "SUCCESS":
        raise PantauError(f"snapshot {name} ended {snap.get('state')}: {json.dumps(snap.get('failures'))[:500]}")
    return _summary(snap)


def _summary(snap: dict[str, Any]) -> dict[str, Any]:
    shards = snap.get("shards", {})
    return {
        "snapshot": snap.get("snapshot"),
        "state": snap.get("state"),
        "start_time": snap.get("start_time"),
        "indices": sorted(snap.get("indices", [])),
        "shards": {"total": shards.get("total"), "failed": shards.get("failed")},
    }


def list_snapshots(store: Store) -> list[dict[str, Any]]:
    """Every snapshot in the repository, oldest first."""
    repository = _require_repository(store)
    found = store.request("GET", f"/_snapshot/{repository}/_all")
    return [_summary(s) for s in sorted(found.get("snapshots", []), key=lambda s: s.get("start_time_in_millis", 0))]


def restore(store: Store, snapshot: str, mode: RestoreMode = "rename", confirm: bool = False) -> dict[str, Any]:
    """Restore the prefix's indices of `snapshot`.

    rename: into new indices named restored-<index> next to the live ones (nothing live is touched; compare, then
    reindex what is needed). replace: close the live indices of the same names and restore over them, aliases
    included — everything written since the snapshot is lost, so it needs `confirm`.
    """
    repository = _require_repository(store)
    found = store.request("GET", f"/_snapshot/{repository}/{snapshot}", ignore=(404,))
    snaps = (found or {}).get("snapshots", [])
    if not snaps:
        raise PantauError(f"no snapshot {snapshot!r} in repository {repository!r} (see `pantau snapshot list`)")
    prefix = f"{store.settings.search.index_prefix}-"
    indices = sorted(i for i in snaps[0].get("indices", []) if i.startswith(prefix))
    if not indices:
        raise PantauError(f"snapshot {snapshot!r} holds no index of the prefix {prefix}*")
    body: dict[str, Any] = {"indices": ",".join(indices), "include_global_state": False}
    if mode == "rename":
        clashes = [f"{RESTORED_PREFIX}{i}" for i in indices if store.exists(f"/{RESTORED_PREFIX}{i}")]
        if clashes:
            raise PantauError(f"{', '.join(clashes)} already exist from an earlier restore: delete them first")
        body |= {"rename_pattern": "(.+)", "rename_replacement": f"{RESTORED_PREFIX}$1", "include_aliases": False}
        closed: list[str] = []
    else:
        if not confirm:
            raise PantauError(
                f"restoring {snapshot} over the live indices ({', '.join(indices)}) closes them and loses every "
                "change since the snapshot; stop the flows and the desk, then repeat with --yes"
            )
        closed = [i for i in indices if store.exists(f"/{i}")]
        for index in closed:
            store.request("POST", f"/{index}/_close")
        body["include_aliases"] = True
    result = store.request(
        "POST", f"/_snapshot/{repository}/{snapshot}/_restore", params={"wait_for_completion": "true"}, body=body
    )
    info = result.get("snapshot", {})
    restored = sorted(info.get("indices", []))
    shards = info.get("shards", {})
    if shards.get("failed"):
        raise PantauError(f"restore of {snapshot} failed for {shards['failed']} of {shards.get('total')} shards")
    return {"snapshot": snapshot, "mode": mode, "restored": restored, "closed_before": closed}
