"""Downloader middlewares that keep Pantau's crawls polite and safe.

- GuardMiddleware: only registered outlets' sites are fetched, and never a private, loopback or link-local address
  (a redirect from a public page to 127.0.0.1 or 10.x is refused) unless the crawl explicitly allows it (tests and
  the demo serve their sample site on 127.0.0.1).
- RobotsMiddleware: robots.txt of the *real* site is obeyed, also when the site is served from a mapped address.
- SiteHealthMiddleware: what every site answered (or failed with) in this crawl, for the per-site back-off; a site
  whose first contacts fail at the connection level (DNS, refused, timeout) is given up for the rest of the crawl,
  so a dead site costs one attempt, not one attempt (and its retries) per URL.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from protego import Protego
from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


def is_public_address(host: str) -> bool:
    """False for loopback, private, link-local, multicast, reserved or unspecified addresses."""
    try:
        addr = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return True  # a name: resolved by `resolves_public`
    return not (
        addr.is_private
        or addr.is_loopback
        or addr.is_link_local
        or addr.is_multicast
        or addr.is_reserved
        or addr.is_unspecified
    )


@lru_cache(maxsize=4096)
def resolves_public(host: str) -> bool:
    if not is_public_address(host):
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return True  # unresolvable: the download itself fails with a DNS error, recorded as a skip
    return all(is_public_address(str(info[4][0])) for info in infos)


class GuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.allow_private = crawler.settings.getbool("PANTAU_ALLOW_PRIVATE_ADDRESSES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider: Any = self.crawler.spider
        real = spider.urlmap.to_real(request.url)
        if not spider.is_registered(real):
            raise IgnoreRequest(f"offsite: {real} is not on a registered outlet's site")
        if spider.site_down(real):
            raise IgnoreRequest(f"site unreachable in this crawl: {real}")
        host = urlsplit(request.url).hostname or ""
        if not self.allow_private and not resolves_public(host):
            raise IgnoreRequest(f"refused: {host} is a private or loopback address")


class RobotsMiddleware:
    """robots.txt per real site (scheme + host), fetched through the URL map."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.user_agent: str = crawler.settings.get("ROBOTSTXT_USER_AGENT") or "PantauBot"
        self._parsers: dict[str, Protego | Deferred[Protego | None] | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt"):
            return
        spider: Any = self.crawler.spider
        real = spider.urlmap.to_real(request.url)
        parser = await self._parser(real)
        if parser is not None and not parser.can_fetch(real, self.user_agent):
            self.crawler.stats.inc_value("robotstxt/forbidden")
            raise IgnoreRequest(f"forbidden by robots.txt: {real}")

    async def _parser(self, real_url: str) -> Protego | None:
        parts = urlsplit(real_url)
        key = f"{parts.scheme}://{parts.netloc}"
        current = self._parsers.get(key)
        if isinstance(current, Deferred):
            return await maybe_deferred_to_future(current)
        if key in self._parsers:
            return current
        waiter: Deferred[Protego | None] = Deferred()
        self._parsers[key] = waiter
        spider: Any = self.crawler.spider
        robots = Request(
            spider.urlmap.to_local(f"{key}/robots.txt"),
            priority=1000,
            meta={
                "dont_obey_robotstxt": True,
                "pantau_robots": True,
                "real_url": f"{key}/robots.txt",
                "download_slot": spider.site_of(real_url),
            },
            callback=NO_CALLBACK,
        )
        parser: Protego | None = None
        try:
            if self.crawler.engine is None:
                raise RuntimeError("the crawler has no engine yet")
            response = await self.crawler.engine.download_async(robots)
            if 200 <= response.status < 300:
                parser = Protego.parse(response.body.decode("utf-8", errors="replace"))
            # 4xx: no robots.txt, everything allowed; 5xx after retries: treated the same, and logged.
            elif response.status >= 500:
                log.warning("robots.txt of %s answered %s; crawling as if it allowed everything", key, response.status)
        except Exception as exc:  # noqa: BLE001  # any download failure means: no robots.txt rules
            log.warning("robots.txt of %s could not be fetched: %s", key, exc)
        self._parsers[key] = parser
        waiter.callback(parser)
        return parser


class BackoffMiddleware:
    """Exponential backoff before a retried request (Scrapy's own retry re-queues at once)."""

    def __init__(self, crawler: Crawler) -> None:
        self.base = crawler.settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = crawler.settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        retries = int(request.meta.get("retry_times", 0))
        if retries:
            import asyncio

            await asyncio.sleep(min(self.base * 2 ** (retries - 1), self.cap))


# Failures that say the site itself cannot be reached (as opposed to one page being missing).
CONNECTION_FAILURES = (
    "CannotResolveHostError",  # Scrapy 2.13+ names
    "DownloadConnectionRefusedError",
    "DownloadTimeoutError",
    "DownloadFailedError",
    "DNSLookupError",  # Twisted's
    "ConnectionRefusedError",
    "TCPTimedOutError",
    "TimeoutError",
    "ConnectError",
    "NoRouteError",
    "ConnectionLost",
    "ResponseNeverReceived",
    "ConnectingCancelledError",
)


class SiteHealthMiddleware:
    """Records per site whether it answered; sits just outside RetryMiddleware so it sees every attempt."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteHealthMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider: Any = self.crawler.spider
        real = request.meta.get("real_url") or spider.urlmap.to_real(request.url)
        if spider.site_down(real):  # given up while this request waited (for robots.txt, say)
            raise IgnoreRequest(f"site unreachable in this crawl: {real}")

    def process_response(self, request: Request, response: Any) -> Any:
        spider: Any = self.crawler.spider
        real = request.meta.get("real_url") or spider.urlmap.to_real(request.url)
        status = int(getattr(response, "status", 200))
        if status >= 500 or status == 429:
            spider.site_failed(real, f"HTTP {status}", connection=False)
        else:
            spider.site_answered(real)
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        if isinstance(exception, IgnoreRequest):
            return
        spider: Any = self.crawler.spider
        real = request.meta.get("real_url") or spider.urlmap.to_real(request.url)
        kind = type(exception).__name__
        spider.site_failed(real, f"{kind}: {exception}"[:300], connection=kind in CONNECTION_FAILURES)
