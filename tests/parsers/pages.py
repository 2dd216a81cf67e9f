"""The stored pages of the parser registry test: one or more per family parser version, all synthetic.

A page is either a sample-site page (tests/site, rendered with its real URL) or a sample-site article (text from
tests/site/src/articles.yaml) rendered in an older or other layout that the sample site does not serve. The layout
templates below follow the selectors of each family module (their sources are named in the module docstrings);
the article texts are the synthetic texts of the sample site, never outlet text (tests/site/PROVENANCE.md).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SITE = HERE.parent / "site"
E = html.escape
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip


@dataclass(frozen=True)
class StoredPage:
    family: str
    version: str
    name: str
    url: str

    @property
    def html_path(self) -> Path:
        return HERE / self.family / self.version / f"{self.name}.html"

    @property
    def json_path(self) -> Path:
        return HERE / self.family / self.version / f"{self.name}.json"


def stored_pages() -> list[StoredPage]:
    """Every stored page, found on disk: <family>/<version>/<name>.html with its URL in a `<!-- url: ... -->` line."""
    out = []
    for path in sorted(HERE.glob("*/*/*.html")):
        head = path.read_bytes()[:400].decode("ascii", "replace")
        m = re.search(r"<!-- url: (\S+) -->", head)
        if not m:
            raise ValueError(f"{path}: the first line must be `<!-- url: https://... -->`")
        out.append(StoredPage(path.parent.parent.name, path.parent.name, path.stem, m.group(1)))
    return out


# --- building the pages (python -m tests.parsers.refresh --pages) -------------------------------------------------


def _articles() -> dict[str, dict[str, Any]]:
    rows = yaml.safe_load((SITE / "src" / "articles.yaml").read_text(encoding="utf-8"))
    return {r["key"]: r for r in rows if r.get("paras")}


def _date(a: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(a["published"])


def _indo(dt: datetime) -> str:
    return f"{HARI[dt.weekday()]}, {dt.day} {BULAN[dt.month]} {dt.year} {dt:%H:%M} WIB"


def _head(a: dict[str, Any], url: str, meta: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>{E(a["title"])}</title>\n'
        f'<link rel="canonical" href="{url}" />\n<meta name="keywords" content="{E(", ".join(a["tags"]))}" />\n'
        f"{meta}\n</head>\n"
    )


def _ps(a: dict[str, Any], lead: str, insert: str) -> str:
    """Paragraphs with a lead before the first and one "Baca juga" insert after the first."""
    paras = [f"<p>{lead}{E(a['paras'][0])}</p>", insert, *(f"<p>{E(t)}</p>" for t in a["paras"][1:])]
    return "\n".join(paras)


def antara_v1(a: dict[str, Any], url: str) -> str:
    """The Magz layout used until 2023: `div.post-content` with `<br>` text, `span.article-date`, `.tags-wrapper`."""
    text = "<br /><br />".join(
        (f"{E(a['dateline'].title())} (ANTARA) - " if i == 0 else "") + E(t) for i, t in enumerate(a["paras"])
    )
    return _head(a, url) + (
        f'<body><article><header class="post-header"><h1 class="post-title">{E(a["title"])}</h1>\n'
        f'<span class="article-date">{_indo(_date(a))}</span></header>\n<div class="post-content">\n{text}\n'
        '<br /><br /><span class="baca-juga">Baca juga: <a href="/berita/1/lain">Berita lain</a></span>\n'
        f'<p class="text-muted">Pewarta: {E(a["author"])}<br />Editor: {E(a.get("editor", ""))}<br />'
        "COPYRIGHT © ANTARA 2019</p></div>\n"
        f'<div class="tags-wrapper">{"".join(f"<a>{E(t)}</a>" for t in a["tags"])}</div></article></body></html>\n'
    )


def tribun_v1(a: dict[str, Any], url: str) -> str:
    """Before 2023: body in `div.side-article.txt-article` without `multi-fontsize`, meta `content_*`."""
    dt = _date(a)
    meta = (
        f'<meta name="content_PublishedDate" content="{dt:%Y-%m-%d %H:%M:%S}" />\n'
        f'<meta name="content_author" content="{E(a["author"])}" />\n'
        f'<meta name="content_category" content="{E(a["section"])}" />\n'
        f'<meta name="content_tag" content="{E(",".join(a["tags"]))}" />'
    )
    body = _ps(
        a,
        f"<strong>SRIPOKU.COM, {E(a['dateline'].upper())}</strong> - ",
        '<p class="baca"><strong>Baca juga: </strong><a href="/2020/01/01/lain">Berita lain</a></p>',
    )
    return _head(a, url, meta) + (
        f'<body><div id="article"><h1 id="arttitle">{E(a["title"])}</h1>\n'
        f'<div class="grey bdr3 pb10 pt10"><time><span>{_indo(dt)}</span></time></div>\n'
        f'<div class="side-article txt-article">\n{body}\n'
        '<div class="ads__horizontal">ADVERTISEMENT</div></div></div></body></html>\n'
    )


def kompas_v1(a: dict[str, Any], url: str) -> str:
    """Before the 2023 redesign: `div.read__content` without a `div.read__time`; the date only in the meta."""
    dt = _date(a)
    meta = (
        f'<meta name="content_PublishedDate" content="{dt:%Y-%m-%d %H:%M:%S}" />\n'
        f'<meta name="content_author" content="{E(a["author"])}" />\n'
        f'<meta name="content_tag" content="{E(",".join(a["tags"]))}" />'
    )
    body = _ps(
        a,
        f"<strong>{E(a['dateline'].upper())}, KOMPAS.com</strong> - ",
        '<p><strong>Baca juga: </strong><a class="inner-link-baca-juga" href="/read/1">Berita lain</a></p>',
    )
    return _head(a, url, meta) + (
        f'<body><h1 class="read__title">{E(a["title"])}</h1>\n<div class="read__content">\n{body}\n'
        '<div class="ads-on-body">ADVERTISEMENT</div></div>\n'
        f'<div class="read__credit">Penulis: {E(a["author"])}</div></body></html>\n'
    )


def jawapos_v1(a: dict[str, Any], url: str) -> str:
    """Before the 2023 relaunch: `h1.single-title`, `div.content`, the date in `.time`."""
    meta = f'<meta name="author" content="{E(a["author"])}" />'
    body = _ps(a, "<strong>JawaPos.com</strong> - ", '<p class="baca-juga">Baca Juga: <a>Berita lain</a></p>')
    return _head(a, url, meta) + (
        f'<body><h1 class="single-title">{E(a["title"])}</h1>\n<div class="time">{_indo(_date(a))}</div>\n'
        f'<div class="content">\n{body}\n<div class="tags">Tags: Pilkada</div></div></body></html>\n'
    )


def jawapos_v2(a: dict[str, Any], url: str) -> str:
    """Since the 2023 relaunch: `h1.read__title`, `div.read__content`, `.read__info__date`."""
    meta = f'<meta name="author" content="{E(a["author"])}" />'
    body = _ps(a, "<strong>JawaPos.com</strong> - ", '<p class="baca-juga">Baca Juga: <a>Berita lain</a></p>')
    return _head(a, url, meta) + (
        f'<body><h1 class="read__title">{E(a["title"])}</h1>\n'
        f'<div class="read__info__date">{_indo(_date(a))}</div>\n<div class="read__content">\n{body}\n</div>'
        "</body></html>\n"
    )


def okezone_v1(a: dict[str, Any], url: str) -> str:
    """`.title h1`, reporter line `.namerep` with the date in `b`, body `div#contentx`, `.baca-juga` boxes."""
    dt = _date(a)
    body = _ps(
        a,
        f"<strong>{E(a['dateline'].upper())}</strong> - ",
        '<div class="baca-juga">Baca Juga: <a>Berita lain</a></div>',
    )
    return _head(a, url, f'<meta name="author" content="{E(a["author"])}" />') + (
        f'<body><div class="title"><h1>{E(a["title"])}</h1></div>\n'
        f'<div class="namerep">{E(a["author"])}, Jurnalis · <b>{HARI[dt.weekday()]} {dt.day} {BULAN[dt.month]} '
        f"{dt.year} {dt:%H:%M} WIB</b></div>\n"
        f'<div id="contentx" class="read">\n{body}\n<div class="box-gnews">Google News</div></div></body></html>\n'
    )


def inews_v1(a: dict[str, Any], url: str) -> str:
    """`h1.title-news`, the date line in `.author-date`, body `div.article-content`, "Baca Juga" paragraphs."""
    dt = _date(a)
    body = _ps(
        a,
        f"<strong>{E(a['dateline'].upper())}, iNews.id</strong> - ",
        '<div class="baca-juga"><strong>Baca Juga:</strong> <a>Berita lain</a></div>',
    )
    return _head(a, url, f'<meta name="author" content="{E(a["author"])}" />') + (
        f'<body><h1 class="title-news">{E(a["title"])}</h1>\n'
        f'<div class="author-date">{HARI[dt.weekday()]}, {dt.day} {BULAN[dt.month]} {dt.year} - '
        f"{dt:%H:%M:%S} WIB</div>\n"
        f'<div class="article-content">\n{body}\n</div></body></html>\n'
    )


def liputan6_v1(a: dict[str, Any], url: str) -> str:
    """`h1.read-page--header--title`, `time[datetime]`, one `article-content-body__item-content` per chunk."""
    paras = [E(t) for t in a["paras"]]
    half = max(1, len(paras) // 2)
    first = "".join(f"<p>{t}</p>" for t in paras[1:half])
    second = "".join(f"<p>{t}</p>" for t in paras[half:])
    return _head(a, url) + (
        f'<body><h1 class="read-page--header--title entry-title">{E(a["title"])}</h1>\n'
        f'<span class="read-page--header--author__name fn">{E(a["author"])}</span>\n'
        f'<time class="read-page--header--author__datetime updated" datetime="{a["published"]}">'
        f"{_indo(_date(a))}</time>\n"
        '<div class="article-content-body__item-content">'
        f"<p><strong>Liputan6.com, {E(a['dateline'].title())}</strong> - {paras[0]}</p>{first}"
        '<div class="baca-juga-collections">Baca Juga <a>Berita lain</a></div></div>\n'
        f'<div class="article-content-body__item-content">{second}</div></body></html>\n'
    )


def kumparan_v1(a: dict[str, Any], url: str) -> str:
    """`h1[data-qa-id=story-title]`, `story-paragraph` spans, author `author-name`, date in the meta."""
    paras = "".join(f"<span data-qa-id='story-paragraph'>{E(t)}</span>" for t in a["paras"])
    meta = f'<meta property="article:published_time" content="{a["published"]}" />'
    return _head(a, url, meta) + (
        f"<body><h1 data-qa-id='story-title'>{E(a['title'])}</h1>\n"
        f"<span data-qa-id='author-name'>{E(a['author'])}</span>\n"
        f"<div data-qa-id='story-content'>{paras}\n"
        f"<div data-qa-id='story-tags'>{''.join(f'<a>{E(t)}</a>' for t in a['tags'])}</div></div></body></html>\n"
    )


Layout = Callable[[dict[str, Any], str], str]

# (family, version, stored name, sample-site article key): the sample-site page of that article, as served.
SITE_PAGES: list[tuple[str, str, str, str]] = [
    ("antara", "V2", "kpu-sumsel-logistik", "ant-logistik-sumsel"),
    ("detik", "V1", "kpu-palembang-rekapitulasi", "dtk-rekap-palembang"),
    ("disway", "V1", "logistik-17-kabupaten", "sx-logistik-sumsel"),
    ("kompas", "V1_1", "mk-sengketa", "kmp-sengketa-mk"),
    ("mediaindonesia", "V1", "partisipasi-pemilih", "mi-partisipasi"),
    ("suara", "V1", "hoaks-kpu", "sua-hoaks-kpu"),
    ("tribun", "V1_1", "ott-muba", "trib-ott-muba"),
    ("wordpress", "V1", "politik-uang", "wp-politik-uang"),
    ("wordpress", "V1", "broken-html-wita", "wc-broken"),
]

# (family, version, stored name, layout template, sample-site article key, URL the page is parsed with)
LAYOUT_PAGES: list[tuple[str, str, str, Layout, str, str]] = [
    ("antara", "V1", "dpt-sumsel", antara_v1, "ant-dpt-sumsel", "https://sumsel.antaranews.com/berita/797654/kpu-sumsel-tetapkan-dpt"),
    ("tribun", "V1", "debat-ketiga", tribun_v1, "trib-debat-ketiga", "https://palembang.tribunnews.com/2024/11/16/debat-ketiga-pilgub-sumsel"),
    ("kompas", "V1", "banjir-sintang", kompas_v1, "kmp-banjir-sintang", "https://regional.kompas.com/read/2024/11/04/10100041/banjir-sintang"),
    ("jawapos", "V1", "bimtek-kpps", jawapos_v1, "sx-hasyim-bimtek", "https://radarpalembang.jawapos.com/politik/2024/11/21/bimtek-kpps"),
    ("jawapos", "V2", "kampanye-akbar", jawapos_v2, "sx-kampanye-akbar", "https://radarpalembang.jawapos.com/politik/2024/11/23/kampanye"),
    ("okezone", "V1", "dpt-bengkulu", okezone_v1, "dtk-dpt-bengkulu", "https://news.okezone.com/read/2024/09/21/337/3070001/dpt-bengkulu"),
    ("inews", "V1", "bawaslu-asn", inews_v1, "ant-bawaslu-asn", "https://sumsel.inews.id/berita/bawaslu-sumsel-netralitas-asn"),
    ("liputan6", "V1", "psu-ogan-ilir", liputan6_v1, "dtk-psu-ogan-ilir", "https://www.liputan6.com/regional/read/5800123/psu-ogan-ilir"),
    ("kumparan", "V1", "debat-jabar", kumparan_v1, "kmp-debat-jabar", "https://kumparan.com/kumparannews/debat-pilgub-jabar-23xyz"),
]  # fmt: skip


def build_pages() -> list[Path]:
    """Write every stored page (overwriting); returns the files written."""
    manifest = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
    by_path = {p["path"]: p for p in manifest["pages"] if p["kind"] == "article" and not p["query"]}
    rows = yaml.safe_load((SITE / "src" / "articles.yaml").read_text(encoding="utf-8"))
    path_of = {r["key"]: r["path"] for r in rows}
    written: list[Path] = []

    def put(page: StoredPage, text: bytes) -> None:
        page.html_path.parent.mkdir(parents=True, exist_ok=True)
        page.html_path.write_bytes(f"<!-- url: {page.url} -->\n".encode() + text)
        written.append(page.html_path)

    for family, version, name, key in SITE_PAGES:
        path = path_of[key]
        entry = by_path[path]
        raw = (SITE / entry["file"]).read_bytes()
        raw = re.sub(rb"\{\{BASE:([A-Za-z0-9.-]+)\}\}", lambda m: b"https://" + m.group(1), raw)
        put(StoredPage(family, version, name, f"https://{entry['domain']}{path}"), raw)
    articles = _articles()
    for family, version, name, layout, key, url in LAYOUT_PAGES:
        put(StoredPage(family, version, name, url), layout(articles[key], url).encode("utf-8"))
    return written
