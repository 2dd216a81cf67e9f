"""Story clusters: near-duplicate detection so syndicated copies of one article share a story_id.

Each article becomes a set of word shingles (SHINGLE_WORDS consecutive lower-cased words of title + body, with
"Baca juga" lines and the dateline/outlet prefix removed), summarised by a MinHash signature of NUM_PERM values
(`signature`). The signature is cut into BANDS bands of ROWS values (LSH for a Jaccard threshold of about 0.3); each
band gives one short *band key*, and two articles that share a band key are candidates. A candidate is a copy when
its estimated Jaccard similarity is >= JACCARD_MIN, or when the shorter text is mostly contained in the longer one
(estimated containment >= CONTAINMENT_MIN), which catches regional re-publications that trim the ending or add an
intro. Two differently written reports of the same event share few 4-word shingles and stay apart. Bodies with
fewer than MIN_SHINGLES shingles (about 40 words) get no signature: they never join or seed a story.

The earlier articles live behind a `StoryLookup` (two methods) that the caller hands in: the flow's is backed by
the engine (`pantau.store.story_index`: band keys on every article document, one query per article over a window
of WINDOW_DAYS either side of the article's time), `StoryIndex` here is the same thing in memory (`pantau process`).
`assign_stories` is the pure stage:

1. members of the batch are taken in time order (published_at, else the processing time, then input order);
2. an article joins the story of its most similar copy among the lookup's candidates and the batch's earlier members;
3. otherwise it starts a story under its own id, and *claims* its band keys (`StoryLookup.claim`, an atomic
   create per key in the engine). A key already held by another article that is a copy means a concurrent writer
   (another worker) started the same story a moment earlier: of the band keys the two share, the lowest is held
   by exactly one of them, and that one's story wins, so both writers, each looking from its side, pick the same
   id. An article that finds its own earlier claim (a re-run) keeps the story it had.

An existing story keeps its id when more copies arrive, so ids already written to the index stay valid.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import numpy as np
from datasketch import MinHash

from pantau.process.relevance import as_text
from pantau.text.dateline import find_dateline
from pantau.text.phrases import drop_insert_lines
from pantau.text.tokens import tokenize

NUM_PERM = 64
BANDS = 21  # 21 bands of 3 rows: what datasketch's MinHashLSH picks for threshold 0.3 and 64 permutations
ROWS = 3
SHINGLE_WORDS = 4
JACCARD_MIN = 0.5
CONTAINMENT_MIN = 0.7
CONTAINMENT_JACCARD_FLOOR = 0.2
MIN_SHINGLES = 36
WINDOW_DAYS = 7  # copies are looked for this many days either side of an article's time (EMM uses a week)
MAX_CANDIDATES = 100  # per article, the earlier articles sharing the most band keys
SEED = 1
SCHEME = "affine32"  # datasketch >= 2.0 scheme; 32-bit hash values
HASH_NAME = "crc32-word-poly"
MAX_CHARS = 100_000
STATE_VERSION = 2

_POLY = np.uint64(1_000_003)
_SHIFT = np.uint64(32)
_MASK32 = np.uint64(0xFFFFFFFF)
_WORD_HASHES: dict[str, int] = {}  # word -> CRC-32, a bounded cache: news vocabulary repeats a lot
_WORD_CACHE_MAX = 500_000


def _clean(body: str) -> str:
    body = drop_insert_lines(body[:MAX_CHARS])
    lead = body.lstrip()
    found = find_dateline(lead[:200])
    return lead[found.end :] if found else body


def shingles(title: str, body: str, k: int = SHINGLE_WORDS) -> set[int]:
    """32-bit hashes of the k-word shingles of title and cleaned body (no "Baca juga" lines, no dateline).

    Each word is hashed with CRC-32 and a shingle's hash is a polynomial over its k word hashes, computed for all
    positions at once with numpy (far cheaper than joining and hashing every shingle string)."""
    out: set[int] = set()
    for text in (as_text(title)[:1000], _clean(as_text(body))):
        words = tokenize(text)
        n = len(words) - k + 1
        if n <= 0:
            continue
        cache = _WORD_HASHES
        if len(cache) > _WORD_CACHE_MAX:
            cache.clear()
        for w in set(words).difference(cache):
            cache[w] = zlib.crc32(w.encode("utf-8"))
        h = np.array([cache[w] for w in words], dtype=np.uint64)
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(k):
            acc = acc * _POLY + h[j : j + n]
        out.update(((acc ^ (acc >> _SHIFT)) & _MASK32).tolist())
    return out


def _identity(value: int) -> int:
    return value


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, scheme=SCHEME)


def band_keys(values: np.ndarray) -> tuple[str, ...]:
    """One key per band: the band's number (two digits, so keys sort by band) and a 64-bit hash of its values."""
    raw = np.asarray(values, dtype="<u4")
    return tuple(
        f"{i:02d}" + hashlib.blake2b(raw[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for i in range(BANDS)
    )


@dataclass(frozen=True)
class Signature:
    """An article's MinHash values (NUM_PERM unsigned 32-bit) and its number of shingles; `bands` its band keys."""

    values: np.ndarray
    size: int
    bands: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.values.shape != (NUM_PERM,):
            raise ValueError(f"a story signature has {NUM_PERM} values, got {self.values.shape}")
        if not self.bands:
            object.__setattr__(self, "bands", band_keys(self.values))

    def encoded(self) -> str:
        """The values as base64 (little-endian uint32): what the article document stores in `story_minhash`."""
        return base64.b64encode(self.values.astype("<u4").tobytes()).decode("ascii")

    @classmethod
    def decode(cls, text: str, size: int) -> Signature:
        values = np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)
        return cls(values, int(size))


def signature(title: str, body: str) -> Signature | None:
    """The story signature of an article, or None when it is too short to cluster (< MIN_SHINGLES shingles)."""
    grams = shingles(title, body)
    if len(grams) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_TEMPLATE.permutations, scheme=SCHEME)
    m.update_batch(list(grams))
    return Signature(m.hashvalues.astype(np.uint32), len(grams))


