"""Crawl shards: the registry split into groups of outlets, each crawled by one Scrapy process.

A site (registrable domain, `site_root`) is never split over two shards, so the per-site politeness of one Scrapy
process (at most `[crawl] concurrent_per_domain` requests at once, AutoThrottle) holds for the whole cycle. Shards
are balanced by outlet count (largest site groups first, each into the lightest shard), and the split is
deterministic: the same registry gives the same shards, whatever machine plans them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from pantau.crawl.registry import Outlet, site_root


@dataclass(frozen=True)
class Shard:
    number: int
    outlets: tuple[Outlet, ...]

    @property
    def label(self) -> str:
        return f"shard-{self.number:03d}"

    @property
    def names(self) -> list[str]:
        return [o.name for o in self.outlets]

    @property
    def sites(self) -> list[str]:
        return sorted({outlet_site(o) for o in self.outlets})


def outlet_site(outlet: Outlet) -> str:
    """The site an outlet's requests count against: detik's regional channels and kompas.com's regional edition
    share one."""
    return site_root(outlet.domain)


def plan_shards(outlets: list[Outlet], shard_size: int) -> list[Shard]:
    """About len(outlets) / shard_size shards (at least one when there are outlets), one site in one shard only."""
    if shard_size < 1:
        raise ValueError(f"shard_size must be at least 1, got {shard_size}")
    groups: dict[str, list[Outlet]] = defaultdict(list)
    for outlet in outlets:
        groups[outlet_site(outlet)].append(outlet)
    if not groups:
        return []
    count = min(len(groups), max(1, math.ceil(len(outlets) / shard_size)))
    bins: list[list[Outlet]] = [[] for _ in range(count)]
    for _site, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lightest = min(range(count), key=lambda n: (len(bins[n]), n))
        bins[lightest].extend(sorted(members, key=lambda o: o.name))
    return [Shard(n, tuple(members)) for n, members in enumerate(bins) if members]
