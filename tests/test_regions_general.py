"""Region detection, one test per general failure kind seen on real coverage (invented sentences; the province and
regency names come from the Kemendagri list in the shared data): every province by its names, abbreviations and
English names; regency abbreviations and administrative forms; datelines; shared names resolved by the places next to
them; national figures, national counts and comparisons that name a province without being about it; the outlet's
home region."""

from __future__ import annotations

import csv
import time

import pytest

from pantau.process.claims.facts import load_facts
from pantau.process.region_candidates import pair_race_codes
from pantau.process.regions import find_regions, load_gazetteer
from pantau.records import Region
from tests.shared import SHARED

REGIONS_CSV = SHARED / "data" / "regions" / "provinces_regencies_2025.csv"


def _kemendagri() -> dict[str, str]:
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        return {r["code"]: r["name"].strip() for r in csv.DictReader(fh)}


NAMES = _kemendagri()
PROVINCES = {code: name for code, name in NAMES.items() if "." not in code}


def provinces(rows: list[Region]) -> set[str]:
    return {r.province for r in rows}


def by_code(rows: list[Region]) -> dict[str, Region]:
    return {r.code: r for r in rows}


# --------------------------------------------------------------------------------- every province, every name

# The forms newsrooms write besides the official name: abbreviations, short and old names, English names.
PROVINCE_FORMS: dict[str, list[str]] = {
    "11": ["Aceh", "NAD", "Nanggroe Aceh Darussalam"],
    "12": ["Sumut", "North Sumatra", "North Sumatera"],
    "13": ["Sumbar", "West Sumatra"],
    "14": ["Riau"],
    "15": ["Jambi"],
    "16": ["Sumsel", "South Sumatra"],
    "17": ["Bengkulu"],
    "18": ["Lampung"],
    "19": ["Babel", "Bangka Belitung", "Kep. Babel", "Bangka Belitung Islands"],
    "21": ["Kepri", "Kep. Riau", "Riau Islands"],
    "31": ["DKI Jakarta", "DKI", "Daerah Khusus Jakarta", "DKJ"],
    "32": ["Jabar", "West Java", "Jawa Kulon"],
    "33": ["Jateng", "Central Java"],
    "34": ["DIY", "DI Yogyakarta", "Jogja", "Special Region of Yogyakarta", "Ngayogyakarta"],
    "35": ["Jatim", "East Java", "Jawa Wetan"],
    "36": ["Banten"],
    "51": ["Bali"],
    "52": ["NTB", "West Nusa Tenggara"],
    "53": ["NTT", "East Nusa Tenggara"],
    "61": ["Kalbar", "West Kalimantan"],
    "62": ["Kalteng", "Central Kalimantan"],
    "63": ["Kalsel", "South Kalimantan"],
    "64": ["Kaltim", "East Kalimantan"],
    "65": ["Kaltara", "North Kalimantan"],
    "71": ["Sulut", "North Sulawesi"],
    "72": ["Sulteng", "Central Sulawesi"],
    "73": ["Sulsel", "South Sulawesi"],
    "74": ["Sultra", "Southeast Sulawesi"],
    "75": ["Gorontalo"],
    "76": ["Sulbar", "West Sulawesi"],
    "81": ["Maluku"],
    "82": ["Malut", "North Maluku"],
    "91": ["Papua", "Irian Jaya"],
    "92": ["Pabar", "West Papua", "Irian Jaya Barat"],
    "93": ["Papua Selatan", "South Papua"],
    "94": ["Papua Tengah", "Central Papua"],
    "95": ["Papua Pegunungan", "Highland Papua"],
    "96": ["Papua Barat Daya", "PBD", "Southwest Papua"],
}


def test_the_form_table_covers_all_38_provinces() -> None:
    assert set(PROVINCE_FORMS) == set(PROVINCES) and len(PROVINCES) == 38


@pytest.mark.parametrize("code", sorted(PROVINCES))
def test_every_province_by_its_official_name(code: str) -> None:
    name = PROVINCES[code]
    rows = find_regions(f"KPU Provinsi {name} menetapkan pasangan calon gubernur dan wakil gubernur.")
    assert rows and rows[0].code == code and rows[0].province == name


