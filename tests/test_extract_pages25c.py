"""Held-out fixes of 2026-12-04 (third set): US-style datelines with the state, several cities joined by '/',
a lead printed in its own element, Reuters-style closing credits, inline link notes and log-in prompts.
All HTML here is invented."""

from __future__ import annotations

from pantau.extract import extract_html
from pantau.text.dateline import find_dateline

STORY = [
    "The council approved the new budget on Tuesday after a long debate about road repairs and schools.",
    "Members said the plan would cut waiting times at clinics across the district within two years.",
    "Opponents argued that the tax rise was too steep for families already struggling with prices.",
    "A final vote on the spending details is expected next month, officials said after the meeting.",
]


def _page(paras: list[str], before: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        "<html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1>"
        f"<div class='article-body'>{before}{body}</div></article></body></html>"
    ).encode()


def test_us_dateline_keeps_state_and_its_full_stop() -> None:
    found = find_dateline("SPRINGFIELD, Ill. (AP) — The council approved")
    assert found is not None and found.place == "SPRINGFIELD, Ill." and found.outlet == "AP"
    alone = find_dateline("SALEM, Ore. —")
    assert alone is not None and alone.place == "SALEM, Ore."
    # a month and day after the comma is the date, not a state
    dated = find_dateline("OSLO/STOCKHOLM, June 3 (Reuters) - Ministers met")
    assert dated is not None and dated.place == "OSLO/STOCKHOLM" and dated.outlet == "Reuters"
    # the forms read before stay as they were
    plain = find_dateline("Palembang (ANTARA) - Warga")
    assert plain is not None and plain.place == "Palembang"
    jakarta = find_dateline("Jakarta. The bill was")
    assert jakarta is not None and jakarta.place == "Jakarta"


def test_dateline_in_its_own_element() -> None:
    out = extract_html(_page(STORY, "<span class='dateline'>SALEM, Ore. —</span>"), "https://news.example.com/a")
    assert out["dateline"] == "SALEM, Ore."
    assert out["body"].startswith("The council approved")


def test_reuters_style_credit_ends_the_story() -> None:
    credit = "Reporting by Ann Lee in Oslo and Per Berg in Stockholm; Writing by Per Berg; Editing by Tom Hale"
    related = "Shares in shipping firms rose sharply on Friday as freight rates climbed for a third week running."
    out = extract_html(_page([*STORY, credit, related]), "https://news.example.com/b")
    assert "Reporting by" not in out["body"] and "Shares in shipping" not in out["body"]
    assert out["body"].rstrip().endswith("officials said after the meeting.")


def test_link_notes_login_prompts_and_gallery_captions_go() -> None:
    paras = [
        "Please log in to bookmark this story.Log InCreate Free Account",
        STORY[0],
        "The report, opens new tab by the audit office found that costs had risen for six years in a row.",
        "[2/4]A worker repairs a road in the district, March 1, 2024. Purchase Licensing Rights, opens new tab",
        *STORY[1:],
    ]
    out = extract_html(_page(paras), "https://news.example.com/c")
    body = out["body"]
    assert "log in" not in body.lower() and "Free Account" not in body and "[2/4]" not in body
    assert "opens new tab" not in body
    assert "The report by the audit office found" in body
