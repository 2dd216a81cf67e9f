"""`pantau watch add|list|remove`: manage watchlists (saved queries in the percolator index)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from pantau.config import SEVERITIES, Settings


def _store(settings: Settings) -> Any:
    from pantau.store.connect import open_store
    from pantau.store.templates import setup

    store = open_store(settings)
    setup(store)
    return store


def cmd_watch(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.alerts import watchlists

    store = _store(settings)
    try:
        if args.action == "add":
            wl = watchlists.add_watchlist(
                store,
                settings,
                args.name,
                args.query,
                severity=args.severity,
                channels=args.channel or [],
                description=args.description,
                created_by=args.by,
                replace=args.replace,
            )
            print(json.dumps({"added": wl}, ensure_ascii=False, indent=2))
        elif args.action == "remove":
            print(json.dumps({"removed": watchlists.remove_watchlist(store, args.name)}))
        else:
            found = watchlists.list_watchlists(store)
            if args.json:
                print(json.dumps(found, ensure_ascii=False, indent=2))
            else:
                for wl in found:
                    channels = ",".join(wl.get("channels") or []) or "(default)"
                    print(f"{wl['id']}\t{wl.get('severity', '')}\t{channels}\t{wl.get('query_string', '')}")
                print(f"{len(found)} watchlist(s)")
    finally:
        store.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("watch", help="add, list or remove watchlists (saved queries that alert on new articles)")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="save a query over title and body; new matching articles alert")
    add.add_argument("name")
    add.add_argument("--query", required=True, help='query_string syntax, AND by default: "politik uang" Palembang')
    add.add_argument("--severity", choices=SEVERITIES, default="medium", help="severity of its alerts")
    add.add_argument(
        "--channel", action="append", metavar="NAME", help="channel name from PANTAU_ALERTS_CHANNELS (repeatable)"
    )
    add.add_argument("--description", default="")
    add.add_argument("--by", default="", help="who added it")
    add.add_argument("--replace", action="store_true", help="overwrite a watchlist of the same name")
    lst = actions.add_parser("list", help="list watchlists")
    lst.add_argument("--json", action="store_true")
    rm = actions.add_parser("remove", help="delete a watchlist")
    rm.add_argument("name")
    parser.set_defaults(func=cmd_watch)
