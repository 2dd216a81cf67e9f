"""A second battery of invented misinformation, in the forms the first one (test_claims_battery.py) does not use.

Every sentence is written for this test (no article or post text). Forms: English-language reports and Malay
(Malaysian outlets on Indonesia's Pilkada); WhatsApp/Facebook forwards (no punctuation, all caps, emoji,
"SEBARKAN!!", "info A1", abbreviations pilbup/pilwalkot/cabup/cawalkot/KPUD/"paslon no 2", numbers in words);
headline-only claims; a claim split over two short sentences; a claim on a list/bullet line. Topics: results and
winners, second rounds, candidates and ballot numbers, which regions vote, re-votes (PSU) and their dates,
postponements, counts, the voting day and its weekday.

Facts used (fact base, `pantau facts show`): voting Wednesday 27 November 2024; 545 regions = 37 provinces +
415 regencies + 93 cities, 1,553 pairs, 37 single-candidate regions, DPT about 203 million; only Jakarta could go
to a second round and it did not (Pramono Anung-Rano Karno no. 3, 50.07 %, recapitulation 8 December 2024;
Ridwan Kamil-Suswono no. 1, Dharma Pongrekun-Kun Wardana no. 2); Jawa Barat: Dedi Mulyadi-Erwan Setiawan no. 4 won,
four pairs; Kalimantan Timur: Rudy Mas'ud-Seno Aji no. 2 beat Isran Noor-Hadi Mulyadi no. 1; Aceh:
Muzakir Manaf-Fadhlullah no. 2 beat Bustami Hamzah-M. Fadhil Rahmi; Sumatera Barat: Mahyeldi-Vasko Ruseimy no. 1;
Kota Medan: Rico Waas-Zakiyuddin Harahap no. 1 (three pairs); Kota Makassar: Munafri Arifuddin-Aliyah Mustika Ilham
no. 1 (four pairs); Kabupaten Sleman: Harda Kiswaya-Danang Maharsa no. 2 beat Kustini Sri Purnomo-Sukamto no. 1;
Kota Yogyakarta: Hasto Wardoyo-Wawan Harmawan no. 2; DI Yogyakarta elects no governor; Jakarta's administrative
cities elect no mayor; PSU Kabupaten Pasaman and Kabupaten Serang 19 April 2025 (MK rulings of 24 February 2025).

Measured on main's code before the fixes of this branch (2026-12-04, 85b72b2): positives caught 36/62, negatives
flagged 0/55. The 28 positives and 29 negatives at the end of each list were written after the first fixes, to
probe whether they hold beyond the cases they were made for: main caught 7/28 of them and flagged 0/29. After the
fixes: 89/90 caught, 0/84 flagged; NOT_CAUGHT (strict xfails, each with its reason) is what is still missed.
Through the whole pipeline (`process_batch`, where the relevance stage decides whether the claims are checked at
all): main 38/90 caught (41/90 on main dbe8767, with its new English relevance terms), 0/84 flagged; after
86/90, 0/84. The 4 left there name only a pair or a region with an English election word the relevance stage does
not count ("Jakarta election", "re-vote").
"""

from __future__ import annotations

import pytest

from pantau.process.batch import process_batch
from pantau.process.claims import check_claims
from pantau.records import RawArticle

NOV = "2024-11-20T10:00:00+07:00"
DEC = "2024-12-10T10:00:00+07:00"
JAN = "2025-01-15T10:00:00+07:00"
MAR = "2025-03-15T10:00:00+07:00"  # after the Constitutional Court rulings of 24 February 2025

NOT_CAUGHT: dict[str, str] = {  # id -> why the checker still misses it
    "split/psu: MK sudah memutus sengketa Pilgub Jawa Barat. Hasilnya PSU di": (
        "the re-vote order is in a second sentence that names neither the court nor the race: the psu_order rule "
        "reads one sentence"
    ),
}

