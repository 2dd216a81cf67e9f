"""prefect.yaml and the stack's deploy step against a real (temporary) Prefect server: `pantau deploy` with the
compose `deploy` job's settings applies every deployment with its schedule, and a process worker started with the
compose worker's command and settings runs one of them to completion against the real search node."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

from pantau.config import Settings
from pantau.store.client import Store
from pantau.store.templates import alias_indices, load_specs
from tests.compose_file import (
    INFRA,
    ROOT,
    command,
    filled_env_example,
    load_compose,
    resolved_environment,
)

SPEC = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
BIN = Path(sys.executable).parent
CONTAINER_ROOT = "/app"  # WORKDIR and PANTAU_HOME of infra/Dockerfile.worker


def test_every_entrypoint_is_a_flow_of_the_installed_package() -> None:
    import importlib

    from prefect import Flow

    for dep in SPEC["deployments"]:
        entrypoint = dep["entrypoint"]
        assert ":" not in entrypoint and "/" not in entrypoint, f"{dep['name']}: not a module path: {entrypoint}"
        module, name = entrypoint.rsplit(".", 1)
        assert isinstance(getattr(importlib.import_module(module), name), Flow), dep["name"]


def test_no_pull_step_can_record_a_path() -> None:
    """An omitted `pull` makes `prefect deploy` record its working directory; an empty one records nothing."""
    assert SPEC["pull"] == []
    assert all("pull" not in dep for dep in SPEC["deployments"])
    assert "{{" not in json.dumps(SPEC), "no templated value (a $VAR resolves on whichever machine deploys)"


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


# --- the deploy job and a worker with the container's settings ------------------------------------------------


def _image_env(app: Path) -> dict[str, str]:
    """The ENV of infra/Dockerfile.worker, with the container's /app mapped to `app`."""
    text = (INFRA / "Dockerfile.worker").read_text(encoding="utf-8")
    blocks = re.findall(r"^ENV ((?:.*\\\n)*.*)$", text, re.MULTILINE)
    env = {name: value for block in blocks for name, value in re.findall(r"([A-Z_]+)=(\S+)", block)}
    assert env.get("PANTAU_HOME") == CONTAINER_ROOT, env
    return {k: _in_container(v, app) for k, v in env.items()}


def _in_container(value: str, app: Path) -> str:
    if value == CONTAINER_ROOT or value.startswith(CONTAINER_ROOT + "/"):
        return str(app) + value[len(CONTAINER_ROOT) :]
    return value


