"""Titles, authors and datelines learned from the page itself (pantau.extract.site/title/byline/lead), on short
hand-written pages in the style of Indonesian outlets (invented text)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from pantau.extract import extract_html
from pantau.extract.byline import choose_authors, names_from, reporter_line, split_reporter_line
from pantau.extract.metadata import clean_author, read_page
from pantau.extract.site import SiteNames, domain_label, site_names
from pantau.extract.title import best_title, strip_site

P1 = (
    "Komisi Pemilihan Umum kabupaten menggelar rapat pleno terbuka rekapitulasi daftar pemilih tetap di aula kantor "
    "bupati pada Rabu pagi dengan dihadiri seluruh panitia pemilihan kecamatan."
)
P2 = (
    "Ketua KPU kabupaten mengatakan logistik pemilihan sudah didistribusikan ke seluruh kecamatan dan desa sejak "
    "pekan lalu, sehingga pemungutan suara dapat digelar tepat waktu."
)
P3 = "Badan Pengawas Pemilu setempat menyatakan akan mengawasi setiap tahap distribusi hingga hari pemungutan suara."


def _page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html lang='id'><head>{head}</head><body>{body}</body></html>"


def _sites(head: str, url: str) -> SiteNames:
    return site_names(read_page(lxml_html.fromstring(_page(head, "<p>x</p>")), url))


# ------------------------------------------------------------------------------------------------- site names


def test_domain_label() -> None:
    assert domain_label("https://lifestyle.okezone.com/read/1") == "okezone"
    assert domain_label("https://www.antaranews.com/berita/1") == "antaranews"
    assert domain_label("https://regional.kompas.com/read/1") == "kompas"
    assert domain_label("https://www.republika.co.id/berita/1") == "republika"


def test_site_names_from_meta_publisher_and_domain() -> None:
    head = (
        "<meta property='og:site_name' content='Warta Rakyat'>"
        "<script type='application/ld+json'>"
        '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "PT Warta Rakyat Media"}}'
        "</script>"
    )
    sites = _sites(head, "https://wartarakyat.example.com/berita/1")
    assert sites.is_exactly_site("Warta Rakyat")
    assert sites.is_exactly_site("wartarakyat.com")
    assert sites.is_site("Warta Rakyat Regional")
    assert not sites.is_site("Budi Santoso")


# ------------------------------------------------------------------------------------------------------ titles

SITE = _sites("<meta property='og:site_name' content='KABARKITA.com'>", "https://news.kabarkita.com/read/1")


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("KPU Tetapkan DPT Pilkada - Kabarkita.com", "KPU Tetapkan DPT Pilkada"),
        ("KPU Tetapkan DPT Pilkada - Kabarkita.com Regional", "KPU Tetapkan DPT Pilkada"),
        ("KPU Tetapkan DPT Pilkada | Kabarkita Online", "KPU Tetapkan DPT Pilkada"),
        ("Kabarkita.com - KPU Tetapkan DPT Pilkada", "KPU Tetapkan DPT Pilkada"),
        ("KPU Tetapkan DPT Pilkada - Politik :: Kabarkita News", "KPU Tetapkan DPT Pilkada - Politik"),
        ("Ketua KPU: Logistik Siap - Kabarkita.com", "Ketua KPU: Logistik Siap"),
        ("Warga Antre di TPS - Kota Lama", "Warga Antre di TPS - Kota Lama"),
        ("Kabarkita.com", "Kabarkita.com"),
    ],
)
def test_strip_site(raw: str, want: str) -> None:
    assert strip_site(raw, SITE) == want


SUARA = _sites("<meta property='og:site_name' content='Suara Warta'>", "https://www.suarawarta.com/read/1")


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Suara Warga Menentukan Arah Daerah - Suara Warta", "Suara Warga Menentukan Arah Daerah"),
        ("Suara Warga: Debat Kandidat Digelar Malam Ini", "Suara Warga: Debat Kandidat Digelar Malam Ini"),
        ("Suarawarta.com Regional - Bupati Resmikan Pasar", "Bupati Resmikan Pasar"),
        ("Bupati Resmikan Pasar - Harian Suara Warta", "Bupati Resmikan Pasar"),
        ("Bupati Resmikan Pasar - Liputan Khusus Suara Warta", "Bupati Resmikan Pasar - Liputan Khusus Suara Warta"),
    ],
)
def test_a_segment_that_only_starts_like_the_site_stays(raw: str, want: str) -> None:
    # a name's first word ("Suara") is no site name on its own: only whole names with a channel or place strip
    assert strip_site(raw, SUARA) == want


def test_a_headline_about_the_site_itself_is_no_affix() -> None:
    head = (
        "<meta property='og:site_name' content='Suara Warta'>"
        "<meta property='og:title' content='Suara Warta Raih Penghargaan Pers - Suara Warta'>"
    )
    body = "<h1>Suara Warta Raih Penghargaan Pers</h1><p>x</p>"
    assert _title(head, body, "https://www.suarawarta.com/read/1") == "Suara Warta Raih Penghargaan Pers"


def _title(head: str, body: str, url: str = "https://news.kabarkita.com/read/1") -> str | None:
    page = read_page(lxml_html.fromstring(_page(head, body)), url)
    return best_title(page, site_names(page))


def test_headline_h1_wins_over_logo_and_hidden_h1() -> None:
    head = (
        "<title>Warga Antre Sejak Subuh - Kabarkita</title><meta property='og:title' content='Warga Antre Sejak Subuh'>"
    )
    body = (
        "<div class='logo'><h1>Kabarkita.com - Berita Terkini</h1></div>"
        "<div style='display:none'><h1>Kabarkita Warga Antre Sejak Subuh - Berita :: Kabarkita</h1></div>"
        "<div class='titles'><h1>Warga Antre Sejak Subuh</h1></div>"
    )
    assert _title(head, body) == "Warga Antre Sejak Subuh"


def test_headline_in_h2_under_a_channel_h1() -> None:
    head = "<meta property='og:title' content='Bupati Resmikan Pasar Baru - Kabarkita.com'>"
    body = "<h1>Regional</h1><div class='read'><h2>Bupati Resmikan Pasar Baru</h2></div><h2>Terpopuler</h2>"
    assert _title(head, body) == "Bupati Resmikan Pasar Baru"


def test_visible_headline_keeps_its_punctuation() -> None:
    head = "<meta property='og:title' content='Logistik Tiba Apa Sudah Lengkap'>"
    body = "<div class='post-header'><h1>Logistik Tiba: Apa Sudah Lengkap?</h1></div>"
    assert _title(head, body) == "Logistik Tiba: Apa Sudah Lengkap?"


def test_an_affix_learned_from_title_against_og_title() -> None:
    head = (
        "<title>Debat Kandidat Digelar Malam Ini - Berita Terkini Hari Ini</title>"
        "<meta property='og:title' content='Debat Kandidat Digelar Malam Ini'>"
    )
    assert _title(head, "<p>x</p>", "https://portal.example.org/a") == "Debat Kandidat Digelar Malam Ini"


def test_without_meta_the_first_h1() -> None:
    assert _title("", "<h1>Debat Kandidat Digelar - Kabarkita.com</h1>") == "Debat Kandidat Digelar"


# ----------------------------------------------------------------------------------------------------- authors

DETIK = _sites("<meta property='og:site_name' content='kabarinet'>", "https://inet.kabar.com/read/1")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Penulis : Kontributor Tanjung Pinang, Rudi Hartono", ["Rudi Hartono"]),
        ("Pewarta: Siti Aminah", ["Siti Aminah"]),
        ("Reporter : Agus Salim Redaktur : Budi Santoso", ["Agus Salim"]),
        ("Agus Salim - kabarinet", ["Agus Salim"]),
        ("Agus Salim - kabarNews", ["Agus Salim"]),
        ("By Rina Marlina on 16 Feb 2016 at 09:10 WIB", ["Rina Marlina"]),
        ("Oleh : Dewi Lestari", ["Dewi Lestari"]),
        ("Dewi Lestari / Jurnalis", ["Dewi Lestari"]),
        ("Dewi Lestari Jurnalis", ["Dewi Lestari"]),
        ("Laporan Wartawan Kabar.com, Hendra Gunawan", ["Hendra Gunawan"]),
        ("Oleh: Budi Santoso, Rina Marlina", ["Budi Santoso", "Rina Marlina"]),
        ("Penulis: Budi Santoso dan Rina Marlina", ["Budi Santoso", "Rina Marlina"]),
        ("Ahmad bin Umar", ["Ahmad bin Umar"]),
        ("Rep: K21/ Red: Bayu Aji", ["K21"]),
        ("K21", []),
        ("Editor : Bayu Aji", []),
        ("Redaktur: Bayu Aji", []),
        ("Kabar Cyber Media", []),
        ("kabar.com", []),
        ("Oleh karena itu, warga diminta datang lebih awal.", []),
    ],
)
def test_names_from_a_byline(text: str, want: list[str]) -> None:
    assert names_from(text, DETIK) == want


def test_a_shortened_meta_name_gives_way_to_the_byline() -> None:
    assert choose_authors([], ["Andi"], ["Andi Pratama"], DETIK) == "Andi Pratama"
    assert choose_authors([], ["Andi"], ["Andi Pratama", "Rina Marlina"], DETIK) == "Andi Pratama, Rina Marlina"
    assert choose_authors([], ["Kabar Cyber Media"], ["Andi Pratama"], DETIK) == "Andi Pratama"
    assert choose_authors([], [], [], DETIK) is None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("DINA MARLINA", ["DINA MARLINA"]),
        ("DINA MARLINA | REUTERS", ["DINA MARLINA"]),
        ("(Budi Santoso)", ["Budi Santoso"]),
        ("BACA JUGA", []),
        ("(ant/red)", []),
        ("(Antara)", []),
        ("Warga diminta datang lebih awal.", []),
    ],
)
def test_reporter_line(line: str, want: list[str]) -> None:
    assert reporter_line(line, DETIK) == want
    assert split_reporter_line([P1, line], DETIK) == (([P1], want) if want else ([P1, line], []))
    assert split_reporter_line([line], DETIK) == ([line], [])  # a story is more than its closing line


@pytest.mark.parametrize("line", ["ANTARA", "REUTERS | AFP", "BERNAMA/XINHUA"])
def test_a_closing_agency_credit_leaves_the_body_and_names_no_one(line: str) -> None:
    assert split_reporter_line([P1, line], DETIK) == ([P1], [])
    assert split_reporter_line([P1, "Antara melaporkan hal itu kemarin."], DETIK)[0] == [
        P1, "Antara melaporkan hal itu kemarin."
    ]  # fmt: skip


# ------------------------------------------------------------------------------------------------- end to end


def test_credit_table_author_not_the_publisher_meta() -> None:
    head = "<meta name='author' content='Kabar Cyber Media'><meta property='og:site_name' content='KABAR.com'>"
    body = (
        f"<h2>Pleno DPT Digelar</h2><div class='read'><p>{P1}</p><p>{P2}</p></div>"
        "<table><tr><td>Penulis</td><td>: Kontributor Tanjung Pinang, Rudi Hartono</td></tr>"
        "<tr><td>Editor</td><td>: Bayu Aji</td></tr></table>"
    )
    got = extract_html(_page(head, body), "https://regional.kabar.com/read/2024/11/20/1")
    assert got["author"] == "Rudi Hartono"


def test_byline_inside_a_related_list_is_not_the_author() -> None:
    body = (
        "<div class='related-news'><ul><li><a>Berita lain</a><span class='author'>Rina Marlina</span></li></ul></div>"
        f"<h1>Pleno DPT Digelar</h1><div class='byline'>Oleh: Dewi Lestari</div><div class='read'><p>{P1}</p>"
        f"<p>{P2}</p></div>"
    )
    assert extract_html(_page("", body), "https://kabar.example.com/read/1")["author"] == "Dewi Lestari"


def test_photo_credit_is_not_the_author() -> None:
    body = (
        "<h1>Pleno DPT Digelar</h1><div class='photo'><img src='a.jpg'><span class='author'>KABAR.com/ANDI</span></div>"
        f"<div class='read'><p>{P1}</p><p>{P2}</p></div><p>Reporter : Agus Salim</p>"
    )
    assert extract_html(_page("", body), "https://kabar.com/read/1")["author"] == "Agus Salim"


def test_closing_reporter_line_is_the_author_and_leaves_the_body() -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{P1}</p><p>{P2}</p><p>DINA MARLINA</p></div>"
    got = extract_html(_page("", body), "https://gaya.kabar.co/read/1")
    assert got["author"] == "DINA MARLINA"
    assert got["body"] == f"{P1}\n\n{P2}"


def test_closing_reporter_line_leaves_the_body_when_a_byline_names_the_author() -> None:
    body = (
        f"<h1>Pleno DPT Digelar</h1><div class='author'>Oleh : Dewi Lestari</div>"
        f"<div class='read'><p>{P1}</p><p>{P2}</p><p>DEWI LESTARI</p></div>"
    )
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["author"] == "Dewi Lestari"
    assert got["body"] == f"{P1}\n\n{P2}"


def test_a_closing_capitals_line_naming_no_byline_writer_stays_in_the_body() -> None:
    body = (
        f"<h1>Pleno DPT Digelar</h1><div class='author'>Oleh : Dewi Lestari</div>"
        f"<div class='read'><p>{P1}</p><p>{P2}</p><p>MERDEKA SELALU</p></div>"
    )
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["author"] == "Dewi Lestari"
    assert got["body"] == f"{P1}\n\n{P2}\n\nMERDEKA SELALU"


# ---------------------------------------------------------------------------------------------------- datelines


def test_dateline_in_its_own_element_before_the_first_paragraph() -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='detail_text'><strong>Jakarta</strong> -<p>{P1}</p><p>{P2}</p></div>"
    got = extract_html(_page("", body), "https://news.kabar.com/read/1")
    assert got["dateline"] == "Jakarta"
    assert got["body"] == f"{P1}\n\n{P2}"


def test_dateline_below_a_copied_headline_and_a_date_line() -> None:
    body = (
        "<div class='artikel'><h1>Pleno DPT Digelar</h1><p>Kamis, 05 November 2015 | 11:13 WIB</p>"
        f"<p><strong>KABAR.CO</strong>, <strong>Jakarta</strong> - {P1}</p><p>{P2}</p><p>{P3}</p></div>"
    )
    got = extract_html(_page("<meta property='og:title' content='Pleno DPT Digelar'>", body), "https://kabar.co/r/1")
    assert got["dateline"] == "Jakarta"
    assert got["body"] == f"{P1}\n\n{P2}\n\n{P3}"


@pytest.mark.parametrize("lead", ["KABAR.co.id - ", "KABAR - ", "Kabar.com – "])
def test_an_outlet_only_lead_is_stripped_with_no_dateline(lead: str) -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{lead}{P1}</p><p>{P2}</p></div>"
    got = extract_html(_page("", body), "https://www.kabar.co.id/news/read/1")
    assert got["dateline"] is None
    assert got["body"] == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("Mataram, NTB (ANTARA News) - ", "Mataram"),
        ("REPUBLIKA.CO.ID, MEDAN -- ", "MEDAN"),
        ("JAKARTA, KOMPAS.com - ", "JAKARTA"),
        ("Liputan6.com, Jakarta - ", "Jakarta"),
    ],
)
def test_dateline_place_as_printed(lead: str, place: str) -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{lead}{P1}</p><p>{P2}</p></div>"
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["dateline"] == place
    assert got["body"].startswith(P1[:30])


def test_a_labelled_credit_line_wins_over_an_unlabelled_photo_credit() -> None:
    body = (
        "<h2>Pleno DPT Digelar</h2><div style='width:780px'><img src='a.jpg'><span class='author'>Dok. Humas Pemkab"
        f"</span></div><div class='read'><p>{P1}</p><p>{P2}</p></div>"
        "<table><tr><td>Penulis</td><td>: Agus Salim</td></tr><tr><td>Editor</td><td>: Bayu Aji</td></tr></table>"
    )
    assert extract_html(_page("", body), "https://kabar.com/read/1")["author"] == "Agus Salim"


def test_visible_byline_wins_over_a_different_json_ld_author() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Pleno DPT Digelar", "author": {"@type": "Person", "name": "Bayu Aji"}}'
    head = f"<script type='application/ld+json'>{ld}</script>"
    body = (
        "<h1>Pleno DPT Digelar</h1><div class='byline'>Oleh Dewi Lestari</div>"
        f"<div class='read'><p>{P1}</p><p>{P2}</p></div>"
    )
    assert extract_html(_page(head, body), "https://kabar.com/read/1")["author"] == "Dewi Lestari"


def test_a_bold_lead_without_its_dash() -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p><b>Kabar.com, Jakarta</b> {P1}</p><p>{P2}</p></div>"
    got = extract_html(_page("", body), "https://kabar.com/read/1")
    assert got["dateline"] == "Jakarta"
    assert got["body"] == f"{P1}\n\n{P2}"


def test_a_real_first_paragraph_above_a_dash_sentence_stays() -> None:
    # a short first paragraph, then one that fits the bare "Place -" form: no lead below the first line names
    # no outlet and prints its place in mixed case, so nothing above it is dropped
    first = "Warga mulai berdatangan ke TPS sejak pukul tujuh pagi."
    second = "Kota Lama - begitu warga menyebutnya - ramai sejak subuh."
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{first}</p><p>{second}</p><p>{P1}</p></div>"
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["dateline"] is None
    assert got["body"].startswith(first)


def test_a_bare_place_lead_is_no_lead_before_a_lower_case_word() -> None:
    body = (
        f"<h1>Pleno DPT Digelar</h1><div class='read'><p>Sungai Lama - dan sekitarnya - tergenang.</p><p>{P1}</p></div>"
    )
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["dateline"] is None
    assert got["body"].startswith("Sungai Lama - dan")


def test_a_bold_place_and_weekday_is_no_lead_tag() -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p><b>Jakarta, Senin</b> {P1}</p><p>{P2}</p></div>"
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["dateline"] is None
    assert got["body"].startswith("Jakarta, Senin")


def test_an_organisation_as_json_ld_author_is_no_writer() -> None:
    ld = (
        '{"@type": "NewsArticle", "headline": "Pleno DPT Digelar", '
        '"author": {"@type": "Organization", "name": "Tim Liputan"}}'
    )
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{P1}</p><p>{P2}</p></div>"
    got = extract_html(_page(f"<script type='application/ld+json'>{ld}</script>", body), "https://kabar.com/read/1")
    assert got["author"] is None


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Oleh: Budi Santoso", "Budi Santoso"),
        ("Budi Santoso - kabarNews", "Budi Santoso"),
        ("Byanto Wibowo", "Byanto Wibowo"),
        ("https://kabar.com/penulis/budi", None),
    ],
)
def test_clean_author(raw: str, want: str | None) -> None:
    assert clean_author(raw) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kontributor Kota Lama, Suparman", ["Suparman"]),
        ("Kontributor: Suparman", ["Suparman"]),
        ("Humas Pemkab Kota Lama", []),
        ("Dinas Kominfo", []),
        ("Kementerian Dalam Negeri", []),
        ("Kabar TV", []),
    ],
)
def test_contributor_role_and_organisations_are_no_names(text: str, want: list[str]) -> None:
    assert names_from(text, SITE) == want


def test_an_author_link_inside_an_editor_credit_is_the_editor() -> None:
    body = (
        f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{P1}</p><p>{P2}</p></div>"
        "<div class='info-author'>Editor : <a class='author' href='/author/7'>Bayu Aji</a></div>"
    )
    assert extract_html(_page("", body), "https://kabar.com/read/1")["author"] is None


def test_a_json_ld_author_the_page_prints_only_as_editor_is_no_writer() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Pleno DPT Digelar", "author": {"@type": "Person", "name": "Bayu Aji"}}'
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{P1}</p><p>{P2}</p></div><div>Editor: Bayu Aji</div>"
    head = f"<script type='application/ld+json'>{ld}</script>"
    assert extract_html(_page(head, body), "https://kabar.com/read/1")["author"] is None
    both = body + "<div class='byline'>Penulis: Bayu Aji</div>"
    assert extract_html(_page(head, both), "https://kabar.com/read/1")["author"] == "Bayu Aji"


def test_a_place_in_capitals_with_a_colon_is_a_dateline() -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p><strong>KOTA LAMA:</strong>{P1}</p><p>{P2}</p></div>"
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["dateline"] == "KOTA LAMA"
    assert got["body"] == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    ("raw", "site", "url", "want"),
    [
        (
            "Mobil Listrik Laris - ANTARA News Otomotif",
            "ANTARA News",
            "https://otomotif.antaranews.com/a",
            "Mobil Listrik Laris",
        ),
        (
            "Banjir di Kota Lama - Kabar.com Regional Jawa Timur",
            "KABAR.com",
            "https://regional.kabar.com/a",
            "Banjir di Kota Lama",
        ),
    ],
)
def test_a_site_name_with_a_channel_and_a_place_is_an_affix(raw: str, site: str, url: str, want: str) -> None:
    assert strip_site(raw, _sites(f"<meta property='og:site_name' content='{site}'>", url)) == want


def test_a_photo_credit_naming_the_writer_keeps_the_writer() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Pleno DPT Digelar", "author": {"@type": "Person", "name": "Bayu Aji"}}'
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{P1}</p><p>{P2}</p></div><span>Foto: Bayu Aji</span>"
    head = f"<script type='application/ld+json'>{ld}</script>"
    assert extract_html(_page(head, body), "https://kabar.com/read/1")["author"] == "Bayu Aji"


@pytest.mark.parametrize(
    "lead", ["Jakarta - iPhone baru resmi dijual hari ini.", "JAKARTA - dr. Budi menjelaskan hasilnya."]
)
def test_a_bare_lead_before_a_camel_case_word_or_a_title(lead: str) -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>{lead}</p><p>{P1}</p></div>"
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["dateline"] in ("Jakarta", "JAKARTA")


def test_a_mixed_case_lead_below_a_kicker_and_a_credit_line() -> None:
    body = f"<h1>Pleno DPT Digelar</h1><div class='read'><p>Oleh Dewi Lestari</p><p>Jakarta - {P1}</p><p>{P2}</p></div>"
    got = extract_html(_page("", body), "https://kabar.example.com/read/1")
    assert got["dateline"] == "Jakarta"
    assert got["body"] == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("line", ["UPDATE: Korban banjir bertambah.", "KPK: Tersangka baru diumumkan."])
def test_a_capitals_label_with_a_colon_is_no_place(line: str) -> None:
    from pantau.text.dateline import find_dateline

    assert find_dateline(line) is None


def test_credit_labels_are_found_after_any_white_space_and_case_but_not_inside_a_word() -> None:
    from pantau.extract.byline import _labelled  # the XPath prefilter must pass everything the label regex matches

    doc = lxml_html.document_fromstring(
        "<html><body><p>\u00a0\u2009 PENULIS: Budi</p><p>\n\t Reporter : Sari</p><div>\u212aontributor Ani</div>"
        "<span>By Joko</span><p>Bypass tol dibuka</p><li>\u3000 oleh Dewi</li><p><b>Editor</b>: Rina</p>"
        "<td>Editor: Tono</td><p>Pemilu damai</p></body></html>"
    )
    found = [" ".join((el.text or "").split()) for el in _labelled(doc, "penulis|reporter|kontributor|by|oleh|editor")]
    assert found == ["PENULIS: Budi", "Reporter : Sari", "\u212aontributor Ani", "By Joko", "oleh Dewi", "Editor",
                     "Editor: Tono"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a byline that runs on into an English date: the month before the day is part of the date
        ("Budi Santoso / KABAR.COM / Sep 2, 2024, 17:07 IST", ["Budi Santoso"]),
        ("Rina Marlina / Jul 19, 2024, 21:27 WIB", ["Rina Marlina"]),
        ("Budi Santoso, 5 Maret 2025", ["Budi Santoso"]),
        # "Updated:" / "Published:" open another credit, as "Diperbarui:" does
        ("Budi Santoso / Updated: Aug 28, 2024", ["Budi Santoso"]),
        ("Rina Marlina Published: 5 March 2025", ["Rina Marlina"]),
        # a part naming whose staff the writers are is no writer
        ("By Budi Santoso and Rina Marlina / Kabar Harian Staff Writers", ["Budi Santoso", "Rina Marlina"]),
        ("Budi Santoso / Tim Redaksi", ["Budi Santoso"]),
        # a CMS placeholder is no writer
        ("No Author", []),
    ],
)
def test_byline_tails_dates_desks_and_placeholders(text: str, want: list[str]) -> None:
    assert names_from(text, DETIK) == want


def test_a_person_named_like_a_month_keeps_the_name() -> None:
    assert names_from("Oleh: Juni Astuti", DETIK) == ["Juni Astuti"]


@pytest.mark.parametrize(
    "line",
    [
        "<div class='entry-meta'>Posted by Budi Santoso</div>",
        "<div class='entry-meta'>Diposting oleh Budi Santoso</div>",
        "<p>Posted by Budi Santoso</p>",
        "<p>Oleh Budi Santoso</p>",
    ],
)
def test_blog_engine_bylines_name_the_writer(line: str) -> None:
    """WordPress/Blogger themes many regional outlets run print 'Posted by' / 'Diposting oleh' before the writer."""
    page = _page(
        "<title>Pleno DPT Kabupaten Contoh</title>",
        f"<article><h1>Pleno DPT Kabupaten Contoh</h1>{line}<p>{P1}</p><p>{P2}</p><p>{P3}</p></article>",
    )
    art = extract_html(page, "https://kabar.example.id/2024/09/20/pleno-dpt")
    assert art["author"] == "Budi Santoso"
    assert "Posted" not in art["body"] and "Diposting" not in art["body"]


def test_posted_alone_is_still_no_writer() -> None:
    assert names_from("Posted: 20 September 2024", SITE) == []


# ------------------------------------------------------------------------------------------------- wire credits


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Dewi Lestari / TNN /", ["Dewi Lestari"]),  # the news service's code is no second writer
        ("TNN /", []),
        ("Dewi Lestari, HT", ["Dewi Lestari"]),
        ("AFP, MANILA", ["AFP"]),  # a wire credit names the agency only
        ("Agence France-Presse, KOTA LAMA, Sumatra | World | Fri, June 19 2015, 7:36 AM", ["Agence France-Presse"]),
        ("JIJI", ["JIJI"]),
        ("AGUS", ["AGUS"]),  # a short name in capitals with its vowels is still a name
    ],
)
def test_service_codes_and_wire_credits_in_bylines(text: str, want: list[str]) -> None:
    assert names_from(text, DETIK) == want


@pytest.mark.parametrize(
    ("credit", "author", "place"),
    [
        ("<div class='name'>AFP, KOTA LAMA</div>", "AFP", "KOTA LAMA"),
        ("<p class='credit'>JIJI</p>", "JIJI", None),
        ("<div class='byline'>Reuters, KOTA LAMA, Eastland | World | Fri, June 19 2015, 7:36 AM</div>", "Reuters",
         "KOTA LAMA, Eastland"),
    ],
)  # fmt: skip
def test_a_wire_credit_line_gives_the_agency_and_its_place(credit: str, author: str, place: str | None) -> None:
    story = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    head = "<title>Pleno DPT - Kabar Sample</title>"
    kicker = "<h2><b>RAPAT PLENO:</b> Panitia menetapkan daftar pemilih</h2>" if place else ""
    body = f"<h1>Pleno DPT</h1>{kicker}{credit}{story}"
    got = extract_html(_page(head, f"<div class='story'>{body}</div>"), "https://kabar.example.com/read/pleno")
    assert got["author"] == author
    assert got["dateline"] == place  # the credit's place, not the kicker before it
    assert got["body"].split("\n\n")[-3:] == [P1, P2, P3] and author not in got["body"]


def test_a_wire_credit_after_a_long_menu_is_still_found() -> None:
    # a portal's menus and tickers ("Berita ...", "Kabupaten ...") share an agency's first letters ("Bernama",
    # "Kantor Berita Antara"): they are no credit lines and must not use up the elements looked at
    menu = "".join(f"<li><span>Berita Kabupaten {n}</span></li>" for n in range(400))
    story = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    body = f"<ul>{menu}</ul><div class='story'><h1>Pleno DPT</h1><p class='credit'>JIJI</p>{story}</div>"
    got = extract_html(_page("<title>Pleno DPT - Kabar Sample</title>", body), "https://kabar.example.com/read/pleno")
    assert got["author"] == "JIJI"


def test_a_photo_credit_naming_an_agency_is_no_wire_credit() -> None:
    story = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    photo = "<figure><img src='a.jpg'><figcaption><span class='credit'>AFP</span></figcaption></figure>"
    got = extract_html(_page("<title>Pleno</title>", f"<h1>Pleno</h1>{photo}{story}"), "https://kabar.example.com/a")
    assert got["author"] is None and got["dateline"] is None


def test_a_site_named_with_the_is_the_publisher_without_it_too() -> None:
    head = "<meta property='og:site_name' content='The Kabar Globe'><title>Pleno - The Kabar Globe</title>"
    byline = "<div class='author'><a href='/author/kabar-globe/'>Kabar Globe</a> on 12:23 am Jun 19, 2015</div>"
    story = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    got = extract_html(_page(head, f"<h1>Pleno</h1>{byline}{story}"), "https://kabarglobe.example.com/news/pleno/")
    assert got["author"] is None


@pytest.mark.parametrize(
    ("lead", "place"),
    [("Kota Lama. ", "Kota Lama"), ("Kota Lama/Riverton. ", "Kota Lama/Riverton"), ("Selasa. ", None)],
)
def test_a_place_with_a_full_stop_leads_the_story(lead: str, place: str | None) -> None:
    story = f"<p><strong>{lead.strip()}</strong> {P1}</p><p>{P2}</p><p>{P3}</p>"
    got = extract_html(_page("<title>Pleno</title>", f"<h1>Pleno</h1>{story}"), "https://kabar.example.com/a")
    assert got["dateline"] == place
    assert got["body"].startswith(P1 if place else lead.strip())


def test_an_author_element_and_a_contributor_glued_after_the_last_sentence() -> None:
    byline = "<div class='info'><author>Dewi Lestari</author> : <strong>19 Jun 2015 | 13:06</strong></div>"
    story = f"<div class='story'><p>{P1}</p><p>{P2}</p><p>{P3} (<strong>Budi Santoso</strong>)</p></div>"
    got = extract_html(_page("<title>Pleno</title>", f"<h1>Pleno</h1>{byline}{story}"), "https://kabar.example.com/a")
    assert got["author"] == "Dewi Lestari"
    assert got["body"].split("\n\n") == [P1, P2, P3]


def test_a_contributor_glued_after_the_last_sentence_names_the_writer_without_a_byline() -> None:
    story = f"<p>{P1}</p><p>{P2}</p><p>{P3} (Budi Santoso)</p>"
    got = extract_html(_page("<title>Pleno</title>", f"<h1>Pleno</h1>{story}"), "https://kabar.example.com/a")
    assert got["author"] == "Budi Santoso" and got["body"].endswith(P3)
    inside = f"<p>{P1}</p><p>{P2}</p><p>Ketua panitia (Budi Santoso) membuka rapat pleno di aula kantor bupati.</p>"
    got = extract_html(_page("<title>Pleno</title>", f"<h1>Pleno</h1>{inside}"), "https://kabar.example.com/a")
    assert got["author"] is None and "(Budi Santoso)" in got["body"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Dan Jervis-Bardy", ["Dan Jervis-Bardy"]),  # a first name, not the Indonesian "dan"
        ("Budi Santoso dan Rina Marlina", ["Budi Santoso", "Rina Marlina"]),
        ("Adam Vidler and AP", ["Adam Vidler", "AP"]),  # a wire service beside the writer stays
    ],
)
def test_names_beside_first_names_like_conjunctions_and_agencies(text: str, want: list[str]) -> None:
    assert names_from(text, DETIK) == want


def test_related_cards_with_the_same_byline_markup_add_no_writer() -> None:
    def card(name: str) -> str:
        return f"<div class='meta-author'><span class='by'>by</span> <span class='name'>{name}</span></div>"

    story = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    main = f"<div class='post-meta'>{card('Sari Wulandari')}</div>"
    related = "".join(f"<li><h3>Berita lain {i}</h3><div class='m'>{card(n)}</div></li>" for i, n in
                      enumerate(["By BUDI KARYA", "Rina Marlina"]))  # fmt: skip
    layout = f"<div class='site-content sidebar-enabled'><div><div><div><div><div><div><div>{main}{story}"
    layout += f"</div></div></div></div></div></div></div><ul class='posts'>{related}</ul></div>"
    got = extract_html(_page("<title>Pleno</title>", f"<h1>Pleno</h1>{layout}"), "https://kabar.example.com/a")
    assert got["author"] == "Sari Wulandari"


def test_a_meta_writer_beats_a_lone_agency_credit() -> None:
    person = '{"@type":"Person","name":"Adam Vidler"}'
    ld = f'<script type="application/ld+json">{{"@type":"NewsArticle","author":[{person}]}}</script>'
    story = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    got = extract_html(
        _page(ld, f"<h1>Pleno</h1><div><span class='x'>AP</span></div>{story}"), "https://kabar.example.com/a"
    )
    assert got["author"] == "Adam Vidler"
