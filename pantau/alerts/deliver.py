"""Sending alerts with Apprise and recording every attempt in `pantau-alerts`.

`deliver` first records the whole plan (so a crash mid-run leaves 'pending' records, not nothing), then sends
each pending alert with up to max_attempts tries and exponential backoff, recording the attempt count, the last
error and the final status ('sent' or 'failed'). `retry_failed` takes the failed ones (once retry_after seconds
old), stale pending ones and the held ones (rate limit) on a later run. Nothing is deleted or dropped.
"""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from pantau.alerts import ledger
from pantau.alerts.ledger import DIGESTED, FAILED, HELD, PENDING, SENT
from pantau.alerts.triggers import fold
from pantau.config import Settings
from pantau.records import AlertRecord
from pantau.store.client import Store

log = logging.getLogger(__name__)
MAX_ERROR_CHARS = 500


@dataclass
class DeliveryReport:
    planned: int = 0
    sent: int = 0
    failed: int = 0
    held: int = 0
    digested: int = 0
    records: list[AlertRecord] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("planned", "sent", "failed", "held", "digested")}


@cache
def _apprise() -> ModuleType:
    """Import Apprise with its plugins loaded. Its e-mail plugin imports the deprecated `imghdr` module (a shim
    for PGP support); that DeprecationWarning is Apprise's, not ours, so it is silenced for this import only."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*imghdr.*", category=DeprecationWarning)
        import apprise
        from apprise.manager_plugins import NotificationManager

        NotificationManager().load_modules()  # type: ignore[no-untyped-call]  # apprise's plugin loader is untyped
    return apprise


def channel_kind(url: str) -> str:
    """The Apprise scheme (mailto, json, tgram, slack, ...): safe to record, unlike the URL."""
    return urlsplit(url).scheme.lower() or "unknown"


def send(url: str, subject: str, body: str) -> str | None:
    """Send one message to one Apprise URL; None when it went out, else the reason it did not."""
    apprise = _apprise()
    notifier = apprise.Apprise(asset=apprise.AppriseAsset(app_id="Pantau", app_desc="Pantau KPU"))
    with apprise.LogCapture(level=logging.WARNING) as logs:
        if not notifier.add(url):
            return f"not a valid Apprise URL ({channel_kind(url)}://...)"
        try:
            ok = notifier.notify(title=subject, body=body, body_format=apprise.NotifyFormat.TEXT)
        except Exception as exc:  # noqa: BLE001  # a plugin bug must not lose the alert: it is recorded as a failed attempt
            return f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
        captured = logs.getvalue().strip()
    if ok:
        return None
    return (captured.splitlines()[-1] if captured else "delivery failed")[-MAX_ERROR_CHARS:]


def _attempt(
    store: Store, record: AlertRecord, settings: Settings, sleep: Callable[[float], None], now: Callable[[], datetime]
) -> None:
    cfg = settings.alerts
    url = cfg.channel_urls.get(record.channel)
    for attempt in range(cfg.max_attempts):
        if attempt:
            sleep(min(cfg.retry_backoff * 2 ** (attempt - 1), cfg.retry_backoff_max))
        if url is None:
            error: str | None = f"channel {record.channel!r} is not configured (PANTAU_ALERTS_CHANNELS)"
        else:
            record.channel_kind = channel_kind(url)
            error = send(url, record.subject or record.title or "Pantau", record.message or "")
        record.attempts += 1
        record.updated_at = ledger.iso(now())
        if error is None:
            record.status, record.error, record.sent_at = SENT, None, record.updated_at
            ledger.save(store, record)
            return
        record.error = error
        last = attempt + 1 >= cfg.max_attempts or url is None
        record.status = FAILED if last else PENDING
        ledger.save(store, record)
        log.warning("alert %s to %s: attempt %d failed: %s", record.id, record.channel, record.attempts, error)
        if last:
            return


def deliver(
    store: Store,
    alerts: Sequence[AlertRecord],
    settings: Settings,
    sleep: Callable[[float], None] = time.sleep,
    now: Callable[[], datetime] = ledger.utc_now,
) -> DeliveryReport:
    """Record the planned alerts, send the pending ones (retrying with backoff) and record every outcome."""
    report = DeliveryReport(planned=len(alerts), records=list(alerts))
    if not alerts:
        return report
    ledger.save_many(store, alerts)
    down: set[str] = set()
    for record in alerts:
        if record.status != PENDING:
            continue
        if record.channel in down:
            # An earlier alert to this channel failed every attempt in this run: do not spend the backoff again
            # on each of its alerts; they are recorded failed and retried by a later run.
            record.status, record.updated_at = FAILED, ledger.iso(now())
            record.error = "not attempted: the channel failed every attempt earlier in this run"
            ledger.save(store, record)
            continue
        _attempt(store, record, settings, sleep, now)
        if record.status == FAILED:
            down.add(record.channel)
    store.request("POST", f"/{store.name('alerts')}/_refresh")
    for record in alerts:
        if record.status == SENT:
            report.sent += 1
        elif record.status == FAILED:
            report.failed += 1
        elif record.status == HELD:
            report.held += 1
        elif record.status == DIGESTED:
            report.digested += 1
    return report


def retry_failed(
    store: Store,
    settings: Settings,
    now: datetime | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> DeliveryReport:
    """Send again what earlier runs could not: failed deliveries and pending ones older than retry_after, and
    alerts held by the rate limit (folded into a digest again when there are many)."""
    moment = now or ledger.utc_now()
    cutoff = ledger.iso(moment - timedelta(seconds=settings.alerts.retry_after))
    query: dict[str, Any] = {
        "bool": {
            "should": [
                {"term": {"status": HELD}},
                {
                    "bool": {
                        "filter": [
                            {"terms": {"status": [FAILED, PENDING]}},
                            {"range": {"updated_at": {"lte": cutoff}}},
                        ]
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    found = ledger.find(store, query)
    held = [r for r in found if r.status == HELD]
    retry = [r for r in found if r.status != HELD]
    for record in retry:
        record.status = PENDING
    return deliver(store, retry + fold(store, settings, held, moment), settings, sleep=sleep)
