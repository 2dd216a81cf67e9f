"""Pilkada relevance and topics on realistic Indonesian news texts (written for these tests)."""

from __future__ import annotations

import pytest

from pantau.process.relevance import TOPIC_IDS, PhraseMatcher, classify_topics, score_pilkada
from pantau.text.tokens import tokenize
from tests.shared import SEED_FILE

SEED = SEED_FILE

JATIM_DEBAT = (
    "Debat Kedua Pilgub Jatim, Khofifah-Emil dan Risma-Gus Hans Adu Gagasan Soal Kemiskinan",
    """SURABAYA - Komisi Pemilihan Umum (KPU) Provinsi Jawa Timur menggelar debat publik kedua Pemilihan Gubernur
dan Wakil Gubernur Jawa Timur 2024 di Grand City Convention Hall, Surabaya, Minggu (3/11/2024) malam.

Tiga pasangan calon hadir, yakni Luluk Nur Hamidah-Lukmanul Khakim, Khofifah Indar Parawansa-Emil Elestianto
Dardak dan Tri Rismaharini-Zahrul Azhar Asumta. Tema debat kali ini adalah pembangunan ekonomi dan pengentasan
kemiskinan.

Ketua KPU Jatim Aang Kunaifi mengatakan panelis berasal dari kalangan akademisi sejumlah perguruan tinggi. "Kami
berharap debat publik menjadi referensi bagi pemilih sebelum datang ke TPS pada 27 November," ujarnya.

Dalam sesi tanya jawab, cagub nomor urut 3 Tri Rismaharini menyoroti angka kemiskinan di wilayah Madura. Cagub
nomor urut 2 Khofifah menjawab dengan memaparkan program yang sudah berjalan selama masa jabatannya.

Bawaslu Jatim menerjunkan pengawas untuk memantau jalannya debat dan memastikan tidak ada pelanggaran kampanye.""",
)

PAPUA_LOGISTIK = (
    "Distribusi Logistik Pilkada ke Distrik Terpencil Gunakan Helikopter",
    """JAYAPURA - KPU Kabupaten Puncak mulai mendistribusikan logistik Pilkada Serentak 2024 ke distrik-distrik yang
hanya bisa dijangkau lewat udara. Surat suara, kotak suara dan bilik suara diangkut menggunakan helikopter dengan
pengawalan aparat keamanan.

Ketua KPU Puncak mengatakan distribusi ditargetkan rampung H-3 sebelum pemungutan suara 27 November 2024. Cuaca
menjadi kendala utama karena kabut tebal kerap menutup jalur penerbangan.

Polres Puncak menyiagakan ratusan personel gabungan TNI-Polri untuk mengamankan logistik pemilihan bupati dan
wakil bupati tersebut. Bawaslu setempat juga mengawasi proses pengepakan dan pengiriman agar tidak ada surat suara
yang hilang atau rusak.""",
)

SULSEL_POLITIK_UANG = (
    "Bawaslu Makassar Tangkap Tangan Dugaan Politik Uang Jelang Pencoblosan",
    """MAKASSAR - Badan Pengawas Pemilu (Bawaslu) Kota Makassar bersama Sentra Gakkumdu mengamankan dua orang yang
diduga membagikan amplop berisi uang kepada warga di Kecamatan Tamalate, Senin malam, dua hari sebelum pencoblosan
Pilwalkot Makassar.

Dalam amplop tersebut terdapat uang Rp100 ribu dan stiker salah satu pasangan calon wali kota dan wakil wali kota.
Ketua Bawaslu Makassar menyebut praktik serangan fajar ini merupakan tindak pidana pemilihan yang diancam pidana
penjara.

"Kami akan memproses temuan ini bersama kepolisian dan kejaksaan di Sentra Gakkumdu. Kami juga mengimbau
masyarakat menolak politik uang selama masa tenang," katanya.

Tim pemenangan paslon yang stikernya ditemukan membantah terlibat dan menyebut ada pihak yang ingin menjatuhkan
calon mereka.""",
)

KALBAR_DPT = (
    "KPU Kalbar Tetapkan DPT Pilkada 2024 Sebanyak 3,9 Juta Pemilih",
    """PONTIANAK - KPU Provinsi Kalimantan Barat menetapkan daftar pemilih tetap (DPT) untuk Pilkada Serentak 2024
dalam rapat pleno terbuka di Pontianak. Jumlah pemilih tercatat lebih dari 3,9 juta orang yang tersebar di 14
kabupaten dan kota.

Anggota KPU Kalbar mengatakan angka itu diperoleh setelah pencocokan dan penelitian (coklit) oleh pantarlih.
Pemilih pemula dan penyandang disabilitas juga sudah masuk dalam daftar.""",
)

