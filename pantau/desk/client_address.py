"""Whose request it is: the peer's address, or, behind a trusted reverse proxy, the address it forwarded.

The login rate limit and the audit trail key on this address. X-Forwarded-For is read only when the peer is one of
`[desk] trusted_proxies` (PANTAU_DESK_TRUSTED_PROXIES); anyone else can write any header, so it is ignored. The
header is read from the right (each proxy appends the address it received the request from): the first address that
is not itself a trusted proxy is the client. Addresses further left were written by the client and are never
believed. A malformed entry ends the walk at the last trusted hop.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = value.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.5:51234"
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address, proxies: Sequence[Network]) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:  # ::ffff:127.0.0.1 is 127.0.0.1
        address = address.ipv4_mapped
    return any(address.version == net.version and address in net for net in proxies)


def client_address(peer: str, forwarded_for: Sequence[str], proxies: Sequence[Network]) -> str:
    """The client's address for a request from `peer` carrying the X-Forwarded-For header values `forwarded_for`."""
    current = _parse(peer)
    if current is None or not proxies or not _trusted(current, proxies):
        return peer
    hops = [hop for value in forwarded_for for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            break  # a malformed entry: nothing from here on can be believed
        current = address
        if not _trusted(address, proxies):
            break
    return str(current)
