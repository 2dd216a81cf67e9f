"""Regenerate the expected JSON of the stored parser pages after an intended change: `python -m tests.parsers.refresh`.

Options: `--pages` rebuilds the stored pages from the sample site first (tests/parsers/pages.py); `--check` writes
nothing and exits 1 when an expected file would change. Every change is printed field by field: review it before
committing, the JSON is the reference the registry test holds the parsers to.
"""

from __future__ import annotations

import argparse
import json
import sys

from tests.parsers.expected import extracted, outlet_pairs
from tests.parsers.pages import build_pages, stored_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.parsers.refresh", description=__doc__)
    parser.add_argument("--pages", action="store_true", help="rebuild the stored pages from the sample site first")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if an expected file would change")
    args = parser.parse_args(argv)
    if args.pages and not args.check:
        for path in build_pages():
            print(f"page {path.relative_to(path.parents[2])}")
    pairs = outlet_pairs()
    changed = 0
    for page in stored_pages():
        new = extracted(page, pairs)
        old = json.loads(page.json_path.read_text(encoding="utf-8")) if page.json_path.exists() else {}
        label = f"{page.family}/{page.version}/{page.name}"
        if new["family"] != page.family or new["version"] != page.version:
            print(f"WARNING {label}: parsed by {new['family']}.{new['version']}, stored under {page.version}")
        if new == old:
            continue
        changed += 1
        for key in new:
            if new[key] != old.get(key):
                print(f"{label}: {key}: {json.dumps(old.get(key), ensure_ascii=False)[:200]}")
                print(f"{' ' * len(label)}  -> {json.dumps(new[key], ensure_ascii=False)[:200]}")
        if not args.check:
            page.json_path.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{changed} expected file(s) {'would change' if args.check else 'written'}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
