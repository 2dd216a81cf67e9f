"""Discovery from a bare domain: which news sitemaps, sitemaps and feeds an outlet offers, found on the site itself.

Where it looks, in order: the `Sitemap:` lines of robots.txt; the RSS/Atom `<link rel="alternate">` of the home page;
the endpoints written in the registry row (hints); the WordPress defaults when the home page is a WordPress site
(`/feed/`, `/wp-sitemap.xml`, Yoast's `/sitemap_index.xml`, `/news-sitemap.xml`); and only when all that found
nothing, the common paths (`/sitemap.xml`, `/sitemap_news.xml`, `/rss`, `/feed`). A sitemap index is opened and its
news sitemaps (child names with "news") are checked too. Every endpoint is fetched and kept only when it parses as
what it claims with at least one entry; robots.txt disallow rules are obeyed.

Bounded: every request has a timeout and a byte cap, the whole domain a time budget and a request budget, and a
domain whose robots.txt cannot be reached at all (DNS, refused, timeout) is given up after that one request.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from pantau.crawl.discovery import classify_endpoint, parse_home_page, robots_sitemaps
from pantau.crawl.registry import Discovery, Outlet, site_root
from pantau.crawl.urlmap import UrlMap

WORDPRESS_DEFAULTS = ("/feed/", "/wp-sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")
COMMON_PATHS = ("/sitemap.xml", "/sitemap_news.xml", "/sitemap-news.xml", "/rss", "/feed")
KINDS = ("news_sitemap", "sitemap", "feed")
MAX_NEWS_CHILDREN = 3


@dataclass(frozen=True)
class Limits:
    timeout: float = 4.0  # seconds per request
    budget: float = 12.0  # seconds per domain
    max_requests: int = 16
    max_bytes: int = 5 * 1024 * 1024


@dataclass
class Endpoint:
    url: str
    kind: str  # news_sitemap | sitemap | feed
    found_by: str  # robots | home | registry | wordpress | common | sitemap_index
    items: int
    newest: str | None = None


@dataclass
class Probe:
    """One checked URL: what it was, or why it was not kept."""

    url: str
    found_by: str
    status: str  # ok | http <code> | error: ... | empty | not a sitemap or feed | robots.txt disallows | skipped
    kind: str = ""


@dataclass
class DiscoveryResult:
    domain: str
    outlet_key: str
    checked_at: str
    endpoints: list[Endpoint] = field(default_factory=list)
    probes: list[Probe] = field(default_factory=list)
    wordpress: bool = False
    reachable: bool = True
    error: str = ""
    seconds: float = 0.0
    requests: int = 0

    def discovery(self) -> Discovery:
        """The endpoints as a registry Discovery (what the crawl plan hands the spider), sorted like the store's."""
        by_kind = {kind: tuple(sorted(e.url for e in self.endpoints if e.kind == kind)) for kind in KINDS}
        return Discovery(news_sitemaps=by_kind["news_sitemap"], sitemaps=by_kind["sitemap"], feeds=by_kind["feed"])

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Response:
    status: int
    body: bytes
    error: str = ""


Fetch = Callable[[str, float], Response]


