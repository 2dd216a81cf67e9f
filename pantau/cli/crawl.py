"""`pantau crawl [--outlet NAME ...] [--since DATE] --out DIR`: crawl registered outlets into JSONL files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pantau.config import Settings


def cmd_crawl(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.crawl.plan import parse_since
    from pantau.crawl.progress import progress_display
    from pantau.crawl.registry import select_outlets
    from pantau.crawl.runner import run_crawl
    from pantau.crawl.urlmap import UrlMap

    outlets = select_outlets(args.outlet, args.registry)
    url_map = UrlMap.for_outlets(args.site_base, outlets) if args.site_base else None
    from pantau.store.endpoints import with_discovered_endpoints

    outlets = with_discovered_endpoints(settings, outlets, url_map, allow_private=bool(args.site_base))
    with progress_display([f"crawl of {len(outlets)} outlet(s)"]) as bars:
        result = run_crawl(
            settings,
            outlets,
            parse_since(args.since, settings.crawl.since_days),
            args.out,
            url_map=url_map,
            use_seen=not args.no_seen,
            pilkada_only=False if args.all else None,
            allow_private=bool(args.site_base),
            on_progress=next(iter(bars.values()), None),
        )
    stats: dict[str, Any] = dict(result.stats)
    stats["skips"] = len(stats.get("skips", []))
    stats["layout_drift"] = result.drifting
    stats["out"] = str(result.out_dir)
    print(json.dumps(stats, ensure_ascii=False, indent=2))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("crawl", help="crawl registered outlets (Scrapy, in a subprocess) into JSONL per outlet")
    p.add_argument("--outlet", action="append", metavar="NAME", help="outlet name or domain (repeatable)")
    p.add_argument("--since", help="only articles from this date/time (2024-11-20, 2024-11-20T08:00+07:00, 3d, 12h)")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    p.add_argument("--all", action="store_true", help="do not restrict to Pilkada coverage at discovery time")
    p.add_argument("--no-seen", action="store_true", help="ignore the seen state: fetch even indexed articles")
    p.add_argument("--registry", type=Path, default=None, help="outlet registry file (default spiders/outlets.yaml)")
    p.add_argument(
        "--site-base",
        metavar="URL",
        help="serve every outlet from URL/<domain>/ (the local sample site); allows loopback addresses",
    )
    p.set_defaults(func=cmd_crawl)
