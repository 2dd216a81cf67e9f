"""Snapshots on the real embedded node: the repository `pantau setup` registers, and the round trip
index -> snapshot -> delete -> restore -> documents back (into renamed indices and over the live ones)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pantau.cli.main import main
from pantau.config import Settings
from pantau.errors import PantauError
from pantau.store import node
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.store.snapshots import (
    ISM_PLUGIN,
    RESTORED_PREFIX,
    list_snapshots,
    path_repo,
    plugins,
    restore,
    setup_snapshots,
    snapshot_now,
)
from pantau.store.templates import alias_indices, drop_all, setup
from tests.articles import article
from tests.conftest import make_settings


def _snap_env(node_settings: Settings, prefix: str, **extra: str) -> dict[str, str]:
    return {
        "PANTAU_SEARCH_URL": node_settings.search_url,
        "PANTAU_SEARCH_INDEX_PREFIX": prefix,
        "PANTAU_SNAPSHOTS_REPOSITORY": f"{prefix}-repo",
        "PANTAU_SNAPSHOTS_LOCATION": prefix,  # relative: a folder below the node's path.repo
        **extra,
    }


@pytest.fixture
def snap_store(node_settings: Settings, prefix: str) -> Iterator[Store]:
    st = Store.connect(make_settings(**_snap_env(node_settings, prefix)))
    yield st
    repo = st.settings.snapshots.repository
    found = st.request("GET", f"/_snapshot/{repo}/_all", ignore=(404,)) or {}
    for snap in found.get("snapshots", []):
        st.request("DELETE", f"/_snapshot/{repo}/{snap['snapshot']}", ignore=(404,))
    st.request("DELETE", f"/_snapshot/{repo}", ignore=(404,))
    restored = st.request("GET", f"/_cat/indices/{RESTORED_PREFIX}{prefix}-*", params={"format": "json"}) or []
    for row in restored:
        st.request("DELETE", f"/{row['index']}", ignore=(404,))
    drop_all(st)
    if not node_settings.external_search:
        shutil.rmtree(node.node_paths(node_settings).snapshots / prefix, ignore_errors=True)
    st.close()


def _ids(store: Store, index: str) -> set[str]:
    store.request("POST", f"/{index}/_refresh")
    found = store.request("POST", f"/{index}/_search", body={"size": 100, "_source": False})
    return {hit["_id"] for hit in found["hits"]["hits"]}


def test_embedded_node_has_a_path_repo_under_its_var_dir(snap_store: Store, node_settings: Settings) -> None:
    if node_settings.external_search:
        pytest.skip("an external cluster: its path.repo is its own")
    assert path_repo(snap_store) == [str(node.node_paths(node_settings).snapshots)]


def test_setup_registers_the_repository_idempotently_and_says_why_there_is_no_policy(snap_store: Store) -> None:
    first = setup_snapshots(snap_store)
    repo = snap_store.settings.snapshots.repository
    assert first[0] == {"object": f"snapshot repository {repo}", "action": "created"}
    found = snap_store.request("GET", f"/_snapshot/{repo}")[repo]
    assert found["type"] == "fs" and found["settings"]["location"] == snap_store.settings.search.index_prefix
    assert ISM_PLUGIN not in plugins(snap_store)  # not published on Maven Central, so not in the embedded node
    assert first[1]["action"].startswith("not available: this OpenSearch has no opensearch-index-management")
    assert "pantau snapshot now" in first[1]["action"]
    second = setup_snapshots(snap_store)
    assert second[0]["action"] == "unchanged" and second[1] == first[1]


def test_fs_location_outside_path_repo_is_reported_not_raised(node_settings: Settings, prefix: str, tmp_path) -> None:
    outside = tmp_path / "not-under-path-repo"
    env = _snap_env(node_settings, prefix, PANTAU_SNAPSHOTS_LOCATION=str(outside))
    st = Store.connect(make_settings(**env))
    try:
        repo_line, policy_line = setup_snapshots(st)
        assert repo_line["action"].startswith("skipped: the cluster refused the repository")
        assert "path.repo" in repo_line["action"]
        assert policy_line["action"] == "skipped: no snapshot repository"
        assert st.request("GET", f"/_snapshot/{st.settings.snapshots.repository}", ignore=(404,)) is None
        with pytest.raises(PantauError, match="run `pantau setup` first"):
            snapshot_now(st)
    finally:
        st.close()


def test_snapshot_round_trip_renamed_and_over_the_live_index(snap_store: Store) -> None:
    st = snap_store
    setup(st)
    setup_snapshots(st)
    docs = [article(n) for n in range(5)]
    assert index_documents(st, "articles", docs).indexed == 5
    live = alias_indices(st, "articles")[0]
    original = _ids(st, live)
    assert len(original) == 5

    taken = snapshot_now(st)
    assert taken["state"] == "SUCCESS" and taken["shards"]["failed"] == 0
    own = f"{st.settings.search.index_prefix}-"
    assert live in taken["indices"] and all(i.startswith(own) for i in taken["indices"])
    assert [s["snapshot"] for s in list_snapshots(st)] == [taken["snapshot"]]

    # Lose two documents and write a new one after the snapshot.
    doomed = sorted(original)[:2]
    for doc_id in doomed:
        st.request("DELETE", f"/{live}/_doc/{doc_id}", params={"refresh": "true"})
    index_documents(st, "articles", [article(50)])
    after = _ids(st, live)
    assert len(after) == 4 and not set(doomed) & after

    # Renamed: the snapshot's documents next to the live index, which is left alone.
    renamed = restore(st, taken["snapshot"])
    assert f"{RESTORED_PREFIX}{live}" in renamed["restored"] and renamed["closed_before"] == []
    assert _ids(st, f"{RESTORED_PREFIX}{live}") == original
    assert _ids(st, live) == after
    with pytest.raises(PantauError, match="already exist from an earlier restore"):
        restore(st, taken["snapshot"])

    # Over the live index: refused without confirmation, then back to the snapshot's state.
    with pytest.raises(PantauError, match="repeat with --yes"):
        restore(st, taken["snapshot"], mode="replace")
    assert _ids(st, live) == after
    replaced = restore(st, taken["snapshot"], mode="replace", confirm=True)
    assert live in replaced["closed_before"]
    st.request("GET", f"/_cluster/health/{live}", params={"wait_for_status": "yellow", "timeout": "30s"})
    assert _ids(st, live) == original
    assert alias_indices(st, "articles") == [live]

    # The index deleted outright (alias gone with it): restored with its alias.
    st.request("DELETE", f"/{live}")
    assert alias_indices(st, "articles") == []
    restore(st, taken["snapshot"], mode="replace", confirm=True)
    st.request("GET", f"/_cluster/health/{live}", params={"wait_for_status": "yellow", "timeout": "30s"})
    assert alias_indices(st, "articles") == [live]
    assert st.count("articles") == 5


def test_cli_snapshot_now_list_and_guarded_restore(
    snap_store: Store, node_settings: Settings, prefix: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    setup(snap_store)
    for key, value in _snap_env(node_settings, prefix).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("PANTAU_HOME", str(Path(__file__).resolve().parents[1]))
    assert main(["setup"]) == 0
    objects = {line["object"]: line["action"] for line in json.loads(capsys.readouterr().out)["objects"]}
    assert objects[f"snapshot repository {prefix}-repo"] in {"created", "unchanged"}
    assert main(["snapshot", "now"]) == 0
    name = json.loads(capsys.readouterr().out)["snapshot"]
    assert name.startswith(f"{prefix}-manual-")
    assert main(["snapshot", "list"]) == 0
    assert [s["snapshot"] for s in json.loads(capsys.readouterr().out)] == [name]
    assert main(["snapshot", "restore", name, "--replace"]) == 1
    assert "repeat with --yes" in capsys.readouterr().err
    assert main(["snapshot", "restore", "no-such-snapshot"]) == 1
    assert "no snapshot 'no-such-snapshot'" in capsys.readouterr().err
