"""Reading infra/docker-compose.yml and infra/.env.example the way Compose does (PyYAML + stdlib, no Docker), for
the structural checks (tests/test_compose.py) and for starting the deploy step and a worker with the container's own
settings (tests/test_deployments.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"
COMPOSE_FILE = INFRA / "docker-compose.yml"
ENV_EXAMPLE = INFRA / ".env.example"

# Compose interpolation: "$$" is a literal "$"; "${NAME...}" and "$NAME" are substitutions.
TOKEN = re.compile(r"\$\$|\$\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?+])?|\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)")


def load_compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml is not a mapping"
    return data


def strings(node: Any) -> list[str]:
    """Every string value in a parsed YAML document (mapping keys are not interpolated by Compose)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return []


def references(text: str) -> list[tuple[str, str]]:
    """(variable, operator) for every Compose substitution in text; operator is "" for plain ${X} / $X."""
    refs = []
    for match in TOKEN.finditer(text):
        if match.group(0) == "$$":
            continue
        name = match.group("braced") or match.group("bare")
        refs.append((name, match.group("op") or ""))
    return refs


def interpolate(text: str, env: dict[str, str]) -> str:
    """Resolve non-nested ${X}, ${X:-default}, ${X-default}, ${X:?msg} the way Compose does."""

    def replace(match: re.Match[str]) -> str:
        name, op, arg = match.group(1), match.group(2) or "", match.group(3) or ""
        value = env.get(name)
        if op in (":-", "-"):
            if value is None or (op == ":-" and value == ""):
                return arg
            return value
        if value is None or (op == ":?" and value == ""):
            raise LookupError(f"{name} is required: {arg}")
        return value

    resolved = re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?([^}]*)\}", replace, text)
    return resolved.replace("$$", "$")


def parse_env_file(path: Path = ENV_EXAMPLE) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        name, sep, value = stripped.partition("=")
        assert sep, f"{path.name}: not NAME=value: {line!r}"
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[name.strip()] = value
    return values


def environment(service: dict[str, Any]) -> dict[str, str]:
    """A service's `environment` as written (substitutions unresolved)."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(key): "" if value is None else str(value) for key, value in env.items()}


def required_variables() -> set[str]:
    """The names docker-compose.yml requires (${NAME:?message}): Compose refuses to start while one is empty."""
    return {name for text in strings(load_compose()) for name, op in references(text) if op in (":?", "?")}


def filled_env_example(**values: str) -> dict[str, str]:
    """.env.example as an operator fills it before `up`: the values given here, and a placeholder for every other
    required name left empty (optional ones stay as they are)."""
    out = parse_env_file()
    required = required_variables()
    for name, value in out.items():
        if not value and name in required:
            out[name] = f"example-{name.lower().replace('_', '-')}"
    out.update(values)
    return out


def resolved_environment(service: dict[str, Any], env_file: dict[str, str]) -> dict[str, str]:
    """What the container sees: its environment after Compose's interpolation with the env file."""
    return {key: interpolate(value, env_file) for key, value in environment(service).items()}


def command(service: dict[str, Any], env_file: dict[str, str]) -> list[str]:
    cmd = service.get("command") or []
    tokens = cmd.split() if isinstance(cmd, str) else list(cmd)
    return [interpolate(str(token), env_file) for token in tokens]
