"""Publication time from every source a page offers (pantau.extract.published): synthetic pages for each form and
rule, and the real pages of shared/data/pages_real to the minute."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pantau.extract import extract_html
from pantau.extract.decode import parse_document
from pantau.extract.metadata import read_page
from pantau.extract.published import DateTexts, page_evidence, resolve, resolve_texts, url_day
from pantau.text.dates import read_datetime

WIB, WITA, MYT = (timezone(timedelta(hours=h)) for h in (7, 8, 8))
HEAD = "Warga Desa Sukamaju Gelar Musyawarah Pemilihan"
LEAD = (
    "<div class='txt'>"
    + "<p>Warga desa berkumpul di balai untuk membahas jadwal musyawarah bersama.</p>" * 6
    + "</div>"
)


def _page(body: str, head: str = "", lang: str = "id") -> str:
    return (
        f"<html lang='{lang}'><head><title>{HEAD} - Kabar Desa</title>{head}</head>"
        f"<body><div class='nav'><a href='/'>Beranda</a></div>{body}</body></html>"
    )


def _dates(html: str, url: str = "https://kabardesa.example.com/berita/123/warga") -> tuple[str | None, str | None]:
    page = read_page(parse_document(html), url)
    pub, upd = resolve(page_evidence(page))
    return (pub.isoformat() if pub else None, upd.isoformat() if upd else None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rabu, 4 November 2015 | 21:04 WIB", "2015-11-04T21:04:00+07:00"),
        ("Kamis, 5 November 2015 - 15:56 wib", "2015-11-05T15:56:00+07:00"),
        ("Selasa, 23 Februari 2016 15:06 WIB | 998 Views", "2016-02-23T15:06:00+07:00"),
        ("Kamis, 05 November 2015, 15:07 WIB", "2015-11-05T15:07:00+07:00"),
        ("Kamis, 05/11/2015 10:08 WIB", "2015-11-05T10:08:00+07:00"),
        ("on 16 Feb 2016 at 09:10 WIB", "2016-02-16T09:10:00+07:00"),
        ("Jum'at, 20 Jun 2025 • 16.33 WITA", "2025-06-20T16:33:00+08:00"),
        ("Dipublikasikan: Senin, 2 Des 2024 07:15 WIT", "2024-12-02T07:15:00+09:00"),
        ("22/10/2025 06:59", "2025-10-22T06:59:00+07:00"),
        ("Tuesday, 16 Feb 2016 09:10 PM MYT", "2016-02-16T21:10:00+08:00"),
    ],
)
def test_visible_line_under_the_headline(line: str, expected: str) -> None:
    html = _page(f"<h1>{HEAD}</h1><div class='meta'><span>{line}</span></div>{LEAD}")
    assert _dates(html)[0] == expected


def test_time_in_a_sibling_element_joins_the_day() -> None:
    html = _page(f"<h1>{HEAD}</h1><div class='tgl'><span>Kamis, 5 Nov 2015</span> <b>15:07 WIB</b></div>{LEAD}")
    assert _dates(html)[0] == "2015-11-05T15:07:00+07:00"


def test_related_list_dates_do_not_win_over_the_article_line() -> None:
    related = "".join(
        f"<li><span class='date'>Rabu, 04/11/2015 0{i}:00 WIB</span><a href='/r{i}'>Berita lain nomor {i}</a></li>"
        for i in range(1, 8)
    )
    html = _page(f"<ul class='populer'>{related}</ul><h1>{HEAD}</h1><div>Kamis, 05/11/2015 10:08 WIB</div>{LEAD}")
    assert _dates(html)[0] == "2015-11-05T10:08:00+07:00"


def test_a_date_in_running_text_or_a_caption_is_not_a_date_line() -> None:
    html = _page(f"<h1>{HEAD}</h1><p>Warga berkumpul di balai desa, Rabu (4/11/2015).</p>{LEAD}")
    assert _dates(html) == (None, None)


def test_mislabelled_z_that_repeats_the_visible_wall_clock_is_wib() -> None:
    head = "<meta name='pubdate' content='2015-11-05 T10:08:58Z'>"
    html = _page(f"<h1>{HEAD}</h1><div class='date'>Kamis, 05/11/2015 10:08 WIB</div>{LEAD}", head)
    assert _dates(html)[0] == "2015-11-05T10:08:58+07:00"  # seconds from the machine, zone from the page


def test_utc_machine_time_that_agrees_as_an_instant_is_kept() -> None:
    ld = f'{{"@type": "NewsArticle", "headline": "{HEAD}", "datePublished": "2016-02-16T02:10:56Z"}}'
    head = f"<script type='application/ld+json'>{ld}</script>"
    html = _page(f"<h1>{HEAD}</h1><time datetime='2016-02-16 09:10:56'>16 Feb 2016 at 09:10 WIB</time>{LEAD}", head)
    pub = datetime.fromisoformat(_dates(html)[0] or "")
    assert pub == datetime(2016, 2, 16, 2, 10, 56, tzinfo=UTC)


def test_naive_meta_on_an_indonesian_page_is_wib_and_foreign_offsets_are_kept() -> None:
    naive = _page(f"<h1>{HEAD}</h1>{LEAD}", "<meta name='publishdate' content='2025/06/20 09:07:00'>")
    assert _dates(naive)[0] == "2025-06-20T09:07:00+07:00"
    foreign = _page(
        f"<h1>{HEAD}</h1>{LEAD}", "<meta property='article:published_time' content='2016-02-16T09:10:00+08:00'>", "en"
    )
    assert _dates(foreign, "https://www.example.my/news/1")[0] == "2016-02-16T09:10:00+08:00"


def test_visible_line_beats_a_machine_time_that_contradicts_it_but_not_one_days_away() -> None:
    head = "<meta property='article:published_time' content='2026-01-20T18:33:13+07:00'>"
    html = _page(f"<h1>{HEAD}</h1><span class='datetime'>20/1/2026 18:30</span>{LEAD}", head)
    assert _dates(html)[0] == "2026-01-20T18:30:00+07:00"
    far = _page(f"<h1>{HEAD}</h1>{LEAD}<p>Senin, 2 Maret 2020 10:00 WIB</p>", head)
    assert _dates(far)[0] == "2026-01-20T18:33:13+07:00"


def test_updated_lines_and_date_modified_stay_apart() -> None:
    head = "<meta property='article:modified_time' content='2025-06-21T10:00:00+07:00'>"
    line = "<div class='read__time'>Kompas.com - 20/06/2025, 18:13 WIB</div><div>Diperbarui 21/06/2025, 07:02 WIB</div>"
    pub, upd = _dates(_page(f"<h1>{HEAD}</h1>{line}{LEAD}", head))
    assert pub == "2025-06-20T18:13:00+07:00"
    assert upd == "2025-06-21T07:02:00+07:00"
    only_update = _page(f"<h1>{HEAD}</h1><div class='date'>Update: 21 Juni 2025 10:00 WIB</div>{LEAD}")
    assert _dates(only_update) == (None, "2025-06-21T10:00:00+07:00")


def test_url_day_joins_a_visible_clock_and_a_day_alone_is_only_noted() -> None:
    url = "https://kabardesa.example.com/read/2016/02/16/141500/warga"
    assert str(url_day(url)) == "2016-02-16"
    assert str(url_day("https://x.example.com/berita/15/11/05/abc")) == "2015-11-05"
    assert url_day("https://x.example.com/news/20240301-rapat") is not None
    assert url_day("https://x.example.com/berita/123456") is None
    clock = _page(f"<h1>{HEAD}</h1><div class='jam'>Pukul 14:15 WITA</div>{LEAD}")
    assert _dates(clock, url)[0] == "2016-02-16T14:15:00+08:00"
    out = extract_html(_page(f"<h1>{HEAD}</h1>{LEAD}"), url)
    assert out["published_at"] is None
    assert any("2016-02-16" in note for note in out["notes"])


def test_a_machine_day_without_a_time_takes_the_clock_the_page_shows() -> None:
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2016-02-16"}</script>'
    page = _page(f"<h1>{HEAD}</h1><div class='jam'>Pukul 14:15 WIB</div>{LEAD}", head=ld)
    assert _dates(page)[0] == "2016-02-16T14:15:00+07:00"
    assert _dates(_page(f"<h1>{HEAD}</h1>{LEAD}", head=ld))[0] == "2016-02-16T00:00:00+07:00"  # as before


def test_the_article_line_beats_a_site_header_date_of_the_same_day() -> None:
    header = "<div class='date-top'>Jumat, 17 Februari 2017 | 19:40</div>"
    article = f"<h1>{HEAD}</h1><div class='date'>Jumat , 17 Februari 2017, 13:16 WIB</div>{LEAD}"
    assert _dates(_page(header + article))[0] == "2017-02-17T13:16:00+07:00"  # a zone where the header has none
    day_only = "<div class='tanggal'>Jumat, 17 Februari 2017</div>"
    assert _dates(_page(day_only + article))[0] == "2017-02-17T13:16:00+07:00"  # a time where it gives the day
    other_day = "<div class='tanggal'>Sabtu, 18 Februari 2017</div>"
    assert _dates(_page(f"<h1>{HEAD}</h1>{other_day}<p>Jumat, 17 Februari 2017, 13:16 WIB</p>{LEAD}"))[0] == (
        "2017-02-18T00:00:00+07:00"
    )  # another day is another claim: the best-placed line keeps it


def test_family_texts_go_through_the_same_rules() -> None:
    texts = DateTexts(machine=["2015-11-05 T10:08:58Z"], visible=["Kamis, 05/11/2015 10:08 WIB"])
    pub, upd = resolve_texts(texts)
    assert pub == datetime(2015, 11, 5, 10, 8, 58, tzinfo=WIB) and upd is None
    wita = resolve_texts(DateTexts(machine=["2024-11-20 09:07:00"]), default_tz="WITA")[0]
    assert wita == datetime(2024, 11, 20, 9, 7, tzinfo=WITA)
    upd_only = resolve_texts(DateTexts(visible_updated=["21 Juni 2025 10:00 WIB"]))
    assert upd_only == (None, datetime(2025, 6, 21, 10, 0, tzinfo=WIB))


def test_reading_tells_time_zone_and_utc_label() -> None:
    r = read_datetime("2015-11-05 T10:08:58Z")
    assert r is not None and r.has_time and r.zone_named and r.utc_label
    r = read_datetime("Kamis, 5 November 2015")
    assert r is not None and not r.has_time and not r.zone_named
    r = read_datetime("16 Feb 2016 9:10 pm GMT+8")
    assert r is not None and r.when == datetime(2016, 2, 16, 21, 10, tzinfo=MYT)


def test_a_byline_sharing_the_date_line_with_a_zoned_clock_still_reads() -> None:
    line = "Reporter: Budi Santoso | Editor: Andi Wijaya | Kamis, 05.11.2015 10:08 WIB"
    html = _page(f"<h1>{HEAD}</h1><div class='info'>{line}</div>{LEAD}")
    assert _dates(html)[0] == "2015-11-05T10:08:00+07:00"


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59Z", "2024-11-05T10:00:00+25:00", "0001-01-01T00:00:00+14:00"])
def test_an_impossible_machine_date_is_ignored_and_the_page_still_extracts(stamp: str) -> None:
    head = f"<meta property='article:published_time' content='{stamp}'>"
    html = _page(f"<h1>{HEAD}</h1><div class='date'>Kamis, 05/11/2015 10:08 WIB</div>{LEAD}", head)
    out = extract_html(html, "https://kabardesa.example.com/berita/123/warga")
    assert out["skip_reason"] is None and out["body"]
    assert out["published_at"] == "2015-11-05T10:08:00+07:00"


_URL_DAY_PAGE = "https://kabardesa.example.com/read/2015/11/05/123/warga"


def test_a_related_list_time_element_is_not_the_machine_date() -> None:
    related = "".join(
        f"<li><a href='/r{i}'>Berita lain nomor {i}</a><time datetime='2015-10-0{i}T08:00:00+07:00'>{i} Okt</time></li>"
        for i in range(1, 4)
    )
    html = _page(
        f"<h1>{HEAD}</h1><div>Kamis, 5 November 2015 10:00 WIB</div>{LEAD}<div class='related'><ul>{related}</ul></div>"
    )
    assert _dates(html, _URL_DAY_PAGE)[0] == "2015-11-05T10:00:00+07:00"


def test_a_sidebar_list_date_does_not_override_the_url_day() -> None:
    side = "".join(
        f"<li><a href='/r{i}'>Berita lain nomor {i}</a> <span class='date'>{i} Oktober 2015 08:00 WIB</span></li>"
        for i in range(1, 4)
    )
    html = _page(f"<h1>{HEAD}</h1>{LEAD}<div class='sidebar'><ul>{side}</ul></div>")
    assert _dates(html, _URL_DAY_PAGE)[0] is None  # the URL's day, no clock: noted, not stamped


def test_a_listed_time_of_the_same_day_does_not_give_the_article_its_clock() -> None:
    latest = "".join(
        f"<li><a href='/b{i}'>Berita terbaru nomor {i} tentang desa</a> <span>5 November 2015 1{i}:00 WIB</span></li>"
        for i in range(1, 4)
    )
    day_line = "<div class='date'>Kamis, 5 November 2015</div>"
    html = _page(f"<h1>{HEAD}</h1>{day_line}{LEAD}<div class='terbaru'><ul>{latest}</ul></div>")
    assert _dates(html, _URL_DAY_PAGE)[0] != "2015-11-05T11:00:00+07:00"


_MACHINE = "<meta property='article:published_time' content='2015-11-05T10:00:00+07:00'>"
_FIRST = (
    "<p>Warga desa menggelar musyawarah untuk menentukan jadwal kegiatan bersama bulan depan, dan panitia"
    " meminta setiap rukun tetangga mengirim dua wakil yang akan menyampaikan usulan dari warganya.</p>"
)


@pytest.mark.parametrize(
    "inside",
    [
        "<p>Musyawarah lanjutan: Jumat, 6 November 2015 pukul 19.00 WIB</p>",
        "<p><b>Rabu, 4 November 2015</b></p>",
    ],
)
def test_a_date_in_the_body_does_not_beat_the_machine_time(inside: str) -> None:
    html = _page(f"<h1>{HEAD}</h1>{_FIRST}{inside}{LEAD}", _MACHINE)
    assert _dates(html)[0] == "2015-11-05T10:00:00+07:00"


@pytest.mark.parametrize("label", ["Update terakhir:", "Dimutakhirkan", "Perbarui:", "Edited:", "Diperbarui"])
def test_update_labels_give_updated_at_only(label: str) -> None:
    html = _page(f"<h1>{HEAD}</h1><div class='date'>{label} Jumat, 6 November 2015 10:00 WIB</div>{LEAD}", _MACHINE)
    assert _dates(html) == ("2015-11-05T10:00:00+07:00", "2015-11-06T10:00:00+07:00")


def test_work_stays_bounded_on_a_page_of_many_date_tails() -> None:
    import time

    filler = "Warga desa mengatakan kegiatan berlangsung dengan tertib dan aman. " * 2
    tails = "".join(f"<br>{filler}<b>x</b>5 November 2015 Kamis" for _ in range(3000))
    html = _page(f"<h1>{HEAD}</h1>{LEAD}{tails}")
    t0 = time.process_time()
    _dates(html)
    assert time.process_time() - t0 < 5.0  # CPU seconds; the bound catches runaway work, speed lives in benchmarks


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kamis, 5 November 2015 | Diperbarui 16:30 WIB", "2015-11-05T16:30:00+07:00"),
        ("Kamis, 05/11/2015 | Diperbarui 16.30 WITA", "2015-11-05T16:30:00+08:00"),
        ("Kamis, 5 November 2015 09:07 WIB, Updated: 10:15 WIB", "2015-11-05T10:15:00+07:00"),
    ],
)
def test_a_clock_only_update_takes_the_published_day(line: str, expected: str) -> None:
    html = _page(f"<h1>{HEAD}</h1><div class='date'>{line}</div>{LEAD}")
    assert _dates(html)[1] == expected
