"""The engine going away in the middle of a bulk: a clear error, and nothing missing after restart and retry.

This test runs its own node (the session port + 200, data under a temporary folder) so that stopping it does not
disturb the session's shared node; it also shows that the data survives a restart.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pantau.store import node
from pantau.store.bulk import BulkUnavailableError, index_documents
from pantau.store.client import Store
from pantau.store.templates import setup
from tests.articles import article
from tests.conftest import TEST_PORT, make_settings

PORT = TEST_PORT + 200  # clear of the session node (TEST_PORT) and its transport port (TEST_PORT + 100)


@pytest.fixture
def own_node(tmp_path: Path, node_settings):  # node_settings: the shared node is already built and running
    if node_settings.external_search:
        pytest.fail("this test stops and restarts a node: run it against the embedded node (unset PANTAU_SEARCH_URL)")
    settings = make_settings(
        PANTAU_PATHS_VAR_DIR=str(tmp_path),
        PANTAU_ENGINE_PORT=str(PORT),
        PANTAU_ENGINE_TRANSPORT_PORT=str(PORT + 100),
        PANTAU_ENGINE_HEAP="512m",
        PANTAU_SEARCH_MAX_RETRIES="2",
        PANTAU_SEARCH_BULK_CHUNK_SIZE="50",
    )
    node.start(settings)
    yield settings
    node.stop(settings)


def test_node_stopped_during_bulk_gives_clear_error_and_retry_after_restart_loses_nothing(own_node) -> None:
    settings = own_node
    store = Store.connect(settings)
    setup(store)
    docs = [article(n) for n in range(4000)]
    outcome: dict[str, object] = {}
    under_way = threading.Event()
    node_down = threading.Event()
    bulk = store.streaming_bulk

    def bulk_paused_after_two_chunks(actions: Iterable[dict[str, Any]], chunk_size: int) -> Iterator[Any]:
        # The node is stopped while the bulk is provably under way: two chunks acknowledged, the rest still to send.
        for n, item in enumerate(bulk(actions, chunk_size), 1):
            yield item
            if n == 2 * chunk_size and not under_way.is_set():
                under_way.set()
                node_down.wait(120)

    store.streaming_bulk = bulk_paused_after_two_chunks  # type: ignore[method-assign]

    def run() -> None:
        try:
            outcome["result"] = index_documents(store, "articles", docs, max_rounds=3)
        except BulkUnavailableError as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert under_way.wait(120), "the bulk never got under way"
        node.stop(settings)
    finally:
        node_down.set()
        worker.join(timeout=120)
    assert not worker.is_alive()

    error = outcome.get("error")
    assert isinstance(error, BulkUnavailableError), outcome
    message = str(error)
    assert "did not take" in message and "retry the same batch" in message
    assert f"127.0.0.1:{PORT}" in message
    pending_ids = {d["id"] for d in error.pending}
    assert pending_ids, "some documents must still be pending when the node went away"
    assert error.result.indexed + len(pending_ids) >= len(docs) - len(error.result.dead_letters)
    assert not error.result.dead_letters  # an outage is not a reason to dead-letter anything

    # Restart: the data written before the outage survives, and retrying the same batch completes it.
    node.start(settings)
    store = Store.connect(settings)
    store.refresh("articles")
    before_retry = store.count("articles")
    assert before_retry >= error.result.indexed
    result = index_documents(store, "articles", docs)
    store.refresh("articles")
    assert result.indexed == len(docs)
    assert store.count("articles") == len(docs)
    ids = {hit["_id"] for hit in store.search("articles", {"size": 10000, "_source": False})["hits"]["hits"]}
    assert ids == {d["id"] for d in docs}
