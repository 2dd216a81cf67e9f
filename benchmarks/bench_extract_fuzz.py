"""Time `extract_html` on seeded fuzz pages (tests/fuzzpages.py): mutated sample-site pages and stress shapes up to
--max-bytes. Prints the exceptions, the slowest pages sorted by CPU time with their index, seed, size and shape (so
they can be regenerated: `--only INDEX,...` with the same --pages/--seed/--max-bytes times just those, `--profile`
adds a cProfile of each), p50/p99/max seconds (wall clock, and CPU time, which a busy machine disturbs less) and the
pages over 1 s. Target: every page up to 1 MB under 1 s of CPU.

    .venv/bin/python benchmarks/bench_extract_fuzz.py [--pages 10000] [--seed 0] [--max-bytes 1000000]
    .venv/bin/python benchmarks/bench_extract_fuzz.py --pages 3000 --seed 0 --only 17,2051 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pantau.extract import extract_html
from tests.fuzzpages import STRESS, FuzzPage, fuzz_pages, site_pages


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def _warm_up() -> None:
    """Imports, rule compilation, htmldate, language models: paid once per process, not by the first page."""
    for _, data, url in site_pages()[:3]:
        extract_html(data, url)
    for shape in STRESS.values():  # ... and a page without lang
        html = shape(random.Random(0), 5000)
        extract_html(html, "https://contoh.example/berita/uji")
        extract_html(html.replace(' lang="id"', ""), "https://contoh.example/berita/uji")


def _run(page: FuzzPage, profile: bool) -> tuple[float, float, bool, str | None]:
    """(wall s, cpu s, skipped, traceback of an escaped exception)."""
    profiler = cProfile.Profile(time.process_time) if profile else None
    w0, c0 = time.perf_counter(), time.process_time()
    skipped, error = False, None
    try:
        if profiler is not None:
            profiler.enable()
        out = extract_html(page.html, page.url)
        skipped = bool(out["skip_reason"])
    except Exception:  # noqa: BLE001  # the point is to count them
        error = traceback.format_exc(limit=3)
    finally:
        if profiler is not None:
            profiler.disable()
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    if profiler is not None:
        print(f"--- profile of {page.shape}")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(18)
    return wall, cpu, skipped, error


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-bytes", type=int, default=1_000_000)
    ap.add_argument("--slowest", type=int, default=10, help="how many of the slowest pages to print")
    ap.add_argument("--only", default="", help="comma-separated page indexes of this run to time (and no others)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of every page timed (use with --only)")
    args = ap.parse_args()
    only = {int(i) for i in args.only.split(",") if i.strip()}

    _warm_up()
    walls: list[float] = []
    cpus: list[float] = []
    timed: list[tuple[float, float, int, int, str]] = []  # (cpu, wall, index, bytes, shape)
    errors: list[tuple[int, str, str]] = []
    skipped = 0
    for index, page in enumerate(fuzz_pages(args.pages, seed=args.seed, max_bytes=args.max_bytes)):
        if only and index not in only:
            continue
        wall, cpu, skip, error = _run(page, args.profile)
        skipped += skip
        if error is not None:
            errors.append((index, page.shape, error))
        walls.append(wall)
        cpus.append(cpu)
        timed.append((cpu, wall, index, len(page.html), page.shape))

    print(f"pages={len(walls)} seed={args.seed} max_bytes={args.max_bytes} skipped={skipped}")
    print(f"exceptions={len(errors)}")
    for index, shape, tb in errors[:5]:
        print(f"  #{index} {shape}\n{tb}")
    for label, values in (("wall", walls), ("cpu", cpus)):
        print(
            f"{label}_seconds p50={_quantile(values, 0.5):.3f} p99={_quantile(values, 0.99):.3f} "
            f"max={max(values, default=0):.3f} over_1s={sum(v > 1 for v in values)}"
        )
    again = f"--pages {args.pages} --seed {args.seed} --max-bytes {args.max_bytes} --only I"
    print(f"slowest by CPU (regenerate: {again}):")
    for cpu, wall, index, size, shape in sorted(timed, reverse=True)[: args.slowest]:
        print(f"  #{index} cpu={cpu:.3f}s wall={wall:.3f}s bytes={size} {shape}")


if __name__ == "__main__":
    main()
