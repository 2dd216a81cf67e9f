"""The generic path on a real page (Media Indonesia, from the shared reference data) and on hand-written pages."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from pantau.extract import extract_html, merge_pages
from tests.shared import PAGES as SHARED_PAGES

PAGES = SHARED_PAGES / "mediaindonesia"
STORY = (
    "Komisi Pemilihan Umum (KPU) Provinsi Sumatera Selatan menetapkan daftar pemilih tetap untuk Pilkada Serentak "
    "2024 dalam rapat pleno terbuka yang digelar di Palembang pada Rabu pagi."
)
STORY2 = (
    "Ketua KPU Sumsel mengatakan seluruh logistik pemilihan sudah didistribusikan ke tujuh belas kabupaten dan kota."
)


def token_f1(got: str, want: str) -> float:
    g, w = Counter(re.findall(r"\w+", got.lower())), Counter(re.findall(r"\w+", want.lower()))
    common = sum((g & w).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return 2 * p * r / (p + r)


@pytest.mark.parametrize("family", [None, "generic"])
def test_media_indonesia_real_page(family: str | None) -> None:
    expected = json.loads((PAGES / "MediaIndonesia.json").read_text())["V1"]
    url = json.loads((PAGES / "meta.info").read_text())["MediaIndonesia_2026_01_20.html.gz"]["url"]
    html = gzip.decompress((PAGES / "MediaIndonesia_2026_01_20.html.gz").read_bytes())
    got = extract_html(html, url, family=family)
    assert got["title"] == expected["title"]
    # the page prints "20/1/2026 18:30" under the headline (its dataLayer says 18:30 too); the JSON-LD's
    # datePublished 18:33:13 is later than its own dateModified 18:30: the visible minute is the publication time
    published = datetime.fromisoformat(expected["publishing_date"]).replace(minute=30, second=0)
    assert datetime.fromisoformat(got["published_at"]) == published
    want = "\n\n".join(p for s in expected["body"]["sections"] for p in s["paragraphs"])
    assert token_f1(got["body"], want) >= 0.95
    assert "Cek berita" not in got["body"] and "Editor" not in got["body"] and "SHARE" not in got["body"]
    assert got["skip_reason"] is None
    assert got["language"] == "id"
    assert got["tags"] == expected["topics"]
    assert got["parser"] == ("mediaindonesia.V1" if family is None else "generic")


def _page(head: str, body: str, lang: str = "id") -> str:
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_json_ld_graph() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Warta Sumsel"},
            {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "name": "Beranda"}]},
            {
                "@type": ["ReportageNewsArticle"],
                "headline": "KPU Sumsel Tetapkan DPT Pilkada",
                "datePublished": "2024-09-20T09:07:00+07:00",
                "dateModified": "2024-09-20T10:00:00+07:00",
                "author": [{"@type": "Person", "name": "Rina Marlina"}],
                "articleSection": ["Politik"],
                "keywords": ["Pilkada 2024", "KPU Sumsel"],
            },
        ],
    }
    body = (
        "<nav><a href='/'>Beranda</a></nav><div class='isi-berita'>"
        f"<p>PALEMBANG, WARTASUMSEL.COM - {STORY}</p><p>Baca juga: Debat Kandidat Digelar</p><p>{STORY2} (red)</p>"
        "</div><footer>Hak cipta</footer>"
    )
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script><link rel='canonical' href='/berita/dpt'>"
    got = extract_html(_page(head, body), "https://wartasumsel.example/berita/dpt?utm_source=x")
    assert got["title"] == "KPU Sumsel Tetapkan DPT Pilkada"
    assert got["published_at"] == "2024-09-20T09:07:00+07:00"
    assert got["updated_at"] == "2024-09-20T10:00:00+07:00"
    assert got["author"] == "Rina Marlina"
    assert got["section"] == "Politik"
    assert got["tags"] == ["Pilkada 2024", "KPU Sumsel"]
    assert got["dateline"] == "PALEMBANG"
    assert got["body"] == f"{STORY}\n\n{STORY2}"
    assert got["canonical_url"] == "https://wartasumsel.example/berita/dpt"


def test_opengraph_only() -> None:
    head = (
        "<meta property='og:title' content='Bawaslu Awasi Kampanye'><meta property='og:type' content='article'>"
        "<meta property='article:published_time' content='2024-10-01 08:30:00'>"
        "<meta property='article:tag' content='Bawaslu'><meta property='article:tag' content='Kampanye'>"
        "<meta name='author' content='Oleh: Andi'>"
    )
    body = f"<main><article><h1>Bawaslu Awasi Kampanye</h1><p>{STORY}</p><p>{STORY2}</p></article></main>"
    got = extract_html(_page(head, body), "https://kabar.example/read/1")
    assert got["title"] == "Bawaslu Awasi Kampanye"
    assert got["published_at"] == "2024-10-01T08:30:00+07:00"
    assert got["tags"] == ["Bawaslu", "Kampanye"]
    assert got["author"] == "Andi"
    assert STORY in got["body"] and STORY2 in got["body"]
    assert got["skip_reason"] is None


def test_dtk_publishdate_without_offset_is_wib() -> None:
    head = "<meta name='dtk:publishdate' content='2025/06/20 09:07:00'>"
    got = extract_html(_page(head, f"<div><p>{STORY}</p><p>{STORY2}</p></div>"), "https://lain.example/a")
    assert got["published_at"] == "2025-06-20T09:07:00+07:00"


def test_broken_html_still_extracts() -> None:
    broken = f"<html><head><title>Rusak</title><body><div class='content'><p>{STORY}<p>{STORY2}<div><span>"
    got = extract_html(broken, "https://rusak.example/berita/1")
    assert STORY in got["body"] and STORY2 in got["body"]


def test_wrong_encoding_declared_latin1_but_utf8() -> None:
    text = STORY.replace("Pemilihan", "Pemilihan “Umum”")
    html = f"<html><head><meta charset='iso-8859-1'></head><body><p>{text}</p><p>{STORY2}</p></body></html>"
    got = extract_html(html.encode("utf-8"), "https://enc.example/a")
    assert "“Umum”" in got["body"]
    assert any("UTF-8" in n for n in got["notes"])


def test_undeclared_cp1252_bytes_fall_back_with_reason() -> None:
    html = f"<html><body><p>{STORY} “kutipan”</p><p>{STORY2}</p></body></html>".encode("cp1252")
    got = extract_html(html, "https://enc.example/b")
    assert got["encoding"] == "cp1252"
    assert "“kutipan”" in got["body"]
    assert any("cp1252" in n for n in got["notes"])


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty document"),
        (b"", "empty document"),
        ("   \n ", "not parseable as HTML"),
        ("<html><body><nav><a href='/'>Beranda</a></nav></body></html>", "no article body"),
    ],
)
def test_skip_reasons(html: str | bytes, reason: str) -> None:
    got = extract_html(html, "https://kosong.example/berita/1")
    assert got["skip_reason"] == reason
    assert got["body"] in (None, "")


def test_huge_document_is_skipped() -> None:
    got = extract_html(b"<p>" + b"a" * (9 * 1024 * 1024), "https://besar.example/a")
    assert got["skip_reason"] is not None and "too large" in got["skip_reason"]


def test_listing_page_is_skipped() -> None:
    items = "".join(
        f"<li><a href='/berita/{i}'>Judul berita nomor {i} tentang Pilkada Serentak di daerah</a></li>"
        for i in range(30)
    )
    got = extract_html(
        _page("<meta property='og:type' content='website'>", f"<ul>{items}</ul>"), "https://x.example/indeks"
    )
    assert got["skip_reason"] == "listing page"


def test_merge_pages_drops_repeated_paragraphs() -> None:
    first = extract_html(_page("", f"<div><p>{STORY}</p><p>{STORY2}</p></div>"), "https://m.example/a")
    second = dict(first, body=f"{STORY2}\n\nParagraf halaman kedua tentang rekapitulasi suara di tingkat kecamatan.")
    merged = merge_pages([first, second])
    assert merged["body"].split("\n\n") == [
        STORY,
        STORY2,
        "Paragraf halaman kedua tentang rekapitulasi suara di tingkat kecamatan.",
    ]


def test_cli_prints_json_and_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pantau.cli.extract import main

    page = tmp_path / "a.html.gz"
    page.write_bytes(gzip.compress(_page("", f"<div><p>{STORY}</p><p>{STORY2}</p></div>").encode()))
    assert main(["extract", str(page), "--url", "https://cli.example/berita/1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["body"] == f"{STORY}\n\n{STORY2}"
    assert out["url"] == "https://cli.example/berita/1"
    assert main(["extract", str(tmp_path / "missing.html"), "--url", "https://cli.example/x"]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_link_cards_after_the_story_are_not_body() -> None:
    story = "<br><br>".join(  # a story in line breaks, not <p>s, as stripped-down templates print it
        f"Paragraf {i} tentang rapat pleno KPU kabupaten yang membahas logistik pemilihan di seluruh kecamatan."
        for i in range(6)
    )
    cards = "".join(
        f"<a href='/berita/{i}'><h2>Judul berita lain nomor {i}</h2><div>Ringkasan berita lain nomor {i} yang "
        "panjangnya cukup untuk terlihat seperti paragraf biasa di halaman ini.</div></a>"
        for i in range(8)
    )
    page = f"<article><h1>Pleno DPT</h1><div class='article-body'>{story}</div>{cards}</article>"
    html = f"<html lang='id'><body>{page}</body></html>"
    got = extract_html(html, "https://kabar.example.com/berita/pleno")
    assert "Ringkasan berita lain" not in got["body"]
    assert got["body"].count("Paragraf") == 6


def _english_page(body: str, after: str = "", head: str = "") -> str:
    return (
        f"<html lang='en'><head><title>Council backs flood plan - Daily Sample</title>{head}</head><body>"
        f"<h1>Council backs flood plan</h1>{body}{after}</body></html>"
    )


LINES = [
    "The city council on Monday approved a plan to rebuild the river embankments before the rainy season begins.",
    "Engineers said the first section of the wall would be finished within four months of the contract signing.",
    "Residents of the low-lying districts have complained for years that every storm floods their streets.",
    "The mayor said the budget for the work had been set aside in the revised spending plan for next year.",
    "Opposition members asked for an independent audit of the tender, which the council agreed to commission.",
]


def test_a_story_in_br_lines_split_by_inline_links_keeps_its_dateline_and_paragraphs() -> None:
    first = "RIVERTON: <a href='/t/council'>Council</a> members on Monday approved a plan to rebuild the embankments."
    story = first + "<br/>" + "<br/>".join(LINES[1:]) + "<div class='poll'></div><br/>" + LINES[0]
    side = "".join(f"<p>Sidebar teaser number {i}, long enough to count as a paragraph of text.</p>" for i in range(2))
    menu = "<ul class='topics'>" + "".join(f"<li><a href='/t/{i}'>Topic {i}</a></li>" for i in range(800)) + "</ul>"
    html = _english_page(f"{menu}<div class='story'>{story}</div><div class='side'>{side}</div>")  # a big page
    got = extract_html(html, "https://news.example.com/city/flood-plan")
    assert got["parser"] == "generic"  # read from the page's own lines, not by the fallback (which split them)
    assert got["dateline"] == "RIVERTON"
    paras = got["body"].split("\n\n")
    assert paras[0] == "Council members on Monday approved a plan to rebuild the embankments."
    assert len(paras) == 6 and "Sidebar teaser" not in got["body"]


def test_teaser_cards_beside_the_story_do_not_replace_its_body() -> None:
    story = "".join(f"<p>{line}</p>" for line in LINES)
    cards = "".join(
        f"<li><a href='/other/{i}'><div><h1>Other headline {i}</h1><div>2024-10-1{i}</div><p>Summary of another"
        f" story number {i}, long enough to look like the running text of an article on this page, and then"
        f" some more words so that it reaches well over one hundred characters.</p><h6>By Some Writer</h6></div>"
        "</a></li>"
        for i in range(6)
    )
    more = f"<div><h1>You might also like</h1><ul>{cards}</ul></div>"
    html = _english_page(f"<div class='archives'>{story}</div>", more)
    got = extract_html(html, "https://news.example.com/city/flood-plan")
    assert "Summary of another" not in got["body"] and "You might also like" not in got["body"]
    assert got["body"].count("\n\n") == len(LINES) - 1


@pytest.mark.parametrize(
    "extra",
    [
        "<p>Get real-time updates and result insights on the <a href='/x'>Exam Result 2026</a>.</p>",
        "<p><strong>You Can Also Check: <a href='/g'>Gold Rate in Riverton</a> | <a href='/s'>Silver</a></strong></p>",
        "<p>Also read: <a href='/r'>Another story about the river</a></p>",
        "<p>READ MORE | <a href='/m'>Mayor under pressure over spending</a></p>",
    ],
)
def test_promotion_and_related_story_lines_after_an_english_story_are_not_body(extra: str) -> None:
    story = "".join(f"<p>{line}</p>" for line in LINES)
    got = extract_html(_english_page(f"<article>{story}{extra}</article>"), "https://news.example.com/city/flood-plan")
    assert got["body"].split("\n\n")[-1] == LINES[-1]


def test_promotion_glued_to_the_last_sentence_is_cut() -> None:
    last = LINES[-1] + "Get real-time updates and result insights on the Exam Result 2026.You Can Also Check: Gold Rate"
    story = "".join(f"<p>{line}</p>" for line in [*LINES[:-1], last])
    got = extract_html(_english_page(f"<article>{story}</article>"), "https://news.example.com/city/flood-plan")
    assert got["body"].split("\n\n")[-1] == LINES[-1]


def test_a_date_among_bar_separated_byline_fields() -> None:
    byline = "<div class='byline'>Sample Wire, RIVERTON, Eastland | City | Fri, June 19 2015, 7:36 AM</div>"
    story = "".join(f"<p>{line}</p>" for line in LINES)
    got = extract_html(_english_page(f"{byline}<article>{story}</article>"), "https://news.example.co.id/city/plan")
    assert got["published_at"] == "2015-06-19T07:36:00+07:00"


def test_a_foreign_page_dated_in_utc_prints_its_clock_in_utc() -> None:
    head = "<meta property='article:published_time' content='2026-06-30T16:34:54.488Z'>"
    story = "".join(f"<p>{line}</p>" for line in LINES)
    html = _english_page(f"<time>June 30, 2026 - 4.34pm</time><article>{story}</article>", head=head)
    got = extract_html(html, "https://news.example.com.au/world/plan")
    assert got["published_at"] is not None and got["published_at"].startswith("2026-06-30T16:34:54")
    assert got["published_at"].endswith("+00:00")


@pytest.mark.parametrize(
    "extra",
    [
        "<p>– additional reporting by Sam Writer</p>",
        "<p>Reporting by Sam Writer; Editing by Lee Editor</p>",
        "<p>Stay informed with The Daily Sample – your source for news. Subscribe Now!</p>",
    ],
)
def test_closing_credits_and_subscription_prompts_are_not_body(extra: str) -> None:
    story = "".join(f"<p>{line}</p>" for line in LINES)
    got = extract_html(_english_page(f"<article>{story}{extra}</article>"), "https://news.example.com/city/flood-plan")
    assert got["body"].split("\n\n")[-1] == LINES[-1]


@pytest.mark.parametrize(
    "extra",
    [
        "<p>Baca Juga &gt;&gt; <a href='/b'>Pleno rekapitulasi digelar pekan depan</a></p>",
        "<p>RELATED: <a href='/r'>Council to vote on the budget</a></p>",
        "<p>Read More » <a href='/m'>Mayor under pressure over spending</a></p>",
    ],
)
def test_related_story_lines_with_other_separators_are_not_body(extra: str) -> None:
    story = "".join(f"<p>{line}</p>" for line in LINES)
    got = extract_html(_english_page(f"<article>{story}{extra}</article>"), "https://news.example.com/city/flood-plan")
    assert got["body"].split("\n\n")[-1] == LINES[-1]


def test_fallback_lines_broken_at_inline_links_are_joined_and_the_dateline_found() -> None:
    from pantau.extract.body import join_fragments
    from pantau.extract.boilerplate import clean_paragraphs

    lines = ["RIVERTON:", "Council", "'s plan to rebuild the embankments", "won the vote on Monday.", *LINES[1:3]]
    joined = join_fragments(lines)
    assert joined == ["RIVERTON:", "Council's plan to rebuild the embankments won the vote on Monday.", *LINES[1:3]]
    paragraphs, dateline = clean_paragraphs(joined)
    assert dateline == "RIVERTON" and paragraphs[0].startswith("Council's plan")
    assert join_fragments(["Heading without a stop", "Next paragraph starts with a capital."]) == [
        "Heading without a stop", "Next paragraph starts with a capital."
    ]  # fmt: skip


@pytest.mark.parametrize(
    "extra",
    [
        "<p>READ NEXT: <a href='/n'>Rain expected over the weekend, says weather service</a></p>",
        "<p>—Sample Wire writer Sam Writer in Riverton contributed to this report.</p>",
        "<p>Story continues below advertisement</p>",
        "<p>Get daily City news delivered to your inbox so you'll never miss the day's top stories.</p>",
        "<p>By providing your email address, you have read and agree to the Terms and Conditions.</p>",
        "<p>First published in The Sample Review.</p>",
    ],
)
def test_next_story_links_contributor_notes_and_newsletter_boxes_are_not_body(extra: str) -> None:
    story = "".join(f"<p>{line}</p>" for line in LINES)
    got = extract_html(_english_page(f"<article>{story}{extra}</article>"), "https://news.example.com/city/flood-plan")
    assert got["body"].split("\n\n")[-1] == LINES[-1]


def test_a_story_paragraph_opening_with_by_is_no_byline() -> None:
    story = "".join(f"<p>{line}</p>" for line in LINES[:3])
    story += "<p>By comparison, Harlow, who led the council before, often took a softer line on spending.</p>"
    got = extract_html(_english_page(f"<article>{story}</article>"), "https://news.example.com/city/flood-plan")
    assert got["author"] is None


@pytest.mark.parametrize(
    "extra",
    [
        "<p><a href='/foto'>Lihat Foto</a></p>",
        "<p>Dengarkan berita ini</p>",
        "<p>Pilih saluran andalanmu akses berita Kabar.com WhatsApp Channel : https://wa.example/kabar</p>",
        "<p>Dapatkan update berita pilihan dan breaking news setiap hari dari Kabar.com.</p>",
        "<p>Halaman selanjutnya</p>",
    ],
)
def test_indonesian_photo_audio_channel_and_paging_prompts_are_not_body(extra: str) -> None:
    story = f"<article><p>{STORY}</p>{extra}<p>{STORY2}</p></article>"
    page = f"<html lang='id'><body><h1>Pleno DPT</h1>{story}</body></html>"
    got = extract_html(page, "https://kabar.example.com/read/pleno")
    assert got["body"].split("\n\n") == [STORY, STORY2]
