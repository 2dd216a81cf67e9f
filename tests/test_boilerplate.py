"""Boilerplate rules: inserts, credits, prompts, sign-offs and datelines come out; story text stays."""

from __future__ import annotations

import pytest
from lxml.html import fragment_fromstring

from pantau.extract import body
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


# --- captions, photo credits, embedded posts, credit lines, sign-offs (boilerplate_media.json) -----------------


@pytest.mark.parametrize(
    "caption",
    [
        "Ketua KPU memberikan keterangan pers di kantornya. Foto: Humas KPU",
        "Warga antre di depan TPS 05 Kelurahan Sukamaju. (Foto: Dok. Warga)",
        "Petugas menghitung surat suara di Kantor Kecamatan, Senin (20/1/2025). (ANTARA FOTO/Budi Setiawan)",
        "Petugas menghitung surat suara. ANTARA FOTO/Budi Setiawan/foc.",
        "Suasana rapat pleno rekapitulasi. KOMPAS.com/RINA SUKMAWATI",
        "Suasana rapat pleno rekapitulasi (Sumberpos.com/Rahmat Hidayat)",
        "Ilustrasi kotak suara pemilu (iStock)",
        "Calon bupati menyapa pendukungnya (Istimewa)",
        "Kampanye akbar di lapangan kota. REUTERS/Andi Pratama",
        "Kampanye akbar di lapangan kota. Mandatory Credit: Photo by Andi Pratama/Shutterstock",
        "Poster kampanye di jalan protokol (dok. Tim Pemenangan)",
    ],
)
def test_captions_by_form(caption: str) -> None:
    assert bp.is_caption(caption)


@pytest.mark.parametrize(
    "line",
    [
        STORY,
        "Ia menunjukkan foto kegiatan kampanye yang diunggah di media sosial pada pekan lalu.",
        "Foto itu kemudian beredar luas di grup percakapan warga, kata Ketua Bawaslu.",
        "Panitia meminta warga membawa KTP dan foto diri saat mendaftar sebagai pemilih.",
        "Hasilnya diumumkan Selasa (20/1/2025).",
        "Ia pindah dukungan dari partai lama ke koalisi KPU/Bawaslu.",
        "Pemungutan suara ulang digelar pada Sabtu (25/1). (ant/red)",
        "Rapat pleno digelar tertutup. (Cas/Isk)",
        "Dokumen itu diserahkan ke KPU (Dok. resmi dilampirkan dalam berkas gugatan yang panjang sekali "
        "sehingga tidak mungkin sebuah keterangan foto dan terus berlanjut dengan banyak kata lain lagi di sini "
        "agar kalimatnya lebih dari empat puluh lima kata, yakni batas panjang sebuah keterangan foto yang "
        "dipakai aturan ini untuk paragraf biasa).",
    ],
)
def test_story_lines_are_not_captions(line: str) -> None:
    assert not bp.is_caption(line)


def test_embedded_tweet_footer_and_its_text_go() -> None:
    paragraphs, _ = bp.clean_paragraphs(
        [
            STORY,
            "Ketua KPU mengatakan persiapan logistik sudah rampung di semua kecamatan.",
            "Selamat kepada para petugas KPPS! #PilkadaDamai @KPU_ID",
            "— Komisi Pemilihan (@KPU_ID) February 16, 2024",
            "Penghitungan suara dimulai sore hari.",
        ]
    )
    assert paragraphs == [
        STORY,
        "Ketua KPU mengatakan persiapan logistik sudah rampung di semua kecamatan.",
        "Penghitungan suara dimulai sore hari.",
    ]
    assert bp.embed_footer("Terima kasih relawan! pic.twitter.com/AbCd1234 — Relawan (@relawan) 3 Maret 2024") == "post"
    assert bp.embed_footer("Ia menulis di akun @relawan bahwa semuanya lancar.") is None


@pytest.mark.parametrize(
    "line",
    [
        "A post shared by Calon Walikota (@calonwalikota) on Feb 16, 2024 at 1:01pm PST",
        "Sebuah kiriman dibagikan oleh Tim Kampanye (@timkampanye)",
        "View this post on Instagram",
        "@timsukses Ayo ke TPS! #pilkada ♬ suara asli - timsukses",
        "Posted by Bawaslu Kota on Tuesday, February 16, 2024",
    ],
)
def test_embed_fallback_text(line: str) -> None:
    assert bp.is_embed_text(line)