@pytest.mark.parametrize(("code", "form"), [(c, f) for c, forms in PROVINCE_FORMS.items() for f in forms])
def test_every_province_by_the_names_newsrooms_use(code: str, form: str) -> None:
    rows = find_regions(f"Debat Pilgub {form} digelar KPU. Warga {form} diajak datang ke TPS pada hari pemungutan.")
    assert rows and rows[0].code == code, (form, rows)
    assert provinces(rows) == {PROVINCES[code]}


def test_english_province_names_in_an_english_report() -> None:
    rows = find_regions(
        "The regional election commission in Highland Papua delayed the count, while officials in Southwest Papua "
        "and West Nusa Tenggara reported a smooth vote."
    )
    assert provinces(rows) == {PROVINCES["95"], PROVINCES["96"], PROVINCES["52"]}


# ------------------------------------------------------------------------ regency abbreviations and admin forms

REGENCY_FORMS: list[tuple[str, str]] = [
    ("Muba", "16.06"),
    ("OKU Timur", "16.08"),
    ("Kukar", "64.02"),
    ("Kutim", "64.08"),
    ("PPU", "64.09"),
    ("HST", "63.07"),
    ("Tanbu", "63.10"),
    ("Kotim", "62.02"),
    ("Tangsel", "36.74"),
    ("Sidrap", "73.14"),
    ("Pangkep", "73.10"),
    ("Labura", "12.23"),
    ("Madina", "12.13"),
]


@pytest.mark.parametrize(("form", "code"), REGENCY_FORMS)
def test_common_regency_abbreviations(form: str, code: str) -> None:
    rows = find_regions(f"KPU {form} menggelar rapat pleno penetapan pasangan calon bupati.")
    assert rows and rows[0].code == code, (form, rows)
    assert rows[0].regency == NAMES[code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("KPU Kab. Lahat menetapkan hasil rekapitulasi.", "16.04"),
        ("Pemkab Kep. Meranti menyiapkan gudang logistik.", "14.10"),
        ("Wali Kota Adm. Jakarta Selatan meninjau TPS di Kebayoran.", "31.74"),
        ("Bupati Kab. Adm. Kepulauan Seribu meninjau TPS.", "31.01"),
        ("KPU Kota Administrasi Jakarta Timur menyiapkan TPS.", "31.75"),
        ("Pilkada Gunungkidul dan Gunung Kidul ditulis dua cara.", "34.03"),
        ("KPU Kota Palangkaraya menetapkan wali kota terpilih.", "62.71"),
        ("KPU Kota Pangkal Pinang menyiapkan pemungutan suara ulang.", "19.71"),
        ("PSU Pilwalkot Banjar Baru digelar April.", "63.72"),
        ("KPU Tikep menetapkan wali kota terpilih.", "82.72"),
    ],
)
def test_administrative_and_spelling_variants(text: str, code: str) -> None:
    rows = find_regions(text)
    assert rows and rows[0].code == code, rows


def test_bracketed_abbreviation_is_the_same_mention() -> None:
    once = find_regions("Pemilih di Nusa Tenggara Barat antusias datang ke TPS untuk memilih gubernur.")
    twice = find_regions("Pemilih di Nusa Tenggara Barat (NTB) antusias datang ke TPS untuk memilih gubernur.")
    assert [(r.code, r.score) for r in once] == [(r.code, r.score) for r in twice]
    again = find_regions("Pemilih di Nusa Tenggara Barat antusias. Di NTB, partisipasi tinggi pada Pilkada.")
    assert again[0].code == "52" and again[0].score > once[0].score


# ---------------------------------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("dateline", "code"),
    [
        ("MATARAM, KOMPAS.com -", "52.71"),
        ("Mataram (ANTARA) -", "52.71"),
        ("TRIBUNJATENG.COM, SEMARANG -", "33.74"),
        ("Liputan6.com, Serang -", "36.73"),
        ("Sofifi -", "82.72"),
        ("Wamena, Jubi –", "95.01"),
        ("Merauke, Jubi –", "93.01"),
        ("Tanjung Selor (ANTARA) -", "65.01"),
        ("WONOSARI, KRJOGJA.com -", "34.03"),
        ("Puruk Cahu -", "62.12"),
    ],
)
def test_dateline_forms_name_the_reporters_town(dateline: str, code: str) -> None:
    rows = find_regions(f"{dateline} Rapat pleno rekapitulasi suara digelar hari ini dan dihadiri saksi paslon.")
    assert rows and rows[0].code == code, (dateline, rows)


