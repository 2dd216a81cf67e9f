"""Judgement measured on real text: shared/data/articles_real (real newsroom texts, fact-checks, circulated claims).

The set stays in shared/ (read from there, never copied). Its split into a tuning and a held-out part is recorded in
tests/quality/real_split.json; tests/quality/real_gate.json pins floors on both parts. The floors ratchet: a floor more
than SLACK below today's measurement counts as lowered and needs its reason in the gate's "lowered" block.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from pantau.process.quality import file_sha256, load_set
from pantau.process.quality_real import report, split
from tests.shared import SHARED

ROOT = Path(__file__).resolve().parents[1]
CASES = SHARED / "data" / "articles_real" / "cases.jsonl"
SPLIT = json.loads((ROOT / "tests" / "quality" / "real_split.json").read_text(encoding="utf-8"))
GATE = json.loads((ROOT / "tests" / "quality" / "real_gate.json").read_text(encoding="utf-8"))
SLACK = 0.02


@pytest.fixture(scope="module")
def cases() -> list[dict[str, Any]]:
    return load_set(CASES)


@pytest.fixture(scope="module")
def measured(cases: list[dict[str, Any]]) -> dict[str, Any]:
    result = report(cases, {"tuning": SPLIT["tuning"], "held_out": SPLIT["held_out"]})
    print(json.dumps({k: result[k] for k in ("tuning", "held_out")}, indent=1))
    return result


def test_the_recorded_split_is_the_one_the_set_gives(cases: list[dict[str, Any]]) -> None:
    assert file_sha256(CASES) == SPLIT["cases_sha256"], "articles_real changed: re-record tests/quality/real_split.json"
    assert split(cases) == {"tuning": SPLIT["tuning"], "held_out": SPLIT["held_out"]}
    assert not set(SPLIT["tuning"]) & set(SPLIT["held_out"])
    assert len(SPLIT["tuning"]) + len(SPLIT["held_out"]) == len(cases)
    held = {c["category"] for c in cases if c["id"] in set(SPLIT["held_out"])}
    assert held == {c["category"] for c in cases}  # every category is in the held-out part


@pytest.mark.parametrize("part", ["tuning", "held_out"])
def test_floors_hold(measured: dict[str, Any], part: str) -> None:
    below = {k: (measured[part][k], floor) for k, floor in GATE["floors"][part].items() if measured[part][k] < floor}
    assert not below, f"{part}: below the floor (measured, floor): {below}"


@pytest.mark.parametrize("part", ["tuning", "held_out"])
def test_no_floor_was_lowered_silently(measured: dict[str, Any], part: str) -> None:
    lowered = GATE.get("lowered", {})
    loose = {
        k: (floor, measured[part][k])
        for k, floor in GATE["floors"][part].items()
        if floor < math.floor(measured[part][k] * 100) / 100 - SLACK and f"{part}.{k}" not in lowered
    }
    assert not loose, f"{part}: floors below today's measurement; raise them or give the reason in 'lowered': {loose}"


def test_every_category_is_reported(measured: dict[str, Any], cases: list[dict[str, Any]]) -> None:
    assert set(measured["by_category"]) == {c["category"] for c in cases}
    assert sum(m["cases"] for m in measured["by_category"].values()) == len(cases)
