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
    assert bp.clean_inline("The board met.AdvertisementScroll on") == "The board met. Scroll on"


def test_a_copyright_footer_is_no_running_text_the_container_missed() -> None:
    import lxml.html

    from pantau.extract import body
    from pantau.extract.metadata import Page

    footer = (
        "Brand names, logos and all associated elements ® and © 2031 Example Media Group Ltd. All rights "
        "reserved. Reproduction of any content of this site in whole or in part in any form or medium without "
        "express written permission is prohibited by the publisher and its partners across the region."
    )
    doc = lxml.html.document_fromstring(
        f"<html><body><div class='story'>{_paras(STORY[:3])}</div><div class='legal'>{footer}</div></body></html>"
    )
    container = doc.xpath("//div[@class='story']")[0]
    chars = sum(len(p) for p in STORY[:3])
    assert not body._misses_text(Page(doc=doc, url="https://news.example/a"), container, chars)
    # a story sentence about copyright law is no notice
    assert not bp.rules().legal_notice.search("Revisi UU Hak Cipta dibahas DPR pekan depan, kata dia.")
    # running text left outside the container still counts
    doc2 = lxml.html.document_fromstring(
        f"<html><body><div class='story'>{_paras(STORY[:1])}</div><div>{_paras(STORY[1:])}</div></body></html>"
    )
    container2 = doc2.xpath("//div[@class='story']")[0]
    assert body._misses_text(Page(doc=doc2, url="https://news.example/a"), container2, len(STORY[0]))


def test_a_mixed_case_place_of_two_words_before_a_colon_is_a_dateline() -> None:
    from pantau.text.dateline import find_dateline

    found = find_dateline("Port Kelang: The council approved the new budget on Tuesday.")
    assert found is not None and found.place == "Port Kelang"
    out = extract_html(_page(_paras(["Port Kelang: " + STORY[0], *STORY[1:]])), "https://news.example/a")
    assert out["dateline"] == "Port Kelang" and out["body"].startswith("The district council")
    # labels, a speaker before a quotation and a single mixed-case word are no datelines
    for text in (
        "Breaking News: The council approved the budget.",
        "Cek Fakta: Unggahan itu keliru.",
        "Baca Juga: Dewan Setujui Anggaran",
        "Senin Pagi: Dewan rapat lagi.",
        "Budi Santoso: “Kami setuju dengan anggaran itu.”",
        "Kesimpulan: Unggahan itu keliru.",
        "Update: The council met again.",
    ):
        assert find_dateline(text) is None, text


def test_a_closing_right_aligned_bold_name_is_the_writer_and_leaves_the_body() -> None:
    sign = "<p style='text-align:right;'><strong>Trần Minh Anh</strong></p>"
    out = extract_html(_page(_paras(STORY) + sign), "https://news.example/a")
    assert out["author"] == "Trần Minh Anh"
    assert "Trần" not in out["body"] and out["body"].endswith("after the meeting.")
    # a byline elsewhere names the writer; the closing copy of it still leaves
    page = _page(_paras(STORY) + sign).replace(b"</h1>", "</h1><div class='author'>By Trần Minh Anh</div>".encode())
    out = extract_html(page, "https://news.example/a")
    assert out["author"] == "Trần Minh Anh" and "Trần" not in out["body"]
    # not the last line of the story, or not a name: story text, no writer
    mid = _paras(STORY[:2]) + sign + _paras(STORY[2:])
    out = extract_html(_page(mid), "https://news.example/a")
    assert out["author"] is None and "Trần Minh Anh" in out["body"]
    note = "<p style='text-align:right;'><strong>Foto: Dokumentasi Warga</strong></p>"
    out = extract_html(_page(_paras(STORY) + note), "https://news.example/a")
    assert out["author"] is None


def test_a_foreign_page_without_any_zone_prints_its_clock_in_its_country_code_zone() -> None:
    line = "<p class='date'>Written: 2023-03-04 15:03:30</p>"
    page = _page(line + _paras(STORY), head="<meta charset='utf-8'>").replace(b"<html>", b"<html lang='en'>")
    out = extract_html(page, "https://world.news.example.kr/view?id=1")
    assert out["published_at"] == "2023-03-04T15:03:30+09:00"
    # a second-level label ("co.kr") and other zones the same way; a page of another country keeps WIB's default
    assert extract_html(page, "https://www.news.example.com.sg/a")["published_at"] == "2023-03-04T15:03:30+08:00"
    assert extract_html(page, "https://news.example.co.in/a")["published_at"] == "2023-03-04T15:03:30+05:30"
    # an Indonesian page stays in WIB, and a date line naming its zone wins over the host
    page_id = page.replace(b"lang='en'", b"lang='id'")
    assert extract_html(page_id, "https://news.example.kr/a")["published_at"] == "2023-03-04T15:03:30+07:00"
    named = _page("<p class='date'>Written: 2023-03-04 15:03 WITA</p>" + _paras(STORY))
    assert extract_html(named, "https://news.example.kr/a")["published_at"] == "2023-03-04T15:03:00+08:00"


def test_a_tracked_promotion_link_line_and_a_coverage_prompt_are_not_body() -> None:
    tail = (
        "<em><strong>Follow our full coverage of the budget debate </strong></em><strong><em>"
        "<a href='https://news.example/live'>here</a>.</em></strong><br/><br/><b><a target='_blank' "
        "href='https://shop.example/play/?utm_source=news&amp;utm_medium=article&amp;utm_campaign=spring'>"
        "Show off your quiz skills and win a weekend trip for two with no entry fee at all. Register Now!</a></b>"
    )
    out = extract_html(_page(_paras(STORY) + tail), "https://news.example/a")
    assert "Follow our" not in out["body"] and "Register" not in out["body"]
    assert out["body"].endswith("after the meeting.")
    # a story sentence that links a source stays, and so does a sentence about following coverage rules
    linked = "<p><a href='https://gov.example/report?utm_source=x'>The audit office report</a> was tabled today.</p>"
    story = [*STORY[:3], "Follow-up coverage rules for the press were agreed by the council at the same meeting."]
    out = extract_html(_page(_paras(story) + linked), "https://news.example/a")
    assert "The audit office report was tabled today." in out["body"] and "Follow-up coverage rules" in out["body"]


def test_a_country_code_is_no_site_label_and_a_closing_name_comma_site_line_is_the_writer() -> None:
    from pantau.extract.site import domain_label

    assert domain_label("https://world.example.co.kr/view") == "example"
    assert domain_label("https://www.example.com.sg/a") == "example"
    assert domain_label("https://example.kr/a") == "example"
    assert domain_label("https://www.example.com/a") == "example"
    lines = "<br/><br/>".join([*STORY, "Park Min Jun, Example World Radio News."])
    page = _page(f"<div class='body_txt'>{lines}</div>")
    out = extract_html(page, "https://world.example.co.kr/service/news_view.htm?id=7")
    assert out["author"] == "Park Min Jun"
    assert "Radio News" not in out["body"] and out["body"].endswith("after the meeting.")
    # a closing sentence naming a person and an office is story text, not a credit
    lines = "<br/><br/>".join([*STORY, "Park Min Jun, Example Council Speaker."])
    out = extract_html(_page(f"<div class='body_txt'>{lines}</div>"), "https://world.example.co.kr/v?id=8")
    assert out["author"] is None and "Council Speaker" in out["body"]