def _container_env(
    service: dict[str, Any], env_file: dict[str, str], app: Path, host: dict[str, str]
) -> dict[str, str]:
    """What the service's process sees: this machine's PATH and the like, the image's ENV, the service's resolved
    `environment` (container paths mapped to `app`), then `host`: only the values naming another machine (the
    Prefect server, the search node) or its security, each of which the compose file must set."""
    compose_env = resolved_environment(service, env_file)
    replaced = set(host) - {k for k in host if k.startswith("PREFECT_WORKER_")}
    assert replaced <= set(compose_env), (
        f"the test replaces what the service does not set: {replaced - set(compose_env)}"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    return {
        **base,
        **_image_env(app),
        **{k: _in_container(v, app) for k, v in compose_env.items()},
        **host,
    }


def _executable(argv: list[str]) -> list[str]:
    assert argv[0] in ("pantau", "prefect"), argv
    return [str(BIN / argv[0]), *argv[1:]]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _deployments() -> dict[str, Any]:
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        return {d.name: d for d in await client.read_deployments()}


def _wait_for_run(flow_run_id: Any, timeout: float, health_url: str) -> tuple[Any, int]:
    """The flow run once it is final, and how many healthcheck requests of the worker answered 200 meanwhile."""
    from prefect.client.orchestration import get_client

    async def read() -> Any:
        async with get_client() as client:
            return await client.read_flow_run(flow_run_id)

    healthy = 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(health_url, timeout=5) as resp:
                healthy += resp.status == 200
        except OSError:
            pass
        run = asyncio.run(read())
        if run.state is not None and run.state.is_final():
            return run, healthy
        time.sleep(2)
    raise AssertionError(f"flow run {flow_run_id} not final after {timeout} s: {run.state}")


def test_deploy_job_and_a_container_worker_run_a_deployment(
    prefect_server: None, node_settings: Settings, store: Store, tmp_path: Path
) -> None:
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    api = str(PREFECT_API_URL.value())
    services = load_compose()["services"]
    env_file = filled_env_example(
        PANTAU_CRAWL_CONTACT="pantau-test@kpu.go.id",
        PANTAU_ALERTS_CHANNELS="ops=json://127.0.0.1:9/never-called",  # setup-indices sends nothing
        PANTAU_ALERTS_OPS_TO="ops",
    )
    # The image's /app: prefect.yaml only (as the Dockerfile copies it) and the writable var/; read-only like the
    # root-owned /app of the image. Flows come from the installed package, not from this folder.
    app = tmp_path / "app"
    (app / "var").mkdir(parents=True)
    (app / "prefect.yaml").write_text((ROOT / "prefect.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    app.chmod(0o555)
    worker_log = (tmp_path / "worker.log").open("w")
    worker = None
    try:
        deploy_env = _container_env(services["deploy"], env_file, app, {"PREFECT_API_URL": api})
        for attempt in (1, 2):  # the second `up` runs the job again: it must succeed again and change nothing
            done = subprocess.run(
                _executable(command(services["deploy"], env_file)),
                env=deploy_env,
                cwd=app,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            report = json.loads(done.stdout)
            assert report["prefect_file"] == str(app / "prefect.yaml")
            assert report["pool"]["action"] == ("exists" if attempt == 2 else report["pool"]["action"])

        deployments = asyncio.run(_deployments())
        assert {d["name"] for d in SPEC["deployments"]} <= set(deployments)
        for spec in SPEC["deployments"]:
            recorded = deployments[spec["name"]]
            assert recorded.entrypoint == spec["entrypoint"]
            assert not recorded.pull_steps, (spec["name"], recorded.pull_steps)
            dumped = recorded.model_dump_json()
            assert str(ROOT) not in dumped and str(app) not in dumped, f"{spec['name']} recorded a path: {dumped}"
        monitor = deployments["monitor"]
        schedule = monitor.schedules[0].schedule
        assert schedule.cron == "*/10 * * * *" and schedule.timezone == "Asia/Jakarta"
        assert monitor.global_concurrency_limit is not None and monitor.global_concurrency_limit.limit == 1
        assert str(monitor.concurrency_options.collision_strategy.value) == "CANCEL_NEW"
        digest = deployments["digest"].schedules[0].schedule
        assert (digest.cron, digest.timezone) == ("0 7 * * *", "Asia/Jakarta")

        health_port = _free_port()
        worker_env = _container_env(
            services["prefect-worker"],
            env_file,
            app,
            {
                "PREFECT_API_URL": api,
                "PANTAU_SEARCH_URL": node_settings.search_url,
                # the embedded node has no security: no user, no CA (the stack's pantau_writer cannot run here)
                "PANTAU_SEARCH_USER": "",
                "PANTAU_SEARCH_PASSWORD": "",
                "PANTAU_SEARCH_CA_FILE": "",
                "PANTAU_SEARCH_INDEX_PREFIX": store.settings.search.index_prefix,
                "PREFECT_WORKER_WEBSERVER_PORT": str(health_port),
                "PREFECT_WORKER_QUERY_SECONDS": "1",
                "PREFECT_WORKER_PREFETCH_SECONDS": "0",
            },
        )
        assert worker_env["PANTAU_CRAWL_CONTACT"] == "pantau-test@kpu.go.id"
        assert worker_env["PANTAU_HOME"] == str(app) and worker_env["PANTAU_PATHS_VAR_DIR"] == str(app / "var")
        worker = subprocess.Popen(
            _executable(command(services["prefect-worker"], env_file)),
            env=worker_env,
            cwd=app,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
        )
        flow_run = run_deployment("setup-indices/setup-indices", timeout=0)
        run, healthy = _wait_for_run(flow_run.id, 300, f"http://127.0.0.1:{health_port}/health")
        log = (tmp_path / "worker.log").read_text(encoding="utf-8", errors="replace")
        assert run.state.is_completed(), f"{run.state}\n{log[-3000:]}"
        assert run.work_pool_name == "pantau-process"
        assert healthy >= 1, "the worker's healthcheck endpoint (the container's healthcheck) never answered 200"
    finally:
        app.chmod(0o755)
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
        worker_log.close()
    # the run happened in the worker, with the prefix and search URL of its environment: the indices exist there
    specs = load_specs()
    for kind in ("articles", "claims", "audit"):
        assert alias_indices(store, kind) == [specs[kind].index_name(store)], kind


def test_make_deploy_needs_no_search_node_build() -> None:
    """`make deploy` on a machine without Maven: with every prerequisite forced out of date (-B) and nothing run
    (-n), the plan holds the venv and `pantau deploy`, never the Maven build of the search node."""
    make = shutil.which("make")
    assert make, "make is part of the documented setup"
    done = subprocess.run(
        [make, "-n", "-B", "deploy", "PREFECT_API_URL=http://127.0.0.1:4200/api"],
        cwd=ROOT,
        env={**os.environ, "PREFECT_API_URL": "http://127.0.0.1:4200/api"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "pantau deploy" in done.stdout and "pip install" in done.stdout, done.stdout
    assert "mvn" not in done.stdout, done.stdout


def test_deploy_without_a_prefect_server_is_a_clear_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PANTAU_"))}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")  # no profile that could name a server
    done = subprocess.run(
        [str(BIN / "pantau"), "deploy"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "set PREFECT_API_URL" in done.stderr
