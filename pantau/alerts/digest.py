"""The daily digest: volume by province, outlet and topic, the flagged reports, and the open reviews.

Computed with aggregations through the `pantau-articles` alias; `render_digest` writes it in Indonesian.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pantau.store.client import Store
from pantau.text.dates import WIB

OPEN_REVIEW = ["baru", "ditinjau"]


def _buckets(aggs: dict[str, Any], name: str) -> list[tuple[str, int]]:
    return [(str(b["key"]), int(b["doc_count"])) for b in aggs[name]["buckets"]]


def build_digest(store: Store, now: datetime | None = None, hours: int = 24, top: int = 10) -> dict[str, Any]:
    now = now or datetime.now(WIB)
    start = now - timedelta(hours=hours)
    window = {"range": {"published_at": {"gte": start.isoformat(), "lte": now.isoformat()}}}
    body = {
        "size": 0,
        "track_total_hits": True,
        "query": {"bool": {"filter": [window, {"term": {"is_pilkada": True}}]}},
        "aggs": {
            "province": {"terms": {"field": "province", "size": top}},
            "outlet": {"terms": {"field": "outlet", "size": top}},
            "topics": {"terms": {"field": "topics", "size": top}},
            "flagged": {
                "filter": {"range": {"flag_count": {"gt": 0}}},
                "aggs": {
                    "rules": {"terms": {"field": "flag_rules", "size": 20}},
                    "latest": {
                        "top_hits": {
                            "size": top,
                            "sort": [{"published_at": "desc"}],
                            "_source": [
                                "id",
                                "title",
                                "outlet",
                                "url",
                                "province",
                                "flag_rules",
                                "story_id",
                                "review.status",
                            ],
                        }
                    },
                },
            },
        },
    }
    result = store.search("articles", body)
    aggs = result["aggregations"]
    total = result["hits"]["total"]
    open_reviews = store.count("articles", {"terms": {"review.status": OPEN_REVIEW}})
    flagged = aggs["flagged"]
    return {
        "from": start.isoformat(timespec="minutes"),
        "to": now.isoformat(timespec="minutes"),
        "articles": int(total["value"] if isinstance(total, dict) else total),
        "by_province": _buckets(aggs, "province"),
        "by_outlet": _buckets(aggs, "outlet"),
        "by_topic": _buckets(aggs, "topics"),
        "flagged": int(flagged["doc_count"]),
        "flag_rules": _buckets(flagged, "rules"),
        "flagged_reports": [h["_source"] for h in flagged["latest"]["hits"]["hits"]],
        "open_reviews": open_reviews,
    }


def render_daily(d: dict[str, Any]) -> tuple[str, str]:
    """(title, body) of the digest message, in Indonesian."""

    def rows(pairs: list[tuple[str, int]]) -> str:
        return ", ".join(f"{k} ({n})" for k, n in pairs) or "-"

    lines = [
        f"Periode: {d['from']} s.d. {d['to']}",
        f"Berita Pilkada: {d['articles']}",
        f"Per provinsi: {rows(d['by_province'])}",
        f"Per media: {rows(d['by_outlet'])}",
        f"Per topik: {rows(d['by_topic'])}",
        f"Laporan bermasalah: {d['flagged']} ({rows(d['flag_rules'])})",
        f"Tinjauan terbuka (baru/ditinjau): {d['open_reviews']}",
    ]
    for report in d["flagged_reports"]:
        status = (report.get("review") or {}).get("status", "baru")
        lines.append(f"- [{status}] {report.get('title')} — {report.get('outlet')} — {report.get('url')}")
    return f"[Pantau] Ringkasan harian: {d['articles']} berita, {d['flagged']} perlu klarifikasi", "\n".join(lines)
