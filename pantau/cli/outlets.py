"""`pantau outlets [--json]`: list the outlet registry."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pantau.crawl.registry import Outlet


def _discovery_summary(outlet: Outlet) -> str:
    disc = outlet.discovery
    parts = [
        f"{label}:{len(items)}"
        for label, items in (
            ("news", disc.news_sitemaps),
            ("sitemap", disc.sitemaps),
            ("rss", disc.feeds),
            ("listing", disc.listings),
        )
        if items
    ]
    return " ".join(parts)


def render_table(outlets: list[Outlet]) -> str:
    rows = [("NAME", "DOMAIN", "PROVINCE", "PARSER", "DISCOVERY")]
    rows += [(o.name, o.key, o.province, o.family, _discovery_summary(o)) for o in outlets]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    provinces = {o.province for o in outlets if o.province != "national"}
    lines.append(f"{len(outlets)} outlets, {len(provinces)} provinces, {len({o.family for o in outlets})} families")
    return "\n".join(lines)


def cmd_outlets(args: argparse.Namespace, settings: Any = None) -> int:
    from pantau.crawl.registry import load_outlets

    outlets = load_outlets(args.registry)
    if args.json:
        data = [
            {
                "name": o.name,
                "domain": o.domain,
                "path_prefix": o.path_prefix,
                "province": o.province,
                "language": o.language,
                "parser": o.family,
                "home_url": o.home_url,
                "discovery": o.discovery.as_dict(),
                "pilkada_paths": list(o.pilkada_paths),
            }
            for o in outlets
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_table(outlets))
    return 0


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add `outlets` to the `pantau` sub-commands (func(args, settings) like the other commands)."""
    parser: argparse.ArgumentParser = subparsers.add_parser("outlets", help="list the outlet registry")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--registry", type=Path, default=None, help="registry file (default spiders/outlets.yaml)")
    parser.set_defaults(func=cmd_outlets)
    return parser