def test_dateline_of_a_desk_does_not_outrank_the_story() -> None:
    rows = find_regions(
        "MATARAM, KOMPAS.com - KPU Kabupaten Bima menetapkan hasil rekapitulasi. Pleno KPU Kabupaten Bima "
        "dihadiri saksi semua paslon bupati.",
    )
    assert rows[0].code == "52.06"
    assert provinces(rows) == {PROVINCES["52"]}


# --------------------------------------------------------------------------- shared names and their neighbours


def test_a_seat_shared_by_two_provinces_follows_the_places_next_to_it() -> None:
    """Martapura is the seat of Kabupaten Banjar (Kalsel) and of OKU Timur (Sumsel)."""
    assert find_regions("Kampanye akbar digelar di Martapura, Minggu siang.") == []
    kalsel = find_regions("KPU Banjar menggelar pleno di Martapura. Saksi paslon hadir lengkap.")
    assert provinces(kalsel) == {PROVINCES["63"]} and kalsel[0].code == "63.03"
    sumsel = find_regions("Kampanye akbar digelar di Martapura, lalu bergeser ke Baturaja dan Muaradua.")
    assert "16.08" in by_code(sumsel) and PROVINCES["63"] not in provinces(sumsel)


def test_a_name_shared_by_two_provinces_follows_the_province_named() -> None:
    jabar = find_regions("KPU Banjar menerima logistik. Bawaslu Ciamis dan Pangandaran ikut mengawasi.")
    assert "32.79" in by_code(jabar) and PROVINCES["63"] not in provinces(jabar)
    kalsel = find_regions("Pilkada Banjar memanas. Di Banjarmasin, pendukung paslon menggelar doa bersama.")
    assert "63.03" in by_code(kalsel) and PROVINCES["32"] not in provinces(kalsel)


# ----------------------------------------------------- named but not the subject: figures, counts, comparisons


def test_a_national_figure_named_in_passing_adds_no_province() -> None:
    passing = (
        "KPU RI menggelar rapat koordinasi nasional tentang distribusi logistik Pilkada serentak. Ketua KPU "
        "menyebut surat suara sudah tiba di hampir semua daerah. Dalam rapat itu, Pramono Anung ikut memberi "
        "sambutan singkat. Rapat ditutup sore hari."
    )
    assert find_regions(passing) == []
    subject = (
        "Pasangan calon gubernur Pramono Anung-Rano Karno menggelar kampanye akbar. Pramono Anung meminta "
        "pendukungnya datang ke TPS."
    )
    assert provinces(find_regions(subject)) == {PROVINCES["31"]}
    titled = find_regions(passing, title="Pramono Anung Hadiri Rapat KPU RI")
    assert provinces(titled) == {PROVINCES["31"]}


def test_places_in_a_sentence_about_the_whole_country_are_examples() -> None:
    text = (
        "Pilgub Kalteng diikuti dua pasangan calon. Pilkada serentak digelar di 37 provinsi, karena Daerah Istimewa "
        "Yogyakarta tidak menggelar pemilihan gubernur langsung. Sebanyak 508 kabupaten/kota ikut, sebab kota "
        "administratif di Jakarta tidak memilih wali kota."
    )
    assert provinces(find_regions(text)) == {PROVINCES["62"]}
    local = "Pilkada di 13 kabupaten/kota di Kalteng berlangsung serentak. KPU Kalteng memantau semua daerah."
    assert provinces(find_regions(local)) == {PROVINCES["62"]}
    assert find_regions(local)[0].code == "62"


def test_places_a_story_compares_with_are_not_its_subject() -> None:
    text = (
        "Pilgub Jawa Barat diikuti empat pasangan calon, lebih banyak ketimbang DKI Jakarta yang hanya tiga, Jawa "
        "Timur dengan tiga, dan Jawa Tengah dengan dua. KPU Jawa Barat menyiapkan empat kali debat."
    )
    assert provinces(find_regions(text, title="Empat Paslon Berebut Kursi Gubernur Jabar")) == {PROVINCES["32"]}
    both = "Pilgub Jawa Barat dan Pilgub Jawa Tengah sama-sama diikuti dua pasangan calon."
    assert provinces(find_regions(both)) == {PROVINCES["32"], PROVINCES["33"]}


