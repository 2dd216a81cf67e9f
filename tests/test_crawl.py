"""End-to-end crawls of the local sample site (tests/site) served on 127.0.0.1, with the real node as seen state."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pantau.config import Settings
from pantau.crawl.registry import Outlet, load_outlets
from pantau.crawl.runner import CrawlResult, run_crawl
from pantau.crawl.urlmap import UrlMap
from pantau.devtools.sitesrv import SITE_ROOT, SiteServer, serve_site
from pantau.records import ProcessedArticle
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.store.templates import setup
from pantau.text.dates import WIB
from tests.conftest import make_settings
from tests.test_parsers import token_f1

MANIFEST = json.loads((SITE_ROOT / "manifest.json").read_text(encoding="utf-8"))
SINCE = datetime(2024, 1, 1, tzinfo=WIB)


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with serve_site() as server:
        yield server


@pytest.fixture(scope="module")
def outlets() -> list[Outlet]:
    hosted = {p.name for p in (SITE_ROOT / "hosts").iterdir()}
    return [o for o in load_outlets() if o.domain in hosted]


def _expected_articles() -> dict[str, dict[str, Any]]:
    """Real URL -> expected fields, for the article pages a polite, complete crawl must deliver."""
    disallowed = MANIFEST["special"].get("robots_disallowed", [])
    out: dict[str, dict[str, Any]] = {}
    full_text: dict[str, str] = {}
    for page in MANIFEST["pages"]:
        if page["kind"] != "article" or page.get("special") == "empty_body":
            continue
        if any(f"/{page['domain']}{page['path']}".startswith(prefix) for prefix in disallowed):
            continue
        expected = json.loads((SITE_ROOT / page["expected"]).read_text(encoding="utf-8"))
        if page.get("query"):
            # A full-text variant (?page=all) is not an article of its own: it is how the whole article is read.
            full_text[f"https://{page['domain']}{page['path']}"] = expected["body"]
            continue
        out[expected["url"]] = expected
    for url, body in full_text.items():
        out[url] = {**out[url], "body": body}
    return out


def _crawl(settings: Settings, site: SiteServer, outlets: list[Outlet], out: Path, **kw: Any) -> CrawlResult:
    env = {
        "PANTAU_SEARCH_URL": settings.search_url,
        "PANTAU_SEARCH_INDEX_PREFIX": settings.search.index_prefix,
        "PANTAU_PATHS_VAR_DIR": str(settings.paths.var_dir),
    }
    import os

    return run_crawl(
        settings,
        outlets,
        SINCE,
        out,
        url_map=UrlMap.for_outlets(site.base_url, outlets),
        allow_private=True,
        env={**os.environ, **env},
        **kw,
    )


def _article_requests(site: SiteServer) -> list[str]:
    article_paths = {f"/{p['domain']}{p['path']}" for p in MANIFEST["pages"] if p["kind"] == "article"}
    return [path for path, _status in site.requests if path.split("?", 1)[0] in article_paths]


def test_end_to_end_crawl_delivers_every_article_and_records_every_skip(
    site: SiteServer, outlets: list[Outlet], store: Store, tmp_path: Path
) -> None:
    result = _crawl(store.settings, site, outlets, tmp_path, use_seen=False, pilkada_only=False)
    stats = result.stats
    got = {a.url: a for a in result.articles()}
    expected = _expected_articles()
    assert set(got) == set(expected), (set(expected) - set(got), set(got) - set(expected))
    for url, want in expected.items():
        article = got[url]
        assert article.title == want["title"], url
        assert token_f1(article.body, want["body"]) >= 0.95, url
        if want["published_at"]:
            assert article.published_at
            assert datetime.fromisoformat(article.published_at) == datetime.fromisoformat(want["published_at"])
        assert article.outlet_domain and article.outlet and article.crawled_at
    # The multi-page Kompas article arrives once, whole.
    multi = [a for a in got.values() if "kompas" in a.url and "page=" not in a.url]
    assert all("?page=" not in a.url for a in got.values())
    assert multi
    # Every bad page is a recorded skip with a reason, and none stopped the crawl.
    reasons = {s["url"]: s["reason"] for s in stats["skips"]}
    oversized = "https:/" + MANIFEST["special"]["oversized"][0]
    assert "larger than download max size" in reasons[oversized] or "maxsize" in reasons[oversized].lower()
    assert reasons["https:/" + MANIFEST["special"]["not_found"][0]] == "HTTP 404"
    empty = next(p for p in MANIFEST["pages"] if p.get("special") == "empty_body")
    assert reasons[f"https://{empty['domain']}{empty['path']}"].startswith("not an article")
    # The 500-then-200 article was retried and delivered.
    retried = "https:/" + MANIFEST["special"]["retry500"][0]
    assert retried in got
    # robots.txt was obeyed: the disallowed archive was never requested.
    for prefix in MANIFEST["special"]["robots_disallowed"]:
        assert not any(path.startswith(prefix) for path, _ in site.requests)
    assert all(not o["layout_drift"] for o in stats["outlets"].values())
    assert stats["articles"] == len(expected)
    assert all(s["reason"] for s in stats["skips"])


def test_second_crawl_fetches_at_most_five_percent_and_refetches_a_moved_lastmod(
    site: SiteServer, outlets: list[Outlet], store: Store, tmp_path: Path
) -> None:
    setup(store)
    first = _crawl(store.settings, site, outlets, tmp_path / "first", pilkada_only=False)
    raw = first.articles()
    assert raw
    index_documents(store, "articles", [ProcessedArticle.from_dict(a.to_dict()).to_index_doc() for a in raw])
    store.refresh("articles")

    site.clear_log()
    second = _crawl(store.settings, site, outlets, tmp_path / "second", pilkada_only=False)
    fetched = _article_requests(site)
    assert len(fetched) <= 0.05 * len(raw), fetched
    assert second.stats["seen_skipped"] >= len(raw) - len(fetched)
    assert second.stats["seen_state_error"] is None

    # An outlet corrects an article: its sitemap lastmod moves, and only that article is fetched again.
    page = next(
        p
        for p in MANIFEST["pages"]
        if p["domain"] == "sumselupdate.com" and p["kind"] == "article" and not p["path"].startswith("/2024/10/")
    )
    html = (SITE_ROOT / page["file"]).read_text(encoding="utf-8")
    site.publish(
        page["domain"],
        page["path"],
        html.replace("</p>", " (Diperbarui.)</p>", 1),
        sitemap_entry={
            "title": "Koreksi: " + page["path"].rsplit("/", 2)[-2].replace("-", " "),
            "published": "2024-11-24T10:00:00+07:00",
            "keywords": "Pilkada Sumsel",
            "lastmod": "2025-01-05T10:00:00+07:00",
        },
    )
    site.clear_log()
    third = _crawl(store.settings, site, outlets, tmp_path / "third", pilkada_only=False)
    # Pages that were skips the first time (not articles) are tried again; every indexed article is not,
    # except the one whose lastmod moved.
    never_indexed = {s["url"] for s in first.stats["skips"]}
    refetched = {p.split("?")[0] for p in _article_requests(site)}
    refetched = {p for p in refetched if "https:/" + p not in never_indexed}
    assert refetched == {f"/{page['domain']}{page['path']}"}
    assert [a.url for a in third.articles()] == [f"https://{page['domain']}{page['path']}"]


def test_pilkada_filter_keeps_off_topic_articles_unfetched(
    site: SiteServer, outlets: list[Outlet], store: Store, tmp_path: Path
) -> None:
    site.clear_log()
    result = _crawl(store.settings, site, outlets, tmp_path, use_seen=False, pilkada_only=True)
    assert result.stats["filtered_not_pilkada"] > 0
    fetched = {p.split("?")[0] for p in _article_requests(site)}
    sport = [
        p for p in MANIFEST["pages"] if p["kind"] == "article" and re.search(r"sriwijaya-fc|harga-cabai", p["path"])
    ]
    assert sport
    for page in sport:
        assert f"/{page['domain']}{page['path']}" not in fetched
    assert result.stats["articles"] >= 20


def test_private_addresses_are_refused_outside_tests(site: SiteServer, outlets: list[Outlet], tmp_path: Path) -> None:
    settings = make_settings(PANTAU_SEARCH_URL="http://127.0.0.1:9")
    import os

    result = run_crawl(
        settings,
        outlets[:2],
        SINCE,
        tmp_path,
        url_map=UrlMap.for_outlets(site.base_url, outlets[:2]),
        allow_private=False,
        use_seen=False,
        env=dict(os.environ),
    )
    assert result.stats["articles"] == 0
    assert result.stats["skips"]
    assert all("private or loopback" in s["reason"] for s in result.stats["skips"])
    assert site.requests == [] or all(not p.startswith(f"/{outlets[0].domain}") for p, _ in site.requests[-5:])


def test_parser_health_below_threshold_is_reported_as_layout_drift(
    site: SiteServer, outlets: list[Outlet], tmp_path: Path
) -> None:
    import os

    # Sumsel Update has one article in three without a date: a strict threshold must call that drift.
    settings = make_settings(PANTAU_CRAWL_DRIFT_THRESHOLD="0.2", PANTAU_CRAWL_DRIFT_MIN_ARTICLES="2")
    chosen = [o for o in outlets if o.domain in {"sumselupdate.com", "palembang.tribunnews.com"}]
    env = {**os.environ, "PANTAU_CRAWL_DRIFT_THRESHOLD": "0.2", "PANTAU_CRAWL_DRIFT_MIN_ARTICLES": "2"}
    result = run_crawl(
        settings,
        chosen,
        SINCE,
        tmp_path,
        url_map=UrlMap.for_outlets(site.base_url, chosen),
        allow_private=True,
        use_seen=False,
        pilkada_only=False,
        env=env,
    )
    sumsel_update = next(o for o in chosen if o.domain == "sumselupdate.com").name
    assert result.drifting == [sumsel_update]
    assert result.stats["outlets"][sumsel_update]["health"]["missing_date"] > 0.2


def test_spider_yields_validated_raw_articles_and_the_pipeline_writes_their_json(tmp_path: Path) -> None:
    from collections import Counter, defaultdict
    from types import SimpleNamespace

    from pantau.records import RawArticle
    from spiders.outlet_spider import OutletSpider
    from spiders.pipelines import JsonlPipeline

    spider = OutletSpider.__new__(OutletSpider)  # only what _item reads; no plan file, no store
    spider.report, spider.per_outlet, spider.lastmods = {"articles": 0, "skips": []}, defaultdict(Counter), {}
    spider.sites = {"sumateraekspres.id"}
    outlet = {"name": "Sumatera Ekspres", "domain": "sumateraekspres.id", "province": "Sumatera Selatan"}
    page = {"title": "KPU Muba", "published_at": "2024-11-15T10:00:00+07:00", "parser": "generic"}
    url = "https://sumateraekspres.id/read/2024/11/1/kpu-muba"
    [article] = spider._item(page, ["Isi berita."], url, outlet, {})
    assert isinstance(article, RawArticle) and article.url == url and article.outlet_province == "Sumatera Selatan"
    assert list(spider._item(page, ["Isi berita."], " ", outlet, {})) == []  # no URL: a skip, not a crash
    assert spider.report["skips"] == [
        {"url": " ", "outlet": "Sumatera Ekspres", "reason": "not a valid article: RawArticle: url is required"}
    ]
    assert spider.report["articles"] == 1 and spider.per_outlet["Sumatera Ekspres"]["articles"] == 1

    pipeline = JsonlPipeline(SimpleNamespace(spider=SimpleNamespace(plan=SimpleNamespace(out_dir=str(tmp_path)))))  # type: ignore[arg-type]
    pipeline.open_spider()
    assert pipeline.process_item(article) is article
    pipeline.close_spider()
    [line] = (tmp_path / "sumatera-ekspres.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line) == article.to_dict()
    assert RawArticle.from_dict(json.loads(line)) == article
