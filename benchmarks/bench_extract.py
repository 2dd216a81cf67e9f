"""Pantau's extraction against trafilatura on the same pages.

Gold pages (shared/data/pages_real and every `--gold DIR` in the same gold.json format): per field, the share of
pages right as pantau.extract.quality judges them (title, publication time to the minute, author, dateline, body
F1 >= 0.98, no forbidden boilerplate), every field right, the mean body F1 and the per-page time (p99, worst), for
`extract_html` and for trafilatura (`extract` for the body, `extract_metadata` for title, date and author, its
date asked with the time of day; it has no dateline) side by side.

Body-only pages: /work/shared/data/pages/<outlet>/*.html.gz with the fundus-format expected JSON beside them, plus
tests/site/**/*.html(.gz) with an expected JSON (`body`, or fundus format): body token F1 and pages/s.

    .venv/bin/python benchmarks/bench_extract.py [--gold DIR ...] [--repeat N] [--fundus DIR]

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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import trafilatura

from pantau.extract import extract_html
from pantau.extract.quality import FIELDS, PageResult, load_gold, run, summary, token_f1

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PANTAU_SHARED_DIR") or ROOT.parent / "shared") / "data" / "pages"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/data/pages")
PAGES_REAL = SHARED.parent / "pages_real"
DATE_CONFIG = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_BASIC_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")


def trafilatura_fields(html: bytes, url: str) -> dict[str, Any]:
    """The contract fields trafilatura gives: body from `extract`, title/date/author from `extract_metadata`."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return {}
    body = trafilatura.extract(tree, url=url) or ""
    meta = trafilatura.extract_metadata(tree, default_url=url, date_config=DATE_CONFIG)
    date = _BASIC_OFFSET.sub(r"\1:\2", meta.date) if meta.date else None
    return {"title": meta.title, "published_at": date, "author": meta.author, "dateline": None, "body": body}


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


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def gold_report(folders: list[Path]) -> None:
    """Field shares, body F1 and per-page time of Pantau and trafilatura on gold folders, side by side."""
    pages = [page for folder in folders for page in load_gold(folder)]
    if not pages:
        return
    print(f"== gold pages: {', '.join(str(f) for f in folders)}")
    extractors: dict[str, Callable[[bytes, str], dict[str, Any]]] = {
        "pantau": extract_html,
        "trafilatura": trafilatura_fields,
    }
    results: dict[str, list[PageResult]] = {}
    for name, extract in extractors.items():
        for page in pages:  # warm up (imports, language models loaded on first use): timings are per page after
            extract(page.html(), page.url)
        results[name] = list(run(pages, extract))
    for ours, theirs in zip(results["pantau"], results["trafilatura"], strict=True):
        wrong = [f for f in FIELDS if not ours.checks[f]]
        print(
            f"{ours.page.name[:48]:48s} pantau f1={ours.f1:.3f} {ours.seconds * 1000:5.0f} ms "
            f"wrong={','.join(wrong) or '-':28s} trafilatura f1={theirs.f1:.3f} {theirs.seconds * 1000:5.0f} ms"
        )
    print(f"{'':14s}" + "".join(f"{k:>13s}" for k in ("pantau", "trafilatura")))
    shares = {name: summary(res) for name, res in results.items()}
    for key in ("pages", "body_f1", *FIELDS, "all_fields"):
        print(f"{key:14s}" + "".join(f"{shares[name][key]:13.3f}" for name in extractors))
    for label, q in (("cpu_p99_s", 0.99), ("cpu_max_s", 1.0), ("wall_p99_s", 0.99), ("wall_max_s", 1.0)):
        key = "cpu_seconds" if label.startswith("cpu") else "seconds"
        values = {n: _quantile([getattr(r, key) for r in results[n]], q) for n in extractors}
        print(f"{label:14s}" + "".join(f"{values[n]:13.3f}" for n in extractors))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5, help="timing repetitions per page")
    ap.add_argument("--fundus", type=Path, help="fundus tests/resources/parser/test_data folder (unseen outlets)")
    ap.add_argument(
        "--gold", type=Path, action="append", default=[], help="another folder of real pages with a gold.json"
    )
    args = ap.parse_args()
    gold_report([f for f in [PAGES_REAL, *args.gold] if (f / "gold.json").is_file()])
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
