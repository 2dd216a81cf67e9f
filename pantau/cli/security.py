"""`pantau security role|apply`: the least-privilege `pantau_writer` role (for the configured index prefix), and
putting it, its user and the kibana_system password on Elasticsearch (as a user with manage_security)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pantau.config import Settings
from pantau.errors import PantauError


def cmd_security(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store import security

    if args.security_action == "role":
        print(json.dumps(security.writer_role(settings.search.index_prefix), indent=2))
        return 0
    if not args.password_stdin:
        raise PantauError("give the passwords on standard input with --password-stdin (never on the command line)")
    writer_password = sys.stdin.readline().rstrip("\r\n")
    kibana_password = sys.stdin.readline().rstrip("\r\n") if args.kibana_system else None
    from pantau.store.connect import open_store

    store = open_store(settings, start_embedded=False)
    try:
        report = security.apply_security(store, writer_password, kibana_password, user=args.user)
    finally:
        store.close()
    print(json.dumps({"url": store.info.url, "objects": report}, indent=2))
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "security", help="the pantau_writer role: print it, or put it and its user on Elasticsearch"
    )
    actions = parser.add_subparsers(dest="security_action", required=True)
    actions.add_parser("role", help="print the role body for the configured index prefix")
    apply = actions.add_parser(
        "apply",
        help="put the pantau_writer role and user (and the kibana_system password) as the configured admin user",
    )
    apply.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the writer's password from the first line of stdin (and kibana_system's from the second)",
    )
    apply.add_argument("--kibana-system", action="store_true", help="also set the kibana_system password (line 2)")
    apply.add_argument("--user", help="the writer's user name (default: pantau_writer)")
    parser.set_defaults(func=cmd_security)
