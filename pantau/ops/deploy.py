"""`pantau deploy`: the work pool and every deployment of prefect.yaml on the Prefect server of PREFECT_API_URL.

One step for `make deploy` on a host and for the compose stack's one-shot `deploy` service: it creates the work pool
the deployments name when it is missing (an existing pool, with whatever limits the operator gave it, is left alone),
then runs `prefect deploy --all` on the file. prefect.yaml's entrypoints are module paths of the installed `flows`
package and it has no pull step, so what is recorded holds no path of the machine that ran this step.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pantau.errors import ConfigError, PantauError

POOL_TYPE = "process"  # the worker type the compose stack and the docs start (`--type process`)


@dataclass(frozen=True)
class DeployPlan:
    """What prefect.yaml asks for: one work pool and the deployment names on it."""

    prefect_file: Path
    pool: str
    deployments: tuple[str, ...]


def read_plan(prefect_file: Path) -> DeployPlan:
    """The pool and deployments of a prefect.yaml; a file that names no pool or several is a ConfigError."""
    try:
        spec = yaml.safe_load(prefect_file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{prefect_file} does not exist (is PANTAU_HOME the folder with prefect.yaml?)") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{prefect_file} is not valid YAML: {exc}") from exc
    deployments = spec.get("deployments") if isinstance(spec, dict) else None
    if not isinstance(deployments, list) or not deployments:
        raise ConfigError(f"{prefect_file} has no deployments")
    pools = {str((d.get("work_pool") or {}).get("name") or "") for d in deployments}
    if len(pools) != 1 or "" in pools:
        raise ConfigError(f"{prefect_file}: every deployment must name the same work pool (found {sorted(pools)})")
    return DeployPlan(prefect_file, pools.pop(), tuple(str(d["name"]) for d in deployments))


def _prefect(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prefect", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _tail(done: subprocess.CompletedProcess[str], lines: int = 25) -> str:
    return "\n".join((done.stdout + done.stderr).strip().splitlines()[-lines:])


def api_url() -> str:
    """The Prefect API this process talks to; empty would mean a throw-away ephemeral server, so it is an error."""
    from prefect.settings import PREFECT_API_URL

    url = str(PREFECT_API_URL.value() or "")
    if not url:
        raise ConfigError("set PREFECT_API_URL to the Prefect server's API, e.g. http://127.0.0.1:4200/api")
    return url


def deploy(prefect_file: Path, timeout: float = 900.0) -> dict[str, Any]:
    """Create the pool when missing and apply every deployment; returns what was done, for the operator."""
    plan = read_plan(prefect_file)
    url = api_url()
    folder = prefect_file.parent
    pool_action = "exists"
    if _prefect(["work-pool", "inspect", plan.pool], folder, 120).returncode != 0:
        created = _prefect(["work-pool", "create", plan.pool, "--type", POOL_TYPE], folder, 120)
        if created.returncode != 0:
            raise PantauError(f"could not create work pool {plan.pool} on {url}:\n{_tail(created)}")
        pool_action = "created"
    applied = _prefect(["--no-prompt", "deploy", "--all", "--prefect-file", str(prefect_file)], folder, timeout)
    if applied.returncode != 0:
        raise PantauError(f"prefect deploy --all failed against {url}:\n{_tail(applied)}")
    return {
        "api": url,
        "prefect_file": str(prefect_file),
        "pool": {"name": plan.pool, "type": POOL_TYPE, "action": pool_action},
        "deployments": list(plan.deployments),
    }
