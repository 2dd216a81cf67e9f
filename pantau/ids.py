"""Canonical URLs and the deterministic document ids derived from them."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that never change what an article says.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "_ga",
        "_gl",
        "amp",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_term",
        "utm_content",
        "utm_id",
        "src",
        "source",
        "from",
        "tracking",
        "cx_testId",
        "cx_testVariant",
        "xref",
        "tag_from",
        "_branch_match_id",
    }
)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted query.

    The path is kept as published (a WordPress permalink keeps its trailing slash); `doc_id` ignores it.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "https").lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k not in TRACKING_PARAMS and not k.lower().startswith("utm_")
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def identity_key(url: str) -> str:
    """The canonical URL without a trailing slash: what decides whether two URLs are the same article."""
    canon = canonical_url(url)
    parts = urlsplit(canon)
    if parts.path != "/" and parts.path.endswith("/"):
        canon = urlunsplit(parts._replace(path=parts.path.rstrip("/")))
    return canon


def doc_id(url: str) -> str:
    """A stable 32-hex-character id: the same article URL always maps to the same document."""
    return hashlib.sha256(identity_key(url).encode("utf-8")).hexdigest()[:32]