PILPRES = (
    "KPU Tetapkan Prabowo-Gibran Pemenang Pilpres 2024",
    """JAKARTA - Komisi Pemilihan Umum (KPU) menetapkan pasangan calon presiden dan calon wakil presiden nomor urut
2 Prabowo Subianto-Gibran Rakabuming Raka sebagai pemenang Pemilihan Presiden 2024 dalam rapat pleno rekapitulasi
nasional. Pasangan capres-cawapres itu meraih 58,6 persen suara sah.

Pasangan Anies Baswedan-Muhaimin Iskandar meraih 24,9 persen, sedangkan Ganjar Pranowo-Mahfud MD 16,5 persen.
Rekapitulasi dilakukan berjenjang dari TPS, PPK, KPU kabupaten/kota hingga KPU provinsi.

Ketua KPU menyebut seluruh tahapan pemungutan suara 14 Februari 2024 telah dilaksanakan. Kubu capres nomor urut 1
dan 3 menyatakan akan mengajukan gugatan sengketa hasil pilpres ke Mahkamah Konstitusi.

Bawaslu mencatat sejumlah pelanggaran selama pemilihan presiden, termasuk dugaan politik uang di beberapa daerah
pemilihan. Pemilih diminta menunggu putusan MK dengan tenang.""",
)

PILEG = (
    "Rekapitulasi Suara Caleg DPR RI Dapil Sumsel I Rampung",
    """PALEMBANG - Rapat pleno rekapitulasi perolehan suara calon anggota legislatif DPR RI daerah pemilihan Sumatera
Selatan I telah rampung. Sejumlah caleg petahana dipastikan kembali melenggang ke Senayan.

Partai Gerindra dan Golkar masing-masing meraih dua kursi DPR dari dapil tersebut. KPU Sumsel mencatat partisipasi
pemilih pada Pemilu 14 Februari 2024 mencapai 80 persen.

Sejumlah saksi partai sempat mengajukan keberatan atas selisih suara caleg di tingkat PPK, namun pleno tetap
dilanjutkan setelah dilakukan pencocokan formulir C hasil.""",
)

PILKADES = (
    "Pilkades Serentak di Kabupaten Bogor Diikuti 120 Desa",
    """BOGOR - Pemerintah Kabupaten Bogor menggelar pemilihan kepala desa (Pilkades) serentak di 120 desa pada Minggu.
Sebanyak 412 calon kepala desa bersaing memperebutkan kursi kades.

Panitia pemilihan menyiapkan ratusan TPS dan surat suara di setiap desa. Warga antusias datang ke lokasi
pemungutan suara sejak pagi. Camat meminta para cakades menerima hasil pemilihan dengan lapang dada.

Polres Bogor menerjunkan personel untuk mengamankan jalannya pemilihan kepala desa. Pemilihan di desa yang rawan
konflik mendapat pengamanan tambahan dan penghitungan suara berlangsung lancar hingga sore.""",
)

US_ELECTION = (
    "Trump Menang Pemilu AS, Kalahkan Kamala Harris",
    """WASHINGTON - Donald Trump memenangi pemilihan presiden Amerika Serikat setelah meraih lebih dari 270 suara
electoral college. Calon dari Partai Republik itu unggul di sejumlah swing state termasuk Pennsylvania dan Georgia.

Kamala Harris menyampaikan pidato kekalahan di Universitas Howard. Pemilu AS kali ini mencatat partisipasi pemilih
yang tinggi di banyak negara bagian.

Pemerintah Indonesia menyampaikan ucapan selamat dan berharap hubungan kedua negara terus meningkat. Pemilihan
presiden AS berlangsung ketat dan penghitungan suara di beberapa negara bagian memakan waktu berhari-hari.""",
)

MALAYSIA_PRN = (
    "PRN Sabah: Suruhanjaya Pilihan Raya Umumkan Tarikh Pengundian",
    """KOTA KINABALU - Suruhanjaya Pilihan Raya (SPR) Malaysia menetapkan tanggal pemungutan suara Pilihan Raya Negeri
(PRN) Sabah. Sebanyak 73 kerusi Dewan Undangan Negeri (DUN) diperebutkan.

Barisan Nasional dan Pakatan Harapan sepakat bekerja sama menghadapi pemilihan tersebut. Ribuan pekerja migran
Indonesia di Sabah tidak memiliki hak pilih dalam PRN ini.

Pengamat menilai pemilihan kali ini akan ketat karena banyaknya calon independen yang ikut bertanding.""",
)

SPORTS = (
    "Sriwijaya FC Taklukkan Semen Padang 2-1 di Stadion Jakabaring",
    """PALEMBANG - Sriwijaya FC meraih kemenangan 2-1 atas Semen Padang dalam lanjutan Liga 2 di Stadion Gelora
Sriwijaya Jakabaring, Sabtu sore. Gol kemenangan dicetak pada menit ke-87 melalui sundulan kepala.

Pelatih Sriwijaya FC mengapresiasi kerja keras pemain yang tampil disiplin meski sempat tertinggal di babak
pertama. Ribuan suporter memadati tribun dan menyalakan flare usai peluit panjang dibunyikan.

Kemenangan ini membawa Laskar Wong Kito naik ke peringkat ketiga klasemen sementara wilayah barat.""",
)

