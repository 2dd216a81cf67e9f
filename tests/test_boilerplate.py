"""Boilerplate rules: inserts, credits, prompts, sign-offs and datelines come out; story text stays."""

from __future__ import annotations

import pytest
from lxml.html import fragment_fromstring

from pantau.extract import boilerplate as bp

STORY = "Komisi Pemilihan Umum (KPU) menetapkan 1.553 pasangan calon kepala daerah untuk Pilkada Serentak 2024."


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: KPU Tetapkan Daftar Pemilih Tetap",
        "BACA JUGA:Raja Dangdut Serukan Pilih Lucianty-Syaparuddin",
        "Lihat juga: Video Debat Kandidat",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Editor: Heryadi",
        "Reporter: Budi Santoso",
        "Laporan Wartawan Tribunsumsel.com, Rachmad Kurniawan",
        "Pewarta: Aziz Munajar",
        "Ikuti kami di Google News",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Gabung ke saluran WhatsApp",
        "Artikel ini telah tayang di Tribunsumsel.com dengan judul ...",
        "COPYRIGHT © ANTARA 2025",
        "(Sripoku.com/Rahmat)",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert bp.is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        STORY,
        "Editorial itu menyoroti kinerja penyelenggara pemilu di daerah.",
        "Simakrama adalah tradisi warga Bali.",
        "Reporterless newsrooms are rare.",
        "“Baca juga aturan kampanye,” kata Ketua KPU di depan peserta rapat.",
    ],
)
def test_story_lines_stay(line: str) -> None:
    assert not bp.is_boilerplate(line)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("Rapat berlangsung hingga sore. (ant/red)", "Rapat berlangsung hingga sore."),
        ("Rapat berlangsung hingga sore. (E-2)", "Rapat berlangsung hingga sore."),
        ("Rapat berlangsung hingga sore. (*)", "Rapat berlangsung hingga sore."),
        ("Rapat berlangsung hingga sore. (yes/ded)", "Rapat berlangsung hingga sore."),
        ("Hasilnya diumumkan Selasa (20/1)", "Hasilnya diumumkan Selasa (20/1)"),
        ("Keputusan diambil oleh Komisi Pemilihan Umum (KPU)", "Keputusan diambil oleh Komisi Pemilihan Umum (KPU)"),
    ],
)
def test_signoff(last: str, expected: str) -> None:
    assert bp.strip_signoff(last) == expected


def test_clean_paragraphs_end_to_end() -> None:
    paragraphs, dateline = bp.clean_paragraphs(
        [
            "MUARA ENIM, SUMATERAEKSPRES.ID - " + STORY,
            "BACA JUGA:Ingatkan Penggunaan Dana Hibah Pilkada",
            "ADVERTISEMENT",
            "Ketua KPU mengatakan persiapan logistik sudah rampung. Baca juga: Logistik Pilkada Tiba",
            "Persiapan logistik dipantau oleh Bawaslu. (ant/red)",
            "Editor: Dedi",
        ]
    )
    assert dateline == "MUARA ENIM"
    assert paragraphs == [
        STORY,
        "Ketua KPU mengatakan persiapan logistik sudah rampung.",
        "Persiapan logistik dipantau oleh Bawaslu.",
    ]


def test_drop_nodes_and_block_texts() -> None:
    el = fragment_fromstring(
        "<div><p>Satu <b>dua</b> tiga.</p><div class='baca-juga'>Baca juga <a>X</a></div>"
        "<figure><img src='a.jpg'><figcaption>Foto: KPU</figcaption></figure>"
        "<script>var ads=1;</script>Teks langsung<br>baris kedua<div class='ads-slot'>Iklan</div></div>"
    )
    bp.drop_nodes(el)
    assert bp.block_texts(el) == ["Satu dua tiga.", "Teks langsung", "baris kedua"]
