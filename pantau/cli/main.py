"""The `pantau` command."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pantau import __version__
from pantau.config import Settings, load_settings
from pantau.errors import ConfigError, PantauError

# Sub-commands kept in their own modules (pantau/cli/<name>.py, each with `register(subparsers)`).
COMMAND_MODULES: tuple[str, ...] = (
    "pantau.cli.extract",
    "pantau.cli.outlets",
    "pantau.cli.crawl",
    "pantau.cli.monitor",
    "pantau.cli.process",
    "pantau.cli.kibana",
    "pantau.cli.watch",
    "pantau.cli.review",
    "pantau.cli.facts",
    "pantau.cli.claims",
    "pantau.cli.desk",
    "pantau.cli.deploy",
    "pantau.cli.security",
    "pantau.cli.snapshot",
)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# --- commands -------------------------------------------------------------------------------------------------


def cmd_engine(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store import node

    action = {"start": node.start, "stop": node.stop, "status": node.status}[args.action]
    result = action(settings)
    if args.url:
        print(result.url)
    else:
        _print_json(result.as_dict())
    return 0 if args.action != "status" or result.running or settings.external_search else 3


def cmd_setup(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.process.batch import facts_for
    from pantau.store.claims_index import seed_from_facts
    from pantau.store.connect import open_store
    from pantau.store.lifecycle import setup_lifecycles
    from pantau.store.snapshots import setup_snapshots
    from pantau.store.templates import setup

    store = open_store(settings)
    report = setup(store)
    report += setup_lifecycles(store)  # ILM/ISM policies of the rolling kinds, or that Pantau applies them itself
    report.append(seed_from_facts(store, facts_for(settings)))  # the static known_hoaxes, idempotent ids
    report += setup_snapshots(store)  # the repository and the daily policy, or why the cluster takes none
    _print_json({"engine": f"{store.flavour} {store.info.version}", "url": store.info.url, "objects": report})
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store.connect import open_store
    from pantau.store.templates import migrate

    store = open_store(settings)
    _print_json(migrate(store, args.kind, delete_old=args.delete_old))
    return 0


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.jsonl import read_jsonl
    from pantau.records import ProcessedArticle
    from pantau.store.bulk import BulkUnavailableError, index_documents
    from pantau.store.connect import open_store
    from pantau.store.templates import setup

    store = open_store(settings)
    setup(store)
    items, skips = read_jsonl(args.input)

    def docs() -> Iterator[dict[str, Any]]:
        for _number, obj in items:
            try:
                yield ProcessedArticle.from_any_stage(obj).to_index_doc()
            except (ValueError, TypeError) as exc:
                skips.append({"id": obj.get("id"), "url": obj.get("url"), "reason": str(exc)})

    try:
        result = index_documents(store, "articles", docs())
    except BulkUnavailableError as exc:
        _print_json({**exc.result.summary(), "skipped": skips, "not_indexed": len(exc.pending)})
        raise
    store.refresh("articles")
    _print_json({**result.summary(), "skipped": skips})
    return 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store.connect import open_store

    store = open_store(settings)
    body = {
        "size": args.size,
        "query": {"multi_match": {"query": args.query, "fields": ["title^3", "body"]}},
        "_source": ["title", "url", "outlet", "published_at", "province", "flag_rules", "story_id"],
    }
    result = store.search("articles", body)
    hits = result["hits"]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else hits["total"]
    _print_json({"total": total, "hits": [{"score": h["_score"], **h["_source"]} for h in hits["hits"]]})
    return 0


def cmd_deadletter(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store import deadletter
    from pantau.store.connect import open_store

    store = open_store(settings)
    _print_json(deadletter.list_letters(store, size=args.size, include_resolved=args.all))
    return 0


def cmd_info(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.store.connect import open_store
    from pantau.store.security import identity
    from pantau.store.templates import alias_indices, load_specs

    store = open_store(settings, start_embedded=False)
    aliases = {store.name(kind): alias_indices(store, kind) for kind in load_specs()}
    _print_json(
        {
            "flavour": store.flavour,
            "version": store.info.version,
            "cluster": store.info.cluster_name,
            "url": store.info.url,
            "identity": identity(store).as_dict(),
            "aliases": aliases,
        }
    )
    return 0


def cmd_config(args: argparse.Namespace, settings: Settings) -> int:
    import os

    from pantau.config import unknown_variables

    for name in unknown_variables(dict(os.environ)):
        print(f"pantau: {name} is not a variable Pantau reads", file=sys.stderr)
    data = settings.redacted()
    data["paths"]["var_dir"] = str(settings.paths.var_dir)
    _print_json(data)
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from pantau.devtools.demo import demo

    return demo(settings, desk=args.desk)


# --- parser ---------------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pantau", description="Media monitoring of Pilkada coverage for the KPU.")
    parser.add_argument("--version", action="version", version=f"pantau {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("engine", help="start, stop or inspect the embedded OpenSearch node")
    p.add_argument("action", choices=["start", "stop", "status"])
    p.add_argument("--url", action="store_true", help="print only the node's URL")
    p.set_defaults(func=cmd_engine)

    p = sub.add_parser(
        "setup", help="apply index templates, indices, aliases, the snapshot repository and policy (idempotent)"
    )
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("migrate", help="move a kind to its current mapping version: reindex + alias swap")
    p.add_argument("kind", help="articles, alerts, watchlists, deadletter or claims")
    p.add_argument("--delete-old", action="store_true", help="delete the old index after the swap")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("index", help="index processed articles from a JSONL file")
    p.add_argument("--in", dest="input", type=Path, required=True, metavar="FILE.jsonl")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="full-text search over the articles alias")
    p.add_argument("query")
    p.add_argument("--size", type=int, default=10)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("deadletter", help="list documents the engine rejected, with the reason")
    p.add_argument("--size", type=int, default=20)
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.set_defaults(func=cmd_deadletter)

    p = sub.add_parser("info", help="which engine answers, as whom, and where each alias points")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("config", help="print the effective configuration (secrets masked)")
    p.set_defaults(func=cmd_config)

    p = sub.add_parser("demo", help="run the offline demo")
    p.add_argument("--desk", action="store_true", help="then serve the clarification desk on the demo's data")
    p.set_defaults(func=cmd_demo)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        settings = load_settings()
        return int(args.func(args, settings))
    except ConfigError as exc:
        print(f"pantau: configuration error: {exc}", file=sys.stderr)
        return 2
    except PantauError as exc:
        print(f"pantau: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
