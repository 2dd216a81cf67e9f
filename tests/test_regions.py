"""Region gazetteer and detection: agreement with the Kemendagri list, aliases, and reading real-style news text."""

from __future__ import annotations

import csv
import time

import pytest

from pantau.process.regions import find_regions, load_gazetteer
from pantau.records import Region
from tests.shared import SHARED

REGIONS_CSV = SHARED / "data" / "regions" / "provinces_regencies_2025.csv"
SEED = SHARED / "seed" / "rapimnas-kpu-2024.txt"


def codes(rows: list[Region]) -> list[str]:
    return [r.code for r in rows]


def by_code(rows: list[Region]) -> dict[str, Region]:
    return {r.code: r for r in rows}


# ------------------------------------------------------------------------------------------------ gazetteer


def test_gazetteer_agrees_with_kemendagri_list() -> None:
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        expected = {r["code"]: (r["name"].strip(), r["level"], r["province_code"]) for r in csv.DictReader(fh)}
    gaz = load_gazetteer()
    got = {p.code: (p.name, p.level, p.province_code) for p in gaz.places}
    assert got == expected
    levels = [p.level for p in gaz.places]
    assert (levels.count("province"), levels.count("regency"), levels.count("city")) == (38, 416, 98)


def test_pilkada_flags_make_545_races() -> None:
    places = load_gazetteer().places
    races = {lvl: sum(1 for p in places if p.pilkada and p.level == lvl) for lvl in ("province", "regency", "city")}
    assert races == {"province": 37, "regency": 415, "city": 93}
    no_race = {p.code for p in places if not p.pilkada}
    assert no_race == {"34", "31.01", "31.71", "31.72", "31.73", "31.74", "31.75"}


def test_every_alias_and_seat_resolves_to_its_place() -> None:
    gaz = load_gazetteer()
    for place in gaz.places:
        for name in (place.name, place.short_name, *place.aliases, *place.seats):
            found = [p.code for p in gaz.lookup(name)]
            assert place.code in found, (name, place.code, found)


def test_no_alias_is_ambiguous_unless_declared() -> None:
    gaz = load_gazetteer()
    shared = {key: gaz.codes_for_key(key) for key in gaz.index if len(gaz.codes_for_key(key)) > 1}
    assert set(shared) == set(gaz.rules.ambiguous), "every shared name is declared, and only those"
    for key, default in gaz.rules.ambiguous.items():
        assert default is None or default in shared[key], (key, default)


def test_rule_lists_name_real_keys() -> None:
    gaz = load_gazetteer()
    missing = [k for k in gaz.rules.needs_cue if k not in gaz.index]
    assert missing == []


def test_lookup_levels_and_province_helpers() -> None:
    gaz = load_gazetteer()
    assert {p.code for p in gaz.lookup("Bogor")} == {"32.01", "32.71"}
    assert [p.code for p in gaz.lookup("Kab. Bogor")] == ["32.01"]
    assert [p.code for p in gaz.lookup("kota bogor")] == ["32.71"]
    assert [p.code for p in gaz.lookup("Muba")] == ["16.06"]
    assert [p.name for p in gaz.lookup("Lubuklinggau")] == ["Kota Lubuk Linggau"]
    assert [p.name for p in gaz.lookup("Pagaralam")] == ["Kota Pagar Alam"]
    assert gaz.lookup("Atlantis") == []
    province = gaz.province("16.06")
    assert province is not None and province.name == "Sumatera Selatan"
    resolved = gaz.resolve_province("Jatim")
    assert resolved is not None and resolved.code == "35"
    assert gaz.resolve_province("Kota Malang") is None


# ------------------------------------------------------------------------------------- kabupaten versus kota


def test_kabupaten_and_kota_bogor_told_apart() -> None:
    text = (
        "Bupati Bogor Iwan Setiawan meninjau gudang logistik KPU Kabupaten Bogor di Cibinong, Selasa. "
        "Di tempat terpisah, Penjabat Wali Kota Bogor memastikan distribusi surat suara di Kota Bogor rampung."
    )
    rows = by_code(find_regions(text))
    assert set(rows) == {"32.01", "32.71"}
    assert rows["32.01"].regency == "Kabupaten Bogor" and rows["32.71"].regency == "Kota Bogor"
    assert rows["32.01"].province == "Jawa Barat"


