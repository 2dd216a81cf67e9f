"""Alerts: what to send (triggers), how it reads (messages), sending and recording it (deliver, ledger).

Channels are named Apprise URLs from the settings ([alerts] channels). Typical use after indexing a batch:

    report = deliver(store, plan_alerts(store, docs, settings), settings)
    retry_failed(store, settings)            # earlier failures and rate-limited alerts
    deliver(store, volume_spikes(store, settings), settings)
    deliver(store, ops_alert(store, settings, "crawl gagal", {"outlet": "..."}), settings)
"""

from pantau.alerts.deliver import DeliveryReport, deliver, retry_failed, send
from pantau.alerts.triggers import daily_digest, fold, ops_alert, plan_alerts, volume_spikes

__all__ = [
    "DeliveryReport",
    "daily_digest",
    "deliver",
    "fold",
    "ops_alert",
    "plan_alerts",
    "retry_failed",
    "send",
    "volume_spikes",
]
