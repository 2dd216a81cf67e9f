"""Login, logout and `/healthz` (200 without login)."""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from pantau.desk import audit, draft_pages, drafts
from pantau.desk.app import Ctx, Desk, page
from pantau.desk.sessions import Session
from pantau.errors import PantauError

log = logging.getLogger(__name__)


HEALTH_TIMEOUT = 1.5  # seconds: /healthz answers within about this long even when the engine is down


async def healthz(request: Request) -> Response:
    """Liveness for a load balancer or monitor, without login: 200 when the engine answers, 503 with the reason
    when it does not. One quick look (no retries, HEALTH_TIMEOUT), in a worker thread: never blocks other pages."""
    desk: Desk = request.app.state.desk
    problem = await run_in_threadpool(desk.store.ping, HEALTH_TIMEOUT)
    headers = {"Cache-Control": "no-store"}
    if problem:
        log.warning("desk: /healthz: %s (%s)", problem, desk.store.info.url)
        return JSONResponse({"status": "unavailable", "engine": "down", "reason": problem}, 503, headers=headers)
    return JSONResponse({"status": "ok", "engine": "up"}, headers=headers)


def _next(target: str) -> str:
    """Only a path on this site (never //host or a scheme) is followed after login."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _login_page(ctx: Ctx, target: str, error: str | None, code: int = 200) -> Response:
    """The login form; a draft it carries from an ended session (draft_pages.keep_draft) stays in it."""
    kept, based_on = draft_pages.kept_texts(ctx) if ctx.form is not None else ({}, "")
    return ctx.render(
        "login.html",
        code=code,
        next=target,
        error=error,
        kept=kept if any(kept.values()) else {},
        kept_based_on=based_on,
        labels=drafts.LABELS,
    )


@page(None)
def login_form(ctx: Ctx) -> Response:
    if ctx.user:
        return ctx.redirect("/")
    return _login_page(ctx, _next(ctx.params.get("next", "/")), None)


def _audit_login(ctx: Ctx, name: str, role: str, action: str, outcome: str) -> None:
    try:
        audit.record(
            ctx.store, user=name, role=role, action=action, target="session", outcome=outcome, client=ctx.client
        )
    except PantauError as exc:  # a login must not fail because the trail is unreachable; it is logged
        log.warning("desk: could not write the audit entry of a %s: %s", action, exc)


def _stale_login(ctx: Ctx) -> Response | None:
    """A login form from a session that ended meanwhile, carrying a kept draft: the form again, with the draft."""
    kept, _ = draft_pages.kept_texts(ctx)
    if not any(kept.values()):
        return None
    target = _next(ctx.field("next", 500) or "/")
    return _login_page(ctx, target, "Formulir masuk kedaluwarsa; masuk sekali lagi.", code=403)


@page(None, keep=_stale_login)
def login(ctx: Ctx) -> Response:
    name = ctx.field("username", 64).lower()
    password = ctx.form.get("password") if ctx.form is not None else None
    target = _next(ctx.field("next", 500) or "/")
    keys = [f"client:{ctx.client}", f"user:{name}"]
    limiter = ctx.desk.limiter
    wait = limiter.retry_after(keys)
    if wait > 0:
        response = _login_page(
            ctx, target, f"Terlalu banyak percobaan masuk. Coba lagi dalam {int(wait) + 1} detik.", code=429
        )
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    user = ctx.desk.users.authenticate(name, password if isinstance(password, str) else "")
    if user is None:
        limiter.failed(keys)
        known = ctx.desk.users.get(name)
        _audit_login(ctx, known.name if known else "(tidak dikenal)", "", "login", "refused")
        return _login_page(ctx, target, "Nama akun atau kata sandi salah.", code=401)
    limiter.succeeded(f"user:{name}")
    fresh = Session.new(user.name)  # a new identifier at login: no session fixation
    ctx.session.sid, ctx.session.user, ctx.session.changed = fresh.sid, fresh.user, True
    ctx.session.key = user.session_key
    ctx.user = user
    _audit_login(ctx, user.name, user.role, "login", "ok")
    kept, based_on = draft_pages.kept_texts(ctx)
    draft_of = draft_pages.DRAFT_PATH.match(target)
    if any(kept.values()) and draft_of and user.can("piket"):
        # the draft written before the session ended, back in its form, unsaved
        offered = draft_pages.offer_kept(ctx, draft_of.group(1), kept, based_on)
        if offered is not None:
            return offered
    return ctx.redirect(target)


@page(None)
def logout(ctx: Ctx) -> Response:
    if ctx.user:
        ctx.desk.users.end_sessions(ctx.user.name)  # this cookie, and any copy of it, is refused from now on
        _audit_login(ctx, ctx.user.name, ctx.user.role, "logout", "ok")
    fresh = Session.new()
    ctx.session.sid, ctx.session.user, ctx.session.key, ctx.session.changed = fresh.sid, None, "", True
    return ctx.redirect("/login", "Anda sudah keluar.")
