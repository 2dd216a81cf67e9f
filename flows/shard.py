"""Flow `shard`: one crawl shard end to end - back-off check, one Scrapy process, process, index, alert.

`monitor` and `backfill` split the registry into shards (pantau.crawl.shards) and run this flow once per shard:
inside their own run (dispatch "local") or as flow runs of the `shard` deployment that any worker of the pool picks
up (dispatch "deployment"), so more workers on more machines crawl more shards at once. Each shard processes,
indexes and alerts its own articles as soon as its crawl is done: a slow shard holds back nobody else's alerts.
Sites that failed a whole earlier crawl wait out their back-off (pantau.store.sites) and cost nothing; what every
site answered this time is recorded. The summary is returned and, for the parent, kept as a table artifact of the
run (the Prefect server is what every worker shares). Re-running a shard duplicates nothing: ids come from
canonical URLs, the seen state skips what is indexed, alerts are keyed by story and rule.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE

from flows.tasks import alert, index, process
from pantau.config import load_settings
from pantau.crawl.plan import parse_since
from pantau.crawl.progress import ProgressCallback
from pantau.crawl.registry import Outlet, select_outlets
from pantau.crawl.runner import run_crawl, run_dir
from pantau.crawl.shards import Shard, outlet_site
from pantau.crawl.urlmap import UrlMap
from pantau.errors import PantauError
from pantau.records import RawArticle
from pantau.store.connect import open_store
from pantau.store.endpoints import with_discovered_endpoints
from pantau.store.sites import SiteOutcome, backed_off, record_outcomes
from pantau.store.templates import setup

# label -> progress callback of a shard run inside this process (a terminal's display); never a flow parameter.
PROGRESS: dict[str, ProgressCallback] = {}


@task(retries=2, retry_delay_seconds=[10, 60], cache_policy=NO_CACHE)
def skip_backed_off(outlets: list[Outlet]) -> tuple[list[Outlet], dict[str, str]]:
    """The outlets whose site is not waiting out a back-off, and site -> until when for the others. Without an
    engine nothing is backed off (the crawl still works; the seen state says the same)."""
    try:
        store = open_store(load_settings())
    except PantauError as exc:
        get_run_logger().warning("site back-off not checked: %s", exc)
        return outlets, {}
    try:
        waiting = backed_off(store, {outlet_site(o) for o in outlets})
    except PantauError as exc:
        get_run_logger().warning("site back-off not checked: %s", exc)
        return outlets, {}
    finally:
        store.close()
    return [o for o in outlets if outlet_site(o) not in waiting], {s: d["backoff_until"] for s, d in waiting.items()}


@task(retries=2, retry_delay_seconds=[30, 120], tags=["crawl"], cache_policy=NO_CACHE)
def crawl_shard(
    outlets: list[Outlet], since: str, until: str | None, out: str, site_base: str, options: dict[str, Any]
) -> dict[str, Any]:
    """Network IO: the shard's outlets in one Scrapy process."""
    settings = load_settings()
    url_map = UrlMap.for_outlets(site_base, outlets) if site_base else None
    outlets = with_discovered_endpoints(settings, outlets, url_map, allow_private=bool(site_base))
    result = run_crawl(
        settings,
        outlets,
        parse_since(since, 0),
        Path(out),
        url_map=url_map,
        allow_private=bool(site_base),
        until=parse_since(until, 0) if until else None,
        on_progress=PROGRESS.get(options.pop("label", "")),
        **options,
    )
    return {"articles": result.articles(), "stats": result.stats}


@task(retries=2, retry_delay_seconds=[10, 60], cache_policy=NO_CACHE)
def record_sites(outlets: list[Outlet], sites: dict[str, Any]) -> dict[str, list[str]]:
    """Network IO: back off the sites that failed this whole crawl, reset those that answered again."""
    by_site: dict[str, list[str]] = defaultdict(list)
    for outlet in outlets:
        by_site[outlet_site(outlet)].append(outlet.name)
    settings = load_settings()
    store = open_store(settings)
    try:
        setup(store)  # idempotent; the sites index may be newer than the last `pantau setup`
        outcomes = [SiteOutcome.from_stats(site, data) for site, data in sites.items()]
        return record_outcomes(store, settings, outcomes, by_site)
    finally:
        store.close()


