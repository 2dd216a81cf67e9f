"""Time `extract_html` on seeded fuzz pages (tests/fuzzpages.py): mutated sample-site pages and stress shapes up to
--max-bytes. Prints the exceptions, the slowest pages with their shapes, p50/p99/max seconds (wall clock, and CPU
time, which a busy machine disturbs less) and the pages over 1 s. Target: every page up to 1 MB under 1 s.

    .venv/bin/python benchmarks/bench_extract_fuzz.py [--pages 10000] [--seed 0] [--max-bytes 1000000]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pantau.extract import extract_html
from tests.fuzzpages import STRESS, fuzz_pages, site_pages


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-bytes", type=int, default=1_000_000)
    ap.add_argument("--slowest", type=int, default=5, help="how many of the slowest pages to print")
    args = ap.parse_args()

    import random

    for _, data, url in site_pages()[:3]:  # warm up: imports, rule compilation, htmldate, language models
        extract_html(data, url)
    for shape in STRESS.values():  # ... and a page without lang
        html = shape(random.Random(0), 5000)
        extract_html(html, "https://contoh.example/berita/uji")
        extract_html(html.replace(' lang="id"', ""), "https://contoh.example/berita/uji")
    walls: list[float] = []
    cpus: list[float] = []
    timed: list[tuple[float, float, str]] = []
    errors: list[tuple[str, str]] = []
    skipped = 0
    for page in fuzz_pages(args.pages, seed=args.seed, max_bytes=args.max_bytes):
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            out = extract_html(page.html, page.url)
            skipped += bool(out["skip_reason"])
        except Exception:  # noqa: BLE001  # the point is to count them
            errors.append((page.shape, traceback.format_exc(limit=3)))
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        walls.append(wall)
        cpus.append(cpu)
        timed.append((wall, cpu, page.shape))

    print(f"pages={len(walls)} seed={args.seed} max_bytes={args.max_bytes} skipped={skipped}")
    print(f"exceptions={len(errors)}")
    for shape, tb in errors[:5]:
        print(f"  {shape}\n{tb}")
    for label, values in (("wall", walls), ("cpu", cpus)):
        print(
            f"{label}_seconds p50={_quantile(values, 0.5):.3f} p99={_quantile(values, 0.99):.3f} "
            f"max={max(values, default=0):.3f} over_1s={sum(v > 1 for v in values)}"
        )
    print("slowest:")
    for wall, cpu, shape in sorted(timed, reverse=True)[: args.slowest]:
        print(f"  wall={wall:.3f}s cpu={cpu:.3f}s {shape}")


if __name__ == "__main__":
    main()
