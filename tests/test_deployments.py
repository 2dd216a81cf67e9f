"""prefect.yaml against a real (temporary) Prefect server: every deployment applies with its schedule."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import yaml

from pantau.config import project_root

ROOT = project_root()
SPEC = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))


def test_every_entrypoint_is_a_flow() -> None:
    import importlib

    from prefect import Flow

    for dep in SPEC["deployments"]:
        path, name = dep["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert isinstance(getattr(module, name), Flow), dep["name"]


def test_schedules_are_in_jakarta_time_and_monitor_never_overlaps() -> None:
    deps = {d["name"]: d for d in SPEC["deployments"]}
    monitor = deps["monitor"]
    assert monitor["schedules"][0]["timezone"] == "Asia/Jakarta"
    minutes = monitor["schedules"][0]["cron"].split()[0]
    assert minutes.startswith("*/") and 10 <= int(minutes[2:]) <= 15
    assert monitor["concurrency_limit"] == {"limit": 1, "collision_strategy": "CANCEL_NEW"}
    assert deps["digest"]["schedules"][0]["cron"] == "0 7 * * *"
    assert deps["digest"]["schedules"][0]["timezone"] == "Asia/Jakarta"
    assert deps["ops-health"]["schedules"][0]["cron"].split()[1:] == ["*", "*", "*", "*"]
    assert {d["work_pool"]["name"] for d in SPEC["deployments"]} == {"pantau-process"}


def test_prefect_deploy_all_applies_every_deployment(prefect_server: None, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PANTAU_HOME": str(ROOT)}
    prefect = str(Path(os.sys.executable).with_name("prefect"))
    pool = subprocess.run(
        [prefect, "work-pool", "create", "pantau-process", "--type", "process"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert pool.returncode == 0, pool.stdout + pool.stderr
    deploy = subprocess.run(
        [prefect, "--no-prompt", "deploy", "--all"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert deploy.returncode == 0, deploy.stdout[-3000:] + deploy.stderr[-3000:]

    async def read() -> dict[str, object]:
        async with get_client() as client:
            found = await client.read_deployments()
            return {d.name: d for d in found}

    deployments = asyncio.run(read())
    assert set(deployments) == {d["name"] for d in SPEC["deployments"]}
    monitor = deployments["monitor"]
    schedule = monitor.schedules[0].schedule  # type: ignore[attr-defined]
    assert schedule.cron == "*/10 * * * *" and schedule.timezone == "Asia/Jakarta"
    limit = monitor.global_concurrency_limit  # type: ignore[attr-defined]
    assert limit is not None and limit.limit == 1
    assert str(monitor.concurrency_options.collision_strategy.value) == "CANCEL_NEW"  # type: ignore[attr-defined]
    digest = deployments["digest"].schedules[0].schedule  # type: ignore[attr-defined]
    assert (digest.cron, digest.timezone) == ("0 7 * * *", "Asia/Jakarta")
