"""The quality gate: processing on the labelled set must not fall below the pinned scores in gate.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.process.quality import evaluate, load_set

HERE = Path(__file__).resolve().parent / "quality"
GATE = json.loads((HERE / "gate.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    return evaluate(load_set(HERE / "labelled.jsonl"))


@pytest.mark.parametrize("name", sorted(GATE["minimum"]))
def test_metric_is_at_least_its_pinned_minimum(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] >= GATE["minimum"][name], f"{name} = {metrics[name]} < {GATE['minimum'][name]}"


@pytest.mark.parametrize("name", sorted(GATE["maximum"]))
def test_count_is_at_most_its_pinned_maximum(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] <= GATE["maximum"][name], f"{name} = {metrics[name]} > {GATE['maximum'][name]}"


def test_gate_covers_every_metric(metrics: dict[str, float]) -> None:
    assert set(metrics) == set(GATE["minimum"]) | set(GATE["maximum"])
