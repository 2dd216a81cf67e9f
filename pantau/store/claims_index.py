"""The debunked-claims index `pantau-claims`: add, list and remove entries, seed it from the fact base, and the
store-backed `ClaimLookup` the flow hands to the known-claims stage.

One document per `KnownClaim` (mappings/claims.json), id = the entry's id: `facts-<id>` for the static known_hoaxes
of the fact base, `db-<hash of debunk URL and claim>` for entries from debunk articles, `staff-<hash of the claim>`
for entries added with `pantau claims add`; writing the same entry again changes nothing.

`StoreClaimLookup.candidates` sends one `_msearch` per article (one BM25 `match` on `claim` per sentence, at most
`lookup.max_sentences` sentences and `lookup.per_sentence` hits each, with a per-search timeout); after one failure
it fails fast for the rest of the batch, so an engine that went away costs one timeout, not one per article.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

from pantau.errors import PantauError, SearchRequestError
from pantau.process.claims.facts import FactBase
from pantau.process.claims.known_claims import Candidate, Matching, claims_from_facts, load_matching
from pantau.records import KnownClaim, ProcessedArticle, RecordError
from pantau.store.client import Store
from pantau.text.dates import parse_indonesian_datetime

log = logging.getLogger(__name__)

KIND = "claims"
MAX_LIST = 10_000
ORIGINS = ("facts", "debunk", "staff")
_SPACE = re.compile(r"\s+")
_HTTP_URL = re.compile(r"https?://\S+")
# fields that make an entry what it is; added_at/added_by of a stored entry are kept when it is written again
_CONTENT = ("claim", "verdict", "debunk_url", "fact", "date", "province", "regency", "region_code", "origin", "outlet")


class ClaimsIndexError(PantauError):
    """An entry that cannot be added, found or removed (`refused`: the ids of the entries the engine refused,
    `counts`: what `add_claims` did store)."""

    def __init__(self, message: str, refused: Sequence[str] = (), counts: dict[str, int] | None = None) -> None:
        super().__init__(message)
        self.refused = list(refused)
        self.counts = counts or {}


class LookupUnavailableError(PantauError):
    """The claims index did not answer a lookup (the caller falls back to the static claims)."""


def staff_id(claim: str) -> str:
    key = _SPACE.sub(" ", claim.strip().lower())
    return "staff-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def iso_date(value: str | None) -> str | None:
    """The ISO form the index's `date` field takes: an ISO date or datetime as it is, any other date text the
    project's date parsing reads as its day ("2024-11-20 10:00:00" -> "2024-11-20"), else None (dropped)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat() if len(text) <= 10 else datetime.fromisoformat(text).isoformat()
    except ValueError:
        parsed = parse_indonesian_datetime(text)
        return parsed.date().isoformat() if parsed else None


def _day(text: str) -> str:
    """A staff entry's date: YYYY-MM-DD or refused here (not by the engine)."""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ClaimsIndexError(f"the date must be YYYY-MM-DD, got {text!r}") from None


def _doc(claim: KnownClaim) -> dict[str, Any]:
    doc = {k: v for k, v in claim.to_dict().items() if v not in (None, "")}
    if "date" in doc:
        fixed = iso_date(doc["date"])
        if fixed:
            doc["date"] = fixed
        else:
            del doc["date"]
    return doc


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all((a.get(k) or None) == (b.get(k) or None) for k in _CONTENT)