PARTY_CONGRESS = (
    "Munas Golkar Tetapkan Bahlil Ketua Umum Secara Aklamasi",
    """JAKARTA - Musyawarah Nasional (Munas) XI Partai Golkar menetapkan Bahlil Lahadalia sebagai ketua umum periode
2024-2029 secara aklamasi. Tidak ada calon ketua umum lain yang mendaftar hingga batas waktu pendaftaran.

Pemilihan ketua umum berlangsung di Jakarta Convention Center dan dihadiri pengurus DPD Golkar dari seluruh
provinsi. Bahlil menyatakan akan segera menyusun kepengurusan baru dan mengonsolidasikan partai.

Dalam pidatonya, Bahlil menyinggung target partai di pemilu mendatang dan meminta kader solid.""",
)

PILKADA_2020 = (
    "Menengok Kembali Pilkada 2020 di Tengah Pandemi",
    """JAKARTA - Pilkada 2020 digelar di 270 daerah di tengah pandemi Covid-19. Tingkat partisipasi pemilih pada
Pilkada serentak 2020 ternyata mencapai 76 persen, melampaui target.

Protokol kesehatan diterapkan ketat di setiap TPS pada Pilkada 2020, mulai dari pengecekan suhu hingga sarung
tangan plastik bagi pemilih. Sejumlah calon kepala daerah positif Covid-19 saat masa kampanye Pilkada 2020.

Pengamat menilai pengalaman Pilkada 2020 menjadi pelajaran penting bagi penyelenggara.""",
)

FLOOD_ONE_MENTION = (
    "Banjir Rendam Ratusan Rumah di Kabupaten Bandung",
    """BANDUNG - Banjir kembali merendam ratusan rumah warga di Kecamatan Dayeuhkolot dan Baleendah, Kabupaten Bandung,
setelah hujan deras mengguyur sejak sore. Ketinggian air mencapai satu meter di sejumlah titik.

Badan Penanggulangan Bencana Daerah (BPBD) mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan
anak-anak. Dapur umum didirikan di posko pengungsian di halaman kantor kecamatan.

Warga berharap pemerintah segera menormalisasi Sungai Citarum yang terus mengalami pendangkalan. Sejumlah
sekolah terpaksa meliburkan siswa karena ruang kelas tergenang.

Bupati Bandung meminta camat memantau warga terdampak, termasuk memastikan kebutuhan logistik tercukupi. Ia juga
menyebut banjir jangan sampai mengganggu persiapan Pilkada di wilayahnya.

Petugas kesehatan membuka layanan pemeriksaan gratis untuk warga yang mulai terserang penyakit kulit dan diare.""",
)

RECTOR = (
    "Senat Universitas Gelar Pemilihan Rektor, Tiga Calon Bersaing",
    """MALANG - Senat universitas menggelar pemilihan rektor periode 2024-2028. Tiga calon rektor memaparkan visi dan
misi di hadapan anggota senat dan menteri. Pemungutan suara dilakukan secara tertutup.

Panitia pemilihan rektor memastikan seluruh tahapan berjalan transparan. Calon rektor terpilih akan dilantik
awal tahun depan.""",
)

POSITIVES = {
    "jatim_debat": JATIM_DEBAT,
    "papua_logistik": PAPUA_LOGISTIK,
    "sulsel_politik_uang": SULSEL_POLITIK_UANG,
    "kalbar_dpt": KALBAR_DPT,
}
NEGATIVES = {
    "pilpres": PILPRES,
    "pileg": PILEG,
    "pilkades": PILKADES,
    "us_election": US_ELECTION,
    "malaysia_prn": MALAYSIA_PRN,
    "sports": SPORTS,
    "party_congress": PARTY_CONGRESS,
    "pilkada_2020": PILKADA_2020,
    "rector": RECTOR,
}


def test_seed_article_is_pilkada() -> None:
    body = SEED.read_text(encoding="utf-8")
    result = score_pilkada("Rapimnas KPU, Sinergitas Penyelenggara Menyukseskan Pilkada Serentak 2024", body)
    assert result.is_pilkada
    assert result.score >= 0.9
    assert any("pilkada" in r for r in result.reasons)


