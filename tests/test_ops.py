"""The daily digest and the hourly health checks against the real node."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from pantau.alerts.digest import build_digest, render_daily
from pantau.crawl.registry import load_outlets
from pantau.ops.health import check_health
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.store.templates import setup
from pantau.text.dates import WIB
from tests.articles import article
from tests.conftest import make_settings


def _recent_docs(now: datetime) -> list[dict[str, object]]:
    docs = []
    for n in range(6):
        doc = article(n, published_at=(now - timedelta(hours=n + 1)).isoformat(), crawled_at=now.isoformat())
        if n < 2:
            doc.update(
                flags=[{"rule": "voting_date", "severity": "high", "evidence": "x", "fact": "y", "source": ""}],
                flag_rules=["voting_date"],
                flag_count=1,
                review={"status": "baru"},
            )
        docs.append(doc)
    old = article(99, published_at=(now - timedelta(days=5)).isoformat(), crawled_at=now.isoformat())
    return [*docs, old]


def test_digest_counts_the_last_day_by_province_outlet_topic_and_flags(store: Store) -> None:
    setup(store)
    now = datetime.now(WIB)
    index_documents(store, "articles", _recent_docs(now))
    store.refresh("articles")
    digest = build_digest(store, now=now)
    assert digest["articles"] == 6  # the five-day-old article is outside the window
    assert digest["by_province"] == [("Sumatera Selatan", 6)]
    assert digest["by_outlet"] == [("Tribun Sumsel", 6)]
    assert digest["flagged"] == 2 and digest["flag_rules"] == [("voting_date", 2)]
    assert digest["open_reviews"] == 2
    subject, body = render_daily(digest)
    assert "6 berita, 2 perlu klarifikasi" in subject
    assert "Sumatera Selatan (6)" in body and "[baru]" in body


def test_health_reports_drift_quiet_outlets_and_dead_letter_growth(store: Store, tmp_path) -> None:
    setup(store)
    now = datetime.now(WIB)
    index_documents(store, "articles", _recent_docs(now))
    index_documents(store, "articles", [article(200 + n, published_at="kemarin") for n in range(3)])  # 3 rejects
    store.refresh("articles")
    store.refresh("deadletter")
    settings = make_settings(PANTAU_PATHS_VAR_DIR=str(tmp_path))
    run = tmp_path / "runs" / f"{now:%Y%m%dT%H%M%S%f}-monitor" / "00"
    run.mkdir(parents=True)
    stats = {
        "finished_at": now.isoformat(),
        "outlets": {"Tribun Sumsel": {"layout_drift": True, "family": "tribun", "health": {"empty_body": 0.8}}},
    }
    (run / "stats.json").write_text(json.dumps(stats))
    stale = tmp_path / "runs" / "20240101T000000000000-monitor" / "00"
    stale.mkdir(parents=True)
    (stale / "stats.json").write_text(json.dumps({**stats, "finished_at": "2024-01-01T00:00:00+07:00"}))
    outlets = [o for o in load_outlets() if o.name in {"Tribun Sumsel", "Sumatera Ekspres", "Antara Sumsel"}]
    problems = check_health(store, settings, outlets, hours=24, deadletter_max=2, now=now)
    kinds = {p["problem"]: p["detail"] for p in problems}
    assert kinds["layout_drift"]["outlet"] == "Tribun Sumsel"
    assert [p["problem"] for p in problems].count("layout_drift") == 1  # the stale run is not read again
    quiet = kinds["quiet_outlets"]["outlets"]
    assert "Tribun Sumsel" not in quiet and "Sumatera Ekspres" in quiet
    assert kinds["deadletter_growth"]["count"] == 3
