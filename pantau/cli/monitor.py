"""`pantau monitor --once` and `pantau backfill`: one cycle / a past date range through Prefect.

Both run the flow in this process (against `PREFECT_API_URL`, or Prefect's ephemeral local server when it is unset)
and print its JSON summary; on a terminal each shard's crawl shows a progress bar. The scheduled way is the
`monitor` deployment (prefect.yaml); `--dispatch deployment` sends the shards to the pool's workers from here too.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from pantau.config import Settings


def _prefect_env() -> None:
    # The ephemeral server (no PREFECT_API_URL) needs more than Prefect's default 20 s to start on a small machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


def cmd_monitor(args: argparse.Namespace, settings: Settings) -> int:
    if not args.once:
        print("pantau monitor: give --once (one cycle); scheduled cycles run as the `monitor` Prefect deployment")
        return 2
    _prefect_env()
    from flows.monitor import monitor

    summary = monitor(
        outlets=args.outlet,
        since=args.since,
        site_base=args.site_base,
        shard_size=args.shard_size,
        dispatch=args.dispatch,
    )
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 1 if summary.get("failed_shards") else 0


def cmd_backfill(args: argparse.Namespace, settings: Settings) -> int:
    _prefect_env()
    from flows.backfill import backfill

    summary = backfill(
        start=args.start,
        end=args.end,
        outlets=args.outlet,
        site_base=args.site_base,
        pilkada_only=not args.all,
        shard_size=args.shard_size,
        dispatch=args.dispatch,
    )
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 1 if summary.get("failed_shards") else 0


def _common(p: Any) -> None:
    p.add_argument("--outlet", action="append", metavar="NAME", help="outlet name or domain (repeatable)")
    p.add_argument("--site-base", metavar="URL", help="serve every outlet from URL/<domain>/ (a local site)")
    p.add_argument("--shard-size", type=int, metavar="N", help="outlets per shard (default [monitor] shard_size)")
    p.add_argument(
        "--dispatch",
        choices=["local", "deployment"],
        help="run the shards here, or as `shard` deployment runs on the pool's workers (default [monitor] dispatch)",
    )


def register(sub: Any) -> None:
    p = sub.add_parser("monitor", help="run one monitor cycle through Prefect (crawl shards, process, index, alert)")
    p.add_argument("--once", action="store_true", help="one cycle, then exit")
    p.add_argument("--since", help="crawl window: a date, date-time or span (default [monitor] window_hours)")
    _common(p)
    p.set_defaults(func=cmd_monitor)

    p = sub.add_parser("backfill", help="crawl a past date range through Prefect, then process, index, alert")
    p.add_argument("--start", required=True, help="first date or date-time (WIB when naive)")
    p.add_argument("--end", required=True, help="last date or date-time")
    p.add_argument("--all", action="store_true", help="do not restrict to Pilkada coverage at discovery time")
    _common(p)
    p.set_defaults(func=cmd_backfill)