@pytest.mark.parametrize("name", sorted(POSITIVES))
def test_pilkada_articles_score_high(name: str) -> None:
    title, body = POSITIVES[name]
    result = score_pilkada(title, body, published_at="2024-11-10T10:00:00+07:00")
    assert result.is_pilkada, (name, result)
    assert result.score >= 0.7, (name, result)


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_other_elections_and_other_news_score_low(name: str) -> None:
    title, body = NEGATIVES[name]
    result = score_pilkada(title, body, published_at="2024-11-10T10:00:00+07:00")
    assert not result.is_pilkada, (name, result)
    assert result.score < 0.3, (name, result)


def test_pilpres_scores_low_despite_many_election_words() -> None:
    title, body = PILPRES
    result = score_pilkada(title, body + "\n\n" + body)
    assert result.score < 0.1
    assert any(r.startswith("other-election terms") and "capres" in r for r in result.reasons)


def test_one_pilkada_sentence_in_other_news_is_low_ish() -> None:
    title, body = FLOOD_ONE_MENTION
    result = score_pilkada(title, body)
    assert not result.is_pilkada
    assert 0.05 < result.score < 0.5


def test_title_terms_weigh_more_than_body_terms() -> None:
    _, body = FLOOD_ONE_MENTION
    plain = score_pilkada("Banjir Rendam Ratusan Rumah", body)
    titled = score_pilkada("Banjir Rendam Ratusan Rumah Jelang Pilkada", body)
    assert titled.score > plain.score
    assert any(r.startswith("title:") for r in titled.reasons)


def test_other_pilkada_year_is_negative_evidence() -> None:
    title, body = PILKADA_2020
    as_2024 = score_pilkada(title.replace("2020", "2024"), body.replace("2020", "2024"))
    as_2020 = score_pilkada(title, body)
    assert as_2024.is_pilkada
    assert as_2020.score < as_2024.score
    assert any("2020" in r for r in as_2020.reasons if r.startswith("other Pilkada years"))


def test_publication_date_outside_window_lowers_score() -> None:
    title, body = KALBAR_DPT
    recent = score_pilkada(title, body, published_at="2024-09-20T08:00:00+07:00")
    old = score_pilkada(title, body, published_at="2017-09-20T08:00:00+07:00")
    assert old.score < recent.score
    assert any("outside" in r for r in old.reasons)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("", ""),
        ("   ", "\n\n"),
        ("Pilkada", ""),
        ("\x00\x01\ufffd", "\ufffd" * 500),
        ("Пилкада выборы 选举", "Выборы губернатора 选举 投票 ✓✓✓ 🗳️" * 200),
        ("Berita", "pilkada " * 300_000),
    ],
)
def test_bad_input_never_raises(title: str, body: str) -> None:
    result = score_pilkada(title, body, published_at="not a date")
    assert 0.0 <= result.score <= 1.0
    assert result.reasons


def test_non_string_input_is_treated_as_empty() -> None:
    result = score_pilkada(None, b"Pilkada serentak 2024 di Sumsel")  # type: ignore[arg-type]
    assert 0.0 <= result.score <= 1.0
    assert result.reasons


def test_phrase_matcher_is_leftmost_longest() -> None:
    matcher = PhraseMatcher([("pemilihan", "a"), ("pemilihan kepala daerah", "b"), ("kepala daerah", "c")])
    found = [m.key for m in matcher.find(tokenize("Pemilihan kepala daerah, lalu kepala-daerah dan pemilihan."))]
    assert found == ["b", "c", "a"]


# ---------------------------------------------------------------- topics


def test_topic_taxonomy_is_complete() -> None:
    required = {
        "schedule", "candidacy", "logistics", "voter_list", "campaign", "debate", "quiet_period", "voting_counting",
        "recapitulation", "dispute_mk", "money_politics", "asn_neutrality", "security", "hoax_disinformation",
        "turnout", "election_organizers_ethics", "violations", "quick_count_results", "inauguration", "budget",
        "disability_inclusion",
    }  # fmt: skip
    assert required <= set(TOPIC_IDS)


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (JATIM_DEBAT, "debate"),
        (PAPUA_LOGISTIK, "logistics"),
        (SULSEL_POLITIK_UANG, "money_politics"),
        (KALBAR_DPT, "voter_list"),
    ],
)
def test_topic_is_found_first(article: tuple[str, str], expected: str) -> None:
    topics = classify_topics(*article)
    assert topics, article[0]
    assert topics[0] == expected, topics


def test_secondary_topics_with_evidence() -> None:
    assert "security" in classify_topics(*PAPUA_LOGISTIK)
    assert "violations" in classify_topics(*SULSEL_POLITIK_UANG)
    assert "disability_inclusion" not in classify_topics(*JATIM_DEBAT)


