"""The rolling kinds' lifecycle (mappings/lifecycle/: audit, alerts, deadletter): backing indices behind a write
alias, whole old indices deleted at the kept age (alerts and dead letters on the node: tests/test_lifecycle_ledgers.py).

The policy bodies are checked structurally against the documented request bodies, because no Elasticsearch runs
here and the ISM plugin (org.opensearch.plugin:opensearch-index-management) is not on Maven Central, so the embedded
node has neither: Elasticsearch's "Create or update lifecycle policy API"
(https://www.elastic.co/guide/en/elasticsearch/reference/8.19/ilm-put-lifecycle.html, actions per phase from
https://www.elastic.co/guide/en/elasticsearch/reference/8.19/ilm-actions.html) and OpenSearch's ISM policies
(https://docs.opensearch.org/latest/im-plugin/ism/policies/). On the embedded node runs what Pantau does itself
there: rollover through the core API, deletion of whole backing indices, desk reads across them, migration.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pantau.desk import audit
from pantau.errors import ConfigError
from pantau.store.client import Store
from pantau.store.lifecycle import (
    apply_lifecycle,
    apply_policy,
    backing_indices,
    engine_feature,
    lifecycle_dir,
    load_lifecycle,
    rolling_kinds,
    setup_lifecycles,
    template_settings,
)
from pantau.store.retention import apply_retention, load_rules
from pantau.store.templates import alias_indices, load_specs, migrate, setup

# Elasticsearch ILM: the fields of "policy", of a phase, the actions allowed in the hot and delete phases, and the
# rollover conditions.
ILM_POLICY = {"phases", "_meta"}
ILM_PHASES = {"hot", "warm", "cold", "frozen", "delete"}
ILM_PHASE = {"min_age", "actions"}
ILM_HOT_ACTIONS = {"rollover", "set_priority", "unfollow", "readonly", "shrink", "forcemerge", "searchable_snapshot",
                   "downsample"}  # fmt: skip
ILM_DELETE_ACTIONS = {"wait_for_snapshot", "delete"}
ILM_ROLLOVER = {"max_age", "max_docs", "max_size", "max_primary_shard_size", "max_primary_shard_docs", "min_age",
                "min_docs", "min_size", "min_primary_shard_size", "min_primary_shard_docs"}  # fmt: skip
# OpenSearch ISM.
ISM_POLICY = {"description", "default_state", "states", "ism_template", "error_notification"}
ISM_STATE = {"name", "actions", "transitions"}
ISM_ROLLOVER = {"min_size", "min_doc_count", "min_index_age", "min_primary_shard_size", "copy_alias"}
ISM_CONDITIONS = {"min_index_age", "min_rollover_age", "min_doc_count", "min_size", "cron"}
ISM_TEMPLATE = {"index_patterns", "priority", "last_updated_time"}
TIME_UNIT = re.compile(r"\d+(d|h|m|s|ms)")
SIZE_UNIT = re.compile(r"\d+(b|kb|mb|gb|tb)")


ROLLING = ("alerts", "audit", "deadletter")


@pytest.mark.parametrize(("kind", "days"), [("alerts", 180), ("audit", 365), ("deadletter", 180)])
def test_the_rolling_kinds_policies_delete_at_the_age_of_their_retention_rule(kind: str, days: int) -> None:
    assert rolling_kinds() == set(ROLLING)  # articles are updated by id in one index: they stay on delete-by-query
    assert {k for k, spec in load_specs().items() if spec.rolling} == set(ROLLING)
    plan = load_lifecycle(kind)
    rule = next(r for r in load_rules() if r.kind == kind)
    assert plan.delete_after_days == rule.days == days
    assert plan.rollover_conditions() == {"max_age": "30d", "max_size": "5gb"}
    assert load_specs()[kind].template["settings"]["number_of_shards"] == 1  # max_size is the one primary's size


@pytest.mark.parametrize("kind", ROLLING)
def test_ilm_policy_has_only_documented_fields(kind: str) -> None:
    body = load_lifecycle(kind).ilm_body()
    assert set(body) == {"policy"}
    policy = body["policy"]
    assert set(policy) <= ILM_POLICY and set(policy["phases"]) <= ILM_PHASES
    for name, phase in policy["phases"].items():
        assert set(phase) <= ILM_PHASE, name
        assert TIME_UNIT.fullmatch(phase.get("min_age", "0ms")), name
    hot, delete = policy["phases"]["hot"]["actions"], policy["phases"]["delete"]["actions"]
    assert set(hot) <= ILM_HOT_ACTIONS and set(delete) <= ILM_DELETE_ACTIONS and delete["delete"] == {}
    assert set(hot["rollover"]) <= ILM_ROLLOVER
    assert TIME_UNIT.fullmatch(hot["rollover"]["max_age"]) and SIZE_UNIT.fullmatch(hot["rollover"]["max_size"])


@pytest.mark.parametrize("kind", ROLLING)
def test_ism_policy_has_only_documented_fields_and_attaches_to_the_kinds_backing_indices(kind: str) -> None:
    plan = load_lifecycle(kind)
    policy = plan.ism_body(f"pantau-{kind}")["policy"]
    assert {"description", "default_state", "states"} <= set(policy) <= ISM_POLICY
    states = {state["name"]: state for state in policy["states"]}
    assert policy["default_state"] in states
    for state in states.values():
        assert set(state) <= ISM_STATE
        for action in state["actions"]:
            assert len(action) == 1 and set(action) <= {"rollover", "delete"}
        for transition in state["transitions"]:
            assert transition["state_name"] in states
            assert set(transition["conditions"]) <= ISM_CONDITIONS
    rollover = states["hot"]["actions"][0]["rollover"]
    assert set(rollover) <= ISM_ROLLOVER
    assert states["hot"]["transitions"][0]["conditions"] == {"min_rollover_age": f"{plan.delete_after_days}d"}
    assert states["delete"]["actions"] == [{"delete": {}}]
    (template,) = policy["ism_template"]
    assert set(template) <= ISM_TEMPLATE
    assert template["index_patterns"] == [f"pantau-{kind}-v*"]  # the kind's template's own pattern


def _bundled_policies() -> tuple[dict[str, Any], dict[str, Any]]:
    folder = lifecycle_dir()
    ilm = json.loads((folder / "ilm_audit.json").read_text())
    ism = json.loads((folder / "ism_audit.json").read_text())
    return ilm, ism


def _write(tmp_path: Path, ilm: dict[str, Any], ism: dict[str, Any]) -> Path:
    (tmp_path / "ilm_audit.json").write_text(json.dumps(ilm))
    (tmp_path / "ism_audit.json").write_text(json.dumps(ism))
    return tmp_path


def test_policies_that_disagree_with_each_other_or_with_the_rules_are_a_clear_error(tmp_path: Path) -> None:
    ilm, ism = _bundled_policies()
    with pytest.raises(ConfigError, match="keeps it 180 days"):
        load_lifecycle("audit", _write(tmp_path, ilm, ism), kept_days=180)
    other = copy.deepcopy(ism)
    other["policy"]["states"][0]["actions"][0]["rollover"]["min_index_age"] = "7d"
    with pytest.raises(ConfigError, match="disagree"):
        load_lifecycle("audit", _write(tmp_path, ilm, other))
    broken = copy.deepcopy(ilm)
    broken["policy"]["phases"]["delete"]["min_age"] = "1y"
    with pytest.raises(ConfigError, match="whole days"):
        load_lifecycle("audit", _write(tmp_path, broken, ism))
    del broken["policy"]["phases"]["delete"]
    with pytest.raises(ConfigError, match="not a valid ILM policy file"):
        load_lifecycle("audit", _write(tmp_path, broken, ism))


def _entry(store: Store, name: str, age_days: float) -> None:
    doc = {"id": name, "at": (datetime.now(UTC) - timedelta(days=age_days)).isoformat(), "user": "u", "action": "t"}
    store.request("PUT", f"/{store.name('audit')}/_doc/{name}", body=doc, params={"refresh": "true"})


def test_setup_makes_a_write_alias_and_says_the_cluster_has_no_lifecycle_plugin(store: Store) -> None:
    setup(store)
    alias = store.name("audit")
    assert backing_indices(store, alias) == {f"{alias}-v1-000001": True}
    assert engine_feature(store) is None  # the embedded node: no ISM plugin
    lines = {line["object"]: line["action"] for line in setup_lifecycles(store)}
    assert set(lines) == {f"lifecycle policy {store.name(kind)}" for kind in ROLLING}
    for action in lines.values():
        assert action.startswith("not available: this OpenSearch has no opensearch-index-management plugin")
    # the real policy's conditions are not met by a fresh index: nothing rolls over, nothing is deleted
    _entry(store, "a", 1)
    report = next(r for r in apply_retention(store) if r["kind"] == "audit")
    assert report["rolled_over_to"] is None and report["deleted_indices"] == [] and report["deleted"] == 0
    assert alias_indices(store, "audit") == [f"{alias}-v1-000001"]


def test_rollover_then_old_backing_index_deleted_whole_and_recent_entries_survive(store: Store) -> None:
    setup(store)
    alias = store.name("audit")
    fast = dataclasses.replace(load_lifecycle("audit"), max_age="1s")  # the real conditions, with a short age
    cutoff = datetime(2000, 1, 1, tzinfo=UTC)  # rollover only here; deletion below, by apply_retention's real age

    _entry(store, "old-1", 400)
    _entry(store, "old-2", 380)
    time.sleep(1.2)
    first = apply_lifecycle(store, fast, "at", cutoff)
    assert first["rolled_over_to"] == f"{alias}-v1-000002" and first["deleted_indices"] == []
    _entry(store, "edge", 200)
    kept = audit.record(store, user="redaksi", role="editor", action="review", target="a1", article_id="a1")
    time.sleep(1.2)
    assert apply_lifecycle(store, fast, "at", cutoff)["rolled_over_to"] == f"{alias}-v1-000003"
    assert apply_lifecycle(store, fast, "at", cutoff)["rolled_over_to"] is None  # an empty write index stays
    assert backing_indices(store, alias) == {
        f"{alias}-v1-000001": False,
        f"{alias}-v1-000002": False,
        f"{alias}-v1-000003": True,
    }
    # the desk reads across every backing index
    assert {e["id"] for e in audit.entries(store)} == {"old-1", "old-2", "edge", kept["id"]}
    assert [e["id"] for e in audit.entries(store, "a1")] == [kept["id"]]

    dry = next(r for r in apply_retention(store, dry_run=True) if r["kind"] == "audit")
    assert dry["would_delete_indices"] == [f"{alias}-v1-000001"] and dry["would_delete"] == 2
    assert store.count("audit") == 4

    done = next(r for r in apply_retention(store) if r["kind"] == "audit")
    assert done["deleted_indices"] == [f"{alias}-v1-000001"] and done["deleted"] == 2
    assert alias_indices(store, "audit") == [f"{alias}-v1-000002", f"{alias}-v1-000003"]
    assert not store.exists(f"/{alias}-v1-000001")
    # the index holding a 200-day entry is kept whole with the recent one; writes go on to the write index
    later = audit.record(store, user="redaksi", role="editor", action="letter", target="a1", article_id="a1")
    assert {e["id"] for e in audit.entries(store)} == {"edge", kept["id"], later["id"]}
    found = store.search("audit", {"query": {"ids": {"values": [later["id"]]}}})["hits"]["hits"]
    assert [hit["_index"] for hit in found] == [f"{alias}-v1-000003"]
    again = next(r for r in apply_retention(store) if r["kind"] == "audit")
    assert again["deleted_indices"] == [] and again["deleted"] == 0


def test_an_audit_index_of_the_old_layout_is_migrated_into_the_write_alias(store: Store, tmp_path: Path) -> None:
    alias = store.name("audit")
    setup(store, {k: s for k, s in load_specs().items() if k != "audit"})
    spec = load_specs()["audit"]
    store.request("PUT", f"/_index_template/{alias}", body=spec.template_body(store))
    store.request("PUT", f"/{alias}-v1", body={})  # what `pantau setup` made before audit rolled
    store.request("POST", "/_aliases", body={"actions": [{"add": {"index": f"{alias}-v1", "alias": alias}}]})
    _entry(store, "before", 3)
    _entry(store, "ancient", 400)
    aged = next(r for r in apply_retention(store) if r["kind"] == "audit")  # document by document until migrated
    assert aged["layout"].startswith(f"earlier single-index layout ({alias}-v1)") and aged["deleted"] == 1

    report = setup(store)
    assert any(line["action"].startswith("migration needed: audit now lives in rolling") for line in report)
    result = migrate(store, "audit", delete_old=True)
    assert result["action"] == "migrated" and result["to"] == f"{alias}-v1-000001" and result["documents"] == 1
    assert backing_indices(store, alias) == {f"{alias}-v1-000001": True}
    assert {line["action"] for line in setup(store)} == {"unchanged"}
    assert migrate(store, "audit")["action"] == "up to date"
    audit.record(store, user="u", role="editor", action="x", target="t")
    assert store.count("audit") == 2

    # a new mapping version copies every backing index into the new version's first one
    time.sleep(1.2)
    apply_lifecycle(
        store, dataclasses.replace(load_lifecycle("audit"), max_age="1s"), "at", datetime(2000, 1, 1, tzinfo=UTC)
    )
    assert len(alias_indices(store, "audit")) == 2
    for kind, other in load_specs().items():
        version = other.version + (1 if kind == "audit" else 0)
        (tmp_path / f"{kind}.json").write_text(
            json.dumps({"kind": kind, "version": version, "template": other.template})
        )
    moved = migrate(store, "audit", delete_old=True, specs=load_specs(tmp_path))
    assert moved["to"] == f"{alias}-v2-000001" and moved["documents"] == 2
    assert backing_indices(store, alias) == {f"{alias}-v2-000001": True}


class _Recorder:
    """Stands in for an engine with ILM/ISM, which cannot run here (no Elasticsearch; the ISM plugin is not on
    Maven Central): it answers the alias lookup and records what Pantau asks, so the test sees which backing
    indices Pantau hands to the engine's policy and with which settings."""

    def __init__(self, flavour: str, aliases: dict[str, bool]) -> None:
        self.flavour = flavour
        self.aliases = aliases
        self.calls: list[tuple[str, str, Any]] = []

    def name(self, kind: str) -> str:
        return f"pantau-{kind}"

    def request(self, method: str, path: str, body: Any = None, **_options: Any) -> Any:
        self.calls.append((method, path, body))
        if path == "/_alias/pantau-audit":
            return {index: {"aliases": {"pantau-audit": {"is_write_index": w}}} for index, w in self.aliases.items()}
        return {}


