"""Winner claims (pantau.process.claims.winner_checks) against the official outcomes of the fact base.

The sentences are invented; the candidates, regions and results are the public facts of the Pilkada 2024 (Jawa
Tengah: Ahmad Luthfi-Taj Yasin no. 2 won; Jakarta: Pramono Anung-Rano Karno no. 3 won; Kabupaten Bangka: the empty
box beat the single pair; Parigi Moutong: Erwin Burase-Abdul Sahid no. 4 won the April 2025 re-vote).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pantau.process.claims import check_claims
from pantau.process.claims.facts import DATA_DIR, load_facts
from tests.test_claim_understanding import DEC, rules_of

JATENG = "Hasil Pilgub Jawa Tengah 2024"


@pytest.mark.parametrize(
    "body",
    [
        "Andika Perkasa-Hendrar Prihadi resmi memenangkan Pilgub Jawa Tengah 2024 berdasarkan rekapitulasi KPU.",
        "Pasangan Andika Perkasa dan Hendrar Prihadi keluar sebagai pemenang Pilkada Jawa Tengah.",
        "Pemenang Pilgub Jawa Tengah 2024 adalah pasangan Andika Perkasa-Hendrar Prihadi.",
        "Andika Perkasa-Hendrar Prihadi ditetapkan KPU Jawa Tengah sebagai gubernur dan wakil gubernur terpilih.",
        "Andika Perkasa-Hendrar Prihadi won the Central Java gubernatorial election.",
    ],
)
def test_a_pair_said_to_have_won_a_race_another_pair_won(body: str) -> None:
    assert "winner_claim" in rules_of(JATENG, body, DEC), body


def test_the_flag_names_the_pair_and_carries_the_official_result() -> None:
    body = "Andika Perkasa-Hendrar Prihadi resmi memenangkan Pilgub Jawa Tengah 2024."
    flags = check_claims(JATENG, body, published_at=DEC, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "winner_claim")
    assert "nomor urut 1" in flag.reason and "tidak memenangkan Jawa Tengah" in flag.reason
    assert "Ahmad Luthfi" in flag.fact and flag.source.startswith("http")
    assert flag.severity == "high" and flag.confidence >= 0.7


@pytest.mark.parametrize(
    "body",
    [
        "Ahmad Luthfi-Taj Yasin resmi memenangkan Pilgub Jawa Tengah 2024.",  # the winner
        "Andika-Hendi menang Pilgub Jateng versi hitung cepat.",  # a quick count
        "Andika Perkasa-Hendrar Prihadi mengklaim menang Pilgub Jawa Tengah.",  # a claim of victory
        "Andika Perkasa-Hendrar Prihadi yakin menang Pilgub Jawa Tengah.",  # confidence, not a result
        "Andika Perkasa-Hendrar Prihadi tidak menang Pilgub Jawa Tengah.",  # negated
        "Andika Perkasa-Hendrar Prihadi menang di Kota Semarang.",  # a part of the province
        "Andika Perkasa-Hendrar Prihadi menang di 10 kecamatan.",
        "Andika Perkasa-Hendrar Prihadi menang di Kota Semarang pada Pilgub Jawa Tengah.",  # the part, then the race
        "Andika Perkasa-Hendrar Prihadi sempat unggul di Pilgub Jawa Tengah pada awal penghitungan.",  # at first
        "Andika Perkasa-Hendrar Prihadi nyaris menang di Pilgub Jawa Tengah.",  # nearly
        "Andika Perkasa-Hendrar Prihadi memenangkan gugatan di pengadilan.",  # something else
        "Apakah Andika Perkasa-Hendrar Prihadi menang Pilgub Jawa Tengah?",  # a question
        "Kabar Andika Perkasa-Hendrar Prihadi menang Pilgub Jawa Tengah adalah hoaks.",  # a denial
        "Andika Perkasa-Hendrar Prihadi kalah dari Ahmad Luthfi-Taj Yasin yang menang Pilgub Jawa Tengah.",
    ],
)
def test_what_is_not_a_wrong_winner(body: str) -> None:
    assert "winner_claim" not in rules_of(JATENG, body, DEC), body


def test_before_the_recapitulation_only_a_cited_kpu_decision_is_checked() -> None:
    early = "2024-11-29T10:00:00+07:00"  # after the vote, before the provincial recapitulation (7 December)
    assert "winner_claim" not in rules_of(JATENG, "Andika Perkasa-Hendrar Prihadi menang Pilgub Jawa Tengah.", early)
    cited = "Rapat pleno KPU menetapkan Andika Perkasa-Hendrar Prihadi sebagai pemenang Pilgub Jawa Tengah."
    assert "winner_claim" in rules_of(JATENG, cited, early)
    before_vote = "2024-11-20T10:00:00+07:00"
    assert "winner_claim" not in rules_of(JATENG, cited, before_vote)


def test_an_undated_circulated_claim_is_checked() -> None:
    assert "winner_claim" in rules_of(JATENG, "Andika Perkasa-Hendrar Prihadi resmi memenangkan Pilgub Jateng.", None)


def test_the_inauguration_of_a_pair_that_lost() -> None:
    body = "Ridwan Kamil dilantik sebagai Gubernur Jakarta setelah Pilkada 2024."
    assert "winner_claim" in rules_of("Pelantikan kepala daerah hasil Pilkada 2024", body, "2025-02-21T10:00:00+07:00")
    right = "Pramono Anung dilantik sebagai Gubernur Jakarta setelah Pilkada 2024."
    assert "winner_claim" not in rules_of("Pelantikan kepala daerah hasil Pilkada 2024", right, "2025-02-21")


def test_a_single_pair_said_to_have_beaten_the_empty_box_that_won() -> None:
    title = "Hasil Pilkada Kabupaten Bangka 2024"
    body = "Mulkan-Ramadian memenangkan Pilkada Kabupaten Bangka 2024."
    assert "winner_claim" in rules_of(title, body, DEC)


def test_a_race_decided_by_a_re_vote_is_checked_only_after_the_re_vote() -> None:
    title = "Pilkada Parigi Moutong 2024"
    body = "Pasangan Badrun Nggai-Muslih ditetapkan sebagai pemenang Pilkada Parigi Moutong."
    assert "winner_claim" not in rules_of(title, body, DEC)  # December: before the court ordered the re-vote
    assert "winner_claim" not in rules_of(title, body, None)  # undated: which count it means is not known
    assert "winner_claim" in rules_of(title, body, "2025-06-10T10:00:00+07:00")
    right = "Pasangan Erwin Burase-Abdul Sahid ditetapkan sebagai pemenang Pilkada Parigi Moutong."
    assert "winner_claim" not in rules_of(title, right, "2025-06-10T10:00:00+07:00")


def test_a_win_in_another_pilkada_year_is_not_checked() -> None:
    body = "Pada Pilkada 2018, Ganjar Pranowo-Taj Yasin memenangkan Pilgub Jawa Tengah."
    assert "winner_claim" not in rules_of(JATENG, body, DEC)


# Regency/city races without an official outcome in the fact base: KPU's provisional Sirekap count
# (facts_sirekap.json, archived 27-28 November 2024). Kota Tebing Tinggi: Iman Irdian Saragih-Chairil Mukmin Tambunan
# (no. 3) ahead by 21.98 points at 100 % of polling stations, counted 28 November 08.30 WIB (Kota Bandung, the example
# before, has its KPU recapitulation recorded since 2026-12-04); Kota Makassar: Munafri Arifuddin-Aliyah Mustika Ilham
# (no. 1) by 26.83 at 99.68 %;
# Kota Surabaya: Eri Cahyadi-Armuji (no. 1) ahead of the empty box by 62.75 at 98.03 %; Kota Yogyakarta: Hasto
# Wardoyo-Wawan Harmawan (no. 2) by 11.99 at 100 %, counted 27 November 21.45 WIB.

TEBING_TINGGI = "Hasil Pilwalkot Tebing Tinggi 2024"
LEADER = "Iman Irdian Saragih-Chairil Mukmin Tambunan"  # no. 3, ahead in Sirekap
RUNNER_UP = "Basyaruddin Nasution-Erlis Afriyanti"  # no. 2
PILWALKOT = "Pilwalkot Tebing Tinggi"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (TEBING_TINGGI, f"{RUNNER_UP} resmi memenangkan {PILWALKOT} 2024."),
        (
            TEBING_TINGGI,
            "Pasangan Oki Doni Siregar dan M. Riski Ramadhan Hasibuan keluar sebagai pemenang "
            "Pilkada Kota Tebing Tinggi.",
        ),
        (
            "Pilwalkot Makassar 2024",
            "Pemenang Pilwalkot Makassar 2024 adalah pasangan Indira Yusuf Ismail-Ilham Ari Fauzi A Uskara.",
        ),
        ("Pilkada Surabaya 2024", "Kotak kosong menang di Pilkada Kota Surabaya 2024."),
    ],
)
def test_a_regency_race_is_judged_on_a_decisive_sirekap_count(title: str, body: str) -> None:
    assert "winner_claim" in rules_of(title, body, DEC), body


def test_a_sirekap_flag_is_weaker_and_says_the_count_is_provisional() -> None:
    body = f"{RUNNER_UP} resmi memenangkan {PILWALKOT} 2024."
    flag = next(
        f for f in check_claims(TEBING_TINGGI, body, published_at=DEC, article_pilkada=True) if f.rule == "winner_claim"
    )
    official = next(
        f
        for f in check_claims(
            JATENG,
            "Andika Perkasa-Hendrar Prihadi resmi memenangkan Pilgub Jawa Tengah 2024.",
            published_at=DEC,
            article_pilkada=True,
        )
        if f.rule == "winner_claim"
    )
    assert flag.confidence < official.confidence and flag.severity == "medium"
    assert "Sirekap" in flag.fact and "sementara, bukan hasil resmi" in flag.fact
    assert "100% TPS masuk" in flag.fact and "28-11-2024" in flag.fact and f"{LEADER} (nomor urut 3)" in flag.fact
    assert "rekapitulasi (rapat pleno) KPU Kota Tebing Tinggi" in flag.fact
    assert flag.source.startswith("https://github.com/razanfawwaz/pilkada-scrap/tree/")
    assert "nomor urut 2" in flag.reason and "Sirekap" in flag.reason


@pytest.mark.parametrize(
    ("title", "body", "when"),
    [
        (TEBING_TINGGI, f"{LEADER} resmi memenangkan {PILWALKOT} 2024.", DEC),  # the leader
        (TEBING_TINGGI, f"{RUNNER_UP} menang {PILWALKOT} versi hitung cepat.", DEC),  # quick count
        (TEBING_TINGGI, f"{RUNNER_UP} mengklaim menang {PILWALKOT}.", DEC),  # a claim
        (TEBING_TINGGI, f"{RUNNER_UP} tidak menang {PILWALKOT}.", DEC),  # negated
        (TEBING_TINGGI, f"{RUNNER_UP} menang di Kecamatan Rambutan.", DEC),  # a part of the city
        (TEBING_TINGGI, f"Apakah {RUNNER_UP} menang {PILWALKOT}?", DEC),  # a question
        # dated on or before the day of the count: a claim made on counting night may be early, not wrong
        (TEBING_TINGGI, f"{RUNNER_UP} menang {PILWALKOT} 2024.", "2024-11-27T21:00:00+07:00"),
        (TEBING_TINGGI, f"{RUNNER_UP} menang {PILWALKOT} 2024.", "2024-11-28T20:00:00+07:00"),
        (TEBING_TINGGI, f"{RUNNER_UP} menang {PILWALKOT} 2024.", None),  # undated
        # a narrow lead: Aceh Selatan, Mirwan MS-Baital Mukadis (no. 2) ahead by 3.1 points at 98.54 %
        ("Pilkada Aceh Selatan", "Amran-Akmal Ah resmi memenangkan Pilkada Aceh Selatan 2024.", DEC),
        # counted too little: Kota Medan, Rico Waas-Zakiyuddin Harahap (no. 1) ahead at 93.36 %
        ("Pilwalkot Medan 2024", "Hidayatullah-A. Yasyir Ridho Loebis resmi memenangkan Pilwalkot Medan 2024.", DEC),
        # an MK-ordered re-vote (PSU) is recorded: Kabupaten Serang, no. 2 ahead by 40 points in Sirekap
        ("Pilkada Serang 2024", "Andika Hazrumy-Nanang Supriatna resmi memenangkan Pilkada Kabupaten Serang.", DEC),
        # the single pair ahead of the empty box, said right
        ("Pilkada Surabaya 2024", "Eri Cahyadi-Armuji resmi memenangkan Pilkada Kota Surabaya 2024.", DEC),
    ],
)
def test_what_sirekap_does_not_contradict(title: str, body: str, when: str | None) -> None:
    assert "winner_claim" not in rules_of(title, body, when), (body, when)


def test_a_count_from_the_evening_of_the_vote_applies_from_the_next_day() -> None:
    body = "Heroe Poerwadi-SW Supena resmi memenangkan Pilwalkot Yogyakarta 2024."  # counted 27 Nov 21.45 WIB
    assert "winner_claim" not in rules_of("Pilwalkot Yogyakarta", body, "2024-11-27T23:00:00+07:00")
    assert "winner_claim" in rules_of("Pilwalkot Yogyakarta", body, "2024-11-28T09:00:00+07:00")


def test_an_official_outcome_prevails_over_the_sirekap_count(tmp_path: Path) -> None:
    """With an official outcome recorded for Kota Tebing Tinggi (invented: no. 2 won), the claim is judged on it."""
    facts = load_facts()
    raw = json.loads(facts.part_path("outcomes").read_text(encoding="utf-8"))
    raw["outcomes"].append(
        {"code": "12.76", "status": "winner", "winner": 2, "text": "invented", "source": raw["sources"][0]["id"]}
    )
    for name in ("facts.json", "facts_races.json", "facts_sirekap.json"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "facts_outcomes.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    local = load_facts(tmp_path / "facts.json")
    assert local.decided_elsewhere("12.76") and not load_facts().decided_elsewhere("12.76")
    leader = f"{LEADER} resmi memenangkan {PILWALKOT} 2024."  # the Sirekap leader, not the invented winner
    flags = check_claims(TEBING_TINGGI, leader, published_at=DEC, facts=local, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "winner_claim")
    assert flag.fact == "invented" and "Sirekap" not in flag.fact and flag.severity == "high"
    runner_up = f"{RUNNER_UP} resmi memenangkan {PILWALKOT} 2024."
    assert "winner_claim" not in [
        f.rule for f in check_claims(TEBING_TINGGI, runner_up, published_at=DEC, facts=local, article_pilkada=True)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Andika Perkasa-Hendrar Prihadi unggul di Pilgub Jawa Tengah 2024 berdasarkan rekapitulasi KPU.",
        "Andika Perkasa-Hendrar Prihadi memenangi Pilgub Jawa Tengah 2024.",
        "Andika Perkasa-Hendrar Prihadi meraih suara terbanyak di Pilgub Jawa Tengah 2024.",
        "Andika Perkasa-Hendrar Prihadi ditetapkan sebagai pemenang Pilgub Jawa Tengah 2024.",
        "Pilgub Jawa Tengah 2024 dimenangkan oleh pasangan Andika Perkasa-Hendrar Prihadi.",
        "ANDIKA PERKASA-HENDRAR PRIHADI RESMI MENANG PILGUB JATENG!!!",  # a WhatsApp post in capitals
    ],
)
def test_other_forms_of_a_wrong_win(body: str) -> None:
    assert "winner_claim" in rules_of(JATENG, body, DEC), body


@pytest.mark.parametrize(
    "body",
    [
        "Andika Perkasa-Hendrar Prihadi unggul sementara di Pilgub Jawa Tengah.",  # provisional
        "Andika Perkasa-Hendrar Prihadi unggul di 5 kabupaten di Jawa Tengah.",  # parts of the province
        "Di Pilgub Jawa Tengah, Kota Semarang dimenangkan oleh Andika Perkasa-Hendrar Prihadi.",  # a part
        "Begitu juga di Kabupaten Demak Andika Perkasa-Hendrar Prihadi unggul tipis atas rivalnya.",  # a part
        "Di Kab. Rembang Andika Perkasa-Hendrar Prihadi menang telak.",
        "Hasilnya, kotak kosong lebih unggul dari Andika Perkasa-Hendrar Prihadi.",  # the name after the verb
        "Pilgub Jawa Tengah 2024 dimenangkan oleh pasangan Ahmad Luthfi-Taj Yasin.",  # right
        "Tidak benar bahwa Andika Perkasa-Hendrar Prihadi memenangi Pilgub Jawa Tengah.",  # denied
        '"Andika Perkasa-Hendrar Prihadi menang Pilgub Jawa Tengah," kata Budi, seorang warga.',  # attributed
    ],
)
def test_other_forms_that_are_not_a_wrong_win(body: str) -> None:
    assert "winner_claim" not in rules_of(JATENG, body, DEC), body


# A pair named by its ballot number, in the race the sentence or the article names (Jawa Tengah: no. 1 Andika
# Perkasa-Hendrar Prihadi lost, no. 2 Ahmad Luthfi-Taj Yasin won).
@pytest.mark.parametrize(
    "body",
    [
        "Paslon 01 resmi menang Pilgub Jawa Tengah 2024.",
        "Pasangan nomor urut satu memenangkan Pilgub Jateng 2024.",
        "Pasangan nomor 1 keluar sebagai pemenang Pilgub Jawa Tengah.",
        "Pilgub Jateng dimenangkan oleh paslon nomor urut 1.",
        "PASLON 01 MENANG PILGUB JATENG, SELAMAT!!",
    ],
)
def test_a_pair_named_by_its_ballot_number_said_to_have_won(body: str) -> None:
    assert "winner_claim" in rules_of(JATENG, body, DEC), body


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (JATENG, "Paslon 02 resmi menang Pilgub Jawa Tengah 2024."),  # right
        (JATENG, "Paslon 01 menang di Kota Semarang."),  # a part of the province
        (JATENG, "Paslon 01 unggul di 10 kabupaten."),
        (JATENG, "Paslon 01 menang versi quick count."),  # provisional
        (JATENG, "Tidak benar paslon 01 menang Pilgub Jawa Tengah."),  # denied
        (JATENG, '"Paslon 01 menang Pilgub Jawa Tengah," kata Andi, relawan.'),  # attributed
        (JATENG, "Kemenangan paslon 02 atas paslon 01 di Pilgub Jateng."),  # right
        ("Pilkada serentak 2024", "Paslon 01 resmi menang Pilkada."),  # no race: which no. 1 is unknown
    ],
)
def test_a_ballot_number_that_is_not_a_wrong_winner(title: str, body: str) -> None:
    assert "winner_claim" not in rules_of(title, body, DEC), body


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Hasil Pilkada Bangka", "Mulkan-Ramadian memenangkan Pilkada Bangka 2024."),  # without "Kabupaten"
        ("Hasil Pilkada Bangka", "Mulkan-Ramadian memenangkan Pilkada Kab. Bangka 2024."),
        ("", "MULKAN-RAMADIAN MENANG PILKADA KABUPATEN BANGKA 2024"),  # a post in capitals, no title
    ],
)
def test_a_regency_written_with_or_without_its_level(title: str, body: str) -> None:
    assert "winner_claim" in rules_of(title, body, DEC), body


def test_a_colloquial_negation_is_a_negation() -> None:
    assert "winner_claim" not in rules_of(JATENG, "Andika Perkasa-Hendrar Prihadi gak menang Pilgub Jawa Tengah.", DEC)


@pytest.mark.parametrize(
    ("published_at", "kind"),
    [
        ("2024-11-27T20:00:00+07:00", None),  # counting night: neither the count nor the recapitulation yet
        ("2024-12-01T10:00:00+07:00", "winner_claim_sirekap"),  # after the count, before the recapitulation
        ("2024-12-10T10:00:00+07:00", "winner_claim"),  # after the recapitulation (6 December 2024)
    ],
)
def test_a_recorded_recapitulation_leaves_the_provisional_count_for_texts_before_it(
    published_at: str, kind: str | None
) -> None:
    """Kota Makassar: Munafri Arifuddin-Aliyah Mustika Ilham (no. 1) led the Sirekap count and won the recapitulation;
    a rival said to have won is judged on the count until the recapitulation, then on the recapitulation."""
    race = load_facts().races["73.71"]
    rival = race.pair(2)
    assert rival is not None
    text = f"Pasangan {rival.head.name}-{rival.deputy.name} resmi memenangkan Pilwalkot Makassar 2024."
    flags = check_claims("Pilwalkot Makassar", text, published_at=published_at, article_pilkada=True)
    rules = [f.rule for f in flags]
    if kind is None:
        assert "winner_claim" not in rules
        return
    assert rules.count("winner_claim") == 1
    flag = next(f for f in flags if f.rule == "winner_claim")
    sirekap = kind == "winner_claim_sirekap"
    assert (flag.confidence < 0.7) is sirekap
    assert ("Sirekap" in flag.fact) is sirekap


@pytest.mark.parametrize(
    ("title", "body", "code"),
    [
        # KPU Jember's recapitulation (5 December 2024): Muhammad Fawait-Djoko Susanto (no. 2) 588.761, Hendy
        # Siswanto-Muh. Balya Firjaun Barlaman (no. 1) 495.499
        (
            "Pilbup Jember 2024",
            "Hendy Siswanto-Muh. Balya Firjaun Barlaman resmi memenangkan Pilbup Jember 2024.",
            "35.09",
        ),
        # KPU Kota Surakarta's recapitulation (4 December 2024): Respati Ardi-Astrid Widayani (no. 2) 185.970
        (
            "Pilwalkot Solo 2024",
            "Pasangan Teguh Prakosa-Bambang Nugroho keluar sebagai pemenang Pilkada Kota Surakarta.",
            "33.72",
        ),
    ],
)
def test_a_newly_recorded_regency_result_is_checked_at_official_confidence(title: str, body: str, code: str) -> None:
    """A regency/city outcome recorded from the KPU recapitulation replaces the provisional Sirekap count: the flag is
    the official one (high severity, no Sirekap wording) and cites the recorded source."""
    outcome = load_facts().outcome(code)
    assert outcome is not None and outcome.quality == "official" and outcome.recap_date is not None
    flags = [f for f in check_claims(title, body, published_at=DEC, article_pilkada=True) if f.rule == "winner_claim"]
    assert len(flags) == 1, body
    flag = flags[0]
    assert flag.severity == "high" and flag.confidence >= 0.7
    assert "Sirekap" not in flag.fact and flag.source == outcome.source
