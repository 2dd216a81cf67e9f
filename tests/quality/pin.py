"""Show or pin the quality gate's floors: `python -m tests.quality.pin [--write ...]` (see README.md).

Without --write it measures the labelled set and prints every metric against its floor. With --write it appends a
pin to gate.json: the last floors, raised by --raise (to the measured value, scores rounded down to 2 decimals) and
set by --set / --set-max; a floor that would go down is refused unless --lower METRIC='reason' names it.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import UTC, datetime
from typing import Any

from pantau.process.quality import evaluate, file_sha256, load_set
from tests.quality.gate import GATE_FILE, SET_FILE, current, load_gate, lowered_floors, pin_sha256


def _pairs(values: list[str], what: str) -> dict[str, str]:
    out = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key or not rest.strip():
            raise SystemExit(f"{what} takes METRIC=VALUE, got {value!r}")
        out[key.strip()] = rest.strip()
    return out


def new_pin(last: dict[str, Any], metrics: dict[str, float], args: argparse.Namespace) -> dict[str, Any]:
    minimum = dict(last["minimum"])
    maximum = dict(last["maximum"])
    if args.raise_floors:
        for m, floor in minimum.items():
            minimum[m] = max(floor, math.floor(metrics[m] * 100) / 100)
        for m, ceiling in maximum.items():
            maximum[m] = min(ceiling, metrics[m])
    for m, v in _pairs(args.set, "--set").items():
        minimum[m] = float(v)
    for m, v in _pairs(args.set_max, "--set-max").items():
        maximum[m] = float(v)
    reasons = _pairs(args.lower, "--lower")
    lowered = lowered_floors(last, {"minimum": minimum, "maximum": maximum})
    refused = sorted(m for m in lowered if m not in reasons)
    if refused:
        detail = "; ".join(f"{m}: {lowered[m]}" for m in refused)
        raise SystemExit(f"refused: this lowers {detail}. Lowering a floor needs --lower METRIC='reason'.")
    failing = sorted(
        [m for m, v in minimum.items() if metrics.get(m, -1.0) < v]
        + [m for m, v in maximum.items() if metrics.get(m, math.inf) > v]
    )
    if failing:
        raise SystemExit(f"refused: the current measurement does not meet the new floors for {failing}")
    set_sha = file_sha256(SET_FILE)
    if set_sha != last["labelled_sha256"] and not args.note:
        raise SystemExit("refused: the labelled set changed since the last pin; say what and why with --note")
    pin: dict[str, Any] = {
        "measured": datetime.now(UTC).date().isoformat(),
        "articles": len(load_set(SET_FILE)),
        "labelled_sha256": set_sha,
        "minimum": minimum,
        "maximum": maximum,
        "lowered": {m: reasons[m] for m in lowered},
        "note": args.note or "",
        "previous": pin_sha256(last),
    }
    pin["sha256"] = pin_sha256(pin)
    return pin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.quality.pin", description=__doc__)
    parser.add_argument("--write", action="store_true", help="append a new pin to gate.json")
    parser.add_argument("--raise", dest="raise_floors", action="store_true", help="raise floors to the measurement")
    parser.add_argument("--set", action="append", default=[], metavar="METRIC=VALUE", help="set a minimum")
    parser.add_argument("--set-max", action="append", default=[], metavar="METRIC=VALUE", help="set a maximum")
    parser.add_argument("--lower", action="append", default=[], metavar="METRIC=REASON", help="allow lowering")
    parser.add_argument("--note", default="", help="why this pin (required when the labelled set changed)")
    args = parser.parse_args(argv)
    gate = load_gate()
    last = current(gate)
    metrics = evaluate(load_set(SET_FILE))
    for m, value in metrics.items():
        floor = f">= {last['minimum'][m]}" if m in last["minimum"] else f"<= {last['maximum'].get(m, '(none)')}"
        print(f"{m:28} {value:<8} {floor}")
    if not args.write:
        return 0
    pin = new_pin(last, metrics, args)
    if {k: pin[k] for k in ("labelled_sha256", "minimum", "maximum")} == {
        k: last[k] for k in ("labelled_sha256", "minimum", "maximum")
    }:
        print("nothing to pin: same floors, same labelled set")
        return 0
    gate["history"].append(pin)
    GATE_FILE.write_text(json.dumps(gate, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"pinned {pin['measured']} in {GATE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
