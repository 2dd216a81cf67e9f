"""`pantau desk [--host --port]` serves the clarification desk; `pantau desk user add|remove|list`: its accounts."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pantau.config import Settings
from pantau.errors import PantauError


def serve(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    from pantau.desk.app import create_app
    from pantau.desk.users import UserStore, users_path
    from pantau.store.connect import open_store
    from pantau.store.templates import setup

    store = open_store(settings)
    setup(store)  # idempotent: the audit index and the review fields the desk writes exist before the first page
    if not UserStore.of(settings).list():
        print(
            f"pantau desk: no accounts yet in {users_path(settings)}; create one with "
            "`pantau desk user add NAME --role admin --password-stdin`",
            file=sys.stderr,
        )
    print(f"pantau desk: serving on http://{host}:{port}/ (engine {store.info.url})", file=sys.stderr)
    uvicorn.run(create_app(settings, store), host=host, port=port, log_level="warning", proxy_headers=False)


def cmd_desk(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.desk.users import UserStore

    if args.desk_command is None:
        serve(settings, args.host or settings.desk.host, args.port or settings.desk.port)
        return 0
    users = UserStore.of(settings)
    if args.user_action == "add":
        if not args.password_stdin:
            raise PantauError("give the password on standard input with --password-stdin (never on the command line)")
        password = sys.stdin.readline().rstrip("\r\n")
        user = users.add(args.name, args.role, password, replace=args.replace)
        print(f"account {user.name} ({user.role}) saved in {users.path}")
    elif args.user_action == "remove":
        users.remove(args.name)
        print(f"account {args.name} removed")
    else:
        for user in users.list():
            print(f"{user.name}\t{user.role}")
    return 0


def register(sub: Any) -> None:
    from pantau.desk.users import ROLES

    parser = sub.add_parser(
        "desk",
        help="serve the clarification desk (web app for duty officers), or manage its accounts",
        description="pantau desk [--host HOST] [--port PORT] | pantau desk user add NAME --role ROLE --password-stdin",
    )
    parser.add_argument("--host", help="address to listen on (default [desk] host, 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (default [desk] port)")
    parser.set_defaults(func=cmd_desk, desk_command=None)
    desk_sub = parser.add_subparsers(dest="desk_command")
    user = desk_sub.add_parser("user", help="add, remove or list the desk's accounts")
    actions = user.add_subparsers(dest="user_action", required=True)
    add = actions.add_parser("add", help="create an account (or --replace its password and role)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, required=True, help="viewer reads, piket reviews and drafts, admin all")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    add.add_argument("--replace", action="store_true", help="overwrite an existing account")
    remove = actions.add_parser("remove", help="delete an account (its sessions end at once)")
    remove.add_argument("name")
    actions.add_parser("list", help="list the accounts and their roles")