def test_malang_raya_three_races() -> None:
    text = (
        "Tiga daerah di Malang Raya menggelar pilkada serentak. Di Kabupaten Malang, petahana kembali maju, "
        "sementara Pilwalkot Malang diikuti tiga pasangan calon. KPU Kota Batu menetapkan dua pasangan. "
        "Batu bata dan batu kali menumpuk di depan kantor kelurahan."
    )
    rows = by_code(find_regions(text))
    assert set(rows) == {"35.07", "35.73", "35.79"}
    assert rows["35.79"].regency == "Kota Batu"


def test_bare_shared_name_follows_the_article_then_the_newsroom_default() -> None:
    explicit = "Pemkab Bekasi menyiapkan 5.000 TPS. Di Bekasi, pemilih muda mendominasi daftar pemilih tetap."
    assert codes(find_regions(explicit)) == ["32.16"]
    bare = "Warga Bekasi antusias menyambut debat kandidat yang digelar di sebuah hotel."
    assert codes(find_regions(bare)) == ["32.75"]


def test_kota_before_a_regency_only_name_is_the_town() -> None:
    rows = find_regions("Suasana kota Muara Enim tampak lengang menjelang pemungutan suara.")
    assert codes(rows) == ["16.03"]


# ------------------------------------------------------------------------------------------------ aliases


def test_sumsel_newsroom_aliases() -> None:
    text = (
        "Bawaslu Sumsel memetakan kerawanan di Muba, Muratara, OKU Timur dan PALI. Sementara di Lubuklinggau "
        "dan Pagaralam, pengawasan difokuskan pada politik uang. Pilkada Mura juga masuk daftar rawan."
    )
    rows = by_code(find_regions(text, outlet_province="Sumatera Selatan"))
    for code in ("16", "16.06", "16.13", "16.08", "16.12", "16.73", "16.72", "16.05"):
        assert code in rows, code
    assert rows["16"].regency is None and rows["16"].province == "Sumatera Selatan"
    assert "62.12" not in rows  # "Mura" in a Sumsel story is Musi Rawas, not Murung Raya


def test_other_provinces_aliases() -> None:
    rows = by_code(
        find_regions(
            "Debat Pilwalkot Tangsel digelar KPU setempat, sementara KPU Kukar menyiapkan debat Pilbup Kukar. "
            "Di Sulsel, Pilkada Sidrap dan Pangkep berlangsung ketat; di Sumut, paslon Pilkada Madina dan "
            "Labura mulai berkampanye."
        )
    )
    for code in ("36.74", "64.02", "73", "73.14", "73.10", "12", "12.13", "12.23"):
        assert code in rows, code


def test_english_regency_and_city_names_and_sumatera_spelling() -> None:
    """English outlets write "East Lombok", "North Central Timor", "South Jakarta" (direction words in front) and mix
    "Sumatra"/"Sumatera" ("North Sumatera"): all resolve to the place and so to its province."""
    rows = by_code(
        find_regions(
            "Voters in East Lombok and North Central Timor returned to the polls, while the election commission "
            "in South Jakarta and in Southwest Sumba reported a smooth count. In North Sumatera, the regional "
            "election commission announced the gubernatorial results."
        )
    )
    for code in ("52.03", "53.03", "31.74", "53.18", "12"):
        assert code in rows, code
    assert rows["52.03"].province == "Nusa Tenggara Barat"


def test_place_of_a_statement_is_not_the_subject() -> None:
    """ "kata X di Jakarta, Rabu (11/12)" says where a quote was given; a story about Kalteng stays about Kalteng, while
    the same name as the subject of a sentence still counts."""
    text = (
        "Pasangan Agustiar Sabran-Edy Pratowo ditetapkan sebagai pemenang Pilgub Kalteng. Rivalnya menerima hasil "
        'itu. "Kami menghormati keputusan KPU," kata Nadalsyah di Jakarta, Rabu (11/12/2024).'
    )
    provinces = {r.province for r in find_regions(text)}
    assert provinces == {"Kalimantan Tengah"}
    subject = find_regions(text + " Warga Jakarta juga memantau hasil Pilgub Jakarta yang digelar serentak.")
    assert "Daerah Khusus Ibukota Jakarta" in {r.province for r in subject}


def test_pilgub_alias_is_province_level() -> None:
    rows = find_regions("Pilgub Sumsel 2024 diikuti tiga pasangan calon gubernur dan wakil gubernur.")
    assert rows[0] == Region(province="Sumatera Selatan", regency=None, code="16", score=rows[0].score)


