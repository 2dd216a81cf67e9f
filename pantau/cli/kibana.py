"""`pantau kibana import`: load the saved objects (data views, searches, visualizations, dashboards) into Kibana."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pantau.config import Settings
from pantau.errors import ConfigError


def desk_url(settings: Settings) -> str:
    """Where the work list's clarification links open a report: PANTAU_DESK_URL ([desk] url), else the address
    `pantau desk` serves on ([desk] host and port)."""
    return settings.desk.link_url


def cmd_kibana_import(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.ops.kibana.importer import import_objects
    from pantau.ops.kibana.objects import default_ndjson

    conf = settings.kibana
    url = args.url or conf.url
    if not url:
        raise ConfigError("no Kibana URL: pass --url or set PANTAU_KIBANA_URL")
    # Credentials given on the command line replace those from the settings as a whole (never mixed).
    if args.api_key or args.user or args.password:
        user, password, api_key = args.user, args.password, args.api_key
    else:
        user, password, api_key = conf.user, conf.password, conf.api_key
    result = import_objects(
        url,
        args.file or default_ndjson(),
        user=user or None,
        password=password or None,
        api_key=api_key or None,
        space=args.space or conf.space or None,
        overwrite=not args.no_overwrite,
        ca_file=args.ca_file or conf.ca_file or None,
        verify_certs=conf.verify_certs,
        timeout=conf.timeout,
        desk_url=args.desk_url or desk_url(settings) or None,
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if not result["success"]:
        print(
            f"pantau: Kibana imported {result['successCount']} of {result['objects']} objects; failed:",
            file=sys.stderr,
        )
        for line in result["problems"]:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add `kibana import` to the `pantau` sub-commands."""
    parser: argparse.ArgumentParser = subparsers.add_parser("kibana", help="Kibana saved objects")
    actions = parser.add_subparsers(dest="kibana_action", required=True)
    imp = actions.add_parser("import", help="import infra/kibana/pantau.ndjson through Kibana's saved-objects API")
    imp.add_argument("--url", help="Kibana base URL (default PANTAU_KIBANA_URL)")
    imp.add_argument("--space", help="Kibana space id (default PANTAU_KIBANA_SPACE, else the default space)")
    imp.add_argument("--user", help="Kibana user (default PANTAU_KIBANA_USER)")
    imp.add_argument("--password", help="password (default PANTAU_KIBANA_PASSWORD; prefer the variable)")
    imp.add_argument("--api-key", dest="api_key", help="API key instead of user/password (PANTAU_KIBANA_API_KEY)")
    imp.add_argument("--ca-file", dest="ca_file", help="CA bundle for Kibana's TLS certificate")
    imp.add_argument("--file", type=Path, help="NDJSON file (default infra/kibana/pantau.ndjson)")
    imp.add_argument(
        "--desk-url",
        dest="desk_url",
        help="clarification desk base URL for the work list's links to <url>/report/<id> (default PANTAU_DESK_URL)",
    )
    imp.add_argument("--no-overwrite", action="store_true", help="report conflicts instead of overwriting")
    imp.set_defaults(func=cmd_kibana_import)
    return parser
