"""The steps the Prefect flows chain, as plain functions: crawl, process, index, read back.

Network IO (crawl, index, search) and pure transforms (process) are separate functions, so each flow task retries
on its own. Every step is idempotent: ids come from canonical URLs, so a re-run updates instead of duplicating.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from pantau.bulk import BulkResult, index_documents
from pantau.config import Settings
from pantau.crawl import CrawlResult, run_crawl
from pantau.crawlplan import WIB
from pantau.errors import PantauError
from pantau.outlets import Outlet, select_outlets
from pantau.process import BatchResult, process_batch
from pantau.records import ProcessedArticle
from pantau.review import carry_reviews
from pantau.store import Store
from pantau.stories import StoryIndex
from pantau.urlmap import UrlMap

log = logging.getLogger(__name__)


def run_dir(settings: Settings, label: str) -> Path:
    stamp = datetime.now(WIB).strftime("%Y%m%dT%H%M%S%f")
    path = settings.paths.var_dir / "runs" / f"{stamp}-{label}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def crawl_outlet(
    settings: Settings, outlet: Outlet, since: datetime, out_dir: Path, site_base: str = "", **options: Any
) -> CrawlResult:
    """One outlet, one Scrapy subprocess; `site_base` serves it from a mapped address (the local sample site).
    Other keyword options (until, pilkada_only, max_articles_per_outlet, ...) go to `run_crawl`."""
    url_map = UrlMap.for_outlets(site_base, [outlet]) if site_base else None
    return run_crawl(settings, [outlet], since, out_dir, url_map=url_map, allow_private=bool(site_base), **options)


def stories_path(settings: Settings) -> Path:
    return settings.paths.var_dir / "stories.json"


def load_stories(settings: Settings) -> StoryIndex:
    path = stories_path(settings)
    if path.is_file():
        try:
            return StoryIndex.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            log.error("story state %s unreadable (%s); starting a new one", path, exc)
    return StoryIndex()


def save_stories(settings: Settings, stories: StoryIndex) -> None:
    path = stories_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(stories.to_dict()), encoding="utf-8")
    tmp.replace(path)


def process_raw(settings: Settings, raw: list[dict[str, Any]]) -> BatchResult:
    """Process raw articles with the story state of earlier runs, and keep the state for the next run."""
    stories = load_stories(settings)
    result = process_batch(raw, stories)
    save_stories(settings, stories)
    return result


def index_articles(store: Store, articles: list[ProcessedArticle]) -> BulkResult:
    docs = carry_reviews(store, [a.to_index_doc() for a in articles])
    now = datetime.now(WIB).isoformat(timespec="seconds")
    for doc in docs:
        doc["indexed_at"] = now
    result = index_documents(store, "articles", docs)
    store.refresh("articles")
    return result


def scroll_articles(store: Store, query: dict[str, Any], batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every article matching `query`, through the alias, in pages (search_after on the id)."""
    after: list[Any] | None = None
    while True:
        body: dict[str, Any] = {"size": batch, "query": query, "sort": [{"id": "asc"}]}
        if after:
            body["search_after"] = after
        hits = store.search("articles", body)["hits"]["hits"]
        if not hits:
            return
        for hit in hits:
            yield hit["_source"]
        after = hits[-1]["sort"]


__all__ = [
    "PantauError",
    "crawl_outlet",
    "index_articles",
    "process_raw",
    "run_dir",
    "scroll_articles",
    "select_outlets",
]
