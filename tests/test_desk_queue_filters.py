"""The queue's filters on the real node: every value that does not fit is named on the page (or, when empty,
ignored), never passed to the engine and never a 5xx: a confidence that is no number (nan, inf, text), dates that
are no dates or come in the wrong order, an unknown severity or status, a province, outlet or rule no flagged
report carries, a page that is no number, control characters and over-long values."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pantau.desk import queue_filters
from pantau.desk.app import create_app
from pantau.desk.users import UserStore
from pantau.store.client import Store
from tests.deskdata import seed
from tests.test_desk import desk_settings, login

ROWS = 'href="/report/'


@pytest.fixture
def viewer(store: Store, tmp_path: Path) -> Iterator[tuple[TestClient, list[dict[str, Any]]]]:
    settings = desk_settings(store, tmp_path)
    UserStore.of(settings).add("vera", "viewer", "viewer-pass-123")
    docs = seed(store)
    with TestClient(create_app(settings, store), follow_redirects=False) as client:
        login(client, "vera", "viewer-pass-123")
        yield client, docs


def _problems(page: str) -> list[str]:
    if 'id="filter-problems"' not in page:
        return []
    box = page.split('id="filter-problems"', 1)[1].split("</div>", 1)[0]
    return [html.unescape(item.split("</li>", 1)[0]) for item in box.split("<li>")[1:]]


def test_parse_names_each_value_that_does_not_fit() -> None:
    parsed = queue_filters.QueueFilters.parse(
        {"severity": "x", "min_confidence": "nan", "since": "kemarin", "status": "?", "page": "-3", "until": ""}
    )
    assert (parsed.severity, parsed.min_confidence, parsed.since, parsed.status, parsed.page) == (
        "",
        "",
        "",
        "terbuka",
        1,
    )
    assert parsed.problems == (
        "Keyakinan minimum 'nan' bukan angka antara 0 dan 1; saringan ini diabaikan.",
        "Status '?' tidak dikenal (terbuka, semua, baru, ditinjau, diklarifikasi, diabaikan); saringan ini diabaikan.",
        "Tingkat 'x' tidak dikenal (low, medium, high); saringan ini diabaikan.",
        "Terbit sejak 'kemarin' bukan tanggal (TTTT-BB-HH, misalnya 2024-11-27); saringan ini diabaikan.",
    )
    for value in ("nan", "NaN", "inf", "-inf", "Infinity", "1e999", "abc", "0.9.1", "--1"):
        parsed = queue_filters.QueueFilters.parse({"min_confidence": value})
        assert parsed.min_confidence == "" and len(parsed.problems) == 1, value
    assert (
        queue_filters.QueueFilters.parse({"min_confidence": "0,9"}).min_confidence == "0.9"
    )  # Indonesian decimal comma
    clamped = queue_filters.QueueFilters.parse({"min_confidence": "7"})
    assert clamped.min_confidence == "1" and clamped.problems == ("Keyakinan minimum '7' di luar 0-1; dipakai 1.",)
    empty = queue_filters.QueueFilters.parse(
        dict.fromkeys(("province", "min_confidence", "since", "status", "page"), "  ")
    )
    assert empty == queue_filters.QueueFilters() and empty.problems == ()
    reversed_days = queue_filters.QueueFilters.parse({"since": "2024-11-30", "until": "2024-11-01"})
    assert (reversed_days.since, reversed_days.until) == ("", "")
    assert reversed_days.problems == (
        "Terbit sejak 2024-11-30 sesudah terbit sampai 2024-11-01; saringan tanggal diabaikan.",
    )
    # the problems never reach a link of the page
    assert "problems" not in queue_filters.QueueFilters.parse({"min_confidence": "nan", "page": "2"}).as_params()


# (query parameters, rows the queue shows, the message expected; None: no message)
CASES: list[tuple[dict[str, str], int, str | None]] = [
    ({"min_confidence": "nan"}, 4, "Keyakinan minimum 'nan' bukan angka"),
    ({"min_confidence": "NaN"}, 4, "Keyakinan minimum 'NaN' bukan angka"),
    ({"min_confidence": "inf"}, 4, "Keyakinan minimum 'inf' bukan angka"),
    ({"min_confidence": "-Infinity"}, 4, "bukan angka"),
    ({"min_confidence": "tinggi"}, 4, "Keyakinan minimum 'tinggi' bukan angka"),
    ({"min_confidence": "0,9"}, 3, None),
    ({"min_confidence": "2"}, 0, "di luar 0-1; dipakai 1"),
    ({"min_confidence": "-1"}, 4, "di luar 0-1; dipakai 0"),
    ({"since": "kemarin"}, 4, "Terbit sejak 'kemarin' bukan tanggal"),
    ({"until": "2024-02-30"}, 4, "Terbit sampai '2024-02-30' bukan tanggal"),
    ({"since": "2024-13-01"}, 4, "bukan tanggal"),
    ({"since": "99999-01-01"}, 4, "bukan tanggal"),
    ({"since": "2030-01-01", "until": "2020-01-01"}, 4, "sesudah terbit sampai"),
    ({"since": "0001-01-01"}, 4, None),
    ({"severity": "kritis"}, 4, "Tingkat 'kritis' tidak dikenal"),
    ({"status": "selesai"}, 4, "Status 'selesai' tidak dikenal"),
    ({"province": "Atlantis"}, 0, "Provinsi 'Atlantis' tidak ada pada berita yang ditandai"),
    ({"province": "jawa  barat"}, 0, "Maksud Anda 'Jawa Barat'?"),
    ({"outlet": "Koran Antah"}, 0, "Media 'Koran Antah' tidak ada"),
    ({"rule": "no_such_rule"}, 0, "Temuan 'no_such_rule' tidak ada"),
    ({"province": "Jawa\x00 Barat\x1b"}, 2, None),  # control characters are dropped
    ({"outlet": "x" * 5000}, 0, "tidak ada pada berita yang ditandai"),
    ({"page": "abc"}, 4, None),
    ({"page": "9999"}, 0, None),
    ({"page": "-1"}, 4, None),
    (
        dict.fromkeys(
            ("province", "outlet", "rule", "severity", "min_confidence", "status", "since", "until", "page"), ""
        ),
        4,
        None,
    ),
]


def test_a_bad_filter_value_gets_a_message_never_a_server_error(
    viewer: tuple[TestClient, list[dict[str, Any]]],
) -> None:
    client, _ = viewer
    for params, rows, problem in CASES:
        response = client.get("/", params=params)
        assert response.status_code == 200, (params, response.text[:500])
        assert response.text.count(ROWS) == rows, params
        problems = _problems(response.text)
        if problem is None:
            assert problems == [], params
        else:
            assert len(problems) == 1 and problem in problems[0], (params, problems)


def test_the_choices_are_all_flagged_values_whatever_the_filter(
    viewer: tuple[TestClient, list[dict[str, Any]]],
) -> None:
    client, _ = viewer
    page = client.get("/", params={"province": "Jawa Barat"}).text
    assert page.count(ROWS) == 2
    # the province list still offers the other province, so the officer can switch without clearing
    assert '<option value="Sumatera Selatan">' in page and '<option value="Jawa Barat" selected>' in page
