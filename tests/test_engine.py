"""`pantau engine` against real processes: idempotent start/stop, clear errors for a taken port, Java, Maven."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pantau.errors import EngineError
from pantau.store import node
from tests.conftest import ROOT, make_settings


def _pantau(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pantau.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        cwd=ROOT,
    )


def _env(settings_overrides: dict[str, str]) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    env.update(settings_overrides)
    return env


def test_start_on_a_running_node_is_a_no_op_and_status_reports_it(node_settings) -> None:
    again = node.start(node_settings)
    if node_settings.external_search:
        assert "external cluster" in again.detail
        return
    assert again.running and again.health in {"green", "yellow"}
    assert again.detail.startswith("already running")
    status = node.status(node_settings)
    assert status.running and status.pid == again.pid


def test_cli_status_and_url(node_settings) -> None:
    env = _env(
        {
            "PANTAU_PATHS_VAR_DIR": str(node_settings.paths.var_dir),
            "PANTAU_ENGINE_PORT": str(node_settings.engine.port),
            "PANTAU_ENGINE_TRANSPORT_PORT": str(node_settings.engine.transport_port),
        }
    )
    if node_settings.external_search:
        env["PANTAU_SEARCH_URL"] = node_settings.search_url
    out = _pantau("engine", "status", env=env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["url"] == node_settings.search_url
    url = _pantau("engine", "start", "--url", env=env)
    assert url.stdout.strip() == node_settings.search_url


def test_stop_when_not_running_is_not_an_error(tmp_path: Path) -> None:
    settings = make_settings(PANTAU_PATHS_VAR_DIR=str(tmp_path), PANTAU_ENGINE_PORT="9263")
    assert node.stop(settings).detail == "was not running"
    assert node.status(settings).running is False


def test_port_taken_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        settings = make_settings(
            PANTAU_PATHS_VAR_DIR=str(tmp_path), PANTAU_ENGINE_PORT=str(port), PANTAU_ENGINE_TRANSPORT_PORT="9364"
        )
        with pytest.raises(EngineError, match=f"port {port} on 127.0.0.1 is already taken"):
            node.start(settings)


def test_external_url_means_no_node_is_started(tmp_path: Path) -> None:
    settings = make_settings(PANTAU_PATHS_VAR_DIR=str(tmp_path), PANTAU_SEARCH_URL="http://127.0.0.1:9")
    status = node.start(settings)
    assert status.running is False
    assert "external cluster" in status.detail
    assert not (tmp_path / "search-node" / "node.pid").exists()


def test_unsupported_java_is_refused_with_the_versions_found(tmp_path: Path) -> None:
    settings = make_settings(PANTAU_PATHS_VAR_DIR=str(tmp_path))
    newer = sorted(Path("/usr/lib/jvm").glob("temurin-2[4-9]*/bin/java"))
    fake = tmp_path / "jdk" / "bin" / "java"
    fake.parent.mkdir(parents=True)
    fake.write_text("#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    fake.chmod(0o755)
    candidates = [fake, *newer]
    with pytest.raises(EngineError, match="needs Java 17 to 23") as err:
        node.find_java(settings, candidates=candidates)
    assert "(11)" in str(err.value)
    assert node.java_major(fake) == 11


def test_missing_maven_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = make_settings(PANTAU_PATHS_VAR_DIR=str(tmp_path))
    launcher = tmp_path / "search-node"
    launcher.mkdir()
    shutil.copy(ROOT / "infra" / "search-node" / "pom.xml", launcher / "pom.xml")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    java = node.find_java(settings)
    with pytest.raises(EngineError, match=r"Maven \(mvn\) is needed"):
        node.ensure_built(settings, java, launcher=launcher)


def test_node_that_dies_on_start_reports_its_log(tmp_path: Path) -> None:
    bad = tmp_path / "notjava" / "bin" / "java"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        '#!/bin/sh\nif [ "$1" = -version ]; then echo \'openjdk version "17.0.1"\' >&2; exit 0; fi\n'
        "echo 'Error: could not start the node: simulated' ; exit 1\n"
    )
    bad.chmod(0o755)
    settings = make_settings(
        PANTAU_PATHS_VAR_DIR=str(tmp_path),
        PANTAU_ENGINE_PORT="9265",
        PANTAU_ENGINE_TRANSPORT_PORT="9365",
        PANTAU_ENGINE_JAVA_HOME=str(bad.parent.parent),
    )
    with pytest.raises(EngineError, match="exited during start-up") as err:
        node.start(settings)
    assert "simulated" in str(err.value)
    assert node.status(settings).running is False