def test_dispute_and_ethics_topics() -> None:
    title = "MK Gelar Sidang Pendahuluan Sengketa Hasil Pilkada Kabupaten Mamberamo Raya"
    body = (
        "JAKARTA - Mahkamah Konstitusi (MK) menggelar sidang pendahuluan perkara perselisihan hasil pemilihan (PHP) "
        "bupati Mamberamo Raya. Pemohon meminta MK memerintahkan pemungutan suara ulang di 12 TPS karena dugaan "
        "penggelembungan suara. KPU selaku termohon akan menyampaikan jawaban pada sidang berikutnya.\n\n"
        "Di tempat terpisah, DKPP menjatuhkan sanksi peringatan keras kepada ketua KPU kabupaten setempat karena "
        "terbukti melanggar kode etik penyelenggara pemilu dalam sidang etik yang digelar pekan lalu."
    )
    topics = classify_topics(title, body)
    assert topics[0] == "dispute_mk"
    assert "election_organizers_ethics" in topics


def test_no_topics_without_evidence() -> None:
    assert classify_topics(*SPORTS) == []
    assert classify_topics("", "") == []
    assert classify_topics("\ufffd", "\x00" * 100) == []


# --- the Pilkada season and other languages -------------------------------------------------------------------

KPPS = (
    "Ribuan anggota Kelompok Penyelenggara Pemungutan Suara (KPPS) di Kabupaten Lahat mengikuti bimbingan teknis "
    "pemungutan dan penghitungan suara. Materi mencakup pengisian formulir C-Hasil dan penggunaan Sirekap. "
    "Ketua KPU Lahat meminta petugas TPS membaca buku panduan sebelum hari pemungutan suara."
)


def test_election_operations_in_the_pilkada_season_count_as_pilkada() -> None:
    result = score_pilkada("KPPS ikuti bimtek pemungutan suara", KPPS, published_at="2024-11-19T10:00:00+07:00")
    assert result.is_pilkada


def test_the_same_operations_outside_the_season_do_not() -> None:
    result = score_pilkada("KPPS ikuti bimtek pemungutan suara", KPPS, published_at="2024-01-30T10:00:00+07:00")
    assert not result.is_pilkada


def test_english_and_malay_coverage_of_regional_elections() -> None:
    english = (
        "Jakarta's gubernatorial race went to the polls on Wednesday as Indonesia held simultaneous regional "
        "elections in 545 regions. Voters queued at polling stations across the capital, and the General "
        "Elections Commission said the vote count would start after polls close."
    )
    malay = (
        "Indonesia mengadakan pilihan raya kepala daerah serentak pada Rabu. Pengundi di Kalimantan Barat keluar "
        "mengundi di pusat mengundi sejak pagi untuk memilih gabenor dan bupati baharu."
    )
    assert score_pilkada("Jakarta votes for a new governor", english, published_at="2024-11-27").is_pilkada
    assert score_pilkada("Indonesia adakan pilihan raya kepala daerah", malay, published_at="2024-11-27").is_pilkada
    us = "Americans went to the polls in the US presidential election; the general election decides the White House."
    assert not score_pilkada("US presidential election", us, published_at="2024-11-05").is_pilkada


# --- the 2024 cycle in time: publication dates, dates in the text, years after a Pilkada word -----------------

CAMPAIGN_END = (
    "Masa kampanye pilkada berakhir hari ini. Selama masa tenang para calon kepala daerah dan tim suksesnya dilarang "
    "berkampanye. Pemungutan suara di TPS digelar pukul 07.00 sampai 13.00, lalu penghitungan suara di TPS. "
    "Rekapitulasi hasil pemilihan bupati dimulai {day} dan pemilihan gubernur menyusul."
)


def test_an_article_published_before_the_cycle_is_not_about_it() -> None:
    body = CAMPAIGN_END.format(day="14 Desember")
    old = score_pilkada("Kampanye Pilkada Berakhir", body, published_at="2020-12-05")
    assert not old.is_pilkada
    assert old.score < 0.05
    assert any("before the 2024 cycle" in r for r in old.reasons)
    naming = score_pilkada("Kampanye Pilkada 2024 Berakhir", body, published_at="2020-12-05")
    assert naming.score > old.score  # naming the 2024 Pilkada keeps the ordinary (smaller) penalty
    assert not any("before the 2024 cycle" in r for r in naming.reasons)
    assert score_pilkada("Kampanye Pilkada Berakhir", body, published_at="2024-11-23").is_pilkada


def test_undated_text_whose_dates_point_to_another_election_is_not_about_the_2024_cycle() -> None:
    other = score_pilkada("", CAMPAIGN_END.format(day="14 Desember 2020") + " Jadwal Pilkada 2020 tidak berubah.")
    assert not other.is_pilkada
    assert any("point to another election" in r and "2020" in r for r in other.reasons)
    current = score_pilkada("", CAMPAIGN_END.format(day="4 Desember 2024") + " Jadwal Pilkada 2020 jadi pelajaran.")
    assert current.is_pilkada
    neutral = score_pilkada("", CAMPAIGN_END.format(day="14 Desember 2023"))
    assert not any("point to another election" in r for r in neutral.reasons)