@pytest.mark.parametrize(
    "line",
    [STORY, "Instagram menjadi media kampanye utama para calon, kata pengamat.", "Posted by itu bukan istilah baku."],
)
def test_story_lines_are_not_embeds(line: str) -> None:
    assert not bp.is_embed_text(line)


def test_pic_twitter_link_is_removed_inline() -> None:
    assert bp.clean_inline("Terima kasih para relawan pic.twitter.com/AbCd1234") == "Terima kasih para relawan"


@pytest.mark.parametrize(
    "line",
    [
        "Redaktur : Budi Santoso",
        "Redaksi: redaksi[at]contoh.com",
        "Oleh : Rina Sukmawati",
        "Sumber foto: Humas Pemkab",
        "Videografer: Andi",
        "Dok. Humas KPU",
        "Load More...",
        "BACA JUGA Ingatkan Penggunaan Dana Hibah Pilkada",
        "Baca juga KPU Tetapkan Daftar Pemilih Tetap",
    ],
)
def test_more_boilerplate_lines(line: str) -> None:
    assert bp.is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga aturan kampanye sebelum turun ke lapangan, pesan Ketua KPU kepada para calon.",
        "Lihat juga bagaimana warga mengantre sejak pagi di TPS 05.",
        "Berita terkait dugaan politik uang itu sudah dilaporkan ke Bawaslu.",
        "Dokumen pencalonan diserahkan ke KPU pada Senin.",
        "Oleh karena itu, KPU memperpanjang masa pendaftaran.",
        "Sumbernya berasal dari APBD.",
        "Artikel itu memuat pernyataan Ketua KPU.",
    ],
)
def test_sentences_that_open_like_inserts_stay(line: str) -> None:
    assert not bp.is_boilerplate(line)
    assert not bp.is_trailing(line)


@pytest.mark.parametrize(
    "note",
    [
        "Artikel ini telah tayang di Contohnews.com dengan judul Pleno KPU Digelar",
        "Artikel ini telah naik di Contoh.id dengan judul Pleno KPU Digelar",
        "Artikel ini sudah tayang di Contoh.id",
        "Berita ini telah lebih dulu tayang di Contoh.id",
        "This article was first published on Contoh News.",
        'Baca artikel contohnews, "Pleno KPU Digelar" selengkapnya https://contoh.id/x',
    ],
)
def test_syndication_notes_end_the_article(note: str) -> None:
    assert bp.is_trailing(note)
    paragraphs, _ = bp.clean_paragraphs(
        [STORY, "Rapat pleno digelar tertutup.", "Penghitungan selesai malam hari.", note, "Penulis: Rina", "Klik"]
    )
    assert paragraphs == [STORY, "Rapat pleno digelar tertutup.", "Penghitungan selesai malam hari."]


def test_syndication_note_near_the_top_drops_only_itself() -> None:
    paragraphs, _ = bp.clean_paragraphs(["Artikel ini telah tayang di Contoh.id", STORY])
    assert paragraphs == [STORY]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rapat selesai pukul 17.00. Editor: Dedi Kurniawan", "Rapat selesai pukul 17.00."),
        ("Rapat selesai pukul 17.00. COPYRIGHT © CONTOH 2025", "Rapat selesai pukul 17.00."),
        ("Editor senior itu hadir sebagai saksi.", "Editor senior itu hadir sebagai saksi."),
        ("Ia berkata: editor: belum ada.", "Ia berkata: editor: belum ada."),
    ],
)
def test_credit_tail(text: str, expected: str) -> None:
    assert bp.strip_credit_tail(text) == expected


@pytest.mark.parametrize("signoff", ["(ant/red)", "(fyk/ash)", "(Cas/Isk)", "(ren)", "(*)", "(rls)", "[ant]"])
def test_signoff_ends_the_article(signoff: str) -> None:
    tail = ["RINA SUKMAWATI", "Pleno KPU Kota Digelar Besok", "Calon Bupati Daftar ke KPU"]
    paragraphs, _ = bp.clean_paragraphs(
        [STORY, "Rapat pleno digelar tertutup.", f"Penghitungan selesai malam hari. {signoff}", *tail]
    )
    assert paragraphs == [STORY, "Rapat pleno digelar tertutup.", "Penghitungan selesai malam hari."]
    alone, _ = bp.clean_paragraphs([STORY, "Rapat pleno digelar tertutup.", signoff])
    assert alone == [STORY, "Rapat pleno digelar tertutup."]


