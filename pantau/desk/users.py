"""The desk's accounts: a JSON file under the var dir (`<var_dir>/desk/users.json`, mode 600) with argon2 hashes.

A file, not an index: the accounts must not be readable by everyone who can read the Pantau indices (Kibana users),
and logging in must not depend on a mapping. Roles: `viewer` reads, `piket` reviews and drafts, `admin` also
manages users and watchlists. Every request looks the account up again, so removing it ends its sessions.

Each account carries a session key (`session_key`, random): a login puts it in the session cookie and every request
compares the two. Logging out or setting a new password (`add --replace`) draws a new key, so every cookie issued
before, even a copy kept by someone else, is refused from then on.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from pantau.config import Settings
from pantau.errors import PantauError

ROLES = ("viewer", "piket", "admin")
MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_HASHER = PasswordHasher()
# verified against when the account does not exist, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _HASHER.hash("pantau-desk-no-such-account")


class UserError(PantauError):
    """An account that cannot be created, found or changed."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    session_key: str = field(default="", repr=False, compare=False)

    def can(self, role: str) -> bool:
        """True when this account has at least `role` (viewer < piket < admin)."""
        return ROLES.index(self.role) >= ROLES.index(role)


def users_path(settings: Settings) -> Path:
    configured = settings.desk.users_file
    return Path(configured) if configured else settings.paths.var_dir / "desk" / "users.json"


class UserStore:
    """Read and write the accounts file; every call re-reads it (it is small), so CLI changes apply at once."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def of(cls, settings: Settings) -> UserStore:
        return cls(users_path(settings))

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError as exc:
            raise UserError(f"{self.path} is not valid JSON: {exc}") from exc
        users = data.get("users") if isinstance(data, dict) else None
        if not isinstance(users, dict):
            raise UserError(f"{self.path}: expected an object with a 'users' object")
        return users

    def _write(self, users: dict[str, dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-", suffix=".json")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"users": users}, fh, ensure_ascii=False, indent=2, sort_keys=True)
            Path(tmp).replace(self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def add(self, name: str, role: str, password: str, replace: bool = False) -> User:
        if not _NAME.match(name):
            raise UserError(f"account name {name!r}: 2-64 of a-z, 0-9, '.', '_', '-' (starting with a letter/digit)")
        if role not in ROLES:
            raise UserError(f"role {role!r} must be one of {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD:
            raise UserError(f"the password must have at least {MIN_PASSWORD} characters")
        users = self._read()
        if name in users and not replace:
            raise UserError(f"account {name!r} exists (use --replace to set a new password or role)")
        users[name] = {
            "role": role,
            "password_hash": _HASHER.hash(password),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "session_key": _new_key(),  # a new password ends every session of the account
        }
        self._write(users)
        return User(name, role, users[name]["session_key"])

    def end_sessions(self, name: str) -> None:
        """Refuse every session cookie issued to `name` so far (logout): the account gets a new session key."""
        users = self._read()
        if name in users:
            users[name]["session_key"] = _new_key()
            self._write(users)

    def remove(self, name: str) -> None:
        users = self._read()
        if name not in users:
            raise UserError(f"no account {name!r}")
        del users[name]
        self._write(users)

    def get(self, name: str) -> User | None:
        entry = self._read().get(name)
        if not entry or entry.get("role") not in ROLES:
            return None
        return _user(name, entry)

    def list(self) -> list[User]:
        return [User(name, str(e.get("role"))) for name, e in sorted(self._read().items())]

    def authenticate(self, name: str, password: str) -> User | None:
        """The account when the password matches, else None (the same work either way)."""
        entry = self._read().get(name) if _NAME.match(name or "") else None
        stored = str(entry.get("password_hash", "")) if entry else _DUMMY_HASH
        try:
            _HASHER.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if entry is None or entry.get("role") not in ROLES:
            return None
        return _user(name, entry)


def _new_key() -> str:
    return secrets.token_urlsafe(16)


def _user(name: str, entry: dict[str, Any]) -> User:
    return User(name, str(entry["role"]), str(entry.get("session_key") or ""))
