"""Crawl shards, site back-off and progress: planning, a real crawl process, and monitor cycles on the real node."""

from __future__ import annotations

import json
import socket
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pantau.crawl.registry import Discovery, Outlet
from pantau.crawl.shards import outlet_site, plan_shards
from pantau.devtools.gensite import generate, serve_generated
from pantau.store.client import Store
from tests.conftest import make_settings


def _outlet(name: str, domain: str, prefix: str = "") -> Outlet:
    return Outlet(
        name=name,
        domain=domain,
        province="Jawa Barat",
        language="id",
        family="generic",
        home_url=f"https://{domain}/",
        discovery=Discovery(feeds=(f"https://{domain}/feed",)),
        path_prefix=prefix,
    )


def test_a_site_is_never_split_over_two_shards_and_shards_are_balanced() -> None:
    outlets = [_outlet(f"Berita {n}", f"berita{n}.id") for n in range(23)]
    # detik's regional channels share one host, kompas.com's regional edition shares the site: one shard each.
    outlets += [_outlet(f"detik {r}", "www.detik.com", f"/{r}") for r in ("jabar", "jatim", "sumut", "bali")]
    outlets += [_outlet("Kompas Regional", "regional.kompas.com"), _outlet("Kompas", "www.kompas.com")]
    shards = plan_shards(outlets, 10)
    assert len(shards) == 3
    assert sorted(n for s in shards for n in s.names) == sorted(o.name for o in outlets)
    where = {site: [s.number for s in shards if site in s.sites] for site in {outlet_site(o) for o in outlets}}
    assert all(len(numbers) == 1 for numbers in where.values()), where
    sizes = sorted(len(s.outlets) for s in shards)
    assert sizes[-1] - sizes[0] <= 1
    assert [s.names for s in plan_shards(list(reversed(outlets)), 10)] == [s.names for s in shards]  # deterministic
    assert len(plan_shards(outlets, 1000)) == 1 and plan_shards([], 10) == []
    with pytest.raises(ValueError, match="shard_size"):
        plan_shards(outlets, 0)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_dead_site_is_given_up_after_one_attempt_and_progress_is_reported(tmp_path: Path) -> None:
    """One crawl process over a live site and a site whose address refuses connections: the dead one costs one
    failed connection (no retries, none of its other URLs), the live one is crawled whole, and the progress
    callback sees the crawl move."""
    from pantau.crawl.runner import run_crawl
    from pantau.crawl.urlmap import UrlMap
    from pantau.records import RawArticle

    site = generate(2)
    live, dead = site.outlets
    registry = site.write_registry(tmp_path / "registry.yaml")
    from pantau.crawl.registry import load_outlets

    outlets = load_outlets(registry)
    settings = make_settings(PANTAU_SEARCH_URL=f"http://127.0.0.1:{_closed_port()}")
    readings: list[dict[str, Any]] = []
    with serve_generated(site) as served:
        url_map = UrlMap(
            (
                (f"https://{live.domain}", f"{served.base_url}/{live.domain}"),
                (f"https://{dead.domain}", f"http://127.0.0.1:{_closed_port()}/{dead.domain}"),
            )
        )
        started = time.monotonic()
        result = run_crawl(
            settings,
            outlets,
            datetime(2024, 11, 1, tzinfo=UTC),
            tmp_path / "crawl",
            url_map=url_map,
            use_seen=False,
            allow_private=True,
            on_progress=readings.append,
        )
        elapsed = time.monotonic() - started
    sites = result.stats["sites"]
    assert sites[live.domain]["answered"] >= 4 and sites[live.domain]["failed"] == 0
    assert sites[dead.domain] == {
        "answered": 0,
        "failed": 1,
        "error": sites[dead.domain]["error"],
        "given_up": True,
    }, sites[dead.domain]
    assert "ConnectionRefused" in sites[dead.domain]["error"]
    assert len(result.articles()) == 3 and all(isinstance(a, RawArticle) for a in result.articles())
    assert all(a.outlet == live.name for a in result.articles())
    assert elapsed < 30
    usage = result.stats["process"]
    assert usage["cpu_seconds"] > 0.5 and 50 < usage["max_rss_mb"] < 1024
    assert readings and readings[-1]["articles"] == 3 and readings[-1]["sites_down"] == 1
    assert readings[-1]["pages"] >= 6


def test_progress_display_is_silent_off_a_terminal() -> None:
    from pantau.crawl.progress import progress_display

    with progress_display(["shard-000"]) as bars:  # pytest's stderr is no terminal
        assert bars == {}
    with progress_display(["shard-000"], enabled=True) as bars:
        bars["shard-000"]({"requests": 10, "pages": 4, "skips": 1, "articles": 2, "sites_down": 0})


def _monitor_env(monkeypatch: pytest.MonkeyPatch, store: Store, tmp_path: Path, registry: Path) -> None:
    for key, value in {
        "PANTAU_SEARCH_URL": store.settings.search_url,
        "PANTAU_SEARCH_INDEX_PREFIX": store.settings.search.index_prefix,
        "PANTAU_PATHS_VAR_DIR": str(tmp_path / "var"),
        "PANTAU_CRAWL_REGISTRY": str(registry),
        "PANTAU_ALERTS_CHANNELS": "",
    }.items():
        monkeypatch.setenv(key, value)


