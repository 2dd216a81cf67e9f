"""`pantau snapshot now|list|restore` and `pantau retention apply`: backups and retention for the operator."""

from __future__ import annotations

import argparse
import json
from typing import Any

from pantau.config import Settings


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_snapshot(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store import snapshots
    from pantau.store.connect import open_store

    store = open_store(settings)
    try:
        if args.snapshot_action == "now":
            _print(snapshots.snapshot_now(store))
        elif args.snapshot_action == "list":
            _print(snapshots.list_snapshots(store))
        else:
            mode: snapshots.RestoreMode = "replace" if args.replace else "rename"
            _print(snapshots.restore(store, args.name, mode=mode, confirm=args.yes))
    finally:
        store.close()
    return 0


def cmd_retention(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store.connect import open_store
    from pantau.store.retention import apply_retention

    store = open_store(settings)
    try:
        _print(apply_retention(store, dry_run=args.dry_run))
    finally:
        store.close()
    return 0


def register(subparsers: Any) -> None:
    """Add `snapshot` and `retention` to the `pantau` sub-commands."""
    parser = subparsers.add_parser("snapshot", help="take, list or restore snapshots of every Pantau index")
    actions = parser.add_subparsers(dest="snapshot_action", required=True)
    actions.add_parser("now", help="snapshot every index of the prefix now and wait for it").set_defaults(
        func=cmd_snapshot
    )
    actions.add_parser("list", help="the snapshots in the repository, oldest first").set_defaults(func=cmd_snapshot)
    rest = actions.add_parser(
        "restore",
        help="restore a snapshot into restored-<index> (default), or over the live indices with --replace --yes",
    )
    rest.add_argument("name", metavar="SNAPSHOT", help="the snapshot's name (see `pantau snapshot list`)")
    rest.add_argument(
        "--replace", action="store_true", help="close the live indices and restore over them (loses later writes)"
    )
    rest.add_argument("--yes", action="store_true", help="confirm --replace")
    rest.set_defaults(func=cmd_snapshot)

    ret = subparsers.add_parser(
        "retention",
        help="delete documents older than mappings/retention/rules.json allows (audit: whole old backing indices)",
    )
    ret_actions = ret.add_subparsers(dest="retention_action", required=True)
    apply = ret_actions.add_parser("apply", help="apply every rule now")
    apply.add_argument("--dry-run", action="store_true", help="count what would be deleted, delete nothing")
    apply.set_defaults(func=cmd_retention)