def worker_identity() -> dict[str, Any]:
    """Where this shard ran: the host, this process, and its parent (the Prefect worker, for deployment runs)."""
    return {"host": socket.gethostname(), "pid": os.getpid(), "worker_pid": os.getppid()}


@flow(name="shard", flow_run_name="{label}")
def shard(
    outlets: list[str],
    since: str,
    until: str | None = None,
    site_base: str | None = None,
    label: str = "shard",
    pilkada_only: bool | None = None,
    max_articles_per_outlet: int = 500,
) -> dict[str, Any]:
    """Crawl, process, index and alert the named outlets (of `[crawl] registry`); `since`/`until` as for
    `pantau crawl`."""
    settings = load_settings()
    logger = get_run_logger()
    base = settings.monitor.site_base if site_base is None else site_base
    chosen = select_outlets(outlets)
    crawlable, waiting = skip_backed_off(chosen)
    summary: dict[str, Any] = {
        "label": label,
        "outlets": len(chosen),
        "crawled_outlets": len(crawlable),
        "backed_off": sorted(waiting),
        **worker_identity(),
    }
    raw: list[RawArticle] = []
    stats: dict[str, Any] = {}
    if crawlable:
        folder = run_dir(settings, label)
        options = {"pilkada_only": pilkada_only, "max_articles_per_outlet": max_articles_per_outlet, "label": label}
        got = crawl_shard(crawlable, since, until, str(folder), base, options)
        raw, stats = got["articles"], got["stats"]
        summary["run_dir"] = str(folder)
        changes = record_sites(crawlable, stats.get("sites", {}))
        summary["newly_backed_off"], summary["recovered"] = changes["backed_off"], changes["recovered"]
    articles = process(raw) if raw else []
    indexed = index(articles) if articles else {"indexed": 0, "dead_lettered": 0}
    alerts = alert([a.id for a in articles], retry_failed_deliveries=False) if articles else {}
    summary |= {
        "crawled": len(raw),
        "pages": stats.get("pages", 0),
        "skips": len(stats.get("skips", [])),
        "layout_drift": sorted(n for n, o in stats.get("outlets", {}).items() if o.get("layout_drift")),
        "process_skipped": len(stats.get("bad_lines", [])),
        "processed": len(articles),
        "indexed": indexed.get("indexed", 0),
        "dead_lettered": indexed.get("dead_lettered", 0),
        "flagged": sum(bool(a.flags) for a in articles),
        "alerts_sent": alerts.get("sent", 0),
        "alerts_failed": alerts.get("failed", 0),
        "article_ids": sorted({a.id for a in articles}),
        "crawl_process": stats.get("process", {}),
    }
    create_table_artifact(
        table=[{"field": key, "value": json.dumps(value, ensure_ascii=False)} for key, value in summary.items()],
        description=f"pantau {label}: summary",
    )
    logger.info(
        "%s: %d outlets (%d backed off), %d articles, %d indexed, %d alerts",
        label,
        len(chosen),
        len(waiting),
        len(raw),
        summary["indexed"],
        summary["alerts_sent"],
    )
    return summary


def summary_from_artifact(rows: list[dict[str, str]]) -> dict[str, Any]:
    """The summary a shard run left in its table artifact."""
    return {row["field"]: json.loads(row["value"]) for row in rows}


# -- running a cycle's shards -------------------------------------------------------------------------------------

SHARD_DEPLOYMENT = "shard/shard"
DISPATCHES = ("local", "deployment")
# Shards in flight per cycle (deployment dispatch: waiting threads only; the workers' limits decide what runs).
MAX_IN_FLIGHT = 256
_LOCAL_SLOTS: dict[int, threading.BoundedSemaphore] = {}
_LOCAL_LOCK = threading.Lock()


def _local_slots(limit: int) -> threading.BoundedSemaphore:
    with _LOCAL_LOCK:
        return _LOCAL_SLOTS.setdefault(limit, threading.BoundedSemaphore(limit))


@task(cache_policy=NO_CACHE, task_run_name="run {params[label]} here")
def run_shard_here(params: dict[str, Any], parallel: int) -> dict[str, Any]:
    """The shard as a subflow of this run, at most `parallel` of them at once in this process."""
    with _local_slots(parallel):
        summary: dict[str, Any] = shard(**params)
        return summary


