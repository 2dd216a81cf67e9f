"""Watchlists (admins add and remove them), the health page, the accounts list and the audit trail."""

from __future__ import annotations

import logging
from typing import Any

from starlette.responses import Response

from pantau.alerts.watchlists import WatchlistError, add_watchlist, list_watchlists, remove_watchlist
from pantau.config import SEVERITIES
from pantau.desk import audit
from pantau.desk.app import Ctx, page
from pantau.errors import PantauError

log = logging.getLogger(__name__)


@page("viewer")
def watchlists(ctx: Ctx) -> Response:
    return ctx.render("watchlists.html", items=list_watchlists(ctx.store), severities=SEVERITIES)


@page("admin")
def watchlist_add(ctx: Ctx) -> Response:
    name, role = ctx.who
    try:
        added = add_watchlist(
            ctx.store,
            ctx.settings,
            ctx.field("name", 100),
            ctx.field("query_string", 2000),
            severity=ctx.field("severity", 10) or "medium",
            description=ctx.field("description", 1000),
            created_by=name,
        )
    except WatchlistError as exc:
        return ctx.redirect("/watchlists", f"Watchlist tidak disimpan: {exc}")
    audit.record(
        ctx.store,
        user=name,
        role=role,
        action="watchlist_add",
        target=f"watchlist/{added['id']}",
        summary=f"watchlist {added['name']}: {added['query_string']}",
        after=added,
        client=ctx.client,
    )
    return ctx.redirect("/watchlists", f"Watchlist {added['name']} disimpan.")


@page("admin")
def watchlist_remove(ctx: Ctx) -> Response:
    wid = str(ctx.request.path_params.get("wid", ""))
    name, role = ctx.who
    before = next((w for w in list_watchlists(ctx.store) if w.get("id") == wid), None)
    try:
        removed = remove_watchlist(ctx.store, wid)
    except WatchlistError as exc:
        return ctx.redirect("/watchlists", str(exc))
    audit.record(
        ctx.store,
        user=name,
        role=role,
        action="watchlist_remove",
        target=f"watchlist/{removed}",
        summary=f"watchlist {removed} dihapus",
        before=before or {"id": removed},
        client=ctx.client,
    )
    return ctx.redirect("/watchlists", f"Watchlist {removed} dihapus.")


def _last_cycle(ctx: Ctx) -> dict[str, Any] | None:
    from pantau.ops.health import recent_crawl_stats

    runs = recent_crawl_stats(ctx.settings, hours=24 * 7)
    if not runs:
        return None
    last = max(runs, key=lambda s: str(s.get("finished_at", "")))
    return {
        "finished_at": last.get("finished_at"),
        "finish_reason": last.get("finish_reason"),
        "outlets": len(last.get("outlets") or {}),
        "runs_7d": len(runs),
    }


@page("viewer")
def health(ctx: Ctx) -> Response:
    from pantau.crawl.registry import load_outlets
    from pantau.ops.health import check_health

    problems: list[dict[str, Any]] = []
    error = None
    try:
        problems = check_health(ctx.store, ctx.settings, load_outlets())
    except PantauError as exc:
        error = str(exc)[:300]
    failed = ctx.store.search(
        "alerts",
        {
            "size": 10,
            "query": {"term": {"status": "failed"}},
            "sort": [{"created_at": {"order": "desc"}}],
            "_source": ["channel", "trigger", "title", "error", "created_at", "attempts"],
        },
    )["hits"]["hits"]
    return ctx.render(
        "health.html",
        last=_last_cycle(ctx),
        problems=problems,
        error=error,
        failed=[h["_source"] for h in failed],
    )


@page("admin")
def users(ctx: Ctx) -> Response:
    return ctx.render("users.html", accounts=ctx.desk.users.list())


@page("admin")
def audit_trail(ctx: Ctx) -> Response:
    return ctx.render("audit.html", entries=audit.entries(ctx.store, size=100))
