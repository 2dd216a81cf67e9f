"""Start-up time of the `pantau` command against `python -c pass`, both run as subprocesses the same way.

Run: .venv/bin/python benchmarks/bench_cli.py [--runs N] [--as-is]

Each command runs N times (rounds interleave the commands, so load on the machine hits all of them alike) with this
interpreter as `python -m pantau ...`; the median wall time is printed beside the median of `python -c pass`, with
their ratio and the target where the issue sets one (`--help` <= 0.3 s, extract of one article page <= 0.5 s).

Children get this tree on PYTHONPATH and, unless --as-is, a bytecode cache in a temporary folder
(PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE unset), as an installed package has compiled bytecode; one warm-up
run per command fills it. The trafilatura-fallback page has no target: it shows what that fallback costs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "2024/11/16/debat-ketiga-pilgub-sumsel-paslon-adu-gagasan-soal-banjir-dan-infrastruktur"
LISTING = "www.detik.com/sumbagsel/indeks"

# (label, arguments after the interpreter, target seconds or None)
COMMANDS: tuple[tuple[str, list[str], float | None], ...] = (
    ("python -c pass", ["-c", "pass"], None),
    ("pantau --help", ["-m", "pantau", "--help"], 0.3),
    (
        "pantau extract (article)",
        [
            "-m", "pantau", "extract", f"tests/site/hosts/palembang.tribunnews.com/{ARTICLE}.html",
            "--url", f"https://palembang.tribunnews.com/{ARTICLE}",
        ],
        0.5,
    ),
    (
        "pantau extract (listing, trafilatura)",
        ["-m", "pantau", "extract", f"tests/site/hosts/{LISTING}.html", "--url", f"https://{LISTING}"],
        None,
    ),
    ("pantau outlets", ["-m", "pantau", "outlets"], None),
    ("pantau config", ["-m", "pantau", "config"], None),
)  # fmt: skip


def child_env(cache_dir: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    if cache_dir is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache_dir
    return env


def run_once(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, *args], check=False, cwd=ROOT, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def measure(runs: int, env: dict[str, str]) -> dict[str, float]:
    for _label, args, _target in COMMANDS:
        run_once(args, env)  # warm-up: bytecode cache, file system cache
    times: dict[str, list[float]] = {label: [] for label, _args, _target in COMMANDS}
    for _ in range(runs):
        for label, args, _target in COMMANDS:
            times[label].append(run_once(args, env))
    return {label: statistics.median(values) for label, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--as-is", action="store_true", help="inherit the environment's bytecode settings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pantau-bench-pyc-") as cache_dir:
        medians = measure(args.runs, child_env(None if args.as_is else cache_dir))
    base = medians["python -c pass"]
    print(f"{sys.executable}, median of {args.runs} runs, bytecode {'as is' if args.as_is else 'cached'}")
    print(f"{'command':40s} {'median s':>9s} {'ratio':>7s} {'target s':>9s}")
    failed = []
    for label, _args, target in COMMANDS:
        median = medians[label]
        verdict = ""
        if target is not None:
            verdict = "ok" if median <= target else "OVER"
            if median > target:
                failed.append(label)
        target_text = f"{target:.2f}" if target is not None else "-"
        print(f"{label:40s} {median:9.3f} {median / base:7.1f} {target_text:>9s} {verdict}".rstrip())
    print("all targets met" if not failed else f"over target: {', '.join(failed)}")


if __name__ == "__main__":
    main()
