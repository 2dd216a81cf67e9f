"""Prefect flows under a real temporary Prefect server (prefect_test_harness), against the real node."""

from __future__ import annotations

import pytest

from flows.setup_indices import setup_indices
from pantau.mappings import alias_indices
from pantau.store import Store


def test_setup_flow_is_idempotent(prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.settings.search_url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    first = setup_indices()
    assert {line["action"] for line in first} == {"created"}
    assert alias_indices(store, "articles") == [f"{store.name('articles')}-v1"]
    second = setup_indices()
    assert {line["action"] for line in second} == {"unchanged"}


def test_monitor_run_crawls_processes_indexes_and_alerts_once_per_story(
    prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    import json

    from flows.monitor import monitor
    from pantau.receivers import smtp_receiver, webhook_receiver
    from pantau.sitesrv import SITE_ROOT, serve_site

    manifest = json.loads((SITE_ROOT / "manifest.json").read_text(encoding="utf-8"))
    hosted = sorted({p["domain"] for p in manifest["pages"]})
    with serve_site() as site, webhook_receiver() as hook, smtp_receiver() as mail:
        channels = (
            f"piket=mailto://127.0.0.1:{mail.port}?from=pantau@kpu.test&to=piket@kpu.test&format=text,"
            f" tim=json://{hook.url.removeprefix('http://')}"
        )
        for key, value in {
            "PANTAU_SEARCH_URL": store.settings.search_url,
            "PANTAU_SEARCH_INDEX_PREFIX": store.settings.search.index_prefix,
            "PANTAU_PATHS_VAR_DIR": str(tmp_path),
            "PANTAU_ALERTS_CHANNELS": channels,
            "PANTAU_ALERTS_DIGEST_THRESHOLD": "50",
            "PANTAU_ALERTS_RETRY_BACKOFF": "0.05",
        }.items():
            monkeypatch.setenv(key, value)
        from pantau.outlets import load_outlets

        outlets = [o.name for o in load_outlets() if o.domain in hosted]
        first = monitor(outlets=outlets, since="2024-01-01", site_base=site.base_url)
        assert first["crawled"] >= 20
        assert first["indexed"] == first["processed"] == first["crawled"]
        assert first["flagged"] >= 3
        store.refresh("articles")
        assert store.count("articles") == first["indexed"]
        flagged = store.search("articles", {"size": 50, "query": {"range": {"flag_count": {"gt": 0}}}})["hits"]["hits"]
        assert all(h["_source"]["review"]["status"] == "baru" for h in flagged)
        stories = {h["_source"]["story_id"] for h in flagged}
        rules_per_story = {(h["_source"]["story_id"], r) for h in flagged for r in h["_source"]["flag_rules"]}
        # One message per story and rule on each channel, whatever the number of copies.
        assert first["alerts_sent"] == 2 * len({x for x in rules_per_story}) or first["alerts_sent"] >= 2 * len(stories)
        assert len(hook.received) == first["alerts_sent"] // 2
        assert len(mail.messages) == len(hook.received)
        subject = mail.messages[0]["Subject"]
        assert subject.startswith("[Pantau]")

        # Re-running changes nothing: no new documents, no new alerts.
        second = monitor(outlets=outlets, since="2024-01-01", site_base=site.base_url)
        assert second["crawled"] <= 0.05 * first["crawled"] + 2
        store.refresh("articles")
        assert store.count("articles") == first["indexed"]
        assert second["alerts_sent"] == 0
        assert len(hook.received) == first["alerts_sent"] // 2
