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


def _with_meta_column(byline_html: str, cards: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        "<html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1>"
        f"<aside class='meta'>{byline_html}</aside><div class='article-body'>{body}</div>{cards}"
        "</article></body></html>"
    ).encode()


def test_lone_byline_in_an_aside_with_its_place() -> None:
    page = _with_meta_column("<address data-link-name='byline'><span>Mira Holt in Lisbon</span></address>")
    assert extract_html(page, "https://news.example.com/d")["author"] == "Mira Holt"
    wire = _with_meta_column("<div data-component='byline'>Associated Press in Porto</div>")
    assert extract_html(wire, "https://news.example.com/e")["author"] == "Associated Press"


def test_bylines_of_several_cards_in_asides_stay_unread() -> None:
    cards = "".join(
        f"<aside class='related'><a href='/s{i}'>Another story {i}</a><span class='byline'>{n}</span></aside>"
        for i, n in enumerate(("Tom Reed", "Ana Cole"))
    )
    page = _with_meta_column("", cards)
    assert extract_html(page, "https://news.example.com/f")["author"] is None


def test_separator_line_infobox_and_two_sentence_contribution_credit_go() -> None:
    box = (
        "<div class='Infobox'><p><b>What to know about the vote</b></p>"
        "<p>Live updates: follow the count from the town hall.</p></div>"
    )
    credit = (
        "Lee reported from Boston and Cole from Denver. Staff writers Ann Park and Bo Diaz in Austin contributed "
        "to this report."
    )
    paras = [*STORY[:2], "___", *STORY[2:], credit]
    html = _page(paras).replace(b"<p>___</p>", f"{box}<p>___</p>".encode())
    body = extract_html(html, "https://news.example.com/g")["body"]
    assert "___" not in body and "What to know" not in body and "Live updates" not in body
    assert "contributed" not in body and "reported from Boston" not in body
    assert body.rstrip().endswith("officials said after the meeting.")


def test_overflow_utility_class_hides_no_heading() -> None:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    page = (
        "<html><head><title>Council backs new road budget as critics warn of rise | Example News</title>"
        "<meta property='og:title' content='Council backs new road budget as critics warn of rise'></head>"
        "<body class='u-overflow-x-hidden'><article><h1>Council backs new road budget for schools as critics"
        f" warn of rise</h1><div class='article-body'>{body}</div></article></body></html>"
    ).encode()
    assert extract_html(page, "https://news.example.com/h")["title"] == (
        "Council backs new road budget for schools as critics warn of rise"
    )
    hidden = page.replace(b"<h1>", b"<h1 class='visually-hidden'>")
    got = extract_html(hidden, "https://news.example.com/h")["title"]
    assert got == "Council backs new road budget as critics warn of rise"


def test_byline_copy_with_job_title_in_body_goes() -> None:
    body = "".join(f"<p>{p}</p>" for p in ["Rosa Vance Chief Political Correspondent", *STORY])
    page = (
        "<html><head><title>Council approves budget</title><meta name='author' content='Rosa Vance'></head><body>"
        f"<article><h1>Council approves budget</h1><div class='article-body'>{body}</div></article></body></html>"
    ).encode()
    out = extract_html(page, "https://news.example.com/i")
    assert out["author"] == "Rosa Vance"
    assert out["body"].startswith("The council approved")
    # a story line that opens with the writer's name stays
    story = page.replace(b"Rosa Vance Chief Political Correspondent", b"Rosa Vance said the vote was close.")
    assert extract_html(story, "https://news.example.com/i")["body"].startswith("Rosa Vance said")


def test_newsletter_consent_and_breaking_notes_go() -> None:
    paras = [
        *STORY[:2],
        "For free real time breaking news alerts sent straight to your inbox sign up to our breaking news emails",
        "I would like to be emailed about offers, events and updates from Example News. Read our privacy policy",
        *STORY[2:],
        "This is a breaking news story - more to follow",
        "Join our commenting forum",
    ]
    body = extract_html(_page(paras), "https://news.example.com/j")["body"]
    assert "sign up" not in body and "emailed" not in body and "breaking news story" not in body
    assert "commenting forum" not in body
    assert body.rstrip().endswith("officials said after the meeting.")


def _site_page(paras: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        "<html><head><title>Council approves budget</title><meta property='og:site_name' content='Harbour Courier'>"
        f"</head><body><article><h1>Council approves budget</h1><div class='article-body'>{body}</div></article>"
        "</body></html>"
    ).encode()


def test_site_initials_close_the_story_and_bios_after_them_go() -> None:
    last = STORY[-1] + " HC"
    bio = "Rosa Vance is a senior researcher at the Institute of Coastal Studies."
    body = extract_html(_site_page([*STORY[:-1], last, bio]), "https://www.harbourcourier.example/a")["body"]
    assert body.rstrip().endswith("officials said after the meeting.")
    assert "senior researcher" not in body
    # capitals that are not the site's initials stay
    other = extract_html(_site_page([*STORY[:-1], STORY[-1] + " UN"]), "https://www.harbourcourier.example/b")
    assert other["body"].rstrip().endswith("after the meeting. UN")


def test_a_word_starting_with_promo_is_story_text() -> None:
    line = "Promoting collaboration among traders, owners and the city; and"
    body = extract_html(_page([*STORY[:2], line, *STORY[2:]]), "https://news.example.com/k")["body"]
    assert line in body


def test_bare_bold_names_line_above_the_story_is_the_byline() -> None:
    line = "<p><strong>Lerato Moloi/Thabo Nkosi</strong></p>"
    out = extract_html(_page(STORY, line), "https://news.example.com/l")
    assert out["author"] == "Lerato Moloi, Thabo Nkosi"
    assert "Lerato" not in out["body"]
    # a photo credit naming a wire service, or such a line after the story has begun, names no writer
    credit = extract_html(_page(STORY, "<p><strong>Lerato Moloi/Reuters</strong></p>"), "https://news.example.com/m")
    assert credit["author"] is None
    late = _page([*STORY[:2], "<strong>Lerato Moloi/Thabo Nkosi</strong>", *STORY[2:]])
    assert extract_html(late, "https://news.example.com/n")["author"] is None
