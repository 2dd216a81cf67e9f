"""Discovery from a bare domain against synthetic sites on 127.0.0.1 (tests/site/discovery) and the sample site."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pantau.crawl.discovery import classify_endpoint, parse_home_page, robots_sitemaps
from pantau.crawl.probe import DiscoveryResult, Limits, discover, http_fetcher
from pantau.crawl.registry import Outlet, parse_outlet
from pantau.crawl.urlmap import UrlMap
from pantau.devtools.sitesrv import SITE_ROOT, SiteServer, serve_site

DISCOVERY_SITE = SITE_ROOT / "discovery"
UA = "PantauBot/test"


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with serve_site(DISCOVERY_SITE) as served:
        yield served


def bare(domain: str, **extra: object) -> Outlet:
    return parse_outlet({"name": domain, "domain": domain, "province": "Jambi", **extra}, 0)


def run(site_base: str, outlet: Outlet, limits: Limits | None = None) -> DiscoveryResult:
    url_map = UrlMap.for_hosts(site_base, [outlet.domain])
    return discover(outlet, http_fetcher(UA, 2_000_000, url_map), limits)


def found(result: DiscoveryResult) -> dict[str, tuple[str, str]]:
    return {e.url: (e.kind, e.found_by) for e in result.endpoints}


def status(result: DiscoveryResult, url: str) -> str:
    return next(p.status for p in result.probes if p.url == url)


# -- pure parts ------------------------------------------------------------------------------------------------


def test_robots_sitemap_lines_any_case_with_comments_and_relative() -> None:
    text = "User-agent: *\nDisallow: /x\nSITEMAP: https://a.id/s1.xml # main\nsitemap:/s2.xml\nSitemap: \nHost: a.id\n"
    assert robots_sitemaps(text, "https://a.id/") == ["https://a.id/s1.xml", "https://a.id/s2.xml"]
    assert robots_sitemaps("", "https://a.id/") == []


def test_home_page_feed_links_and_wordpress_signals() -> None:
    page = parse_home_page(
        b'<html><head><link rel="alternate" type="application/rss+xml; charset=utf-8" href="/feed/">'
        b'<link rel="Alternate" type="application/atom+xml" href="https://a.id/atom">'
        b'<link rel="alternate" hreflang="en" href="/en/"><link rel="stylesheet" href="/s.css">'
        b"</head><body></body></html>",
        "https://a.id/",
    )
    assert page.feeds == ["https://a.id/feed/", "https://a.id/atom"] and not page.wordpress
    assert parse_home_page(
        b'<html><head><meta name="generator" content="WordPress 6.5"></head></html>', "https://a.id/"
    ).wordpress
    assert parse_home_page(b'<img src="/wp-content/uploads/x.jpg">', "https://a.id/").wordpress
    assert parse_home_page(b"", "https://a.id/").feeds == []


def test_classify_endpoint_kinds() -> None:
    news = (DISCOVERY_SITE / "hosts/robots-index.test/sitemap-news.xml").read_bytes()
    assert classify_endpoint(news, "https://robots-index.test/sitemap-news.xml").kind == "news_sitemap"
    index = classify_endpoint((DISCOVERY_SITE / "hosts/robots-index.test/sitemap.xml").read_bytes(), "https://x/")
    assert index.kind == "sitemap_index" and index.items == 2
    feed = classify_endpoint((DISCOVERY_SITE / "hosts/feed-links.test/atom.xml").read_bytes(), "https://x/")
    assert feed.kind == "feed" and feed.items == 2 and feed.newest is not None
    assert classify_endpoint(b"<html><body>no</body></html>", "https://x/").kind == ""
    assert classify_endpoint(b"", "https://x/").kind == ""


# -- against served sites --------------------------------------------------------------------------------------


def test_robots_sitemap_index_leads_to_its_news_sitemap(site: SiteServer) -> None:
    result = run(site.base_url, bare("robots-index.test"))
    assert result.reachable
    assert found(result) == {
        "https://robots-index.test/sitemap.xml": ("sitemap", "robots"),
        "https://robots-index.test/sitemap-news.xml": ("news_sitemap", "sitemap_index"),
    }
    assert status(result, "https://robots-index.test/sitemap-video.xml") == "http 404"
    disc = result.discovery()
    assert disc.news_sitemaps == ("https://robots-index.test/sitemap-news.xml",)
    assert disc.sitemaps == ("https://robots-index.test/sitemap.xml",) and disc.feeds == ()
    news = next(e for e in result.endpoints if e.kind == "news_sitemap")
    assert news.items == 2 and news.newest and news.newest.startswith("2024-11-22")


def test_feed_links_on_the_home_page_without_robots(site: SiteServer) -> None:
    result = run(site.base_url, bare("feed-links.test"))
    assert status(result, "https://feed-links.test/robots.txt") == "http 404"
    assert found(result) == {
        "https://feed-links.test/rss/terkini.xml": ("feed", "home"),
        "https://feed-links.test/atom.xml": ("feed", "home"),
    }
    assert status(result, "https://elsewhere.test/rss") == "not on the outlet's own site"
    assert not any(p.url.endswith("/sitemap.xml") for p in result.probes), "common paths only when nothing was found"


def test_wordpress_defaults_when_the_site_lists_nothing(site: SiteServer) -> None:
    result = run(site.base_url, bare("wp-defaults.test", family="wordpress"))
    assert result.wordpress
    assert found(result) == {
        "https://wp-defaults.test/feed/": ("feed", "wordpress"),
        "https://wp-defaults.test/wp-sitemap.xml": ("sitemap", "wordpress"),
        "https://wp-defaults.test/news-sitemap.xml": ("news_sitemap", "wordpress"),
    }
    assert status(result, "https://wp-defaults.test/sitemap_index.xml") == "http 404"


def test_broken_endpoints_are_not_kept_and_common_paths_are_the_last_resort(site: SiteServer) -> None:
    result = run(site.base_url, bare("broken.test"))
    assert status(result, "https://broken.test/sitemap-html.xml") == "not a sitemap or feed"
    assert status(result, "https://broken.test/sitemap-empty.xml") == "empty"
    assert status(result, "https://broken.test/rss.php") == "not a sitemap or feed"
    assert status(result, "https://broken.test/sitemap.xml") == "http 404"
    assert found(result) == {"https://broken.test/rss": ("feed", "common")}


def test_robots_disallow_is_obeyed(site: SiteServer) -> None:
    result = run(site.base_url, bare("robots-disallow.test"))
    assert status(result, "https://robots-disallow.test/private/feed.xml") == "robots.txt disallows"
    assert found(result) == {"https://robots-disallow.test/public/feed.xml": ("feed", "home")}
    assert "/robots-disallow.test/private/feed.xml" not in [p for p, _ in site.requests]


def test_a_channel_on_a_shared_host_keeps_only_its_own_path(site: SiteServer) -> None:
    a = run(site.base_url, bare("shared-host.test", path_prefix="/kanal-a"))
    assert found(a) == {"https://shared-host.test/kanal-a/sitemap_news.xml": ("news_sitemap", "robots")}
    assert status(a, "https://shared-host.test/kanal-b/sitemap_news.xml") == "outside the outlet's path prefix"


def test_registry_hints_are_checked_like_anything_found(site: SiteServer) -> None:
    outlet = bare(
        "feed-links.test",
        unverified=True,
        discovery={"feeds": ["https://feed-links.test/rss/terkini.xml", "https://feed-links.test/rss/hilang.xml"]},
    )
    result = run(site.base_url, outlet)
    assert "https://feed-links.test/rss/terkini.xml" in found(result)
    assert status(result, "https://feed-links.test/rss/hilang.xml") == "http 404"


def test_page_size_cap_and_request_budget(site: SiteServer) -> None:
    outlet = bare("robots-index.test")
    capped = discover(outlet, http_fetcher(UA, 300, UrlMap.for_hosts(site.base_url, [outlet.domain])))
    assert status(capped, "https://robots-index.test/sitemap.xml") == "over the page-size cap of 300 bytes"
    few = run(site.base_url, outlet, Limits(max_requests=2))
    assert few.requests == 2 and few.endpoints == []


def test_sample_site_wordpress_outlet_from_its_bare_domain() -> None:
    with serve_site() as sample:
        result = run(sample.base_url, bare("sumselupdate.com"))
    kinds = found(result)
    assert kinds["https://sumselupdate.com/news-sitemap.xml"] == ("news_sitemap", "robots")
    assert kinds["https://sumselupdate.com/wp-sitemap.xml"] == ("sitemap", "robots")


# -- dead and hanging domains cost a bounded time -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_domain_is_given_up_after_one_request() -> None:
    outlet = bare("dead.test")
    started = time.monotonic()
    result = run(f"http://127.0.0.1:{_free_port()}", outlet)
    assert time.monotonic() - started < 1.0
    assert not result.reachable and result.requests == 1 and result.endpoints == []
    assert "refused" in result.error.lower()


def test_a_domain_that_never_answers_costs_one_timeout() -> None:
    with socket.socket() as hang:  # accepts connections (kernel backlog) and never answers
        hang.bind(("127.0.0.1", 0))
        hang.listen(8)
        started = time.monotonic()
        result = run(f"http://127.0.0.1:{hang.getsockname()[1]}", bare("hang.test"), Limits(timeout=0.5, budget=3))
        elapsed = time.monotonic() - started
    assert elapsed < 1.5 and not result.reachable and result.requests == 1


def test_an_unknown_host_name_fails_fast() -> None:
    started = time.monotonic()
    result = discover(bare("no-such-outlet.invalid"), http_fetcher(UA, 1000), Limits(timeout=2, budget=3))
    assert time.monotonic() - started < 3.5
    assert not result.reachable and "DNS" in result.error


def test_discovery_cli_shows_what_it_found(site: SiteServer, tmp_path: Path) -> None:
    import argparse
    import contextlib
    import io

    from pantau.cli.outlets import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["outlets", "discover", "robots-index.test", "--no-store", "--site-base", site.base_url])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = args.func(args, None)
    text = out.getvalue()
    assert code == 0
    assert "news_sitemap  https://robots-index.test/sitemap-news.xml" in text
    assert "sitemap-video.xml  (robots: http 404)" in text
