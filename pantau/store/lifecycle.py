"""Index lifecycle of the rolling kinds (audit, alerts, deadletter: an ilm_<kind>.json in mappings/lifecycle/).

Such a kind lives in time-based backing indices `<alias>-v<version>-000001`, `-000002`, ... behind one alias that is
both the write alias and the read alias: its newest index is the write index, so new documents (`PUT <alias>/_doc/<id>`)
go to it, and searches read every backing index. A GET or _mget by id through the alias is refused once it has
several indices, and a PUT or _update by id through it lands in the write index, beside an older copy: updating an
existing document therefore goes to the backing index `locate` finds it in.
ilm_<kind>.json (Elasticsearch ILM) and ism_<kind>.json (OpenSearch ISM) say when the write index rolls over and
when a backing index is deleted whole; their delete age must equal the kind's days in mappings/retention/rules.json
(checked when they are loaded, so the rules file stays the one place for the age). `pantau setup` applies the policy
when the cluster has the feature; on a cluster without it (the embedded node has no ISM plugin) `apply_lifecycle`
does the same with core APIs: `POST <alias>/_rollover` with the same conditions and DELETE of every backing index
whose newest entry is older than the kept age (`pantau retention apply`, the hourly ops_health flow).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pantau.errors import ConfigError
from pantau.resources import bundled
from pantau.store.client import Store

ISM_PLUGIN = "opensearch-index-management"
Feature = Literal["ilm", "ism"]
_DAYS = re.compile(r"(\d+)d")


def lifecycle_dir() -> Path:
    return bundled("mappings") / "lifecycle"


def rolling_kinds(folder: Path | None = None) -> set[str]:
    """The kinds that have a lifecycle (an ilm_<kind>.json)."""
    return {path.stem.removeprefix("ilm_") for path in (folder or lifecycle_dir()).glob("ilm_*.json")}


def first_index(alias: str, version: int) -> str:
    """The first backing index of a mapping version; rollover counts the six-digit suffix up."""
    return f"{alias}-v{version}-000001"


def backing_version(alias: str, index: str) -> int | None:
    """The mapping version of a backing index `<alias>-v<version>-NNNNNN`; None for any other name."""
    match = re.fullmatch(re.escape(alias) + r"-v(\d+)-\d{6}", index)
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class Lifecycle:
    """One kind's lifecycle: rollover conditions and delete age, with both engines' policy bodies."""

    kind: str
    max_age: str
    max_size: str
    delete_after_days: int
    ilm_policy: dict[str, Any]
    ism_policy: dict[str, Any]

    def rollover_conditions(self) -> dict[str, str]:
        """The conditions of the core rollover API (both engines), the same as the policies'."""
        return {"max_age": self.max_age, "max_size": self.max_size}

    def ilm_body(self) -> dict[str, Any]:
        return {"policy": copy.deepcopy(self.ilm_policy)}

    def ism_body(self, alias: str) -> dict[str, Any]:
        text = json.dumps(self.ism_policy).replace("{alias}", alias)
        return {"policy": json.loads(text)}


def _whole_days(path: Path, what: str, text: Any) -> int:
    match = _DAYS.fullmatch(str(text))
    if not match:
        raise ConfigError(f"{path}: {what} must be whole days like '365d', not {text!r}")
    return int(match.group(1))


