"""`pantau extract FILE --url URL [--family F]`: print the article JSON of one saved page."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from pantau.errors import PantauError


def read_page_bytes(path: Path) -> bytes:
    """The bytes of a saved page; `.gz` files are decompressed. Raises PantauError with a clear message."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PantauError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise PantauError(f"cannot decompress {path}: {exc}") from exc
    return data


def cmd_extract(args: argparse.Namespace, settings: Any = None) -> int:
    from pantau.extract import extract_html

    data = read_page_bytes(Path(args.file))
    result = extract_html(data, args.url, family=args.family, encoding=args.encoding)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command on its own (for tests and scripts); errors exit 1 with a message on stderr."""
    parser = argparse.ArgumentParser(prog="pantau")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args, None))
    except PantauError as exc:
        print(f"pantau: error: {exc}", file=sys.stderr)
        return 1


def register(subparsers: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser("extract", help="extract the article fields of a saved page")
    p.add_argument("file", help="saved HTML page (.html or .html.gz)")
    p.add_argument("--url", required=True, help="the page's URL (chooses the parser family)")
    p.add_argument("--family", default=None, help="force a parser family (or 'generic')")
    p.add_argument("--encoding", default=None, help="the page's encoding when known (e.g. from HTTP headers)")
    p.set_defaults(func=cmd_extract)
    return p


if __name__ == "__main__":
    sys.exit(main())
