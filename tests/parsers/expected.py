"""What the registry test compares: the fields of an extraction that matter, for one stored page."""

from __future__ import annotations

from typing import Any

from pantau.crawl.registry import load_outlets
from pantau.extract import extract_html
from tests.parsers.pages import StoredPage

FIELDS = ("title", "published_at", "updated_at", "author", "dateline", "section", "tags", "body_paragraphs")


def outlet_pairs() -> list[tuple[str, str]]:
    """(domain, family) from the outlet registry, as the pipeline passes them (WordPress outlets need them)."""
    return [(o.domain, o.family) for o in load_outlets()]


def extracted(page: StoredPage, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    got = extract_html(page.html_path.read_bytes(), page.url, domains=pairs)
    family, _, version = (got.get("parser") or "").partition(".")
    out: dict[str, Any] = {"url": page.url, "family": family, "version": version}
    for name in FIELDS:
        value = got["body"].split("\n\n") if name == "body_paragraphs" and got.get("body") else got.get(name)
        out[name] = value if value not in ("", None) else (None if name != "tags" else [])
    out["skip_reason"] = got.get("skip_reason")
    return out
