"""Prefect flows under a real temporary Prefect server (prefect_test_harness), against the real node."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.setup_indices import setup_indices
from pantau.mappings import alias_indices
from pantau.store import Store


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_setup_flow_is_idempotent(prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.settings.search_url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    first = setup_indices()
    assert {line["action"] for line in first} == {"created"}
    assert alias_indices(store, "articles") == [f"{store.name('articles')}-v1"]
    second = setup_indices()
    assert {line["action"] for line in second} == {"unchanged"}
