"""Per-article time of the relevance, topics, regions, entities, claim-check and story stages on ~600-word articles.

Run: .venv/bin/python benchmarks/bench_stages.py [--n 300]
Articles are the seed article padded with varied Pilkada sentences to about 600 words, each one different so
story clustering does real LSH work (plus every third article a syndicated copy of an earlier one).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from pantau.process.claims import check_claims
from pantau.process.claims.rules import load_rules
from pantau.process.claims.text import split_sentences
from pantau.process.entities import find_entities
from pantau.process.regions import find_regions
from pantau.process.relevance import classify_topics, score_pilkada
from pantau.process.stories import StoryIndex

SEED = Path("/work/shared/seed/rapimnas-kpu-2024.txt")
FILLER = [
    "KPU Kabupaten Ogan Ilir menggelar rapat pleno rekapitulasi hasil penghitungan suara tingkat kabupaten.",
    "Bawaslu Kota Palembang menemukan dugaan politik uang di dua kecamatan menjelang masa tenang.",
    "Paslon nomor urut 1 Herman Deru-Cik Ujang menggelar kampanye dialogis di Lubuklinggau.",
    "Polda Sumsel menyiagakan ribuan personel gabungan untuk mengamankan TPS rawan.",
    "Partisipasi pemilih ditargetkan mencapai 77,5 persen pada Pilkada Serentak 2024.",
    "Distribusi logistik surat suara ke daerah perairan menggunakan perahu motor.",
    "DKPP menggelar sidang etik terhadap anggota KPU kabupaten yang diadukan tim pemenangan.",
    "Warga diminta tidak mudah percaya hoaks yang beredar di media sosial soal hasil hitung cepat.",
    "Pemilih penyandang disabilitas mendapat pendampingan di TPS sesuai pilihannya.",
    "Pemerintah daerah telah mencairkan dana hibah Pilkada sesuai NPHD yang ditandatangani.",
]


def articles(n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """~600-word articles: real sentences (seed + filler) mixed with word salad from the same vocabulary, so each
    article is distinct; every third one is a syndicated copy (new dateline, first paragraph dropped)."""
    seed = SEED.read_text(encoding="utf-8")
    sentences = [s.strip() for s in seed.replace("\n", " ").split(". ") if len(s.split()) > 5] + FILLER
    vocab = seed.split() + " ".join(FILLER).split()
    out: list[tuple[str, str, str]] = []
    for i in range(n):
        if i % 3 == 2:
            title, body, _ = out[i - 2]
            out.append((f"Salinan: {title}", "PALEMBANG, MEDIA DAERAH - " + body.split("\n\n", 1)[-1], f"a{i}"))
            continue
        paragraphs = []
        words = 0
        while words < 600:
            real = rng.sample(sentences, 2)
            salad = " ".join(rng.choice(vocab) for _ in range(rng.randint(25, 45)))
            para = ". ".join(real) + ". " + salad.capitalize() + "."
            paragraphs.append(para)
            words += len(para.split())
        out.append((f"Pilkada Sumsel: laporan nomor {i}", "\n\n".join(paragraphs), f"a{i}"))
    return out


def bench(name: str, fn: Callable[[str, str, str], object], items: list[tuple[str, str, str]]) -> float:
    fn(*items[0])  # warm caches (data files, compiled matchers)
    start = time.perf_counter()
    for title, body, art_id in items:
        fn(title, body, art_id)
    per = (time.perf_counter() - start) / len(items) * 1000
    print(f"{name:28s} {per:7.3f} ms/article")
    return per


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    items = articles(args.n, random.Random(7))
    words = sum(len(b.split()) for _, b, _ in items) / len(items)
    print(f"{len(items)} articles, {words:.0f} words on average")
    total = 0.0
    total += bench("score_pilkada", lambda t, b, _: score_pilkada(t, b, published_at="2024-11-20"), items)
    total += bench("classify_topics", lambda t, b, _: classify_topics(t, b), items)
    total += bench("find_regions", lambda t, b, _: find_regions(b, title=t, outlet_province="Sumsel"), items)
    total += bench("find_entities", lambda t, b, _: find_entities(t, b), items)
    rules = load_rules()
    baseline = bench("split_sentences (baseline)", lambda _, b, __: split_sentences(b, rules), items)
    claims = bench("check_claims", lambda t, b, _: check_claims(t, b, published_at="2024-11-20"), items)
    print(f"{'check_claims / baseline':28s} {claims / baseline:7.1f}x")
    total += claims
    index = StoryIndex()
    total += bench("StoryIndex.add", lambda t, b, i: index.add(i, t, b, "2024-11-20T10:00:00+07:00"), items)
    print(f"{'all six':28s} {total:7.3f} ms/article; stories: {len({index.story_id(i) for *_, i in items})}")


if __name__ == "__main__":
    main()
