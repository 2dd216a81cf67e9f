"""Story clusters: syndicated copies share a story_id, different reports of one event do not."""

from __future__ import annotations

import json

import pytest

from pantau.process.stories import MIN_SHINGLES, StoryIndex, shingles

ANTARA_PARAGRAPHS = [
    "Komisi Pemilihan Umum (KPU) Provinsi Nusa Tenggara Barat menetapkan jumlah daftar pemilih tetap (DPT) untuk "
    "Pemilihan Gubernur dan Wakil Gubernur NTB 2024 sebanyak 3.947.521 orang dalam rapat pleno terbuka di Mataram, "
    "Jumat.",
    "Ketua KPU NTB mengatakan jumlah tersebut terdiri atas 1.957.104 pemilih laki-laki dan 1.990.417 pemilih "
    "perempuan yang tersebar di 10 kabupaten dan kota, 116 kecamatan serta 1.166 desa dan kelurahan.",
    '"Penetapan DPT ini merupakan hasil pencocokan dan penelitian yang dilakukan petugas pantarlih selama satu '
    'bulan penuh, kemudian diperbaiki berdasarkan masukan masyarakat pada masa daftar pemilih sementara," ujarnya.',
    "Ia menjelaskan jumlah tempat pemungutan suara (TPS) untuk pilkada kali ini sebanyak 8.311 TPS, berkurang "
    "dibandingkan Pemilu Februari lalu karena KPU menggabungkan sejumlah TPS dengan jumlah pemilih yang sedikit.",
    "Menurut dia, KPU juga mencatat 21.344 pemilih penyandang disabilitas yang akan mendapat pendampingan dan "
    "fasilitas khusus di TPS, termasuk template braille bagi pemilih tunanetra.",
    "Bawaslu NTB meminta KPU membuka akses data pemilih kepada pengawas di setiap tingkatan agar potensi pemilih "
    "ganda dan pemilih yang tidak memenuhi syarat bisa segera ditindaklanjuti sebelum hari pemungutan suara.",
    "Pilkada serentak di NTB akan memilih satu pasang gubernur dan wakil gubernur, delapan bupati dan wakil bupati "
    "serta dua wali kota dan wakil wali kota. Pemungutan suara digelar serentak pada Rabu, 27 November 2024.",
]
ANTARA_TITLE = "KPU NTB tetapkan DPT Pilkada 2024 sebanyak 3,9 juta pemilih"
ANTARA_BODY = "Mataram (ANTARA) - " + "\n\n".join(ANTARA_PARAGRAPHS)

REGIONAL_COPY_TITLE = "Hampir 4 Juta Warga NTB Masuk DPT Pilgub, Ini Rinciannya"
REGIONAL_COPY_BODY = (
    "MATARAM, LOMBOKPOST - Warga Nusa Tenggara Barat yang sudah berusia 17 tahun diminta memastikan namanya "
    "tercantum dalam daftar pemilih.\n\n"
    + "\n\n".join(ANTARA_PARAGRAPHS[:2])
    + "\n\nBaca juga: Debat Perdana Pilgub NTB Digelar Pekan Depan\n\n"
    + "\n\n".join(ANTARA_PARAGRAPHS[2:5])
    + "\n\nBACA JUGA: Polda NTB Siagakan 5.000 Personel Amankan Pilkada"
    + "\n\n(ant/red)"
)

TRIMMED_COPY_BODY = "NTBSATU - " + "\n\n".join(ANTARA_PARAGRAPHS[:4])

SAME_EVENT_OTHER_REPORT = (
    "Pemilih Pilgub NTB Capai 3,94 Juta, Perempuan Lebih Banyak",
    "MATARAM - Sebanyak 3,94 juta warga tercatat sebagai pemilih dalam Pilkada NTB 2024. Angka itu diumumkan "
    "penyelenggara setelah rapat pleno yang berlangsung hingga sore hari di sebuah hotel di Mataram.\n\n"
    "Pemilih perempuan tercatat sedikit lebih banyak dibandingkan laki-laki. Kota Mataram dan Lombok Timur menjadi "
    "daerah dengan jumlah pemilih terbesar, sementara Sumbawa Barat paling sedikit.\n\n"
    "Sejumlah perwakilan tim pasangan calon yang hadir tidak mengajukan keberatan. Mereka hanya meminta agar "
    "salinan data dibagikan hingga tingkat desa supaya saksi bisa ikut mengecek.\n\n"
    "Pengawas pemilu menyoroti masih adanya warga yang belum memiliki KTP elektronik. Mereka diminta segera merekam "
    "data di dinas kependudukan agar bisa menggunakan hak pilihnya pada 27 November mendatang.\n\n"
    "Penyelenggara juga menyiapkan pendampingan bagi pemilih disabilitas serta lansia di sejumlah TPS.",
)

