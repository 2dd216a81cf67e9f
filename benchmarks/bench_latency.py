"""Alert latency: a new article appears in an outlet's news sitemap -> its alert reaches the duty officer.

Runs the monitor steps (crawl -> process -> index -> alert) in a polling loop against the local sample site, the
embedded search node and a local webhook receiver, publishes an article with a wrong voting date, and prints the
time until its alert arrives, against the 60 s target.
Run: .venv/bin/python benchmarks/bench_latency.py [--interval 5]
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from datetime import datetime, timedelta

PREFIX = "pantau-bench"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between polls")
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args()

    from pantau.config import load_settings
    from pantau.devtools.receivers import webhook_receiver
    from pantau.devtools.sitesrv import serve_site
    from pantau.store import node

    base = load_settings()
    if not base.external_search:
        node.start(base)
    with serve_site() as site, webhook_receiver() as hook:
        os.environ.update(
            {
                "PANTAU_SEARCH_URL": base.search_url,
                "PANTAU_SEARCH_INDEX_PREFIX": PREFIX,
                "PANTAU_PATHS_VAR_DIR": str(base.paths.var_dir / "bench-latency"),
                "PANTAU_ALERTS_CHANNELS": f"tim=json://{hook.url.removeprefix('http://')}",
            }
        )
        from flows.tasks import index_articles, process_articles
        from pantau.alerts.deliver import deliver
        from pantau.alerts.triggers import plan_alerts
        from pantau.crawl.registry import select_outlets
        from pantau.crawl.runner import crawl_outlet, run_dir
        from pantau.records import IndexedArticle
        from pantau.store.client import Store
        from pantau.store.templates import drop_all, setup
        from pantau.text.dates import WIB

        settings = load_settings()
        store = Store.connect(settings)
        drop_all(store)
        setup(store)
        outlet = select_outlets(["sumatera ekspres"])[0]
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set():
                started = time.monotonic()
                since = datetime.now(WIB) - timedelta(days=800)
                result = crawl_outlet(settings, outlet, since, run_dir(settings, "bench"), site.base_url)
                articles = process_articles(settings, result.articles(), store).articles
                if articles:
                    index_articles(store, articles)
                    docs = [IndexedArticle.of(a) for a in articles]
                    deliver(store, plan_alerts(store, docs, settings), settings)
                stop.wait(max(0.0, args.interval - (time.monotonic() - started)))

        worker = threading.Thread(target=poll, daemon=True)
        worker.start()
        time.sleep(args.interval * 2)  # let the first polls index the existing articles
        hook.received.clear()
        now = datetime.now(WIB)
        path = f"/read/{now:%Y/%m/%d}/99999/kpu-umumkan-jadwal-pemungutan-suara-ulang"
        html = (
            "<html><head><title>KPU umumkan jadwal</title>"
            f'<meta property="article:published_time" content="{now.isoformat()}"></head><body><article>'
            '<h1>KPU Sumsel Umumkan Jadwal Pemungutan Suara Pilkada</h1><div class="entry-content">'
            "<p>PALEMBANG, SUMATERAEKSPRES.ID - KPU Sumsel menyatakan pemungutan suara Pilkada Serentak 2024 "
            "digelar pada Kamis, 28 November 2024 di seluruh TPS.</p>"
            "<p>Warga diminta memeriksa nama di daftar pemilih tetap sebelum hari pencoblosan Pilkada.</p>"
            "</div></article></body></html>"
        )
        t0 = time.monotonic()
        site.publish(
            outlet.domain,
            path,
            html,
            sitemap_entry={
                "title": "KPU Sumsel umumkan jadwal Pilkada",
                "published": now.isoformat(),
                "keywords": "Pilkada",
            },
        )
        while not hook.received and time.monotonic() - t0 < args.timeout:
            time.sleep(0.2)
        latency = time.monotonic() - t0
        stop.set()
        worker.join(timeout=120)
        if not hook.received:
            print(f"no alert within {args.timeout:.0f} s")
            raise SystemExit(1)
        print(
            f"polling interval {args.interval:.0f} s; new article -> alert received in {latency:.1f} s "
            f"({latency / 60:.2f}x the 60 s target)"
        )


if __name__ == "__main__":
    main()
