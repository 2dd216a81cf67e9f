"""`pantau demo`: the whole pipeline offline, on the embedded search node and the bundled sample outlets.

Starts the node and the local sample site (tests/site served on 127.0.0.1), a local webhook receiver and SMTP
server standing in for the duty officers' channels, runs the `monitor` flow once through Prefect, then shows what
happened. The demo writes to its own indices (prefix pantau-demo) and state folder (var/demo), which it resets at
every run, so it never touches monitoring data and always tells the same story.

With `--desk` (what `make demo` runs) it ends by serving the clarification desk on the demo's indices, on a free
port, with a demo account whose password it prints; the alerts of the run link to that desk (PANTAU_DESK_URL).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
from typing import Any

from pantau.config import Settings, load_settings
from pantau.records import IndexedArticle
from pantau.resources import checkout_file
from pantau.store import node
from pantau.store.client import Store
from pantau.store.templates import drop_all

DEMO_PREFIX = "pantau-demo"
SINCE = "2024-01-01"


def _say(text: str = "") -> None:
    print(text, flush=True)


def run_demo(base: Settings, desk_url: str = "") -> dict[str, Any]:
    from pantau.crawl.registry import load_outlets
    from pantau.devtools.receivers import smtp_receiver, webhook_receiver
    from pantau.devtools.sitesrv import serve_site

    site_manifest = checkout_file("tests/site/manifest.json", "pantau demo")  # before anything is started
    if not base.external_search:
        _say(f"1. Search engine: starting the embedded OpenSearch node on {base.engine.url} ...")
        status = node.start(base)
        _say(f"   {status.detail}")
    else:
        _say(f"1. Search engine: using {base.search_url} (PANTAU_SEARCH_URL)")
    var_dir = base.paths.var_dir / "demo"
    shutil.rmtree(var_dir, ignore_errors=True)
    manifest = json.loads(site_manifest.read_text(encoding="utf-8"))
    hosted = {p["domain"] for p in manifest["pages"]}
    outlets = [o.name for o in load_outlets() if o.domain in hosted]

    with serve_site() as site, webhook_receiver() as hook, smtp_receiver() as mail:
        _say(
            f"2. Sample outlets: {len(outlets)} outlets served from {site.base_url}/<domain>/ "
            f"({sum(p['kind'] == 'article' for p in manifest['pages'])} article pages)"
        )
        _say(f"3. Alert channels: webhook {hook.url} and e-mail via SMTP 127.0.0.1:{mail.port}")
        env = {
            "PANTAU_SEARCH_URL": base.search_url,
            "PANTAU_SEARCH_INDEX_PREFIX": DEMO_PREFIX,
            "PANTAU_PATHS_VAR_DIR": str(var_dir),
            "PANTAU_MONITOR_SITE_BASE": site.base_url,
            "PANTAU_ALERTS_CHANNELS": (
                f"piket=mailto://127.0.0.1:{mail.port}?from=pantau@kpu.go.id&to=piket@kpu.go.id&format=text,"
                f" tim=json://{hook.url.removeprefix('http://')}"
            ),
            "PANTAU_ALERTS_DIGEST_THRESHOLD": "25",
            "PANTAU_DESK_URL": desk_url or base.desk.url,
            "PREFECT_LOGGING_LEVEL": os.environ.get("PREFECT_LOGGING_LEVEL", "WARNING"),
            # Prefect's local server (SQLite) in the project folder, started on demand, allowed time on a busy
            # machine, and no telemetry (the demo is offline).
            "PREFECT_HOME": os.environ.get("PREFECT_HOME", str(base.paths.var_dir / "prefect")),
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        }
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            # Prefect reads its settings when first imported: only now, with the demo's environment in place.
            from flows.monitor import monitor

            settings = load_settings()
            store = Store.connect(settings)
            drop_all(store)
            _say("4. Running the `monitor` flow once through Prefect (crawl -> process -> index -> alert) ...")
            summary = monitor(outlets=outlets, since=SINCE, site_base=site.base_url)
            _show(store, summary, hook.received, mail.messages)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return {
        "crawled": summary["crawled"],
        "indexed": summary["indexed"],
        "flagged": summary["flagged"],
        "alerts_sent": summary["alerts_sent"],
        "search_url": f"{base.search_url}/{DEMO_PREFIX}-articles/_search",
    }


def _show(store: Store, summary: dict[str, Any], hooks: list[dict[str, Any]], mails: list[Any]) -> None:
    store.refresh("articles")
    _say(
        f"   crawled {summary['crawled']} articles from {summary['outlets']} outlets ({summary['pages']} pages, "
        f"{summary['skips']} recorded skips), indexed {summary['indexed']}, dead-lettered {summary['dead_lettered']}"
    )
    aggs = store.search(
        "articles",
        {
            "size": 0,
            "aggs": {
                "pilkada": {"terms": {"field": "is_pilkada"}},
                "province": {"terms": {"field": "province", "size": 5}},
                "stories": {"cardinality": {"field": "story_id"}},
            },
        },
    )["aggregations"]
    pilkada = {
        str(b["key_as_string"] if "key_as_string" in b else b["key"]): b["doc_count"]
        for b in aggs["pilkada"]["buckets"]
    }
    provinces = ", ".join(f"{b['key']} ({b['doc_count']})" for b in aggs["province"]["buckets"])
    _say(
        f"   Pilkada coverage: {pilkada.get('true', 0)} articles; other news: {pilkada.get('false', 0)}; "
        f"{aggs['stories']['value']} stories"
    )
    _say(f"   by province: {provinces}")
    _say()
    _say('5. A sample search, as staff would type it in Kibana: "politik uang"')
    hits = store.search(
        "articles",
        {
            "size": 3,
            "query": {"multi_match": {"query": "politik uang", "fields": ["title^3", "body"]}},
            "_source": ["title", "outlet", "province"],
        },
    )["hits"]["hits"]
    for hit in hits:
        src = hit["_source"]
        _say(f"   - {src['title']} ({src['outlet']}; {', '.join(src.get('province') or []) or '-'})")
    _say()
    _say("6. Reports that contradict the official fact base (review status 'baru'):")
    flagged = store.search(
        "articles", {"size": 20, "query": {"range": {"flag_count": {"gt": 0}}}, "sort": [{"published_at": "desc"}]}
    )["hits"]["hits"]
    for hit in flagged:
        article = IndexedArticle.from_dict(hit["_source"])
        _say(f"   * {article.title} — {article.outlet}")
        for flag in article.flags:
            _say(f'     [{flag.severity}] {flag.rule}: "{flag.evidence[:160]}"')
            _say(f"       fakta resmi: {flag.fact[:200]}")
    _say()
    _say(f"7. Alerts delivered: {len(hooks)} webhook call(s), {len(mails)} e-mail(s) (once per story and rule)")
    for message in mails[:5]:
        _say(f"   e-mail: {message['Subject']}")
    _say()
    _say(f"Try: PANTAU_SEARCH_INDEX_PREFIX={DEMO_PREFIX} .venv/bin/pantau search rekapitulasi (or: review list).")
    _say("README.md explains scheduled operation with Prefect and running against Elasticsearch + Kibana.")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def demo_desk_settings(base: Settings, desk_url: str) -> Settings:
    """The desk's settings on the demo's indices and state folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PANTAU_SEARCH_INDEX_PREFIX", "PANTAU_DESK_"))}
    env.update(
        PANTAU_SEARCH_URL=base.search_url,
        PANTAU_SEARCH_INDEX_PREFIX=DEMO_PREFIX,
        PANTAU_PATHS_VAR_DIR=str(base.paths.var_dir / "demo"),
        PANTAU_DESK_URL=desk_url,
    )
    return load_settings(env)


def serve_desk(base: Settings, port: int) -> None:
    """Serve the desk on the demo's data with a fresh demo account (piket + admin rights) until Ctrl-C."""
    from pantau.cli.desk import serve
    from pantau.desk.users import UserStore

    url = f"http://127.0.0.1:{port}"
    settings = demo_desk_settings(base, url)
    password = secrets.token_urlsafe(12)
    UserStore.of(settings).add("demo", "admin", password, replace=True)
    _say()
    _say(f"8. The clarification desk: {url}/  (account: demo, password: {password}; Ctrl-C stops it)")
    _say("   Open a flagged report, move it to 'ditinjau' and draft the hak jawab letter; every change is audited.")
    serve(settings, "127.0.0.1", port)


def demo(settings: Settings, desk: bool = False) -> int:
    port = free_port() if desk else 0
    print(json.dumps(run_demo(settings, f"http://127.0.0.1:{port}" if desk else "")), flush=True)
    if desk:
        try:
            serve_desk(settings, port)
        except KeyboardInterrupt:
            _say("desk stopped")
    return 0