OTHER_STORY = (
    "Bawaslu Lampung Temukan APK Dipasang di Pohon dan Tiang Listrik",
    "BANDAR LAMPUNG - Badan Pengawas Pemilu Provinsi Lampung menemukan ratusan alat peraga kampanye yang dipasang "
    "di pohon, tiang listrik dan fasilitas umum di Bandar Lampung dan Lampung Selatan. Temuan itu didapat dalam "
    "patroli pengawasan selama sepekan terakhir.\n\n"
    "Bawaslu telah menyurati tim kampanye pasangan calon agar menurunkan sendiri alat peraga tersebut dalam tiga "
    "hari. Jika tidak, petugas Satpol PP akan menertibkannya bersama panitia pengawas kecamatan.\n\n"
    "Ketua Bawaslu Lampung mengingatkan bahwa pemasangan alat peraga sudah diatur dalam keputusan KPU, termasuk "
    "lokasi yang dilarang. Ia meminta partai politik pengusung ikut mengingatkan relawan di lapangan.",
)


def test_syndicated_copy_with_edits_joins_the_original_story() -> None:
    index = StoryIndex()
    first = index.add("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00")
    assert first == "antara-1"
    copy = index.add("lombokpost-1", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-20T13:30:00+08:00")
    trimmed = index.add("ntbsatu-1", "DPT Pilkada NTB 3,9 Juta", TRIMMED_COPY_BODY, "2024-09-20T15:00:00+08:00")
    assert copy == "antara-1"
    assert trimmed == "antara-1"
    assert index.size("antara-1") == 3
    assert index.story_id("ntbsatu-1") == "antara-1"


def test_same_event_different_wording_is_a_different_story() -> None:
    index = StoryIndex()
    index.add("antara-1", ANTARA_TITLE, ANTARA_BODY)
    other = index.add("kompas-7", *SAME_EVENT_OTHER_REPORT)
    unrelated = index.add("lampung-3", *OTHER_STORY)
    assert other == "kompas-7"
    assert unrelated == "lampung-3"
    assert index.size("antara-1") == 1


def test_story_id_is_earliest_published_in_a_batch_and_stable_afterwards() -> None:
    index = StoryIndex()
    copy = {"id": "copy-b", "title": REGIONAL_COPY_TITLE, "body": REGIONAL_COPY_BODY}
    orig = {"id": "orig-a", "title": ANTARA_TITLE, "body": ANTARA_BODY}
    ids = index.add_many(
        [{**copy, "published_at": "2024-09-20T14:00:00+07:00"}, {**orig, "published_at": "2024-09-20T10:00:00+07:00"}]
    )
    assert ids == {"orig-a": "orig-a", "copy-b": "orig-a"}
    # A copy arriving later, even one claiming an earlier time, does not relabel the story.
    late = index.add("late-c", "DPT NTB", TRIMMED_COPY_BODY, "2024-09-19T08:00:00+07:00")
    assert late == "orig-a"
    assert index.size("orig-a") == 3


def test_state_round_trips_through_json_and_keeps_clustering() -> None:
    index = StoryIndex()
    index.add("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00")
    index.add("lampung-3", *OTHER_STORY)
    index.add("short-1", "Foto", "KPU gelar rapat.")
    state = json.loads(json.dumps(index.to_dict()))
    resumed = StoryIndex.from_dict(state)
    assert len(resumed) == 3
    assert resumed.story_id("lampung-3") == "lampung-3"
    assert resumed.add("lombokpost-1", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY) == "antara-1"
    assert resumed.size("antara-1") == 2
    assert resumed.add("antara-1", "again", "") == "antara-1"  # idempotent per article id


def test_bad_state_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown version"):
        StoryIndex.from_dict({"version": 99})
    state = StoryIndex().to_dict()
    state["params"]["shingle_words"] = 7
    with pytest.raises(ValueError, match="other parameters"):
        StoryIndex.from_dict(state)


def test_short_bodies_never_cluster() -> None:
    index = StoryIndex()
    text = "KPU Sumsel menggelar rapat pleno penetapan hasil Pilkada di Palembang hari ini."
    assert len(shingles("Pleno", text)) < MIN_SHINGLES
    assert index.add("s1", "Pleno", text) == "s1"
    assert index.add("s2", "Pleno", text) == "s2"
    assert index.size("s1") == 1


def test_baca_juga_lines_do_not_count() -> None:
    plain = shingles("", "\n\n".join(ANTARA_PARAGRAPHS[:2]))
    with_insert = shingles(
        "", ANTARA_PARAGRAPHS[0] + "\n\nBaca juga: Judul Berita Lain Yang Panjang Sekali\n\n" + ANTARA_PARAGRAPHS[1]
    )
    assert with_insert == plain


@pytest.mark.parametrize("body", ["", "\x00" * 1000, "🗳️ " * 5000, "выборы губернатора " * 2000, "a" * 300_000])
def test_bad_input_never_raises(body: str) -> None:
    index = StoryIndex()
    story = index.add("x", "", body)
    assert story == "x"
    assert index.story_id("x") == "x"
