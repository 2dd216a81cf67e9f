"""`pantau claims add|list|remove`: the debunked-claims index `pantau-claims` (staff entries next to the ones that
fact-check desks' and the KPU's debunk articles produce on their own)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from pantau.config import Settings


def _store(settings: Settings) -> Any:
    from pantau.store.connect import open_store
    from pantau.store.templates import setup

    store = open_store(settings)
    setup(store)
    return store


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def cmd_claims(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store import claims_index

    store = _store(settings)
    try:
        if args.action == "add":
            entry = claims_index.add_claim(
                store,
                args.claim,
                args.url,
                verdict=args.verdict,
                fact=args.fact,
                date=args.date,
                province=args.province,
                regency=args.regency,
                region_code=args.code,
                added_by=args.by,
            )
            print(json.dumps({"added": entry.to_dict()}, ensure_ascii=False, indent=2))
        elif args.action == "remove":
            print(json.dumps({"removed": claims_index.remove_claim(store, args.id)}))
        else:
            found = claims_index.list_claims(store, origin=args.origin, size=args.size)
            if args.json:
                print(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
            else:
                for c in found:
                    print(f"{c.id}\t{c.origin}\t{c.verdict}\t{c.claim[:80]}\t{c.debunk_url}")
                print(f"{len(found)} claim(s)")
    finally:
        store.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("claims", help="add, list or remove entries of the debunked-claims index")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a debunked claim; new articles that assert it are flagged known_hoax")
    add.add_argument("claim", help="the false claim as it circulates (at least four words)")
    add.add_argument("--url", required=True, help="the debunk or clarification page (the flag's evidence link)")
    add.add_argument("--verdict", default="hoaks", help="hoaks, salah, disinformasi, ... (default hoaks)")
    add.add_argument("--fact", default="", help="the official fact that contradicts the claim")
    add.add_argument("--date", type=_day, help="date of the debunk (YYYY-MM-DD)")
    add.add_argument("--province", help="canonical province name")
    add.add_argument("--regency", help="canonical regency or city name")
    add.add_argument("--code", help="Kemendagri region code")
    add.add_argument("--by", default="", help="who added it")
    lst = actions.add_parser("list", help="list entries, newest first")
    lst.add_argument("--origin", choices=["facts", "debunk", "staff"], help="only entries of this origin")
    lst.add_argument("--size", type=_positive, default=200, help="at most this many entries (default 200)")
    lst.add_argument("--json", action="store_true")
    rm = actions.add_parser("remove", help="delete an entry by its id (see `pantau claims list`)")
    rm.add_argument("id")
    parser.set_defaults(func=cmd_claims)
