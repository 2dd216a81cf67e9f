"""What to alert: flags, watchlist matches, volume spikes and ops problems, once per story, rule and channel.

Every planner returns AlertRecords that are new (their deterministic id is neither earlier in the batch nor in
the ledger) and already folded per channel by `fold`: sent one by one, folded into one digest when a run has more
than `digest_threshold` for a channel or more than the rolling hour has room for, or held when the hour is full.
Nothing is sent here: `pantau.alerts.deliver` records and sends them.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from pantau.alerts import ledger, messages, watchlists
from pantau.alerts.ledger import DIGESTED, HELD, PENDING
from pantau.config import Settings
from pantau.records import AlertRecord, Flag, IndexedArticle
from pantau.store.client import Store


def _primary_region(doc: IndexedArticle) -> tuple[str | None, str | None]:
    for region in doc.regions:
        if region.province:
            return region.province, region.regency or None
    return (doc.province[0] if doc.province else None), None


def _record(
    trigger: str, subject_key: str, rule_key: str, channel: str, now: datetime, subject: str, body: str, **fields: Any
) -> AlertRecord:
    key = f"{subject_key}|{rule_key}|{channel}"
    return AlertRecord(
        id=ledger.alert_id(key),
        dedup_key=key,
        trigger=trigger,
        channel=channel,
        channel_kind=None,
        status=PENDING,
        created_at=ledger.iso(now),
        updated_at=ledger.iso(now),
        subject=subject,
        message=body,
        **fields,
    )


def _article_record(
    trigger: str, rule_key: str, channel: str, doc: IndexedArticle, fields: dict[str, str], now: datetime, **extra: Any
) -> AlertRecord:
    story = doc.story_id or doc.id
    subject, body = messages.render(trigger, fields)
    province, regency = _primary_region(doc)
    return _record(
        trigger,
        f"story:{story}",
        rule_key,
        channel,
        now,
        subject,
        body,
        article_id=doc.id,
        story_id=doc.story_id,
        title=doc.title,
        outlet=doc.outlet,
        province=province,
        regency=regency,
        url=doc.canonical_url or doc.url,
        **extra,
    )


def _outlets_by_story(articles: Sequence[IndexedArticle]) -> dict[str, set[str]]:
    outlets: dict[str, set[str]] = defaultdict(set)
    for doc in articles:
        if doc.outlet:
            outlets[doc.story_id or doc.id].add(doc.outlet)
    return outlets


def _best_flag(doc: IndexedArticle) -> Flag | None:
    return max(doc.flags, key=lambda f: messages.severity_rank(f.severity)) if doc.flags else None


def plan_alerts(
    store: Store, articles: Sequence[IndexedArticle], settings: Settings, now: datetime | None = None
) -> list[AlertRecord]:
    """Alerts for a batch of indexed articles: flags at or above min_severity and min_confidence, and watchlist
    matches."""
    now = now or ledger.utc_now()
    cfg = settings.alerts
    docs = list(articles)
    outlets = _outlets_by_story(docs)
    minimum = messages.severity_rank(cfg.min_severity)
    candidates: list[AlertRecord] = []
    for doc in docs:
        also_in = outlets[doc.story_id or doc.id] - {doc.outlet}
        for flag in doc.flags:
            if messages.severity_rank(flag.severity) < minimum or flag.confidence < cfg.min_confidence:
                continue  # below the threshold: "perlu dicek", visible in the index, pages no one
            fields = messages.article_fields(doc, flag, also_in, settings.desk.url)
            for channel in cfg.targets("flag"):
                candidates.append(
                    _article_record(
                        "flag",
                        f"flag:{flag.rule}",
                        channel,
                        doc,
                        fields,
                        now,
                        rule=flag.rule,
                        severity=flag.severity,
                    )
                )
    for watchlist, positions in watchlists.percolate(store, [d.to_index_doc() for d in docs]):
        channels = watchlist.get("channels") or cfg.targets("watchlist")
        for pos in positions:
            doc = docs[pos]
            also_in = outlets[doc.story_id or doc.id] - {doc.outlet}
            fields = messages.article_fields(doc, _best_flag(doc), also_in, settings.desk.url)
            fields.update(watchlist=str(watchlist.get("name", "")), query=str(watchlist.get("query_string", "")))
            fields["severity_label"] = messages.templates()["severity_labels"].get(watchlist.get("severity"), "")
            for channel in channels:
                candidates.append(
                    _article_record(
                        "watchlist",
                        f"watchlist:{watchlist['id']}",
                        channel,
                        doc,
                        fields,
                        now,
                        watchlist_id=watchlist["id"],
                        severity=watchlist.get("severity"),
                    )
                )
    return fold(store, settings, new_only(store, candidates), now)


def new_only(store: Store, candidates: Iterable[AlertRecord]) -> list[AlertRecord]:
    """Drop repeats within the batch (syndicated copies of one story) and alerts the ledger already holds."""
    unique: dict[str, AlertRecord] = {}
    for record in candidates:
        unique.setdefault(record.id, record)
    known = ledger.existing_ids(store, unique)
    return [r for r in unique.values() if r.id not in known]


def _region_of(record: AlertRecord) -> str:
    return ", ".join(p for p in (record.regency, record.province) if p)


def _digest(channel: str, members: list[AlertRecord], now: datetime) -> AlertRecord:
    ids = ",".join(sorted(m.id for m in members))
    items = [
        {"subject": m.subject or m.title or "", "outlet": m.outlet or "", "region": _region_of(m), "url": m.url or ""}
        for m in members
    ]
    subject, body = messages.render_digest(items)
    return _record(
        "digest",
        "digest:" + hashlib.sha256(ids.encode()).hexdigest()[:16],
        "digest",
        channel,
        now,
        subject,
        body,
        title=subject,
        severity=messages.highest_severity(m.severity for m in members),
    )


def fold(store: Store, settings: Settings, records: Sequence[AlertRecord], now: datetime) -> list[AlertRecord]:
    """Per channel: send singly, fold into one digest (too many, or more than the hour has room for), or hold."""
    cfg = settings.alerts
    by_channel: dict[str, list[AlertRecord]] = defaultdict(list)
    for record in records:
        by_channel[record.channel].append(record)
    out: list[AlertRecord] = []
    for channel, group in by_channel.items():
        room = cfg.rate_limit_per_hour - ledger.sent_since(store, channel, now - timedelta(hours=1))
        if room <= 0:
            for record in group:
                record.status = HELD
            out.extend(group)
        elif len(group) > cfg.digest_threshold or len(group) > room:
            digest = _digest(channel, group, now)
            for record in group:
                record.status, record.digest_id = DIGESTED, digest.id
            out.extend(group)
            out.append(digest)
        else:
            for record in group:
                record.status = PENDING
            out.extend(group)
    return out


def volume_spikes(store: Store, settings: Settings, now: datetime | None = None) -> list[AlertRecord]:
    """Provinces whose Pilkada articles in the last window reach spike_min_count and spike_factor x the mean of
    the spike_baseline_windows windows before it; once per province and window."""
    now = now or ledger.utc_now()
    cfg = settings.alerts
    width = timedelta(hours=cfg.spike_window_hours)
    windows = cfg.spike_baseline_windows + 1
    ranges = [
        {"key": f"w{i}", "from": ledger.iso(now - width * (i + 1)), "to": ledger.iso(now - width * i)}
        for i in range(windows)
    ]
    body = {
        "size": 0,
        "query": {
            "bool": {
                "filter": [
                    {"term": {"is_pilkada": True}},
                    {"range": {"published_at": {"gte": ranges[-1]["from"], "lt": ranges[0]["to"]}}},
                ]
            }
        },
        "aggs": {
            "provinces": {
                "terms": {"field": "province", "size": 100},
                "aggs": {
                    "windows": {"date_range": {"field": "published_at", "ranges": ranges, "keyed": True}},
                    "current": {
                        "filter": {"range": {"published_at": {"gte": ranges[0]["from"], "lt": ranges[0]["to"]}}},
                        "aggs": {"outlets": {"terms": {"field": "outlet", "size": 3}}},
                    },
                },
            }
        },
    }
    result = store.search("articles", body)
    bucket_no = int(now.timestamp() // width.total_seconds())
    hours = f"{cfg.spike_window_hours:g} jam"
    candidates: list[AlertRecord] = []
    for bucket in result["aggregations"]["provinces"]["buckets"]:
        counts = bucket["windows"]["buckets"]
        current = int(counts["w0"]["doc_count"])
        baseline = sum(int(counts[f"w{i}"]["doc_count"]) for i in range(1, windows)) / cfg.spike_baseline_windows
        if current < cfg.spike_min_count or current < cfg.spike_factor * baseline:
            continue
        province = str(bucket["key"])
        top = ", ".join(f"{b['key']} ({b['doc_count']})" for b in bucket["current"]["outlets"]["buckets"])
        fields = {
            "province": province,
            "count": str(current),
            "baseline": f"{baseline:.1f}",
            "window": hours,
            "since": messages.format_time(ranges[0]["from"]),
            "until": messages.format_time(ranges[0]["to"]),
            "top_outlets": top,
        }
        subject, text = messages.render("spike", fields)
        for channel in cfg.targets("spike"):
            candidates.append(
                _record(
                    "spike",
                    f"spike:{province}:{bucket_no}",
                    "volume_spike",
                    channel,
                    now,
                    subject,
                    text,
                    rule="volume_spike",
                    province=province,
                    title=subject,
                )
            )
    return fold(store, settings, new_only(store, candidates), now)


def ops_alert(
    store: Store, settings: Settings, problem: str, detail: dict[str, Any], now: datetime | None = None
) -> list[AlertRecord]:
    """An operations problem (a crawl that failed, a parser drifting, dead letters piling up) for the ops
    channels; the same problem alerts again at most once per ops_repeat_hours. Returns the planned records."""
    now = now or ledger.utc_now()
    cfg = settings.alerts
    bucket_no = int(now.timestamp() // (cfg.ops_repeat_hours * 3600))
    lines = [f"{k}: {v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)}" for k, v in detail.items()]
    fields = {"problem": problem, "time": messages.format_time(now), "detail": "\n".join(lines)}
    subject, body = messages.render("ops", fields)
    candidates = [
        _record(
            "ops",
            f"ops:{problem}:{bucket_no}",
            f"ops:{problem}",
            channel,
            now,
            subject,
            body,
            rule=problem,
            title=subject,
        )
        for channel in cfg.targets("ops")
    ]
    return fold(store, settings, new_only(store, candidates), now)


def daily_digest(
    store: Store, settings: Settings, subject: str, body: str, day: str, now: datetime | None = None
) -> list[AlertRecord]:
    """The daily summary (pantau.alerts.digest) for the ops channels, once per day: a re-run sends nothing new."""
    now = now or ledger.utc_now()
    candidates = [
        _record("digest", f"digest:{day}", "digest", channel, now, subject, body, rule="digest", title=subject)
        for channel in settings.alerts.targets("ops")
    ]
    return new_only(store, candidates)
