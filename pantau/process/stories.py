"""Story clusters: near-duplicate detection so syndicated copies of one article share a story_id.

Each article becomes a set of word shingles (SHINGLE_WORDS consecutive lower-cased words of title + body, with
"Baca juga" lines and the dateline/outlet prefix removed), summarised by a datasketch MinHash (NUM_PERM
permutations). A MinHashLSH index with a low threshold (LSH_THRESHOLD) proposes candidates; a candidate is a
copy when its estimated Jaccard similarity is >= JACCARD_MIN, or when the shorter text is mostly contained in the
longer one (estimated containment >= CONTAINMENT_MIN), which catches regional re-publications that trim the ending
or add an intro. Two differently written reports of the same event share few 4-word shingles and stay apart.

Bodies with fewer than MIN_SHINGLES shingles (about 40 words) never join or seed a cluster: they get their own
story. story_id is the article id of the cluster's first member: within one `add_many` batch members are taken
in published_at order (then input order), and an existing story keeps its id when more copies arrive, so ids
already written to the index stay valid. The state serialises to JSON (`to_dict`/`from_dict`).
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from pantau.process.relevance import as_text
from pantau.text.dateline import find_dateline
from pantau.text.phrases import drop_insert_lines
from pantau.text.tokens import tokenize

NUM_PERM = 64
SHINGLE_WORDS = 4
LSH_THRESHOLD = 0.3
JACCARD_MIN = 0.5
CONTAINMENT_MIN = 0.7
CONTAINMENT_JACCARD_FLOOR = 0.2
MIN_SHINGLES = 36
SEED = 1
SCHEME = "affine32"  # datasketch >= 2.0 scheme; 32-bit hash values
HASH_NAME = "crc32-word-poly"
MAX_CHARS = 100_000
STATE_VERSION = 1

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


@dataclass
class _Member:
    story: str
    seq: int
    published_at: str | None
    size: int
    hashvalues: np.ndarray | None


class StoryIndex:
    """Assigns story ids to articles as they arrive; see the module doc for the rules."""

    def __init__(self, num_perm: int = NUM_PERM) -> None:
        self.num_perm = num_perm
        self._template = MinHash(num_perm=num_perm, seed=SEED, hashfunc=_identity, scheme=SCHEME)
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm)
        self._members: dict[str, _Member] = {}
        self._sizes: dict[str, int] = {}
        self._seq = 0

    # ------------------------------------------------------------------ building

    def _minhash(self, items: Iterable[int]) -> MinHash:
        m = MinHash(num_perm=self.num_perm, hashfunc=_identity, permutations=self._template.permutations, scheme=SCHEME)
        m.update_batch(list(items))
        return m

    def _from_values(self, values: np.ndarray) -> MinHash:
        return MinHash(
            num_perm=self.num_perm,
            hashfunc=_identity,
            permutations=self._template.permutations,
            hashvalues=values,
            scheme=SCHEME,
        )

    def _best_match(self, mh: MinHash, size: int) -> str | None:
        """The story of the most similar indexed article that counts as a copy (see module doc), if any."""
        cands = [self._members[c] for c in self._lsh.query(mh)]
        cands = [m for m in cands if m.hashvalues is not None]
        if not cands:
            return None
        stacked = np.stack([m.hashvalues for m in cands])  # type: ignore[misc]
        jac = (stacked == mh.hashvalues).mean(axis=1)
        sizes = np.array([m.size for m in cands], dtype=float)
        small = np.minimum(sizes, size)
        containment = jac * (sizes + size) / ((1.0 + jac) * small)
        ok = (jac >= JACCARD_MIN) | ((containment >= CONTAINMENT_MIN) & (jac > CONTAINMENT_JACCARD_FLOOR))
        if not ok.any():
            return None
        score = np.where(ok, np.maximum(jac, containment), -1.0)
        return cands[int(score.argmax())].story

    def add(self, article_id: str, title: str, body: str, published_at: str | None = None) -> str:
        """Add one article; returns its story_id (its own id when it starts a new story). Idempotent per id."""
        article_id = as_text(article_id)
        if article_id in self._members:
            return self._members[article_id].story
        grams = shingles(title, body)
        self._seq += 1
        if len(grams) < MIN_SHINGLES:
            self._members[article_id] = _Member(article_id, self._seq, published_at, len(grams), None)
            self._sizes[article_id] = 1
            return article_id
        mh = self._minhash(grams)
        story = self._best_match(mh, len(grams)) or article_id
        self._members[article_id] = _Member(story, self._seq, published_at, len(grams), mh.hashvalues.copy())
        self._sizes[story] = self._sizes.get(story, 0) + 1
        self._lsh.insert(article_id, mh)
        return story

    def add_many(self, items: Iterable[dict[str, Any]]) -> dict[str, str]:
        """Add a batch of {"id", "title", "body", "published_at"} in published_at order; returns id -> story_id."""
        batch = list(items)
        order = sorted(range(len(batch)), key=lambda i: (as_text(batch[i].get("published_at")) or "~", i))
        out: dict[str, str] = {}
        for i in order:
            item = batch[i]
            art_id = as_text(item.get("id"))
            out[art_id] = self.add(art_id, item.get("title", ""), item.get("body", ""), item.get("published_at"))
        return out

    # ------------------------------------------------------------------ queries

    def story_id(self, article_id: str) -> str | None:
        member = self._members.get(article_id)
        return member.story if member else None

    def size(self, story_id: str) -> int:
        return self._sizes.get(story_id, 0)

    def __len__(self) -> int:
        return len(self._members)

    # ------------------------------------------------------------------ state

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe state: parameters plus, per article, its story, order, size and MinHash values (base64)."""
        members = {}
        for art_id, m in self._members.items():
            hv = None
            if m.hashvalues is not None:
                hv = base64.b64encode(m.hashvalues.astype("<u4").tobytes()).decode("ascii")
            members[art_id] = {"story": m.story, "seq": m.seq, "published_at": m.published_at, "size": m.size, "hv": hv}
        params = {
            "num_perm": self.num_perm,
            "shingle_words": SHINGLE_WORDS,
            "seed": SEED,
            "hash": HASH_NAME,
            "scheme": SCHEME,
        }
        return {"version": STATE_VERSION, "params": params, "seq": self._seq, "members": members}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryIndex:
        """Rebuild from `to_dict` output; raises ValueError on a state written with other parameters."""
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise ValueError("story state: unknown version")
        params = data.get("params") or {}
        if (params.get("shingle_words"), params.get("seed"), params.get("scheme"), params.get("hash")) != (
            SHINGLE_WORDS,
            SEED,
            SCHEME,
            HASH_NAME,
        ):
            raise ValueError(f"story state: written with other parameters {params}")
        index = cls(num_perm=int(params.get("num_perm", NUM_PERM)))
        index._seq = int(data.get("seq", 0))
        members = data.get("members") or {}
        for art_id, raw in sorted(members.items(), key=lambda kv: kv[1].get("seq", 0)):
            hv = None
            if raw.get("hv"):
                hv = np.frombuffer(base64.b64decode(raw["hv"]), dtype="<u4").astype(np.uint32)
                if hv.shape != (index.num_perm,):
                    raise ValueError(f"story state: {art_id} has {hv.shape[0]} hash values")
            member = _Member(raw["story"], int(raw["seq"]), raw.get("published_at"), int(raw["size"]), hv)
            index._members[art_id] = member
            index._sizes[member.story] = index._sizes.get(member.story, 0) + 1
            if hv is not None:
                index._lsh.insert(art_id, index._from_values(hv))
        return index
