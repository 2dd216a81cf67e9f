# ruff: noqa: E501  (HTML templates mirror real outlet markup line by line)
"""Build the sample site (tests/site/hosts, expected/, manifest.json) from src/articles.yaml.

Run: .venv/bin/python tests/site/build_site.py   (the output is committed; re-run after editing the texts)
Templates follow each family's real article markup (see PROVENANCE.md); the texts are synthetic.
"""

from __future__ import annotations

import html
import json
import shutil
import zlib
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import yaml

SITE = Path(__file__).resolve().parent
HOSTS = SITE / "hosts"
EXPECTED = SITE / "expected"
E = html.escape
B = "{{BASE:%s}}"

OUTLETS: dict[str, dict[str, Any]] = {
    "palembang.tribunnews.com": {
        "family": "tribun",
        "name": "Sripoku.com",
        "news": "/sitemap_news.xml",
        "feed": "/rss",
        "listing": ("/index-news", "query"),
        "tag": "/tag/pilkada-sumsel-2024",
    },
    "www.detik.com": {
        "family": "detik",
        "name": "detikSumbagsel",
        "news": "/sumbagsel/sitemap_news.xml",
        "feed": "/sumbagsel/rss",
        "listing": ("/sumbagsel/indeks", "query"),
        "tag": "/tag/pilkada-sumsel-2024",
    },
    "regional.kompas.com": {
        "family": "kompas",
        "name": "Kompas.com",
        "news": "/news/sitemap.xml",
        "feed": None,
        "listing": None,
        "tag": "/tag/pilkada-2024",
    },
    "sumsel.antaranews.com": {
        "family": "antara",
        "name": "ANTARA News Sumatera Selatan",
        "news": "/sitemap-news.xml",
        "feed": "/rss/terkini.xml",
        "listing": ("/terkini", "path"),
        "tag": "/tag/pilkada-sumsel",
    },
    "www.antaranews.com": {
        "family": "antara",
        "name": "ANTARA News",
        "news": "/sitemap-news.xml",
        "feed": "/rss/terkini.xml",
        "listing": None,
        "tag": "/tag/pilkada-serentak-2024",
        "extra_feeds": ["/rss/politik.xml"],
    },
    "sumateraekspres.id": {
        "family": "disway",
        "name": "Sumatera Ekspres",
        "news": "/sitemap/news.xml",
        "feed": "/rss",
        "listing": ("/indeks", "path"),
        "tag": "/tag/pilkada-sumsel",
    },
    "sumsel.suara.com": {
        "family": "suara",
        "name": "Suara Sumsel",
        "news": "/sitemap-news.xml",
        "feed": "/rss",
        "listing": ("/indeks", "query"),
        "tag": "/tag/pilkada-sumsel-2024",
    },
    "sumselupdate.com": {
        "family": "wordpress",
        "name": "Sumsel Update",
        "news": "/news-sitemap.xml",
        "feed": "/feed/",
        "listing": ("/category/politik/", "wp"),
        "tag": "/tag/pilkada-2024/",
        "wp_sitemap": True,
    },
    "kabarborneobarat.id": {
        "family": "wordpress",
        "name": "Kabar Borneo Barat",
        "news": None,
        "feed": "/feed/",
        "atom": True,
        "listing": None,
        "tag": "/tag/pilkada-kalbar/",
        "wp_sitemap": True,
    },
    "wartacelebes.id": {
        "family": "wordpress",
        "name": "Warta Celebes",
        "news": None,
        "feed": "/feed/",
        "listing": None,
        "tag": "/tag/pilkada-sulsel/",
        "wp_sitemap": True,
    },
    "mediaindonesia.com": {
        "family": "mediaindonesia",
        "name": "Media Indonesia",
        "news": "/sitemap-news.xml",
        "feed": "/feed",
        "listing": None,
        "tag": "/tag/pilkada-2024",
    },
}
KOMPAS_INDEX = ("indeks.kompas.com", "/", "site=regional")
NOT_FOUND = ("palembang.tribunnews.com", "/2024/11/02/berita-ini-sudah-dihapus")
ROBOTS_DISALLOW = ("sumselupdate.com", "/2024/10/")
OVERSIZED = ("sumsel.suara.com", "/read/2024/11/26/235959/arsip-lengkap-hasil-tps-se-sumsel")
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = [
    "",
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def file_for(path: str, query: str = "") -> str:
    """Relative file for a URL path (+query), the rule tests/sitesrv.py resolves with."""
    rel = path.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index"
    if query:
        rel += "@" + query
    return rel + ("" if rel.endswith((".xml", ".txt", "rss")) else ".html")


def slug_for(path: str, query: str = "") -> str:
    s = path.strip("/").replace("/", "__") or "index"
    return s + ("@" + query if query else "")


def indo_date(dt: datetime, clock: bool = True) -> str:
    s = f"{HARI[dt.weekday()]}, {dt.day} {BULAN[dt.month]} {dt.year}"
    return s + (f" {dt:%H:%M} WIB" if clock else "")


def jsonld(a: dict[str, Any], url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": a["title"],
        "datePublished": a["published"],
        "dateModified": a["published"],
        "author": {"@type": "Person", "name": a["author"]},
        "publisher": {"@type": "Organization", "name": OUTLETS[a["domain"]]["name"]},
        "keywords": ", ".join(a["tags"]),
    }
    if not a["published"]:
        del data["datePublished"], data["dateModified"]
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>"


def head(a: dict[str, Any], url: str, extra: str = "", charset: str = "UTF-8", ld: bool = True) -> str:
    desc = E(a["body"][0][:150]) if a["body"] else ""
    pub = f'<meta property="article:published_time" content="{a["published"]}" />' if a["published"] else ""
    tags = "".join(f'<meta property="article:tag" content="{E(t)}" />' for t in a["tags"])
    return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="{charset}">
<title>{E(a["title"])} - {E(OUTLETS[a["domain"]]["name"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{desc}" />
<meta name="keywords" content="{E(", ".join(a["tags"]))}" />
<meta name="news_keywords" content="{E(", ".join(a["tags"]))}" />
<meta name="robots" content="index,follow" />
<meta property="og:type" content="article" />
<meta property="og:site_name" content="{E(OUTLETS[a["domain"]]["name"])}" />
<meta property="og:title" content="{E(a["title"])}" />
<meta property="og:description" content="{desc}" />
<meta property="og:url" content="{url}" />
<meta property="og:image" content="https://img.example-cdn.id/{a["key"]}.jpg" />
{pub}
<meta property="article:section" content="{E(a["section"])}" />
{tags}
<link rel="canonical" href="{url}" />
{extra}
{jsonld(a, url) if ld else ""}
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
</head>
"""


def related(a: dict[str, Any], by_key: dict[str, dict[str, Any]], fmt: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for ins in a.get("inserts", []):
        r = by_key[ins["ref"]]
        out[ins["after"]] = fmt.format(url=B % r["domain"] + r["path"], title=E(r["title"]))
    return out


def paragraphs(a: dict[str, Any], prefix: str, inserts: dict[int, str], wrap: str = "<p>{}</p>") -> str:
    parts = []
    for i, text in enumerate(a["body"]):
        parts.append(wrap.format((prefix if i == 0 else "") + E(text)))
        if i + 1 in inserts:
            parts.append(inserts[i + 1])
    return "\n".join(parts)


def tribun(a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str) -> str:
    dt = datetime.fromisoformat(a["published"])
    ins = related(a, by_key, '<p class="baca"><strong>Baca juga: <a href="{url}">{title}</a></strong></p>')
    body = paragraphs(a, f"<strong>SRIPOKU.COM, {E(a['dateline'].upper())}</strong> - ", ins)
    return (
        head(a, url, '<meta name="author" content="{}" />'.format(E(a["author"])))
        + f"""<body>
<div id="header" class="bgwhite"><a href="{B % a["domain"]}/" title="Sripoku.com">Sripoku.com</a></div>
<div class="main"><div id="article" class="fl w677">
<ul class="breadcrumb"><li><a href="{B % a["domain"]}/">Home</a></li><li><a href="{B % a["domain"]}/{E(a["section"].lower())}">{E(a["section"])}</a></li></ul>
<h1 id="arttitle" class="f50 black2 f400 crimson">{E(a["title"])}</h1>
<div class="credit mt10"><div class="mb5"><span class="fbo2"><a href="{B % a["domain"]}/penulis/x" title="{E(a["author"])}">Penulis: {E(a["author"])}</a></span></div>
<div class="mb5"><span>Editor: {E(a.get("editor", ""))}</span></div></div>
<div class="grey bdr3 pb10 pt10"><time><span>{indo_date(dt)}</span></time></div>
<div class="ovh imgfull_div"><img class="imgfull" src="https://cdn-2.tstatic.net/palembang/foto/bank/images/{a["key"]}.jpg" alt="{E(a["title"])}"><div class="pos_abs btm0 w100 bgh txt-white pa10 fs12">Ilustrasi - foto dokumentasi Sripoku.com</div></div>
<div class="side-article txt-article multi-fontsize editcontent">
{body}
<p>(Sripoku.com/{E(a["author"].split()[0])})</p>
<div id="div-Inside-MediumRectangle" class="ads-placeholder"><script>googletag.cmd.push(function(){{googletag.display('div-Inside-MediumRectangle');}});</script></div>
<p class="txt-oev-2"><strong>Ikuti kami di Google News, WhatsApp Channel dan Instagram Sripoku.com</strong></p>
</div>
<div class="tagcloud3 mt20"><h3>Tags:</h3>{"".join(f'<a href="{B % a["domain"]}/tag/{E(t.lower().replace(" ", "-"))}" class="rd2">{E(t)}</a>' for t in a["tags"])}</div>
<div class="share-box"><a class="fb">Facebook</a><a class="wa">WhatsApp</a></div>
<div id="related" class="mt20"><h3>Berita Terkait</h3><ul><li class="art-list"><h3><a href="{B % a["domain"]}/">Berita lainnya</a></h3></li></ul></div>
</div></div></body></html>
"""
    )


def detik(a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str) -> str:
    dt = datetime.fromisoformat(a["published"])
    ins = related(
        a,
        by_key,
        '<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga: </strong><a href="{url}">{title}</a></div></td></tr></table>',
    )
    body = paragraphs(a, f"<strong>{E(a['dateline'])}</strong> - ", ins)
    metas = (
        f'<meta name="dtk:author" content="{E(a["author"])}" />\n<meta name="dtk:publishdate" content="{dt:%Y/%m/%d %H:%M:%S}" />\n'
        f'<meta name="publishdate" content="{dt:%Y/%m/%d %H:%M:%S}" />\n<meta name="author" content="{E(a["author"])}" />\n'
        f'<meta name="dtk:kanal" content="detikSumbagsel" />\n<meta name="dtk:keywords" content="{E(",".join(a["tags"]))}" />\n'
        f'<meta name="dtk:articleid" content="{a["path"].split("/d-")[1].split("/")[0]}" />'
    )
    return (
        head(a, url, metas)
        + f"""<body>
<header class="header"><a href="{B % a["domain"]}/sumbagsel">detikSumbagsel</a></header>
<div class="container"><article class="detail">
<div class="detail__header">
<div class="page__breadcrumb"><a href="{B % a["domain"]}/sumbagsel">detikSumbagsel</a><a href="{B % a["domain"]}/sumbagsel/{E(a["section"].lower())}">{E(a["section"])}</a></div>
<h1 class="detail__title">{E(a["title"])}</h1>
<div class="detail__author">{E(a["author"])} - detikSumbagsel</div>
<div class="detail__date">{indo_date(dt)}</div>
</div>
<div class="detail__media"><figure class="detail__media-image"><img src="https://akcdn.detik.net.id/community/media/visual/2024/{a["key"]}.jpg" alt="{E(a["title"])}" title="{E(a["title"])}"><figcaption class="detail__media-caption">Ilustrasi (Foto: dok. detikSumbagsel)</figcaption></figure></div>
<div class="detail__body itp_bodycontent_wrapper"><div class="detail__body-text itp_bodycontent">
{body}
<div class="parallaxindetail scrollpage"><div id="div-gpt-ad-parallax"></div></div>
<strong>(dai/dai)</strong>
</div>
<div class="detail__body-tag mgt-16"><div class="nav">{"".join(f'<a href="{B % a["domain"]}/tag/{E(t.replace(" ", "-"))}" class="nav__item">{E(t)}</a>' for t in a["tags"])}</div></div>
</div>
<div class="detail__body-share"><span>Bagikan</span></div>
</article>
<div class="list-content"><h2>Berita Terkait</h2><article class="list-content__item"><h3 class="media__title"><a class="media__link" href="{B % a["domain"]}/sumbagsel">Berita detikSumbagsel lainnya</a></h3></article></div>
</div></body></html>
"""
    )


def kompas(
    a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str, page: str | None = None, total: int = 1
) -> str:
    dt = datetime.fromisoformat(a["published"])
    ins = related(
        a, by_key, '<p><strong>Baca juga: <a href="{url}" class="inner-link-baca-juga">{title}</a></strong></p>'
    )
    prefix = f"<strong>{E(a['dateline'].upper())}, KOMPAS.com</strong> - " if page in (None, "1", "all") else ""
    body = paragraphs(a, prefix, ins)
    paging = ""
    if total > 1:
        base = B % a["domain"] + a["path"]
        items = "".join(f'<a class="paging__link" href="{base}?page={n}">{n}</a>' for n in range(1, total + 1))
        paging = (
            f'<div class="paging paging--article"><div class="paging__wrap">{items}'
            f'<a class="paging__link paging__link--next" href="{base}?page=2">Next</a>'
            f'<a class="paging__link paging__link--show" href="{base}?page=all">Tampilkan Semua</a></div></div>'
        )
    return (
        head(
            a,
            url,
            f'<meta name="content_PublishedDate" content="{dt:%Y-%m-%d %H:%M:%S}" />\n<meta name="content_author" content="{E(a["author"])}" />\n<meta name="content_editor" content="{E(a.get("editor", ""))}" />',
        )
        + f"""<body>
<div class="wrap"><div class="container clearfix">
<div class="breadcrumb"><ul class="breadcrumb__wrap"><li class="breadcrumb__item"><a class="breadcrumb__link" href="{B % a["domain"]}/">Regional</a></li></ul></div>
<div class="read__header"><h1 class="read__title">{E(a["title"])}</h1>
<div class="read__info"><div class="read__time">Kompas.com - {dt:%d/%m/%Y, %H:%M} WIB</div></div></div>
<div class="photo"><div class="photo__wrap"><img src="https://asset.kompas.com/crops/{a["key"]}.jpg" alt="{E(a["title"])}"></div><div class="photo__caption">Ilustrasi. KOMPAS.com/{E(a["author"])}</div></div>
<div class="col-bs10-7"><div class="read__article mt2 clearfix js-tower-sticky-parent">
<div class="read__content"><div class="clearfix">
{body}
<div class="ads-on-body"><div id="div-gpt-ad-inarticle"></div></div>
</div></div>
{paging}
<div id="penulis" class="read__credit clearfix"><div class="read__credit__item" id="penulis">Penulis: <a href="{B % a["domain"]}/">{E(a["author"])}</a></div><div class="read__credit__item" id="editor">Editor: <a href="{B % a["domain"]}/">{E(a.get("editor", ""))}</a></div></div>
<div class="tag"><ul class="tag__article__wrap">{"".join(f'<li class="tag__article__item"><a class="tag__article__link" href="{B % a["domain"]}/tag/{E(t.lower().replace(" ", "-"))}">{E(t)}</a></li>' for t in a["tags"])}</ul></div>
<div class="social--share"><span>Bagikan artikel ini melalui</span></div>
</div></div></div></div></body></html>
"""
    )


def antara(a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str) -> str:
    dt = datetime.fromisoformat(a["published"])
    ins = related(a, by_key, '<p><span class="baca-juga"><b>Baca juga: </b><a href="{url}">{title}</a></span></p>')
    prefix = f"{E(a['dateline'])} (ANTARA) - "
    body = "<br /><br />".join(
        (prefix if i == 0 else "") + E(t) + (("<br /><br />" + ins[i + 1]) if i + 1 in ins else "")
        for i, t in enumerate(a["body"])
    )
    return (
        head(a, url)
        + f"""<body>
<div class="wrap__article-detail"><div class="container"><div class="row"><div class="col-md-8">
<ul class="breadcrumbs"><li><a href="{B % a["domain"]}/">Beranda</a></li><li><a href="{B % a["domain"]}/{E(a["section"].lower())}">{E(a["section"])}</a></li></ul>
<div class="wrap__article-detail-title"><h1 class="post-title">{E(a["title"])}</h1></div>
<div class="wrap__article-detail-info"><ul class="list-inline"><li class="list-inline-item"><span class="text-secondary font-weight-normal"><i class="fa fa-clock-o"></i> {indo_date(dt)}</span></li></ul></div>
<div class="wrap__article-detail-image"><figure><picture><img src="https://img.antaranews.com/cache/800x533/{a["key"]}.jpg" alt="{E(a["title"])}"></picture><figcaption class="wp-caption-text">Ilustrasi. ANTARA/{E(a["author"])}</figcaption></figure></div>
<div class="wrap__article-detail-content post-content">
{body}<br /><br />
<p class="text-muted mt-2 small">Pewarta: {E(a["author"])}<br />Editor: {E(a.get("editor", ""))}<br />Copyright © ANTARA 2024</p>
<div class="adsbygoogle-wrap"><ins class="adsbygoogle"></ins></div>
</div>
<div class="blog-tags"><ul class="list-inline blog-tags">{"".join(f'<li class="list-inline-item"><a href="{B % a["domain"]}/tag/{E(t.lower().replace(" ", "-"))}">#{E(t)}</a></li>' for t in a["tags"])}</ul></div>
<div class="wrap__article-detail-share"><span>Bagikan</span></div>
</div></div></div></div></body></html>
"""
    )


def disway(a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str) -> str:
    dt = datetime.fromisoformat(a["published"])
    ins = related(a, by_key, '<p><strong>BACA JUGA:<a class="bacajuga" href="{url}">{title}</a></strong></p>')
    body = paragraphs(a, f"<strong>{E(a['dateline'].upper())}, SUMATERAEKSPRES.ID</strong> – ", ins)
    return (
        head(
            a,
            url,
            f'<meta name="author" content="{E(a["author"])}" />\n<meta name="content_PublishedDate" content="{dt:%Y-%m-%d %H:%M:%S}" />',
        )
        + f"""<body>
<div class="container"><div class="row"><div class="col-md-8">
<div class="breadcrumb"><a href="{B % a["domain"]}/">Home</a> / <a href="{B % a["domain"]}/kategori/{E(a["section"].lower())}">{E(a["section"])}</a></div>
<h1 class="text-black">{E(a["title"])}</h1>
<div class="date-publish"><span>Reporter: <a href="{B % a["domain"]}/reporter/x">{E(a["author"])}</a></span> | <span>Editor: <a href="{B % a["domain"]}/editor/x">{E(a.get("editor", ""))}</a></span> | <span class="date">{indo_date(dt)}</span></div>
<div class="media-img"><img src="https://sumateraekspres.id/upload/{a["key"]}.jpg" alt="{E(a["title"])}"><p class="caption">FOTO: dokumentasi Sumeks</p></div>
<div class="post" id="postingan"><div class="entry-content entry-content-single">
{body}
<div class="ads-post"><ins class="adsbygoogle"></ins></div>
</div></div>
<div class="tag-post"><span>Tag</span>{"".join(f'<a href="{B % a["domain"]}/tag/{E(t.lower().replace(" ", "-"))}">#{E(t)}</a>' for t in a["tags"])}</div>
<div class="sumber"><p>Sumber: </p></div>
<div class="share"><a>Facebook</a><a>Twitter</a><a>WhatsApp</a></div>
<div class="terkait"><h4>Berita Terkait</h4><ul><li><a href="{B % a["domain"]}/">Berita lainnya</a></li></ul></div>
</div></div></div></body></html>
"""
    )


def suara(a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str) -> str:
    dt = datetime.fromisoformat(a["published"])
    ins = related(a, by_key, '<p><strong>Baca Juga:</strong><br><a href="{url}" class="baca-juga">{title}</a></p>')
    body = paragraphs(a, "<strong>SuaraSumsel.id</strong> - ", ins)
    video = ""
    if not a["body"]:
        video = '<div class="video-embed"><iframe src="https://www.youtube.com/embed/xxxxxxxxxxx" allowfullscreen></iframe></div>'
    return (
        head(a, url, f'<meta name="author" content="{E(a["author"])}" />')
        + f"""<body>
<div class="wrapper"><div class="detail-wrapper"><div class="info">
<div class="breadcrumb"><a href="{B % a["domain"]}/">Home</a> <a href="{B % a["domain"]}/{E(a["section"].lower())}">{E(a["section"])}</a></div>
<h1>{E(a["title"])}</h1>
<div class="writer"><span>{E(a["author"])}</span></div>
<div class="date-article"><span>{indo_date(dt)}</span></div></div>
<figure class="img-cover"><img src="https://media.suara.com/pictures/{a["key"]}.jpg" alt="{E(a["title"])}"><figcaption>Ilustrasi. [Suara.com/dok]</figcaption></figure>
<article class="detail-content detail-berita">
{video}
{body}
<div class="ads-wrap"><div id="div-gpt-ad-inarticle1"></div></div>
</article>
<div class="tag-detail"><ul>{"".join(f'<li><a href="{B % a["domain"]}/tag/{E(t.lower().replace(" ", "-"))}">{E(t)}</a></li>' for t in a["tags"])}</ul></div>
<div class="share-bottom"><a>Bagikan</a></div>
</div></div></body></html>
"""
    )


def wordpress(a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str) -> str:
    o = OUTLETS[a["domain"]]
    ins = related(a, by_key, '<p><strong>Baca Juga:  <a href="{url}">{title}</a></strong></p>')
    prefix = f"<strong>{E(a['dateline'].upper())}</strong> – " if a["dateline"] else ""
    body = paragraphs(a, prefix, ins)
    if a.get("special") == "broken_html":
        body = body.replace("</p>", "", 2).replace("<strong>", "<strong><em>", 1)
    date_html, _pubmeta = "", ""
    if a["published"]:
        dt = datetime.fromisoformat(a["published"])
        date_html = f'<span class="posted-on"><time class="entry-date published" datetime="{a["published"]}">{dt.day} {BULAN[dt.month]} {dt.year}</time></span>'
    charset = "windows-1252" if a.get("special") == "cp1252" else "UTF-8"
    page = head(a, url, '<meta name="generator" content="WordPress 6.4.2" />', charset=charset, ld=bool(a["published"]))
    if not a["published"]:
        page = page.replace('"datePublished"', '"x"')
    return (
        page
        + f"""<body class="post-template-default single single-post">
<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="{B % a["domain"]}/" rel="home">{E(o["name"])}</a></p></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{zlib.crc32(a["key"].encode()) % 90000 + 10000}" class="post type-post status-publish format-standard has-post-thumbnail hentry">
<header class="entry-header"><span class="cat-links"><a href="{B % a["domain"]}/category/{E(a["section"].lower())}/" rel="category tag">{E(a["section"])}</a></span>
<h1 class="entry-title">{E(a["title"])}</h1>
<div class="entry-meta">{date_html}<span class="byline"> oleh <span class="author vcard"><a class="url fn n" href="{B % a["domain"]}/author/admin/">{E(a["author"])}</a></span></span></div></header>
<div class="post-thumbnail"><figure class="wp-caption"><img src="{B % a["domain"]}/wp-content/uploads/2024/11/{a["key"]}.jpg" alt=""><figcaption class="wp-caption-text">Ilustrasi</figcaption></figure></div>
<div class="entry-content">
{body}
<p>(red)</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3></div>
</div>
<footer class="entry-footer"><span class="tags-links">{"".join(f'<a href="{B % a["domain"]}/tag/{E(t.lower().replace(" ", "-"))}/" rel="tag">{E(t)}</a>' for t in a["tags"])}</span></footer>
</article></main></div></div></div></body></html>
"""
    )


def mediaindonesia(a: dict[str, Any], by_key: dict[str, dict[str, Any]], url: str) -> str:
    dt = datetime.fromisoformat(a["published"])
    body = paragraphs(a, "", {})
    return (
        head(a, url)
        + f"""<body>
<section class="detail"><div class="container max-w-1024"><div class="columns"><div class="column is-8">
<div class="post-header"><ul class="mi-breadcrumb"><li><a href="{B % a["domain"]}/">Home <i class="fa fa-angle-right"></i></a> </li><li><a href="{B % a["domain"]}/{E(a["path"].split("/")[1])}">{E(a["section"])}</a></li></ul>
<h1>{E(a["title"])}</h1>
<div class="info"><div class="author-2">{E(a["author"])}</div><span class="datetime"> {dt.day}/{dt.month}/{dt.year} {dt:%H:%M}</span>
<div class="font-size-bt-group"><button class="bt-min">A-</button><button class="bt-plus">A+</button></div></div></div>
<div class="article"><figure class="main-img"><img class="zoomable" data-src="https://asset.mediaindonesia.com/news/2024/{a["key"]}.jpg" alt="{E(a["title"])}"><figcaption>Ilustrasi(MI/Dok)</figcaption></figure>
{body}
<br><br><div class="ext-channel">Cek berita dan artikel yg lain di <a href="https://news.google.com/">Google News</a> dan dan ikuti <a href="https://whatsapp.com/">WhatsApp channel</a> mediaindonesia.com</div>
<div class="info-author">Editor : <a title="{E(a.get("editor", ""))}" href="{B % a["domain"]}/author/1/x" class="author">{E(a.get("editor", ""))}</a></div>
</div>
<div class="foot-article"><div class="tag"><ul>{"".join(f'<li><a href="{B % a["domain"]}/tag/{E(t.lower().replace(" ", "-"))}">{E(t)}</a></li>' for t in a["tags"])}</ul></div></div>
</div></div></div></section></body></html>
"""
    )


RENDER = {
    "tribun": tribun,
    "detik": detik,
    "kompas": kompas,
    "antara": antara,
    "disway": disway,
    "suara": suara,
    "wordpress": wordpress,
    "mediaindonesia": mediaindonesia,
}


def load_articles() -> list[dict[str, Any]]:
    rows = yaml.safe_load((SITE / "src" / "articles.yaml").read_text(encoding="utf-8"))
    by_key = {r["key"]: r for r in rows}
    for r in rows:
        if "copy_of" in r:
            base = by_key[r["copy_of"]]["paras"]
            body = list(base[: len(base) - r.get("trim_end", 0)])
            if r.get("intro"):
                body = [r["intro"], *body]
            r["paras"] = body
        r["body"] = list(r.get("paras") or [])
    return rows


def expected(a: dict[str, Any], path: str, query: str = "", body: list[str] | None = None) -> dict[str, Any]:
    real = f"https://{a['domain']}{path}" + (f"?{query}" if query else "")
    fam = OUTLETS[a["domain"]]["family"]
    printed = (
        (a["dateline"] or "") if fam in ("detik", "antara") else (a["dateline"] or "").upper()
    )  # as the page prints it
    dateline = None if fam in ("suara", "mediaindonesia") else printed or None
    return {
        "url": real,
        "canonical_url": f"https://{a['domain']}{path}",
        "title": a["title"],
        "published_at": a["published"],
        "author": a["author"],
        "dateline": dateline,
        "body": "\n\n".join(body if body is not None else a["body"]),
        "section": a["section"],
        "tags": a["tags"],
        "language": "id",
        "outlet_domain": a["domain"],
        "family": fam,
        "is_pilkada": a["is_pilkada"],
        "flags_expected": a.get("flags", []),
        "syndicated_group": a.get("group"),
        "special": a.get("special"),
    }


def write(domain: str, rel: str, text: str, encoding: str = "utf-8") -> None:
    target = HOSTS / domain / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(encoding))


def news_sitemap(domain: str, arts: list[dict[str, Any]]) -> str:
    name = OUTLETS[domain]["name"]
    items = "".join(
        f"""  <url>
    <loc>{B % domain}{a["path"]}</loc>
    <news:news>
      <news:publication><news:name>{E(name)}</news:name><news:language>id</news:language></news:publication>
      <news:publication_date>{a["published"]}</news:publication_date>
      <news:title>{E(a["title"])}</news:title>
      <news:keywords>{E(", ".join(a["tags"]))}</news:keywords>
    </news:news>
  </url>
"""
        for a in arts
        if a["published"]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + items + "</urlset>\n"
    )


def rss(domain: str, arts: list[dict[str, Any]], feed_path: str) -> str:
    o = OUTLETS[domain]
    items = "".join(
        f"""    <item>
      <title>{E(a["title"])}</title>
      <link>{B % domain}{a["path"]}</link>
      <guid isPermaLink="true">{B % domain}{a["path"]}</guid>
      <pubDate>{format_datetime(datetime.fromisoformat(a["published"]))}</pubDate>
      <description><![CDATA[{a["body"][0] if a["body"] else ""}]]></description>
      <category>{E(a["section"])}</category>
    </item>
"""
        for a in arts
        if a["published"]
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        f"  <channel>\n    <title>{E(o['name'])}</title>\n    <link>{B % domain}{'/sumbagsel' if domain == 'www.detik.com' else '/'}</link>\n"
        f"    <description>Berita terkini {E(o['name'])}</description>\n    <language>id</language>\n"
        f'    <atom:link href="{B % domain}{feed_path}" rel="self" type="application/rss+xml" />\n'
        + items
        + "  </channel>\n</rss>\n"
    )


def atom(domain: str, arts: list[dict[str, Any]]) -> str:
    o = OUTLETS[domain]
    entries = "".join(
        f"""  <entry>
    <title>{E(a["title"])}</title>
    <link rel="alternate" type="text/html" href="{B % domain}{a["path"]}" />
    <id>{B % domain}{a["path"]}</id>
    <published>{a["published"]}</published>
    <updated>{a["published"]}</updated>
    <author><name>{E(a["author"])}</name></author>
    <summary type="html"><![CDATA[{a["body"][0] if a["body"] else ""}]]></summary>
  </entry>
"""
        for a in arts
        if a["published"]
    )
    updated = max(a["published"] for a in arts if a["published"])
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">\n'
        f'  <title>{E(o["name"])}</title>\n  <link rel="alternate" href="{B % domain}/" />\n'
        f"  <id>{B % domain}/</id>\n  <updated>{updated}</updated>\n" + entries + "</feed>\n"
    )


def listing_page(domain: str, title: str, links: list[tuple[str, str]], nav: str, kind: str) -> str:
    fam = OUTLETS[domain]["family"]
    cls = {
        "tribun": (
            '<ul id="latestul">',
            '<li class="p1520 art-list pos_rel"><div class="mr140"><h3><a href="{u}" title="{t}">{t}</a></h3></div></li>',
            "</ul>",
        ),
        "detik": (
            '<div class="list media_rows list-berita">',
            '<article class="list-content__item"><h3 class="media__title"><a class="media__link" href="{u}">{t}</a></h3></article>',
            "</div>",
        ),
        "antara": (
            '<div class="wrap__article-list">',
            '<article class="card__post card__post-list"><h2 class="post-title"><a href="{u}" title="{t}">{t}</a></h2></article>',
            "</div>",
        ),
        "disway": (
            '<ul class="list-berita">',
            '<li class="media"><h2 class="media-heading"><a href="{u}">{t}</a></h2></li>',
            "</ul>",
        ),
        "suara": (
            '<div class="list-item-y-img-retangle">',
            '<div class="item"><h4 class="post-title ellipsis2"><a href="{u}" class="ellipsis2">{t}</a></h4></div>',
            "</div>",
        ),
        "kompas": (
            '<div class="latest--indeks">',
            '<div class="article__list clearfix"><h3 class="article__title"><a class="article__link" href="{u}">{t}</a></h3></div>',
            "</div>",
        ),
    }.get(
        fam,
        (
            '<div class="site-main">',
            '<article class="post"><h2 class="entry-title"><a href="{u}" rel="bookmark">{t}</a></h2></article>',
            "</div>",
        ),
    )
    items = "\n".join(cls[1].format(u=u, t=E(t)) for u, t in links)
    return (
        f'<!DOCTYPE html>\n<html lang="id-ID"><head><meta charset="UTF-8"><title>{E(title)}</title>'
        f'<meta name="robots" content="index,follow" /><meta name="pantau:page-kind" content="{kind}" /></head>\n'
        f"<body><h1>{E(title)}</h1>\n{cls[0]}\n{items}\n{cls[2]}\n{nav}\n</body></html>\n"
    )


def build() -> None:
    for d in (HOSTS, EXPECTED):
        if d.exists():
            shutil.rmtree(d)
    rows = load_articles()
    by_key = {r["key"]: r for r in rows}
    manifest: dict[str, Any] = {
        "pages": [],
        "special": {"retry500": [], "oversized": [], "not_found": []},
        "outlets": {},
    }
    for a in rows:
        o = OUTLETS[a["domain"]]
        url = B % a["domain"] + a["path"]
        exp_dir = EXPECTED / a["domain"]
        exp_dir.mkdir(parents=True, exist_ok=True)
        if a.get("special") == "multipage":
            half = len(a["body"]) // 2
            full = a["body"]
            variants = [("", full[:half], "1"), ("page=2", full[half:], "2"), ("page=all", full, "all")]
            for query, body, page in variants:
                part = dict(a, body=body)
                write(a["domain"], file_for(a["path"], query), kompas(part, by_key, url, page=page, total=2))
                kind = "article" if page != "2" else "article_part"
                slug = slug_for(a["path"], query)
                entry = {
                    "domain": a["domain"],
                    "path": a["path"],
                    "query": query,
                    "kind": kind,
                    "family": o["family"],
                    "file": f"hosts/{a['domain']}/{file_for(a['path'], query)}",
                }
                if kind == "article":
                    exp = expected(a, a["path"], query, body)
                    exp["full_text_url"] = f"https://{a['domain']}{a['path']}?page=all"
                    (exp_dir / f"{slug}.json").write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n")
                    entry["expected"] = f"expected/{a['domain']}/{slug}.json"
                manifest["pages"].append(entry)
            continue
        page = RENDER[o["family"]](a, by_key, url)
        enc = "cp1252" if a.get("special") == "cp1252" else "utf-8"
        rel = file_for(a["path"])
        write(a["domain"], rel, page, enc)
        slug = slug_for(a["path"])
        (exp_dir / f"{slug}.json").write_text(json.dumps(expected(a, a["path"]), ensure_ascii=False, indent=2) + "\n")
        manifest["pages"].append(
            {
                "domain": a["domain"],
                "path": a["path"],
                "query": "",
                "kind": "article",
                "family": o["family"],
                "file": f"hosts/{a['domain']}/{rel}",
                "expected": f"expected/{a['domain']}/{slug}.json",
                "special": a.get("special"),
            }
        )
        if a.get("special") == "retry500":
            manifest["special"]["retry500"].append(f"/{a['domain']}{a['path']}")
    for domain, o in OUTLETS.items():
        arts = sorted((a for a in rows if a["domain"] == domain), key=lambda a: a["published"] or "", reverse=True)
        robots = ["User-agent: *", "Disallow: /search", "Disallow: /api/", "Allow: /", ""]
        if domain == ROBOTS_DISALLOW[0]:
            # One outlet keeps an archive section away from crawlers: a polite crawl never fetches it.
            robots.insert(3, f"Disallow: {ROBOTS_DISALLOW[1]}")
            manifest["special"].setdefault("robots_disallowed", []).append(f"/{domain}{ROBOTS_DISALLOW[1]}")
        if o.get("news"):
            write(domain, o["news"].lstrip("/"), news_sitemap(domain, arts))
            robots.append(f"Sitemap: {B % domain}{o['news']}")
        if o.get("wp_sitemap"):
            write(
                domain,
                "wp-sitemap.xml",
                '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"  <sitemap><loc>{B % domain}/wp-sitemap-posts-post-1.xml</loc></sitemap>\n</sitemapindex>\n",
            )
            urls = "".join(
                f"  <url><loc>{B % domain}{a['path']}</loc>"
                + (f"<lastmod>{a['published']}</lastmod>" if a["published"] else "")
                + "</url>\n"
                for a in arts
            )
            write(
                domain,
                "wp-sitemap-posts-post-1.xml",
                '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                + urls
                + "</urlset>\n",
            )
            robots.append(f"Sitemap: {B % domain}/wp-sitemap.xml")
        for feed in [o.get("feed"), *o.get("extra_feeds", [])]:
            if feed:
                text = atom(domain, arts) if o.get("atom") else rss(domain, arts, feed)
                write(domain, file_for(feed).removesuffix(".html") + (".xml" if feed.endswith("/") else ""), text)
        write(domain, "robots.txt", "\n".join(robots) + "\n")
        links = [(B % domain + a["path"], a["title"]) for a in arts]
        if domain == NOT_FOUND[0]:
            links.append((B % domain + NOT_FOUND[1], "Berita yang sudah dihapus redaksi"))
        if domain == OVERSIZED[0]:
            links.insert(0, (B % domain + OVERSIZED[1], "Arsip lengkap hasil TPS se-Sumsel"))
        if o.get("listing"):
            lpath, style = o["listing"]
            chunks = [links[i::3] for i in range(3)]
            for n, chunk in enumerate(chunks, start=1):

                def page_url(k: int, lpath: str = lpath, style: str = style) -> tuple[str, str]:
                    if style == "query":
                        return (lpath, "" if k == 1 else f"page={k}")
                    if style == "wp":
                        return (lpath if k == 1 else f"{lpath}page/{k}/", "")
                    return (lpath if k == 1 else f"{lpath}/{k}", "")

                nav_parts = []
                if n > 1:
                    p, q = page_url(n - 1)
                    nav_parts.append(
                        f'<a class="prev page-numbers" rel="prev" aria-label="Previous" href="{B % domain}{p}{"?" + q if q else ""}">Sebelumnya</a>'
                    )
                if n < 3:
                    p, q = page_url(n + 1)
                    nav_parts.append(
                        f'<li class="next"><a class="next page-numbers" rel="next" aria-label="Next" href="{B % domain}{p}{"?" + q if q else ""}">Selanjutnya</a></li>'
                    )
                nav = '<ul class="pagination">' + "".join(nav_parts) + "</ul>"
                p, q = page_url(n)
                write(
                    domain,
                    file_for(p, q),
                    listing_page(domain, f"Indeks Berita {o['name']} - Halaman {n}", chunk, nav, "listing"),
                )
                manifest["pages"].append(
                    {
                        "domain": domain,
                        "path": p,
                        "query": q,
                        "kind": "listing",
                        "family": o["family"],
                        "file": f"hosts/{domain}/{file_for(p, q)}",
                    }
                )
        home = "/sumbagsel" if domain == "www.detik.com" else "/"
        write(domain, file_for(home), listing_page(domain, o["name"], links[:10], "", "home"))
        manifest["pages"].append(
            {
                "domain": domain,
                "path": home,
                "query": "",
                "kind": "home",
                "family": o["family"],
                "file": f"hosts/{domain}/{file_for(home)}",
            }
        )
        tag = o["tag"]
        tagged = [(B % domain + a["path"], a["title"]) for a in arts if a["is_pilkada"]]
        write(
            domain,
            file_for(tag),
            listing_page(domain, f"Berita Tag {tag.strip('/').split('/')[-1]}", tagged, "", "tag"),
        )
        manifest["pages"].append(
            {
                "domain": domain,
                "path": tag,
                "query": "",
                "kind": "tag",
                "family": o["family"],
                "file": f"hosts/{domain}/{file_for(tag)}",
            }
        )
        manifest["outlets"][domain] = {k: v for k, v in o.items() if k in ("family", "name", "news", "feed", "tag")}
    kd, kp, kq = KOMPAS_INDEX
    karts = [a for a in rows if a["domain"] == "regional.kompas.com"]
    for n in (1, 2):
        q = kq if n == 1 else f"{kq}&page={n}"
        nav = (
            f'<div class="paging"><a class="paging__link paging__link--next" href="{B % kd}/?{kq}&amp;page=2">Next</a></div>'
            if n == 1
            else ""
        )
        kchunk = karts[: len(karts) // 2 + 1] if n == 1 else karts[len(karts) // 2 + 1 :]
        write(
            kd,
            file_for(kp, q),
            listing_page(
                "regional.kompas.com",
                f"Indeks Regional - Halaman {n}",
                [(B % a["domain"] + a["path"], a["title"]) for a in kchunk],
                nav,
                "listing",
            ),
        )
        manifest["pages"].append(
            {
                "domain": kd,
                "path": kp,
                "query": q,
                "kind": "listing",
                "family": "kompas",
                "file": f"hosts/{kd}/{file_for(kp, q)}",
            }
        )
    write(kd, "robots.txt", "User-agent: *\nAllow: /\n")
    manifest["special"]["not_found"].append(f"/{NOT_FOUND[0]}{NOT_FOUND[1]}")
    manifest["special"]["oversized"].append(f"/{OVERSIZED[0]}{OVERSIZED[1]}")
    (SITE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    print(f"{sum(p['kind'] == 'article' for p in manifest['pages'])} article pages, {len(OUTLETS)} outlets")


if __name__ == "__main__":
    build()
