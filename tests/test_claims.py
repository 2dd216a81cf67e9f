"""Claim checking against the official Pilkada 2024 fact base: precision first, then recall."""

from __future__ import annotations

import csv
import gzip
import json
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pantau.process.claims import (
    FACTS_PATH,
    check_claims,
    find_dates,
    load_facts,
    load_rules,
    parse_number,
    split_sentences,
)
from pantau.records import Flag
from tests.shared import SHARED

SEED = SHARED / "seed" / "rapimnas-kpu-2024.txt"
REGIONS_CSV = SHARED / "data" / "regions" / "provinces_regencies_2025.csv"
MEDIA_INDONESIA = SHARED / "data" / "pages" / "mediaindonesia" / "MediaIndonesia.json"

NOV = "2024-11-20T09:00:00+07:00"


def rules_of(flags: list[Flag]) -> list[str]:
    return sorted(f.rule for f in flags)


# ---------------------------------------------------------------------------------------------------------------
# Fact base


def test_fact_base_is_versioned_sourced_and_consistent() -> None:
    facts = load_facts()
    assert facts.version and facts.updated
    assert facts.voting_date == date(2024, 11, 27) and facts.voting_date.weekday() == 2  # Rabu
    c = facts.counts
    assert c["provinces"].value + c["regencies"].value + c["cities"].value == c["regions"].value == 545
    assert c["regencies"].value + c["cities"].value == c["regencies_and_cities"].value == 508
    assert c["candidate_pairs"].value == 1553
    sourced: list[Any] = [facts.voting_day, *c.values(), *facts.schedule.values(), *facts.hoaxes]
    for fact in sourced:
        assert fact.source.startswith("https://"), fact
    s = facts.schedule
    assert s["campaign"].end < s["quiet_period"].start <= s["quiet_period"].end < facts.voting_date
    assert s["recapitulation"].start == facts.voting_date < s["recapitulation"].end == date(2024, 12, 16)
    chair_march = facts.chair_at(date(2024, 3, 10))
    chair_nov = facts.chair_at(date(2024, 11, 20))
    assert chair_march is not None and chair_march[0].name == "Hasyim Asy'ari"
    assert chair_nov is not None and chair_nov[0].name == "Mochammad Afifuddin"
    assert facts.chair_at(date(2021, 6, 1)) is not None
    assert facts.chair_at(date(2021, 6, 1))[0].name == "Ilham Saputra"  # type: ignore[index]
    assert load_facts() is facts  # cached


