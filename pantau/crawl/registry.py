"""The outlet registry (spiders/outlets.yaml): load, validate, reject duplicates, map a URL to its outlet."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from pantau.errors import ConfigError
from pantau.extract.families import FAMILIES as EXTRACT_FAMILIES
from pantau.resources import bundled

FAMILIES = frozenset(EXTRACT_FAMILIES) | {"generic"}  # one parser module per family, plus the generic path
# A row may be a bare domain (name, domain, province, optionally family): language defaults to Indonesian, the home
# page to https://<domain><path_prefix>/, and the discovery endpoints are found by pantau.crawl.probe and kept in the
# engine (pantau.store.endpoints). Endpoints written in a row are used as they are unless the row says
# `unverified: true`: then they are only hints that discovery checks before the crawl uses them.
REQUIRED = ("name", "domain", "province")
KNOWN_FIELDS = frozenset({*REQUIRED, "language", "family", "home_url", "discovery", "path_prefix", "pilkada_paths"})
KNOWN_FIELDS |= {"role", "unverified"}
# what an outlet is to Pantau: a newsroom, or a fact-check desk / KPU clarification page whose debunks fill the
# debunked-claims index (pantau.process.debunks)
ROLES = ("news", "fact_check")
DISCOVERY_KEYS = frozenset({"news_sitemaps", "sitemaps", "feeds", "listings"})
# second-level labels under which a registrable domain has three labels (kompas.com vs pikiran-rakyat.co.id)
_SECOND_LEVEL = frozenset({"co", "or", "go", "ac", "web", "my", "sch", "net", "com"})


class OutletRegistryError(ConfigError):
    """The outlet registry file is malformed, has an invalid row, or lists an outlet twice."""


@dataclass(frozen=True)
class Listing:
    url: str
    page_param: str | None = None
    next_selector: str | None = None
    max_pages: int = 1

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "max_pages": self.max_pages}
        if self.page_param:
            out["page_param"] = self.page_param
        if self.next_selector:
            out["next_selector"] = self.next_selector
        return out


@dataclass(frozen=True)
class Discovery:
    news_sitemaps: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()

    def urls(self) -> list[str]:
        return [*self.news_sitemaps, *self.sitemaps, *self.feeds, *(item.url for item in self.listings)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "news_sitemaps": list(self.news_sitemaps),
            "sitemaps": list(self.sitemaps),
            "feeds": list(self.feeds),
            "listings": [item.as_dict() for item in self.listings],
        }


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    province: str
    language: str
    family: str
    home_url: str
    discovery: Discovery = field(default_factory=Discovery)
    path_prefix: str = ""
    pilkada_paths: tuple[str, ...] = ()
    role: str = "news"
    unverified: bool = False  # the row's endpoints are hints for discovery, not facts

    @property
    def bare(self) -> bool:
        """No endpoint of its own: the crawl uses what discovery found."""
        return not self.discovery.urls()

    @property
    def key(self) -> str:
        """Identity of the outlet on the web: host plus path prefix (detik's channels share one host)."""
        return self.domain + self.path_prefix

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "domain": self.domain,
            "path_prefix": self.path_prefix,
            "province": self.province,
            "language": self.language,
            "family": self.family,
            "home_url": self.home_url,
            "discovery": self.discovery.as_dict(),
            "pilkada_paths": list(self.pilkada_paths),
            "role": self.role,
            "unverified": self.unverified,
        }