# (form, topic, title, body, published_at)
POSITIVES: list[tuple[str, str, str, str, str]] = [
    # --- English-language reports
    ("en", "winner", "Ridwan Kamil wins Jakarta governor race", "", DEC),
    ("en", "winner", "Jakarta election", "Ridwan Kamil-Suswono won the Jakarta gubernatorial race.", DEC),
    ("en", "winner", "East Kalimantan", "Isran Noor-Hadi Mulyadi won the East Kalimantan governor election.", DEC),
    ("en", "loser", "Aceh governor race", "Muzakir Manaf-Fadhlullah lost the Aceh gubernatorial election.", DEC),
    ("en", "postpone", "Regional polls", "The KPU postponed the Pilkada in Medan to 2026.", NOV),
    ("en", "postpone", "Indonesia's regional elections postponed to 2025", "", NOV),
    ("en", "date", "Regional elections", "Indonesia's regional elections were held on 4 December 2024.", DEC),
    ("en", "date", "Pilkada", "Indonesians voted in the regional elections on Thursday, November 28, 2024.", DEC),
    (
        "en",
        "weekday",
        "Pilkada",
        "Voters went to the polls on Tuesday, 27 November 2024, in the regional elections.",
        DEC,
    ),
    ("en", "round", "Jakarta governor race heads to a second round", "", DEC),
    ("en", "round", "Pilkada", "The West Java gubernatorial election will go to a run-off in February 2025.", DEC),
    ("en", "count", "Pilkada", "The 2024 regional elections were held in 548 regions across Indonesia.", NOV),
    ("en", "count", "Pilkada", "A total of 1,635 candidate pairs are contesting the 2024 regional elections.", NOV),
    (
        "en",
        "count",
        "Pilkada",
        "Gubernatorial elections were held in all 38 provinces in the 2024 regional elections.",
        NOV,
    ),
    ("en", "scope", "Pilkada", "Voters in Yogyakarta also elected a new governor in the 2024 regional elections.", DEC),
    ("en", "psu", "Court ruling", "The Constitutional Court ordered a re-vote in the Jakarta governor race.", MAR),
    ("en", "ballot", "Jakarta", "Pramono Anung-Rano Karno, candidate pair number 1, campaigned in Jakarta.", NOV),
    # --- Malay (Malaysian outlets on Indonesia's Pilkada)
    ("ms", "winner", "Pilkada Jakarta", "Ridwan Kamil-Suswono memenangi pemilihan gabenor Jakarta.", DEC),
    ("ms", "postpone", "Indonesia", "Pilkada serentak Indonesia ditangguhkan ke tahun 2025.", NOV),
    ("ms", "date", "Indonesia", "Pilkada serentak di Indonesia diadakan pada 4 Disember 2024.", DEC),
    ("ms", "round", "Jakarta", "Pemilihan gabenor Jakarta akan diteruskan ke pusingan kedua.", DEC),
    ("ms", "weekday", "Indonesia", "Rakyat Indonesia mengundi dalam Pilkada pada hari Khamis, 27 November 2024.", DEC),
    # --- WhatsApp / Facebook forwards
    ("wa", "postpone", "SEBARKAN!! INFO A1 DARI KPUD PILKADA DIUNDUR KE 2025", "", NOV),
    ("wa", "postpone", "info", "info a1 pilbup sleman diundur tahun 2025 sebarkan ke grup", NOV),
    ("wa", "postpone", "🚨🚨 PILWALKOT MEDAN DIUNDUR THN 2025 🚨🚨", "", NOV),
    ("wa", "ballot", "info", "paslon no 2 pilgub jakarta pramono rano jangan salah coblos", NOV),
    ("wa", "ballot", "Pilwalkot Makassar", "cawalkot makassar munafri arifuddin nomor urut tiga", NOV),
    ("wa", "round", "PILGUB JABAR DUA PUTARAN!!! SEBARKAN", "", DEC),
    ("wa", "count", "info", "PILGUB KALTIM DIIKUTI TIGA PASLON", NOV),
    ("wa", "weekday", "info", "nyoblos hari kamis 27 november 2024 ya jangan lupa", NOV),
    ("wa", "date", "info", "KPUD umumkan pencoblosan pilkada tgl 28 november 2024 sebarkan", NOV),
    ("wa", "winner", "Selamat 🎉🎉", "Selamat buat Isran Noor-Hadi Mulyadi menang pilgub kaltim 🎉🎉", DEC),
    ("wa", "winner", "info", "cabup sleman kustini sri purnomo menang pilbup sleman", DEC),
    ("wa", "count", "info", "pilkada 2024 digelar di lima ratus empat puluh delapan daerah", NOV),
    ("wa", "psu", "PSU PILBUP PASAMAN TGL 22 MARET 2025", "", JAN),
    ("wa", "voters", "info", "DPT pilkada serentak 2024 cuma 150 juta pemilih", NOV),
    ("wa", "round", "info", "pilkada medan dua putaran sebarkan", DEC),
    # --- headline-only claims
    ("headline", "loser", "Muzakir Manaf-Fadhlullah Kalah di Pilgub Aceh", "", DEC),
    ("headline", "loser", "Mahyeldi-Vasko Tumbang di Pilgub Sumbar", "", DEC),
    ("headline", "scope", "Pilgub DIY 2024 Diikuti Tiga Paslon", "", NOV),
    ("headline", "scope", "Pilwalkot Jakarta Selatan 2024 Diikuti Dua Paslon", "", NOV),
    ("headline", "weekday", "Pilkada Serentak Digelar Selasa 27 November 2024", "", NOV),
    ("headline", "winner", "KPU Tetapkan Bustami Hamzah-Fadhil Rahmi Pemenang Pilgub Aceh", "", DEC),
    ("headline", "ballot", "Rudy Mas'ud-Seno Aji Dapat Nomor Urut 1 di Pilgub Kaltim", "", NOV),
    ("headline", "count", "Pilwalkot Medan 2024 Diikuti Empat Paslon", "", NOV),
    # --- a claim split over two short sentences
    ("split", "postpone", "Info", "Pilkada Kota Medan ditunda. Jadwalnya tahun 2025.", NOV),
    ("split", "round", "Pilgub Jakarta", "Pilgub Jakarta belum selesai. Putaran kedua digelar Februari 2025.", DEC),
    ("split", "winner", "Info", "Hasil Pilgub Kaltim sudah keluar. Pemenangnya Isran Noor-Hadi Mulyadi.", DEC),
    ("split", "date", "Info", "Pilkada serentak diundur. Pencoblosan jadi 11 Desember 2024.", NOV),
    ("split", "psu", "Pilkada", "MK sudah memutus sengketa Pilgub Jawa Barat. Hasilnya PSU di seluruh TPS.", MAR),
    # --- a claim on a list/bullet line
    ("list", "date", "Jadwal Pilkada 2024", "Jadwal penting:\n- Pemungutan suara: Kamis, 28 November 2024", NOV),
    (
        "list",
        "count",
        "Fakta Pilkada 2024",
        "Fakta Pilkada 2024:\n1. Digelar di 37 provinsi, 415 kabupaten, dan 98 kota",
        NOV,
    ),
    ("list", "count", "Pilkada 2024", "Data KPU:\n• Jumlah paslon: 1.635 pasangan calon", NOV),
    (
        "list",
        "winner",
        "Hasil Pilgub",
        "Hasil resmi KPU:\n• Pilgub Jabar: Ahmad Syaikhu-Ilham Akbar Habibie menang",
        DEC,
    ),
    ("list", "ballot", "Pilwalkot Medan", "Daftar paslon:\n- Nomor urut 3: Rico Waas-Zakiyuddin Harahap", NOV),
    # --- more topics in plain Indonesian forms the first battery lacks
    ("id", "count", "Pilkada 2024", "Sebanyak 41 daerah hanya memiliki calon tunggal pada Pilkada Serentak 2024.", NOV),
    ("id", "voters", "Pilkada 2024", "KPU menetapkan DPT Pilkada Serentak 2024 sebanyak 210 juta pemilih.", NOV),
    ("id", "scope", "Pilkada 2024", "Warga Kota Jakarta Barat memilih wali kota pada Pilkada 27 November 2024.", NOV),
    ("id", "psu", "PSU Serang", "PSU Pilbup Serang digelar pada Sabtu, 12 April 2025.", MAR),
    ("id", "winner", "Pilbup Sleman", "Kustini Sri Purnomo-Sukamto keluar sebagai pemenang Pilbup Sleman.", DEC),
    ("id", "winner", "Pilwalkot Yogyakarta", "Heroe Poerwadi-SW Supena memenangkan Pilwalkot Yogyakarta.", DEC),
    ("id", "ballot", "Pilgub Jakarta", "Dharma Pongrekun-Kun Wardana mendapat nomor urut tiga di Pilgub Jakarta.", NOV),
    # --- added after the first fixes, to see that they hold beyond the cases above (see the module docstring)
    ("en", "winner", "BREAKING: Ridwan Kamil and Suswono declared winners of Jakarta election", "", DEC),
    ("en", "round", "KPU confirms Jakarta governor race will go to a run-off", "", DEC),
    ("en", "date", "Pilkada", "Indonesia's regional elections will be held on December 9, 2024.", NOV),
    ("en", "psu", "Re-vote", "The re-vote in Pasaman regency will be held on 22 March 2025.", MAR),
    ("en", "loser", "West Java", "Dedi Mulyadi-Erwan Setiawan lost to Ahmad Syaikhu in West Java.", DEC),
    (
        "en",
        "voters",
        "Pilkada",
        "Some 210 million voters are registered for the regional elections across Indonesia.",
        NOV,
    ),
    ("en", "scope", "South Jakarta mayoral race heats up", "", NOV),
    ("en", "count", "Pilkada", "Regional elections took place in 37 provinces, 415 regencies and 98 cities.", NOV),
    ("ms", "winner", "Indonesia", "Pemilihan gabenor Jawa Barat dimenangi Ahmad Syaikhu-Ilham Akbar Habibie.", DEC),
    ("wa", "postpone", "INFO A1", "PILKADA SERENTAK DITUNDA SAMPAI 2025 KARENA ANGGARAN HABIS", NOV),
    ("wa", "round", "info", "pilgub kaltim 2 putaran", DEC),
    ("wa", "date", "SEBARKAN!!! PENCOBLOSAN PILKADA TGL 4 DESEMBER 2024", "", NOV),
    ("id", "postpone", "Info", "Pilkada serentak 2024 dijadwalkan ulang ke tahun 2025.", NOV),
    ("id", "winner", "Pilgub Jabar", "Pilgub Jawa Barat dimenangkan Ahmad Syaikhu-Ilham Akbar Habibie.", DEC),
    (
        "id",
        "ballot",
        "Pilgub Jakarta",
        "Ridwan Kamil-Suswono, pasangan nomor urut 3, berkampanye di Jakarta Utara.",
        NOV,
    ),
    ("id", "scope", "Pilkada DIY", "Warga DIY memilih gubernur pada 27 November 2024.", NOV),
    # --- who the candidates are: a person on no KPU list presented as one (after registration closed)
    ("id", "candidate", "Pilkada", "Anies Baswedan resmi jadi cagub Jakarta.", NOV),
    ("id", "candidate", "Pilkada", "Kaesang Pangarep maju Pilgub Jawa Tengah.", NOV),
    ("en", "candidate", "Jakarta", "Anies Baswedan is running for Jakarta governor.", NOV),
    ("en", "candidate", "Jakarta", "PDIP nominated Anies Baswedan for the Jakarta governor race.", NOV),
    ("wa", "candidate", "info", "anies resmi maju pilgub jakarta sebarkan", NOV),
    ("id", "weekday", "Pilkada", "Pilkada serentak 2024 digelar pada Kamis, 27 November.", NOV),
    ("id", "count", "Pilkada", "Pilkada serentak 2024 digelar di 548 wilayah.", NOV),
    ("id", "count", "Pilkada", "Calon tunggal di Pilkada 2024 ada di 45 daerah.", NOV),
    ("id", "postpone", "Pilkada", "Pilkada serentak 2024 digeser ke tahun 2025.", NOV),
    ("id", "winner", "Pilgub Sumut", "Edy Rahmayadi terpilih sebagai Gubernur Sumut periode 2025-2030.", DEC),
    ("split", "psu", "Info", "Pilkada Kota Medan diulang. Jadwalnya 2026.", DEC),
    ("id", "psu", "Pilwalkot Makassar", "Pilwalkot Makassar digelar ulang pada 2025.", MAR),
]

