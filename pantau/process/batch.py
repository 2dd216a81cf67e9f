"""Processing: raw articles in, processed articles out, one stage module per step.

The stages, each a module of `pantau.process`: clean -> language -> relevance (and topics) -> regions -> entities ->
claims -> stories (story clusters).

Known debunked claims (`pantau.process.claims.known_claims`) need the whole batch: its debunk articles
(`pantau.process.debunks`) become entries first (`BatchResult.claims`, which the flow writes to `pantau-claims`), then
every article's sentences are matched against the index the flow hands in (a `ClaimLookup`) plus those new entries.
Without a lookup, the static `known_hoaxes` of the fact base are matched in memory.

A stage that fails on one article leaves its fields at their defaults and a note in `process_notes`; it never
loses the article or the rest of the batch.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TypeVar

from pantau.config import Settings, load_settings
from pantau.process.claims import FactBase, check_claims, load_facts
from pantau.process.claims.known_claims import (
    ChainLookup,
    ClaimLookup,
    StaticClaimLookup,
    claims_from_facts,
    match_known_claims,
)
from pantau.process.clean import clean_text
from pantau.process.debunks import debunk_entries
from pantau.process.entities import EntityFinder
from pantau.process.language import detect_language
from pantau.process.regions import find_regions, load_gazetteer
from pantau.process.relevance import classify_topics, score_pilkada
from pantau.process.stories import Signature, StoryIndex, StoryItem, StoryLookup, assign_stories, signature
from pantau.records import KnownClaim, ProcessedArticle, RawArticle, Region

log = logging.getLogger(__name__)
T = TypeVar("T")

# Text beyond this many characters is kept in the record but not analysed (a wire dump or a broken page).
MAX_ANALYSED_CHARS = 100_000
# Claims and topics are judged on articles that are at least plausibly about the Pilkada.
CLAIMS_MIN_SCORE = 0.3
# A circulated post is short and often names no election at all ("SAH...JAKARTA 2 PUTARAN"): texts up to this many
# words are matched against the debunked claims whatever their relevance (a repeated hoax is itself on topic).
SHORT_POST_WORDS = 80


@dataclass
class BatchResult:
    articles: list[ProcessedArticle] = field(default_factory=list)
    # entries of the debunked-claims index that the batch's debunk articles produced (the flow stores them)
    claims: list[KnownClaim] = field(default_factory=list)


@cache
def _entity_finder() -> EntityFinder:
    gazetteer = load_gazetteer()

    def resolve(name: str) -> tuple[str, str] | None:
        places = gazetteer.lookup(name)
        return (places[0].code, places[0].name) if len(places) == 1 else None

    return EntityFinder(region_resolver=resolve)


def _stage(notes: list[str], name: str, fn: Callable[[], T]) -> T | None:
    """Run one stage; a failure becomes a note and None, never an exception that loses the article."""
    try:
        return fn()
    except Exception as exc:  # one stage failing must not lose the article
        log.exception("stage %s failed", name)
        notes.append(f"{name} failed: {type(exc).__name__}: {exc}"[:300])
        return None


def facts_for(settings: Settings | None = None) -> FactBase:
    """The fact base in use: [process] facts_file (PANTAU_PROCESS_FACTS_FILE) or the bundled one."""
    chosen = (settings or load_settings()).process.facts_file
    return load_facts(Path(chosen) if chosen else None)


def analyse(raw: RawArticle, facts: FactBase | None = None) -> ProcessedArticle:
    """Every per-article stage; the story id is assigned by `process_batch`, which sees the whole batch."""
    notes: list[str] = []
    title = clean_text(raw.title or "")
    body = clean_text(raw.body or "")
    text = body[:MAX_ANALYSED_CHARS]
    if len(body) > MAX_ANALYSED_CHARS:
        notes.append(f"body has {len(body)} characters; only the first {MAX_ANALYSED_CHARS} were analysed")
    if not body.strip():
        notes.append("empty body")
    if not raw.published_at:
        notes.append("no publication date")
    language = detect_language(text if text.strip() else title, assume_clean=True)
    relevance = _stage(notes, "relevance", lambda: score_pilkada(title, text, published_at=raw.published_at))
    score = relevance.score if relevance else 0.0
    on_topic = bool(relevance and (relevance.is_pilkada or score >= CLAIMS_MIN_SCORE))
    topics = (_stage(notes, "topics", lambda: classify_topics(title, text)) if on_topic else None) or []
    regions = (
        _stage(
            notes,
            "regions",
            lambda: find_regions(text, title=title, dateline=raw.dateline, outlet_province=raw.outlet_province),
        )
        or []
    )
    codes = [r.code for r in regions]
    entities = _stage(notes, "entities", lambda: _entity_finder().find(title, text, region_codes=codes or None)) or []
    flags = (
        _stage(
            notes,
            "claims",
            lambda: check_claims(
                title,
                text,
                published_at=raw.published_at,
                facts=facts,
                article_pilkada=bool(relevance and relevance.is_pilkada),
            ),
        )
        if on_topic
        else None
    ) or []
    sig = _stage(notes, "stories", lambda: signature(title, text))
    processed_at = datetime.now(UTC).isoformat(timespec="seconds")
    base = {name: getattr(raw, name) for name in RawArticle.field_names()}
    base.update(
        story_bands=list(sig.bands) if sig else [],
        story_minhash=sig.encoded() if sig else None,
        story_shingles=sig.size if sig else 0,
        story_at=raw.published_at or processed_at,
        title=title,
        body=body,
        language=language.code,
        language_confidence=round(language.confidence, 3),
        language_reason=language.reason,
        is_pilkada=bool(relevance and relevance.is_pilkada),
        pilkada_score=round(score, 3),
        topics=topics,
        regions=[Region(r.province, r.regency, r.code, round(r.score, 3)) for r in regions],
        entities=entities,
        flags=flags,
        word_count=len(body.split()),
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest()[:32] if body else None,
        processed_at=processed_at,
        process_notes=notes,
    )
    return ProcessedArticle(**base)


@cache
def static_lookup(facts: FactBase) -> StaticClaimLookup:
    """The fact base's own `known_hoaxes` as a lookup (the fallback when the engine's index is unavailable)."""
    return StaticClaimLookup(claims_from_facts(facts))


def _on_topic(article: ProcessedArticle) -> bool:
    return article.is_pilkada or article.pilkada_score >= CLAIMS_MIN_SCORE


def find_debunks(articles: Iterable[ProcessedArticle], fact_check_outlets: Collection[str] = ()) -> list[KnownClaim]:
    """Index entries from the Pilkada debunk articles among `articles` (fact-check desks, KPU clarifications)."""
    entries: list[KnownClaim] = []
    for a in articles:
        if not _on_topic(a):
            continue
        from_desk = bool(a.outlet and a.outlet in fact_check_outlets) or bool(
            a.outlet_domain and a.outlet_domain in fact_check_outlets
        )
        found = _stage(
            a.process_notes,
            "debunks",
            lambda a=a, desk=from_desk: debunk_entries(  # type: ignore[misc]
                url=a.canonical_url or a.url,
                title=a.title,
                body=a.body[:MAX_ANALYSED_CHARS],
                published_at=a.published_at,
                outlet=a.outlet,
                regions=a.regions,
                from_fact_check=desk,
            ),
        )
        entries.extend(found or [])
    return entries


def add_known_claims(
    article: ProcessedArticle, lookup: ClaimLookup, fallback: ClaimLookup | None = None, note: str | None = None
) -> None:
    """Append `known_hoax` flags for the article's sentences that assert an indexed debunked claim. A lookup that
    fails (the engine went away) leaves a note and the article is matched against `fallback` instead."""
    short_post = article.word_count + len(article.title.split()) <= SHORT_POST_WORDS
    if not (_on_topic(article) or short_post):
        return
    text = article.body[:MAX_ANALYSED_CHARS]
    try:
        found = match_known_claims(article.title, text, lookup, existing=article.flags)
    except Exception as exc:  # noqa: BLE001  # whatever the lookup raises (engine gone, timeout), the article is kept
        log.warning("known claims lookup failed: %s", exc)
        article.process_notes.append(f"known claims: index lookup failed ({type(exc).__name__}: {exc})"[:300])
        found = (
            _stage(
                article.process_notes,
                "known claims",
                lambda: match_known_claims(article.title, text, fallback, existing=article.flags),
            )
            if fallback is not None
            else None
        ) or []
    if note:
        article.process_notes.append(note)
    if found and not _on_topic(article):
        article.process_notes.append("known claims: a short text under the relevance threshold repeats a debunk")
    article.flags.extend(found)


def process_batch(
    articles: Iterable[RawArticle],
    stories: StoryIndex | StoryLookup | None = None,
    claims: ClaimLookup | None = None,
    *,
    fact_check_outlets: Collection[str] = (),
    claims_note: str | None = None,
    batch_debunks: bool = True,
) -> BatchResult:
    """Process a batch; syndicated copies in it (or among the earlier articles of `stories`) share a story_id.

    `stories` is the story lookup the flow hands in (`pantau.store.story_index.StoreStoryLookup`: the articles
    index); an in-memory `StoryIndex` (the default: a fresh one) also remembers the batch for the next call.

    `claims` is the debunked-claims index (the store-backed lookup the flow hands in); None matches the static
    `known_hoaxes` of the fact base in memory, and `claims_note` (say, "no engine") is then recorded on every
    article. The batch's own debunk articles (`fact_check_outlets`: names or domains of the registry's fact-check
    outlets) become entries first and are matched too (`batch_debunks`); they are returned in `claims`.

    An id given upstream is kept, so re-processing updates the same document. Input files are turned into
    records (with a reason for every row that does not fit) by `pantau.jsonl.read_records` before this.
    """
    stories = stories if stories is not None else StoryIndex()
    facts = facts_for()
    result = BatchResult([analyse(raw, facts) for raw in articles])
    result.claims = find_debunks(result.articles, fact_check_outlets)
    static = static_lookup(facts)
    lookup: ClaimLookup = claims if claims is not None else static
    fallback: ClaimLookup = static
    if result.claims and batch_debunks:
        fresh = StaticClaimLookup(result.claims)
        lookup, fallback = ChainLookup(lookup, fresh), ChainLookup(static, fresh)
    for article in result.articles:
        add_known_claims(article, lookup, fallback, claims_note)
    items = [StoryItem(a.id, _signature_of(a), a.story_at) for a in result.articles]
    assigned = stories.assign(items) if isinstance(stories, StoryIndex) else assign_stories(items, stories)
    for article in result.articles:
        got = assigned.get(article.id)
        article.story_id = got.story_id if got else article.id
        article.story_size = got.story_size if got else 1
        if got and got.note:
            article.process_notes.append(got.note[:300])
    return result


def _signature_of(article: ProcessedArticle) -> Signature | None:
    if not article.story_minhash:
        return None
    try:
        return Signature.decode(article.story_minhash, article.story_shingles)
    except ValueError:
        return None


__all__ = [
    "BatchResult",
    "add_known_claims",
    "analyse",
    "facts_for",
    "find_debunks",
    "process_batch",
    "static_lookup",
]
