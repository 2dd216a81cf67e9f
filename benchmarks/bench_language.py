"""Language detection cost and accuracy against langdetect alone, measured in the same process.

Run: .venv/bin/python benchmarks/bench_language.py [--rounds N]

Prints, per ~600-word Indonesian article, the time of langdetect alone (fresh seeded detector, full text) and of
detect_language (cleaning + sampled langdetect + lingua + markers; and with assume_clean=True), their ratio
(target <= 1.3), and the accuracy of both on the labelled texts in tests/test_language.py, plus whether sampling
long texts for langdetect changed any label.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pantau import language  # noqa: E402
from pantau.process.clean import clean_text  # noqa: E402
from tests.test_language import SAMPLES  # noqa: E402

SEED = Path("/work/shared/seed/rapimnas-kpu-2024.txt")


def articles_600_words() -> list[str]:
    """~600-word Indonesian articles built from the labelled Indonesian samples (and the seed article if present)."""
    parts = [text for code, text in SAMPLES.values() if code == "id"]
    if SEED.exists():
        parts.insert(0, SEED.read_text(encoding="utf-8"))
    out = []
    for shift in range(len(parts)):
        rotated = parts[shift:] + parts[:shift]
        words: list[str] = []
        paragraphs: list[str] = []
        for text in rotated * 3:
            for para in text.split("\n"):
                if para.strip() and len(words) < 600:
                    paragraphs.append(para.strip())
                    words.extend(para.split())
        out.append("\n\n".join(paragraphs))
    return out


def langdetect_alone(text: str) -> str:
    detector = language._langdetect_factory().create()
    detector.append(text)
    return str(detector.detect())


def timed(fns: dict[str, Callable[[str], object]], texts: dict[str, list[str]], rounds: int) -> dict[str, float]:
    """CPU seconds per text for each function; rounds interleave the functions and the best round counts, so
    other processes on the machine disturb the ratio as little as possible."""
    best = {name: float("inf") for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            start = time.process_time()
            for t in texts[name]:
                fn(t)
            best[name] = min(best[name], (time.process_time() - start) / len(texts[name]))
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    language.warm_up()
    texts = articles_600_words()
    cleaned = [clean_text(t) for t in texts]
    words = statistics.mean(len(t.split()) for t in texts)
    for t in texts[:2]:
        langdetect_alone(t)
        language.detect_language(t)

    fns: dict[str, Callable[[str], object]] = {
        "base": langdetect_alone,
        "ours": language.detect_language,
        "ours_clean": lambda t: language.detect_language(t, assume_clean=True),
        "clean": clean_text,
    }
    inputs = {"base": texts, "ours": texts, "ours_clean": cleaned, "clean": texts}
    best = timed(fns, inputs, args.rounds)
    base, ours, ours_clean, clean_only = best["base"], best["ours"], best["ours_clean"], best["clean"]
    print(f"articles: {len(texts)} x ~{words:.0f} words")
    print(f"langdetect alone:                 {base * 1000:7.2f} ms/article")
    print(f"clean_text alone:                 {clean_only * 1000:7.2f} ms/article")
    print(f"detect_language (raw text):       {ours * 1000:7.2f} ms/article  ratio {ours / base:.2f}")
    print(f"detect_language (assume_clean):   {ours_clean * 1000:7.2f} ms/article  ratio {ours_clean / base:.2f}")
    print(f"throughput detect_language (raw): {1 / ours:7.1f} articles/s (CPU time, one core)")

    hits_ld = hits_ours = 0
    for name, (expected, text) in SAMPLES.items():
        got = language.detect_language(text).code
        try:
            ld = langdetect_alone(clean_text(text))
        except Exception:  # noqa: BLE001  # langdetect raises on featureless text
            ld = "und"
        hits_ours += got == expected
        hits_ld += ld == expected
        if got != expected:
            print(f"  miss: {name}: expected {expected}, got {got}")
    n = len(SAMPLES)
    print(f"accuracy on {n} labelled texts: detect_language {hits_ours}/{n}, langdetect alone {hits_ld}/{n}")

    # Sampling check: langdetect on the sample vs on the full text, for every long text.
    changed = 0
    long_texts = [t for t in texts + [s for _, s in SAMPLES.values()] if len(t) > language.SAMPLE_HEAD]
    for t in long_texts:
        c = clean_text(t)
        full = language._langdetect(c)
        part = language._langdetect(language._sample(c))
        changed += max(full, key=full.__getitem__) != max(part, key=part.__getitem__)
    print(f"sampling for langdetect changed the label of {changed}/{len(long_texts)} long texts")


if __name__ == "__main__":
    main()
