"""The pinned floors of the quality gate (gate.json) and the rules that keep them honest.

gate.json holds an append-only `history` of pins; the last one is in force. Every pin records the sha256 of the
labelled set it was measured on, its floors (`minimum` scores, `maximum` counts), the floors it lowers on purpose
(`lowered`: metric -> reason), the digest of the pin before it (`previous`) and its own digest (`sha256`). So a
changed labelled set, a hand-edited floor, a rewritten earlier pin or a floor lowered without a stated reason is
found by `problems()`, which tests/test_quality_gate.py asserts empty. `python -m tests.quality.pin` writes pins.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GATE_FILE = HERE / "gate.json"
SET_FILE = HERE / "labelled.jsonl"


def pin_sha256(pin: dict[str, Any]) -> str:
    """The digest of a pin's content (everything but its own `sha256`), independent of key order and layout."""
    content = {k: v for k, v in pin.items() if k != "sha256"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def load_gate(path: Path = GATE_FILE) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def current(gate: dict[str, Any]) -> dict[str, Any]:
    return dict(gate["history"][-1])


def lowered_floors(before: dict[str, Any], after: dict[str, Any]) -> dict[str, str]:
    """metric -> how `after` lowers the floor of `before` (a lower minimum, a higher maximum, or a dropped floor)."""
    out: dict[str, str] = {}
    for metric, old in before["minimum"].items():
        new = after["minimum"].get(metric)
        if new is None or new < old:
            out[metric] = f"minimum {old} -> {new}"
    for metric, old in before["maximum"].items():
        new = after["maximum"].get(metric)
        if new is None or new > old:
            out[metric] = f"maximum {old} -> {new}"
    return out


def problems(gate: dict[str, Any], set_sha256: str) -> list[str]:
    """Everything wrong with the pins and their history; empty when the gate can be trusted."""
    history = gate.get("history") or []
    if not history:
        return ["gate.json has no pins (history is empty)"]
    out: list[str] = []
    previous: dict[str, Any] | None = None
    for n, pin in enumerate(history, 1):
        label = f"pin {n} ({pin.get('measured', '?')})"
        if pin.get("sha256") != pin_sha256(pin):
            out.append(
                f"{label} was edited by hand (its sha256 does not match its content): floors are changed only "
                "with `python -m tests.quality.pin --write`, which refuses to lower one without --lower"
            )
        want_previous = pin_sha256(previous) if previous else None
        if pin.get("previous") != want_previous:
            out.append(f"{label} does not follow the pin before it (`previous` is not its digest): history rewritten")
        if previous:
            reasons = pin.get("lowered") or {}
            for metric, change in lowered_floors(previous, pin).items():
                if not str(reasons.get(metric) or "").strip():
                    out.append(f"{label} lowers {metric} ({change}) without a reason in `lowered`")
        previous = pin
    last = history[-1]
    if last.get("labelled_sha256") != set_sha256:
        out.append(
            f"tests/quality/labelled.jsonl changed (sha256 {set_sha256[:12]}...) since the last pin "
            f"({str(last.get('labelled_sha256'))[:12]}...): re-measure and pin it in its own commit with "
            "`python -m tests.quality.pin --write --note 'what changed in the set and why'`"
        )
    return out
