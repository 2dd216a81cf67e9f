"""Prefect flows under a real temporary Prefect server (prefect_test_harness), against the real node."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.setup_indices import setup_indices
from pantau.store.client import Store
from pantau.store.templates import alias_indices


def test_setup_flow_is_idempotent(prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    prefix = store.settings.search.index_prefix
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.settings.search_url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", prefix)
    monkeypatch.setenv("PANTAU_SNAPSHOTS_REPOSITORY", f"{prefix}-repo")
    monkeypatch.setenv("PANTAU_SNAPSHOTS_LOCATION", prefix)
    try:
        first = setup_indices()
        *indices, repo, policy = first
        assert {line["action"] for line in [*indices, repo]} == {"created"}
        assert repo["object"] == f"snapshot repository {prefix}-repo"
        assert policy["action"].startswith("not available")  # the embedded node has no snapshot management
        assert alias_indices(store, "articles") == [f"{store.name('articles')}-v1"]
        second = setup_indices()
        assert {line["action"] for line in second[:-1]} == {"unchanged"} and second[-1] == policy
    finally:
        store.request("DELETE", f"/_snapshot/{prefix}-repo", ignore=(404,))


def test_ops_health_flow_applies_retention(
    prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import dataclasses
    import time
    from datetime import UTC, datetime, timedelta

    from flows.ops_health import ops_health
    from pantau.store.lifecycle import apply_lifecycle, load_lifecycle

    _flows_on(store, monkeypatch, tmp_path)
    now = datetime.now(UTC)
    for name, age in (("old", 181), ("new", 1)):  # the old alert in a backing index rolled over before the new one
        doc = {"id": name, "created_at": (now - timedelta(days=age)).isoformat()}
        store.request("PUT", f"/{store.name('alerts')}/_doc/{name}", body=doc, params={"refresh": "true"})
        if name == "old":
            time.sleep(1.2)
            fast = dataclasses.replace(load_lifecycle("alerts"), max_age="1s")
            assert apply_lifecycle(store, fast, "created_at", datetime(2000, 1, 1, tzinfo=UTC))["rolled_over_to"]
    result = ops_health()
    alerts = next(line for line in result["retention"] if line["kind"] == "alerts")
    assert alerts["deleted_indices"] == [f"{store.name('alerts')}-v1-000001"] and alerts["deleted"] == 1
    assert store.get("alerts", "old") is None and store.get("alerts", "new") is not None


def test_monitor_run_crawls_processes_indexes_and_alerts_once_per_story(
    prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    import json

    from flows.monitor import monitor
    from pantau.devtools.receivers import smtp_receiver, webhook_receiver
    from pantau.devtools.sitesrv import SITE_ROOT, serve_site

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
        from pantau.crawl.registry import load_outlets

        outlets = [o.name for o in load_outlets() if o.domain in hosted]
        first = monitor(outlets=outlets, since="2024-01-01", site_base=site.base_url)
        assert first["crawled"] >= 20
        assert first["indexed"] == first["processed"] == first["crawled"]
        assert first["flagged"] >= 3
        store.refresh("articles")
        assert store.count("articles") == first["indexed"]
        flagged = store.search("articles", {"size": 50, "query": {"range": {"flag_count": {"gt": 0}}}})["hits"]["hits"]
        assert all(h["_source"]["review"]["status"] == "baru" for h in flagged)
        # Flags under [alerts] min_confidence (0.7) are "perlu dicek": indexed, not alerted.
        sure = [(h["_source"]["story_id"], f) for h in flagged for f in h["_source"]["flags"] if f["confidence"] >= 0.7]
        assert len(sure) < sum(len(h["_source"]["flags"]) for h in flagged)  # the sample site has a perlu-dicek one
        stories = {story for story, _ in sure}
        rules_per_story = {(story, f["rule"]) for story, f in sure}
        # One message per story and rule on each channel, whatever the number of copies.
        assert first["alerts_sent"] == 2 * len(rules_per_story) or first["alerts_sent"] >= 2 * len(stories)
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


def _flows_on(store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Point the flows at the session's search node (with a private var dir) and set the indices up."""
    from pantau.store.templates import setup

    monkeypatch.setenv("PANTAU_SEARCH_URL", store.settings.search_url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    monkeypatch.setenv("PANTAU_PATHS_VAR_DIR", str(tmp_path))
    setup(store)


def test_reprocess_after_a_race_correction_flags_in_place(
    prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    """The races file is part of the fact base: correcting a ballot number there and reprocessing changes the
    flags of already indexed articles (same documents, no duplicates)."""
    import json
    import shutil

    from flows.reprocess import reprocess
    from flows.tasks import index_articles
    from pantau.process.batch import process_batch
    from pantau.process.claims import FACTS_PATH
    from pantau.records import RawArticle

    _flows_on(store, monkeypatch, tmp_path)
    report = {
        "id": "b1",
        "url": "https://jatim.example.id/read/1/debat",
        "outlet": "Jatim Example",
        "title": "Debat Pilgub Jatim 2024 digelar di Surabaya",
        "body": "Pasangan nomor urut 2 Khofifah Indar Parawansa-Emil Dardak tampil pertama dalam debat Pilgub Jatim.",
        "published_at": "2024-10-20T09:00:00+07:00",
    }
    index_articles(store, process_batch([RawArticle.from_dict(report)]).articles)
    assert store.get("articles", "b1")["flag_count"] == 0  # type: ignore[index]

    shutil.copy(FACTS_PATH, tmp_path / "facts.json")
    races = json.loads((FACTS_PATH.parent / "facts_races.json").read_text(encoding="utf-8"))
    jatim = next(r for r in races["races"] if r["code"] == "35")
    for pair in jatim["pairs"]:  # a correction swaps the numbers of pairs 1 and 2
        pair["number"] = {1: 2, 2: 1}.get(pair["number"], pair["number"])
    (tmp_path / "facts_races.json").write_text(json.dumps(races, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("PANTAU_PROCESS_FACTS_FILE", str(tmp_path / "facts.json"))

    result = reprocess()
    assert result["reprocessed"] == 1 and result["flags_changed"] == 1
    store.refresh("articles")
    assert store.count("articles") == 1
    doc = store.get("articles", "b1")
    assert doc is not None and doc["flag_rules"] == ["ballot_number"]


def test_reprocess_after_a_fact_base_change_updates_flags_without_duplicates(
    prefect_server, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    import json

    from flows.reprocess import reprocess
    from flows.tasks import index_articles
    from pantau.process.batch import process_batch
    from pantau.process.claims import FACTS_PATH
    from pantau.records import RawArticle

    _flows_on(store, monkeypatch, tmp_path)
    rumour = {
        "id": "r1",
        "url": "https://bengkuluekspres.disway.id/read/1/surat-suara",
        "outlet": "Bengkulu Ekspres",
        "title": "Warga Kota Bengkulu resahkan kabar surat suara Pilkada",
        "body": (
            "Warga Kota Bengkulu membagikan video yang menyebut surat suara Pilkada Kota Bengkulu sudah dicoblos "
            "sebelum hari pemungutan suara. Video itu diunggah akun media sosial pada Senin malam.\n\n"
            "Sejumlah warga mengaku resah dan berharap KPU Kota Bengkulu memberi penjelasan."
        ),
        "published_at": "2024-11-25T09:00:00+07:00",
    }
    other = {
        "id": "r2",
        "url": "https://bengkuluekspres.disway.id/read/2/dpt",
        "outlet": "Bengkulu Ekspres",
        "title": "KPU Kota Bengkulu tetapkan DPT Pilkada",
        "body": "KPU Kota Bengkulu menetapkan daftar pemilih tetap Pilkada Serentak 2024 dalam rapat pleno terbuka.",
        "published_at": "2024-09-20T09:00:00+07:00",
    }
    index_articles(store, process_batch([RawArticle.from_dict(rumour), RawArticle.from_dict(other)]).articles)
    assert store.get("articles", "r1")["flag_count"] == 0  # type: ignore[index]

    facts = json.loads(FACTS_PATH.read_text(encoding="utf-8"))
    facts["version"] += "-test"
    facts["known_hoaxes"].append(
        {
            "id": "surat-suara-sudah-dicoblos-bengkulu",
            "claim": "Surat suara Pilkada Kota Bengkulu sudah dicoblos sebelum hari pemungutan suara.",
            "text": "KPU Kota Bengkulu: surat suara tersimpan tersegel di gudang logistik dan belum dicoblos.",
            "keywords": [["surat suara"], ["sudah dicoblos", "telah dicoblos"], ["bengkulu"]],
            "valid_from": "2024-11-01",
            "clarified_by": "KPU Kota Bengkulu",
            "source": facts["known_hoaxes"][0]["source"],
        }
    )
    changed = tmp_path / "facts.json"
    changed.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("PANTAU_PROCESS_FACTS_FILE", str(changed))

    result = reprocess()
    assert result["reprocessed"] == 2
    assert result["flags_changed"] == 1
    store.refresh("articles")
    assert store.count("articles") == 2
    doc = store.get("articles", "r1")
    assert doc is not None and doc["flag_rules"] == ["known_hoax"]
    assert doc["review"]["status"] == "baru"
    assert store.get("articles", "r2")["flag_count"] == 0  # type: ignore[index]
    again = reprocess()
    assert again["flags_changed"] == 0 and store.count("articles") == 2
