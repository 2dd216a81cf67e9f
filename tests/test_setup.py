"""Index set-up against the real node: templates, versioned indices, aliases, idempotence."""

from __future__ import annotations

import json

import opensearchpy
import pytest

from pantau.errors import PantauError
from pantau.store.client import Store, detect
from pantau.store.templates import alias_indices, load_specs, setup
from tests.conftest import make_settings


def test_detects_opensearch_and_uses_its_own_client(store: Store) -> None:
    info = detect(store.settings)
    assert info.flavour == "opensearch"
    assert info.major >= 2
    assert isinstance(store.client, opensearchpy.OpenSearch)
    assert store.request("GET", "/")["version"]["distribution"] == "opensearch"


def test_setup_creates_aliases_over_versioned_indices_and_second_run_changes_nothing(store: Store) -> None:
    first = setup(store)
    assert {line["action"] for line in first} == {"created"}
    for kind in ("articles", "watchlists", "claims", "endpoints", "sites", "stories"):
        assert alias_indices(store, kind) == [f"{store.name(kind)}-v1"]
    for kind in ("alerts", "audit", "deadletter"):  # rolling (mappings/lifecycle/)
        assert alias_indices(store, kind) == [f"{store.name(kind)}-v1-000001"]
    second = setup(store)
    assert [line["action"] for line in second] == ["unchanged"] * len(second)
    assert len(second) == 2 * len(load_specs())  # one template and one alias per kind
    mapping = store.request("GET", f"/{store.name('articles')}/_mapping")
    props = next(iter(mapping.values()))["mappings"]["properties"]
    assert props["title"]["analyzer"] == "pantau_indonesian"
    for field in ("outlet", "province", "regency", "region_codes", "topics", "language", "story_id"):
        assert props[field]["type"] == "keyword", field
    assert props["flags"]["properties"]["rule"]["type"] == "keyword"
    assert props["review"]["properties"]["status"]["type"] == "keyword"
    assert props["published_at"]["type"] == "date"


def test_watchlists_index_percolates_against_article_fields(store: Store) -> None:
    setup(store)
    query = {"match": {"body": "politik uang"}}
    store.request(
        "PUT",
        f"/{store.name('watchlists')}/_doc/w1",
        params={"refresh": "true"},
        body={"watchlist": {"id": "w1", "name": "politik uang"}, "query": query},
    )
    doc = {"title": "Bawaslu temukan dugaan politik uang", "body": "Bawaslu menemukan politik uang di Muba."}
    found = store.search("watchlists", {"query": {"percolate": {"field": "query", "document": doc}}})
    assert [hit["_id"] for hit in found["hits"]["hits"]] == ["w1"]
    other = {"title": "Harga cabai naik", "body": "Harga cabai di pasar naik."}
    none = store.search("watchlists", {"query": {"percolate": {"field": "query", "document": other}}})
    assert none["hits"]["hits"] == []


def test_additive_mapping_change_is_applied_in_place(store: Store, tmp_path) -> None:
    setup(store)
    specs = load_specs()
    data = json.loads((store.settings.paths.var_dir.parents[1] / "mappings" / "articles.json").read_text())
    data["template"]["mappings"]["properties"]["new_field"] = {"type": "keyword"}
    for kind, spec in specs.items():
        if kind != "articles":
            (tmp_path / f"{kind}.json").write_text(
                json.dumps({"kind": kind, "version": spec.version, "template": spec.template})
            )
    (tmp_path / "articles.json").write_text(json.dumps(data))
    report = setup(store, load_specs(tmp_path))
    assert {
        "object": f"mapping of {store.name('articles')}-v1",
        "action": "updated in place (additive change)",
    } in report
    assert [line["action"] for line in setup(store, load_specs(tmp_path))] == ["unchanged"] * 2 * len(specs)


def test_setup_refuses_a_concrete_index_where_the_alias_belongs(node_settings, prefix) -> None:
    settings = make_settings(PANTAU_SEARCH_URL=node_settings.search_url, PANTAU_SEARCH_INDEX_PREFIX=prefix)
    st = Store.connect(settings)
    try:
        st.request("PUT", f"/{prefix}-articles", body={})
        with pytest.raises(PantauError, match="concrete index, not an alias"):
            setup(st)
    finally:
        st.request("DELETE", f"/{prefix}-articles", ignore=(404,))
        from pantau.store.templates import drop_all

        drop_all(st)
