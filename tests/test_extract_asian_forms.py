"""Held-out fixes of 2026-12-06 (Southeast and South Asian outlets): forms those pages showed, each as a general
rule. All HTML and text here is invented."""

from __future__ import annotations

from pantau.extract import boilerplate as bp
from pantau.extract import extract_html

STORY = [
    "The district council approved the new budget on Tuesday after a long debate about road repairs.",
    "Members said the plan would cut waiting times at clinics across the district within two years.",
    "Opponents argued that the tax rise was too steep for families already struggling with prices.",
    "A final vote on the spending details is expected next month, officials said after the meeting.",
]


def _page(body: str, head: str = "", url_title: str = "Council approves budget") -> bytes:
    return (
        f"<html><head><title>{url_title}</title>{head}</head><body><article><h1>{url_title}</h1>"
        f"<div class='article-body'>{body}</div></article></body></html>"
    ).encode()


def _paras(paras: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def test_the_word_advertisement_inside_a_sentence_stays() -> None:
    text = "Revenue fell as print advertisement income dropped by a third, the firm said."
    assert bp.clean_inline(text) == text
    # the ad label itself still goes: after a sentence, at the start or end, or in capitals
    assert bp.clean_inline("The firm said so. Advertisement The board met.") == "The firm said so. The board met."
    assert bp.clean_inline("Advertisement The board met on Monday.") == "The board met on Monday."
    assert bp.clean_inline("The board met on Monday. ADVERTISEMENT") == "The board met on Monday."
    assert bp.clean_inline("The board met ADVERTISEMENT on Monday.") == "The board met on Monday."
