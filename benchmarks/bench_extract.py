"""Body token F1 and pages/s of `extract_html` against plain `trafilatura.extract` on the same pages.

Pages: /work/shared/data/pages/<outlet>/*.html.gz with the fundus-format expected JSON beside them, plus
tests/site/**/*.html(.gz) when present, with an expected JSON next to each page (`<page>.json` or `<stem>.json`
holding `body`, or fundus format). Prints one line per page and ratios at the end.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--fundus DIR]

--fundus DIR adds real pages of outlets Pantau has no parser for: the `tests/resources/parser/test_data`
folder of a checkout of flairNLP/fundus (MIT; not bundled here), <country>/<Publisher>_<date>.html.gz with
meta.info and <Publisher>.json (one expected body per parser version; a page is scored against the closest).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from pantau.extract import extract_html

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PANTAU_SHARED_DIR") or ROOT.parent / "shared") / "data" / "pages"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/data/pages")
TOKEN = re.compile(r"\w+", re.UNICODE)


def token_f1(got: str, want: str) -> float:
    g, w = Counter(TOKEN.findall(got.lower())), Counter(TOKEN.findall(want.lower()))
    if not g and not w:
        return 1.0
    common = sum((g & w).values())
    if not common:
        return 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _expected_body(obj: dict[str, Any]) -> str | None:
    if "V1" in obj and isinstance(obj["V1"], dict):
        obj = obj["V1"]
    body = obj.get("body")
    if isinstance(body, str):
        return body
    if isinstance(body, dict):
        parts = list(body.get("summary", []))
        for section in body.get("sections", []):
            parts += section.get("headline", []) + section.get("paragraphs", [])
        return "\n\n".join(parts)
    return None


def shared_pages() -> Iterator[tuple[str, bytes, str, str]]:
    for outlet in sorted(p for p in SHARED.glob("*") if p.is_dir()):
        meta_path = next(outlet.glob("meta.info"), None)
        meta = json.loads(meta_path.read_text()) if meta_path else {}
        for expected_path in outlet.glob("*.json"):
            expected = json.loads(expected_path.read_text())
            body = _expected_body(expected)
            for page in outlet.glob("*.html.gz"):
                url = meta.get(page.name, {}).get("url", f"https://{outlet.name}.example/{page.stem}")
                if body:
                    yield str(page), _read(page), url, body


def fundus_pages(root: Path) -> Iterator[tuple[str, bytes, str, list[str]]]:
    for country in sorted(p for p in root.iterdir() if p.is_dir()):
        meta_path = country / "meta.info"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        for expected_path in sorted(country.glob("*.json")):
            versions = json.loads(expected_path.read_text())
            bodies = [b for b in (_expected_body(v) for v in versions.values() if isinstance(v, dict)) if b]
            for page in sorted(country.glob(f"{expected_path.stem}_*.html.gz")):
                if bodies and page.name in meta:
                    yield str(page), _read(page), meta[page.name]["url"], bodies


def site_pages() -> Iterator[tuple[str, bytes, str, str]]:
    site = ROOT / "tests" / "site"
    manifest = site / "manifest.json"
    if not manifest.exists():
        return
    for entry in json.loads(manifest.read_text()).get("pages", []):
        if entry.get("kind") != "article" or not entry.get("expected") or not entry.get("file"):
            continue
        page, expected_path = site / entry["file"], site / entry["expected"]
        if not page.exists() or not expected_path.exists():
            continue
        expected = json.loads(expected_path.read_text())
        body = _expected_body(expected)
        query = f"?{entry['query']}" if entry.get("query") else ""
        url = expected.get("url") or f"https://{entry['domain']}{entry['path']}{query}"
        if body:
            yield str(page), _read(page), url, body


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="timing repetitions per page")
    ap.add_argument("--fundus", type=Path, help="fundus tests/resources/parser/test_data folder (unseen outlets)")
    args = ap.parse_args()
    pages = [(n, d, u, [b]) for n, d, u, b in [*shared_pages(), *site_pages()]]
    if not pages:
        print("no pages with expected bodies found")
        return
    report("Pantau's outlets (sample site + shared real page)", pages, args.repeat)
    if args.fundus:
        report("unseen outlets (fundus test pages)", list(fundus_pages(args.fundus)), max(1, args.repeat // 2))


def report(label: str, pages: list[tuple[str, bytes, str, list[str]]], repeat: int) -> None:
    print(f"== {label}")
    ours_f1: list[float] = []
    traf_f1: list[float] = []
    ours_time = traf_time = 0.0
    for name, data, url, wants in pages:
        t0 = time.perf_counter()
        for _ in range(repeat):
            ours = extract_html(data, url)
        t1 = time.perf_counter()
        for _ in range(repeat):
            traf = trafilatura.extract(data, url=url) or ""
        t2 = time.perf_counter()
        ours_time += t1 - t0
        traf_time += t2 - t1
        ours_f1.append(max(token_f1(ours.get("body") or "", want) for want in wants))
        traf_f1.append(max(token_f1(traf, want) for want in wants))
        print(
            f"{Path(name).name[:60]:60s} parser={ours['parser']:22s} f1={ours_f1[-1]:.3f} trafilatura={traf_f1[-1]:.3f}"
        )
    n = len(pages) * repeat
    mean_ours, mean_traf = sum(ours_f1) / len(ours_f1), sum(traf_f1) / len(traf_f1)
    print(f"pages={len(pages)}")
    print(
        f"body_f1 extract_html={mean_ours:.3f} trafilatura={mean_traf:.3f} ratio={mean_ours / max(mean_traf, 1e-9):.3f}"
    )
    ours_ps, traf_ps = n / ours_time, n / traf_time
    print(f"pages_per_s extract_html={ours_ps:.1f} trafilatura={traf_ps:.1f} ratio={ours_ps / traf_ps:.2f}")


if __name__ == "__main__":
    main()