NEGATIVES: list[tuple[str, str, str, str, str]] = [
    # --- English: the correct fact, attributed, debunked, asked, other elections
    ("en", "winner", "Pramono Anung wins Jakarta governor race", "", DEC),
    ("en", "winner", "East Kalimantan", "Rudy Mas'ud-Seno Aji won the East Kalimantan governor election.", DEC),
    ("en", "date", "Regional elections", "Indonesia held its regional elections on Wednesday, 27 November 2024.", DEC),
    ("en", "count", "Pilkada", "The 2024 regional elections were held in 545 regions across Indonesia.", NOV),
    (
        "en",
        "count",
        "Pilkada",
        "Gubernatorial elections were held in 37 provinces in the 2024 regional elections.",
        NOV,
    ),
    ("en", "round", "Jakarta", "The Jakarta governor race was decided in a single round.", DEC),
    ("en", "round", "Fact check", "Claims that the Jakarta race heads to a second round are false.", DEC),
    ("en", "postpone", "Fact check", "The KPU denied reports that the Pilkada was postponed to 2025.", NOV),
    ("en", "round", "Jakarta", "Will the Jakarta governor race go to a second round?", NOV),
    ("en", "round", "Jakarta", "If no pair wins more than 50 percent, the Jakarta race goes to a run-off.", NOV),
    ("en", "winner", "Quick count", "A quick count showed Ridwan Kamil-Suswono leading in Jakarta.", NOV),
    ("en", "date", "Presidential election", "Indonesia held its presidential election on 14 February 2024.", NOV),
    ("en", "winner", "Malaysia", "Anwar Ibrahim's coalition won the Malaysian general election.", DEC),
    ("en", "psu", "Court ruling", "The Constitutional Court ordered a re-vote in Pasaman regency.", MAR),
    # --- Malay
    ("ms", "winner", "Pilkada Jakarta", "Pramono Anung-Rano Karno memenangi pemilihan gabenor Jakarta.", DEC),
    ("ms", "date", "Indonesia", "Pilkada serentak di Indonesia diadakan pada hari Rabu, 27 November 2024.", DEC),
    ("ms", "round", "Jakarta", "Pemilihan gabenor Jakarta selesai dalam satu pusingan.", DEC),
    ("ms", "postpone", "Malaysia", "Pilihan raya negeri Sabah ditangguhkan ke tahun 2025.", NOV),
    ("ms", "winner", "Malaysia", "Barisan Nasional menang pilihan raya kecil Mahkota.", DEC),
    # --- WhatsApp forwards: correct facts and debunks in the same forms
    ("wa", "date", "info", "nyoblos hari rabu 27 november 2024 ya jangan lupa sebarkan", NOV),
    ("wa", "ballot", "info", "paslon no 3 pilgub jakarta pramono rano jangan salah coblos", NOV),
    ("wa", "ballot", "Pilwalkot Makassar", "cawalkot makassar munafri arifuddin nomor urut satu", NOV),
    ("wa", "count", "info", "PILGUB KALTIM DIIKUTI DUA PASLON", NOV),
    ("wa", "winner", "Selamat 🎉🎉", "Selamat buat Rudy Mas'ud-Seno Aji menang pilgub kaltim 🎉🎉", DEC),
    ("wa", "postpone", "[HOAKS] SEBARKAN!! INFO A1 PILKADA DIUNDUR KE 2025", "", NOV),
    ("wa", "round", "info", "pilgub jakarta cuma satu putaran sebarkan", DEC),
    ("wa", "postpone", "info", "pilkades di desa kami diundur tahun 2025 sebarkan", NOV),
    ("wa", "count", "info", "pilkada 2024 digelar di lima ratus empat puluh lima daerah", NOV),
    ("wa", "psu", "PSU PILBUP PASAMAN TGL 19 APRIL 2025", "", JAN),
    # --- headline-only, correct or not asserted
    ("headline", "loser", "Bustami Hamzah-Fadhil Rahmi Kalah di Pilgub Aceh", "", DEC),
    ("headline", "scope", "DIY Tidak Gelar Pilgub, Lima Daerah Tetap Ikut Pilkada 2024", "", NOV),
    ("headline", "scope", "Apakah Warga Jakarta Selatan Memilih Wali Kota?", "", NOV),
    ("headline", "weekday", "Pilkada Serentak Digelar Rabu 27 November 2024", "", NOV),
    ("headline", "winner", "Cek Fakta: Bustami Hamzah Disebut Menang Pilgub Aceh, Ini Faktanya", "", DEC),
    ("headline", "winner", "Survei: Isran Noor-Hadi Mulyadi Unggul di Pilgub Kaltim", "", NOV),
    ("headline", "ballot", "Rudy Mas'ud-Seno Aji Dapat Nomor Urut 2 di Pilgub Kaltim", "", NOV),
    ("headline", "count", "Pilwalkot Medan 2024 Diikuti Tiga Paslon", "", NOV),
    # --- split and list forms, correct
    ("split", "postpone", "Info", "Pilkada Kota Medan tidak ditunda. Jadwalnya tetap 27 November 2024.", NOV),
    ("split", "winner", "Info", "Hasil Pilgub Kaltim sudah keluar. Pemenangnya Rudy Mas'ud-Seno Aji.", DEC),
    ("split", "round", "Pilgub Jakarta", "Pilgub Jakarta sudah selesai. Tidak ada putaran kedua.", DEC),
    ("list", "date", "Jadwal Pilkada 2024", "Jadwal penting:\n- Pemungutan suara: Rabu, 27 November 2024", NOV),
    (
        "list",
        "count",
        "Fakta Pilkada 2024",
        "Fakta singkat:\n1. Digelar di 37 provinsi, 415 kabupaten, dan 93 kota",
        NOV,
    ),
    ("list", "ballot", "Pilwalkot Medan", "Daftar paslon:\n- Nomor urut 1: Rico Waas-Zakiyuddin Harahap", NOV),
    # --- attributed, conditional, quick counts, other elections in Indonesian
    ("id", "winner", "Pilbup Sleman", '"Kami yakin Kustini-Sukamto menang," kata seorang relawan.', NOV),
    ("id", "winner", "Hitung cepat", "Hitung cepat: Heroe Poerwadi-SW Supena unggul di Pilwalkot Yogyakarta.", NOV),
    ("id", "round", "Pilkada", "Kalau tidak ada yang meraih 50 persen lebih, Pilgub Jakarta dua putaran.", NOV),
    ("id", "postpone", "Pilkada 2020", "Pilkada 2020 ditunda dari September ke Desember 2020.", NOV),
    ("id", "date", "Pilpres 2024", "Pilpres 2024 digelar pada Rabu, 14 Februari 2024.", NOV),
    ("id", "count", "Pilkada 2024", "Sebanyak 37 daerah hanya memiliki calon tunggal pada Pilkada Serentak 2024.", NOV),
    ("id", "voters", "Pilkada 2024", "DPT Pilkada Serentak 2024 sekitar 203 juta pemilih.", NOV),
    ("id", "scope", "Pilkada 2024", "Warga Jakarta Barat ikut memilih gubernur pada Pilkada 27 November 2024.", NOV),
    ("id", "psu", "PSU Serang", "PSU Pilbup Serang digelar pada Sabtu, 19 April 2025.", MAR),
    ("id", "winner", "Pilbup Sleman", "Harda Kiswaya-Danang Maharsa keluar sebagai pemenang Pilbup Sleman.", DEC),
    ("id", "ballot", "Pilgub Jakarta", "Dharma Pongrekun-Kun Wardana mendapat nomor urut dua di Pilgub Jakarta.", NOV),
    ("id", "winner", "Pilkades", "Kepala desa terpilih di Sleman dilantik; Pilkades 2025 dimenangkan petahana.", NOV),
    # --- added after the first fixes (see the module docstring)
    ("en", "postpone", "Pilkada", "The KPU said the regional elections would not be postponed.", NOV),
    (
        "en",
        "postpone",
        "Pilkada",
        "Reports that the regional elections were postponed to 2025 are false, the KPU said.",
        NOV,
    ),
    ("en", "postpone", "Malaysia", "The Sabah state election was postponed to 2025.", NOV),
    ("en", "scope", "Yogyakarta", "Yogyakarta does not hold a governor election; its governor is the Sultan.", NOV),
    (
        "en",
        "psu",
        "Court",
        "The Constitutional Court rejected the request for a re-vote in the Jakarta governor race.",
        MAR,
    ),
    ("en", "psu", "Court", "Petitioners asked the Constitutional Court to order a re-vote in West Java.", MAR),
    ("en", "count", "Pilkada", "A total of 1,553 candidate pairs are contesting the 2024 regional elections.", NOV),
    (
        "en",
        "count",
        "Pilkada",
        "The regional elections were held in 545 regions: 37 provinces, 415 regencies and 93 cities.",
        NOV,
    ),
    ("ms", "loser", "Jakarta", "Ridwan Kamil-Suswono kalah di pilihan raya gabenor Jakarta.", DEC),
    ("wa", "date", "info", "jangan lupa nyoblos tgl 27 november 2024 hari rabu", NOV),
    ("wa", "round", "[HOAKS] PILGUB JABAR DUA PUTARAN", "", DEC),
    ("id", "scope", "Pilkada", "Warga Kota Yogyakarta memilih wali kota pada 27 November 2024.", NOV),
    ("id", "scope", "Pilkada", "Warga Jakarta Selatan memilih gubernur pada 27 November 2024.", NOV),
    ("headline", "postpone", "Cek Fakta: Benarkah Pilkada Diundur ke 2025?", "", NOV),
    ("headline", "winner", "Survei: Ahmad Syaikhu-Ilham Habibie Unggul di Pilgub Jabar", "", NOV),
    ("headline", "date", "KPU RI Tetapkan Jadwal Pilkada Serentak 27 November 2024", "", NOV),
    ("id", "candidate", "Pilkada", "Ridwan Kamil resmi jadi cagub Jakarta.", NOV),
    ("id", "candidate", "Pilkada", "Anies Baswedan batal maju di Pilgub Jakarta.", NOV),
    ("en", "candidate", "Jakarta", "Anies Baswedan will not run for Jakarta governor.", NOV),
    ("en", "candidate", "Jakarta", "Golkar nominated Ridwan Kamil for the Jakarta governor race.", NOV),
    ("wa", "candidate", "info", "anies batal maju pilgub jakarta", NOV),
    ("id", "weekday", "Pilkada", "Pilkada serentak 2024 digelar pada Rabu, 27 November.", NOV),
    ("id", "weekday", "Pelantikan", "Kepala daerah hasil Pilkada 2024 dilantik pada Kamis, 20 Februari.", MAR),
    ("id", "count", "Pilkada", "Pilkada serentak 2024 digelar di 545 wilayah.", NOV),
    ("id", "winner", "Pilgub Sumut", "Edy Rahmayadi terpilih sebagai Gubernur Sumut pada Pilgub 2018.", DEC),
    ("id", "winner", "Pilgub Sumut", "Bobby Nasution pernah terpilih sebagai Wali Kota Medan periode 2021-2024.", DEC),
    ("id", "psu", "PSU", "Pemungutan suara di 3 TPS Kota Medan diulang.", DEC),
    ("id", "psu", "PSU Pasaman", "Pilkada Kabupaten Pasaman diulang pada 19 April 2025.", MAR),
    ("id", "psu", "Sengketa", "Warga meminta Pilkada Kota Medan diulang.", DEC),
]


