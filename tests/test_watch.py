"""Watchlists: saved queries in the percolator index, matched against new articles; `pantau watch` via the CLI."""

from __future__ import annotations

import json

import pytest

from pantau.alerts import watchlists
from pantau.alerts.triggers import plan_alerts
from pantau.alerts.watchlists import WatchlistError
from pantau.cli.main import main
from pantau.store import templates
from pantau.store.client import Store
from tests.articles import article, indexed
from tests.test_alerts import alert_settings


def test_watchlist_matches_only_matching_articles(store: Store) -> None:
    templates.setup(store)
    settings = alert_settings(store, "tim=json://127.0.0.1:9/hook, piket=json://127.0.0.1:9/mail")
    watchlists.add_watchlist(store, settings, "Politik uang", '"politik uang" Palembang', channels=["piket"])
    watchlists.add_watchlist(store, settings, "Penundaan", "penundaan pilkada", severity="high")
    money = article(1, story_id="s1", title="Bawaslu usut dugaan politik uang di Palembang")
    # The Indonesian analyzer stems: "penundaan" in the query matches "ditunda" in the title.
    delay = article(2, story_id="s2", title="Hoaks: Pilkada Sumsel ditunda sampai Desember")
    unrelated = article(3, story_id="s3")
    money_elsewhere = article(4, story_id="s4", title="Politik uang di Medan", body="Uang dibagikan di Medan.")

    matches = watchlists.percolate(store, [money, delay, unrelated, money_elsewhere])
    by_id = {wl["id"]: positions for wl, positions in matches}
    assert by_id == {"politik-uang": [0], "penundaan": [1]}

    planned = plan_alerts(store, indexed([money, delay, unrelated, money_elsewhere]), settings)
    got = sorted((r.watchlist_id, r.article_id, r.channel) for r in planned)
    assert got == sorted(
        [
            ("politik-uang", money["id"], "piket"),  # its own channel only
            ("penundaan", delay["id"], "piket"),  # no channels of its own: watchlist_to, empty = all
            ("penundaan", delay["id"], "tim"),
        ]
    )


def test_bad_watchlists_are_clear_errors(store: Store) -> None:
    templates.setup(store)
    settings = alert_settings(store, "tim=json://127.0.0.1:9/hook")
    with pytest.raises(WatchlistError, match="not valid"):
        watchlists.add_watchlist(store, settings, "Rusak", 'title:("tanpa penutup')
    with pytest.raises(WatchlistError, match="unknown channel"):
        watchlists.add_watchlist(store, settings, "Salah kanal", "pilkada", channels=["ops"])
    with pytest.raises(WatchlistError, match="empty"):
        watchlists.add_watchlist(store, settings, "Kosong", "  ")
    watchlists.add_watchlist(store, settings, "Dua kali", "pilkada")
    with pytest.raises(WatchlistError, match="already exists"):
        watchlists.add_watchlist(store, settings, "Dua Kali", "kpu")
    with pytest.raises(WatchlistError, match="no watchlist"):
        watchlists.remove_watchlist(store, "tidak ada")
    assert [w["id"] for w in watchlists.list_watchlists(store)] == ["dua-kali"]


def test_watch_cli_add_list_remove(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.info.url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    monkeypatch.setenv("PANTAU_ALERTS_CHANNELS", "tim=json://127.0.0.1:9/hook")

    args = ["watch", "add", "Politik uang", "--query", '"politik uang"', "--severity", "high", "--channel", "tim"]
    assert main(args) == 0
    added = json.loads(capsys.readouterr().out)["added"]
    assert (added["id"], added["severity"], added["channels"]) == ("politik-uang", "high", ["tim"])

    assert main(["watch", "add", "Politik uang", "--query", "x"]) == 1
    assert "already exists" in capsys.readouterr().err

    assert main(["watch", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(w["name"], w["query_string"]) for w in listed] == [("Politik uang", '"politik uang"')]
    stored = store.get("watchlists", "politik-uang")
    assert stored is not None and stored["query"]["query_string"]["query"] == '"politik uang"'

    assert main(["watch", "list"]) == 0
    assert "politik-uang\thigh\ttim" in capsys.readouterr().out

    assert main(["watch", "remove", "Politik uang"]) == 0
    assert json.loads(capsys.readouterr().out) == {"removed": "politik-uang"}
    assert main(["watch", "remove", "Politik uang"]) == 1
    assert "no watchlist" in capsys.readouterr().err
    assert main(["watch", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