def test_administrative_totals_agree_with_kemendagri_regions() -> None:
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        levels = Counter(row["level"] for row in csv.DictReader(fh))
    admin = load_rules().raw["count_admin_totals"]
    assert admin["provinsi"] == [levels["province"]]
    assert admin["kabupaten"] == [levels["regency"]]
    assert admin["kota"] == [levels["city"]]
    assert admin["kabupaten/kota"] == [levels["regency"] + levels["city"]]
    assert load_facts().counts["provinces_of_indonesia"].value == levels["province"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("version"), "version"),
        (lambda d: d["voting_day"].update(value="27-11-2024"), "voting_day.value"),
        (lambda d: d["counts"]["regions"].update(source="nope"), "unknown source id 'nope'"),
        (lambda d: d["sources"][0].update(url="ftp://x"), "http(s)"),
        (lambda d: d["kpu_members"][0]["roles"][0].update(role="wakil"), "ketua, plt_ketua or anggota"),
        (lambda d: d["schedule"]["campaign"].update(end="2024-01-01"), "ends before it starts"),
        (lambda d: d["known_hoaxes"][0].update(keywords=[]), "keywords"),
        (lambda d: d["counts"].pop("regions"), "counts.regions"),
    ],
)
def test_malformed_fact_file_raises_clear_value_error(tmp_path: Path, mutate: Any, message: str) -> None:
    data = json.loads(FACTS_PATH.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_facts(path)


def test_unreadable_fact_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": "1",', encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_facts(bad)
    with pytest.raises(ValueError, match="cannot read"):
        load_facts(tmp_path / "missing.json")
    arr = tmp_path / "arr.json"
    arr.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON object"):
        load_facts(arr)


# ---------------------------------------------------------------------------------------------------------------
# Text parsing


def test_sentence_splitting_keeps_abbreviations_and_decimals() -> None:
    text = (
        "Bupati Kab. Musi Banyuasin H. Apriyadi hadir bersama Hj. Lucianty. KPU menetapkan 1.553 paslon di Prov. "
        "Sumsel dan daerah lain. Dr. Andi, S.H., M.H. memberi materi pada Rabu (27/11/2024). Apakah ditunda? Tidak!\n"
        "Paragraf baru tanpa titik"
    )
    assert split_sentences(text) == [
        "Bupati Kab. Musi Banyuasin H. Apriyadi hadir bersama Hj. Lucianty.",
        "KPU menetapkan 1.553 paslon di Prov. Sumsel dan daerah lain.",
        "Dr. Andi, S.H., M.H. memberi materi pada Rabu (27/11/2024).",
        "Apakah ditunda?",
        "Tidak!",
        "Paragraf baru tanpa titik",
    ]


def test_number_words() -> None:
    r = load_rules()
    assert parse_number("lima ratus empat puluh lima", r) == 545
    assert parse_number("empat ratus lima belas", r) == 415
    assert parse_number("sembilan puluh tiga", r) == 93
    assert parse_number("seribu lima ratus lima puluh tiga", r) == 1553
    assert parse_number("1.553", r) == 1553
    assert parse_number("tiga puluh tujuh", r) == 37
    assert parse_number("di tiga", r) is None


@pytest.mark.parametrize(
    ("text", "first", "last", "weekday"),
    [
        ("pada Rabu, 27 November 2024 pukul 07.00", date(2024, 11, 27), date(2024, 11, 27), 2),
        ("Rabu (27/11/2024) pagi", date(2024, 11, 27), date(2024, 11, 27), 2),
        ("Kamis (28/11) siang", date(2024, 11, 28), date(2024, 11, 28), 3),
        ("tanggal 27-11-2024", date(2024, 11, 27), date(2024, 11, 27), None),
        ("27 Nov 2024", date(2024, 11, 27), date(2024, 11, 27), None),
        ("tanggal 27 November mendatang", date(2024, 11, 27), date(2024, 11, 27), None),
        ("25 September-23 November 2024", date(2024, 9, 25), date(2024, 11, 23), None),
        ("24 hingga 26 November 2024", date(2024, 11, 24), date(2024, 11, 26), None),
        ("Jum'at, 22 November 2024", date(2024, 11, 22), date(2024, 11, 22), 4),
        ("27 November 2024 sampai dengan 16 Desember 2024", date(2024, 11, 27), date(2024, 12, 16), None),
    ],
)
def test_date_forms(text: str, first: date, last: date, weekday: int | None) -> None:
    found = find_dates(text, date(2024, 11, 20), load_rules())
    assert len(found) == 1, found
    assert (found[0].first, found[0].last, found[0].weekday) == (first, last, weekday)


def test_yearless_dates_take_the_nearest_year() -> None:
    found = find_dates("Rabu (27/11) lalu", date(2025, 1, 10), load_rules())
    assert found[0].first == date(2024, 11, 27)
    assert find_dates("angka 12/PUU-XXII/2024 dan 2022-2027 serta 3/7", date(2024, 7, 5), load_rules()) == []


# ---------------------------------------------------------------------------------------------------------------
# Precision: correct statements that look close to wrong ones must not be flagged

CLEAN = [
    (
        "KPU Sumsel Pastikan Logistik Pilkada Tiba H-3",
        "PALEMBANG - KPU Provinsi Sumatera Selatan memastikan logistik Pilkada Serentak 2024 tiba di 17 kabupaten/kota "
        "paling lambat H-3. Pemungutan suara akan digelar pada Rabu, 27 November 2024, dan pemerintah telah menetapkan "
        "hari itu sebagai hari libur nasional melalui Keppres Nomor 33 Tahun 2024. Masa tenang "
        "berlangsung 24 hingga 26 "
        "November 2024, sementara masa kampanye sudah berakhir pada Sabtu (23/11/2024). Rekapitulasi tingkat kecamatan "
        "dijadwalkan 28 November hingga 3 Desember 2024.",
        NOV,
    ),
    (
        "Afifuddin: KPU Siap Gelar Pilkada 27 November",
        "JAKARTA - Ketua KPU RI Mochammad Afifuddin memastikan seluruh tahapan berjalan sesuai jadwal. Anggota KPU RI "
        "Iffa Rosita, yang dilantik Presiden pada 5 November 2024, mendampingi Afif. Komisioner KPU August Mellaz "
        "menyebut sebanyak 1.553 pasangan calon bertarung di 545 daerah, terdiri atas 37 provinsi, 415 "
        "kabupaten, dan 93 "
        "kota. Menurut Iffa, KPU RI kini harus mengoordinasikan 38 provinsi di Indonesia.",
        NOV,
    ),
    (
        "Jadwal Lengkap Tahapan Pilkada Serentak 2024",
        "Berdasarkan PKPU Nomor 2 Tahun 2024, pendaftaran pasangan calon dibuka 27 hingga 29 Agustus 2024. Penetapan "
        "pasangan calon dilakukan pada 22 September 2024. Masa kampanye berlangsung sejak 25 September "
        "hingga 23 November "
        "2024. Masa tenang dimulai Minggu (24/11/2024). Penghitungan dan rekapitulasi hasil "
        "penghitungan suara berlangsung "
        "27 November sampai 16 Desember 2024. Perpanjangan pendaftaran pasangan calon di 43 daerah "
        "dengan calon tunggal "
        "dibuka 2-4 September 2024.",
        "2024-09-01T08:00:00+07:00",
    ),
    (
        "Ketua KPU Hasyim Asy'ari Umumkan Rekapitulasi Pemilu",
        "JAKARTA - Ketua KPU RI Hasyim Asy'ari menyatakan rekapitulasi nasional Pemilu 2024 rampung tepat waktu. "
        "Pemungutan suara Pemilu 2024 digelar pada Rabu, 14 Februari 2024. Hasyim juga memastikan "
        "Pilkada serentak tetap "
        "digelar pada 27 November 2024.",
        "2024-03-10T20:00:00+07:00",
    ),
    (
        "Rekam Jejak Hasyim Asy'ari Sebelum Dipecat DKPP",
        "Hasyim Asy'ari, yang saat itu menjabat Ketua KPU RI, menandatangani PKPU Nomor 2 Tahun 2024 "
        "pada 26 Januari 2024. "
        "DKPP memberhentikan Hasyim Asy'ari sebagai Ketua KPU pada 3 Juli 2024. Mantan Ketua KPU RI Arief Budiman dan "
        "eks Ketua KPU Ilham Saputra ikut berkomentar. Ketua KPU RI Hasyim Asy'ari pada Februari 2024 memimpin rapat "
        "pleno.",
        NOV,
    ),
    (
        "Afifuddin Ditunjuk Plt Ketua KPU",
        "JAKARTA - Plt Ketua KPU Mochammad Afifuddin meminta jajaran tetap fokus pada Pilkada. Ketua Bawaslu RI Rahmat "
        "Bagja menghormati keputusan itu, Kamis (4/7/2024).",
        "2024-07-05T10:00:00+07:00",
    ),
    (
        "Usai Pilkada, Bogor Siapkan Pilkades Serentak",
        "CIBINONG - Setelah Pilkada, Pemkab Bogor menyiapkan Pilkades serentak yang digelar pada Minggu, 15 Desember "
        "2024. Pilkada 2020 lalu digelar di 270 daerah pada 9 Desember 2020.",
        "2024-12-01T10:00:00+07:00",
    ),
    (
        "KPU Palembang Gelar PSU di Dua TPS",
        "PALEMBANG - KPU Kota Palembang menggelar pemungutan suara ulang (PSU) di TPS 12 Kelurahan "
        "Sukajaya pada Sabtu, 30 "
        "November 2024. Pemungutan suara di lima TPS di Desa Sungai Rambutan ditunda karena banjir dan digelar susulan "
        "pada Sabtu (30/11/2024).",
        "2024-11-29T10:00:00+07:00",
    ),
    (
        "KPU Pastikan Pilkada Tidak Ditunda",
        "MEDAN - KPU RI memastikan Pilkada Serentak 2024 tidak ditunda dan tetap digelar 27 November "
        "2024. Anggota KPU RI "
        "Idham Holik membantah kabar bahwa Pilkada diundur. Apakah Pilkada 2024 bisa ditunda? Menurut undang-undang, "
        "pemilihan lanjutan dapat digelar jika terjadi bencana alam. Debat ketiga pasangan calon "
        "ditunda ke Sabtu (16/11).",
        "2024-11-12T10:00:00+07:00",
    ),
    (
        "Mengenal Calon Tunggal di Pilkada 2024",
        "Sebanyak 37 daerah memiliki calon tunggal pada Pilkada 2024. Sekitar 1.500 pasangan calon "
        "bertarung di seluruh "
        "Indonesia. Dari 1.553 paslon, 1.166 pasangan calon bupati dan wakil bupati. Sebanyak 1.561 pasangan calon "
        "mendaftar. Sebanyak 1.500 pasangan calon didukung partai politik. KPU Jawa Barat menggelar "
        "Pilkada serentak di 1 "
        "provinsi, 18 kabupaten, dan 9 kota. Pilkada serentak di Jawa Timur digelar di 38 kabupaten/kota.",
        NOV,
    ),
    (
        "Bawaslu Tertibkan APK di Masa Tenang",
        "SURABAYA - Bawaslu menertibkan alat peraga kampanye pada hari pertama masa tenang, Minggu (24/11/2024). Warga "
        "diimbau datang ke TPS pada tanggal 27 November mendatang. Jum'at, 22 November 2024, Bawaslu "
        "menggelar apel siaga.",
        "2024-11-24T10:00:00+07:00",
    ),
    (
        "KPU DKI Bantah Unggahan Pilkada Jakarta Dua Putaran",
        'JAKARTA - KPU DKI Jakarta menegaskan unggahan yang beredar itu hoaks. "Fix dua putaran, putaran kedua 25 '
        'Februari 2025," tulis narasi dalam unggahan tersebut. Rekapitulasi masih berlangsung di tingkat kecamatan.',
        "2024-12-02T10:00:00+07:00",
    ),
    (
        "Jika Tak Ada yang Raih 50 Persen, Pilkada Jakarta Dua Putaran",
        "Jika tidak ada pasangan calon yang meraih lebih dari 50 persen suara, Pilkada Jakarta berlangsung dua putaran "
        "dan putaran kedua resmi digelar tahun depan.",
        "2024-11-28T10:00:00+07:00",
    ),
    (
        "Wacana Pilkada Dimajukan ke September Gugur",
        "Usulan agar Pilkada serentak dimajukan ke September 2024 gugur setelah putusan MK. Sejumlah "
        "pihak sempat meminta "
        "agar Pilkada ditunda.",
        "2024-03-02T10:00:00+07:00",
    ),
    ("", "Pilkada ditunda? Tidak. KPU memastikan jadwal tetap.", None),
    (
        "Pelantikan 961 Kepala Daerah",
        "Presiden melantik 961 kepala daerah hasil Pilkada 2024 pada Kamis, 20 Februari 2025. Ketua KPU RI Mochammad "
        "Afifuddin hadir. Pemungutan suara Pilkada 27 November 2024 lalu berlangsung lancar. Rekapitulasi tingkat "
        "provinsi Pilkada Jabar digelar Senin (9/12/2024). Jelang Pilkada, Senin (25/11/2024), polisi menggelar apel.",
        "2025-02-20T15:00:00+07:00",
    ),
]


@pytest.mark.parametrize(("title", "body", "published_at"), CLEAN)
def test_correct_statements_are_not_flagged(title: str, body: str, published_at: str | None) -> None:
    assert check_claims(title, body, published_at=published_at) == []


def test_seed_article_is_clean() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert check_claims("Rapimnas KPU Jelang Pilkada", text, published_at="2024-11-14T10:00:00+07:00") == []


def test_unrelated_real_article_is_clean() -> None:
    data = json.loads(MEDIA_INDONESIA.read_text(encoding="utf-8"))["V1"]
    body = "\n\n".join(p for section in data["body"]["sections"] for p in section["paragraphs"])
    raw = gzip.decompress((MEDIA_INDONESIA.parent / "MediaIndonesia_2026_01_20.html.gz").read_bytes())
    assert len(body) > 500 and raw
    assert check_claims(data.get("title", ""), body, published_at="2026-01-20T10:00:00+07:00") == []


# ---------------------------------------------------------------------------------------------------------------
# Recall: wrong statements get exactly the right rule, with the sentence as evidence

WRONG = [
    (
        "voting_date",
        "KPU Jambi Matangkan Persiapan Pilkada",
        "JAMBI - KPU Provinsi Jambi menggelar rapat koordinasi. Pemungutan suara Pilkada Serentak 2024 "
        "akan digelar pada "
        "Kamis, 28 November 2024. Seluruh KPPS sudah dilantik.",
        "2024-11-01T10:00:00+07:00",
        "Pemungutan suara Pilkada Serentak 2024 akan digelar pada Kamis, 28 November 2024.",
    ),
    (
        "voting_date",
        "Pilkada Medan Tinggal Dua Pekan",
        "MEDAN - Warga Kota Medan memilih wali kota baru pada hari pencoblosan tanggal 29 November mendatang. Panitia "
        "menyiapkan 4.000 TPS.",
        "2024-11-12T10:00:00+07:00",
        "MEDAN - Warga Kota Medan memilih wali kota baru pada hari pencoblosan tanggal 29 November mendatang.",
    ),
    (
        "weekday_mismatch",
        "Pilkada Kaltim Siap Digelar",
        "SAMARINDA - Pemungutan suara Pilkada digelar Kamis, 27 November 2024. KPU Kaltim siap.",
        NOV,
        "SAMARINDA - Pemungutan suara Pilkada digelar Kamis, 27 November 2024.",
    ),
    (
        "weekday_mismatch",
        "Debat Kedua Pilbup Sleman",
        "SLEMAN - Debat kedua pasangan calon bupati digelar Sabtu (10/11/2024) malam di Yogyakarta.",
        "2024-11-11T10:00:00+07:00",
        "SLEMAN - Debat kedua pasangan calon bupati digelar Sabtu (10/11/2024) malam di Yogyakarta.",
    ),
    (
        "region_count",
        "Pilkada Serentak Terbesar dalam Sejarah",
        "Pilkada Serentak 2024 digelar di 548 daerah di seluruh Indonesia. Ini pilkada terbesar.",
        NOV,
        "Pilkada Serentak 2024 digelar di 548 daerah di seluruh Indonesia.",
    ),
    (
        "region_count",
        "Mendagri Minta Daerah Siaga",
        "Pilkada serentak 2024 berlangsung di 37 provinsi, 416 kabupaten, dan 98 kota. Mendagri meminta "
        "kepala daerah siaga.",
        NOV,
        "Pilkada serentak 2024 berlangsung di 37 provinsi, 416 kabupaten, dan 98 kota.",
    ),
    (
        "region_count",
        "Pilkada Serentak Nasional",
        "Pilkada serentak tahun ini digelar di lima ratus empat puluh tiga daerah di seluruh Indonesia.",
        NOV,
        "Pilkada serentak tahun ini digelar di lima ratus empat puluh tiga daerah di seluruh Indonesia.",
    ),
    (
        "candidate_count",
        "Ribuan Paslon Bertarung",
        "KPU RI mengumumkan sebanyak 1.335 pasangan calon akan berlaga di Pilkada Serentak 2024. "
        "Kampanye dimulai besok.",
        "2024-09-24T10:00:00+07:00",
        "KPU RI mengumumkan sebanyak 1.335 pasangan calon akan berlaga di Pilkada Serentak 2024.",
    ),
    (
        "official_title",
        "KPU Gelar Bimtek KPPS",
        "BANDUNG - Ketua KPU RI Hasyim Asy'ari meminta KPPS bekerja profesional menjelang Pilkada. "
        "Bimtek diikuti ratusan "
        "petugas.",
        NOV,
        "BANDUNG - Ketua KPU RI Hasyim Asy'ari meminta KPPS bekerja profesional menjelang Pilkada.",
    ),
    (
        "official_title",
        "KPU Evaluasi Sirekap",
        "Ketua KPU RI Idham Holik mengatakan Sirekap siap digunakan pada Pilkada.",
        NOV,
        "Ketua KPU RI Idham Holik mengatakan Sirekap siap digunakan pada Pilkada.",
    ),
    (
        "official_title",
        "KPU Terima Kunjungan",
        "Anggota KPU RI Ilham Saputra menerima kunjungan KPU Aceh.",
        "2024-10-01T10:00:00+07:00",
        "Anggota KPU RI Ilham Saputra menerima kunjungan KPU Aceh.",
    ),
    (
        "official_title",
        "Pengawasan Masa Tenang",
        "Ketua KPU RI Rahmat Bagja meminta pengawas siaga selama masa tenang.",
        NOV,
        "Ketua KPU RI Rahmat Bagja meminta pengawas siaga selama masa tenang.",
    ),
    (
        "schedule_date",
        "Masa Tenang Pilkada Dimulai",
        "Masa tenang Pilkada 2024 berlangsung pada 23-26 November 2024. Paslon dilarang berkampanye.",
        NOV,
        "Masa tenang Pilkada 2024 berlangsung pada 23-26 November 2024.",
    ),
    (
        "schedule_date",
        "Kampanye Pilkada Memasuki Pekan Terakhir",
        "Masa kampanye Pilkada Serentak 2024 berakhir pada 24 November 2024. Paslon memaksimalkan kampanye.",
        "2024-11-15T10:00:00+07:00",
        "Masa kampanye Pilkada Serentak 2024 berakhir pada 24 November 2024.",
    ),
    (
        "schedule_date",
        "Rekapitulasi Suara Pilkada",
        "Rekapitulasi hasil penghitungan suara Pilkada 2024 berlangsung hingga 20 Desember 2024.",
        "2024-11-28T10:00:00+07:00",
        "Rekapitulasi hasil penghitungan suara Pilkada 2024 berlangsung hingga 20 Desember 2024.",
    ),
    (
        "postponement",
        "Pilkada Serentak 2024 Resmi Diundur ke Desember",
        "Kabar ini ramai di grup percakapan warga.",
        NOV,
        "Pilkada Serentak 2024 Resmi Diundur ke Desember",
    ),
    (
        "postponement",
        "Situasi Memanas di Mimika",
        "TIMIKA - Pilkada Kabupaten Mimika ditunda hingga tahun depan. Warga kecewa.",
        NOV,
        "TIMIKA - Pilkada Kabupaten Mimika ditunda hingga tahun depan.",
    ),
    (
        "known_hoax",
        "Real Count Pilkada Jakarta",
        "Real count KPU DKI: Pilkada Jakarta fix dua putaran, putaran kedua 25 Februari 2025. Sebarkan!",
        "2024-11-29T10:00:00+07:00",
        "Real count KPU DKI: Pilkada Jakarta fix dua putaran, putaran kedua 25 Februari 2025.",
    ),
    (
        "known_hoax",
        "Exit Poll Pilkada Jakarta Pukul 10.00",
        "Breaking news, exit poll Tracking Politik Indonesia pukul 10.00 WIB: Pramono-Rano unggul 52,9 persen.",
        "2024-11-27T10:30:00+07:00",
        "Breaking news, exit poll Tracking Politik Indonesia pukul 10.00 WIB: Pramono-Rano unggul 52,9 persen.",
    ),
]


@pytest.mark.parametrize(("rule", "title", "body", "published_at", "evidence"), WRONG)
def test_wrong_statements_get_the_right_rule(
    rule: str, title: str, body: str, published_at: str, evidence: str
) -> None:
    flags = check_claims(title, body, published_at=published_at)
    assert rules_of(flags) == [rule], flags
    flag = flags[0]
    assert flag.evidence == evidence
    assert flag.severity in ("high", "medium", "low")
    assert flag.fact
    if rule != "weekday_mismatch":
        assert flag.source.startswith("https://")


def test_outdated_title_depends_on_published_at() -> None:
    body = "Ketua KPU RI Hasyim Asy'ari meminta jajaran KPU bekerja profesional."
    assert check_claims("", body, published_at="2024-03-10T10:00:00+07:00") == []
    flags = check_claims("", body, published_at="2024-11-10T10:00:00+07:00")
    assert rules_of(flags) == ["official_title"] and flags[0].severity == "high"
    assert "Mochammad Afifuddin" in flags[0].fact
    assert check_claims("", body) == []  # no date: an old article cannot be judged outdated


def test_facts_and_severities_for_key_rules() -> None:
    flags = check_claims("", "Pencoblosan Pilkada serentak 2024 digelar pada 26 November 2024.", published_at=NOV)
    assert [(f.rule, f.severity) for f in flags] == [("voting_date", "high")]
    assert "27 November 2024" in flags[0].fact and "Keppres" in flags[0].fact
    wk = check_claims("", "Debat digelar Kamis (21/11) malam di Pilkada Kota Bekasi.", published_at=NOV)
    assert wk == []  # 21 November 2024 is a Thursday
    wk = check_claims("", "Debat Pilkada Kota Bekasi digelar Rabu (21/11) malam.", published_at=NOV)
    assert [(f.rule, f.severity) for f in wk] == [("weekday_mismatch", "low")]
    assert "Kamis" in wk[0].fact


def test_custom_fact_base_is_used(tmp_path: Path) -> None:
    data = json.loads((Path(__file__).resolve().parents[1] / "pantau" / "data" / "facts.json").read_text())
    data["voting_day"]["value"] = "2024-11-28"
    data["schedule"]["voting"]["start"] = data["schedule"]["voting"]["end"] = "2024-11-28"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    custom = load_facts(path)
    sentence = "Pemungutan suara Pilkada Serentak 2024 digelar pada 28 November 2024."
    assert check_claims("", sentence, published_at=NOV, facts=custom) == []
    assert rules_of(check_claims("", sentence, published_at=NOV)) == ["voting_date"]


# ---------------------------------------------------------------------------------------------------------------
# Robustness and speed


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("", ""),
        ("   ", "\n\n\t"),
        (None, None),
        (b"\xff\xfe\x00P\x00i\x00l", b"\x80\x81\x82 Pilkada ditunda"),
        ("����", "\x00\x01\x02 \ufffd\ufffd 27/13/2024 31 Februari 2024 Rabu (99/99)"),
        ("Пилкада", "投票日 2024年11月27日 ٢٧ نوفمبر " * 50),
    ],
)
def test_bad_input_returns_list_without_raising(title: Any, body: Any) -> None:
    result = check_claims(title, body, published_at="not a date")
    assert isinstance(result, list)


