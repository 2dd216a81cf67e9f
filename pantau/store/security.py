"""Who Pantau is on the engine, and the least-privilege `pantau_writer` role and user it should be.

`identity` asks the engine's own security API (Elasticsearch `_security/_authenticate`, OpenSearch
`_plugins/_security/authinfo`); an engine without security (the embedded node, an Elasticsearch with security off)
says so instead. `writer_role` reads the role body from `pantau/data/security/pantau_writer_role.json` with the index
patterns made from `[search] index_prefix`, checked against the privilege names Elasticsearch documents
(`elasticsearch_privileges.json`). `apply_security` (run as `elastic` by the compose stack's one-shot `security` job)
puts the role and the user and sets the `kibana_system` password.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from pantau.errors import ConfigError, PantauError
from pantau.resources import load_json
from pantau.store.client import Store

ROLE_FILE = "security/pantau_writer_role.json"
PRIVILEGES_FILE = "security/elasticsearch_privileges.json"
MIN_PASSWORD = 6  # Elasticsearch's minimum for a native-realm password


@dataclass(frozen=True)
class Identity:
    """Whom the engine sees: `security` False means it checks no credentials at all."""

    security: bool
    user: str
    roles: tuple[str, ...]
    realm: str
    note: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "security": self.security,
            "user": self.user,
            "roles": list(self.roles),
            "realm": self.realm,
            "note": self.note,
        }


NO_SECURITY = "no security: the engine checks no credentials (anyone who reaches it may read and write everything)"


def identity(store: Store) -> Identity:
    """The authenticated user and roles, or an Identity with security=False when the engine has no security."""
    if store.flavour == "elasticsearch":
        xpack = store.request("GET", "/_xpack", params={"categories": "features"}, ignore=(400, 404))
        features = (xpack or {}).get("features", {})
        if not features.get("security", {}).get("enabled", False):
            return Identity(False, "", (), "", NO_SECURITY)
        who = store.request("GET", "/_security/_authenticate")
        realm = who.get("authentication_realm", {}).get("name", "")
        return Identity(True, str(who.get("username", "")), tuple(who.get("roles", [])), str(realm), "")
    # OpenSearch without the security plugin has no such endpoint (400 "no handler found", or 404).
    who = store.request("GET", "/_plugins/_security/authinfo", ignore=(400, 404, 405))
    if not who:
        return Identity(False, "", (), "", NO_SECURITY)
    roles = tuple(who.get("roles", [])) or tuple(who.get("backend_roles", []))
    return Identity(True, str(who.get("user_name", "")), roles, "", "")


def documented_privileges() -> dict[str, frozenset[str]]:
    data = load_json(PRIVILEGES_FILE)
    return {key: frozenset(data[key]) for key in ("cluster", "indices", "role_keys", "index_entry_keys")}


def validate_role(body: dict[str, Any]) -> None:
    """A ConfigError naming every key or privilege Elasticsearch does not document."""
    known = documented_privileges()
    problems = [f"unknown role key {k!r}" for k in sorted(set(body) - known["role_keys"])]
    problems += [f"unknown cluster privilege {p!r}" for p in body.get("cluster", []) if p not in known["cluster"]]
    for entry in body.get("indices", []):
        problems += [f"unknown index entry key {k!r}" for k in sorted(set(entry) - known["index_entry_keys"])]
        problems += [f"unknown index privilege {p!r}" for p in entry.get("privileges", []) if p not in known["indices"]]
        if not entry.get("names") or not entry.get("privileges"):
            problems.append("an index entry needs names and privileges")
    if problems:
        raise ConfigError(f"{ROLE_FILE}: {'; '.join(problems)}")


def writer_spec() -> dict[str, Any]:
    """The role file as written (name, user, role body with `{prefix}` placeholders, reasons)."""
    return dict(load_json(ROLE_FILE))


def writer_role(index_prefix: str) -> dict[str, Any]:
    """The role body for one index prefix, validated."""
    body = copy.deepcopy(writer_spec()["role"])
    for entry in body.get("indices", []):
        entry["names"] = [name.replace("{prefix}", index_prefix) for name in entry["names"]]
    validate_role(body)
    return dict(body)


def apply_security(
    store: Store, writer_password: str, kibana_password: str | None = None, user: str | None = None
) -> list[dict[str, str]]:
    """Put the writer role and user (password set every time: rotating it is changing it and running this again),
    and the kibana_system password when given. Needs a user with manage_security (elastic)."""
    if store.flavour != "elasticsearch":
        raise PantauError("pantau security apply manages Elasticsearch's native users; this engine is OpenSearch")
    if not identity(store).security:
        raise PantauError(f"{store.info.url} has no security enabled: there is no role or user to create")
    for label, password in (("writer", writer_password), ("kibana_system", kibana_password)):
        if password is not None and len(password) < MIN_PASSWORD:
            raise ConfigError(f"the {label} password must be at least {MIN_PASSWORD} characters")
    spec = writer_spec()
    role_name, user_name = str(spec["name"]), user or str(spec["user"])
    report = []
    role = store.request("PUT", f"/_security/role/{role_name}", body=writer_role(store.settings.search.index_prefix))
    report.append({"object": f"role {role_name}", "action": _action(role.get("role", {}))})
    body = {"password": writer_password, "roles": [role_name], "full_name": "Pantau worker and desk"}
    created = store.request("PUT", f"/_security/user/{user_name}", body=body)
    report.append({"object": f"user {user_name}", "action": "created" if created.get("created") else "updated"})
    if kibana_password is not None:
        store.request("POST", "/_security/user/kibana_system/_password", body={"password": kibana_password})
        report.append({"object": "password of kibana_system", "action": "set"})
    return report


def _action(result: dict[str, Any]) -> str:
    return "created" if result.get("created") else "updated"
