"""The local sample site and its server (pantau/devtools/sitesrv.py)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from pantau.devtools.sitesrv import SITE_ROOT, SiteServer, render_for_domain, resolve, serve_site

MANIFEST = json.loads((SITE_ROOT / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = [p for p in MANIFEST["pages"] if p["kind"] == "article"]


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture(scope="module")
def site() -> Iterator[SiteServer]:
    with serve_site() as server:
        yield server


def test_counts_expected_and_provenance() -> None:
    assert len(ARTICLES) >= 40
    assert len({p["domain"] for p in ARTICLES}) >= 6
    assert len({p["family"] for p in ARTICLES}) >= 6
    provenance = (SITE_ROOT / "PROVENANCE.md").read_text(encoding="utf-8")
    for page in ARTICLES:
        exp = json.loads((SITE_ROOT / page["expected"]).read_text(encoding="utf-8"))
        assert exp["url"].startswith(f"https://{page['domain']}/")
        assert exp["published_at"] is None or exp["published_at"][-6:] in ("+07:00", "+08:00", "+09:00")
        assert "Baca juga" not in exp["body"] and "BACA JUGA" not in exp["body"]
        assert page["domain"] in provenance
    labels = [json.loads((SITE_ROOT / p["expected"]).read_text(encoding="utf-8")) for p in ARTICLES]
    assert sum(bool(e["flags_expected"]) for e in labels) >= 4
    groups = [e["syndicated_group"] for e in labels if e["syndicated_group"]]
    assert max(groups.count(g) for g in groups) >= 4
    assert {e["is_pilkada"] for e in labels} == {True, False}


def test_sitemaps_and_feeds_are_well_formed_and_list_existing_pages() -> None:
    checked = 0
    for xml_file in (SITE_ROOT / "hosts").rglob("*"):
        if not xml_file.is_file() or not xml_file.read_bytes().lstrip().startswith(b"<?xml"):
            continue
        root = ET.fromstring(render_for_domain(xml_file.read_text(encoding="utf-8")))
        links = [e.text for e in root.iter() if e.tag.endswith("}loc") or (e.tag == "link" and e.text)]
        links += [e.get("href") for e in root.iter() if e.tag.endswith("}link") and e.get("rel") == "alternate"]
        for url in links:
            assert url and url.startswith("https://")
            domain, _, path = url.removeprefix("https://").partition("/")
            assert resolve(SITE_ROOT, domain, "/" + path) is not None, url
            checked += 1
    assert checked >= 60


def test_robots_placeholders_and_content_types(site: SiteServer) -> None:
    status, headers, body = get(site.url("sumsel.antaranews.com", "/robots.txt"))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {site.base_url}/sumsel.antaranews.com/sitemap-news.xml".encode() in body
    assert b"{{BASE" not in body
    status, headers, body = get(site.url("sumsel.antaranews.com", "/rss/terkini.xml"))
    assert headers["Content-Type"].startswith("application/rss+xml")
    status, headers, body = get(site.url("kabarborneobarat.id", "/feed/"))
    assert headers["Content-Type"].startswith("application/atom+xml")
    status, headers, _ = get(site.url("www.detik.com", "/sumbagsel/sitemap_news.xml"))
    assert headers["Content-Type"].startswith("application/xml")
    status, headers, body = get(site.url("palembang.tribunnews.com", "/index-news?page=2"))
    assert status == 200 and f"{site.base_url}/palembang.tribunnews.com/".encode() in body


def test_404_500_then_200_and_request_log(site: SiteServer) -> None:
    status, _, _ = get(site.base_url + MANIFEST["special"]["not_found"][0])
    assert status == 404
    path = MANIFEST["special"]["retry500"][0]
    assert get(site.base_url + path)[0] == 500
    status, _, body = get(site.base_url + path)
    assert status == 200 and b"detail__body-text" in body
    assert (path, 500) in site.requests and (path, 200) in site.requests


def test_oversized_page_is_generated(site: SiteServer) -> None:
    status, headers, body = get(site.base_url + MANIFEST["special"]["oversized"][0])
    assert status == 200 and len(body) > 10 * 1024 * 1024 == 10485760
    assert int(headers["Content-Length"]) == len(body)
    assert not any(p.stat().st_size > 1_000_000 for p in (SITE_ROOT / "hosts").rglob("*") if p.is_file())


def test_windows_1252_page_decodes_by_declared_charset(site: SiteServer) -> None:
    page = next(p for p in ARTICLES if p.get("special") == "cp1252")
    _status, headers, body = get(site.url(page["domain"], page["path"]))
    charset = headers["Content-Type"].split("charset=")[1]
    assert charset == "windows-1252"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode(charset)
    assert "Kafe René" in text and "“Pilkada Serentak 2024 resmi ditunda”" in text


def test_conditional_get_304(site: SiteServer) -> None:
    url = site.url("sumateraekspres.id", "/sitemap/news.xml")
    status, headers, _ = get(url)
    assert status == 200
    assert get(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(url, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200


def test_publish_at_runtime_joins_news_sitemap(site: SiteServer) -> None:
    url = site.publish(
        "sumsel.antaranews.com",
        "/berita/999999/berita-baru",
        "<html><body>baru</body></html>",
        {"title": "Berita baru", "published": "2024-11-27T10:00:00+07:00", "keywords": "pilkada"},
    )
    assert get(url)[0] == 200
    _, _, body = get(site.url("sumsel.antaranews.com", "/sitemap-news.xml"))
    assert url.encode() in body
    ET.fromstring(body)


def test_real_and_local_url_mapping(site: SiteServer, tmp_path: Path) -> None:
    real = "https://www.detik.com/sumbagsel/indeks?page=2"
    local = site.local_url(real)
    assert local == f"{site.base_url}/www.detik.com/sumbagsel/indeks?page=2"
    assert get(local)[0] == 200
    assert site.real_url(f"{site.base_url}/www.detik.com/sumbagsel") == "https://www.detik.com/sumbagsel"
    assert resolve(SITE_ROOT, "www.detik.com", "/../../etc/passwd") is None
