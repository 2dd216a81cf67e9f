"""Language accuracy of detect_language on real public text, per language, at article and headline lengths.

The texts are read in place and never copied into the project. Sources (any combination):

  --nusax DIR       NusaX machine-translation folder (github.com/IndoNLP/nusax, datasets/mt/): CSV files whose columns
                    are the same sentences in indonesian, english, javanese, sundanese, ... (COLUMNS maps them to codes)
  --lines CODE=FILE one sentence (or post) per line, e.g. ms=tweets.txt; a .json file holding lists of strings works too
                    (CODE may carry a name after a slash, ms/social=FILE: the part before the slash is expected)
  --tokens CODE=FILE one token per line with an optional tag after a space (NER-style files, e.g. Malaya-Dataset
                    entities/NER-part1.txt); the stream is cut into pseudo-sentences of TOKENS_PER_SENTENCE tokens

Run: .venv/bin/python benchmarks/bench_language_real.py --nusax /path/nusax/datasets/mt --tokens ms=/path/NER-part1.txt

Article-like texts join 3-8 consecutive sentences (deterministic cycle); headlines are the first 6-12 words of one
sentence. Prints per language and length: texts, accuracy, and the most frequent wrong answers.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pantau.process.language import detect_language  # noqa: E402

COLUMNS = {"indonesian": "id", "english": "en", "javanese": "jv", "sundanese": "su"}
TOKENS_PER_SENTENCE = 18
ARTICLE_SIZES = (3, 5, 8, 4, 6, 7)
HEADLINE_WORDS = (6, 8, 10, 12)


def read_nusax(folder: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, code in COLUMNS.items():
                    text = (row.get(column) or "").strip()
                    if text:
                        out.setdefault(code, []).append(text)
    if not out:
        raise SystemExit(f"no NusaX CSV with columns {sorted(COLUMNS)} in {folder}")
    return out


def read_lines(path: Path) -> list[str]:
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        values = data.values() if isinstance(data, dict) else [data]
        return [str(s).strip() for group in values for s in group if str(s).strip()]
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_tokens(path: Path) -> list[str]:
    tokens = [line.split(" ")[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [" ".join(tokens[i : i + TOKENS_PER_SENTENCE]) + "." for i in range(0, len(tokens), TOKENS_PER_SENTENCE)]


def articles(sentences: list[str]) -> list[str]:
    out, i, k = [], 0, 0
    while i < len(sentences):
        size = ARTICLE_SIZES[k % len(ARTICLE_SIZES)]
        out.append(" ".join(sentences[i : i + size]))
        i, k = i + size, k + 1
    return out


def headlines(sentences: list[str]) -> list[str]:
    out = []
    for k, sentence in enumerate(sentences):
        words = sentence.rstrip(".").split()
        n = HEADLINE_WORDS[k % len(HEADLINE_WORDS)]
        if len(words) >= 6:
            out.append(" ".join(words[:n]))
    return out


def score(name: str, texts: list[str]) -> tuple[float, Counter[str]]:
    code = name.partition("/")[0]
    wrong: Counter[str] = Counter()
    for text in texts:
        found = detect_language(text).code
        if found != code:
            wrong[found] += 1
    return (1.0 - sum(wrong.values()) / len(texts)) if texts else 0.0, wrong


def parse_pairs(values: list[str]) -> list[tuple[str, Path]]:
    pairs = []
    for value in values:
        code, sep, path = value.partition("=")
        if not sep or not Path(path).is_file():
            raise SystemExit(f"expected CODE=FILE with an existing file, got {value!r}")
        pairs.append((code, Path(path)))
    return pairs


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nusax", type=Path)
    parser.add_argument("--lines", action="append", default=[])
    parser.add_argument("--tokens", action="append", default=[])
    parser.add_argument("--limit", type=int, default=400, help="texts per language and length")
    args = parser.parse_args(argv)
    corpus: dict[str, list[str]] = read_nusax(args.nusax) if args.nusax else {}
    for code, path in parse_pairs(args.lines):
        corpus.setdefault(code, []).extend(read_lines(path))
    for code, path in parse_pairs(args.tokens):
        corpus.setdefault(code, []).extend(read_tokens(path))
    if not corpus:
        raise SystemExit("give --nusax, --lines or --tokens")
    print(f"{'lang':9} {'length':9} {'texts':>6} {'accuracy':>9}  wrong answers")
    for code in sorted(corpus):  # code: expected language, optionally /name
        sentences = corpus[code]
        for label, texts in (("article", articles(sentences)), ("headline", headlines(sentences))):
            texts = texts[: args.limit]
            acc, wrong = score(code, texts)
            shown = ", ".join(f"{k}:{v}" for k, v in wrong.most_common(4))
            print(f"{code:9} {label:9} {len(texts):6d} {acc:9.3f}  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
