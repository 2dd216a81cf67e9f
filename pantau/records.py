"""One typed record per stage: what a spider yields, what processing produces, what an alert is.

Every arrow of the data flow (crawl -> process -> index -> alert) carries one of these; `to_dict` gives the JSON
form used in JSONL files and in the index, `from_dict` reads it back and rejects malformed input with ValueError.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, TypeVar

from pantau.ids import canonical_url, doc_id

T = TypeVar("T", bound="_Record")


class _Record:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: expected a JSON object, got {type(data).__name__}")
        known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
        missing = [
            name
            for name, f in known.items()
            if f.default is MISSING and f.default_factory is MISSING and data.get(name) is None
        ]
        if missing:
            raise ValueError(f"{cls.__name__}: {', '.join(missing)} is required")
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class RawArticle(_Record):
    """An article as a spider (or any feed) delivers it, before processing."""

    url: str
    title: str = ""
    body: str = ""
    outlet: str = ""
    published_at: str | None = None
    id: str = ""
    canonical_url: str = ""
    updated_at: str | None = None
    author: str | None = None
    dateline: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    outlet_domain: str | None = None
    outlet_province: str | None = None
    parser: str | None = None
    crawled_at: str | None = None
    lastmod: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.url, str) or not self.url.strip():
            raise ValueError("RawArticle: url is required")
        self.canonical_url = self.canonical_url or canonical_url(self.url)
        self.id = self.id or doc_id(self.canonical_url)


@dataclass
class Region(_Record):
    province: str
    regency: str | None
    code: str
    score: float = 1.0


@dataclass
class Flag(_Record):
    rule: str
    severity: str
    evidence: str
    fact: str
    source: str = ""


@dataclass
class ProcessedArticle(RawArticle):
    """A raw article plus everything processing adds; this is what the articles index holds."""

    language_confidence: float = 0.0
    language_reason: str | None = None
    is_pilkada: bool = False
    pilkada_score: float = 0.0
    topics: list[str] = field(default_factory=list)
    regions: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    story_id: str | None = None
    story_size: int = 1
    word_count: int = 0
    content_hash: str | None = None
    processed_at: str | None = None
    process_notes: list[str] = field(default_factory=list)
    review: dict[str, Any] | None = None

    def to_index_doc(self) -> dict[str, Any]:
        """The document for the articles index, with the flattened filter fields Kibana uses."""
        doc = self.to_dict()
        doc["province"] = sorted({r["province"] for r in self.regions if r.get("province")})
        doc["regency"] = sorted({r["regency"] for r in self.regions if r.get("regency")})
        doc["region_codes"] = sorted({r["code"] for r in self.regions if r.get("code")})
        doc["flag_rules"] = sorted({f["rule"] for f in self.flags if f.get("rule")})
        doc["flag_count"] = len(self.flags)
        severities = [f.get("severity") for f in self.flags]
        doc["max_severity"] = next((s for s in ("high", "medium", "low") if s in severities), None)
        return {k: v for k, v in doc.items() if v is not None}


@dataclass
class AlertRecord(_Record):
    """One alert to one channel, as recorded in the alerts index."""

    id: str
    trigger: str
    channel: str
    status: str
    created_at: str
    rule: str | None = None
    severity: str | None = None
    watchlist_id: str | None = None
    article_id: str | None = None
    story_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    province: str | None = None
    url: str | None = None
    channel_kind: str | None = None
    attempts: int = 0
    error: str | None = None
    message: str | None = None
    sent_at: str | None = None
    updated_at: str | None = None
    regency: str | None = None
    dedup_key: str | None = None
    digest_id: str | None = None
    subject: str | None = None