def copy_scores(sig: Signature, others: Sequence[Signature]) -> np.ndarray:
    """For each of `others`: max(Jaccard, containment) when it counts as a copy of `sig` (module doc), else -1."""
    if not others:
        return np.zeros(0)
    stacked = np.stack([o.values for o in others])
    jac = (stacked == sig.values).mean(axis=1)
    sizes = np.array([o.size for o in others], dtype=float)
    small = np.maximum(np.minimum(sizes, sig.size), 1.0)
    containment = jac * (sizes + sig.size) / ((1.0 + jac) * small)
    ok = (jac >= JACCARD_MIN) | ((containment >= CONTAINMENT_MIN) & (jac > CONTAINMENT_JACCARD_FLOOR))
    return np.where(ok, np.maximum(jac, containment), -1.0)


# ---------------------------------------------------------------------------------------------- the lookup


@dataclass(frozen=True)
class StoryCandidate:
    """An earlier article as a lookup returns it: its id, its story, its signature and its time."""

    id: str
    story_id: str
    signature: Signature
    at: str | None = None
    story_size: int = 1


class StoryLookup(Protocol):
    """The earlier articles, as the story stage needs them (the flow's is `pantau.store.story_index`)."""

    def candidates(self, bands: Sequence[str], start: str, end: str) -> list[StoryCandidate]:
        """Earlier articles sharing at least one of `bands` whose time is within [start, end] (ISO 8601), the
        ones sharing most bands first, at most MAX_CANDIDATES."""
        ...

    def claim(self, article: StoryCandidate) -> dict[str, StoryCandidate]:
        """Atomically claim the band keys of an article that starts a story: each key not yet held becomes the
        article's; returns, for each key another article (or this one, in an earlier run) held already, that
        holder."""
        ...


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def window(at: str | None, days: float = WINDOW_DAYS) -> tuple[str, str]:
    """[start, end] of the candidates of an article of time `at` (now when missing or unreadable)."""
    when = parse_time(at) or datetime.now(UTC)
    span = timedelta(days=days)
    return (when - span).isoformat(timespec="seconds"), (when + span).isoformat(timespec="seconds")


def _within(at: str | None, start: str, end: str) -> bool:
    when = parse_time(at)
    low, high = parse_time(start), parse_time(end)
    return when is not None and low is not None and high is not None and low <= when <= high


@dataclass(frozen=True)
class StoryItem:
    """One article for `assign_stories`: its id, signature (None: too short) and time (`story_at`)."""

    id: str
    signature: Signature | None
    at: str | None = None


@dataclass
class Assigned:
    story_id: str
    story_size: int = 1
    note: str | None = None  # set when the lookup failed and the article was clustered within its batch only


def _best(sig: Signature, found: Sequence[StoryCandidate]) -> StoryCandidate | None:
    scores = copy_scores(sig, [c.signature for c in found])
    if not len(scores) or scores.max() < 0:
        return None
    return found[int(scores.argmax())]


