"""Seeded fuzz pages for extraction: mutations of real-shaped pages (truncation, tag soup, duplicated blocks, random
bytes, wrong or foreign encodings, huge repeats) and synthetic stress shapes (tens of thousands of tiny paragraphs,
deep nesting, link walls, one huge text node, thousands of scripts and JSON-LD blobs, giant tables, runs of <br>,
long attribute values, repeated nested divs). Used by tests/test_extract_fuzz.py and
benchmarks/bench_extract_fuzz.py; all text is generated here.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"
WORDS = (
    "pemilu",
    "kota",
    "suara",
    "calon",
    "rakyat",
    "partai",
    "kampanye",
    "daerah",
    "komisi",
    "panitia",
    "pemungutan",
    "bupati",
    "gubernur",
    "warga",
    "desa",
    "tahapan",
    "logistik",
    "kotak",
    "surat",
    "saksi",
    "pengawas",
    "rekapitulasi",
    "kecamatan",
    "provinsi",
    "debat",
    "visi",
    "misi",
    "program",
)


@dataclass(frozen=True)
class FuzzPage:
    shape: str  # how the page was made, e.g. "truncate(site:detik...)" or "tiny_paragraphs"
    html: bytes
    url: str


def site_pages(root: Path = SITE) -> list[tuple[str, bytes, str]]:
    """(name, bytes, url) of the sample site's article pages."""
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for entry in manifest.get("pages", []):
        path = root / (entry.get("file") or "")
        if entry.get("kind") == "article" and path.is_file():
            query = f"?{entry['query']}" if entry.get("query") else ""
            out.append((path.stem[:40], path.read_bytes(), f"https://{entry['domain']}{entry['path']}{query}"))
    return out


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _repeat(unit: Callable[[], str], size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        part = unit()
        parts.append(part)
        total += len(part)
    return "".join(parts)


def _page(body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Judul Berita Uji - Contoh</title>'
        f'<meta property="og:title" content="Judul Berita Uji">{head}</head><body>{body}</body></html>'
    )


def _ld(rng: random.Random) -> str:
    blob = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": _words(rng, 6),
            "datePublished": "2024-11-16T09:07:00+07:00", "articleBody": _words(rng, 30)}  # fmt: skip
    return f'<script type="application/ld+json">{json.dumps(blob)}</script>'