def load_lifecycle(kind: str, folder: Path | None = None, kept_days: int | None = None) -> Lifecycle:
    """Both policies of a kind, checked to agree with each other and with the kind's retention rule."""
    from pantau.store.retention import load_rules

    folder = folder or lifecycle_dir()
    ilm_path, ism_path = folder / f"ilm_{kind}.json", folder / f"ism_{kind}.json"
    try:
        ilm = json.loads(ilm_path.read_text(encoding="utf-8"))["policy"]
        hot = ilm["phases"]["hot"]["actions"]["rollover"]
        delete = ilm["phases"]["delete"]
        if "delete" not in delete["actions"]:
            raise KeyError("phases.delete.actions.delete")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{ilm_path}: not a valid ILM policy file ({exc!r})") from exc
    try:
        ism = json.loads(ism_path.read_text(encoding="utf-8"))["policy"]
        states = {state["name"]: state for state in ism["states"]}
        first = states[ism["default_state"]]
        rollover = next(a["rollover"] for a in first["actions"] if "rollover" in a)
        transition = next(t for t in first["transitions"] if "delete" in _actions(states[t["state_name"]]))
        ism_delete_age = transition["conditions"]["min_rollover_age"]
    except (OSError, ValueError, KeyError, TypeError, StopIteration) as exc:
        raise ConfigError(f"{ism_path}: not a valid ISM policy file ({exc!r})") from exc
    days = _whole_days(ilm_path, "phases.delete.min_age", delete["min_age"])
    plan = Lifecycle(kind, str(hot["max_age"]), str(hot["max_size"]), days, ilm, ism)
    ism_plan = (str(rollover.get("min_index_age")), str(rollover.get("min_size")))
    ism_days = _whole_days(ism_path, "min_rollover_age", ism_delete_age)
    if ism_plan != (plan.max_age, plan.max_size) or ism_days != days:
        raise ConfigError(
            f"{ilm_path.name} and {ism_path.name} disagree: ILM rolls over at {plan.max_age}/{plan.max_size} and "
            f"deletes at {days}d, ISM at {ism_plan[0]}/{ism_plan[1]} and {ism_days}d"
        )
    if kept_days is None:
        rule = next((r for r in load_rules() if r.kind == kind), None)
        if rule is None:
            raise ConfigError(f"{ilm_path}: mappings/retention/rules.json has no rule for {kind!r}")
        kept_days = rule.days
    if days != kept_days:
        raise ConfigError(
            f"{ilm_path.name}/{ism_path.name} delete {kind} after {days} days but mappings/retention/rules.json "
            f"keeps it {kept_days} days: change both together"
        )
    return plan


def _actions(state: dict[str, Any]) -> set[str]:
    return {name for action in state.get("actions", []) for name in action}


# --- the engine's own lifecycle -------------------------------------------------------------------------------


def engine_feature(store: Store) -> Feature | None:
    """'ilm' on Elasticsearch, 'ism' on an OpenSearch with the index-management plugin, else None."""
    if store.flavour == "elasticsearch":
        return "ilm" if store.request("GET", "/_ilm/status", ignore=(400, 404, 405)) else None
    rows = store.request("GET", "/_cat/plugins", params={"format": "json"}) or []
    return "ism" if ISM_PLUGIN in {str(row.get("component")) for row in rows} else None


def template_settings(feature: Feature | None, alias: str) -> dict[str, Any]:
    """The index settings the kind's template carries so that every rolled-over index stays under the policy."""
    if feature == "ilm":
        return {"index.lifecycle.name": alias, "index.lifecycle.rollover_alias": alias}
    if feature == "ism":
        return {"plugins.index_state_management.rollover_alias": alias}
    return {}


def backing_indices(store: Store, alias: str) -> dict[str, bool]:
    """Each index behind the alias and whether it is the write index."""
    found = store.request("GET", f"/_alias/{alias}", ignore=(404,)) or {}
    return {
        index: bool(entry.get("aliases", {}).get(alias, {}).get("is_write_index")) for index, entry in found.items()
    }


def write_index(indices: dict[str, bool]) -> str | None:
    """The index new documents go to: the write index, or the one index of the earlier single-index layout."""
    writes = [index for index, is_write in indices.items() if is_write]
    if len(writes) == 1:
        return writes[0]
    return next(iter(indices)) if len(indices) == 1 and not writes else None


def earlier_layout(store: Store, alias: str) -> list[str]:
    """The indices behind the alias when none of them is a backing index (the layout before the kind rolled)."""
    indices = backing_indices(store, alias)
    return sorted(indices) if indices and all(backing_version(alias, i) is None for i in indices) else []


@dataclass(frozen=True)
class Located:
    """One stored copy of a document: the concrete index it lives in, with what an optimistic write needs."""

    index: str
    source: dict[str, Any]
    seq_no: int
    primary_term: int