@pytest.mark.parametrize("feature", ["ilm", "ism"])
def test_an_index_of_the_earlier_layout_is_never_handed_to_the_engines_policy(feature: str) -> None:
    """Aged from its creation, the one index of the earlier layout would be deleted whole with its recent entries."""
    recorder = _Recorder(
        "elasticsearch" if feature == "ilm" else "opensearch",
        {"pantau-audit-v1": False, "pantau-audit-v2-000001": False, "pantau-audit-v2-000002": True},
    )
    result = apply_policy(recorder, load_lifecycle("audit"), feature)  # type: ignore[arg-type]
    touched = {path.split("/")[1] for _m, path, _b in recorder.calls if path.endswith("/_settings")}
    touched |= {path.rsplit("/", 1)[1] for _m, path, _b in recorder.calls if "/_ism/add/" in path}
    assert touched == {"pantau-audit-v2-000001", "pantau-audit-v2-000002"}
    assert "pantau-audit-v1" in result["action"] and "pantau migrate audit" in result["action"]
    rolled = next(b for _m, p, b in recorder.calls if p == "/pantau-audit-v2-000001/_settings")
    writing = next(b for _m, p, b in recorder.calls if p == "/pantau-audit-v2-000002/_settings")
    if feature == "ilm":
        assert rolled == {"index.lifecycle.name": "pantau-audit", "index.lifecycle.indexing_complete": True}
        assert writing["index.lifecycle.rollover_alias"] == "pantau-audit"
    else:
        assert rolled == {"plugins.index_state_management.rollover_skip": True}
        assert writing == template_settings("ism", "pantau-audit")
