"""A battery of invented misinformation in the forms real posts and headlines use, by theme, against the fact base.

Every sentence is written for this test (no article text). Positives are FALSE claims against facts the fact base
holds (Pilkada 2024: voting Wednesday 27 November 2024, nationwide and not postponed; Jakarta decided in one round,
Pramono Anung-Rano Karno no. 3; Jawa Tengah won by Ahmad Luthfi-Taj Yasin no. 2; Jawa Timur by Khofifah-Emil no. 2;
Jawa Barat by Dedi Mulyadi-Erwan Setiawan no. 4 of four pairs; Banten by Andra Soni-Dimyati no. 2; Sumatera Utara by
Bobby Nasution-Surya no. 1; Kota Surabaya: Eri Cahyadi-Armuji beat the empty box; Kabupaten Bangka and Kota
Pangkalpinang: the empty box won, re-election 27 August 2025; Kota Semarang: two pairs; PSU Pasaman 19 April 2025;
545 regions, 1,553 pairs; KPU chair Mochammad Afifuddin since July 2024). Negatives are the correct fact, or the
false claim attributed, denied, debunked, asked, made conditional, predicted, or about another year or election.

Still missed, by design for now (strict xfails in NOT_CAUGHT): two heads of rival pairs joined by a dash
("Airin-Andra Soni", read as a duel, as headlines write it) and a round pair count ("1.600 paslon", read as an
approximation like "sekitar 1.600").
"""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims

NOV = "2024-11-20T10:00:00+07:00"
DEC = "2024-12-10T10:00:00+07:00"
JAN = "2025-01-15T10:00:00+07:00"
MAR = "2025-03-15T10:00:00+07:00"  # after the Constitutional Court rulings of 24 February 2025
MAY = "2025-05-02T10:00:00+07:00"
SEP = "2025-09-10T10:00:00+07:00"
NOT_CAUGHT: set[str] = {  # positives the checker still misses (see the module docstring)
    "pair: Pasangan Airin Rachmi Diany-Andra Soni maju di Pilgub Banten",
    "count: KPU tetapkan 1.600 pasangan calon peserta Pilkada Serentak 2",
}