def test_a_failing_site_is_backed_off_reported_and_picked_up_again(
    prefect_server: None, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Three monitor cycles over 6 generated outlets in 2 shards; one site answers 503. Cycle 1 backs it off
    (recorded in the engine, reported by ops health); cycle 2 does not touch it; once its wait is over and it
    answers again, cycle 3 crawls it and resets it."""
    from flows.monitor import monitor
    from pantau.config import load_settings
    from pantau.crawl.registry import load_outlets
    from pantau.ops.health import check_health
    from pantau.store.sites import site_states

    site = generate(6)
    registry = site.write_registry(tmp_path / "registry.yaml")
    _monitor_env(monkeypatch, store, tmp_path, registry)
    sick = site.outlets[2].domain
    site.down.add(sick)
    with serve_generated(site) as served:
        first = monitor(since="2024-11-01", site_base=served.base_url, shard_size=3)
        assert first["shards"] == 2 and not first["failed_shards"]
        assert first["newly_backed_off"] == [sick] and first["crawled"] == first["indexed"] == 15
        assert first["duplicate_articles"] == 0
        state = site_states(store, [sick])[sick]
        assert state["state"] == "backed_off" and state["failures"] == 1 and state["last_error"] == "HTTP 503"
        wait = datetime.fromisoformat(state["backoff_until"]) - datetime.fromisoformat(state["last_failure_at"])
        assert wait == timedelta(minutes=10)
        problems = check_health(store, load_settings(), load_outlets(registry))
        [report] = [p for p in problems if p["problem"] == "sites_backed_off"]
        assert [s["site"] for s in report["detail"]["sites"]] == [sick]

        served.hits.clear()
        second = monitor(since="2024-11-01", site_base=served.base_url, shard_size=3)
        assert second["backed_off"] == [sick] and served.hits[sick] == 0
        assert second["crawled"] == 0 and store.count("articles") == 15

        site.down.clear()
        store.request(
            "POST",
            f"/{store.name('sites')}/_update/{sick}?refresh=true",
            body={"doc": {"backoff_until": (datetime.now(UTC) - timedelta(seconds=1)).isoformat()}},
        )
        third = monitor(since="2024-11-01", site_base=served.base_url, shard_size=3)
    assert third["recovered"] == [sick] and third["crawled"] == 3
    assert site_states(store, [sick])[sick]["state"] == "ok"
    store.refresh("articles")
    assert store.count("articles") == 18
    after = check_health(store, load_settings(), load_outlets(registry))
    assert not [p for p in after if p["problem"] == "sites_backed_off"]


def test_monitor_cli_needs_once() -> None:
    from pantau.cli.main import main

    assert main(["monitor"]) == 2


def test_shards_run_on_two_workers_of_the_pool(
    prefect_server: None, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A real Prefect server, the `shard` deployment on a pool with two workers (one shard at a time each), one
    monitor cycle over 24 generated outlets in 4 shards: shards land on both workers, the cycle's article count is
    the sum over its shards and equals the documents indexed, and no document is duplicated."""
    import os
    import subprocess
    import sys

    from prefect.settings import PREFECT_API_URL

    from flows.monitor import monitor
    from pantau.config import project_root

    site = generate(24)
    registry = site.write_registry(tmp_path / "registry.yaml")
    _monitor_env(monkeypatch, store, tmp_path, registry)
    pool = f"pantau-shards-{store.settings.search.index_prefix[-8:]}"
    env = {
        **os.environ,
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PANTAU_HOME": str(project_root()),
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PREFECT_WORKER_PREFETCH_SECONDS": "0",
    }
    prefect = str(Path(sys.executable).with_name("prefect"))

    def run(*args: str) -> None:
        done = subprocess.run(
            [prefect, *args], env=env, cwd=project_root(), capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    run("work-pool", "create", pool, "--type", "process")
    run("--no-prompt", "deploy", "--name", "shard", "--pool", pool)
    logs = [(tmp_path / f"worker{n}.log").open("w") for n in (1, 2)]
    workers = [
        subprocess.Popen(
            [prefect, "worker", "start", "--pool", pool, "--limit", "1", "--name", f"w{n}"],
            env=env,
            cwd=project_root(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for n, log in zip((1, 2), logs, strict=True)
    ]
    try:
        with serve_generated(site) as served:
            summary = monitor(since="2024-11-01", site_base=served.base_url, shard_size=6, dispatch="deployment")
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)
        for log in logs:
            log.close()
    runs = summary["shard_runs"]
    assert summary["shards"] == 4 and not summary["failed_shards"], summary
    assert {r["worker_pid"] for r in runs} == {w.pid for w in workers}, (runs, [w.pid for w in workers])
    assert summary["crawled"] == sum(r["crawled"] for r in runs) == site.article_count == 72
    assert summary["indexed"] == sum(r["indexed"] for r in runs) == 72
    assert summary["duplicate_articles"] == 0
    store.refresh("articles")
    assert store.count("articles") == 72
    urls = Counter(
        h["_source"]["canonical_url"]
        for h in store.search("articles", {"size": 200, "_source": ["canonical_url"]})["hits"]["hits"]
    )
    assert len(urls) == 72 and max(urls.values()) == 1
    assert json.dumps(summary)  # the summary is plain JSON (it is printed by `pantau monitor --once`)