def site_root(host: str) -> str:
    """Registrable part of a host: regional.kompas.com -> kompas.com, www.x.co.id -> x.co.id."""
    labels = host.lower().strip(".").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _check_url(url: Any, where: str) -> str:
    if not isinstance(url, str) or not url.strip():
        raise OutletRegistryError(f"{where}: URL must be a non-empty string, got {url!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise OutletRegistryError(f"{where}: not an absolute http(s) URL: {url!r}")
    return url


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OutletRegistryError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _own_domain(url: str, domain: str, where: str) -> None:
    host = urlsplit(url).hostname or ""
    if host != domain and site_root(host) != site_root(domain):
        raise OutletRegistryError(f"{where}: {url!r} is not on the outlet's own domain {domain!r}")


def _parse_listing(raw: Any, where: str) -> Listing:
    if not isinstance(raw, dict) or "url" not in raw:
        raise OutletRegistryError(f"{where}: a listing needs at least a url, got {raw!r}")
    url = _check_url(raw["url"], where)
    page_param, next_selector = raw.get("page_param"), raw.get("next_selector")
    if page_param is not None and not isinstance(page_param, str):
        raise OutletRegistryError(f"{where}: page_param must be a string")
    if next_selector is not None and not isinstance(next_selector, str):
        raise OutletRegistryError(f"{where}: next_selector must be a string")
    max_pages = raw.get("max_pages", 1)
    if not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1:
        raise OutletRegistryError(f"{where}: max_pages must be a positive integer, got {max_pages!r}")
    if max_pages > 1 and not (page_param or next_selector):
        raise OutletRegistryError(f"{where}: max_pages > 1 needs page_param or next_selector")
    return Listing(url=url, page_param=page_param, next_selector=next_selector, max_pages=max_pages)


def _parse_discovery(raw: Any, domain: str, where: str) -> Discovery:
    if not isinstance(raw, dict):
        raise OutletRegistryError(f"{where}: discovery must be a mapping, got {raw!r}")
    unknown = set(raw) - DISCOVERY_KEYS
    if unknown:
        raise OutletRegistryError(f"{where}: unknown discovery keys {sorted(unknown)}")
    lists = {key: _str_list(raw.get(key), f"{where}.{key}") for key in ("news_sitemaps", "sitemaps", "feeds")}
    listings_raw = raw.get("listings") or []
    if not isinstance(listings_raw, list):
        raise OutletRegistryError(f"{where}.listings: expected a list")
    listings = tuple(_parse_listing(item, f"{where}.listings[{i}]") for i, item in enumerate(listings_raw))
    disc = Discovery(listings=listings, **lists)
    if not disc.urls():
        raise OutletRegistryError(
            f"{where}: no discovery endpoint (news sitemap, sitemap, feed or listing); leave `discovery` out to have "
            "discovery find them"
        )
    for url in disc.urls():
        _own_domain(_check_url(url, where), domain, where)
    return disc


def parse_outlet(row: Any, index: int, provinces: frozenset[str] | None = None) -> Outlet:
    """One validated Outlet from a registry row; `provinces` (canonical names) is checked when given."""
    where = f"outlet #{index + 1}"
    if not isinstance(row, dict):
        raise OutletRegistryError(f"{where}: expected a mapping, got {type(row).__name__}")
    if isinstance(row.get("name"), str):
        where = f"outlet #{index + 1} ({row['name']})"
    missing = [key for key in REQUIRED if row.get(key) in (None, "")]
    if missing:
        raise OutletRegistryError(f"{where}: missing required field(s) {', '.join(missing)}")
    unknown = set(row) - KNOWN_FIELDS
    if unknown:
        raise OutletRegistryError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    row = {"language": "id", "family": "generic", **{k: v for k, v in row.items() if v is not None}}
    for key in ("name", "domain", "province", "language", "family"):
        if not isinstance(row[key], str):
            raise OutletRegistryError(f"{where}: {key} must be a string")
    domain = row["domain"].strip().lower()
    if "/" in domain or ":" in domain or "." not in domain or " " in domain:
        raise OutletRegistryError(f"{where}: domain must be a bare host name like 'sumsel.antaranews.com'")
    if row["family"] not in FAMILIES:
        raise OutletRegistryError(f"{where}: unknown parser family {row['family']!r}; known: {sorted(FAMILIES)}")
    if len(row["language"]) != 2:
        raise OutletRegistryError(f"{where}: language must be an ISO 639-1 code, got {row['language']!r}")
    province = row["province"].strip()
    if provinces is not None and province != "national" and province not in provinces:
        raise OutletRegistryError(f"{where}: {province!r} is not a canonical province name (or 'national')")
    prefix = row.get("path_prefix") or ""
    if prefix and (not isinstance(prefix, str) or not prefix.startswith("/") or prefix.endswith("/")):
        raise OutletRegistryError(f"{where}: path_prefix must look like '/sumbagsel'")
    role = row.get("role", "news")
    if role not in ROLES:
        raise OutletRegistryError(f"{where}: role must be one of {', '.join(ROLES)}, got {role!r}")
    unverified = row.get("unverified", False)
    if not isinstance(unverified, bool):
        raise OutletRegistryError(f"{where}: unverified must be true or false, got {unverified!r}")
    home = _check_url(row.get("home_url") or f"https://{domain}{prefix}/", f"{where}.home_url")
    _own_domain(home, domain, f"{where}.home_url")
    discovery = _parse_discovery(row["discovery"], domain, f"{where}.discovery") if "discovery" in row else Discovery()
    return Outlet(
        name=row["name"].strip(),
        domain=domain,
        province=province,
        language=row["language"],
        family=row["family"],
        home_url=home,
        discovery=discovery,
        path_prefix=prefix,
        pilkada_paths=_str_list(row.get("pilkada_paths"), f"{where}.pilkada_paths"),
        role=role,
        unverified=unverified,
    )


def parse_registry(rows: Any, provinces: frozenset[str] | None = None) -> list[Outlet]:
    """Validate every row and reject duplicates (same name, or same domain + path prefix)."""
    if not isinstance(rows, list):
        raise OutletRegistryError(f"the registry must be a YAML list of outlets, got {type(rows).__name__}")
    outlets: list[Outlet] = []
    by_name: dict[str, tuple[int, Outlet]] = {}
    by_key: dict[str, tuple[int, Outlet]] = {}
    for index, row in enumerate(rows):
        outlet = parse_outlet(row, index, provinces)
        for seen, value, what in ((by_name, outlet.name.casefold(), "name"), (by_key, outlet.key, "domain")):
            if value in seen:
                first_index, first = seen[value]
                raise OutletRegistryError(
                    f"duplicate outlet {what} {value!r}: row #{index + 1} ({outlet.name}, {outlet.key}) repeats "
                    f"row #{first_index + 1} ({first.name}, {first.key})"
                )
            seen[value] = (index, outlet)
        outlets.append(outlet)
    return outlets


def registry_path() -> Path:
    """The registry file: `[crawl] registry` (PANTAU_CRAWL_REGISTRY) when set, else the bundled spiders/outlets.yaml."""
    from pantau.config import load_settings

    configured = load_settings().crawl.registry
    return Path(configured) if configured else bundled("spiders") / "outlets.yaml"


def load_outlets(path: Path | None = None, provinces: frozenset[str] | None = None) -> list[Outlet]:
    """The validated registry from `path` (default: `registry_path()`)."""
    path = path or registry_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OutletRegistryError(f"cannot read outlet registry {path}: {exc}") from exc
    try:
        rows = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise OutletRegistryError(f"outlet registry {path} is not valid YAML: {exc}") from exc
    try:
        return parse_registry(rows, provinces)
    except OutletRegistryError as exc:
        raise OutletRegistryError(f"{path}: {exc}") from exc


def outlet_for_url(url: str, outlets: list[Outlet]) -> Outlet | None:
    """The outlet a URL belongs to: exact host with the longest matching path prefix; None when unknown."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = parts.path or "/"
    best: Outlet | None = None
    for outlet in outlets:
        if outlet.domain != host:
            continue
        prefix = outlet.path_prefix
        if prefix and not (path == prefix or path.startswith(prefix + "/")):
            continue
        if best is None or len(prefix) > len(best.path_prefix):
            best = outlet
    return best


def fact_check_outlets(outlets: list[Outlet] | None = None) -> frozenset[str]:
    """Names and keys (domain + path prefix) of the fact-check outlets: their debunks become index entries."""
    found = load_outlets() if outlets is None else outlets
    return frozenset(x for o in found if o.role == "fact_check" for x in (o.name, o.key))


def select_outlets(names: list[str] | None = None, registry: Path | None = None) -> list[Outlet]:
    """The registry's outlets named (by name or domain, any case); all of them when `names` is empty."""
    outlets = load_outlets(registry)
    if not names:
        return outlets
    wanted = {name.lower() for name in names}
    chosen = [o for o in outlets if o.name.lower() in wanted or o.domain.lower() in wanted]
    missing = wanted - {o.name.lower() for o in chosen} - {o.domain.lower() for o in chosen}
    if missing:
        raise OutletRegistryError(f"unknown outlet(s): {', '.join(sorted(missing))}; see `pantau outlets`")
    return chosen
