"""`pantau process --in RAW.jsonl --out OUT.jsonl`: run every processing stage over raw articles.

Known debunked claims are matched against `pantau-claims` when an engine answers (PANTAU_SEARCH_URL, or the embedded
node if it is running; processing never starts it), and the debunk entries the batch produced are stored there;
otherwise against the static known_hoaxes of the fact base, with a note on every article. Stories are clustered in
memory (`StoryIndex`, the in-memory story lookup): within the batch, and across runs with `--stories STATE.json`
(the flows keep story state in the engine instead)."""

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
    from pantau.crawl.registry import fact_check_outlets
    from pantau.jsonl import read_records
    from pantau.process.batch import process_batch
    from pantau.process.stories import StoryIndex
    from pantau.records import RawArticle
    from pantau.store.claims_index import StoreClaimLookup, store_claims

    items, problems = read_records(args.input, RawArticle.from_any_stage)
    stories = StoryIndex()
    if args.stories and args.stories.is_file():
        try:
            stories = StoryIndex.from_dict(json.loads(args.stories.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise PantauError(f"story state {args.stories} is unreadable ({exc}); remove it to start afresh") from exc
        except OSError as exc:
            raise PantauError(f"story state {args.stories} cannot be read: {exc}") from exc
    store, note = _claims_store(settings) if not args.no_engine else (None, "known claims: --no-engine")
    try:
        lookup = StoreClaimLookup(store) if store is not None else None
        result = process_batch(
            [raw for _n, raw in items],
            stories,
            lookup,
            fact_check_outlets=fact_check_outlets(),
            claims_note=note if store is None else None,
        )
        stored = store_claims(store, result.claims, result.articles) if store is not None else {}
    finally:
        if store is not None:
            store.close()
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
        "debunk_entries": len(result.claims),
        "claims_added": stored.get("created", 0),
        "claims_not_stored": stored.get("failed", 0),
        "claims_index": "engine" if lookup is not None else "static known_hoaxes (no engine)",
        "out": str(args.out),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def _claims_store(settings: Settings) -> tuple[Any, str | None]:
    """The engine for the debunked-claims index when one answers: PANTAU_SEARCH_URL, or the embedded node if it is
    already running (processing never starts one). Otherwise None and the note recorded on every article."""
    from pantau.store import node
    from pantau.store.client import Store
    from pantau.store.templates import setup

    if not settings.external_search and not node.status(settings).running:
        return None, "known claims: no search engine running; matched against the static known_hoaxes of facts.json"
    try:
        store = Store.connect(settings)
        setup(store)
    except PantauError as exc:
        return None, f"known claims: search engine unavailable ({exc}); matched against the static known_hoaxes"[:300]
    return store, None


def register(sub: Any) -> None:
    p = sub.add_parser("process", help="clean, detect language, classify, check claims and cluster raw articles")
    p.add_argument("--in", dest="input", type=Path, required=True, metavar="RAW.jsonl")
    p.add_argument("--out", type=Path, required=True, metavar="OUT.jsonl")
    p.add_argument(
        "--stories",
        type=Path,
        metavar="STATE.json",
        help="in-memory story state to resume from and save to, so copies across runs share a story (the old "
        "var/stories.json of monitor reads too)",
    )
    p.add_argument(
        "--no-engine",
        action="store_true",
        help="match claims against the static known_hoaxes only, without the debunked-claims index",
    )
    p.set_defaults(func=cmd_process)
