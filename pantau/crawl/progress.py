"""Crawl progress on a terminal (Rich), nothing at all otherwise: logs and worker output stay quiet.

The crawl process keeps `progress.json` current (spiders/outlet_spider.py); `pantau.crawl.runner.run_crawl` hands
each reading to a callback. `progress_display` gives one callback per label (one crawl, or one per shard) that
moves one bar: pages done of requests known so far, articles, sites given up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

ProgressCallback = Callable[[dict[str, Any]], None]


def on_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def progress_display(labels: list[str], enabled: bool | None = None) -> Iterator[dict[str, ProgressCallback]]:
    """label -> callback; an empty mapping (nothing shown) unless stderr is a terminal (or `enabled` says so)."""
    if not labels or not (on_terminal() if enabled is None else enabled):
        yield {}
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("pages · {task.fields[articles]} articles · {task.fields[down]} sites down"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        ids = {label: bar.add_task(label, total=None, articles=0, down=0) for label in labels}

        def updater(label: str) -> ProgressCallback:
            def update(data: dict[str, Any]) -> None:
                done = int(data.get("pages", 0)) + int(data.get("skips", 0))
                total = max(int(data.get("requests", 0)), done, 1)
                bar.update(
                    ids[label],
                    total=total,
                    completed=done,
                    articles=data.get("articles", 0),
                    down=data.get("sites_down", 0),
                )

            return update

        yield {label: updater(label) for label in labels}