def _start_story(me: StoryCandidate, lookup: StoryLookup, start: str, end: str) -> str:
    """The story of an article that matched no earlier one: its own, unless a concurrent writer's copy holds the
    lowest band key the two share (module doc, step 3)."""
    held = lookup.claim(me)
    for holder in held.values():
        if holder.id == me.id:
            return holder.story_id  # this article claimed its keys in an earlier run: keep its story
    others = list({h.id: h for h in held.values() if _within(h.at, start, end)}.values())
    scores = copy_scores(me.signature, [h.signature for h in others])
    rivals = {h.id for h, s in zip(others, scores, strict=True) if s >= 0}
    if not rivals:
        return me.id
    mine = set(me.signature.bands)
    shared = sorted({b for h in others if h.id in rivals for b in mine.intersection(h.signature.bands)})
    for band in shared:
        owner = held.get(band)
        if owner is None:
            return me.id  # this article holds the lowest shared key: the rival joins it
        if owner.id in rivals:
            return owner.story_id
    return me.id


def assign_stories(items: Iterable[StoryItem], lookup: StoryLookup, days: float = WINDOW_DAYS) -> dict[str, Assigned]:
    """Story ids for a batch (module doc); a lookup that fails is noted and the batch is clustered on its own."""
    batch = list(items)
    order = sorted(range(len(batch)), key=lambda i: (parse_time(batch[i].at) or datetime.max.replace(tzinfo=UTC), i))
    out: dict[str, Assigned] = {}
    local: list[StoryCandidate] = []
    local_bands: dict[str, list[int]] = {}
    sizes: dict[str, int] = {}
    broken: str | None = None
    for i in order:
        item = batch[i]
        if item.id in out:
            continue
        sig = item.signature
        if sig is None:
            out[item.id] = Assigned(item.id)
            continue
        start, end = window(item.at, days)
        found: list[StoryCandidate] = []
        note = None
        if broken is None:
            try:
                found = [c for c in lookup.candidates(sig.bands, start, end) if c.id != item.id]
            except Exception as exc:  # noqa: BLE001  # the engine went away: cluster within the batch
                broken = f"stories: lookup failed ({type(exc).__name__}: {exc}); clustered within the batch only"
        near = {j for b in sig.bands for j in local_bands.get(b, ())}
        found += [local[j] for j in sorted(near) if _within(local[j].at, start, end)]
        best = _best(sig, found)
        me = StoryCandidate(item.id, item.id, sig, item.at)
        if best is not None:
            story = best.story_id
            known = max((c.story_size for c in found if c.story_id == story), default=1)
            sizes[story] = max(sizes.get(story, 1), known) + 1
        elif broken is None:
            try:
                story = _start_story(me, lookup, start, end)
            except Exception as exc:  # noqa: BLE001
                broken = f"stories: claim failed ({type(exc).__name__}: {exc}); clustered within the batch only"
                story = item.id
            sizes[story] = sizes.get(story, 0) + 1
        else:
            story = item.id
            sizes[story] = sizes.get(story, 0) + 1
        note = broken
        out[item.id] = Assigned(story, note=note)
        for b in sig.bands:
            local_bands.setdefault(b, []).append(len(local))
        local.append(StoryCandidate(item.id, story, sig, item.at))
    for assigned in out.values():
        assigned.story_size = max(sizes.get(assigned.story_id, 1), 1)
    return out


# ---------------------------------------------------------------------------------------------- in memory


