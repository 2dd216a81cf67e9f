"""Discovered endpoints kept in the engine (pantau-endpoints) and the crawl plan's endpoint choice, on the real node."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pantau.crawl.plan import choose_endpoints
from pantau.crawl.probe import DiscoveryResult, Limits, discover, http_fetcher
from pantau.crawl.registry import Outlet, parse_outlet
from pantau.crawl.runner import run_crawl
from pantau.crawl.urlmap import UrlMap
from pantau.devtools.sitesrv import SITE_ROOT, SiteServer, serve_site
from pantau.store.client import Store
from pantau.store.endpoints import (
    KIND,
    StoreEndpointBook,
    endpoint_id,
    endpoints_for_crawl,
    known,
    record_discovery,
    record_fetch,
)
from pantau.text.dates import WIB


@pytest.fixture
def site(tmp_path: Path) -> Iterator[SiteServer]:
    """A private copy of the discovery site, so a test can take an endpoint away."""
    root = tmp_path / "site"
    shutil.copytree(SITE_ROOT / "discovery", root)
    with serve_site(root) as served:
        yield served


def bare(domain: str, **extra: object) -> Outlet:
    return parse_outlet({"name": f"Uji {domain}", "domain": domain, "province": "Bali", **extra}, 0)


class Counting:
    """The real discovery over HTTP, counting which outlets it was asked to discover."""

    def __init__(self, site: SiteServer) -> None:
        self.site, self.calls = site, []

    def __call__(self, outlet: Outlet) -> DiscoveryResult:
        self.calls.append(outlet.name)
        fetch = http_fetcher("PantauBot/test", 2_000_000, UrlMap.for_hosts(self.site.base_url, [outlet.domain]))
        return discover(outlet, fetch, Limits(timeout=2))


def test_discovery_is_stored_idempotently_and_failures_counted(store: Store, site: SiteServer) -> None:
    book = StoreEndpointBook(store)
    outlet = bare("robots-index.test")
    first = Counting(site)(outlet)
    assert record_discovery(store, outlet.name, first) == {"found": 2, "new": 2, "failing": 0}
    again = Counting(site)(outlet)
    assert record_discovery(store, outlet.name, again) == {"found": 2, "new": 0, "failing": 0}
    assert store.count(KIND) == 2
    stored = {e.url: e for e in book.known([outlet.key])[outlet.key]}
    news = stored["https://robots-index.test/sitemap-news.xml"]
    assert news.kind == "news_sitemap" and news.failures == 0 and news.found_by == "sitemap_index"
    assert news.found_at == datetime.fromisoformat(first.checked_at)  # found_at is the first discovery's time
    assert news.checked_at == datetime.fromisoformat(again.checked_at)

    (Path(site.root) / "hosts/robots-index.test/sitemap-news.xml").unlink()
    gone = Counting(site)(outlet)
    assert record_discovery(store, outlet.name, gone) == {"found": 1, "new": 0, "failing": 1}
    failing = {e.url: e for e in known(store, [outlet.key])[outlet.key]}["https://robots-index.test/sitemap-news.xml"]
    assert failing.failures == 1 and failing.last_error == "http 404" and failing.last_ok_at is not None

    assert record_fetch(store, outlet.key, "https://robots-index.test/sitemap.xml", ok=False, error="http 503")
    doc = store.get(KIND, endpoint_id(outlet.key, "https://robots-index.test/sitemap.xml"))
    assert doc is not None and doc["failures"] == 1 and doc["last_error"] == "http 503"
    assert not record_fetch(store, outlet.key, "https://robots-index.test/never.xml", ok=True)


def test_plan_discovers_once_then_reads_the_engine_and_rediscovers_daily_or_on_failure(
    store: Store, site: SiteServer
) -> None:
    book = StoreEndpointBook(store)
    discover_ = Counting(site)
    outlets = [bare("robots-index.test"), bare("feed-links.test"), bare("dead.test")]
    now = datetime.now(UTC)

    first = choose_endpoints(outlets, book, discover_, now=now)
    assert sorted(discover_.calls) == sorted(o.name for o in outlets)
    assert all(line.endswith("no endpoint known") for line in first.discovered)
    assert first.without_endpoints == ["Uji dead.test"]  # the sample site has no such host: nothing found
    chosen = {o.domain: o.discovery for o in first.outlets}
    assert chosen["robots-index.test"].news_sitemaps == ("https://robots-index.test/sitemap-news.xml",)
    assert set(chosen["feed-links.test"].feeds) == {
        "https://feed-links.test/rss/terkini.xml",
        "https://feed-links.test/atom.xml",
    }

    discover_.calls.clear()
    site.clear_log()
    second = choose_endpoints(outlets[:2], book, discover_, now=now + timedelta(hours=2))
    assert discover_.calls == [] and site.fetched() == [], "fresh endpoints come from the engine, not the network"
    assert {o.domain: o.discovery for o in second.outlets} == chosen

    daily = choose_endpoints(outlets[:1], book, discover_, now=now + timedelta(days=1, hours=1))
    assert discover_.calls == ["Uji robots-index.test"] and daily.discovered[0].endswith("older than a day")

    discover_.calls.clear()
    record_fetch(store, outlets[1].key, "https://feed-links.test/atom.xml", ok=False, error="http 500")
    healed = choose_endpoints(outlets[1:2], book, discover_, now=now + timedelta(hours=3))
    assert discover_.calls == ["Uji feed-links.test"] and healed.discovered[0].endswith("an endpoint is failing")
    assert "https://feed-links.test/atom.xml" in healed.outlets[0].discovery.feeds  # it works again: kept


def test_verified_rows_keep_their_endpoints_and_unverified_ones_are_checked(store: Store, site: SiteServer) -> None:
    book = StoreEndpointBook(store)
    discover_ = Counting(site)
    verified = bare("broken.test", discovery={"feeds": ["https://broken.test/rss.php"]})
    hinted = bare(
        "wp-defaults.test",
        unverified=True,
        discovery={
            "feeds": ["https://wp-defaults.test/rss-lama.xml"],
            "listings": [{"url": "https://wp-defaults.test/"}],
        },
    )
    choice = choose_endpoints([verified, hinted], book, discover_)
    assert discover_.calls == ["Uji wp-defaults.test"], "a verified row with no stored endpoints is used as written"
    by_domain = {o.domain: o.discovery for o in choice.outlets}
    assert by_domain["broken.test"].feeds == ("https://broken.test/rss.php",)
    wp = by_domain["wp-defaults.test"]
    assert "https://wp-defaults.test/rss-lama.xml" not in wp.feeds  # the hint 404s: dropped
    assert wp.feeds == ("https://wp-defaults.test/feed/",) and wp.listings[0].url == "https://wp-defaults.test/"


def test_a_bare_domain_row_is_crawled_with_what_discovery_found(store: Store, tmp_path: Path) -> None:
    """sumselupdate.com of the sample site, registered with name, domain and province only."""
    settings = store.settings
    outlet = parse_outlet({"name": "Sumsel Update", "domain": "sumselupdate.com", "province": "Sumatera Selatan"}, 0)
    assert outlet.bare and outlet.family == "generic" and outlet.home_url == "https://sumselupdate.com/"
    with serve_site() as sample:
        url_map = UrlMap.for_hosts(sample.base_url, [outlet.domain])
        choice = endpoints_for_crawl(settings, store, [outlet], url_map=url_map, allow_private=True)
        assert choice.discovered == ["Sumsel Update: no endpoint known"]
        planned = choice.outlets[0]
        assert "https://sumselupdate.com/news-sitemap.xml" in planned.discovery.news_sitemaps
        env = {
            **os.environ,
            "PANTAU_SEARCH_URL": settings.search_url,
            "PANTAU_SEARCH_INDEX_PREFIX": settings.search.index_prefix,
        }
        result = run_crawl(
            settings,
            [planned],
            datetime(2024, 1, 1, tzinfo=WIB),
            tmp_path / "crawl",
            url_map=url_map,
            allow_private=True,
            env=env,
        )
    articles = result.articles()
    assert articles and all(a.url.startswith("https://sumselupdate.com/") for a in articles)
    assert all(a.outlet == "Sumsel Update" for a in articles)


def test_the_shard_crawl_gives_bare_rows_their_discovered_endpoints(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shard flow's endpoint choice: bare rows get what discovery found, verified rows stay as registered, a
    bare row discovery finds nothing for is left out; without an engine every row stays as registered."""
    from pantau.config import load_settings
    from pantau.store.endpoints import with_discovered_endpoints

    bare_row = parse_outlet({"name": "Sumsel Update", "domain": "sumselupdate.com", "province": "Sumatera Selatan"}, 0)
    verified = bare("broken.test", discovery={"feeds": ["https://broken.test/rss.php"]})
    nothing = parse_outlet({"name": "Mati", "domain": "mati.invalid", "province": "Sumatera Selatan"}, 1)
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.settings.search_url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    with serve_site() as sample:
        url_map = UrlMap.for_hosts(sample.base_url, [bare_row.domain])
        got = with_discovered_endpoints(load_settings(), [bare_row, verified, nothing], url_map, allow_private=True)
    assert [o.name for o in got] == [bare_row.name, verified.name]
    assert "https://sumselupdate.com/news-sitemap.xml" in got[0].discovery.news_sitemaps
    assert got[1] is verified
    monkeypatch.setenv("PANTAU_SEARCH_URL", "http://127.0.0.1:9")  # no engine there
    assert with_discovered_endpoints(load_settings(), [bare_row], None, allow_private=True) == [bare_row]
