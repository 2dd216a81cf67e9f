"""`pantau outlets [--json]`: list the outlet registry; `pantau outlets discover DOMAIN`: find an outlet's endpoints."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pantau.crawl.probe import DiscoveryResult
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

    if getattr(args, "outlets_command", None) == "discover":
        return cmd_discover(args, settings)

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
                "role": o.role,
                "unverified": o.unverified,
            }
            for o in outlets
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_table(outlets))
    return 0


def _target(args: argparse.Namespace) -> Outlet:
    """The registered outlet named (domain, domain + path or name), or an ad-hoc bare outlet for any other domain."""
    from pantau.crawl.registry import OutletRegistryError, load_outlets, parse_outlet

    wanted = args.domain.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    for outlet in load_outlets(args.registry):
        if wanted in (outlet.key.lower(), outlet.name.lower()) or (wanted == outlet.domain and not outlet.path_prefix):
            return outlet
    try:
        return parse_outlet({"name": wanted, "domain": wanted, "province": "national"}, 0)
    except OutletRegistryError as exc:
        raise OutletRegistryError(f"{args.domain!r} is neither a registered outlet nor a domain: {exc}") from exc


def render_discovery(result: DiscoveryResult) -> str:
    lines = [
        f"{result.outlet_key}: {len(result.endpoints)} endpoint(s) in {result.seconds:.1f}s, "
        f"{result.requests} request(s){', WordPress' if result.wordpress else ''}"
    ]
    if not result.reachable:
        lines.append(f"  unreachable: {result.error}")
    for ep in result.endpoints:
        newest = f", newest {ep.newest}" if ep.newest else ""
        lines.append(f"  {ep.kind:<13} {ep.url}  ({ep.items} entries, via {ep.found_by}{newest})")
    rejected = [p for p in result.probes if p.status != "ok"]
    if rejected:
        lines.append("  not kept:")
        lines += [f"    {p.url}  ({p.found_by}: {p.status})" for p in rejected]
    return "\n".join(lines)


def cmd_discover(args: argparse.Namespace, settings: Any = None) -> int:
    """Discover one outlet's endpoints from its domain, show them, and (unless --no-store) keep them in the engine."""
    from pantau.config import load_settings
    from pantau.crawl.probe import Limits, discover, http_fetcher
    from pantau.crawl.urlmap import UrlMap

    settings = settings or load_settings()
    outlet = _target(args)
    url_map = UrlMap.for_hosts(args.site_base, [outlet.domain]) if args.site_base else None
    limits = Limits(timeout=args.timeout, max_bytes=settings.crawl.max_page_bytes)
    fetch = http_fetcher(settings.crawl.full_user_agent, limits.max_bytes, url_map, bool(args.site_base))
    result = discover(outlet, fetch, limits)
    stored = None
    if not args.no_store:
        from pantau.store.connect import open_store
        from pantau.store.endpoints import ensure_index, record_discovery

        store = open_store(settings)
        ensure_index(store)
        stored = record_discovery(store, outlet.name, result)
    if args.json:
        print(json.dumps({**result.as_dict(), "stored": stored}, ensure_ascii=False, indent=2))
    else:
        print(render_discovery(result))
        if stored is not None:
            print(f"stored in {settings.search.index_prefix}-endpoints: {stored}")
    return 0 if result.endpoints else 1


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add `outlets` to the `pantau` sub-commands (func(args, settings) like the other commands)."""
    parser: argparse.ArgumentParser = subparsers.add_parser("outlets", help="list the outlet registry")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--registry", type=Path, default=None, help="registry file (default spiders/outlets.yaml)")
    parser.set_defaults(func=cmd_outlets)
    sub = parser.add_subparsers(dest="outlets_command")
    disc = sub.add_parser("discover", help="find an outlet's sitemaps and feeds from its domain and keep them")
    disc.add_argument("domain", metavar="DOMAIN", help="registered outlet (domain, domain/path, name) or any domain")
    disc.add_argument("--json", action="store_true", help="print JSON instead of text")
    disc.add_argument("--registry", type=Path, default=None, help="registry file (default spiders/outlets.yaml)")
    disc.add_argument("--no-store", action="store_true", help="only show what was found; do not write the engine")
    disc.add_argument("--timeout", type=float, default=4.0, help="seconds per request (default 4)")
    disc.add_argument("--site-base", metavar="URL", help="fetch the site from URL/<domain>/ (the local sample site)")
    disc.set_defaults(func=cmd_outlets)
    return parser