@task(cache_policy=NO_CACHE, task_run_name="dispatch {params[label]}")
def run_shard_deployment(params: dict[str, Any], cycle_id: str) -> dict[str, Any]:
    """The shard as a flow run of the `shard` deployment, run by whichever worker of the pool takes it; waits for
    it and reads back its summary artifact. The idempotency key makes a retried dispatch reuse the same run."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    run: FlowRun = run_deployment(  # type: ignore[assignment]  # the sync call of a sync_compatible function
        SHARD_DEPLOYMENT,
        parameters=params,
        timeout=None,
        poll_interval=2,
        idempotency_key=f"{cycle_id}:{params['label']}",
    )
    state = run.state
    if state is None or not state.is_completed():
        raise PantauError(f"{params['label']} ended {state.name if state else 'without a state'} (flow run {run.id})")
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run.id]))
        )
    for artifact in found:
        if artifact.type == "table" and artifact.data:
            data: Any = json.loads(artifact.data) if isinstance(artifact.data, str) else artifact.data
            return summary_from_artifact(data) | {"flow_run_id": str(run.id)}
    raise PantauError(f"{params['label']} (flow run {run.id}) left no summary artifact")


def run_shards(
    shards: list[Shard],
    common: dict[str, Any],
    dispatch: str,
    parallel: int,
    cycle_id: str,
    progress: dict[str, ProgressCallback] | None = None,
) -> list[dict[str, Any]]:
    """Every shard's summary, in shard order; a shard that failed is a summary with its error, not a lost cycle.
    `progress`: label -> callback for shards run here (a terminal's display)."""
    if dispatch not in DISPATCHES:
        raise PantauError(f"dispatch must be one of {', '.join(DISPATCHES)}, got {dispatch!r}")
    params = [{**common, "outlets": s.names, "label": s.label} for s in shards]
    labels = [p["label"] for p in params]
    PROGRESS.update(progress or {})
    try:
        if dispatch == "local":
            futures = [run_shard_here.submit(p, parallel) for p in params]
        else:
            futures = [run_shard_deployment.submit(p, cycle_id) for p in params]
        summaries = []
        for p, future in zip(params, futures, strict=True):
            try:
                summaries.append(future.result())
            except Exception as exc:  # noqa: BLE001 - one failed shard is reported; the others' work stands
                get_run_logger().error("%s failed: %s", p["label"], exc)
                summaries.append({"label": p["label"], "outlets": len(p["outlets"]), "error": str(exc)[:500]})
    finally:
        for label in labels:
            PROGRESS.pop(label, None)
    return summaries


def combine(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """The cycle's summary from its shards' (sums, plus what no shard may do: index one article twice)."""
    total: dict[str, Any] = {"shards": len(summaries)}
    for key in ("outlets", "crawled", "pages", "skips", "process_skipped", "processed", "indexed", "dead_lettered"):
        total[key] = sum(int(s.get(key, 0)) for s in summaries)
    total["flagged"] = sum(int(s.get("flagged", 0)) for s in summaries)
    total["alerts_sent"] = sum(int(s.get("alerts_sent", 0)) for s in summaries)
    total["alerts_failed"] = sum(int(s.get("alerts_failed", 0)) for s in summaries)
    total["layout_drift"] = sorted(n for s in summaries for n in s.get("layout_drift", []))
    total["backed_off"] = sorted(site for s in summaries for site in s.get("backed_off", []))
    total["newly_backed_off"] = sorted(site for s in summaries for site in s.get("newly_backed_off", []))
    total["recovered"] = sorted(site for s in summaries for site in s.get("recovered", []))
    ids = [i for s in summaries for i in s.get("article_ids", [])]
    total["duplicate_articles"] = len(ids) - len(set(ids))
    total["failed_shards"] = [s["label"] for s in summaries if s.get("error")]
    total["shard_runs"] = [
        {k: s.get(k) for k in ("label", "outlets", "crawled", "indexed", "host", "pid", "worker_pid", "error")}
        | {"crawl_cpu_seconds": (s.get("crawl_process") or {}).get("cpu_seconds")}
        | {"crawl_max_rss_mb": (s.get("crawl_process") or {}).get("max_rss_mb")}
        for s in summaries
    ]
    return total