# Each stress shape fills about `size` characters.
STRESS: dict[str, Callable[[random.Random, int], str]] = {
    "tiny_paragraphs": lambda r, n: _page("<div>" + _repeat(lambda: f"<p>{r.choice(WORDS)}</p>", n) + "</div>"),
    "short_paragraphs": lambda r, n: _page("<div>" + _repeat(lambda: f"<p>{_words(r, 7)}</p>", n) + "</div>"),
    "paragraph_per_div": lambda r, n: _page(_repeat(lambda: f"<div><p>{_words(r, 8)}</p></div>", n)),
    "deep_nesting": lambda r, n: _page("<div>" * (n // 11) + f"<p>{_words(r, 60)}</p>" + "</div>" * (n // 11)),
    "deep_units": lambda r, n: _page(_repeat(lambda: "<div>" * 250 + f"<p>{_words(r, 150)}</p>" + "</div>" * 250, n)),
    "deep_links": lambda r, n: _page(
        "<div>" * 200
        + _repeat(lambda: f'<div><a href="/x">{_words(r, 3)}</a> {_words(r, 12)}</div>', n)
        + "</div>" * 200
    ),
    "link_wall": lambda r, n: _page(
        "<div>" + _repeat(lambda: f'<a href="/t/{r.random()}">{_words(r, 1)}</a> ', n) + "</div>"
    ),
    "linked_paragraphs": lambda r, n: _page(
        _repeat(lambda: f'<p><a href="/x">{_words(r, 5)}</a> {_words(r, 3)}</p>', n)
    ),
    "huge_text_node": lambda r, n: _page(f"<p>{_words(r, n // 7)}</p>"),
    "huge_word": lambda _r, n: _page("<p>" + "a" * n + "</p>"),
    "many_json_ld": lambda r, n: _page(f"<p>{_words(r, 80)}</p>", _repeat(lambda: _ld(r), n)),
    "many_scripts": lambda r, n: _page(
        _repeat(lambda: f'<script>var s = "{_words(r, 10)}";</script>', n) + f"<p>{_words(r, 80)}</p>"
    ),
    "giant_table": lambda r, n: _page(
        "<table>"
        + _repeat(lambda: "<tr>" + "".join(f"<td>{_words(r, 2)}</td>" for _ in range(20)) + "</tr>", n)
        + "</table>"
    ),
    "br_runs": lambda r, n: _page("<div>" + _repeat(lambda: _words(r, 4) + "<br>", n) + "</div>"),
    "br_only": lambda _r, n: _page("<div>" + "<br>" * (n // 4) + "</div>"),
    "long_attributes": lambda r, n: _page(
        _repeat(lambda: f'<div class="{"x" * 2000}" data-a="{"y" * 5000}"><p>{_words(r, 30)}</p></div>', n)
    ),
    "nested_divs": lambda r, n: _page(_repeat(lambda: f"<div><div><div><p>{_words(r, 30)}</p></div></div></div>", n)),
    "leaf_divs": lambda r, n: _page(_repeat(lambda: f"<div>{_words(r, 20)}</div>", n)),
    "nested_blocks": lambda r, n: _page(_repeat(lambda: "<div>" * 30 + f"<p>{_words(r, 30)}</p>" + "</div>" * 30, n)),
    "many_meta": lambda r, n: _page(
        f"<p>{_words(r, 80)}</p>", _repeat(lambda: f'<meta name="k{r.random()}" content="{_words(r, 5)}">', n)
    ),
    "many_time": lambda r, n: _page(_repeat(lambda: f"<time>{_words(r, 3)}</time>", n)),
    "list_wall": lambda r, n: _page("<ul>" + _repeat(lambda: f'<li><a href="/x">{_words(r, 8)}</a></li>', n) + "</ul>"),
    "unclosed_tags": lambda r, n: _page(_repeat(lambda: f"<div><p><b><i>{_words(r, 8)}", n)),
    "comment_soup": lambda r, n: _page(_repeat(lambda: f"<!-- {_words(r, 5)} --><p>{_words(r, 12)}<!-- x", n)),
    "unclosed_scripts": lambda r, n: _page(_repeat(lambda: f"<script>{_words(r, 3)}<style>", n)),
}


def _mutate(rng: random.Random, data: bytes, max_bytes: int) -> tuple[str, bytes]:
    kind = rng.choice(
        ["truncate", "tag_soup", "duplicate_block", "random_bytes", "encoding", "huge_repeat", "strip_close", "nul"]
    )
    n = len(data)
    if kind == "truncate":
        return kind, data[: rng.randrange(0, n + 1)]
    if kind == "tag_soup":
        out = bytearray(data)
        for _ in range(rng.randrange(1, 200)):
            i = rng.randrange(0, len(out) + 1)
            out[i:i] = rng.choice([b"<", b">", b"<div>", b"</p>", b"<p", b"<table><tr>", b"</div></div>", b"<a href="])
        return kind, bytes(out)
    if kind == "duplicate_block":
        i = rng.randrange(0, n)
        j = min(n, i + rng.randrange(1, 20_000))
        times = rng.randrange(2, max(3, max_bytes // max(j - i, 1)))
        return kind, data[:i] + data[i:j] * min(times, 200) + data[j:]
    if kind == "random_bytes":
        out = bytearray(data)
        for _ in range(rng.randrange(1, 500)):
            out[rng.randrange(0, len(out))] = rng.randrange(0, 256)
        return kind, bytes(out)
    if kind == "encoding":
        text = data.decode("utf-8", "replace")
        enc = rng.choice(["utf-16", "utf-16-le", "latin-1", "cp1252", "bom-utf8", "wrong-meta", "utf-32"])
        if enc == "bom-utf8":
            return f"{kind}:{enc}", b"\xef\xbb\xbf" + data
        if enc == "wrong-meta":
            return f"{kind}:{enc}", data.replace(b'charset="utf-8"', b'charset="shift_jis"').replace(
                b"charset=utf-8", b"charset=koi8-r"
            )
        return f"{kind}:{enc}", text.encode(enc, "replace")
    if kind == "huge_repeat":
        i = data.find(b"<p")
        j = data.find(b"</p>", i) + 4 if i >= 0 else -1
        unit = data[i:j] if 0 <= i < j else b"<p>x</p>"
        times = max(1, rng.randrange(max_bytes // 4, max_bytes) // max(len(unit), 1))
        return kind, data[: max(i, 0)] + unit * times + data[max(i, 0) :]
    if kind == "strip_close":
        return kind, data.replace(b"</", b"<")
    return kind, data.replace(b"<", b"\x00<", rng.randrange(1, 50))


def fuzz_pages(count: int, seed: int = 0, max_bytes: int = 1_000_000, stress_share: float = 0.25) -> Iterator[FuzzPage]:
    """`count` pages, the same ones for the same arguments: mutated sample-site pages, and (about `stress_share` of
    them) stress shapes of 1 KB to `max_bytes` (log-uniform)."""
    rng = random.Random(seed)
    bases = site_pages()
    for _ in range(count):
        if rng.random() < stress_share or not bases:
            name = rng.choice(sorted(STRESS))
            size = int(1000 * (max_bytes / 1000) ** rng.random())
            html = STRESS[name](rng, size).encode("utf-8")[:max_bytes]
            yield FuzzPage(f"{name}({len(html)} bytes)", html, "https://contoh.example/berita/2024/11/16/uji")
            continue
        name, data, url = rng.choice(bases)
        kind, html = _mutate(rng, data, max_bytes)
        for _ in range(rng.randrange(0, 2)):  # sometimes a second mutation on top
            more, html = _mutate(rng, html, max_bytes)
            kind = f"{kind}+{more}"
        yield FuzzPage(f"{kind}(site:{name}, {len(html)} bytes)", html[: max_bytes * 2], url)
