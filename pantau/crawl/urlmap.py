"""Serving real outlet URLs from another address (the local sample site in tests and the demo).

The crawler reasons about real URLs only (ids, registry, robots, offsite checks); a UrlMap turns a real URL into
the address actually fetched and back, and rewrites local links inside fetched bodies to their real form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class UrlMap:
    """Pairs of (real prefix, local prefix), e.g. ("https://palembang.tribunnews.com", "http://127.0.0.1:8090/palembang.tribunnews.com")."""

    pairs: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @classmethod
    def for_hosts(cls, base: str, hosts: list[str]) -> UrlMap:
        base = base.rstrip("/")
        return cls(tuple((f"https://{h}", f"{base}/{h}") for h in sorted(hosts, key=len, reverse=True)))

    @classmethod
    def for_outlets(cls, base: str, outlets: Iterable[Any]) -> UrlMap:
        """Every host an outlet lives on or is discovered from (indeks.kompas.com for regional.kompas.com)."""
        hosts = set()
        for outlet in outlets:
            hosts.add(outlet.domain)
            hosts.update(urlsplit(u).hostname or "" for u in [outlet.home_url, *outlet.discovery.urls()])
        return cls.for_hosts(base, sorted(h for h in hosts if h))

    @classmethod
    def from_dict(cls, data: dict[str, str] | None) -> UrlMap:
        return cls(tuple(sorted((data or {}).items(), key=lambda kv: len(kv[0]), reverse=True)))

    def as_dict(self) -> dict[str, str]:
        return dict(self.pairs)

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def to_local(self, url: str) -> str:
        for real, local in self.pairs:
            for variant in (real, real.replace("https://", "http://", 1)):
                if url == variant or url.startswith((variant + "/", variant + "?")):
                    return local + url[len(variant) :]
        return url

    def to_real(self, url: str) -> str:
        for real, local in sorted(self.pairs, key=lambda kv: len(kv[1]), reverse=True):
            if url == local or url.startswith((local + "/", local + "?")):
                return real + url[len(local) :]
        return url

    def realify(self, body: bytes) -> bytes:
        """Local links inside a fetched page or feed, rewritten to the real URLs they stand for."""
        for real, local in sorted(self.pairs, key=lambda kv: len(kv[1]), reverse=True):
            body = body.replace(local.encode(), real.encode())
        return body
