"""A mapping change ships as a new versioned index, a reindex and an atomic alias swap; search never stops."""

from __future__ import annotations

import copy
import json
import threading
import time
from pathlib import Path
from typing import Any

from pantau.store.bulk import BulkResult, index_documents
from pantau.store.client import Store
from pantau.store.templates import MappingSpec, alias_indices, load_specs, migrate, setup
from tests.articles import article


def _v2_specs(tmp_path: Path) -> dict[str, MappingSpec]:
    """The real mapping files, with articles raised to version 2 and one field's type changed."""
    specs = load_specs()
    for kind, spec in specs.items():
        template = copy.deepcopy(spec.template)
        version = spec.version
        if kind == "articles":
            version += 1
            # A change no in-place update can make: word_count from integer to long.
            template["mappings"]["properties"]["word_count"] = {"type": "long"}
        (tmp_path / f"{kind}.json").write_text(json.dumps({"kind": kind, "version": version, "template": template}))
    return load_specs(tmp_path)


def test_setup_reports_that_a_migration_is_needed(store: Store, tmp_path: Path) -> None:
    setup(store)
    report = setup(store, _v2_specs(tmp_path))
    assert any("migration needed" in line["action"] for line in report)
    assert alias_indices(store, "articles") == [f"{store.name('articles')}-v1"]


def test_alias_swap_keeps_search_working_and_loses_no_write(store: Store, tmp_path: Path) -> None:
    setup(store)
    docs = [article(n) for n in range(600)]
    index_documents(store, "articles", docs)
    store.refresh("articles")
    specs = _v2_specs(tmp_path)

    # Synchronised on what happens, not on timing: the migration starts once a search has succeeded, the late
    # writer starts once the old index is write-blocked, the reindex waits until that writer has been refused and
    # is retrying, and the reader stops only after it has searched the new index a few times.
    stop = threading.Event()
    searching = threading.Event()
    blocked = threading.Event()
    writer_waiting = threading.Event()
    searches: list[int] = []
    failures: list[str] = []

    def search_loop() -> None:
        while not stop.is_set():
            try:
                body = {"size": 0, "query": {"match": {"body": "rekapitulasi"}}, "track_total_hits": True}
                searches.append(store.search("articles", body)["hits"]["total"]["value"])
                searching.set()
            except Exception as exc:  # noqa: BLE001  # every failure during the swap is collected and asserted on
                failures.append(repr(exc))
            stop.wait(0.01)  # pacing only: the loop is stopped by the event

    request = store.request

    def observed_request(method: str, path: str, *args: Any, **kwargs: Any) -> Any:
        if method == "POST" and path == "/_reindex":
            assert writer_waiting.wait(60), "the late writer never hit the write block"
        answer = request(method, path, *args, **kwargs)
        if method == "PUT" and path.endswith("/_settings") and (kwargs.get("body") or {}).get("index.blocks.write"):
            blocked.set()
        return answer

    store.request = observed_request  # type: ignore[method-assign]
    writer_store = Store.connect(store.settings)

    def retry_wait(delay: float) -> None:
        writer_waiting.set()
        time.sleep(delay)  # the bulk's own backoff between rounds, unchanged

    writer_store.sleep = retry_wait
    late = [article(n) for n in range(600, 700)]
    written: dict[str, object] = {}

    def write_during_migration() -> None:
        assert blocked.wait(60), "the migration never blocked writes"
        written["result"] = index_documents(writer_store, "articles", late, max_rounds=30)

    reader = threading.Thread(target=search_loop)
    writer = threading.Thread(target=write_during_migration)
    reader.start()
    writer.start()
    try:
        assert searching.wait(30), f"no search succeeded: {failures[:3]}"
        outcome = migrate(store, "articles", specs=specs)
        writer.join(timeout=120)
        after_swap = len(searches)
        deadline = time.monotonic() + 30
        while len(searches) < after_swap + 5 and time.monotonic() < deadline:
            stop.wait(0.01)
    finally:
        stop.set()
        blocked.set()
        writer_waiting.set()
        reader.join(timeout=30)
        writer.join(timeout=30)
        store.request = request  # type: ignore[method-assign]
        writer_store.close()

    assert not writer.is_alive() and not reader.is_alive()
    result = written.get("result")
    assert isinstance(result, BulkResult), "the late writer did not finish"
    assert result.retried > 0 and result.indexed == 100 and result.dead_letters == []
    assert len(searches) >= after_swap + 5
    assert outcome["action"] == "migrated"
    assert outcome["to"] == f"{store.name('articles')}-v2"
    assert alias_indices(store, "articles") == [f"{store.name('articles')}-v2"]
    assert failures == []
    assert len(searches) > 5
    # Every search saw one index's worth of documents: never zero, never both indices at once.
    assert min(searches) >= 600
    assert max(searches) <= 700
    store.refresh("articles")
    assert store.count("articles") == 700
    mapping = store.request("GET", f"/{store.name('articles')}/_mapping")
    assert next(iter(mapping.values()))["mappings"]["properties"]["word_count"]["type"] == "long"
    # Running it again is a no-op, and setup now agrees with the files.
    assert migrate(store, "articles", specs=specs)["action"] == "up to date"
    assert [line["action"] for line in setup(store, specs)] == ["unchanged"] * (
        2 * len(specs)
    )  # a template and an alias per kind