class StoryIndex:
    """The `StoryLookup` in memory (one process, `pantau process`): the members and band claims of earlier batches.

    `assign` runs the stage and remembers the batch (what indexing does for the engine's lookup); the state
    serialises to JSON (`to_dict`/`from_dict`; claims are not kept, they only matter to concurrent writers)."""

    def __init__(self, days: float = WINDOW_DAYS) -> None:
        self.days = days
        self._members: dict[str, StoryCandidate] = {}
        self._bands: dict[str, list[str]] = {}
        self._claims: dict[str, StoryCandidate] = {}
        self._sizes: dict[str, int] = {}
        self._seq: dict[str, int] = {}
        self._short: dict[str, str] = {}  # articles too short to cluster -> their own story

    # ------------------------------------------------------------------ the StoryLookup protocol

    def candidates(self, bands: Sequence[str], start: str, end: str) -> list[StoryCandidate]:
        shared: dict[str, int] = {}
        for b in bands:
            for art_id in self._bands.get(b, ()):
                shared[art_id] = shared.get(art_id, 0) + 1
        ranked = sorted(shared, key=lambda a: (-shared[a], self._seq[a]))
        found = [self._members[a] for a in ranked if _within(self._members[a].at, start, end)]
        return found[:MAX_CANDIDATES]

    def claim(self, article: StoryCandidate) -> dict[str, StoryCandidate]:
        held: dict[str, StoryCandidate] = {}
        for b in article.signature.bands:
            holder = self._claims.setdefault(b, article)
            if holder.id != article.id:  # in memory a re-run is known before this: only others' claims count
                held[b] = holder
        return held

    # ------------------------------------------------------------------ building

    def remember(self, member: StoryCandidate) -> None:
        """Add an article with its assigned story (idempotent per id)."""
        if member.id in self._members:
            return
        self._seq[member.id] = len(self._seq)
        self._members[member.id] = member
        self._sizes[member.story_id] = self._sizes.get(member.story_id, 0) + 1
        for b in member.signature.bands:
            self._bands.setdefault(b, []).append(member.id)

    def assign(self, items: Iterable[StoryItem]) -> dict[str, Assigned]:
        """The stage over a batch, against the batches before it; the batch is remembered afterwards."""
        batch = list(items)
        known = {i.id: self._story_of(i.id) for i in batch if i.id in self._members or i.id in self._short}
        fresh = list({i.id: i for i in reversed(batch) if i.id not in known}.values())[::-1]
        out = assign_stories(fresh, self, self.days)
        for item in fresh:
            story = out[item.id].story_id
            if item.signature is None:
                self._sizes[story] = self._sizes.get(story, 0) + 1
                self._short[item.id] = story
            else:
                self.remember(StoryCandidate(item.id, story, item.signature, item.at or _now()))
        for art_id, story in known.items():
            out[art_id] = Assigned(story)
        for assigned in out.values():
            assigned.story_size = self.size(assigned.story_id) or 1
        return out

    def add(self, article_id: str, title: str, body: str, published_at: str | None = None) -> str:
        """Add one article; returns its story_id (its own id when it starts a new story). Idempotent per id."""
        return self.add_many([{"id": article_id, "title": title, "body": body, "published_at": published_at}])[
            as_text(article_id)
        ]

    def add_many(self, items: Iterable[Mapping[str, Any]]) -> dict[str, str]:
        """Add a batch of {"id", "title", "body", "published_at"}; returns id -> story_id."""
        batch = [
            StoryItem(
                as_text(it.get("id")),
                signature(as_text(it.get("title")), as_text(it.get("body"))),
                as_text(it.get("published_at")) or None,
            )
            for it in items
        ]
        return {k: v.story_id for k, v in self.assign(batch).items()}

    # ------------------------------------------------------------------ queries

    def _story_of(self, article_id: str) -> str:
        member = self._members.get(article_id)
        return member.story_id if member else self._short.get(article_id, article_id)

    def story_id(self, article_id: str) -> str | None:
        if article_id in self._members or article_id in self._short:
            return self._story_of(article_id)
        return None

    def size(self, story_id: str) -> int:
        return self._sizes.get(story_id, 0)

    def __len__(self) -> int:
        return len(self._members) + len(self._short)

    # ------------------------------------------------------------------ state

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe state: parameters plus, per article, its story, time, shingle count and MinHash values."""
        members: dict[str, Any] = {
            m.id: {"story": m.story_id, "at": m.at, "size": m.signature.size, "hv": m.signature.encoded()}
            for m in self._members.values()
        }
        members.update({a: {"story": s, "at": None, "size": 0, "hv": None} for a, s in self._short.items()})
        params = {
            "num_perm": NUM_PERM,
            "shingle_words": SHINGLE_WORDS,
            "seed": SEED,
            "hash": HASH_NAME,
            "scheme": SCHEME,
        }
        return {"version": STATE_VERSION, "params": params, "members": members}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryIndex:
        """Rebuild from `to_dict` output (version 2, or version 1 of the old `var/stories.json`); raises ValueError
        on a state written with other parameters."""
        if not isinstance(data, dict) or data.get("version") not in (1, STATE_VERSION):
            raise ValueError("story state: unknown version")
        params = data.get("params") or {}
        if (
            params.get("shingle_words"),
            params.get("seed"),
            params.get("scheme"),
            params.get("hash"),
            int(params.get("num_perm", NUM_PERM)),
        ) != (SHINGLE_WORDS, SEED, SCHEME, HASH_NAME, NUM_PERM):
            raise ValueError(f"story state: written with other parameters {params}")
        index = cls()
        members = data.get("members") or {}
        for art_id, raw in sorted(members.items(), key=lambda kv: kv[1].get("seq", 0)):
            story = str(raw["story"])
            if not raw.get("hv"):
                index._short[art_id] = story
                index._sizes[story] = index._sizes.get(story, 0) + 1
                continue
            sig = Signature.decode(raw["hv"], int(raw["size"]))
            at = raw.get("at") or raw.get("published_at") or _now()
            index.remember(StoryCandidate(art_id, story, sig, at))
        return index


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
