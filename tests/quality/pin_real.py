"""Show or raise the floors of the real set's gate: `python -m tests.quality.pin_real [--write]` (see README.md).

Without --write it measures shared/data/articles_real on both parts of the recorded split and prints every metric
against its floor in real_gate.json. With --write it raises each floor to the measurement (rounded down to two
decimals) and records the date; it never lowers a floor (a lower floor is an edit of 'lowered' with its reason,
reviewed like any change of the gate), and it refuses when a part is below a floor.
"""

from __future__ import annotations

import argparse
import json
import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pantau.process.quality import load_set
from pantau.process.quality_real import report
from tests.shared import SHARED

HERE = Path(__file__).resolve().parent
GATE_FILE = HERE / "real_gate.json"
SPLIT_FILE = HERE / "real_split.json"
CASES = SHARED / "data" / "articles_real" / "cases.jsonl"


def raised(gate: dict[str, Any], measured: dict[str, Any]) -> dict[str, Any]:
    """The gate with every floor raised to the measurement (two decimals, down); refuses a part below a floor."""
    below = {
        f"{part}.{k}": (measured[part][k], floor)
        for part, floors in gate["floors"].items()
        for k, floor in floors.items()
        if measured[part][k] < floor
    }
    if below:
        raise SystemExit(f"refused: below the floor (measured, floor): {below}")
    out = json.loads(json.dumps(gate))
    for part, floors in out["floors"].items():
        for k, floor in floors.items():
            floors[k] = max(floor, math.floor(measured[part][k] * 100) / 100)
    out["measured"] = datetime.now(UTC).date().isoformat()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.quality.pin_real")
    ap.add_argument("--write", action="store_true", help="raise the floors in real_gate.json to the measurement")
    args = ap.parse_args(argv)
    gate = json.loads(GATE_FILE.read_text(encoding="utf-8"))
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    measured = report(load_set(CASES), {"tuning": split["tuning"], "held_out": split["held_out"]})
    for part, floors in gate["floors"].items():
        for k, floor in floors.items():
            print(f"{part:9} {k:22} measured {measured[part][k]:.4f}  floor {floor:.2f}")
    if args.write:
        GATE_FILE.write_text(json.dumps(raised(gate, measured), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {GATE_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