def _newest_first(alias: str, indices: dict[str, bool]) -> list[str]:
    def key(index: str) -> tuple[bool, int, str]:
        return (indices[index], backing_version(alias, index) or 0, index)

    return sorted(indices, key=key, reverse=True)


def locate(
    store: Store, kind: str, ids: Iterable[str], source: bool = False, chunk: int = 1000
) -> dict[str, list[Located]]:
    """Every stored copy of each id among the kind's indices, the write index first, then newest to oldest.

    A realtime _mget addressed to each concrete index (a search would miss what was written since the last
    refresh); ids not stored are absent. More than one copy only exists when a move was interrupted."""
    alias = store.name(kind)
    wanted = sorted(set(ids))
    indices = backing_indices(store, alias)
    order = _newest_first(alias, indices)
    docs = [{"_index": index, "_id": doc_id} for doc_id in wanted for index in order]
    found: dict[str, list[Located]] = {}
    for start in range(0, len(docs), chunk):
        result = store.request(
            "POST", "/_mget", body={"docs": docs[start : start + chunk]}, params={"_source": str(source).lower()}
        )
        for doc in result.get("docs", []):
            if doc.get("found"):
                copy_ = Located(
                    str(doc["_index"]), dict(doc.get("_source") or {}), int(doc["_seq_no"]), int(doc["_primary_term"])
                )
                found.setdefault(str(doc["_id"]), []).append(copy_)
    return found


def homes(store: Store, kind: str, ids: Iterable[str]) -> dict[str, str]:
    """The index a write by id must go to: the one the document lives in, else the alias (its write index)."""
    alias = store.name(kind)
    wanted = set(ids)
    found = locate(store, kind, wanted)
    return {doc_id: found[doc_id][0].index if doc_id in found else alias for doc_id in wanted}


def apply_policy(store: Store, plan: Lifecycle, feature: Feature | None) -> dict[str, str]:
    """Put the kind's policy on the engine and attach its existing backing indices (idempotent)."""
    alias = store.name(plan.kind)
    obj = f"lifecycle policy {alias}"
    if feature is None:
        where = (
            "Elasticsearch has no ILM"
            if store.flavour == "elasticsearch"
            else f"OpenSearch has no {ISM_PLUGIN} plugin (ISM)"
        )
        return {
            "object": obj,
            "action": f"not available: this {where}; Pantau rolls {alias} over and deletes whole backing "
            "indices itself with the same conditions (`pantau retention apply`, the hourly ops_health flow)",
        }
    every = backing_indices(store, alias)
    # An index of the earlier layout (one index, no rollover) is never handed to the policy: aged from its creation
    # it would be deleted whole with recent entries. It stays a reported skip until `pantau migrate`.
    indices = {index: w for index, w in every.items() if backing_version(alias, index) is not None}
    left = sorted(set(every) - set(indices))
    note = f" ({', '.join(left)} of the earlier layout not attached: `pantau migrate {plan.kind}`)" if left else ""
    if feature == "ilm":
        body = plan.ilm_body()
        current = (store.request("GET", f"/_ilm/policy/{alias}", ignore=(404,)) or {}).get(alias, {})
        action = "unchanged" if current.get("policy") == body["policy"] else ("updated" if current else "created")
        if action != "unchanged":
            store.request("PUT", f"/_ilm/policy/{alias}", body=body)
        for index, is_write in indices.items():
            settings: dict[str, Any] = {"index.lifecycle.name": alias}
            settings |= (
                {"index.lifecycle.rollover_alias": alias} if is_write else {"index.lifecycle.indexing_complete": True}
            )
            store.request("PUT", f"/{index}/_settings", body=settings)
        return {"object": obj, "action": action + note}
    body = plan.ism_body(alias)
    found = store.request("GET", f"/_plugins/_ism/policies/{alias}", ignore=(404,))
    if not found:
        store.request("PUT", f"/_plugins/_ism/policies/{alias}", body=body)
        action = "created"
    elif found.get("policy", {}).get("states") == body["policy"]["states"]:
        action = "unchanged"
    else:
        params = {"if_seq_no": found["_seq_no"], "if_primary_term": found["_primary_term"]}
        store.request("PUT", f"/_plugins/_ism/policies/{alias}", body=body, params=params)
        action = "updated"
    for index, is_write in indices.items():
        # The write index rolls over on the alias; the ones already rolled skip the rollover step (without a
        # rollover alias it would fail and hold them before their delete state).
        settings = (
            template_settings("ism", alias) if is_write else {"plugins.index_state_management.rollover_skip": True}
        )
        store.request("PUT", f"/{index}/_settings", body=settings)
        store.request("POST", f"/_plugins/_ism/add/{index}", body={"policy_id": alias})  # skips managed indices
    return {"object": obj, "action": action + note}


