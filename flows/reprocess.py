"""Flow `reprocess`: re-run processing over indexed articles after the rules or the fact base change.

Reads through the `pantau-articles` alias (so it works across a migration), processes again, keeps each
article's id, story and review, and writes the result back (an update, never a duplicate). New flags alert like
any other; flags that disappeared simply go (the review history stays on the article).
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.tasks import alert, index_articles, scroll_articles
from pantau.config import load_settings
from pantau.process.batch import add_known_claims, analyse, facts_for, static_lookup
from pantau.records import ProcessedArticle
from pantau.store.claims_index import StoreClaimLookup
from pantau.store.connect import open_store


@task(retries=2, retry_delay_seconds=[10, 60], cache_policy=NO_CACHE)
def reprocess_range(since: str | None, batch_size: int) -> dict[str, Any]:
    settings = load_settings()
    store = open_store(settings)
    try:
        query: dict[str, Any] = {"range": {"published_at": {"gte": since}}} if since else {"match_all": {}}
        changed: list[str] = []
        seen = 0
        batch: list[ProcessedArticle] = []
        before: dict[str, list[str]] = {}
        facts = facts_for(settings)
        lookup, fallback = StoreClaimLookup(store), static_lookup(facts)
        for doc in scroll_articles(store, query, batch=batch_size):
            seen += 1
            article = analyse(doc.raw(), facts)  # the raw fields keep the document's id
            add_known_claims(article, lookup, fallback)  # debunks indexed since are matched too
            article.story_id = doc.story_id or article.id
            article.story_size = doc.story_size or 1
            before[article.id] = sorted(f.rule for f in doc.flags)
            batch.append(article)
            if len(batch) >= batch_size:
                changed += _write(store, batch, before)
                batch, before = [], {}
        if batch:
            changed += _write(store, batch, before)
        return {"reprocessed": seen, "flags_changed": changed}
    finally:
        store.close()


def _write(store: Any, batch: list[ProcessedArticle], before: dict[str, list[str]]) -> list[str]:
    index_articles(store, batch)
    return [a.id for a in batch if sorted(f.rule for f in a.flags) != before.get(a.id, [])]


@flow(name="reprocess")
def reprocess(since: str | None = None, batch_size: int = 200) -> dict[str, Any]:
    result = reprocess_range(since, batch_size)
    if result["flags_changed"]:
        result["alerts"] = alert(result["flags_changed"])
    get_run_logger().info(
        "reprocess: %d articles, %d with changed flags", result["reprocessed"], len(result["flags_changed"])
    )
    result["flags_changed"] = len(result["flags_changed"])
    return result