def add_claims(store: Store, claims: Sequence[KnownClaim], refresh: bool = True) -> dict[str, int]:
    """Write entries (one bulk request); an entry already stored with the same content is left alone.
    Returns {"created": n, "updated": n, "unchanged": n}."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    if not claims:
        return counts
    unique = {c.id: c for c in claims}
    stored = store.mget(KIND, list(unique))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    lines: list[str] = []
    kinds: dict[str, str] = {}
    for cid, claim in unique.items():
        doc = _doc(claim)
        before = stored.get(cid)
        if before is not None and _same(before, doc):
            counts["unchanged"] += 1
            continue
        kinds[cid] = "updated" if before is not None else "created"
        counts[kinds[cid]] += 1
        doc.setdefault("added_at", (before or {}).get("added_at") or now)
        if before and before.get("added_by") and "added_by" not in doc:
            doc["added_by"] = before["added_by"]
        lines.append(json.dumps({"index": {"_index": store.name(KIND), "_id": cid}}))
        lines.append(json.dumps(doc, ensure_ascii=False))
    if lines:
        params = {"refresh": "true"} if refresh else None
        result = store.request("POST", "/_bulk", body="\n".join(lines) + "\n", params=params)
        refused = [item["index"] for item in result.get("items", []) if item.get("index", {}).get("error")]
        if refused:
            ids = [str(item.get("_id")) for item in refused]
            for cid in ids:
                if cid in kinds:
                    counts[kinds[cid]] -= 1
            raise ClaimsIndexError(
                f"the engine refused {len(refused)} claim(s): {json.dumps(refused[0]['error'])[:300]}", ids, counts
            )
    return counts


def store_claims(
    store: Store, claims: Sequence[KnownClaim], articles: Sequence[ProcessedArticle] = ()
) -> dict[str, int]:
    """`add_claims` for a processed batch, which must never be lost to its entries: an entry the engine refuses, or
    an engine that went away, is logged and noted on the debunk articles it came from (`process_notes`), and the
    batch goes on. Returns the counts of `add_claims` plus "failed" (entries not stored)."""
    try:
        return {**add_claims(store, claims), "failed": 0}
    except PantauError as exc:
        refused = set(exc.refused) if isinstance(exc, ClaimsIndexError) else set()
        done = exc.counts if isinstance(exc, ClaimsIndexError) and exc.counts else {}
        failed = [c for c in claims if c.id in refused] if refused else list(claims)
        log.warning("debunked-claims index: %d entr(ies) not stored: %s", len(failed), exc)
        urls = {c.debunk_url for c in failed}
        note = f"known claims: debunk entries not stored in the index ({type(exc).__name__}: {exc})"[:300]
        for article in articles:
            if {article.url, article.canonical_url} & urls and note not in article.process_notes:
                article.process_notes.append(note)
        return {"created": 0, "updated": 0, "unchanged": 0, **done, "failed": len(failed)}


def add_claim(
    store: Store,
    claim: str,
    debunk_url: str,
    verdict: str = "hoaks",
    fact: str = "",
    date: str | None = None,
    province: str | None = None,
    regency: str | None = None,
    region_code: str | None = None,
    added_by: str | None = None,
    matching: Matching | None = None,
) -> KnownClaim:
    """A staff entry (`pantau claims add`): the claim as it circulates and the link to its debunk."""
    m = matching or load_matching()
    text = _SPACE.sub(" ", claim).strip()
    if len(text.split()) < int(m.raw["claim_min_words"]):
        raise ClaimsIndexError(f"the claim needs at least {m.raw['claim_min_words']} words to be matched: {text!r}")
    if len(text) > int(m.raw["claim_max_chars"]):
        raise ClaimsIndexError(f"the claim is longer than {m.raw['claim_max_chars']} characters; quote its core")
    if not _HTTP_URL.fullmatch(debunk_url or ""):
        raise ClaimsIndexError(f"the debunk URL must be an http(s) URL, got {debunk_url!r}")
    if date:
        date = _day(date)
    entry = KnownClaim(
        id=staff_id(text),
        claim=text,
        verdict=verdict.strip().lower() or "hoaks",
        debunk_url=debunk_url,
        fact=fact.strip(),
        date=date,
        province=province,
        regency=regency,
        region_code=region_code,
        origin="staff",
        added_by=added_by or None,
    )
    add_claims(store, [entry])
    stored = store.mget(KIND, [entry.id]).get(entry.id)
    return KnownClaim.from_dict(stored) if stored else entry  # as stored: with its added_at


def list_claims(store: Store, origin: str | None = None, size: int = MAX_LIST) -> list[KnownClaim]:
    if size < 1:
        raise ClaimsIndexError(f"the number of entries to list must be at least 1, got {size}")
    query: dict[str, Any] = {"term": {"origin": origin}} if origin else {"match_all": {}}
    body = {"size": min(size, MAX_LIST), "query": query, "sort": [{"added_at": {"order": "desc"}}, {"id": "asc"}]}
    hits = store.search(KIND, body)["hits"]["hits"]
    out = []
    for hit in hits:
        try:
            out.append(KnownClaim.from_dict(hit["_source"]))
        except RecordError:
            continue  # a document written by a newer version; listing must not fail on it
    return out


def remove_claim(store: Store, claim_id: str) -> str:
    if not claim_id.strip():
        raise ClaimsIndexError("no entry id given (see `pantau claims list`)")
    path = f"/{store.name(KIND)}/_doc/{quote(claim_id, safe='')}"
    result = store.request("DELETE", path, params={"refresh": "true"}, ignore=(404,))
    if not result or result.get("result") != "deleted":
        raise ClaimsIndexError(f"no entry {claim_id!r} in {store.name(KIND)} (see `pantau claims list`)")
    return claim_id


def seed_from_facts(store: Store, facts: FactBase) -> dict[str, str]:
    """Put the fact base's static known_hoaxes in the index (idempotent ids), as a `pantau setup` report line."""
    counts = add_claims(store, claims_from_facts(facts))
    total = sum(counts.values())
    if counts["created"] == total:
        action = "created"
    elif counts["unchanged"] == total:
        action = "unchanged"
    else:
        action = f"updated ({counts['created']} new, {counts['updated']} changed, {counts['unchanged']} unchanged)"
    return {"object": f"claims from facts.json known_hoaxes ({total}) in {store.name(KIND)}", "action": action}


