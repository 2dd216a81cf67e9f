"""Each family parser on a page snippet that follows the outlet's real markup (see each family module's sources)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from pantau.extract import extract_html
from pantau.extract.families import FAMILIES
from pantau.extract.registry import family_name_for

P1 = "KPU Kota Palembang menetapkan daftar pemilih tetap Pilkada 2024 sebanyak 1,2 juta jiwa dalam rapat pleno."
P2 = "Ketua KPU Palembang mengatakan seluruh logistik akan didistribusikan ke 18 kecamatan sebelum hari pemungutan."
JUNK = ("Baca juga", "BACA JUGA", "ADVERTISEMENT", "SCROLL TO CONTINUE", "Editor", "Penulis", "Laporan Wartawan",
        "Google News", "Pewarta", "(ant/red)", "(*)", "Foto:", "Reporter")  # fmt: skip


@dataclass
class Case:
    family: str
    url: str
    html: str
    title: str
    published: str
    dateline: str | None
    updated: str | None = None
    author: str | None = None
    full_text_url: str | None = None
    next_pages: list[str] = field(default_factory=list)


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


CASES = [
    Case(
        "tribun",
        "https://palembang.tribunnews.com/2024/11/20/kpu-palembang-tetapkan-dpt",
        page(
            "<meta name='content_PublishedDate' content='2024-11-20 09:07:00'>"
            "<meta name='content_author' content='Rachmad Kurniawan'><meta name='content_category' content='Pilkada'>",
            "<div id='article'><h1 id='arttitle' class='f50 black2 f400 crimson'>KPU Palembang Tetapkan DPT</h1>"
            "<div class='grey bdr3 pb10 pt10'><time><span>Rabu, 20 November 2024 09:07 WIB</span></time></div>"
            "<div class='side-article txt-article multi-fontsize'>"
            "<p><strong>Laporan Wartawan Tribunsumsel.com, Rachmad Kurniawan</strong></p>"
            f"<p><strong>TRIBUNSUMSEL.COM, PALEMBANG</strong> - {P1}</p>"
            "<p class='baca'><strong>Baca juga: </strong><a href='/x'>Debat Pilwako Palembang</a></p>"
            "<div class='ads__horizontal'>ADVERTISEMENT</div>"
            f"<p>{P2}</p><p>Simak berita terbaru Tribunsumsel.com di Google News</p></div>"
            "<div class='paging'><a href='?page=1'>1</a><a href='?page=2'>2</a><a href='?page=all'>Tampilkan Semua</a>"
            "</div></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "PALEMBANG",
        author="Rachmad Kurniawan",
        full_text_url="https://palembang.tribunnews.com/2024/11/20/kpu-palembang-tetapkan-dpt?page=all",
        next_pages=[
            "https://palembang.tribunnews.com/2024/11/20/kpu-palembang-tetapkan-dpt?page=1",
            "https://palembang.tribunnews.com/2024/11/20/kpu-palembang-tetapkan-dpt?page=2",
        ],
    ),
    Case(
        "detik",
        "https://www.detik.com/sumbagsel/berita/d-7000001/kpu-palembang-tetapkan-dpt",
        page(
            "<meta name='dtk:publishdate' content='2024/11/20 09:07:00'>"
            "<meta name='dtk:author' content='Welly Jasrial'>"
            "<meta name='dtk:keywords' content='pilkada 2024,kpu palembang'>",
            "<article class='detail'><h1 class='detail__title'>KPU Palembang Tetapkan DPT</h1>"
            "<div class='detail__author'>Welly Jasrial - detikSumbagsel</div>"
            "<div class='detail__date'>Rabu, 20 Nov 2024 09:07 WIB</div>"
            "<div class='detail__body-text itp_bodycontent'>"
            f"<strong>Palembang</strong> - {P1}<br><br>"
            "<table class='linksisip'><tr><td>Baca juga: <a>Debat Kandidat</a></td></tr></table>"
            "<div class='parallaxindetail'>ADVERTISEMENT<br>SCROLL TO CONTINUE WITH CONTENT</div>"
            f"<p>{P2}</p><p>(des/des)</p>"
            "<div class='detail__body-tag'><a class='nav__item'>pilkada 2024</a></div></div>"
            "<div class='detail__long-nav'><a href='?page=2'>Selanjutnya</a></div></article>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "Palembang",
        author="Welly Jasrial",
        full_text_url="https://www.detik.com/sumbagsel/berita/d-7000001/kpu-palembang-tetapkan-dpt?single=1",
        next_pages=["https://www.detik.com/sumbagsel/berita/d-7000001/kpu-palembang-tetapkan-dpt?page=2"],
    ),
    Case(
        "kompas",
        "https://regional.kompas.com/read/2024/11/20/180000078/kpu-palembang-tetapkan-dpt",
        page(
            "<meta name='content_PublishedDate' content='2024-11-20 18:13:06'>"
            "<meta name='content_author' content='Aji YK Putra'><meta name='content_tag' content='Pilkada 2024,KPU'>",
            "<h1 class='read__title'>KPU Palembang Tetapkan DPT</h1>"
            "<div class='read__time'>Kompas.com - 20/11/2024, 18:13 WIB</div>"
            "<div class='read__time -updated'>Diperbarui 21/11/2024, 07:02 WIB</div>"
            "<div class='read__content'><div class='clearfix'>"
            f"<p><strong>PALEMBANG, KOMPAS.com</strong> - {P1}</p>"
            "<p><strong>Baca juga: </strong><a class='inner-link-baca-juga' href='/x'>Debat Pilkada Sumsel</a></p>"
            "<div class='ads-on-body'>ADVERTISEMENT</div>"
            f"<p>{P2}</p></div></div>"
            "<div class='read__credit'>Penulis: Aji YK Putra | Editor: Dita</div>"
            "<div class='paging'><a class='paging__link' href='?page=2'>2</a>"
            "<a class='paging__link' href='?page=all'>Show All</a></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T18:13:06+07:00",
        "PALEMBANG",
        updated="2024-11-21T07:02:00+07:00",
        author="Aji YK Putra",
        full_text_url="https://regional.kompas.com/read/2024/11/20/180000078/kpu-palembang-tetapkan-dpt?page=all",
        next_pages=["https://regional.kompas.com/read/2024/11/20/180000078/kpu-palembang-tetapkan-dpt?page=2"],
    ),
    Case(
        "antara",
        "https://sumsel.antaranews.com/berita/800001/kpu-palembang-tetapkan-dpt",
        page(
            "<meta name='keywords' content='pilkada, kpu'>",
            "<div class='wrap__article-detail'><div class='wrap__article-detail-title'><h1>KPU Palembang Tetapkan DPT"
            "</h1></div><div class='wrap__article-detail-info'><ul><li><span class='text-secondary'>"
            "Rabu, 20 November 2024 09:07 WIB</span></li></ul></div>"
            "<div class='wrap__article-detail-content'>"
            f"Palembang (ANTARA) - {P1}<br><br><span class='baca-juga'>Baca juga: <a>Debat</a></span><br><br>"
            f"{P2}<br><br><p class='text-muted'>Pewarta: Aziz Munajar<br>Editor: Budi<br>COPYRIGHT © ANTARA 2024</p>"
            "</div><div class='blog-tags'><a>Pilkada</a></div></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "Palembang",
    ),
    Case(
        "disway",
        "https://sumateraekspres.disway.id/read/650001/kpu-palembang-tetapkan-dpt",
        page(
            "",
            "<h1 class='text-black'>KPU Palembang Tetapkan DPT</h1>"
            "<div class='post-info'><span class='author'>Reporter: <b>Dedi</b></span>"
            "<span class='date'>Rabu 20-11-2024,09:07 WIB</span></div>"
            f"<div class='post'><p><strong>PALEMBANG, SUMATERAEKSPRES.ID</strong> – {P1}</p>"
            "<p><strong>BACA JUGA:<a href='/read/1/x'>Raja Dangdut Serukan Pilih Paslon</a></strong></p>"
            "<p><strong>BACA JUGA:<a href='/read/2/y'>Ingatkan Penggunaan Dana Hibah Pilkada</a></strong></p>"
            f"<p>{P2}</p><p>Cek Berita dan Artikel yang lain di Google News</p></div>"
            "<div class='pagination'><a href='/read/650001/kpu-palembang-tetapkan-dpt/2'>2</a>"
            "<a href='/read/999/lain'>lain</a></div>"
            "<a href='/listtag/pilkada'>#pilkada</a><a href='/kategori/politik'>Politik</a>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "PALEMBANG",
        next_pages=["https://sumateraekspres.disway.id/read/650001/kpu-palembang-tetapkan-dpt/2"],
    ),
    Case(
        "suara",
        "https://sumsel.suara.com/read/2024/11/20/090700/kpu-palembang-tetapkan-dpt",
        page(
            "<meta property='article:published_time' content='2024-11-20T09:07:00+07:00'>",
            "<div class='info'><h1>KPU Palembang Tetapkan DPT</h1><div class='date'>Rabu, 20 November 2024 | 09:07 WIB"
            "</div></div><article class='detail-content'>"
            f"<p>SuaraSumsel.id - {P1}</p><div class='baca-juga'>Baca Juga: <a>Debat</a></div>"
            f"<p>{P2}</p><p>Kontributor : Andi</p></article>"
            "<ul class='pagination'><li><a href='?page=2'>2</a></li></ul>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        None,
        full_text_url="https://sumsel.suara.com/read/2024/11/20/090700/kpu-palembang-tetapkan-dpt?page=all",
        next_pages=["https://sumsel.suara.com/read/2024/11/20/090700/kpu-palembang-tetapkan-dpt?page=2"],
    ),
    Case(
        "okezone",
        "https://news.okezone.com/read/2024/11/20/337/3000001/kpu-palembang-tetapkan-dpt",
        page(
            "",
            "<div class='title'><h1>KPU Palembang Tetapkan DPT</h1></div>"
            "<div class='namerep'>Tim Okezone, Jurnalis · <b>Rabu 20 November 2024 09:07 WIB</b></div>"
            f"<div id='contentx' class='read'><p><strong>PALEMBANG</strong> - {P1}</p>"
            "<div class='baca-juga'>Baca Juga: <a>Debat</a></div>"
            f"<p>{P2}</p></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "PALEMBANG",
    ),
    Case(
        "inews",
        "https://sumsel.inews.id/berita/kpu-palembang-tetapkan-dpt",
        page(
            "<meta name='pubdate' content='2024-11-20 09:07:00'>",
            "<h1 class='title-news'>KPU Palembang Tetapkan DPT</h1>"
            "<div class='author-date'>Rabu, 20 November 2024 - 09:07:00 WIB</div>"
            f"<div class='article-content'><p><strong>PALEMBANG, iNews.id</strong> - {P1}</p>"
            "<p><strong>Baca Juga:</strong> <a>Debat</a></p>"
            f"<p>{P2}</p><p>Editor: Kastolani</p></div>"
            "<div class='pagination'><a href='/berita/kpu-palembang-tetapkan-dpt/2'>2</a></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "PALEMBANG",
        full_text_url="https://sumsel.inews.id/berita/kpu-palembang-tetapkan-dpt/all",
        next_pages=["https://sumsel.inews.id/berita/kpu-palembang-tetapkan-dpt/2"],
    ),
    Case(
        "liputan6",
        "https://www.liputan6.com/regional/read/5800001/kpu-palembang-tetapkan-dpt",
        page(
            "",
            "<h1 class='read-page--header--title entry-title'>KPU Palembang Tetapkan DPT</h1>"
            "<span class='read-page--header--author__name fn'>Nefri Inge</span>"
            "<time class='read-page--header--author__datetime updated' datetime='2024-11-20T09:07:00+07:00'>"
            "20 Nov 2024, 09:07 WIB</time>"
            "<div class='article-content-body__item-content'>"
            f"<p><strong>Liputan6.com, Palembang</strong> - {P1}</p>"
            "<div class='baca-juga-collections'>Baca Juga <a>Debat</a></div></div>"
            f"<div class='article-content-body__item-content'><p>{P2}</p></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "Palembang",
        author="Nefri Inge",
    ),
    Case(
        "kumparan",
        "https://kumparan.com/kumparannews/kpu-palembang-tetapkan-dpt-23abc",
        page(
            '<script type=\'application/ld+json\'>{"@type":"NewsArticle","headline":"KPU Palembang Tetapkan DPT",'
            '"datePublished":"2024-11-20T02:07:00Z","author":{"name":"kumparanNEWS"}}</script>',
            "<h1 data-qa-id='story-title'>KPU Palembang Tetapkan DPT</h1>"
            "<div data-qa-id='story-content'>"
            f"<span data-qa-id='story-paragraph'>{P1}</span>"
            f"<span data-qa-id='story-paragraph'>{P2}</span>"
            "<div data-qa-id='story-tags'><a>Pilkada</a></div></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        None,
    ),
    Case(
        "jawapos",
        "https://radarpalembang.jawapos.com/politik/2024/11/20/kpu-palembang-tetapkan-dpt",
        page(
            "<meta property='article:published_time' content='2024-11-20T09:07:00+07:00'>",
            "<h1 class='read__title'>KPU Palembang Tetapkan DPT</h1>"
            f"<div class='read__content'><p><strong>JawaPos.com</strong> - {P1}</p>"
            "<p><strong>Baca Juga: </strong><a>Debat</a></p>"
            f"<p>{P2}</p></div>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        None,
    ),
    Case(
        "wordpress",
        "https://beritasumsel.example/2024/11/20/kpu-palembang-tetapkan-dpt/",
        page(
            "<meta property='article:published_time' content='2024-11-20T09:07:00+07:00'>",
            "<article><h1 class='entry-title'>KPU Palembang Tetapkan DPT</h1><div class='td-post-content'>"
            f"<p>PALEMBANG, BERITASUMSEL.COM – {P1}</p><div class='jp-relatedposts'>Terkait</div>"
            f"<p>{P2} (*)</p><div class='sharedaddy'>Bagikan</div></div></article>",
        ),
        "KPU Palembang Tetapkan DPT",
        "2024-11-20T09:07:00+07:00",
        "PALEMBANG",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.family for c in CASES])
def test_family(case: Case) -> None:
    forced = case.family if case.family == "wordpress" else None
    got = extract_html(case.html, case.url, family=forced)
    assert got["parser"].startswith(case.family + ".")
    assert got["title"] == case.title
    assert got["published_at"] == case.published
    assert got["dateline"] == case.dateline
    assert got["body"] == f"{P1}\n\n{P2}"
    for junk in JUNK:
        assert junk not in got["body"]
    assert got["skip_reason"] is None
    if case.updated:
        assert got["updated_at"] == case.updated
    if case.author:
        assert got["author"] == case.author
    assert got["next_pages"] == case.next_pages
    assert got["full_text_url"] == case.full_text_url


def test_registry_suffixes() -> None:
    assert family_name_for("https://palembang.tribunnews.com/2024/x") == "tribun"
    assert family_name_for("https://www.detik.com/sumbagsel/berita/d-1/x") == "detik"
    assert family_name_for("https://sumsel.antaranews.com/berita/1") == "antara"
    assert family_name_for("https://sumateraekspres.id/read/1/x") == "disway"
    assert family_name_for("https://jabar.suara.com/read/1") == "suara"
    assert family_name_for("https://notkompas.com/read/1") is None
    assert family_name_for("https://unknown.example/a") is None
    assert family_name_for("https://sumselupdate.com/a", [("sumselupdate.com", "wordpress")]) == "wordpress"
    assert family_name_for("not a url") is None


def test_versions_choose_newest_matching_layout() -> None:
    antara = FAMILIES["antara"]
    new = extract_html(CASES[3].html, CASES[3].url)
    assert new["parser"] == "antara.V2"
    old_html = page(
        "<meta property='article:published_time' content='2019-04-17T09:07:00+07:00'>",
        f"<h1 class='post-title'>Pemilu 2019</h1><div class='post-content'>Palembang (ANTARA) - {P1}<br>{P2}</div>",
    )
    old = extract_html(old_html, "https://sumsel.antaranews.com/berita/1/pemilu")
    assert old["parser"] == "antara.V1"
    assert old["body"] == f"{P1}\n\n{P2}"
    assert [v.version for v in antara.versions] == ["V1", "V2"]


def test_family_falls_back_to_generic_when_layout_unknown() -> None:
    html = page(
        "<meta property='og:title' content='Judul'>", f"<main><div class='x'><p>{P1}</p><p>{P2}</p></div></main>"
    )
    got = extract_html(html, "https://palembang.tribunnews.com/2024/11/20/x")
    assert got["parser"].startswith("generic")
    assert got["body"] == f"{P1}\n\n{P2}"
    assert any("tribun" in n for n in got["notes"])
