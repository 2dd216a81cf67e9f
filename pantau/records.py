"""One typed record per stage: what a spider yields, what processing produces, what the index holds, what an
alert is.

Every arrow of the data flow (crawl -> process -> index -> alert) carries one of these; `to_dict` gives the JSON
form used in JSONL files and in the index, `from_dict` reads it back (nested records included) and rejects
malformed input, unknown keys included, with a `RecordError` naming the record and the keys.
"""

from __future__ import annotations

import types
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from pantau.errors import PantauError
from pantau.ids import canonical_url, doc_id

T = TypeVar("T", bound="Record")


class RecordError(PantauError, ValueError):
    """A JSON object that does not fit a record: not an object, a required key missing or a key it does not know."""


@cache
def _nested(cls: type) -> dict[str, tuple[type[Record], bool]]:
    """Field name -> (record type, is a list) for every field that holds records."""
    out: dict[str, tuple[type[Record], bool]] = {}
    for name, hint in get_type_hints(cls).items():
        is_list = get_origin(hint) is list
        args = get_args(hint) if is_list or get_origin(hint) in (Union, types.UnionType) else ()
        for arg in args:
            if isinstance(arg, type) and issubclass(arg, Record):
                out[name] = (arg, is_list)
    return out


@cache
def _nullable(cls: type) -> frozenset[str]:
    """Fields whose type admits None (`Region.regency: str | None` has no default but may be null or absent)."""
    return frozenset(name for name, hint in get_type_hints(cls).items() if type(None) in get_args(hint))


@cache
def _added_later(cls: type) -> frozenset[str]:
    """The fields that stages after `cls` add to an article (up to the index document)."""
    return frozenset(IndexedArticle.field_names()) - frozenset(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Record:
    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        name, kind = cls.__name__, cast(type, cls)
        if not isinstance(data, dict):
            raise RecordError(f"{name}: expected a JSON object, got {type(data).__name__}")
        known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(str(k) for k in data if k not in known)
        if unknown:
            raise RecordError(f"{name}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
        required = [key for key, f in known.items() if f.default is MISSING and f.default_factory is MISSING]
        missing = [key for key in required if data.get(key) is None and key not in _nullable(kind)]
        if missing:
            raise RecordError(f"{name}: {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} required")
        # a null may be left out: a nullable field without a default (Region.regency) is None when absent
        values = {**dict.fromkeys(required), **data}
        for key, (record, is_list) in _nested(kind).items():
            value = values.get(key)
            if value is None:
                continue
            if is_list:
                if not isinstance(value, list):
                    raise RecordError(f"{name}: {key} must be a list, got {type(value).__name__}")
                values[key] = [v if isinstance(v, record) else _child(record, name, key, v) for v in value]
            elif not isinstance(value, record):
                values[key] = _child(record, name, key, value)
        return cls(**values)


def _child(record: type[T], parent: str, key: str, value: Any) -> T:
    try:
        return record.from_dict(value)
    except RecordError as exc:
        raise RecordError(f"{parent}.{key}: {exc}") from exc


A = TypeVar("A", bound="RawArticle")


@dataclass
class RawArticle(Record):
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
            raise RecordError(f"{type(self).__name__}: url is required")
        self.canonical_url = self.canonical_url or canonical_url(self.url)
        self.id = self.id or doc_id(self.canonical_url)

    @classmethod
    def from_any_stage(cls: type[A], data: dict[str, Any]) -> A:
        """This record from its own JSON or from a later stage's (a processed article or an index document read back
        as input): the fields that later stages add are set aside; a key that no stage writes is still an error."""
        if isinstance(data, dict):
            later = _added_later(cast(type, cls))
            data = {k: v for k, v in data.items() if k not in later}
        return cls.from_dict(data)

    def raw(self) -> RawArticle:
        """Just the raw fields (of a processed or indexed article), to process it again under the same id."""
        return RawArticle(**{name: getattr(self, name) for name in RawArticle.field_names()})


@dataclass
class Region(Record):
    """A place an article is about (pantau.process.regions): its province, regency or city, and the code."""

    province: str
    regency: str | None
    code: str
    score: float = 1.0


@dataclass
class Entity(Record):
    """An election body, official, candidate or candidate pair named in an article (pantau.process.entities).

    `type` is election_body, official, candidate or candidate_pair; for an election body `role` is its level
    (national, province, regency, city, adhoc) or None, `body` the body's id (KPU, Bawaslu...), `region` a code.
    """

    type: str
    name: str
    role: str | None = None
    body: str | None = None
    region: str | None = None


@dataclass
class Flag(Record):
    """A statement contradicted by the fact base (pantau.process.claims)."""

    rule: str
    severity: str
    evidence: str
    fact: str
    source: str = ""
    # How sure the checker is that the text asserts a false statement (0..1), and why it thinks so. Alerts go out
    # at or above `[alerts] min_confidence`; lower flags stay visible as "perlu dicek" (needs checking).
    confidence: float = 1.0
    reason: str = ""


@dataclass
class KnownClaim(Record):
    """An entry of the debunked-claims index (`pantau-claims`): a false claim as it circulated, the verdict of the
    desk that debunked it, the debunk's URL and date, the region it is about and the official fact.

    Entries come from fact-check and KPU clarification articles (pantau.process.debunks, `origin` "debunk"), from
    staff (`pantau claims add`, "staff") and from the static `known_hoaxes` of the fact base ("facts").
    """

    id: str
    claim: str
    verdict: str
    debunk_url: str
    fact: str = ""
    date: str | None = None
    province: str | None = None
    regency: str | None = None
    region_code: str | None = None
    origin: str = "staff"
    outlet: str | None = None
    title: str | None = None
    added_at: str | None = None
    added_by: str | None = None


@dataclass
class ReviewDrafts(Record):
    """The desk's drafts of a case (pantau.desk.drafts): the hak jawab letter and the public clarification."""

    hak_jawab: str | None = None
    clarification: str | None = None
    saved_at: str | None = None
    saved_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in super().to_dict().items() if v is not None}


@dataclass
class ReviewAnswer(Record):
    """The outlet's answer to a hak jawab, as recorded in the desk: where and when it was published."""

    url: str
    published_on: str | None = None
    note: str | None = None
    recorded_at: str | None = None
    recorded_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in super().to_dict().items() if v is not None}