def test_a_long_paragraph_after_a_signoff_keeps_the_rest() -> None:
    long_par = " ".join(["Rapat lanjutan membahas logistik pemilu di setiap kecamatan."] * 8)
    paragraphs, _ = bp.clean_paragraphs([STORY, "Bagian pertama selesai. (ant/red)", "Pendek saja.", long_par])
    assert paragraphs == [STORY, "Bagian pertama selesai. (ant/red)", "Pendek saja.", long_par]


@pytest.mark.parametrize(
    "line",
    [
        "Kamis, 05 November 2015 | 11:13 WIB",
        "20/01/2025 06:59",
        "Senin, 3 Maret 2025 14:00 WITA",
        "17:41 JST, October 13, 2024",  # the clock first, the month before the day
        "Mar 5, 2025",
        "October 13, 2024 10:00 am",
    ],
)
def test_date_only_lines(line: str) -> None:
    assert bp.is_date_line(line)
    assert not bp.is_date_line("Kamis, 05 November 2015 KPU menggelar rapat pleno di Jakarta.")
    assert not bp.is_date_line("17:41 semua petugas pulang, 2024")
    assert not bp.is_date_line("March 2024 was the wettest month")


def test_photo_blocks_and_embeds_leave_the_tree() -> None:
    el = fragment_fromstring(
        "<div><h1>Judul Berita</h1><p>Paragraf pertama berita ini cukup panjang untuk dibaca.</p>"
        "<div class='block-display'><div class='img'><img src='a.jpg'></div>"
        "<div class='desc'>Warga antre di TPS. Doc. contoh.id</div></div>"
        "<blockquote class='twitter-tweet'><p>Ayo memilih! #Pilkada</p>— KPU (@KPU_ID) "
        "<a href='#'>February 16, 2024</a></blockquote>"
        "<p><a href='/x'>Calon Bupati Daftar ke KPU</a></p>"
        "<p>Paragraf kedua menyebut <a href='/kpu'>KPU</a> di tengah kalimat.</p></div>"
    )
    bp.drop_page_embeds(el)
    assert body.paragraphs_of(el) == [
        "Paragraf pertama berita ini cukup panjang untuk dibaca.",
        "Paragraf kedua menyebut KPU di tengah kalimat.",
    ]


def test_an_image_inside_a_long_paragraph_keeps_the_paragraph() -> None:
    text = "Paragraf panjang yang memuat gambar kecil di dalamnya dan terus berlanjut dengan kalimat. " * 4
    el = fragment_fromstring(f"<div><div><img src='a.jpg'>{text}</div></div>")
    assert body.paragraphs_of(el) == [" ".join(text.split())]


def test_link_lines_between_breaks_go_and_links_in_sentences_stay() -> None:
    el = fragment_fromstring(
        "<div><p>Ketua <a href='/kpu'>KPU Kota</a> membuka rapat pleno pada Senin pagi.</p>"
        "<div>Kalimat pertama.<br><a href='/y'>Warga Antre di TPS Sejak Pagi</a><br>"
        "<a href='/z'>Calon Bupati Daftar ke KPU</a><br>Kalimat terakhir menyebut <a href='/b'>Bawaslu</a>.</div>"
        "<h2>Jangan Lewatkan!</h2><a href='/q'>Pleno KPU Digelar Besok</a></div>"
    )
    paragraphs, _ = bp.clean_paragraphs(body.paragraphs_of(el))
    assert paragraphs == [
        "Ketua KPU Kota membuka rapat pleno pada Senin pagi.",
        "Kalimat pertama.",
        "Kalimat terakhir menyebut Bawaslu.",
    ]
    assert not bp.is_boilerplate("Jangan lewatkan kesempatan mencoblos pada hari pemungutan suara.")
    assert bp.is_boilerplate("JANGAN LEWATKAN!!!")


