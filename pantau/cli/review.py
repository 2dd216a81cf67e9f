"""`pantau review ARTICLE_ID --status ...` and `pantau review list`: the review workflow of flagged articles."""

from __future__ import annotations

import argparse
import json
from typing import Any

from pantau.config import Settings
from pantau.errors import PantauError
from pantau.ops.review import STATUSES


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.ops import review
    from pantau.store.connect import open_store

    if args.target != "list" and not args.status:
        raise PantauError("pantau review ARTICLE_ID needs --status (ditinjau, diklarifikasi or diabaikan)")
    store = open_store(settings)
    try:
        if args.target == "list":
            status = None if args.status == "semua" else (args.status or "baru")
            found = review.list_reviews(store, status, size=args.size)
            if args.json:
                print(json.dumps(found, ensure_ascii=False, indent=2))
            else:
                for item in found:
                    rules = ",".join(item.get("flag_rules") or [])
                    state = (item.get("review") or {}).get("status", "")
                    print(f"{item['id']}\t{state}\t{item.get('outlet', '')}\t{rules}\t{item.get('title', '')}")
                print(f"{len(found)} article(s)")
        else:
            stored = review.update_review(
                store, args.target, args.status, note=args.note, clarification_url=args.clarification_url, by=args.by
            )
            print(json.dumps({"id": args.target, "review": stored}, ensure_ascii=False, indent=2))
    finally:
        store.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "review",
        help="record the review of a flagged article (baru -> ditinjau -> diklarifikasi | diabaikan), or list them",
        description="pantau review ARTICLE_ID --status STATUS [...]  |  pantau review list [--status baru]",
    )
    parser.add_argument("target", metavar="ARTICLE_ID|list")
    parser.add_argument("--status", choices=[*STATUSES, "semua"], help="new status; with list: which to show")
    parser.add_argument("--note", help="what was found or decided")
    parser.add_argument("--clarification-url", help="where the KPU's clarification was published (diklarifikasi)")
    parser.add_argument("--by", help="who reviewed it")
    parser.add_argument("--size", type=int, default=50, help="list: how many")
    parser.add_argument("--json", action="store_true", help="list: print JSON")
    parser.set_defaults(func=cmd_review)
