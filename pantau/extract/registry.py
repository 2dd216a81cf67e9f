"""Which family parses a URL: outlet (domain, family) pairs from the caller, then the families' own domains."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from pantau.extract.families import FAMILIES, Family


def host_of(url: str) -> str:
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".").removeprefix("www.")


def _suffix_match(host: str, domain: str) -> bool:
    domain = domain.lower().strip().removeprefix("www.").rstrip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def builtin_table() -> list[tuple[str, str]]:
    """(domain suffix, family) for every family's known domains, longest suffix first."""
    pairs = [(d, f.name) for f in FAMILIES.values() for d in f.domains]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def family_name_for(url: str, pairs: Iterable[tuple[str, str]] | None = None) -> str | None:
    """The family name for a URL, or None (generic). Caller pairs (from the outlet registry) win."""
    host = host_of(url)
    if not host:
        return None
    given = sorted(pairs or (), key=lambda p: len(p[0]), reverse=True)
    for domain, family in (*given, *builtin_table()):
        if _suffix_match(host, domain) and family in FAMILIES:
            return family
    return None


def get_family(name: str | None) -> Family | None:
    return FAMILIES.get((name or "").lower().strip()) if name else None