# (theme, title, body, published_at)
POSITIVES: list[tuple[str, str, str, str]] = [
    # postponement of a region's or the nationwide vote that was not postponed
    ("postpone", "BEREDAR KABAR PILKADA SERENTAK DIUNDUR KE DESEMBER", "", NOV),
    ("postpone", "Pilkada Serentak 2024 resmi diundur ke tahun 2025", "", NOV),
    ("postpone", "Pilkada Kota Bandung diundur ke 2025", "", NOV),
    ("postpone", "Info Pilkada", "KPU umumkan pemungutan suara Pilwalkot Magelang ditunda ke tahun 2025.", NOV),
    ("postpone", "Pilgub Jawa Timur resmi ditunda hingga Desember 2024", "", NOV),
    ("postpone", "Info terbaru", "Beredar kabar pencoblosan Pilkada Kab. Tasikmalaya ditunda sampai 2025.", NOV),
    ("postpone", "PEMUNGUTAN SUARA PILKADA DITUNDA KE 11 DESEMBER 2024", "", NOV),
    ("postpone", "Pilbup Bantul", "Pemungutan suara Pilbup Bantul diundur menjadi tahun depan.", NOV),
    # voting date
    ("date", "Pencoblosan Pilkada Serentak 4 Desember 2024", "", NOV),
    ("date", "PEMUNGUTAN SUARA PILKADA 2024 JATUH PADA KAMIS 28 NOVEMBER", "", NOV),
    ("date", "Pilgub Jateng", "Pemungutan suara Pilgub Jawa Tengah digelar pada 26 November 2024.", NOV),
    ("date", "Info Pilkada", "Beredar kabar pencoblosan Pilkada serentak dilaksanakan 9 Desember 2024.", NOV),
    ("date", "Pilkada Kota Surabaya", "KPU umumkan hari pencoblosan Pilwalkot Surabaya Sabtu, 30 November 2024.", NOV),
    # second round
    ("round", "Pilgub Jakarta lanjut dua putaran", "", DEC),
    ("round", "PILKADA JAKARTA 2024 DUA PUTARAN", "", DEC),
    ("round", "Pilgub Jawa Barat", "Putaran kedua Pilgub Jawa Barat digelar pada Februari 2025.", DEC),
    ("round", "Hasil Pilkada Jakarta", "KPU umumkan Pilkada Jakarta 2024 berlangsung dua putaran.", DEC),
    ("round", "Pilgub Jatim", "Pilgub Jawa Timur 2024 resmi berlanjut ke putaran kedua.", DEC),
    ("round", "Putaran Kedua Pilgub Jakarta Digelar Februari 2025", "", DEC),
    # winners and losers
    ("winner", "RESMI! Ridwan Kamil-Suswono menangi Pilkada Jakarta", "", DEC),
    (
        "winner",
        "Hasil Pilgub Jateng",
        "Andika Perkasa-Hendrar Prihadi keluar sebagai pemenang Pilgub Jawa Tengah.",
        DEC,
    ),
    ("winner", "Pilgub Jatim", "KPU umumkan Tri Rismaharini-Gus Hans menang Pilgub Jawa Timur.", DEC),
    ("winner", "Pilgub Banten", "Airin Rachmi Diany-Ade Sumardi ditetapkan sebagai pemenang Pilgub Banten.", DEC),
    (
        "winner",
        "Pilgub Sumut",
        "Edy Rahmayadi-Hasan Basri Sagala mengalahkan Bobby Nasution-Surya di Pilgub Sumut.",
        DEC,
    ),
    ("winner", "Pilgub Jatim", "Khofifah Indar Parawansa-Emil Dardak kalah di Pilgub Jawa Timur.", DEC),
    ("winner", "Pilwalkot Semarang", "Pemenang Pilwalkot Semarang adalah A. S. Sukawijaya-Joko Santoso.", DEC),
    ("winner", "Pilgub Bali", "Made Muliawan Arya-Putu Agus Suradnyana resmi menang Pilgub Bali 2024.", DEC),
    ("winner", "Pilgub Jabar", "Ahmad Syaikhu-Ilham Akbar Habibie memenangkan Pilgub Jawa Barat.", DEC),
    (
        "winner",
        "Pilgub Jateng",
        "Andika Perkasa-Hendrar Prihadi, yang mengalahkan Ahmad Luthfi-Taj Yasin, segera dilantik.",
        DEC,
    ),
    ("winner", "Pilgub Jakarta", "Pramono Anung-Rano Karno kalah dari Ridwan Kamil-Suswono di Pilkada Jakarta.", DEC),
    ("winner", "Beredar kabar Andika Perkasa-Hendrar Prihadi menang Pilgub Jawa Tengah", "", DEC),
    ("winner", "Sumut", "Edy Rahmayadi, yang menumbangkan Bobby Nasution, resmi dilantik sebagai gubernur.", JAN),
    # ballot numbers
    (
        "ballot",
        "Pilgub Jakarta",
        "Paslon 02 Pilgub Jakarta Pramono Anung-Rano Karno berkampanye di Jakarta Timur.",
        NOV,
    ),
    ("ballot", "Pilgub Jabar", "Dedi Mulyadi-Erwan Setiawan mendapat nomor urut dua di Pilgub Jawa Barat.", NOV),
    ("ballot", "PASLON NOMOR URUT 1 PILGUB JATENG AHMAD LUTHFI-TAJ YASIN", "", NOV),
    ("ballot", "Pilwalkot Surabaya", "Eri Cahyadi-Armuji mendapat nomor urut 2 di Pilwalkot Surabaya.", NOV),
    ("ballot", "Pilgub Jatim", "Khofifah Indar Parawansa-Emil Dardak bernomor urut 3 di Pilgub Jawa Timur.", NOV),
    ("ballot", "Pilgub Sumut", "Paslon nomor urut 2 Bobby Nasution-Surya menggelar kampanye akbar di Medan.", NOV),
    # candidate pairs
    ("pair", "Pilgub Jakarta", "Ridwan Kamil berpasangan dengan Rano Karno di Pilgub Jakarta.", NOV),
    ("pair", "Pilgub Jateng", "Pilgub Jawa Tengah diikuti pasangan Andika Perkasa-Taj Yasin.", NOV),
    ("pair", "Pilgub Jatim", "Cagub Jatim Tri Rismaharini berpasangan dengan Emil Dardak.", NOV),
    ("pair", "Pilgub Banten", "Pasangan Airin Rachmi Diany-Andra Soni maju di Pilgub Banten.", NOV),
    # counts
    ("count", "Pilkada Serentak 2024 digelar di 548 daerah", "", NOV),
    ("count", "Pilkada 2024", "KPU tetapkan 1.600 pasangan calon peserta Pilkada Serentak 2024.", NOV),
    ("count", "Pilgub Jabar", "Pilgub Jawa Barat 2024 diikuti tiga pasangan calon.", NOV),
    ("count", "Pilwalkot Semarang", "Pilwalkot Semarang 2024 diikuti tiga pasangan calon.", NOV),
    ("count", "Pilgub 2024", "Pilgub serentak 2024 digelar di 38 provinsi.", NOV),
    ("count", "Pilkada 2024", "Pilkada Serentak 2024 digelar di 415 kabupaten dan 83 kota.", NOV),
    ("count", "Pilgub Jakarta", "Pilgub Jakarta 2024 diikuti empat paslon.", NOV),
    # single candidate / empty box
    ("empty", "Kotak kosong menang di Pilwalkot Surabaya", "", DEC),
    ("empty", "KOTAK KOSONG KALAHKAN ERI CAHYADI-ARMUJI DI SURABAYA", "", DEC),
    ("empty", "Pilbup Bangka", "Mulkan-Ramadian menang melawan kotak kosong di Pilbup Bangka.", DEC),
    ("empty", "Pilkada Pangkalpinang", "Maulan Aklil-Masagus M Hakim memenangkan Pilwalkot Pangkalpinang 2024.", JAN),
    # re-votes (PSU) and re-elections
    ("psu", "PSU Pasaman", "PSU Pilbup Pasaman digelar pada 22 Maret 2025.", JAN),
    ("psu", "MK perintahkan PSU Pilgub Jawa Tengah", "", MAR),
    ("psu", "Pilkada ulang", "Pilkada ulang Kabupaten Bangka digelar pada 27 November 2025.", MAY),
    ("psu", "Putusan MK", "MK memerintahkan PSU Pilwalkot Surabaya.", MAR),
    # KPU membership and titles
    ("kpu", "KPU", "Ketua KPU RI Hasyim Asy'ari mengumumkan hasil Pilkada Serentak 2024.", DEC),
]