def _flags(title: str, body: str, published_at: str) -> list[str]:
    return [f.rule for f in check_claims(title, body, published_at=published_at, article_pilkada=True)]


def _id(case: tuple[str, str, str, str, str]) -> str:
    return f"{case[0]}/{case[1]}: {(case[3] or case[2])[:60]}"


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=_id(c), marks=[pytest.mark.xfail(strict=True, reason=NOT_CAUGHT[_id(c)])])
        if _id(c) in NOT_CAUGHT
        else pytest.param(c, id=_id(c))
        for c in POSITIVES
    ],
)
def test_a_false_claim_in_another_form_is_flagged(case: tuple[str, str, str, str, str]) -> None:
    _, _, title, body, published_at = case
    assert _flags(title, body, published_at), case


@pytest.mark.parametrize("case", [pytest.param(c, id=_id(c)) for c in NEGATIVES])
def test_the_fact_or_an_unasserted_claim_in_another_form_is_not_flagged(case: tuple[str, str, str, str, str]) -> None:
    _, _, title, body, published_at = case
    assert _flags(title, body, published_at) == [], case


def test_the_battery_covers_every_form_and_topic() -> None:
    forms = {"en", "ms", "wa", "headline", "split", "list"}
    assert forms <= {c[0] for c in POSITIVES} and forms <= {c[0] for c in NEGATIVES}
    topics = {"winner", "loser", "round", "ballot", "candidate", "scope", "psu", "postpone", "count", "voters", "date"}
    topics.add("weekday")
    assert topics <= {c[1] for c in POSITIVES}
    assert len(POSITIVES) >= 60 and len(NEGATIVES) >= 50
    assert len({_id(c) for c in POSITIVES + NEGATIVES}) == len(POSITIVES) + len(NEGATIVES)
    assert set(NOT_CAUGHT) <= {_id(c) for c in POSITIVES}


PIPELINE_MIN_CAUGHT = 86  # measured 2026-12-04: the rest are texts the relevance stage does not take as Pilkada


def test_the_battery_through_the_pipeline_keeps_its_catch_and_flags_no_negative() -> None:
    """In `process_batch` the relevance stage decides whether the claim checks run and whether the article counts
    as Pilkada coverage: English and Malay reports and short forwards must get through it."""
    cases = [("p", c) for c in POSITIVES] + [("n", c) for c in NEGATIVES]
    raw = [
        RawArticle.from_dict(
            {"url": f"https://example.com/{kind}{n}", "title": c[2], "body": c[3] or c[2], "published_at": c[4]}
        )
        for n, (kind, c) in enumerate(cases)
    ]
    got = {a.url: a for a in process_batch(raw).articles}
    flagged = [bool(got[f"https://example.com/{kind}{n}"].flags) for n, (kind, _) in enumerate(cases)]
    caught = sum(f for f, (kind, _) in zip(flagged, cases, strict=True) if kind == "p")
    false_flags = [c for f, (kind, c) in zip(flagged, cases, strict=True) if kind == "n" and f]
    assert caught >= PIPELINE_MIN_CAUGHT
    assert false_flags == []
