"""Review of 2026-12-06: a speaker's name before a colon opening the story ('Name Surname: Kami ...', an interview
answer) is no 'New Delhi:' dateline; invented texts."""

from __future__ import annotations

import pytest

from pantau.text.dateline import split_dateline


@pytest.mark.parametrize(
    "text",
    [
        "Pramono Anung: Kami siap memimpin Jakarta dengan sepenuh hati.",
        "Ridwan Kamil: Saya menerima hasil pilkada.",
        "Tim Hukum: Kami akan menggugat ke MK.",
    ],
)
def test_a_speaker_in_the_first_person_is_no_dateline(text: str) -> None:
    assert split_dateline(text) == (None, text)


def test_a_south_asian_lead_is_still_a_dateline() -> None:
    assert split_dateline("New Delhi: The police said on Monday.") == ("New Delhi", "The police said on Monday.")
