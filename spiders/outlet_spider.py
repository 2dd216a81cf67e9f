"""The one spider every outlet uses: discover (news sitemaps, RSS/Atom, listings), filter, fetch, extract.

Everything outlet-specific is data: the registry row (discovery endpoints, parser family, Pilkada paths) and the
family parser's selectors. URLs are handled in their real form; `urlmap` translates to the address fetched.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from pantau.config import load_settings
from pantau.crawl.candidates import looks_pilkada
from pantau.crawl.discovery import Candidate, parse_feed, parse_listing, parse_sitemap
from pantau.crawl.plan import CrawlPlan
from pantau.crawl.registry import site_root
from pantau.crawl.seen import SeenIndex, needs_fetch
from pantau.crawl.urlmap import UrlMap
from pantau.extract import extract_html, merge_bodies
from pantau.ids import doc_id
from pantau.records import RawArticle
from pantau.text.dates import WIB

MAX_CHILD_SITEMAPS = 50
MAX_EXTRA_PAGES = 10
PROGRESS_EVERY_SECONDS = 0.5


class OutletSpider(scrapy.Spider):
    name = "pantau"
    custom_settings = {  # noqa: RUF012 - Scrapy reads this class attribute
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "spiders.middlewares.GuardMiddleware": 50,
            "spiders.middlewares.BackoffMiddleware": 60,
            "spiders.middlewares.RobotsMiddleware": 100,
            "spiders.middlewares.SiteHealthMiddleware": 560,
        },
        "ITEM_PIPELINES": {"spiders.pipelines.JsonlPipeline": 300},
    }
    _progress_at = 0.0
    _progress_path: Path | None = None  # set by __init__: where progress() writes

    def __init__(self, plan: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = CrawlPlan.read(Path(plan))
        self.urlmap = UrlMap.from_dict(self.plan.url_map)
        self._local_origins = {_origin(local).encode() for _real, local in self.urlmap.pairs}
        self.since = datetime.fromisoformat(self.plan.since)
        self.until = datetime.fromisoformat(self.plan.until) if self.plan.until else None
        self.outlets: dict[str, dict[str, Any]] = {o["name"]: o for o in self.plan.outlets}
        self.sites = {site_root(o["domain"]) for o in self.plan.outlets}
        self.requested: set[str] = set()
        self.seen_skipped: set[str] = set()
        self.seen_cache: dict[str, tuple[bool, datetime | None]] = {}
        self.lastmods: dict[str, datetime] = {}
        self.report: dict[str, Any] = {
            "pages": 0,
            "article_pages": 0,
            "articles": 0,
            "skips": [],
            "filtered_not_pilkada": 0,
            "older_than_since": 0,
            "newer_than_until": 0,
            "seen_state_error": None,
        }
        self.per_outlet: dict[str, Counter[str]] = defaultdict(Counter)
        # Per site (the politeness unit, `site_root`): answers, failures, the last failure, and whether it was given
        # up for this crawl after failing at the connection level before answering anything.
        self.site_counts: dict[str, Counter[str]] = {site: Counter() for site in sorted(self.sites)}
        self.site_errors: dict[str, str] = {}
        self.sites_down: set[str] = set()
        self.discovery_requests = 0
        self._progress_path = Path(self.plan.out_dir, "progress.json")
        settings = load_settings()
        self.seen = SeenIndex(self._store(settings) if self.plan.use_seen else None)

    @staticmethod
    def _store(settings: Any) -> Any:
        from pantau.errors import PantauError
        from pantau.store.client import Store

        try:
            return Store.connect(settings)
        except PantauError:
            return None

    # -- helpers ---------------------------------------------------------------------------------------------

    def is_registered(self, real_url: str) -> bool:
        host = urlsplit(real_url).hostname or ""
        return bool(host) and site_root(host) in self.sites

    def site_of(self, real_url: str) -> str:
        return site_root(urlsplit(real_url).hostname or "")

    def site_down(self, real_url: str) -> bool:
        return bool(self.sites_down) and self.site_of(real_url) in self.sites_down

    def site_answered(self, real_url: str) -> None:
        counts = self.site_counts.get(self.site_of(real_url))
        if counts is not None:
            counts["answered"] += 1

    def site_failed(self, real_url: str, reason: str, *, connection: bool) -> None:
        site = self.site_of(real_url)
        counts = self.site_counts.get(site)
        if counts is None:
            return
        counts["failed"] += 1
        self.site_errors[site] = reason
        if connection and not counts["answered"] and site not in self.sites_down:
            self.sites_down.add(site)
            self.logger.warning("giving up %s for this crawl: %s", site, reason)

    def _request(self, real_url: str, callback: Any, outlet: str, errback: Any = None, **meta: Any) -> scrapy.Request:
        # One download slot per real site (not per fetched host): politeness and AutoThrottle hold per site even
        # when every outlet is served from one local address.
        return scrapy.Request(
            self.urlmap.to_local(real_url),
            callback=callback,
            errback=errback or self.on_error,
            meta={"outlet": outlet, "real_url": real_url, "download_slot": self.site_of(real_url), **meta},
        )

    def progress(self, force: bool = False) -> None:
        """progress.json in the output folder (at most twice a second): what the parent shows on a terminal."""
        now = time.monotonic()
        if self._progress_path is None or (not force and now - self._progress_at < PROGRESS_EVERY_SECONDS):
            return
        self._progress_at = now
        data = {
            "outlets": len(self.outlets),
            "requests": self.discovery_requests + len(self.requested),
            "pages": self.report["pages"],
            "skips": len(self.report["skips"]),
            "articles": self.report["articles"],
            "sites_down": len(self.sites_down),
        }
        tmp = self._progress_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(self._progress_path)

    def skip(self, url: str, outlet: str, reason: str) -> None:
        self.report["skips"].append({"url": url, "outlet": outlet, "reason": reason})
        self.per_outlet[outlet]["skips"] += 1
        self.progress()

    def _body(self, response: Response) -> bytes:
        """The body with local links made real; skipped when it names no local address at all (the check is one
        scan per local origin, the rewrite one per mapped outlet host: hundreds in a shard)."""
        body = response.body
        if self.urlmap and any(origin in body for origin in self._local_origins):
            return self.urlmap.realify(body)
        return body

    # -- discovery -------------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for name, outlet in self.outlets.items():
            disc = outlet["discovery"]
            for url in [*disc.get("news_sitemaps", []), *disc.get("sitemaps", [])]:
                self.discovery_requests += 1
                yield self._request(url, self.parse_sitemap, name)
            for url in disc.get("feeds", []):
                self.discovery_requests += 1
                yield self._request(url, self.parse_feed, name)
            for listing in disc.get("listings", []):
                self.discovery_requests += 1
                yield self._request(listing["url"], self.parse_listing, name, listing=listing, page=1)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        self.report["pages"] += 1
        self.progress()
        outlet = response.meta["outlet"]
        candidates, children = parse_sitemap(self._body(response), response.meta["real_url"])
        depth = response.meta.get("depth_sitemap", 0)
        for child in children[:MAX_CHILD_SITEMAPS]:
            if depth < 2:
                self.discovery_requests += 1
                yield self._request(child, self.parse_sitemap, outlet, depth_sitemap=depth + 1)
        yield from self._consider(candidates, outlet)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self.report["pages"] += 1
        self.progress()
        yield from self._consider(parse_feed(self._body(response), response.meta["real_url"]), response.meta["outlet"])

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        self.report["pages"] += 1
        self.progress()
        outlet = response.meta["outlet"]
        listing = response.meta["listing"]
        page = response.meta["page"]
        candidates, next_url = parse_listing(
            self._body(response), response.meta["real_url"], listing.get("next_selector")
        )
        yield from self._consider(candidates, outlet)
        if page >= int(listing.get("max_pages", 1)):
            return
        if listing.get("page_param"):
            parts = urlsplit(listing["url"])
            query = [(k, v) for k, v in parse_qsl(parts.query) if k != listing["page_param"]]
            query.append((listing["page_param"], str(page + 1)))
            next_url = urlunsplit(parts._replace(query=urlencode(query)))
        if next_url and self.is_registered(next_url):
            self.discovery_requests += 1
            yield self._request(next_url, self.parse_listing, outlet, listing=listing, page=page + 1)

    def _consider(self, candidates: list[Candidate], outlet_name: str) -> Iterator[scrapy.Request]:
        """Requests for the candidates worth fetching: in the --since window, on topic, new or changed."""
        outlet = self.outlets[outlet_name]
        fresh: list[tuple[str, Candidate]] = []
        for cand in candidates:
            if not self.is_registered(cand.url):
                continue
            when = cand.when
            if when is not None and when < self.since:
                self.report["older_than_since"] += 1
                continue
            if when is not None and self.until is not None and when > self.until:
                self.report["newer_than_until"] += 1
                continue
            if self.plan.pilkada_only and not looks_pilkada(cand, outlet):
                self.report["filtered_not_pilkada"] += 1
                continue
            key = doc_id(cand.url)
            if cand.lastmod and (key not in self.lastmods or cand.lastmod > self.lastmods[key]):
                self.lastmods[key] = cand.lastmod
            if key not in self.requested:
                fresh.append((key, cand))
        if not fresh:
            return
        unknown = [key for key, _ in fresh if key not in self.seen_cache]
        if unknown:
            found = self.seen.lookup(sorted(set(unknown)))
            self.report["seen_state_error"] = self.seen.error
            for key in unknown:
                self.seen_cache[key] = (key in found, found.get(key))
        for key, cand in fresh:
            if key in self.requested:
                continue
            is_seen, stored_lastmod = self.seen_cache[key]
            # The same URL may come from several sources; any of them reporting a newer lastmod wins.
            if not needs_fetch(stored_lastmod, is_seen, cand.lastmod):
                self.seen_skipped.add(key)
                continue
            if self.per_outlet[outlet_name]["queued"] >= self.plan.max_articles_per_outlet:
                self.skip(cand.url, outlet_name, "over the per-outlet article limit of this crawl")
                continue
            self.requested.add(key)
            self.seen_skipped.discard(key)
            self.per_outlet[outlet_name]["queued"] += 1
            yield self._request(cand.url, self.parse_article, outlet_name, candidate=_cand_meta(cand))

    # -- articles --------------------------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[Any]:
        self.report["pages"] += 1
        self.progress()
        self.report["article_pages"] += 1
        meta = response.meta
        outlet_name = meta["outlet"]
        outlet = self.outlets[outlet_name]
        real_url = meta["real_url"]
        article_url = meta.get("article_url", real_url)
        declared = _declared_charset(response)
        result = extract_html(
            self._body(response),
            real_url,
            family=outlet["family"],
            encoding=declared,
            domains=[(outlet["domain"], outlet["family"])],
        )
        parts: list[str] = meta.get("parts", [])
        if result.get("skip_reason") and meta.get("first_page"):
            # A full-text or following page that does not parse: the pages already read still make the article.
            self.skip(real_url, outlet_name, f"not an article: {result['skip_reason']}")
            yield from self._from_first_page(meta, outlet)
            return
        if result.get("skip_reason") and not parts:
            self.skip(article_url, outlet_name, f"not an article: {result['skip_reason']}")
            return
        full = result.get("full_text_url")
        if full and not meta.get("full_text") and not parts and full != real_url and self.is_registered(full):
            yield self._request(
                full,
                self.parse_article,
                outlet_name,
                candidate=meta.get("candidate"),
                errback=self.on_followup_error,
                article_url=article_url,
                full_text=True,
                first_page=result,
            )
            return
        parts = [*parts, result.get("body") or ""]
        first = meta.get("first_page") or result
        next_pages = [u for u in result.get("next_pages") or [] if self.is_registered(u)]
        done = set(meta.get("done_pages", [])) | {real_url}
        pending = [u for u in next_pages if u not in done]
        if pending and not meta.get("full_text") and len(done) < MAX_EXTRA_PAGES:
            yield self._request(
                pending[0],
                self.parse_article,
                outlet_name,
                candidate=meta.get("candidate"),
                errback=self.on_followup_error,
                article_url=article_url,
                parts=parts,
                first_page=first,
                done_pages=sorted(done),
            )
            return
        chosen = first if not meta.get("full_text") else result
        if not self._in_window(chosen.get("published_at")):
            return
        yield from self._item(chosen, parts, article_url, outlet, meta)

    def _from_first_page(self, meta: dict[str, Any], outlet: dict[str, Any]) -> Iterator[RawArticle]:
        first = meta["first_page"]
        parts = meta.get("parts") or [first.get("body") or ""]
        if self._in_window(first.get("published_at")):
            yield from self._item(first, parts, meta.get("article_url", meta["real_url"]), outlet, meta)

    def on_followup_error(self, failure: Failure) -> Iterator[RawArticle]:
        """A full-text variant or following page failed (HTTP error, robots.txt, refused): record it, and deliver
        the article from the pages already read instead of losing it."""
        self.on_error(failure)
        request = getattr(failure, "request", None)
        if request is not None and request.meta.get("first_page"):
            yield from self._from_first_page(request.meta, self.outlets[request.meta["outlet"]])

    def _in_window(self, published: str | None) -> bool:
        """Listing pages give no dates: an article outside --since/--until is dropped after extraction."""
        if not published:
            return True
        when = datetime.fromisoformat(published)
        if when < self.since:
            self.report["older_than_since"] += 1
            return False
        if self.until is not None and when > self.until:
            self.report["newer_than_until"] += 1
            return False
        return True

    def _item(
        self, result: dict[str, Any], parts: list[str], url: str, outlet: dict[str, Any], meta: dict[str, Any]
    ) -> Iterator[RawArticle]:
        """The article as it leaves the spider, validated as a RawArticle; one that is not valid is a skip."""
        cand = meta.get("candidate") or {}
        body = merge_bodies(parts)
        published = result.get("published_at") or cand.get("published_at")
        # The canonical URL of the article is the first page's, never a full-text variant's (?page=all), so that
        # the id matches the one the seen state looks up.
        canonical = (meta.get("first_page") or result).get("canonical_url") or url
        if not self.is_registered(canonical):
            canonical = url
        item = {
            "url": url,
            "canonical_url": canonical,
            "title": result.get("title") or cand.get("title") or "",
            "body": body,
            "published_at": published,
            "updated_at": result.get("updated_at"),
            "author": result.get("author"),
            "dateline": result.get("dateline"),
            "section": result.get("section"),
            "tags": result.get("tags") or cand.get("keywords") or [],
            "language": result.get("language") or outlet.get("language"),
            "outlet": outlet["name"],
            "outlet_domain": outlet["domain"],
            "outlet_province": outlet.get("province"),
            "parser": result.get("parser"),
            "crawled_at": datetime.now(WIB).isoformat(timespec="seconds"),
            "lastmod": _iso(self.lastmods.get(doc_id(url))) or cand.get("lastmod") or result.get("updated_at"),
        }
        try:
            article = RawArticle.from_dict(item)
        except (ValueError, TypeError) as exc:  # RecordError is a ValueError; a bad article never stops the crawl
            self.skip(url, outlet["name"], f"not a valid article: {exc}")
            return
        counts = self.per_outlet[outlet["name"]]
        counts["articles"] += 1
        counts["empty_title"] += not (result.get("title") or "").strip()
        counts["empty_body"] += not body.strip()
        counts["missing_date"] += not result.get("published_at")
        self.report["articles"] += 1
        self.progress()
        yield article

    # -- failures and the report -----------------------------------------------------------------------------

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        meta = request.meta if request is not None else {}
        url = meta.get("real_url", getattr(request, "url", "?"))
        if meta.get("pantau_robots"):
            return
        value = failure.value
        response = getattr(value, "response", None)
        if response is not None and hasattr(response, "status"):
            reason = f"HTTP {response.status}"
        else:
            reason = f"{type(value).__name__}: {value}"[:300]
        self.skip(url, meta.get("outlet", "?"), reason)

    def closed(self, reason: str) -> None:
        settings = load_settings()
        outlets: dict[str, Any] = {}
        for name in self.outlets:
            c = self.per_outlet[name]
            n = c["articles"]
            health = {k: round(c[k] / n, 3) if n else None for k in ("empty_title", "empty_body", "missing_date")}
            worst = max((v for v in health.values() if v is not None), default=0.0)
            drift = n >= settings.crawl.drift_min_articles and worst > settings.crawl.drift_threshold
            outlets[name] = {
                "articles": n,
                "skips": c["skips"],
                "queued": c["queued"],
                "health": health,
                "layout_drift": drift,
                "family": self.outlets[name]["family"],
            }
        sites = {
            site: {
                "answered": counts["answered"],
                "failed": counts["failed"],
                "error": self.site_errors.get(site),
                "given_up": site in self.sites_down,
            }
            for site, counts in self.site_counts.items()
        }
        stats = {
            **self.report,
            "seen_skipped": len(self.seen_skipped),
            "sites": sites,
            "finish_reason": reason,
            "outlets": outlets,
            "since": self.plan.since,
            "finished_at": datetime.now(WIB).isoformat(timespec="seconds"),
        }
        self.progress(force=True)
        Path(self.plan.out_dir, "stats.json").write_text(
            json.dumps(stats, ensure_ascii=False, indent=2), encoding="utf-8"
        )


def _cand_meta(cand: Candidate) -> dict[str, Any]:
    return {
        "title": cand.title,
        "keywords": cand.keywords,
        "published_at": cand.published_at.isoformat() if cand.published_at else None,
        "lastmod": cand.lastmod.isoformat() if cand.lastmod else None,
        "source": cand.source,
    }


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _declared_charset(response: Response) -> str | None:
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
    match = re.search(r"charset=([\w\-]+)", content_type)
    return match.group(1) if match else None