def test_aceh_papua_ntt_kalimantan_sentences() -> None:
    aceh = find_regions(
        "Komisi Independen Pemilihan Banda Aceh menggelar rapat pleno, sementara KIP Aceh Besar masih menghitung."
    )
    assert set(codes(aceh)) == {"11.71", "11.06"}
    papua = find_regions(
        "WAMENA - Distribusi logistik Pilkada Jayawijaya terhambat cuaca. Logistik untuk Kota Jayapura sudah tiba."
    )
    assert codes(papua)[0] == "95.01"
    assert "91.71" in codes(papua) and "91.03" not in codes(papua)
    ntt = find_regions("Pasangan calon Bupati Manggarai Barat berkampanye di Labuan Bajo, Rabu.")
    assert codes(ntt) == ["53.15"]
    kalimantan = find_regions("KPU Kotim dan KPU Kobar menerima logistik; Pilkada Kapuas berjalan tanpa gangguan.")
    assert set(codes(kalimantan)) == {"62.02", "62.01", "62.03"}


# ----------------------------------------------------------------------------------------------- datelines


def test_caps_dateline_is_strong_when_the_body_agrees() -> None:
    text = "MUARA ENIM - Ribuan warga menghadiri kampanye akbar pasangan calon bupati, Minggu. Kampanye berlangsung."
    assert codes(find_regions(text)) == ["16.03"]


def test_outlet_dateline_forms() -> None:
    kompas = find_regions("BANDUNG, KOMPAS.com - Debat ketiga digelar di Sabuga, Kamis malam.")
    assert codes(kompas) == ["32.73"]
    given = find_regions("Debat ketiga digelar di Sabuga, Kamis malam.", dateline="BANDUNG")
    assert codes(given) == ["32.73"]
    no_place = find_regions("KOMPAS.com - Komisi Pemilihan Umum menetapkan jadwal rekapitulasi.")
    assert no_place == []


def test_desk_dateline_ranks_below_the_story_place() -> None:
    text = (
        "PALEMBANG, SUMATERAEKSPRES.ID – KPU Kabupaten Lahat menetapkan hasil rekapitulasi. "
        "Rapat pleno KPU Lahat dihadiri saksi semua paslon. Di Lahat, partisipasi pemilih mencapai 78 persen."
    )
    rows = find_regions(text)
    assert codes(rows)[0] == "16.04"
    assert by_code(rows)["16.04"].score > by_code(rows).get("16.71", Region("", None, "", 0.0)).score


def test_jakarta_as_seat_of_national_bodies_does_not_dominate() -> None:
    text = (
        "Jakarta (ANTARA) - KPU RI menggelar rapat koordinasi di Jakarta, Senin, membahas kesiapan Pilkada "
        "Kabupaten Jayapura. Ketua KPU Kabupaten Jayapura melaporkan logistik sudah tiba di Sentani."
    )
    rows = find_regions(text)
    assert codes(rows)[0] == "91.03"
    jakarta = by_code(rows).get("31")
    assert jakarta is None or jakarta.score < rows[0].score / 2


def test_jakarta_as_the_subject_is_kept() -> None:
    text = "Jakarta (ANTARA) - Tiga pasangan calon bertarung dalam Pilgub Jakarta. KPU DKI Jakarta menyiapkan debat."
    assert codes(find_regions(text))[0] == "31"


def test_seed_article_desk_dateline_and_national_meeting() -> None:
    """Dateline PALEMBANG (the outlet's desk) but the story is a national KPU meeting held in Central Java.

    Right answer: Jawa Tengah first (province level); Palembang, if kept, below it; the Muba/Muratara names in
    the "BACA JUGA" inserts are other stories and must not appear; no Jakarta.
    """
    text = SEED.read_text(encoding="utf-8")
    rows = find_regions(text, outlet_province="Sumatera Selatan")
    assert rows and rows[0].code == "33" and rows[0].regency is None
    found = by_code(rows)
    assert not {"16.06", "16.13", "31"} & set(found)
    if "16.71" in found:
        assert found["16.71"].score < found["33"].score


# ------------------------------------------------------------------------------------- priors and thresholds


def test_outlet_province_breaks_ties_but_adds_nothing() -> None:
    assert codes(find_regions("Pilkada Mura memanas.", outlet_province="Kalimantan Tengah")) == ["62.12"]
    assert codes(find_regions("Pilkada Mura memanas.", outlet_province="Sumsel")) == ["16.05"]
    assert find_regions("Pilkada Mura memanas.") == []
    bali = find_regions("KPU Badung dan KPU Gianyar menerima logistik.", outlet_province="Sumatera Selatan")
    assert {r.province for r in bali} == {"Bali"}


