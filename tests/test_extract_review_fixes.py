"""Review of 2026-12-06: a right-aligned bold name with story text after it in a wrapped block is no closing
signature (invented page)."""

from __future__ import annotations

from pantau.extract import extract_html

_PARAS = "".join(
    f"<p>Paragraf berita nomor {i} tentang rekapitulasi suara di kabupaten yang berlangsung lancar hari ini.</p>"
    for i in range(6)
)


def test_a_bold_right_aligned_name_followed_by_a_wrapped_story_paragraph_is_no_signature() -> None:
    html = (
        "<html><head><title>Hasil rekapitulasi - Kabar Contoh</title></head><body><article><h1>Hasil</h1>"
        f"<div class='content'>{_PARAS}<p style='text-align:right'><strong>Pramono Anung</strong></p>"
        "<div><p>Paragraf berita tambahan tentang Pramono Anung yang berbicara di depan pendukung di Jakarta.</p>"
        "</div></div></article></body></html>"
    )
    out = extract_html(html, "https://www.kabarcontoh.com/berita/1")
    assert out["author"] is None
    assert "Pramono Anung\n" in out["body"]