NEGATIVES: list[tuple[str, str, str, str]] = [
    # postponement
    ("postpone", "Pilkada ulang Bangka", "Pilkada ulang Kabupaten Bangka digelar 27 Agustus 2025.", MAY),
    ("postpone", "Cek Fakta", "Tidak benar Pilkada Kota Bandung diundur ke 2025.", NOV),
    ("postpone", "[HOAKS] Pilkada Serentak Diundur ke 2025", "", NOV),
    ("postpone", "Apakah Pilkada diundur ke 2025?", "", NOV),
    ("postpone", "Pilkada", "Jika terjadi bencana, pemungutan suara di TPS bisa ditunda.", NOV),
    ("postpone", "Pilkades", "Pilkades serentak di Kabupaten Bandung ditunda ke 2025.", NOV),
    ("postpone", "Pilkada 2020", "Pilkada 2020 diundur ke Desember akibat pandemi.", NOV),
    ("postpone", "Pilkada Bangka", "Pilkada Kabupaten Bangka diundur ke 2025.", DEC),  # empty box won: re-election
    ("postpone", "Pilgub Papua", "Pemungutan suara Pilgub Papua diundur ke Agustus 2025.", MAR),  # MK ordered a PSU
    ("postpone", "Pilkada", "Pemungutan suara Pilkada Serentak 2024 tetap 27 November 2024, tidak ditunda.", NOV),
    # an event of the election named before it is what is postponed, not the vote
    ("postpone", "Pelantikan", "Pelantikan kepala daerah hasil Pilkada 2024 diundur ke Februari 2025.", DEC),
    ("postpone", "Penetapan", "Penetapan pemenang Pilkada Kota Bandung ditunda ke Januari 2025.", DEC),
    ("postpone", "Rekapitulasi", "Rekapitulasi Pilgub Jawa Barat diundur.", DEC),
    ("postpone", "MK", "Sidang sengketa Pilkada Kota Bandung ditunda ke Januari 2025.", DEC),
    # voting date
    ("date", "Pilkada", "Pemungutan suara Pilkada Serentak digelar Rabu, 27 November 2024.", NOV),
    ("date", "Pemilu", "Pemungutan suara Pemilu 2024 digelar 14 Februari 2024.", NOV),
    ("date", "Pilkada", '"Pencoblosan 4 Desember," kata seorang warga yang keliru.', NOV),
    # second round
    ("round", "Pilkada Jakarta 2024 selesai satu putaran", "", DEC),
    (
        "round",
        "Pilkada Jakarta",
        "Jika tidak ada pasangan yang meraih lebih dari 50 persen, Pilkada Jakarta berlanjut ke putaran kedua.",
        NOV,
    ),
    ("round", "Pilkada Jakarta", "Pilkada Jakarta 2017 berlangsung dua putaran.", DEC),
    ("round", "Survei", "Survei memprediksi Pilgub Jakarta berlangsung dua putaran.", NOV),
    ("round", "Cek Fakta", "Tidak benar Pilgub Jakarta 2024 berlanjut ke putaran kedua.", DEC),
    # winners and losers
    ("winner", "Hasil Pilgub Jateng", "Ahmad Luthfi-Taj Yasin memenangkan Pilgub Jawa Tengah 2024.", DEC),
    (
        "winner",
        "Pilgub Jateng",
        "Ahmad Luthfi-Taj Yasin, yang mengalahkan Andika Perkasa-Hendrar Prihadi, dilantik pada 20 Februari 2025.",
        DEC,
    ),
    (
        "winner",
        "Pilgub Sumut",
        "Bobby Nasution-Surya, yang mengalahkan Edy Rahmayadi-Hasan Basri Sagala, dilantik Februari 2025.",
        DEC,
    ),
    ("winner", "Jateng", "Ahmad Luthfi-Taj Yasin, yang mengalahkan Andika Perkasa, menang di Pilgub Jawa Tengah.", DEC),
    ("winner", "Jateng", "Ahmad Luthfi, yang mengalahkan Andika Perkasa-Hendrar Prihadi, dilantik.", JAN),
    ("winner", "Sumut", "Bobby Nasution, yang menumbangkan Edy Rahmayadi, resmi dilantik sebagai gubernur.", JAN),
    ("winner", "[HOAKS] Ridwan Kamil-Suswono Menangi Pilkada Jakarta", "", DEC),
    ("winner", "Cek Fakta", "Tidak benar Andika Perkasa-Hendrar Prihadi menang Pilgub Jawa Tengah.", DEC),
    ("winner", "Pilgub Jakarta", "Apakah Ridwan Kamil-Suswono menang Pilkada Jakarta?", DEC),
    ("winner", "Survei", "Survei memprediksi Ridwan Kamil-Suswono menang Pilkada Jakarta.", NOV),
    ("winner", "Pilgub Jabar 2018", "Ridwan Kamil menang Pilgub Jawa Barat 2018.", DEC),
    ("winner", "Pilgub Jatim", "Khofifah Indar Parawansa-Emil Dardak menang di Pilgub Jawa Timur 2024.", DEC),
    ("winner", "Pilgub Jatim", '"Kami yakin menang," kata Tri Rismaharini saat kampanye.', NOV),
    # ballot numbers
    (
        "ballot",
        "Pilgub Jakarta",
        "Paslon 03 Pilgub Jakarta Pramono Anung-Rano Karno berkampanye di Jakarta Timur.",
        NOV,
    ),
    ("ballot", "Pilgub Jabar", "Dedi Mulyadi-Erwan Setiawan mendapat nomor urut empat di Pilgub Jawa Barat.", NOV),
    ("ballot", "Pilpres", "Prabowo-Gibran bernomor urut 2 di Pilpres 2024.", NOV),
    # candidate pairs
    ("pair", "Pilgub Jakarta", "Ridwan Kamil berpasangan dengan Suswono di Pilgub Jakarta.", NOV),
    ("pair", "Pilgub Jateng", "Pilgub Jawa Tengah diikuti pasangan Andika Perkasa-Hendrar Prihadi.", NOV),
    # counts
    ("count", "Pilkada Serentak 2024 digelar di 545 daerah", "", NOV),
    ("count", "Pilkada 2020", "Pilkada Serentak 2020 digelar di 270 daerah.", NOV),
    ("count", "Pilkada 2024", "Pilkada Serentak 2024 digelar di 38 provinsi.", NOV),  # DIY votes for regents
    ("count", "Pilgub Jabar", "Pilgub Jawa Barat 2024 diikuti empat pasangan calon.", NOV),
    # empty box
    ("empty", "Kotak kosong menang di Pilbup Bangka", "", DEC),
    ("empty", "Pilwalkot Surabaya", "Eri Cahyadi-Armuji menang melawan kotak kosong di Pilwalkot Surabaya.", DEC),
    ("empty", "Cek Fakta", "Tidak benar kotak kosong menang di Pilwalkot Surabaya.", DEC),
    # re-votes
    ("psu", "PSU Pasaman", "PSU Pilbup Pasaman digelar pada 19 April 2025.", JAN),
    ("psu", "Putusan MK", "MK memerintahkan PSU di Kabupaten Pasaman.", MAR),
    ("psu", "Pilkada ulang", "Pilkada ulang Kabupaten Bangka digelar pada 27 Agustus 2025.", MAY),
    # KPU
    ("kpu", "KPU", "Ketua KPU RI Mochammad Afifuddin mengumumkan hasil Pilkada Serentak 2024.", DEC),
]