def test_the_2024_voting_day_names_the_cycle_even_without_a_year() -> None:
    body = CAMPAIGN_END.format(day="setelah 27 November") + " Tingkat partisipasi lebih tinggi dari Pilkada 2020."
    result = score_pilkada("", body)
    assert result.is_pilkada
    assert not any("point to another election" in r for r in result.reasons)


def test_pilkada_2025_reruns_belong_to_the_2024_cycle() -> None:
    body = (
        "KPU menetapkan jadwal pilkada ulang 2025 di dua daerah tempat kotak kosong menang. Pendaftaran pasangan "
        "calon dibuka kembali dan pemungutan suara digelar di seluruh TPS."
    )
    result = score_pilkada("Jadwal Pilkada 2025 di Daerah Kotak Kosong", body)
    assert result.is_pilkada
    assert not any(r.startswith("other Pilkada years") for r in result.reasons)
    assert any("Pilkada 2024 mentioned" in r for r in result.reasons)


def test_an_undated_text_takes_its_season_dates_as_the_cycle() -> None:
    poster = "Undangan terbuka. Pengantaran bacalon gubernur ke kantor KPU, {day}, pukul 10.00 WIB. Mari hadir."
    in_season = score_pilkada("", poster.format(day="29 Agustus 2024"))
    assert in_season.is_pilkada
    assert any("dates in the Pilkada season: 2024-08-29" in r for r in in_season.reasons)
    assert not score_pilkada("", poster.format(day="29 Agustus 2017")).is_pilkada
    # A dated article gains nothing from its own date in the body: its publication date already says when.
    dated = score_pilkada("", poster.format(day="29 Agustus 2024"), published_at="2024-08-29")
    assert not any("dates in the Pilkada season" in r for r in dated.reasons)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("digelar 9 Desember 2020 di 270 daerah", [("2020", "2020-12-09")]),
        ("held on December 9, 2020 in 270 regions", [("2020", "2020-12-09")]),
        ("Presiden (28/11/2020) menetapkan", [("2020", "2020-11-28")]),
        ("sejak Disember 2020 lalu", [("2020", None)]),
        ("Keppres Nomor 22 Tahun 2020 dan UU 10/2016", []),
        ("anggaran Rp 2.024 miliar pada 2024", []),
    ],
)
def test_dates_written_in_a_text(text: str, expected: list[tuple[str, str | None]]) -> None:
    from pantau.process.relevance import _dates, _model

    assert [tuple(d) for d in _dates(tokenize(text), _model().months)] == expected


def test_english_coverage_words_and_foreign_parliaments() -> None:
    english = (
        "The governor-elect and the regent candidates who lost will meet after the regional polls. In two regencies "
        "the empty box won, so the vote will be repeated next year."
    )
    assert score_pilkada("Regional polls: what comes next", english, published_at="2024-12-01").is_pilkada
    foreign = (
        "Voters chose a new parliament in the snap election; the prime minister conceded as the opposition won a "
        "majority in the national assembly. Turnout at polling stations was high."
    )
    assert not score_pilkada("Parliamentary election", foreign, published_at="2024-12-01").is_pilkada


def test_english_race_words_count_and_foreign_governor_races_do_not() -> None:
    jakarta = (
        "Pramono Anung leads the Jakarta governor's race in unofficial counts, while the camp of his rival said it "
        "would wait for the election commission's official tally."
    )
    assert score_pilkada("Jakarta governor race heads to the count", jakarta, published_at="2024-11-28").is_pilkada
    tokyo = (
        "Tokyo's governor won a third term in the gubernatorial election on Sunday, public broadcaster NHK projected; "
        "turnout in Japan's capital was higher than four years ago."
    )
    assert not score_pilkada("Tokyo governor election", tokyo, published_at="2024-07-07").is_pilkada
    new_jersey = (
        "The New Jersey governor's race has tightened in the final week, with the two candidates trading attacks "
        "over taxes, polls show."
    )
    assert not score_pilkada("New Jersey gubernatorial race", new_jersey, published_at="2025-10-28").is_pilkada
    indonesian_on_tokyo = "Pemilihan gubernur Tokyo digelar Minggu; petahana kembali menang menurut proyeksi NHK."
    assert not score_pilkada("Pemilihan gubernur Tokyo", indonesian_on_tokyo, published_at="2024-07-07").is_pilkada