def test_passing_mention_in_a_long_article_is_dropped() -> None:
    paragraph = (
        "KPU Kota Surabaya menggelar simulasi pemungutan suara di Surabaya. Wali Kota Surabaya meninjau TPS. "
        "Warga Surabaya diminta datang ke TPS sesuai jadwal yang tertera dalam undangan. "
    )
    text = paragraph * 6 + "Seorang saksi pernah bertugas di Medan sebelum pindah. " + paragraph * 2
    rows = find_regions(text)
    assert codes(rows) == ["35.78"]


def test_title_weighs_more_than_a_body_mention() -> None:
    rows = find_regions("Dua pasangan berkampanye di Kendari dan Baubau.", title="Pilkada Kendari Memanas")
    assert codes(rows)[0] == "74.71" and "74.72" in codes(rows)


# --------------------------------------------------------------------------------------- false positives


@pytest.mark.parametrize(
    "text",
    [
        "Batu itu dilempar ke arah rumah warga hingga kacanya pecah.",
        "Karo Penmas Divisi Humas Polri Brigjen Trunoyudo mengatakan penyelidikan berlanjut.",
        "The bone density test showed a fracture in the patient's arm.",
        "Bima Arya hadir dalam rapat koordinasi pengamanan.",
        "Harga pati singkong naik, petani di desa itu memanen batang ubi.",
        "Dari Sabang sampai Merauke, semangat persatuan harus dijaga.",
        "Kapal itu berlayar melintasi Selat Malaka menuju Singapura.",
        "Rumah makan Padang itu ramai pembeli saat jam makan siang.",
        "ketok palu sidang dilakukan setelah padang rumput itu dibersihkan.",
    ],
)
def test_ordinary_words_and_person_names_are_not_places(text: str) -> None:
    assert find_regions(text) == []


def test_common_word_names_count_with_a_cue() -> None:
    assert codes(find_regions("Pilkada Bone diikuti dua pasangan calon bupati.")) == ["73.08"]
    assert codes(find_regions("KPU Kabupaten Karo menggelar debat publik.")) == ["12.06"]
    text = "Pilkada Kota Batu berjalan lancar. Di Batu, partisipasi naik."
    assert codes(find_regions(text)) == ["35.79"]


def test_jakarta_administrative_cities_are_cities_without_a_race() -> None:
    gaz = load_gazetteer()
    rows = find_regions("Banjir merendam permukiman di Jaksel dan Jakut, kata Wali Kota Jakarta Selatan.")
    assert set(codes(rows)) == {"31.74", "31.72"}
    place = gaz.get("31.74")
    assert place is not None and place.level == "city" and not place.pilkada


# -------------------------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("value", ["", "   \n\t", None, 42, "日本語のテキスト。Пилкада в Индонезии. الانتخابات"])
def test_empty_and_foreign_input_gives_nothing(value: object) -> None:
    assert find_regions(value) == []  # type: ignore[arg-type]


def test_mixed_scripts_still_find_the_place() -> None:
    rows = find_regions("中文新闻 Pilkada Kota Surabaya 2024 — العربية — Ελληνικά")
    assert codes(rows) == ["35.78"]


def test_huge_text_is_bounded_and_sane() -> None:
    text = "Debat Pilkada Kota Palembang berlangsung tertib. " * 120_000  # about 6 MB
    started = time.perf_counter()
    rows = find_regions(text)
    assert time.perf_counter() - started < 10
    assert codes(rows) == ["16.71"] and rows[0].score == pytest.approx(1.0)


def test_a_run_of_digits_longer_than_any_count_before_a_unit_is_no_count() -> None:
    # a national count's number ("37 provinsi") is read with int(), which refuses more than 4,300 digits
    text = "Pilkada digelar di " + "7" * 5000 + " provinsi, termasuk Kota Palembang."
    assert codes(find_regions(text)) == ["16.71"]


def test_scores_are_sorted_unique_and_in_range() -> None:
    text = (
        "SURABAYA - KPU Jatim menerima hasil rekapitulasi dari KPU Kota Surabaya, Kabupaten Sidoarjo dan Gresik. "
        "Di Sidoarjo dan Gresik, partisipasi pemilih naik dibanding pilkada sebelumnya."
    )
    rows = find_regions(text)
    assert len(codes(rows)) == len(set(codes(rows)))
    assert all(0.0 < r.score <= 1.0 for r in rows)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert {"35", "35.78", "35.15", "35.25"} <= set(codes(rows))


