"""What the desk reads from the indices: the queue of flagged reports, one report with its story, alerts and trail."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from pantau.config import SEVERITIES
from pantau.ops.review import STATUSES
from pantau.store.client import Store

PAGE_SIZE = 50
STATUS_CHOICES = ("terbuka", "semua", *STATUSES)  # terbuka = baru or ditinjau
ARTICLE_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
QUEUE_SOURCE = [
    "id",
    "title",
    "outlet",
    "url",
    "canonical_url",
    "published_at",
    "province",
    "flag_rules",
    "max_severity",
    "max_confidence",
    "story_id",
    "review.status",
    "review.letter.sent_on",
    "review.answer.url",
]


FLAGGED: dict[str, Any] = {"range": {"flag_count": {"gt": 0}}}  # the queue's cases; see `flagged`


def flagged(doc: Mapping[str, Any]) -> bool:
    """A report is a case when it carries at least one flag (`flag_count` > 0, the queue's own filter); a copy of
    a story without a flag has nothing to review, draft or answer."""
    try:
        return int(doc.get("flag_count") or 0) > 0
    except (TypeError, ValueError):
        return False


FILTER_LABELS = {
    "province": "Provinsi",
    "outlet": "Media",
    "rule": "Temuan",
    "severity": "Tingkat",
    "min_confidence": "Keyakinan minimum",
    "status": "Status",
    "since": "Terbit sejak",
    "until": "Terbit sampai",
}
# the filters whose values come from the data: a value no flagged report has is named, with its near spelling
CHOICE_FILTERS = ("province", "outlet", "rule")


def _printable(value: str) -> str:
    return "".join(ch for ch in value if ch.isprintable()).strip()


@dataclass(frozen=True)
class QueueFilters:
    province: str = ""
    outlet: str = ""
    rule: str = ""
    severity: str = ""
    min_confidence: str = ""
    status: str = "terbuka"
    since: str = ""
    until: str = ""
    page: int = 1
    # what was wrong with the values given (Indonesian, shown above the queue); those values were not applied
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> QueueFilters:
        """Filters from query parameters. A value that does not fit (a date that is no date, a confidence that is
        no number between 0 and 1, nan included, an unknown severity or status) is dropped with a message in
        `problems`, never passed to the engine; an empty value means no filter."""
        problems: list[str] = []

        def text(name: str) -> str:
            return _printable(str(params.get(name, "")))[:200]

        def refuse(name: str, value: str, why: str) -> str:
            problems.append(f"{FILTER_LABELS[name]} {value!r} {why}; saringan ini diabaikan.")
            return ""

        def day(name: str) -> str:
            value = text(name)
            if not value:
                return ""
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                return refuse(name, value, "bukan tanggal (TTTT-BB-HH, misalnya 2024-11-27)")

        confidence = text("min_confidence")
        if confidence:
            try:
                number = float(confidence.replace(",", "."))  # 0,9 as written in Indonesian
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                confidence = refuse("min_confidence", confidence, "bukan angka antara 0 dan 1")
            elif not 0.0 <= number <= 1.0:
                clamped = min(max(number, 0.0), 1.0)
                problems.append(f"Keyakinan minimum {confidence!r} di luar 0-1; dipakai {clamped:g}.")
                confidence = f"{clamped:g}"
            else:
                confidence = f"{number:g}"
        try:
            page = max(1, min(int(text("page") or 1), 200))
        except ValueError:
            page = 1
        status = text("status") or "terbuka"
        if status not in STATUS_CHOICES:
            refuse("status", status, "tidak dikenal (" + ", ".join(STATUS_CHOICES) + ")")
            status = "terbuka"
        severity = text("severity")
        if severity and severity not in SEVERITIES:
            severity = refuse("severity", severity, "tidak dikenal (" + ", ".join(SEVERITIES) + ")")
        since, until = day("since"), day("until")
        if since and until and since > until:
            problems.append(f"Terbit sejak {since} sesudah terbit sampai {until}; saringan tanggal diabaikan.")
            since = until = ""
        return cls(
            province=text("province"),
            outlet=text("outlet"),
            rule=text("rule"),
            severity=severity,
            min_confidence=confidence,
            status=status,
            since=since,
            until=until,
            page=page,
            problems=tuple(problems),
        )

    def unknown_choices(self, choices: Mapping[str, list[str]]) -> list[str]:
        """Messages for province, outlet or rule values that no flagged report carries (so nothing matches),
        naming the value meant when only its case or spacing differs."""
        out: list[str] = []
        for name in CHOICE_FILTERS:
            value = str(getattr(self, name))
            known = choices.get(name, [])
            if not value or value in known:
                continue
            near = [k for k in known if " ".join(k.lower().split()) == " ".join(value.lower().split())]
            hint = f" Maksud Anda {near[0]!r}?" if near else ""
            out.append(f"{FILTER_LABELS[name]} {value!r} tidak ada pada berita yang ditandai: tidak ada hasil.{hint}")
        return out

    def as_params(self, **change: Any) -> dict[str, str]:
        values = {**asdict(self), **change}
        values.pop("problems", None)
        return {k: str(v) for k, v in values.items() if v not in ("", None) and not (k == "page" and v == 1)}

    def clauses(self) -> list[dict[str, Any]]:
        """The filters as engine clauses (without the flagged-only clause, FLAGGED)."""
        must: list[dict[str, Any]] = []
        for name, value in (
            ("province", self.province),
            ("outlet", self.outlet),
            ("flag_rules", self.rule),
            ("flags.severity", self.severity),
        ):
            if value:
                must.append({"term": {name: value}})
        if self.min_confidence:
            must.append({"range": {"max_confidence": {"gte": float(self.min_confidence)}}})
        if self.since or self.until:
            bounds = {"gte": self.since} if self.since else {}
            if self.until:
                bounds["lte"] = self.until
            must.append({"range": {"published_at": {**bounds, "time_zone": "+07:00"}}})
        if self.status == "terbuka":
            must.append(
                {
                    "bool": {
                        "should": [
                            {"terms": {"review.status": ["baru", "ditinjau"]}},
                            {"bool": {"must_not": {"exists": {"field": "review.status"}}}},
                        ]
                    }
                }
            )
        elif self.status != "semua":
            must.append({"term": {"review.status": self.status}})
        return must


def queue(store: Store, filters: QueueFilters) -> dict[str, Any]:
    """One page of flagged reports, newest first, with each one's story size (outlets) and the filter choices."""
    result = store.search(
        "articles",
        {
            "size": PAGE_SIZE,
            "from": (filters.page - 1) * PAGE_SIZE,
            "track_total_hits": True,
            # the choices are counted over every flagged report, the filters apply to the rows only (post_filter):
            # a filter's own list keeps its other values, and a value missing from it is one no report carries
            "query": FLAGGED,
            "post_filter": {"bool": {"filter": filters.clauses()}},
            "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
            "_source": QUEUE_SOURCE,
            "aggs": {
                "province": {"terms": {"field": "province", "size": 100}},
                "outlet": {"terms": {"field": "outlet", "size": 5000}},
                "rule": {"terms": {"field": "flag_rules", "size": 500}},
            },
        },
    )
    hits = result["hits"]
    total = hits["total"]["value"] if isinstance(hits["total"], dict) else int(hits["total"])
    rows = [{"id": hit["_id"], **hit["_source"]} for hit in hits["hits"]]
    sizes = story_outlets(store, [str(r["story_id"]) for r in rows if r.get("story_id")])
    for row in rows:
        row["story_outlets"] = sizes.get(str(row.get("story_id")), 1) if row.get("story_id") else 1
    aggs = result.get("aggregations", {})
    choices = {name: sorted(str(b["key"]) for b in aggs.get(name, {}).get("buckets", [])) for name in aggs}
    return {"rows": rows, "total": total, "choices": choices}


def story_outlets(store: Store, story_ids: list[str]) -> dict[str, int]:
    """story id -> how many outlets carry it (all articles of the story, flagged or not)."""
    ids = sorted(set(story_ids))
    if not ids:
        return {}
    result = store.search(
        "articles",
        {
            "size": 0,
            "query": {"terms": {"story_id": ids}},
            "aggs": {
                "story": {
                    "terms": {"field": "story_id", "size": len(ids)},
                    "aggs": {"outlets": {"cardinality": {"field": "outlet"}}},
                }
            },
        },
    )
    buckets = result.get("aggregations", {}).get("story", {}).get("buckets", [])
    return {str(b["key"]): int(b["outlets"]["value"]) for b in buckets}


def story_members(store: Store, story_id: str, size: int = 200) -> list[dict[str, Any]]:
    """Every article of a story (id, title, outlet, url, published_at, review, flag_count), newest first."""
    result = store.search(
        "articles",
        {
            "size": size,
            "query": {"term": {"story_id": story_id}},
            "sort": [{"published_at": {"order": "desc", "missing": "_last"}}],
            "_source": ["id", "title", "outlet", "url", "published_at", "review.status", "flag_count"],
        },
    )
    return [{"id": hit["_id"], **hit["_source"]} for hit in result["hits"]["hits"]]


def alerts_for(store: Store, article_id: str, story_id: str | None, size: int = 20) -> list[dict[str, Any]]:
    should: list[dict[str, Any]] = [{"term": {"article_id": article_id}}]
    if story_id:
        should.append({"term": {"story_id": story_id}})
    result = store.search(
        "alerts",
        {
            "size": size,
            "query": {"bool": {"should": should, "minimum_should_match": 1}},
            "sort": [{"created_at": {"order": "desc"}}],
            "_source": ["trigger", "rule", "channel", "status", "created_at", "sent_at", "error", "outlet"],
        },
    )
    return [dict(hit["_source"]) for hit in result["hits"]["hits"]]


def highlight(body: str, evidence: list[str]) -> list[tuple[str, bool]]:
    """The body cut into (text, is_evidence) pieces: every evidence sentence found in it is marked.

    Matches ignore case and differences in whitespace; a sentence not found in the body is not marked."""
    spans: list[tuple[int, int]] = []
    for sentence in evidence:
        words = sentence.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
        spans += [(m.start(), m.end()) for m in pattern.finditer(body)]
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue  # overlaps a sentence already marked
        if start > at:
            pieces.append((body[at:start], False))
        pieces.append((body[start:end], True))
        at = end
    if at < len(body):
        pieces.append((body[at:], False))
    return pieces
