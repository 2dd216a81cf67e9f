"""The desk's web application (Starlette + Jinja2): request plumbing shared by every page.

`create_app(settings)` builds the app; `page(role)` wraps a page function so that it gets the session, the
account and, for a POST, the parsed form, after the CSRF token was checked (a POST without its session's token is
refused with 403 before anything is read or changed). Page functions are synchronous and run in a worker thread,
so engine requests never block the event loop.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.templating import Jinja2Templates

from pantau.config import Settings
from pantau.desk import csrf
from pantau.desk.client_address import client_address
from pantau.desk.ratelimit import LoginLimiter
from pantau.desk.sessions import COOKIE, Session, SessionCodec, secret_key
from pantau.desk.users import User, UserStore
from pantau.errors import SearchRequestError, SearchUnavailableError
from pantau.resources import data_path
from pantau.store.client import Store

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    # no scripts at all: every page works without JavaScript; styles are inline in the base template
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        "base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass
class Desk:
    """What every request shares: settings, the engine, the accounts, the session codec and the login limiter."""

    settings: Settings
    store: Store
    users: UserStore
    key: str
    codec: SessionCodec
    limiter: LoginLimiter
    templates: Jinja2Templates


@dataclass
class Ctx:
    """One request as a page function sees it."""

    request: Request
    desk: Desk
    session: Session
    user: User | None
    form: FormData | None = None
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def store(self) -> Store:
        return self.desk.store

    @property
    def settings(self) -> Settings:
        return self.desk.settings

    @property
    def client(self) -> str:
        """The officer's address: the peer's, or behind a trusted proxy the one it forwarded (`client_address`)."""
        peer = self.request.client.host if self.request.client else ""
        proxies = self.desk.settings.desk.proxy_networks
        return client_address(peer, self.request.headers.getlist("x-forwarded-for"), proxies)

    @property
    def who(self) -> tuple[str, str]:
        return (self.user.name, self.user.role) if self.user else ("(anonim)", "")

    def field(self, name: str, limit: int = 2000) -> str:
        value = self.form.get(name) if self.form is not None else None
        return str(value).strip()[:limit] if isinstance(value, str) else ""

    def text(self, name: str) -> str:
        """A form field as sent, uncut (for texts whose length the page checks itself)."""
        value = self.form.get(name) if self.form is not None else None
        return value if isinstance(value, str) else ""

    def url(self, path: str, **query: str) -> str:
        base = str(self.request.scope.get("root_path", "")).rstrip("/")
        return base + path + (f"?{urlencode(query)}" if query else "")

    def render(self, name: str, code: int = 200, **values: Any) -> Response:
        values.update(
            user=self.user,
            csrf_token=csrf.token_for(self.desk.key, self.session.sid),
            flash=self.session.take_flash(),
            u=self.url,
        )
        return self.desk.templates.TemplateResponse(self.request, name, values, status_code=code)

    def redirect(self, path: str, message: str | None = None, **query: str) -> Response:
        if message:
            self.session.say(message)
        return RedirectResponse(self.url(path, **query), status_code=303)


PageFunction = Callable[[Ctx], Response]
# what a POST route shows instead of a bare refusal when its form arrives from a session that has ended (CSRF token
# of another session, or no login): the officer's text back, unsaved (None: nothing worth keeping)
KeepFunction = Callable[[Ctx], Response | None]


def page(
    role: str | None, keep: KeepFunction | None = None
) -> Callable[[PageFunction], Callable[[Request], Awaitable[Response]]]:
    """Wrap a page function: session, CSRF check on POST, login and role check, cookie and security headers.

    A POST without its session's csrf_token is refused (403) before anything is changed; with `keep`, the refusal
    is the page `keep` gives for it (the submitted text offered back, nothing saved)."""

    def wrap(fn: PageFunction) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            desk: Desk = request.app.state.desk
            loaded = desk.codec.load(request.cookies.get(COOKIE))
            session = loaded or Session.new()
            form = None
            csrf_ok = True
            if request.method == "POST":
                form = await request.form()
                token = form.get(csrf.FIELD)
                csrf_ok = csrf.valid(desk.key, session.sid, token if isinstance(token, str) else None)
                if not csrf_ok:
                    log.warning("desk: refused a %s to %s without a valid csrf_token", request.method, request.url.path)
                    if keep is None:
                        return finish(desk, session, _csrf_refusal())
            ctx = Ctx(request, desk, session, None, form, dict(request.query_params))
            response = await run_in_threadpool(_guarded, fn, ctx, role, csrf_ok, keep)
            return finish(desk, session, response)

        endpoint.__name__ = fn.__name__
        return endpoint

    return wrap


def _guarded(fn: PageFunction, ctx: Ctx, role: str | None, csrf_ok: bool, keep: KeepFunction | None) -> Response:
    if ctx.session.user:
        ctx.user = ctx.desk.users.get(ctx.session.user)
        if ctx.user is None or not hmac.compare_digest(ctx.user.session_key, ctx.session.key):
            # the account was removed, or the session was ended (logout, new password): the cookie is refused
            ctx.user = None
            ctx.session.user, ctx.session.key = None, ""
            ctx.session.changed = True
    try:
        if not csrf_ok:
            return (keep(ctx) if keep else None) or _csrf_refusal()
        if role is not None:
            if ctx.user is None:
                if ctx.request.method == "GET":
                    return ctx.redirect("/login", next=ctx.request.url.path)
                return (keep(ctx) if keep else None) or ctx.redirect("/login", "Silakan masuk lagi.")
            if not ctx.user.can(role):
                return ctx.render(
                    "message.html", code=403, title="Tidak diizinkan", text=f"Halaman ini perlu peran {role}."
                )
        return fn(ctx)
    except SearchUnavailableError:
        log.warning("desk: the search engine is unavailable")
        return ctx.render("message.html", code=503, title="Mesin pencari tidak tersedia", text="Coba lagi nanti.")
    except SearchRequestError as exc:
        log.warning("desk: engine request failed: %s", exc)
        return ctx.render("message.html", code=502, title="Permintaan ke mesin pencari gagal", text=str(exc)[:300])


def _csrf_refusal() -> Response:
    return _plain(403, "Permintaan ditolak: formulir tidak sah (csrf_token).")


def finish(desk: Desk, session: Session, response: Response) -> Response:
    if session.changed:
        response.set_cookie(
            COOKIE,
            desk.codec.dump(session),
            max_age=int(desk.settings.desk.session_hours * 3600),
            httponly=True,
            samesite="lax",
            secure=desk.settings.desk.cookie_secure,
            path="/",
        )
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _plain(status: int, text: str) -> Response:
    return HTMLResponse(f"<!doctype html><title>{status}</title><p>{text}</p>", status_code=status)


def template_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_path("desk_templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from pantau.desk import views

    env.filters.update(views.FILTERS)
    env.globals.update(views.GLOBALS)
    return env


def create_app(settings: Settings, store: Store | None = None, limiter: LoginLimiter | None = None) -> Starlette:
    """The desk on `store` (connected from `settings` when not given)."""
    from pantau.desk.routes import ROUTES

    key = secret_key(settings)
    desk = Desk(
        settings=settings,
        store=store or Store.connect(settings),
        users=UserStore.of(settings),
        key=key,
        codec=SessionCodec(key, settings.desk.session_hours * 3600),
        limiter=limiter or LoginLimiter(settings.desk.login_max_failures, settings.desk.login_window_seconds),
        templates=Jinja2Templates(env=template_env()),
    )
    app = Starlette(routes=ROUTES)
    app.state.desk = desk
    return app
