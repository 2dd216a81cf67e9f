"""Extraction never raises on broken, huge or hostile pages and always returns the contract's fields with their types
(seeded fuzz pages from tests/fuzzpages.py; speed targets live in benchmarks/bench_extract_fuzz.py). Unbounded work
fails too: pytest-timeout stops any test here after TIMEOUT_S (a group of 25 pages takes a few seconds of CPU; the
bound is a hang guard with room for a busy machine, not a speed assertion)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from pantau.extract import FIELDS, extract_html
from pantau.extract.boilerplate import MAX_BODY_CHARS
from pantau.extract.decode import MAX_HTML_BYTES
from tests.fuzzpages import STRESS, fuzz_pages

TIMEOUT_S = 180
pytestmark = pytest.mark.timeout(TIMEOUT_S)

OPTIONAL_STR = ("title", "published_at", "updated_at", "author", "dateline", "body", "section", "language",
                "full_text_url", "skip_reason", "encoding")  # fmt: skip
STR_LISTS = ("tags", "next_pages", "notes")


def check_contract(out: dict[str, Any], shape: str) -> None:
    assert set(out) == set(FIELDS), shape
    assert isinstance(out["url"], str) and isinstance(out["canonical_url"], str), shape
    assert isinstance(out["parser"], str) and out["parser"], shape
    for key in OPTIONAL_STR:
        assert out[key] is None or isinstance(out[key], str), (shape, key, type(out[key]))
    for key in STR_LISTS:
        assert isinstance(out[key], list) and all(isinstance(v, str) for v in out[key]), (shape, key)
    for key in ("published_at", "updated_at"):
        if out[key]:
            datetime.fromisoformat(out[key])
    assert out["skip_reason"] or out["body"], shape
    assert len(out["body"] or "") <= MAX_BODY_CHARS + 1000, shape


PAGES = list(fuzz_pages(300, seed=11, max_bytes=300_000))


@pytest.mark.parametrize("index", range(0, len(PAGES), 25))
def test_fuzz_pages_keep_the_contract(index: int) -> None:
    for page in PAGES[index : index + 25]:
        check_contract(extract_html(page.html, page.url), page.shape)


@pytest.mark.parametrize("shape", sorted(STRESS))
def test_every_stress_shape_keeps_the_contract(shape: str) -> None:
    import random

    html = STRESS[shape](random.Random(5), 60_000)
    check_contract(extract_html(html, "https://contoh.example/berita/2024/11/16/uji"), shape)


def test_a_page_over_the_text_cap_is_trimmed_then_cut_with_a_note() -> None:
    scripts = "".join(f"<script>var a{i} = '{'x' * 500}';</script>" for i in range(2500))  # ~1.3 M chars of script
    story = "".join(f"<p>Paragraf {i} tentang tahapan pemilu di kota ini, ditulis untuk uji.</p>" for i in range(40))
    out = extract_html(f"<html><head>{scripts}</head><body><article>{story}</article></body></html>", "https://x.id/a")
    assert any("trimmed" in note for note in out["notes"])
    assert "Paragraf 39" in out["body"]
    filler = "".join(f"<div><p>{'kata ' * 40}</p></div>" for i in range(6000))  # ~1.4 M chars of markup
    out = extract_html(f"<html><body>{story}{filler}</body></html>", "https://x.id/b")
    assert any("cut to its first" in note for note in out["notes"])


def test_a_page_over_the_byte_cap_is_skipped_with_the_reason() -> None:
    out = extract_html(b"<p>x</p>" * (MAX_HTML_BYTES // 8 + 1), "https://x.id/c")
    assert out["skip_reason"] and "too large" in out["skip_reason"]


def test_a_dump_of_text_is_cut_at_the_body_cap_with_a_note() -> None:
    text = " ".join(f"kalimat nomor {i} tentang rapat pleno." for i in range(40_000))
    out = extract_html(f"<html><body><article><p>{text}</p></article></body></html>", "https://x.id/d")
    assert len(out["body"]) <= MAX_BODY_CHARS
    assert any("body cut" in note for note in out["notes"])


def test_the_fallback_reads_a_huge_page_only_up_to_its_budget() -> None:
    rows = "".join(f"<div>{'kata lain ' * 20}</div>" for _ in range(6000))  # running text outside any <p>
    out = extract_html(f"<html><body>{rows}</body></html>", "https://x.id/e")
    assert any("trafilatura fallback read the first" in note for note in out["notes"])
