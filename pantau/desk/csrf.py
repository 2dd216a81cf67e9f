"""CSRF tokens: an HMAC of the session identifier, carried by every form as the hidden field `csrf_token`.

A POST without the token of its own session is refused (HTTP 403) before anything is read or changed.
"""

from __future__ import annotations

import hashlib
import hmac

FIELD = "csrf_token"


def token_for(key: str, sid: str) -> str:
    return hmac.new(key.encode(), b"csrf:" + sid.encode(), hashlib.sha256).hexdigest()


def valid(key: str, sid: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(token_for(key, sid), str(given))