def test_english_province_names() -> None:
    text = (
        "The poll body certified the winners of the gubernatorial races in West Java and South Kalimantan on "
        "Thursday. In Highland Papua and Southeast Sulawesi the results were challenged at the Constitutional "
        "Court, while observers in West Java said the count had been orderly."
    )
    provinces = {r.province for r in find_regions(text)}
    assert provinces == {"Jawa Barat", "Kalimantan Selatan", "Papua Pegunungan", "Sulawesi Tenggara"}
    assert {r.code for r in find_regions(text) if r.regency is None} >= {"32", "63", "95", "74"}


# Candidates' names as region evidence (pantau/process/region_candidates.py); sentences invented, names from
# facts_races.json.


def _codes(rows: list[Region]) -> list[str]:
    return [r.code for r in rows]


def test_governor_candidate_named_in_full_points_to_the_province() -> None:
    rows = find_regions("Ahmad Luthfi menyapa warga saat kampanye dan berjanji memperbaiki jalan desa.")
    assert _codes(rows) == ["33"] and rows[0].province == "Jawa Tengah" and rows[0].regency is None
    assert find_regions("Ahmad Luthfi menyapa warga.", candidates=False) == []


def test_regency_candidate_points_to_the_regency_and_its_province() -> None:
    rows = find_regions("Rudy Susmanto berkampanye di depan ribuan pendukungnya, Sabtu sore.")
    assert _codes(rows) == ["32.01"] and rows[0].province == "Jawa Barat"
    rows = find_regions("Munafri Arifuddin dan Aliyah Mustika Ilham menggelar konsolidasi tim pemenangan.")
    assert _codes(rows) == ["73.71"]


def test_a_candidates_name_is_evidence_only_where_the_text_speaks_of_the_election() -> None:
    # two-word names of candidates are also other people's names, and streets bear a national hero's
    assert find_regions("Kata Agus Salim, warga setempat, soal harga beras.") == []
    assert find_regions("Andi Ilham mengaku senang dengan panen tahun ini.") == []
    assert _codes(find_regions("Andi Ilham, calon wali kota, mengaku senang.")) == ["75.71"]
    assert _codes(find_regions("Pemilih muda menyambut Ahmad Luthfi.", title="Kabar Pilkada")) == ["33"]


def test_a_candidates_name_on_a_street_or_a_building_is_not_evidence() -> None:
    assert find_regions("Kampanye digelar di Jalan Agus Salim.") == []
    assert find_regions("Kampanye digelar di jalan Agus Salim, dekat Gedung Rudy Susmanto.") == []
    assert _codes(find_regions("Pak Agus Salim, calon bupati, berkampanye.")) == ["93.03"]


def test_one_name_word_or_a_cut_name_is_not_evidence() -> None:
    assert find_regions("Luthfi menyapa warga. Susmanto juga hadir.") == []
    assert find_regions("Bupati Sanusi menyapa warga.") == []  # a one-word full name may be anyone


def test_candidate_never_outvotes_an_explicit_place() -> None:
    text = (
        "Debat di Kota Surabaya berlangsung tertib. Ahmad Luthfi hadir sebagai tamu. Ahmad Luthfi berbicara. "
        "Ahmad Luthfi lalu pulang. Ahmad Luthfi tersenyum."
    )
    rows = find_regions(text)
    assert rows[0].code == "35.78"
    assert all(r.score < rows[0].score for r in rows[1:])


def test_candidate_resolves_a_shared_name() -> None:
    assert _codes(find_regions("Rudy Susmanto berkampanye keliling Bogor."))[:1] == ["32.01"]
    assert _codes(find_regions("Warga Bogor memadati alun-alun."))[:1] != ["32.01"]


def test_a_year_ending_a_sentence_is_no_national_count_for_the_next() -> None:
    # invented: "... 19 April 2025. Kabupaten ..." read as "2025 kabupaten" damped the list after it
    body = (
        "Pemungutan suara ulang digelar serentak pada 19 April 2025. Kabupaten yang menggelarnya adalah Pasaman, "
        "Kutai Kartanegara, Gorontalo Utara dan Bengkulu Selatan."
    )
    provinces = {r.province for r in find_regions(body, title="PSU digelar 19 April 2025")}
    assert {"Sumatera Barat", "Kalimantan Timur", "Gorontalo", "Bengkulu"} <= provinces
    # a count in the sentence itself still damps its examples
    national = "Pilkada digelar di 508 kabupaten/kota, antara lain Pasaman dan Kutai Kartanegara."
    listed = "Pilkada digelar di Pasaman dan Kutai Kartanegara."

    def score(text: str) -> float:
        return next(r.score for r in find_regions(text) if r.code == "13.08")

    assert score(national) < score(listed)
