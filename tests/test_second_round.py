"""Second-round claims (pantau.process.claims.round_checks): only Jakarta can go to a second round, and its 2024
race ended in one (the recapitulation of 8 December 2024). Invented sentences; the regions and the rule are facts."""

from __future__ import annotations

import pytest

from tests.test_claim_understanding import DEC, rules_of

TITLE = "Pilkada 2024"


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pilkada Jakarta 2024 dipastikan berlangsung dua putaran.", DEC),
        ("Pilgub Jawa Barat 2024 dilanjutkan ke putaran kedua pada Februari 2025.", DEC),
        ("Pilgub Jawa Barat 2024 dilanjutkan ke putaran kedua.", None),  # no other race has a second round
        ("Putaran kedua Pilkada Kota Bandung digelar Februari 2025.", DEC),
        ("Pilkada Jakarta 2024 resmi dua putaran.", "2024-11-29T10:00:00+07:00"),  # said to be official
        # after the vote and before the recapitulation no count gave a second round: asserted plainly, it is false
        ("Pilkada Jakarta 2024 berlangsung dua putaran.", "2024-11-29T10:00:00+07:00"),
    ],
)
def test_a_second_round_that_does_not_exist(body: str, published_at: str | None) -> None:
    # Jakarta's "dua putaran" is also a debunked claim of the fact base: its known_hoax flag (with the debunk link)
    # stands for it; elsewhere second_round speaks.
    assert {"second_round", "known_hoax"} & set(rules_of(TITLE, body, published_at)), body


@pytest.mark.parametrize(
    ("body", "published_at"),
    [
        ("Pilkada Jakarta 2024 berlangsung dua putaran.", "2024-11-26T10:00:00+07:00"),  # before the vote: a forecast
        ("Pilkada Jakarta 2024 berlangsung dua putaran.", None),  # undated: possibility or claim, not known
        ("Pilkada Jakarta 2024 berpotensi dua putaran.", "2024-11-29T10:00:00+07:00"),
        ("Pilkada Jakarta 2024 tidak ada putaran kedua.", DEC),
        ("Pilkada Jakarta 2024 cukup satu putaran, bukan dua putaran.", DEC),
        ("Hanya Pilkada Jakarta yang bisa digelar dua putaran.", DEC),  # the law explained
        ("Jika tidak ada yang meraih 50 persen, Pilkada Jakarta digelar dua putaran.", DEC),
        ("KPU DKI menyiapkan anggaran Pilkada Jakarta putaran kedua.", "2024-11-29T10:00:00+07:00"),
        ("Debat putaran kedua Pilkada Kota Bandung digelar malam ini.", "2024-10-10T10:00:00+07:00"),
        ("Pilkada Jakarta 2017 berlangsung dua putaran.", DEC),  # another Pilkada year
        ("Pilpres 2024 diprediksi dua putaran, Pilkada Jakarta juga.", DEC),  # another election
        ("Kabar Pilgub Jawa Barat 2024 dilanjutkan ke putaran kedua adalah hoaks.", DEC),  # a denial
        ("Penyaluran bantuan putaran kedua di Kota Bandung dimulai.", DEC),  # not the election's round
    ],
)
def test_what_is_not_a_false_second_round(body: str, published_at: str | None) -> None:
    assert "second_round" not in rules_of(TITLE, body, published_at), body