def test_huge_input_is_bounded() -> None:
    body = ("Pemungutan suara Pilkada Serentak 2024 digelar Rabu, 27 November 2024. " * 20000) + "x" * 100000
    start = time.perf_counter()
    assert check_claims("Pilkada", body, published_at=NOV) == []
    assert time.perf_counter() - start < 30


def test_a_circulating_postponement_claim_without_denial_is_flagged_medium() -> None:
    body = (
        'Pesan berantai yang menyebut "Pilkada Serentak 2024 resmi ditunda" beredar di grup percakapan warga '
        "Pontianak sejak Sabtu pagi. Hingga berita ini ditulis, redaksi belum memperoleh konfirmasi."
    )
    flags = check_claims("Kabar Pilkada ditunda beredar di Pontianak", body, published_at="2024-11-23T20:00:00+07:00")
    assert flags and {(f.rule, f.severity) for f in flags} == {("postponement", "medium")}
    assert any("Pesan berantai" in f.evidence for f in flags)
    debunked = body + " KPU Kalbar menegaskan kabar itu hoaks dan pemungutan suara tetap 27 November 2024."
    assert check_claims("Kabar Pilkada ditunda beredar", debunked, published_at="2024-11-23T20:00:00+07:00") == []


def test_voting_sentence_in_a_pilkada_article_is_judged_without_repeating_the_word() -> None:
    body = (
        "KPU Kota Lubuklinggau mengimbau warga memeriksa namanya di DPT. Menurut KPU, pemungutan suara akan "
        "digelar pada Kamis, 28 November 2024, mulai pukul 07.00 WIB."
    )
    title = "Warga diimbau cek nama di DPT"
    assert check_claims(title, body, published_at="2024-11-20T10:00:00+07:00") == []
    flags = check_claims(title, body, published_at="2024-11-20T10:00:00+07:00", article_pilkada=True)
    assert [f.rule for f in flags] == ["voting_date"]


@pytest.mark.parametrize(
    "body",
    [
        "Partai Aceh resmi mengusung Zorvan Kelidmar di Pilkada Lembah Hijau.",  # a local party of the canonical list
        "pkb resmi usung Zorvan Kelidmar di pilkada lembah hijau",  # a post in lower case
        "Zorvan Kelidmar diusung PDI-P di Pilkada Lembah Hijau.",
    ],
)
def test_nominations_are_read_over_the_canonical_party_list(body: str) -> None:
    """ "<party> mengusung <name>" names its parties by the aliases of facts_parties.json (`{party}` in the rule)."""
    flags = check_claims("Pilkada Lembah Hijau 2024", body, published_at="2024-12-10T10:00:00+07:00")
    assert "fabricated_nomination" in [f.rule for f in flags], body


def test_the_sentence_cache_keeps_few_long_texts() -> None:
    # a batch splits each article's 100,000-character body; the cache must not hold hundreds of them (124 MB for
    # 256 bodies with one non-ASCII character)
    import tracemalloc

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(64):
            split_sentences(
                (f"Kalimat {i} tentang pilkada di daerah ini berjalan lancar — kata dia. " * 1500)[:100_000]
            )
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held < 15_000_000
