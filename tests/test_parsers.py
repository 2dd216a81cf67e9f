"""Every parser on the stored pages of the sample site against the expected JSON, in one test over the registry.

Pages are rendered with their real URLs (https://<domain>/...) so the parsers see what they would see live.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pantau.crawl.registry import load_outlets
from pantau.extract import extract_html

SITE = Path(__file__).resolve().parent / "site"
MANIFEST = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = [p for p in MANIFEST["pages"] if p["kind"] == "article"]
PAIRS = [(o.domain, o.family) for o in load_outlets()]
BOILERPLATE = re.compile(
    r"baca juga|lihat juga|advertisement|scroll to continue|editor\s*:|reporter\s*:", re.IGNORECASE
)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(got: str, want: str) -> float:
    from collections import Counter

    g, w = Counter(_tokens(got)), Counter(_tokens(want))
    common = sum((g & w).values())
    if not common:
        return 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def _render(page: dict[str, Any]) -> bytes:
    raw = (SITE / page["file"]).read_bytes()
    return re.sub(rb"\{\{BASE:([A-Za-z0-9.-]+)\}\}", lambda m: b"https://" + m.group(1), raw)


def _same_instant(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    return datetime.fromisoformat(a) == datetime.fromisoformat(b) and a[-6:] == b[-6:]


@pytest.mark.parametrize("page", ARTICLES, ids=[f"{p['domain']}{p['path']}" for p in ARTICLES])
def test_parser_matches_expected_fields(page: dict[str, Any]) -> None:
    expected = json.loads((SITE / page["expected"]).read_text(encoding="utf-8"))
    query = f"?{page['query']}" if page.get("query") else ""
    url = f"https://{page['domain']}{page['path']}{query}"
    got = extract_html(_render(page), url, domains=PAIRS)
    if page.get("special") == "empty_body":
        assert got["skip_reason"], "an empty-body page must be a recorded skip"
        return
    assert got["skip_reason"] is None, got["skip_reason"]
    assert got["title"] == expected["title"]
    assert _same_instant(got["published_at"], expected["published_at"]), (got["published_at"], expected["published_at"])
    assert got["canonical_url"] == expected["canonical_url"]
    assert (got["dateline"] or None) == (expected["dateline"] or None)
    assert (got["author"] or None) == (expected["author"] or None)
    assert sorted(got["tags"]) == sorted(expected["tags"])
    assert token_f1(got["body"] or "", expected["body"]) >= 0.97
    assert not BOILERPLATE.search(got["body"] or "")
    if expected["family"] not in ("wordpress", "generic"):
        assert got["parser"].split(".")[0] == expected["family"]


def test_every_family_in_the_registry_has_stored_pages_or_a_test_of_its_own() -> None:
    from pantau.extract.families import FAMILIES
    from tests.test_extract_families import CASES

    families = {family for _domain, family in PAIRS}
    assert families - {"generic"} <= set(FAMILIES), "the outlet registry names families that do not exist"
    covered = {p["family"] for p in ARTICLES} | {case.family for case in CASES}
    assert sorted(families - covered - {"generic"}) == []
    assert sorted(set(FAMILIES) - covered) == [], "a registered family without a sample page or a snippet case"