def test_a_signoff_line_goes_and_ends_the_article() -> None:
    paragraphs, _ = bp.clean_paragraphs(
        [STORY, "Rapat pleno digelar tertutup.", "(FHM)", "Pleno KPU Kota Digelar Besok", "Calon Bupati Daftar"]
    )
    assert paragraphs == [STORY, "Rapat pleno digelar tertutup."]
    assert bp.is_signoff_line("(ant/red)") and bp.is_signoff_line("[ant]")
    assert not bp.is_signoff_line("(20/1)") and not bp.is_signoff_line("Rapat (KPU) digelar.")


@pytest.mark.parametrize(
    "line",
    [
        "Tema pameran tahun ini adalah Foto: Jejak Demokrasi Kita",
        "Semua kegiatan dicatat dalam Dok. Rencana Kerja KPU",
        "Panitia memilih judul Ilustrasi: Wajah Pemilih Muda",
    ],
)
def test_real_sentences_that_look_like_credits_stay(line: str) -> None:
    # a credit label starts a caption's credit only at the start, after a sentence's end, a bar or a bracket
    assert not bp.is_caption(line)


@pytest.mark.parametrize(
    "last", ["Debat digelar serentak di dua provinsi (Jabar/Jateng)", "Batas kecepatan di ruas itu 80 (km/jam)"]
)
def test_unit_or_region_pair_is_no_signoff(last: str) -> None:
    tail = ["Pleno KPU Kota Digelar Besok", "Calon Bupati Daftar ke KPU"]
    paragraphs, _ = bp.clean_paragraphs([STORY, last, *tail])
    assert paragraphs == [STORY, last, *tail]
    assert bp.strip_signoff(last) == last
    assert bp.strip_signoff("Penghitungan selesai. (ant/red)") == "Penghitungan selesai."
    assert bp.strip_signoff("Satuan yang dipakai. (km/jam)") == "Satuan yang dipakai. (km/jam)"


def test_invisible_marks_are_no_text_and_a_named_star_signoff_ends_the_article() -> None:
    paragraphs, place = bp.clean_paragraphs(
        ["KUALA LUMPUR, Oct 9 \u00ad— Rapat pleno di\u00adgelar tertutup.", STORY, "(***/Budi Santoso)", "Butuh VPN?"]
    )
    assert place == "KUALA LUMPUR"
    assert paragraphs == ["Rapat pleno digelar tertutup.", STORY]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The term expires in April next year. — Kabar Post Online", "The term expires in April next year."),
        ("Ia menyebut jalur pantura — jalur mudik utama", "Ia menyebut jalur pantura — jalur mudik utama"),
    ],
)
def test_a_source_after_the_last_sentence_is_a_credit(text: str, expected: str) -> None:
    assert bp.strip_credit_tail(text) == expected


@pytest.mark.parametrize("line", ["KONTAK: humas@contoh.example", "Media contact: Budi Santoso", "Narahubung: Ani"])
def test_press_release_contact_lines(line: str) -> None:
    assert bp.is_boilerplate(line)
    assert not bp.is_boilerplate("Kontak darurat dibuka 24 jam di posko pengaduan.")


@pytest.mark.parametrize(
    "caption", ["Suasana rapat pleno di Kota Lama - Foto: Istimewa", "Suasana rapat pleno di Kota Lama, Dok. Humas"]
)
def test_a_credit_after_a_dash_or_a_comma_is_a_caption(caption: str) -> None:
    assert bp.is_caption(caption)


@pytest.mark.parametrize(
    ("last", "want"),
    [
        ("Pengamanan dijaga aparat setempat (ant/red)", "Pengamanan dijaga aparat setempat"),
        ("Pengamanan dijaga, kata dia… (ant/red)", "Pengamanan dijaga, kata dia…"),
        ("Pengamanan dijaga, kata dia. (***/Rina Wulan)", "Pengamanan dijaga, kata dia."),
        ("Debat digelar di dua provinsi (Jabar/Jateng)", "Debat digelar di dua provinsi (Jabar/Jateng)"),
    ],
)
def test_lower_case_codes_close_a_paragraph_without_a_full_stop(last: str, want: str) -> None:
    assert bp.strip_signoff(last) == want


def test_a_quote_attribution_is_no_source_credit() -> None:
    text = "“Hidup adalah perjuangan.” — Rina Wulan Sari"
    assert bp.strip_credit_tail(text) == text