def test_re_votes_of_2025_are_pilkada_coverage_and_earlier_or_other_re_votes_are_not() -> None:
    body = "Pemungutan suara ulang digelar di seluruh TPS Kabupaten Serang sesuai putusan MK; logistik tiba."
    assert score_pilkada("Warga kembali ke TPS untuk PSU", body, published_at="2025-04-19").is_pilkada
    english = "The Constitutional Court ordered a revote after vote buying; polling stations reopened on Saturday."
    assert score_pilkada("Revote held in the regency", english, published_at="2025-05-24").is_pilkada
    # the same words a year earlier (the Pemilu's re-votes) and a re-vote of another election in the window: not
    assert not score_pilkada("Warga kembali ke TPS untuk PSU", body, published_at="2024-02-20").is_pilkada
    pileg = "Pemungutan suara ulang pemilu legislatif untuk pemilih di luar negeri digelar Minggu."
    assert not score_pilkada("PSU Pileg di luar negeri", pileg, published_at="2025-04-20").is_pilkada
    # "PSU" with no other election word is no re-vote: a power supply unit reviewed in the window
    psu = "PSU 650 watt ini cocok untuk kartu grafis terbaru; pilih PSU bersertifikat 80 Plus agar PC awet."
    assert not score_pilkada("Rekomendasi PSU untuk PC gaming", psu, published_at="2025-04-20").is_pilkada


def test_malay_coverage_of_the_simultaneous_regional_elections() -> None:
    malay = (
        "Lebih 200 juta pengundi Indonesia layak mengundi dalam pilihan raya serentak wilayah hari ini bagi memilih "
        "gabenor, bupati dan datuk bandar di 545 wilayah."
    )
    assert score_pilkada("Rakyat Indonesia keluar mengundi", malay, published_at="2024-11-27").is_pilkada
    by_election = "Suruhanjaya Pilihan Raya menetapkan tarikh pilihan raya kecil DUN Mahkota di Johor."
    assert not score_pilkada("PRK Mahkota: SPR tetapkan tarikh", by_election, published_at="2024-08-20").is_pilkada


def test_a_2024_candidate_pair_named_as_posts_write_it_is_pilkada_evidence() -> None:
    # a circulated post with no election word at all: the pair's names are the evidence (KPU's candidate data)
    post = "DIDUKUNG BANYAK TOKOH, SUARA PRAMONO RANO JUSTRU TURUN DAN RIDWAN KAMIL SUSWONO TEMBUS 53 PERSEN"
    assert score_pilkada("", post, published_at="2024-11-26").is_pilkada
    pair = "Diduga ada bagi-bagi sembako untuk Bobby Nasution-Surya di Medan Labuhan, Selasa malam."
    assert score_pilkada("", pair, published_at="2024-11-26").is_pilkada
    # one candidate's name alone, or a head with someone who is not his running mate, is not
    alone = "Pramono Anung meresmikan taman kota dan berbincang dengan warga soal banjir, Selasa malam."
    assert not score_pilkada("", alone, published_at="2024-11-26").is_pilkada
    # the pair's names in a text about another election keep it out
    other = "Dalam Pilpres 2024, Pramono Rano belum dikenal; capres dan cawapres berkampanye di Jakarta."
    assert not score_pilkada("", other, published_at="2024-01-26").is_pilkada


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Mudik lebaran", "Menjelang hari raya, Yudha pulang kampung ke Solo bersama keluarganya. Jalanan padat."),
        ("Resep kue", "Kue ini cocok untuk hari raya. Aldi, pemilik toko, mengatakan penjualan naik."),
        ("Sepak bola", "Pada tahun Johan bergabung, klub juara liga. Ia mencetak gol."),
    ],
)
def test_a_name_word_that_is_an_everyday_word_next_to_a_name_is_no_pair(title: str, body: str) -> None:
    # pair phrases are generated from every pair's name words ("Raya" + "Yudha", "Tahun" + "Johan"): only a pair
    # written as one (joined, or both names capitalised side by side) is evidence
    assert not score_pilkada(title, body, published_at="2024-06-01").is_pilkada


def test_candidate_pair_phrases_skip_short_and_common_name_words() -> None:
    from pantau.process.relevance import candidate_pair_phrases
    from pantau.resources import load_json

    phrases = set(candidate_pair_phrases(load_json("pilkada_terms.json")["candidate_pairs"]))
    assert {"pramono rano", "anung rano", "kamil suswono", "bobby surya", "koster giri"} <= phrases
    assert not any(word in {"muhammad", "ahmad", "wayan", "putra"} for p in phrases for word in p.split())
    assert all(len(word) >= 4 for p in phrases for word in p.split())


def test_english_coverage_in_everyday_election_words_and_a_list_of_other_elections() -> None:
    preview = (
        "Residents of the capital will go to the polls on November 27 to elect local leaders, including the Jakarta "
        "governorship. Three candidates are vying for the post, and the electorate appears split."
    )
    assert score_pilkada("", preview, published_at="2024-11-11").is_pilkada
    result = (
        "The provincial election commission declared the official results on Monday. The winner and his running "
        "mate took 62 percent of the votes in the gubernatorial election, turnout was 68 percent."
    )
    assert score_pilkada("", result, published_at="2024-12-10").is_pilkada
    pemilu = (
        "Voters said they saw envelopes of cash handed out ahead of the February 14 presidential, parliamentary and "
        "regional polls, and the election monitoring body urged people to report it."
    )
    assert not score_pilkada("", pemilu, published_at="2024-02-10").is_pilkada