class _NoPrivateRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to public addresses (or anywhere when the outlet itself is served locally)."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if not self.allow_private and _is_private(urlsplit(newurl).hostname or ""):
            raise urllib.error.URLError(f"redirect to a private address refused: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _is_private(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local:
            return True
    return False


_RESOLVER = ThreadPoolExecutor(max_workers=8, thread_name_prefix="pantau-dns")


def _resolves(host: str, timeout: float) -> str:
    """ "" when the host name resolves within `timeout` (the socket timeout does not bound DNS), else the error."""
    try:
        _RESOLVER.submit(socket.getaddrinfo, host, None).result(timeout=timeout)
    except FutureTimeout:
        return f"error: DNS lookup of {host} took over {timeout:.1f}s"
    except OSError as exc:
        return f"error: DNS lookup of {host} failed ({exc})"
    return ""


def http_fetcher(user_agent: str, max_bytes: int, url_map: UrlMap | None = None, allow_private: bool = False) -> Fetch:
    """A fetcher over urllib: real URL in, mapped address fetched (the sample site), local links made real again."""
    opener = urllib.request.build_opener(_NoPrivateRedirects(allow_private or bool(url_map)))

    def fetch(url: str, timeout: float) -> Response:
        target = url_map.to_local(url) if url_map else url
        if urlsplit(target).scheme not in ("http", "https"):
            return Response(0, b"", f"error: not an http(s) URL: {target}")
        unresolved = _resolves(urlsplit(target).hostname or "", timeout)
        if unresolved:
            return Response(0, b"", unresolved)
        headers = {"User-Agent": user_agent, "Accept-Encoding": "identity"}
        request = urllib.request.Request(target, headers=headers)  # noqa: S310  # scheme checked above
        try:
            with opener.open(request, timeout=timeout) as resp:
                body = resp.read(max_bytes + 1)
                status = int(resp.status)
        except urllib.error.HTTPError as exc:
            exc.close()
            return Response(exc.code, b"", f"http {exc.code}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return Response(0, b"", f"error: {reason}")
        if len(body) > max_bytes:
            return Response(status, b"", f"over the page-size cap of {max_bytes} bytes")
        return Response(status, url_map.realify(body) if url_map else body)

    return fetch


class _Session:
    def __init__(self, fetch: Fetch, limits: Limits) -> None:
        self.fetch, self.limits = fetch, limits
        self.started = time.monotonic()
        self.requests = 0

    def left(self) -> float:
        return self.limits.budget - (time.monotonic() - self.started)

    def get(self, url: str) -> Response | None:
        """None when the domain's time or request budget is spent."""
        remaining = self.left()
        if remaining <= 0.2 or self.requests >= self.limits.max_requests:
            return None
        self.requests += 1
        return self.fetch(url, min(self.limits.timeout, remaining))


def discover(
    outlet: Outlet, fetch: Fetch, limits: Limits | None = None, now: datetime | None = None
) -> DiscoveryResult:
    """Find the outlet's working endpoints from its domain (and its registry row's hints)."""
    limits = limits or Limits()
    session = _Session(fetch, limits)
    base = f"https://{outlet.domain}"
    result = DiscoveryResult(outlet.domain, outlet.key, (now or datetime.now(UTC)).isoformat(timespec="seconds"))
    robots = urllib.robotparser.RobotFileParser()
    robots_url = f"{base}/robots.txt"
    first = session.get(robots_url)
    if first is None or (first.status == 0 and first.error):
        result.reachable = False
        result.error = first.error if first else "no time left"
        result.probes.append(Probe(robots_url, "robots", result.error))
        return _done(result, session)
    robots_text = first.body.decode("utf-8", "replace") if first.status == 200 else ""
    robots.parse(robots_text.splitlines())
    result.probes.append(Probe(robots_url, "robots", "ok" if first.status == 200 else f"http {first.status}"))

    queue: list[tuple[str, str]] = [(u, "robots") for u in robots_sitemaps(robots_text, base + "/")]
    home = session.get(outlet.home_url)
    if home is not None and home.status == 200:
        page = parse_home_page(home.body, outlet.home_url)
        result.wordpress = page.wordpress
        queue += [(u, "home") for u in page.feeds]
    result.probes.append(Probe(outlet.home_url, "home", _status(home)))
    hints = outlet.discovery
    queue += [(u, "registry") for u in [*hints.news_sitemaps, *hints.sitemaps, *hints.feeds]]
    own = base + outlet.path_prefix  # defaults live under a channel's path on a shared host
    if result.wordpress:
        queue += [(own + path, "wordpress") for path in WORDPRESS_DEFAULTS]
    _check_all(queue, outlet, robots, session, result)
    if not result.endpoints and session.left() > 0:
        _check_all([(own + path, "common") for path in COMMON_PATHS], outlet, robots, session, result)
    return _done(result, session)


def _status(resp: Response | None) -> str:
    if resp is None:
        return "skipped: discovery budget spent"
    if resp.error:
        return resp.error
    return "ok" if resp.status == 200 else f"http {resp.status}"


def _check_all(
    queue: list[tuple[str, str]],
    outlet: Outlet,
    robots: urllib.robotparser.RobotFileParser,
    session: _Session,
    result: DiscoveryResult,
) -> None:
    seen = {p.url for p in result.probes}
    agent = "PantauBot"
    while queue:
        url, found_by = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        host = urlsplit(url).hostname or ""
        if host != outlet.domain and site_root(host) != site_root(outlet.domain):
            result.probes.append(Probe(url, found_by, "not on the outlet's own site"))
            continue
        # a channel on a shared host (detik's regional channels) keeps only what lies under its own path
        outside = not urlsplit(url).path.startswith(outlet.path_prefix + "/")
        if outlet.path_prefix and found_by != "registry" and outside:
            result.probes.append(Probe(url, found_by, "outside the outlet's path prefix"))
            continue
        if not robots.can_fetch(agent, url):
            result.probes.append(Probe(url, found_by, "robots.txt disallows"))
            continue
        resp = session.get(url)
        if resp is None or resp.status != 200 or resp.error:
            result.probes.append(Probe(url, found_by, _status(resp)))
            continue
        what = classify_endpoint(resp.body, url)
        if not what.kind:
            result.probes.append(Probe(url, found_by, "not a sitemap or feed"))
            continue
        if what.items == 0:
            result.probes.append(Probe(url, found_by, "empty", what.kind))
            continue
        result.probes.append(Probe(url, found_by, "ok", what.kind))
        if what.kind == "sitemap_index":
            # the index itself is a sitemap (the spider follows its children); its news sitemaps are checked as such
            result.endpoints.append(Endpoint(url, "sitemap", found_by, what.items))
            news = [c for c in what.children if "news" in c.rsplit("/", 1)[-1].lower()][:MAX_NEWS_CHILDREN]
            queue[:0] = [(c, "sitemap_index") for c in news]
            continue
        newest = what.newest.isoformat() if what.newest else None
        result.endpoints.append(Endpoint(url, what.kind, found_by, what.items, newest))


def _done(result: DiscoveryResult, session: _Session) -> DiscoveryResult:
    result.seconds = round(time.monotonic() - session.started, 3)
    result.requests = session.requests
    return result
