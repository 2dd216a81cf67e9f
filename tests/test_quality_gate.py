"""The quality gate: processing on the labelled set must not fall below the floors pinned in gate.json.

The pins themselves are checked too (tests/quality/gate.py): the labelled set must be the one the last pin was
measured on, no pin may be edited by hand, and no floor may go down without a stated reason.
"""

from __future__ import annotations

import copy

import pytest

from pantau.process.quality import evaluate, file_sha256, load_set
from tests.quality.gate import SET_FILE, current, load_gate, pin_sha256, problems

GATE = load_gate()
PIN = current(GATE)


@pytest.fixture(scope="module")
def metrics() -> dict[str, float]:
    return evaluate(load_set(SET_FILE))


def test_the_pins_are_intact_and_measured_on_this_labelled_set() -> None:
    assert problems(GATE, file_sha256(SET_FILE)) == []


@pytest.mark.parametrize("name", sorted(PIN["minimum"]))
def test_metric_is_at_least_its_pinned_minimum(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] >= PIN["minimum"][name], f"{name} = {metrics[name]} < {PIN['minimum'][name]}"


@pytest.mark.parametrize("name", sorted(PIN["maximum"]))
def test_count_is_at_most_its_pinned_maximum(metrics: dict[str, float], name: str) -> None:
    assert metrics[name] <= PIN["maximum"][name], f"{name} = {metrics[name]} > {PIN['maximum'][name]}"


def test_gate_covers_every_metric(metrics: dict[str, float]) -> None:
    assert set(metrics) == set(PIN["minimum"]) | set(PIN["maximum"])


# --- the checks on the pins catch what they are for ---------------------------------------------------------------


def _with_pin(**changes: object) -> dict[str, object]:
    """GATE plus one well-formed pin after the last one, with `changes` applied to its floors."""
    gate = copy.deepcopy(GATE)
    pin = copy.deepcopy(PIN)
    pin.update(changes, previous=pin_sha256(PIN), measured="next")
    pin["sha256"] = pin_sha256(pin)
    gate["history"].append(pin)
    return gate


def test_a_changed_labelled_set_is_caught() -> None:
    found = problems(GATE, "0" * 64)
    assert len(found) == 1 and "labelled.jsonl changed" in found[0]


def test_a_floor_edited_by_hand_is_caught() -> None:
    gate = copy.deepcopy(GATE)
    gate["history"][-1]["minimum"]["pilkada_recall"] = 0.5
    assert any("edited by hand" in p for p in problems(gate, file_sha256(SET_FILE)))


def test_a_lowered_floor_needs_a_reason() -> None:
    sha = file_sha256(SET_FILE)
    lower = {**PIN["minimum"], "pilkada_recall": PIN["minimum"]["pilkada_recall"] - 0.05}
    found = problems(_with_pin(minimum=lower), sha)
    assert len(found) == 1 and "lowers pilkada_recall" in found[0]
    dropped = {k: v for k, v in PIN["minimum"].items() if k != "flags_recall"}
    assert any("lowers flags_recall" in p for p in problems(_with_pin(minimum=dropped), sha))
    looser = {**PIN["maximum"], "story_false_merges": PIN["maximum"]["story_false_merges"] + 1}
    assert any("lowers story_false_merges" in p for p in problems(_with_pin(maximum=looser), sha))
    reasoned = _with_pin(minimum=lower, lowered={"pilkada_recall": "label q031 corrected: it was not Pilkada"})
    assert problems(reasoned, sha) == []
    raised = {**PIN["minimum"], "pilkada_recall": PIN["minimum"]["pilkada_recall"] + 0.01}
    assert problems(_with_pin(minimum=raised), sha) == []


def test_a_rewritten_earlier_pin_is_caught() -> None:
    gate = _with_pin()
    first = gate["history"][0]
    first["minimum"] = {**first["minimum"], "pilkada_f1": 0.1}
    first["sha256"] = pin_sha256(first)  # even with its own digest redone, the next pin no longer follows it
    assert any("history rewritten" in p for p in problems(gate, file_sha256(SET_FILE)))
