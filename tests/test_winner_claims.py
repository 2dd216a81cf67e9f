"""Winner claims (pantau.process.claims.winner_checks) against the official outcomes of the fact base.

The sentences are invented; the candidates, regions and results are the public facts of the Pilkada 2024 (Jawa
Tengah: Ahmad Luthfi-Taj Yasin no. 2 won; Jakarta: Pramono Anung-Rano Karno no. 3 won; Kabupaten Bangka: the empty
box beat the single pair; Parigi Moutong: Erwin Burase-Abdul Sahid no. 4 won the April 2025 re-vote).
"""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims
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