def policy_in_place(store: Store, alias: str, feature: Feature | None) -> bool:
    if feature == "ilm":
        return bool(store.request("GET", f"/_ilm/policy/{alias}", ignore=(404,)))
    if feature == "ism":
        return bool(store.request("GET", f"/_plugins/_ism/policies/{alias}", ignore=(404,)))
    return False


# --- Pantau's own lifecycle where the engine has none ---------------------------------------------------------


def apply_lifecycle(
    store: Store, plan: Lifecycle, field: str, cutoff: datetime, dry_run: bool = False
) -> dict[str, Any]:
    """Roll the write index over when a condition is met, then delete every other backing index whose newest
    `field` is before `cutoff` (an empty one: created before it). Left to the engine when its policy is in place."""
    alias = store.name(plan.kind)
    feature = engine_feature(store)
    if policy_in_place(store, alias, feature):
        return {"action": f"managed by the {str(feature).upper()} policy {alias}", "deleted": 0}
    indices = backing_indices(store, alias)
    writes = [index for index, is_write in indices.items() if is_write]
    if len(writes) != 1:  # reported, not raised: the other kinds' retention still runs (the earlier single-index
        # layout does not come here: retention deletes its documents one by one until `pantau migrate`)
        found = ", ".join(sorted(indices)) or "no index"
        return {
            "action": f"skipped: {alias} has no write index ({found}); run `pantau setup` and, if it says so, "
            f"`pantau migrate {plan.kind}`",
            "deleted": 0,
        }
    write = writes[0]
    rolled: str | None = None
    if int(store.request("GET", f"/{write}/_count")["count"]) > 0:  # never roll an empty index over
        result = store.request(
            "POST",
            f"/{alias}/_rollover",
            params={"dry_run": "true"} if dry_run else None,
            body={"conditions": plan.rollover_conditions()},
        )
        met = result.get("rolled_over") or (dry_run and any(result.get("conditions", {}).values()))
        rolled = str(result["new_index"]) if met else None
    expired: list[str] = []
    documents = 0
    limit_ms = cutoff.timestamp() * 1000
    for index in sorted(i for i in indices if i != write):
        found = store.request(
            "POST",
            f"/{index}/_search",
            body={"size": 0, "track_total_hits": True, "aggs": {"newest": {"max": {"field": field}}}},
        )
        newest = found["aggregations"]["newest"]["value"]
        if newest is None:
            settings = store.request("GET", f"/{index}/_settings/index.creation_date")
            newest = float(settings[index]["settings"]["index"]["creation_date"])
        if float(newest) < limit_ms:
            expired.append(index)
            documents += int(found["hits"]["total"]["value"])
    if dry_run:
        return {"action": "dry run", "would_roll_over_to": rolled, "would_delete_indices": expired,
                "would_delete": documents}  # fmt: skip
    for index in expired:
        store.request("DELETE", f"/{index}")
    return {
        "action": f"applied by Pantau (no {'ILM' if store.flavour == 'elasticsearch' else 'ISM'} policy on this "
        "cluster): rollover and whole backing indices deleted",
        "rolled_over_to": rolled,
        "deleted_indices": expired,
        "deleted": documents,
    }


def setup_lifecycles(store: Store) -> list[dict[str, str]]:
    """The policy of every kind with a lifecycle, one report line each (after the indices exist)."""
    feature = engine_feature(store)
    return [apply_policy(store, load_lifecycle(kind), feature) for kind in sorted(rolling_kinds())]
