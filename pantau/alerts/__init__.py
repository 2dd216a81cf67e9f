"""Alerts: what to send (triggers), how it reads (messages), sending and recording it (deliver, ledger).

Channels are named Apprise URLs from the settings ([alerts] channels). Typical use after indexing a batch:

    from pantau.alerts.deliver import deliver, retry_failed
    from pantau.alerts.triggers import ops_alert, plan_alerts, volume_spikes

    report = deliver(store, plan_alerts(store, docs, settings), settings)
    retry_failed(store, settings)            # earlier failures and rate-limited alerts
    deliver(store, volume_spikes(store, settings), settings)
    deliver(store, ops_alert(store, settings, "crawl gagal", {"outlet": "..."}), settings)

The package itself imports nothing, so `pantau watch` (watchlists) does not load the delivery code.
"""