def test_the_debate_on_regional_heads_chosen_by_the_dprd_and_separate_local_elections_are_not_the_2024_pilkada() -> (
    None
):
    debate = (
        "Presiden mengusulkan agar kepala daerah dipilih oleh DPRD, bukan langsung seperti pada Pilkada 2024, karena "
        "biaya politik pilkada langsung dinilai terlalu mahal."
    )
    assert not score_pilkada("Wacana pilkada lewat DPRD", debate, published_at="2025-12-06").is_pilkada
    separation = "Putusan MK memisahkan pemilu nasional dan lokal; pemilu lokal termasuk pilkada digelar 2031."
    assert not score_pilkada("Pemisahan pemilu", separation, published_at="2025-06-28").is_pilkada


def test_an_undated_re_vote_report_is_placed_by_its_own_dates() -> None:
    body = (
        "Pemungutan suara ulang (PSU) di empat kabupaten selesai pada Sabtu, 22 Maret 2025; partisipasi pemilih tinggi."
    )
    assert score_pilkada("PSU di empat kabupaten berjalan lancar", body).is_pilkada
    old = "Pemungutan suara ulang (PSU) di empat TPS selesai pada Sabtu, 24 Februari 2019; partisipasi pemilih tinggi."
    assert not score_pilkada("PSU di empat TPS berjalan lancar", old).is_pilkada


def test_an_office_named_with_its_region_before_terpilih_is_pilkada_evidence() -> None:
    # invented: no election word but "Bupati <region> terpilih"
    body = "Bupati Sleman terpilih akan menjabat lima tahun dan berjanji memperbaiki jalan desa."
    assert score_pilkada("", body).is_pilkada
    assert score_pilkada("", "Gubernur Jateng terpilih menemui warga di alun-alun.").is_pilkada
    assert not score_pilkada("", "Bupati Sleman meresmikan jalan desa yang baru diperbaiki.").is_pilkada
    # another Pilkada year still outweighs it
    old = "Bupati Sleman terpilih hasil Pilkada 2020 dilantik pada 26 Februari 2021 dan berjanji memperbaiki jalan."
    assert not score_pilkada("", old).is_pilkada


def test_the_court_beside_a_re_vote_in_the_re_vote_window_names_the_pilkada() -> None:
    body = (
        "MK memerintahkan PSU di sejumlah daerah. Warga kembali ke bilik suara setelah putusan MK dibacakan, "
        "dan petugas menyiapkan logistik PSU."
    )
    assert score_pilkada("", body, published_at="2025-03-20T10:00:00+07:00").is_pilkada
    assert not score_pilkada("", body, published_at="2019-06-20T10:00:00+07:00").is_pilkada


def test_malay_names_of_the_pilkada_and_of_indonesia_s_election_commission() -> None:
    # invented: a Malaysian outlet's report in Malay, with "pilihan raya" (the Malaysian-election term) used for it
    body = (
        "Rakyat Indonesia keluar mengundi pada Pilihan Raya Ketua Daerah hari ini. Pilihan raya Indonesia ini "
        "meliputi 545 wilayah. Suruhanjaya Pilihan Raya Umum (KPU) melaporkan pengundi ramai di pusat mengundi."
    )
    assert score_pilkada("Rakyat Indonesia keluar mengundi", body, published_at="2024-11-27T12:00:00+08:00").is_pilkada
    malaysian = (
        "Rakyat Sabah keluar mengundi pada pilihan raya negeri. Suruhanjaya Pilihan Raya melaporkan pengundi ramai."
    )
    assert not score_pilkada("PRN Sabah", malaysian, published_at="2025-11-29T12:00:00+08:00").is_pilkada


def test_elected_to_an_office_of_a_region_and_the_words_of_the_ballot() -> None:
    # invented forms of posts: "terpilih menjadi <office> <region>", "coblos"/"tercoblos" in the season
    assert score_pilkada("", "Alhamdulillah, saya terpilih menjadi gubernur Jawa Timur.").is_pilkada
    assert not score_pilkada("", "Alhamdulillah, saya terpilih menjadi ketua koperasi Jawa Timur.").is_pilkada
    season = "2024-11-24T10:00:00+07:00"
    post = "Surat suara sudah tercoblos sebelum dibagikan di TPS 12. Warga diminta tetap datang mencoblos di TPS."
    assert (
        score_pilkada("SURAT SUARA SUDAH TERCOBLOS", post, published_at=season).score
        > score_pilkada("SURAT SUARA SUDAH TERCOBLOS", post, published_at="2019-04-10T10:00:00+07:00").score
    )
