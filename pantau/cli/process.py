"""`pantau process --in RAW.jsonl --out OUT.jsonl`: run every processing stage over raw articles."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from pantau.config import Settings
from pantau.errors import PantauError


def cmd_process(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.jsonl import read_records
    from pantau.process.batch import process_batch
    from pantau.process.stories import StoryIndex
    from pantau.records import RawArticle

    items, problems = read_records(args.input, RawArticle.from_any_stage)
    stories = StoryIndex()
    if args.stories and args.stories.is_file():
        try:
            stories = StoryIndex.from_dict(json.loads(args.stories.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise PantauError(f"story state {args.stories} is unreadable ({exc}); remove it to start afresh") from exc
    result = process_batch([raw for _n, raw in items], stories)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for article in result.articles:
            fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    if args.stories:
        args.stories.write_text(json.dumps(stories.to_dict()), encoding="utf-8")
    for skip in problems:  # broken lines and rows that are no RawArticle, each with its reason
        print(f"pantau process: skipped {skip}", file=sys.stderr)
    langs = Counter(a.language for a in result.articles)
    summary = {
        "in": len(items) + len(problems),
        "processed": len(result.articles),
        "skipped": len(problems),
        "pilkada": sum(a.is_pilkada for a in result.articles),
        "flagged": sum(bool(a.flags) for a in result.articles),
        "stories": len({a.story_id for a in result.articles}),
        "languages": dict(langs.most_common()),
        "out": str(args.out),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("process", help="clean, detect language, classify, check claims and cluster raw articles")
    p.add_argument("--in", dest="input", type=Path, required=True, metavar="RAW.jsonl")
    p.add_argument("--out", type=Path, required=True, metavar="OUT.jsonl")
    p.add_argument(
        "--stories",
        type=Path,
        metavar="STATE.json",
        help="story-cluster state to resume from and save to, so copies across runs share a story",
    )
    p.set_defaults(func=cmd_process)
