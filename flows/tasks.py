"""What several flows share: the Prefect tasks after the crawl (process, index, alert) and the plain steps behind them.

Tasks with network IO retry with backoff; the transform (process) does not. Process reads the story state (one search
per article over the articles' band keys, plus band-key claims for new stories) and the debunked-claims index (one
`_msearch` per article), through the lookups it hands to the pure stages, and stores the entries that the batch's
debunk articles produced. Re-running any of them never duplicates: ids come from canonical URLs, claim entries have
idempotent ids, and alerts are keyed by story and rule.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from pantau.alerts.deliver import DeliveryReport, deliver, retry_failed
from pantau.alerts.triggers import plan_alerts
from pantau.config import Settings, load_settings
from pantau.crawl.registry import fact_check_outlets
from pantau.errors import PantauError
from pantau.ops.review import carry_reviews
from pantau.process.batch import BatchResult, process_batch
from pantau.process.stories import StoryIndex
from pantau.records import IndexedArticle, ProcessedArticle, RawArticle
from pantau.store.bulk import BulkResult, index_documents
from pantau.store.claims_index import StoreClaimLookup, store_claims
from pantau.store.client import Store
from pantau.store.connect import open_store
from pantau.store.story_index import StoreStoryLookup, prune_claims
from pantau.store.templates import setup
from pantau.text.dates import WIB

log = logging.getLogger(__name__)


def index_articles(store: Store, articles: list[ProcessedArticle]) -> BulkResult:
    now = datetime.now(WIB).isoformat(timespec="seconds")
    docs = carry_reviews(store, [a.to_index_doc(indexed_at=now) for a in articles])
    result = index_documents(store, "articles", docs)
    store.refresh("articles")
    return result


def scroll_articles(store: Store, query: dict[str, Any], batch: int = 500) -> Iterator[IndexedArticle]:
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
            yield IndexedArticle.from_dict(hit["_source"])
        after = hits[-1]["sort"]


NO_ENGINE_NOTE = "known claims: no search engine; matched against the static known_hoaxes of facts.json only"


def process_articles(settings: Settings, raw: list[RawArticle], store: Store | None) -> BatchResult:
    """Every processing stage over `raw` with the story state and the debunked-claims index of `store`: stories
    are looked up among the indexed articles (band keys on each document, `StoreStoryLookup`), the batch's debunk
    articles become entries (matched at once, then stored), every article's sentences are matched against the index.
    Without a store, stories are clustered within the batch, the static known_hoaxes are matched and each article
    says so."""
    legacy = settings.paths.var_dir / "stories.json"
    if legacy.is_file():
        log.warning("%s is no longer read: story state lives in the engine (README, Stories)", legacy)
    desks = fact_check_outlets()
    if store is None:
        result = process_batch(raw, StoryIndex(), None, fact_check_outlets=desks, claims_note=NO_ENGINE_NOTE)
    else:
        prune_claims(store)
        result = process_batch(raw, StoreStoryLookup(store), StoreClaimLookup(store), fact_check_outlets=desks)
        store_claims(store, result.claims, result.articles)  # a refused entry or a lost engine is a note, not a loss
    return result


@task(cache_policy=NO_CACHE)
def process(raw: list[RawArticle]) -> list[ProcessedArticle]:
    """Every processing stage (rows that were no article were skipped when the crawl was read), with the
    debunked-claims index of the engine when it answers."""
    settings = load_settings()
    try:
        store: Store | None = open_store(settings)
    except PantauError:
        store = None
    try:
        if store is not None:
            setup(store)
        return process_articles(settings, raw, store).articles
    finally:
        if store is not None:
            store.close()


@task(retries=3, retry_delay_seconds=[10, 60, 300], cache_policy=NO_CACHE)
def index(articles: list[ProcessedArticle]) -> dict[str, Any]:
    """Network IO: bulk into pantau-articles (dead letters for permanent rejects; retried while the engine is down)."""
    store = open_store(load_settings())
    try:
        setup(store)
        return index_articles(store, articles).summary()
    finally:
        store.close()


@task(retries=2, retry_delay_seconds=[10, 60], cache_policy=NO_CACHE)
def alert(article_ids: list[str], retry_failed_deliveries: bool = True) -> dict[str, Any]:
    """Network IO: plan alerts for the indexed articles and deliver them; then (unless told not to: a crawl shard
    leaves it to its cycle, which does it once) retry earlier failed or held deliveries, which runs even when no
    new article arrived (quiet nights must not strand an alert)."""
    settings = load_settings()
    store = open_store(settings)
    try:
        found = store.mget("articles", article_ids).values() if article_ids else []
        docs = [IndexedArticle.from_dict(doc) for doc in found]
        report = deliver(store, plan_alerts(store, docs, settings), settings)
        retried = retry_failed(store, settings) if retry_failed_deliveries else DeliveryReport()
        return {"planned": report.planned, "sent": report.sent, "failed": report.failed, "retried_sent": retried.sent}
    finally:
        store.close()
