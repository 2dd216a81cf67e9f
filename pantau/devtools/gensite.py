"""A generated local news site of N outlets, for the scale test and `benchmarks/bench_crawl_scale.py`.

Every outlet is a site of its own (`berita0001.id`, ...) in a real province, with robots.txt, a sitemap, an RSS
feed, a listing page and `articles` Pilkada reports (generic parser: JSON-LD NewsArticle plus `<article>`
paragraphs). Pages are rendered from the path on request, with real URLs in them (the crawler maps them to this
server through `--site-base`), so 1,000 outlets cost no disk. The text is generated from sentence templates, a
region and numbers: no real article text. `down` holds domains that answer 503 on everything (a failing site).
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml

from pantau.process.gazetteer import load_gazetteer
from pantau.text.dates import WIB

FIRST_DAY = datetime(2024, 11, 20, 8, 0, tzinfo=WIB)

SENTENCES = (
    "KPU {region} menggelar rapat pleno terbuka rekapitulasi hasil penghitungan suara Pilkada 2024 di {place}.",
    "Sebanyak {n} tempat pemungutan suara (TPS) disiapkan untuk pemungutan suara Pilkada Serentak 2024.",
    "Bawaslu {region} menerima {m} laporan dugaan pelanggaran selama masa kampanye Pilkada.",
    "Pasangan calon nomor urut {k} memaparkan visi dan misi dalam debat publik yang digelar KPU {region}.",
    "Partisipasi pemilih di {region} ditargetkan mencapai {p} persen pada Pilkada tahun ini.",
    "Ketua KPU {region} meminta seluruh penyelenggara ad hoc menjaga netralitas hingga tahapan selesai.",
    "Distribusi logistik Pilkada ke {n} desa di {region} dijadwalkan rampung tiga hari sebelum pencoblosan.",
    "Tim pemenangan pasangan calon melaporkan dana kampanye sebesar Rp{m} juta kepada KPU {region}.",
    "Petugas KPPS di {place} mengikuti bimbingan teknis penghitungan suara dan pengisian formulir C.",
    "Aparat keamanan menyiagakan {m} personel untuk pengamanan tahapan Pilkada di wilayah {region}.",
    "Sejumlah warga {place} mengaku sudah menerima undangan memilih atau formulir C pemberitahuan.",
    "Panwaslu kecamatan di {region} mengawasi pelaksanaan kampanye tatap muka di {n} titik.",
    "Pemerintah daerah {region} mengimbau aparatur sipil negara tidak terlibat politik praktis menjelang Pilkada.",
    "Surat suara Pilkada {region} dicetak sebanyak {n} ribu lembar ditambah cadangan 2,5 persen.",
)


@dataclass(frozen=True)
class GenOutlet:
    number: int
    province: str
    region: str

    @property
    def domain(self) -> str:
        return f"berita{self.number:04d}.id"

    @property
    def name(self) -> str:
        return f"Berita {self.number:04d} {self.province}"

    def article_path(self, k: int) -> str:
        return f"/pilkada/2024/11/{self.number:04d}-{k}-pilkada-{self.region.lower().replace(' ', '-')}.html"

    def published(self, k: int) -> datetime:
        return FIRST_DAY + timedelta(hours=(self.number * 7 + k * 5) % 120, minutes=k * 3)


@dataclass
class GeneratedSite:
    outlets: list[GenOutlet]
    articles: int = 3
    down: set[str] = field(default_factory=set)
    hits: Counter[str] = field(default_factory=Counter)  # requests per domain
    base_url: str = ""

    def registry_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "name": o.name,
                "domain": o.domain,
                "province": o.province,
                "language": "id",
                "family": "generic",
                "home_url": f"https://{o.domain}/",
                "discovery": {
                    "sitemaps": [f"https://{o.domain}/sitemap.xml"],
                    "feeds": [f"https://{o.domain}/feed.xml"],
                    "listings": [{"url": f"https://{o.domain}/pilkada/"}],
                },
                "pilkada_paths": ["/pilkada/"],
            }
            for o in self.outlets
        ]

    def write_registry(self, path: Path) -> Path:
        path.write_text(yaml.safe_dump(self.registry_rows(), allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    @property
    def article_count(self) -> int:
        return len(self.outlets) * self.articles

    # -- pages -------------------------------------------------------------------------------------------------

    def page(self, domain: str, path: str) -> tuple[int, str, str]:
        """(status, content type, body) for a request path on an outlet's site."""
        outlet = self._by_domain.get(domain)
        if outlet is None:
            return 404, "text/plain", "no such site"
        if domain in self.down:
            return 503, "text/plain", "down for maintenance"
        root = f"https://{domain}"
        if path == "/robots.txt":
            return 200, "text/plain", f"User-agent: *\nAllow: /\nSitemap: {root}/sitemap.xml\n"
        if path == "/sitemap.xml":
            urls = "".join(
                f"<url><loc>{root}{outlet.article_path(k)}</loc><lastmod>{outlet.published(k).isoformat()}</lastmod></url>"
                for k in range(self.articles)
            )
            return (
                200,
                "application/xml",
                f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
            )
        if path == "/feed.xml":
            items = "".join(
                f"<item><title>{escape(self._title(outlet, k))}</title><link>{root}{outlet.article_path(k)}</link>"
                f"<pubDate>{outlet.published(k).strftime('%a, %d %b %Y %H:%M:%S +0700')}</pubDate></item>"
                for k in range(self.articles)
            )
            return (
                200,
                "application/rss+xml",
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(outlet.name)}</title>'
                f"{items}</channel></rss>",
            )
        if path in ("/pilkada/", "/"):
            links = "".join(
                f'<li><a href="{root}{outlet.article_path(k)}">{escape(self._title(outlet, k))}</a></li>'
                for k in range(self.articles)
            )
            return 200, "text/html; charset=utf-8", f"<html><body><h1>Pilkada</h1><ul>{links}</ul></body></html>"
        for k in range(self.articles):
            if path == outlet.article_path(k):
                return 200, "text/html; charset=utf-8", self._article(outlet, k)
        return 404, "text/plain", "not found"

    def _title(self, outlet: GenOutlet, k: int) -> str:
        return f"Pilkada {outlet.region}: KPU siapkan tahapan ke-{k + 1} ({outlet.number:04d})"

    def _article(self, outlet: GenOutlet, k: int) -> str:
        rng = random.Random(outlet.number * 101 + k)
        paragraphs = []
        for _ in range(12):
            picks = rng.sample(SENTENCES, 3)
            values = {
                "region": outlet.region,
                "place": f"Kecamatan {rng.choice(['Utara', 'Selatan', 'Timur', 'Barat', 'Tengah'])} {outlet.region}",
                "n": rng.randint(12, 2400),
                "m": rng.randint(3, 900),
                "k": rng.randint(1, 4),
                "p": rng.randint(60, 85),
            }
            paragraphs.append(" ".join(s.format(**values) for s in picks))
        title = self._title(outlet, k)
        published = outlet.published(k).isoformat()
        url = f"https://{outlet.domain}{outlet.article_path(k)}"
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return (
            f'<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<link rel="canonical" href="{url}">'
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
            f'"headline":"{escape(title)}","datePublished":"{published}","author":{{"@type":"Person","name":"Redaksi"}}}}'
            "</script></head>"
            f"<body><article><h1>{escape(title)}</h1><time datetime='{published}'>{published}</time>{body}</article>"
            "</body></html>"
        )

    @property
    def _by_domain(self) -> dict[str, GenOutlet]:
        cached: dict[str, GenOutlet] | None = getattr(self, "_domains", None)
        if cached is None:
            cached = {o.domain: o for o in self.outlets}
            self._domains = cached
        return cached


def generate(count: int, articles: int = 3) -> GeneratedSite:
    """`count` outlets spread over the 38 provinces, each named after one of its regencies or cities."""
    gazetteer = load_gazetteer()
    provinces = sorted((p for p in gazetteer.places if p.level == "province"), key=lambda p: p.code)
    outlets = []
    for number in range(1, count + 1):
        province = provinces[number % len(provinces)]
        children = gazetteer.children(province.code) or [province]
        region = children[number % len(children)].short_name
        outlets.append(GenOutlet(number, province.name, region))
    return GeneratedSite(outlets, articles)


@contextmanager
def serve_generated(site: GeneratedSite, port: int = 0) -> Iterator[GeneratedSite]:
    """Serve `site` on 127.0.0.1 (URL/<domain>/<path>) in a thread; `site.base_url` is set while it runs."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002, ARG002  # request logging is off
            return

        def do_GET(self) -> None:
            parts = self.path.split("?", 1)[0].lstrip("/").split("/", 1)
            domain, rest = parts[0], "/" + (parts[1] if len(parts) > 1 else "")
            site.hits[domain] += 1
            status, ctype, text = site.page(domain, rest)
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="gensite", daemon=True)
    thread.start()
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        site.base_url = ""