def _flags(title: str, body: str, published_at: str) -> list[str]:
    return [f.rule for f in check_claims(title, body, published_at=published_at, article_pilkada=True)]


def _id(case: tuple[str, str, str, str]) -> str:
    return f"{case[0]}: {(case[2] or case[1])[:60]}"


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=_id(c), marks=[pytest.mark.xfail(strict=True, reason="not yet caught")])
        if _id(c) in NOT_CAUGHT
        else pytest.param(c, id=_id(c))
        for c in POSITIVES
    ],
)
def test_a_false_claim_in_a_real_form_is_flagged(case: tuple[str, str, str, str]) -> None:
    _, title, body, published_at = case
    assert _flags(title, body, published_at), case


@pytest.mark.parametrize("case", [pytest.param(c, id=_id(c)) for c in NEGATIVES])
def test_the_correct_fact_or_a_claim_not_asserted_is_not_flagged(case: tuple[str, str, str, str]) -> None:
    _, title, body, published_at = case
    assert _flags(title, body, published_at) == [], case


def test_every_theme_has_positives_and_negatives() -> None:
    pos = {c[0] for c in POSITIVES}
    assert pos == {c[0] for c in NEGATIVES}
    assert len(POSITIVES) + len(NEGATIVES) >= 80


def test_a_postponement_claimed_for_one_region_names_that_region_in_its_flag() -> None:
    flags = check_claims("Pilkada Kota Bandung diundur ke 2025", "", published_at=NOV, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "postponement")
    assert "Kota Bandung" in flag.reason and "tidak ditunda" in flag.reason
    assert "27 November 2024" in flag.fact
