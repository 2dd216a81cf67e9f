"""What one crawl run does: which outlets, from when, into which folder, over which URL map.

`pantau crawl` writes a plan as JSON and hands it to the Scrapy subprocess (spiders/run.py), which reads it back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pantau.crawl.registry import Discovery, Outlet
from pantau.errors import ConfigError
from pantau.text.dates import WIB

if TYPE_CHECKING:
    from pantau.crawl.probe import DiscoveryResult


@dataclass
class CrawlPlan:
    outlets: list[dict[str, Any]]
    since: str
    out_dir: str
    url_map: dict[str, str] = field(default_factory=dict)
    use_seen: bool = True
    pilkada_only: bool = True
    allow_private: bool = False
    max_articles_per_outlet: int = 500
    until: str | None = None

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: Path) -> CrawlPlan:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


def parse_since(value: str | None, default_days: int, now: datetime | None = None) -> datetime:
    """--since as a date (2024-11-20), a date-time with offset, or a span ("3d", "12h"); naive means WIB."""
    now = now or datetime.now(WIB)
    if not value:
        return now - timedelta(days=default_days)
    span = re.fullmatch(r"\s*(\d+)\s*([dhm])\s*", value)
    if span:
        amount, unit = int(span.group(1)), span.group(2)
        return now - {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(f"--since {value!r} is not a date (2024-11-20), a date-time or a span like 3d") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=WIB)


# -- which discovery endpoints a crawl uses ----------------------------------------------------------------------

REDISCOVER_AFTER = timedelta(days=1)


class KnownEndpoint(Protocol):
    """An endpoint discovery found earlier (pantau.store.endpoints.StoredEndpoint)."""

    @property
    def url(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def checked_at(self) -> datetime: ...
    @property
    def failures(self) -> int: ...


class EndpointBook(Protocol):
    """Where found endpoints are kept between crawls (the engine, pantau.store.endpoints.StoreEndpointBook)."""

    def known(self, outlet_keys: Iterable[str]) -> Mapping[str, Sequence[KnownEndpoint]]: ...
    def record(self, outlet_name: str, result: DiscoveryResult) -> None: ...


@dataclass
class EndpointChoice:
    outlets: list[Outlet]  # with the discovery endpoints the crawl uses
    discovered: list[str] = field(default_factory=list)  # outlets discovered (again) for this plan, and why
    without_endpoints: list[str] = field(default_factory=list)  # bare outlets discovery found nothing for

    def as_dict(self) -> dict[str, Any]:
        return {
            "outlets": len(self.outlets),
            "discovered": self.discovered,
            "without_endpoints": self.without_endpoints,
        }


def _why_discover(outlet: Outlet, stored: Sequence[KnownEndpoint], now: datetime, max_age: timedelta) -> str:
    """Why the outlet must be discovered now; "" when its stored endpoints (or its verified row) will do."""
    if not stored:
        return "" if not (outlet.bare or outlet.unverified) else "no endpoint known"
    if any(e.failures > 0 for e in stored):
        return "an endpoint is failing"
    if now - max(e.checked_at for e in stored) > max_age:
        return "endpoints older than a day"
    return ""


def _from_stored(stored: Sequence[KnownEndpoint]) -> Discovery:
    ok = [e for e in stored if e.failures == 0]
    by_kind = {k: tuple(sorted(e.url for e in ok if e.kind == k)) for k in ("news_sitemap", "sitemap", "feed")}
    return Discovery(news_sitemaps=by_kind["news_sitemap"], sitemaps=by_kind["sitemap"], feeds=by_kind["feed"])


def _merge(row: Discovery, found: Discovery, trust_row: bool) -> Discovery:
    """The found endpoints, plus the row's own when the row is verified (its listings always: discovery finds none)."""

    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*a, *b]))

    if not trust_row:
        return replace(found, listings=row.listings)
    return Discovery(
        news_sitemaps=union(row.news_sitemaps, found.news_sitemaps),
        sitemaps=union(row.sitemaps, found.sitemaps),
        feeds=union(row.feeds, found.feeds),
        listings=row.listings,
    )


def choose_endpoints(
    outlets: list[Outlet],
    book: EndpointBook,
    discover: Callable[[Outlet], DiscoveryResult],
    now: datetime | None = None,
    max_age: timedelta = REDISCOVER_AFTER,
    workers: int = 16,
) -> EndpointChoice:
    """The outlets with the endpoints to crawl: what the book holds when it is fresh and healthy; otherwise (none
    known for a bare or unverified row, older than `max_age`, or failing) what a new discovery finds, recorded in the
    book. A verified row's own endpoints are always kept. Discoveries run in parallel, one per domain."""
    now = now or datetime.now(UTC)
    stored = book.known(o.key for o in outlets)
    todo = {o.key: why for o in outlets if (why := _why_discover(o, stored.get(o.key, ()), now, max_age))}
    results: dict[str, DiscoveryResult] = {}
    if todo:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(todo)))) as pool:
            chosen = [o for o in outlets if o.key in todo]
            for outlet, result in zip(chosen, pool.map(discover, chosen), strict=True):
                results[outlet.key] = result
                book.record(outlet.name, result)
    choice = EndpointChoice(outlets=[])
    for outlet in outlets:
        if outlet.key in results:
            found = results[outlet.key].discovery()
            choice.discovered.append(f"{outlet.name}: {todo[outlet.key]}")
        else:
            found = _from_stored(stored.get(outlet.key, ()))
        disc = _merge(outlet.discovery, found, trust_row=not outlet.unverified)
        if not disc.urls() and outlet.discovery.urls():
            disc = outlet.discovery  # nothing confirmed (site down?): the row's hints are better than nothing
        if not disc.urls():
            choice.without_endpoints.append(outlet.name)
            continue
        choice.outlets.append(replace(outlet, discovery=disc))
    return choice