def test_the_parent_provinces_command_serves_a_new_papua_province() -> None:
    """Papua Pegunungan, Papua Tengah and Papua Selatan were carved out of Papua in 2022; "Polda Papua" still served
    them in the 2024 Pilkada, so in their stories it is the police command, not a second province."""
    text = (
        "Penjabat Gubernur Papua Pegunungan menyatakan Pilkada di Provinsi Papua Pegunungan berjalan aman. Ia "
        "bertemu Wakapolda Papua dan perwira Polda Papua di Wamena untuk membahas pengamanan."
    )
    assert provinces(find_regions(text)) == {PROVINCES["95"]}
    papua = find_regions("Kapolda Papua memimpin apel pengamanan Pilgub Papua di Jayapura.")
    assert PROVINCES["91"] in provinces(papua)
    alone = find_regions("Polda Papua menyiagakan ribuan personel untuk pengamanan pilkada.")
    assert provinces(alone) == {PROVINCES["91"]}


# ---------------------------------------------------------------------------------------- the outlet's region


def test_the_outlets_home_region_is_not_the_story() -> None:
    national = "KPU RI menetapkan jadwal rekapitulasi nasional. Rekapitulasi berjenjang dimulai dari kecamatan."
    assert find_regions(national, outlet_province="Sumatera Selatan") == []
    elsewhere = find_regions(
        "KPU Kabupaten Badung dan KPU Gianyar menerima logistik pilkada.", outlet_province="Sumatera Selatan"
    )
    assert provinces(elsewhere) == {PROVINCES["51"]}


@pytest.mark.parametrize(
    "quote",
    ["Seperti dilansir Tribun Jateng,", "Dikutip dari Kaltim Post,", "Menurut Radar Bogor,", "Riau Pos menulis,"],
)
def test_a_newspaper_named_after_its_region_is_not_a_place(quote: str) -> None:
    rows = find_regions(f"KPU Kabupaten Lahat menetapkan hasil rekapitulasi pilkada. {quote} pleno digelar tertutup.")
    assert provinces(rows) == {PROVINCES["16"]}


def test_gazetteer_knows_the_new_provinces_parents() -> None:
    gaz = load_gazetteer()
    assert gaz.carved == {"91": frozenset({"93", "94", "95"}), "92": frozenset({"96"})}


# ------------------------------------------------------------------------------- a pair named by short names


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Paslon Luthfi-Yasin unggul dalam hitung cepat pilkada.", "33"),
        ("Pasangan calon Pramono-Rano menggelar kampanye akbar.", "31"),
        ("Pasangan Khofifah - Emil unggul dalam hitung cepat pilkada.", "35"),
        ("Pasangan Bobby–Surya menang di hitung cepat pilkada.", "12"),
    ],
)
def test_a_pair_written_as_two_short_names_points_to_its_race(text: str, code: str) -> None:
    rows = find_regions(text)
    assert [r.code for r in rows] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Pasangan Prabowo-Gibran memenangi pemilihan presiden.",  # not a Pilkada pair
        "Kampanye di masing-masing kecamatan, dari Senin-Selasa, digelar pasangan calon.",
        "Jalan Luthfi-Yasin ditutup saat kampanye pasangan calon.",  # a street, not the pair
    ],
)
def test_dashes_that_name_no_pilkada_pair_add_nothing(text: str) -> None:
    assert find_regions(text) == []


def test_a_persons_birthplace_is_not_the_storys_region() -> None:
    text = (
        "Pasangan calon Pilgub Kalteng menggelar kampanye akbar di Palangka Raya. Calon gubernur kelahiran "
        "Banjarmasin itu meminta warga datang ke TPS. KPU Kalteng menyiapkan logistik pemungutan suara."
    )
    assert provinces(find_regions(text)) == {PROVINCES["62"]}
    story = find_regions("Warga Banjarmasin antusias mengikuti debat Pilwalkot Banjarmasin.")
    assert provinces(story) == {PROVINCES["63"]}


def test_pairs_by_short_names_are_found_in_linear_time_with_their_word_positions() -> None:
    facts = load_facts()
    text = "Di Jawa Tengah, Luthfi-Yasin menang.\nLalu Pramono-Rano juga - dan Luthfi-Yasin lagi."
    assert pair_race_codes(text, facts) == [("33", 3), ("31", 6), ("33", 10)]
    many = "Luthfi-Yasin menang. " * 50_000  # 50,000 pairs: the word positions once over the text (was 14 s)
    started = time.perf_counter()
    found = pair_race_codes(many, facts)
    assert time.perf_counter() - started < 3
    assert len(found) == 50_000 and found[-1] == ("33", 2 * 49_999)
