"""Quality of extraction on real saved pages with hand-made gold (`shared/data/pages_real/gold.json` and any other
folder in the same format: one `gold.json` mapping a page file name to its url, title, published_at, author,
dateline, body paragraphs and the `forbidden` boilerplate strings that must not survive in the body).

The pages stay outside the repository; this module reads them from a path. Each field is judged the way a reader
would: the title after folding whitespace and quote styles; the publication time to the minute, as an instant
(an offset-less or mislabelled time is wrong when it names another instant); authors as a set of names, case
folded; the dateline place case folded ("MATARAM" and "Mataram" are the same place, printed either way); the body by
token F1 (>= BODY_F1_OK counts as right) and by the absence of every forbidden string.

`python -m pantau.extract.quality DIR [DIR ...]` prints every page's wrong fields and the shares per field.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

BODY_F1_OK = 0.98
FIELDS = ("title", "published_at", "author", "dateline", "body", "clean")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "\u00a0": " "})


@dataclass(frozen=True)
class GoldPage:
    """One real page and what a careful reader takes from it."""

    name: str
    path: Path
    url: str
    title: str
    published_at: str | None
    author: str | None
    dateline: str | None
    body: tuple[str, ...]
    forbidden: tuple[str, ...]

    def html(self) -> bytes:
        return self.path.read_bytes()


def load_gold(folder: Path) -> list[GoldPage]:
    """The pages of one gold folder, in file-name order (pages whose file is absent are an error, not a skip)."""
    raw: dict[str, dict[str, Any]] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for name in sorted(raw):
        g = raw[name]
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(f"{folder / 'gold.json'} names {name}, which is not in {folder}")
        pages.append(
            GoldPage(
                name=name,
                path=path,
                url=g["url"],
                title=g.get("title") or "",
                published_at=g.get("published_at") or None,
                author=g.get("author") or None,
                dateline=g.get("dateline") or None,
                body=tuple(g.get("body") or ()),
                forbidden=tuple(g.get("forbidden") or ()),
            )
        )
    return pages


def token_f1(got: str, want: str) -> float:
    """Bag-of-words F1 of two texts (lower-cased word tokens)."""
    g, w = Counter(_TOKEN.findall(got.lower())), Counter(_TOKEN.findall(want.lower()))
    if not g and not w:
        return 1.0
    common = sum((g & w).values())
    if not common:
        return 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def _fold(text: str | None) -> str:
    return " ".join((text or "").translate(_QUOTES).split())


def _minute(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        return None  # an instant needs an offset
    return when.replace(second=0, microsecond=0)


def _authors(value: str | None) -> frozenset[str]:
    parts = re.split(r"\s*(?:,|;|\s&\s|\sdan\s|\sand\s)\s*", _fold(value).casefold())
    return frozenset(p for p in parts if p)


def field_checks(out: dict[str, Any], gold: GoldPage) -> dict[str, bool]:
    """{field: right?} for one extraction result against its gold."""
    body = out.get("body") or ""
    return {
        "title": _fold(out.get("title")) == _fold(gold.title),
        "published_at": _minute(out.get("published_at")) == _minute(gold.published_at),
        "author": _authors(out.get("author")) == _authors(gold.author),
        "dateline": _fold(out.get("dateline")).casefold() == _fold(gold.dateline).casefold(),
        "body": token_f1(body, "\n\n".join(gold.body)) >= BODY_F1_OK,
        "clean": not any(f in body for f in gold.forbidden),
    }


@dataclass(frozen=True)
class PageResult:
    page: GoldPage
    out: dict[str, Any]
    checks: dict[str, bool]
    f1: float
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU time: the fair measure on a shared, noisy machine

    @property
    def all_right(self) -> bool:
        return all(self.checks.values())


def run(pages: Iterable[GoldPage], extract: Callable[[bytes, str], dict[str, Any]]) -> Iterator[PageResult]:
    """Extract every page with `extract(html, url)` and judge it."""
    for page in pages:
        html = page.html()
        start, cpu = time.perf_counter(), time.process_time()
        out = extract(html, page.url)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        f1 = token_f1(out.get("body") or "", "\n\n".join(page.body))
        yield PageResult(page, out, field_checks(out, page), f1, seconds, cpu)


def summary(results: list[PageResult]) -> dict[str, float]:
    """Share of pages right per field, every field right, and the mean body F1."""
    n = max(len(results), 1)
    out: dict[str, float] = {"pages": len(results)}
    for name in FIELDS:
        out[name] = round(sum(r.checks[name] for r in results) / n, 3)
    out["all_fields"] = round(sum(r.all_right for r in results) / n, 3)
    out["body_f1"] = round(sum(r.f1 for r in results) / n, 4)
    return out


def _explain(result: PageResult) -> list[str]:
    g, out = result.page, result.out
    want = {"title": g.title, "published_at": g.published_at, "author": g.author, "dateline": g.dateline}
    lines = []
    for name, right in result.checks.items():
        if right:
            continue
        if name == "body":
            lines.append(f"    body: F1 {result.f1:.3f}")
        elif name == "clean":
            left = [f for f in g.forbidden if f in (out.get("body") or "")]
            lines.append(f"    clean: left in body {left!r}")
        else:
            lines.append(f"    {name}: got {out.get(name)!r} want {want[name]!r}")
    return lines


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m pantau.extract.quality GOLD_DIR [GOLD_DIR ...]", file=sys.stderr)
        return 2
    from pantau.extract import extract_html

    results: list[PageResult] = []
    for folder in argv:
        for result in run(load_gold(Path(folder)), extract_html):
            results.append(result)
            mark = "ok " if result.all_right else "   "
            print(f"{mark}{result.page.name[:48]:48} F1 {result.f1:.3f} {result.seconds * 1000:5.0f} ms "
                  f"{result.out.get('parser')}")  # fmt: skip
            for line in _explain(result):
                print(line)
    print(json.dumps(summary(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