class StoreClaimLookup:
    """The `ClaimLookup` over `pantau-claims`: one `_msearch` per article, BM25 with the Indonesian analyzer.

    `requests`, `seconds` and `failures` count what the lookups cost (the benchmark reports them per article)."""

    def __init__(self, store: Store, matching: Matching | None = None) -> None:
        self.store = store
        self.matching = matching or load_matching()
        lookup = self.matching.raw["lookup"]
        self.per_sentence = int(lookup["per_sentence"])
        self.max_sentences = int(lookup["max_sentences"])
        self.timeout = f"{int(lookup['timeout_ms'])}ms"
        self.min_should_match = str(lookup["min_should_match"])
        self.requests = 0
        self.seconds = 0.0
        self.failures = 0
        self.broken: str | None = None

    def _search(self, sentence: str) -> dict[str, Any]:
        return {
            "size": self.per_sentence,
            "timeout": self.timeout,
            "_source": list(KnownClaim.field_names()),
            "query": {"match": {"claim": {"query": sentence, "minimum_should_match": self.min_should_match}}},
        }

    def candidates(self, sentences: Sequence[str]) -> list[list[Candidate]]:
        wanted = len(sentences)
        sentences = list(sentences)[: self.max_sentences]
        if not sentences:
            return [[] for _ in range(wanted)]
        if self.broken:
            raise LookupUnavailableError(f"claims index unavailable earlier in this batch: {self.broken}")
        header = json.dumps({})
        body = "".join(f"{header}\n{json.dumps(self._search(s), ensure_ascii=False)}\n" for s in sentences)
        start = time.perf_counter()
        try:
            result = self.store.request("POST", f"/{self.store.name(KIND)}/_msearch", body=body)
        except PantauError as exc:
            self.failures += 1
            self.broken = str(exc)[:200]
            raise LookupUnavailableError(f"claims index lookup failed: {exc}") from exc
        finally:
            self.requests += 1
            self.seconds += time.perf_counter() - start
        out: list[list[Candidate]] = []
        for response in result.get("responses", []):
            if response.get("error"):
                error = response["error"]
                reason = error.get("reason", error) if isinstance(error, dict) else error
                self.failures += 1
                self.broken = str(reason)[:200]
                raise LookupUnavailableError(f"claims index lookup failed: {reason}")
            found = []
            for hit in response.get("hits", {}).get("hits", []):
                try:
                    found.append(Candidate(KnownClaim.from_dict(hit["_source"]), float(hit.get("_score") or 0.0)))
                except RecordError:
                    continue
            out.append(found)
        out += [[] for _ in range(wanted - len(out))]
        return out


def count(store: Store) -> int:
    try:
        return store.count(KIND)
    except SearchRequestError:
        return 0


__all__ = [
    "KIND",
    "ORIGINS",
    "ClaimsIndexError",
    "LookupUnavailableError",
    "StoreClaimLookup",
    "add_claim",
    "add_claims",
    "count",
    "list_claims",
    "remove_claim",
    "seed_from_facts",
    "staff_id",
    "store_claims",
]