@dataclass
class ReviewLetter(Record):
    """The hak jawab letter as sent, recorded in the desk (pantau.desk.followup): when, to whom, by whom."""

    sent_on: str
    recipient: str
    sent_by: str
    note: str | None = None
    recorded_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in super().to_dict().items() if v is not None}


@dataclass
class Review(Record):
    """The desk's review of a flagged article (pantau.ops.review); only the keys that were set are written."""

    status: str
    note: str | None = None
    clarification_url: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None
    # the desk's work on the case (pantau.desk): the saved drafts, the letter sent and the outlet's answer
    drafts: ReviewDrafts | None = None
    letter: ReviewLetter | None = None
    answer: ReviewAnswer | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in super().to_dict().items() if v is not None}


@dataclass
class ProcessedArticle(RawArticle):
    """A raw article plus everything processing adds; `to_index_doc` gives the document of the articles index."""

    language_confidence: float = 0.0
    language_reason: str | None = None
    is_pilkada: bool = False
    pilkada_score: float = 0.0
    topics: list[str] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    story_id: str | None = None
    story_size: int = 1
    # the story stage's signature (pantau.process.stories): LSH band keys, MinHash values (base64), shingle count,
    # and the time the story window is centred on (published_at, else the processing time)
    story_bands: list[str] = field(default_factory=list)
    story_minhash: str | None = None
    story_shingles: int = 0
    story_at: str | None = None
    word_count: int = 0
    content_hash: str | None = None
    processed_at: str | None = None
    process_notes: list[str] = field(default_factory=list)
    review: Review | None = None

    def to_index_doc(self, indexed_at: str | None = None) -> dict[str, Any]:
        """The document for the articles index, with the flattened filter fields Kibana uses (no null values)."""
        doc = IndexedArticle.of(self, indexed_at).to_dict()
        return {k: v for k, v in doc.items() if v is not None}


@dataclass
class IndexedArticle(ProcessedArticle):
    """An articles index document read back: the processed article plus the fields only the index has, the
    filter fields derived from regions and flags and the time it was indexed."""

    province: list[str] = field(default_factory=list)
    regency: list[str] = field(default_factory=list)
    region_codes: list[str] = field(default_factory=list)
    flag_rules: list[str] = field(default_factory=list)
    flag_count: int = 0
    max_severity: str | None = None
    max_confidence: float | None = None
    indexed_at: str | None = None

    @classmethod
    def of(cls, article: ProcessedArticle, indexed_at: str | None = None) -> IndexedArticle:
        """The index view of a processed article; the derived fields are computed from its regions and flags."""
        base = {name: getattr(article, name) for name in ProcessedArticle.field_names()}
        severities = [f.severity for f in article.flags]
        return cls(
            **base,
            province=sorted({r.province for r in article.regions if r.province}),
            regency=sorted({r.regency for r in article.regions if r.regency}),
            region_codes=sorted({r.code for r in article.regions if r.code}),
            flag_rules=sorted({f.rule for f in article.flags if f.rule}),
            flag_count=len(article.flags),
            max_severity=next((s for s in ("high", "medium", "low") if s in severities), None),
            max_confidence=max((f.confidence for f in article.flags), default=None),
            indexed_at=indexed_at or getattr(article, "indexed_at", None),
        )


@dataclass
class AlertRecord(Record):
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
