"""Every parser version in the registry, on stored pages, against reviewed expected JSON (tests/parsers/README.md).

A family or a layout version without a stored page fails here, and so does a stored page for a version that no
longer exists. After an intended parser change: `python -m tests.parsers.refresh`, review the printed diff, commit.
"""

from __future__ import annotations

import json

import pytest

from pantau.extract.families import FAMILIES
from tests.parsers.expected import extracted, outlet_pairs
from tests.parsers.pages import StoredPage, stored_pages

PAGES = stored_pages()
PAIRS = outlet_pairs()


def test_every_parser_version_has_a_stored_page_with_expected_json() -> None:
    declared = {(name, v.version) for name, family in FAMILIES.items() for v in family.versions}
    stored = {(p.family, p.version) for p in PAGES if p.json_path.exists()}
    missing = sorted(f"{f}/{v}" for f, v in declared - stored)
    assert not missing, f"parser versions without a stored page + expected JSON under tests/parsers/: {missing}"
    stale = sorted(f"{f}/{v}" for f, v in {(p.family, p.version) for p in PAGES} - declared)
    assert not stale, f"stored pages for versions the registry does not declare: {stale}"


def test_version_names_are_unique_within_a_family() -> None:
    for name, family in FAMILIES.items():
        versions = [v.version for v in family.versions]
        assert len(versions) == len(set(versions)), (name, versions)
        assert all(v.family == name for v in family.versions), name


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.family}/{p.version}/{p.name}" for p in PAGES])
def test_stored_page_extracts_to_its_expected_json(page: StoredPage) -> None:
    assert page.json_path.exists(), f"{page.json_path} is missing: run `python -m tests.parsers.refresh`"
    want = json.loads(page.json_path.read_text(encoding="utf-8"))
    got = extracted(page, PAIRS)
    assert (got["family"], got["version"]) == (page.family, page.version), "the page is parsed by another version"
    assert got["skip_reason"] is None
    assert want["body_paragraphs"], "an expected body must not be empty"
    for field in sorted(want):
        assert got[field] == want[field], f"{field}: got {got[field]!r}, expected {want[field]!r}"
    assert set(got) == set(want), "the expected JSON is out of date: run `python -m tests.parsers.refresh`"
