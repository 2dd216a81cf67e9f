"""Signed session cookies (itsdangerous): {sid, user, key, flash}; HttpOnly, SameSite=Lax, Secure behind TLS.

The cookie holds no secret: an identifier, the account name and a one-time message. It is signed with the desk's
key (PANTAU_DESK_SECRET_KEY, else a random key kept in <var_dir>/desk/secret_key) and expires after
`session_hours`. A login issues a new identifier (no session fixation) and carries the account's session key
(`users.UserStore`): a cookie whose key is no longer the account's (after a logout or a new password) is refused.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from pantau.config import Settings

COOKIE = "pantau_desk"
_SALT = "pantau-desk-session"


def secret_key(settings: Settings) -> str:
    """The signing key: configured, or created once (mode 600) under the var dir."""
    if settings.desk.secret_key:
        return settings.desk.secret_key
    path = settings.paths.var_dir / "desk" / "secret_key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it meanwhile
        return Path(path).read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


@dataclass
class Session:
    sid: str
    user: str | None = None
    key: str = ""
    flash: str | None = None
    changed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, user: str | None = None) -> Session:
        return cls(sid=secrets.token_urlsafe(24), user=user, changed=True)

    def say(self, message: str) -> None:
        """A message shown once on the next page."""
        self.flash = message
        self.changed = True

    def take_flash(self) -> str | None:
        message, self.flash = self.flash, None
        if message:
            self.changed = True
        return message


class SessionCodec:
    def __init__(self, key: str, max_age_seconds: float) -> None:
        self.serializer = URLSafeTimedSerializer(key, salt=_SALT)
        self.max_age = int(max_age_seconds)

    def dump(self, session: Session) -> str:
        return self.serializer.dumps(
            {"sid": session.sid, "user": session.user, "key": session.key, "flash": session.flash}
        )

    def load(self, value: str | None) -> Session | None:
        if not value:
            return None
        try:
            data = self.serializer.loads(value, max_age=self.max_age)
        except BadSignature:  # also SignatureExpired
            return None
        if not isinstance(data, dict) or not isinstance(data.get("sid"), str):
            return None
        user = data.get("user")
        key = data.get("key")
        flash = data.get("flash")
        return Session(
            sid=data["sid"],
            user=user if isinstance(user, str) else None,
            key=key if isinstance(key, str) else "",
            flash=flash if isinstance(flash, str) else None,
        )
