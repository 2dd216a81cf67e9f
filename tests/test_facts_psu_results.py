"""The official results of the re-votes (PSU) the Constitutional Court ordered on 24 February 2025, as the fact base
(facts_outcomes.json) records them, and what they change for winner claims.

The sentences are invented; the candidates and results are the public facts (Magetan: Nanik Endang
Rusminiarti-Suyatni Priasmoro no. 1 led the recapitulation of 24 March 2025 after the PSU of 22 March; Kabupaten
Serang: Ratu Rachmatuzakiyah-Najib Hamas no. 2 won the PSU of 19 April 2025, recapitulated 24 April).
"""

from __future__ import annotations

from datetime import date

import pytest

from pantau.process.claims import check_claims
from pantau.process.claims.facts import load_facts
from tests.test_claim_understanding import rules_of

AFTER = "2025-05-01T10:00:00+07:00"


def test_every_psu_order_has_a_sourced_result_or_is_listed_as_missing() -> None:
    facts = load_facts()
    raw = facts.outcomes_raw
    missing = " ".join(raw["missing"])
    for order in raw["mk_rulings"]["psu"]:
        code = order["code"]
        outcome = facts.outcome(code)
        assert outcome is not None and outcome.psu, code
        if outcome.status == "winner_after_psu":
            assert outcome.source.startswith("http") and outcome.text, code
        else:
            assert outcome.status == "psu" and f"({code})" in missing, code


def test_a_psu_winner_is_a_pair_of_the_race_and_leads_where_every_pair_is_counted() -> None:
    facts = load_facts()
    checked = 0
    for code, race in facts.races.items():
        outcome = facts.outcome(code)
        if outcome is None or outcome.status != "winner_after_psu" or outcome.winner is None:
            continue
        assert race.pair(outcome.winner) is not None, code
        if len(outcome.votes) == len(race.pairs):
            top = max(outcome.votes, key=lambda k: outcome.votes[k])
            assert top == str(outcome.winner), code
            checked += 1
    assert checked >= 10


def test_the_recapitulation_day_of_a_psu_is_when_its_result_counts() -> None:
    magetan = load_facts().outcome("35.20")
    assert magetan is not None and magetan.winner == 1
    assert magetan.settled_on == date(2025, 3, 24) and magetan.psu[0].psu_date == date(2025, 3, 22)


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [
        (
            "Hasil PSU Pilkada Magetan 2024",
            "Sujatno-Ida Yuhana Ulfa ditetapkan sebagai pemenang Pilkada Magetan.",
            "Nanik Endang Rusminiarti-Suyatni Priasmoro ditetapkan sebagai pemenang Pilkada Magetan.",
        ),
        (
            "PSU Pilkada Kabupaten Serang",
            "Andika Hazrumy-Nanang Supriatna resmi memenangkan PSU Pilkada Kabupaten Serang.",
            "Ratu Rachmatuzakiyah-Muhammad Najib Hamas resmi memenangkan PSU Pilkada Kabupaten Serang.",
        ),
    ],
)
def test_a_loser_of_a_psu_said_to_have_won_is_flagged_after_the_result(title: str, wrong: str, right: str) -> None:
    assert "winner_claim" in rules_of(title, wrong, AFTER)
    assert "winner_claim" not in rules_of(title, right, AFTER)
    assert "winner_claim" not in rules_of(title, wrong, None)  # undated: which count it means is not known
    assert "winner_claim" not in rules_of(title, wrong, "2025-03-23T10:00:00+07:00")  # before the PSU's result


def test_the_flag_carries_the_psu_result_and_its_source() -> None:
    body = "Sujatno-Ida Yuhana Ulfa ditetapkan sebagai pemenang Pilkada Magetan."
    flags = check_claims("Hasil PSU Pilkada Magetan 2024", body, published_at=AFTER, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "winner_claim")
    assert "nomor urut 3" in flag.reason and "137.345" in flag.fact
    assert flag.source.startswith("https://jatim.antaranews.com/berita/898577/")


def test_new_pairs_of_a_re_election_are_told_in_the_text_not_as_a_ballot_number() -> None:
    facts = load_facts()
    bangka = facts.outcome("19.01")
    assert bangka is not None and bangka.status == "empty_box_won" and bangka.re_election == date(2025, 8, 27)
    assert "Fery Insani-Syahbudin" in bangka.text and "48.806" in bangka.text
    barut = facts.outcome("62.05")
    assert barut is not None and barut.status == "winner_after_psu" and barut.winner is None and not barut.votes
    assert "Shalahuddin-Felix" in barut.text and barut.settled_on == date(2025, 8, 9)
