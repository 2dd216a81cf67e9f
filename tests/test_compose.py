"""Structure of the production stack: infra/docker-compose.yml, infra/.env.example, infra/Dockerfile.worker.

Static checks only (PyYAML + stdlib): no Docker needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"
COMPOSE_FILE = INFRA / "docker-compose.yml"
ENV_EXAMPLE = INFRA / ".env.example"

EXPECTED_SERVICES = {"setup", "elasticsearch", "kibana", "postgres", "prefect-server", "prefect-worker"}
PUBLISHED = {"elasticsearch": 9200, "kibana": 5601, "prefect-server": 4200}

# Compose interpolation: "$$" is a literal "$"; "${NAME...}" and "$NAME" are substitutions.
_TOKEN = re.compile(r"\$\$|\$\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?+])?|\$(?P<bare>[A-Za-z_][A-Za-z0-9_]*)")
# A value that is one required substitution and nothing else: ${NAME:?message} or ${NAME?message}.
_REQUIRED_SUBSTITUTION = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*:?\?[^}]*\}")
_SECRET_NAME = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ENCRYPTION_?KEY|PRIVATE_?KEY", re.IGNORECASE)
_URL_CREDENTIALS = re.compile(r"://(?P<user>[^:/@\s]+):(?P<password>[^@\s]+)@")


def _strings(node: Any) -> list[str]:
    """Every string value in a parsed YAML document (mapping keys are not interpolated by Compose)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def _references(text: str) -> list[tuple[str, str]]:
    """(variable, operator) for every Compose substitution in text; operator is "" for plain ${X} / $X."""
    refs = []
    for match in _TOKEN.finditer(text):
        if match.group(0) == "$$":
            continue
        name = match.group("braced") or match.group("bare")
        refs.append((name, match.group("op") or ""))
    return refs


def _interpolate(text: str, env: dict[str, str]) -> str:
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


def _parse_env_file(path: Path) -> dict[str, str]:
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


def _environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(key): "" if value is None else str(value) for key, value in env.items()}


def _volume_mounts(service: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(source, target, read_only) for every volume of a service, short or long syntax."""
    mounts = []
    for entry in service.get("volumes") or []:
        if isinstance(entry, str):
            parts = entry.split(":")
            mode = parts[2] if len(parts) > 2 else ""
            mounts.append((parts[0], parts[1], "ro" in mode.split(",")))
        else:
            mounts.append((entry["source"], entry["target"], bool(entry.get("read_only"))))
    return mounts


def _healthcheck_test(service: dict[str, Any]) -> str:
    test = (service.get("healthcheck") or {}).get("test")
    return " ".join(test) if isinstance(test, list) else str(test or "")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml is not a mapping"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


@pytest.fixture(scope="module")
def env_example() -> dict[str, str]:
    return _parse_env_file(ENV_EXAMPLE)


@pytest.fixture(scope="module")
def compose_references(compose: dict[str, Any]) -> list[tuple[str, str]]:
    return [ref for text in _strings(compose) for ref in _references(text)]


# --- the helpers themselves (so that a broken parser cannot make the checks below pass vacuously) ---------


def test_references_skip_escaped_dollars_and_see_every_form() -> None:
    text = "$$HOME $${ESCAPED} ${A} ${B:-x} ${C?m} ${D:?m} $E $$$F ${G:-${H}}"
    assert _references(text) == [
        ("A", ""),
        ("B", ":-"),
        ("C", "?"),
        ("D", ":?"),
        ("E", ""),
        ("F", ""),
        ("G", ":-"),
        ("H", ""),
    ]


def test_interpolate_follows_compose_rules() -> None:
    assert _interpolate("${X:-127.0.0.1}:${P:-80}:80", {}) == "127.0.0.1:80:80"
    assert _interpolate("${X:-d}", {"X": ""}) == "d"
    assert _interpolate("${X-d}", {"X": ""}) == ""
    assert _interpolate("${X:-d}", {"X": "0.0.0.0"}) == "0.0.0.0"
    assert _interpolate("$$x", {}) == "$x"
    with pytest.raises(LookupError):
        _interpolate("${X:?needed}", {"X": ""})
    with pytest.raises(LookupError):
        _interpolate("${X}", {})


def test_secret_detection_rejects_literals() -> None:
    assert _REQUIRED_SUBSTITUTION.fullmatch("${ELASTIC_PASSWORD:?set it}")
    assert not _REQUIRED_SUBSTITUTION.fullmatch("changeme")
    assert not _REQUIRED_SUBSTITUTION.fullmatch("${ELASTIC_PASSWORD:-changeme}")
    assert not _REQUIRED_SUBSTITUTION.fullmatch("${ELASTIC_PASSWORD}")
    assert not _REQUIRED_SUBSTITUTION.fullmatch("x${ELASTIC_PASSWORD:?m}")
    match = _URL_CREDENTIALS.search("postgresql+asyncpg://prefect:hunter2@postgres:5432/prefect")
    assert match and match.group("password") == "hunter2"


# --- compose file ---------------------------------------------------------------------------------------


def test_compose_spec_has_no_version_key(compose: dict[str, Any]) -> None:
    assert "version" not in compose, "the Compose spec has no top-level version:"


def test_expected_services_exist(services: dict[str, dict[str, Any]]) -> None:
    missing = EXPECTED_SERVICES - set(services)
    assert not missing, f"missing services: {sorted(missing)}"


def test_named_volumes_are_declared(compose: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    declared = set(compose.get("volumes") or {})
    for name, service in services.items():
        for source, _target, _ro in _volume_mounts(service):
            if not source.startswith((".", "/", "~")):
                assert source in declared, f"{name}: volume {source!r} is not declared under volumes:"


def test_elastic_images_share_stack_version(services: dict[str, dict[str, Any]]) -> None:
    es_image = "docker.elastic.co/elasticsearch/elasticsearch:${STACK_VERSION"
    assert services["setup"]["image"].startswith(es_image)
    assert services["elasticsearch"]["image"].startswith(es_image)
    assert services["kibana"]["image"].startswith("docker.elastic.co/kibana/kibana:${STACK_VERSION")


def test_setup_generates_certificates_and_sets_kibana_password(services: dict[str, dict[str, Any]]) -> None:
    setup = services["setup"]
    script = " ".join(_strings(setup.get("command") or setup.get("entrypoint")))
    assert "elasticsearch-certutil ca" in script
    assert "elasticsearch-certutil cert" in script
    assert "/_security/user/kibana_system/_password" in script
    assert any(target.endswith("config/certs") for _s, target, _ro in _volume_mounts(setup))
    assert setup.get("restart", "no") == "no", "setup is one-shot"
    assert services["elasticsearch"]["depends_on"]["setup"]["condition"] == "service_healthy"


def test_elasticsearch_security_tls_and_healthcheck(services: dict[str, dict[str, Any]]) -> None:
    es = services["elasticsearch"]
    env = _environment(es)
    assert env.get("xpack.security.enabled") == "true"
    assert env.get("xpack.security.http.ssl.enabled") == "true"
    assert env.get("discovery.type") == "single-node"
    for setting in ("key", "certificate", "certificate_authorities"):
        assert env.get(f"xpack.security.http.ssl.{setting}", "").startswith("certs/")
    assert env.get("ES_JAVA_OPTS", "").startswith("${ES_JAVA_OPTS")
    assert env.get("bootstrap.memory_lock") == "true"
    assert es["ulimits"]["memlock"] == {"soft": -1, "hard": -1}
    test = _healthcheck_test(es)
    assert "--cacert" in test and "https://localhost:9200" in test, test
    assert any(target == "/usr/share/elasticsearch/data" for _s, target, _ro in _volume_mounts(es))


def test_node_certificate_covers_the_host_name_clients_use(services: dict[str, dict[str, Any]]) -> None:
    script = " ".join(_strings(services["setup"]["command"]))
    for service, key in (("kibana", "ELASTICSEARCH_HOSTS"), ("prefect-worker", "PANTAU_SEARCH_URL")):
        url = _environment(services[service])[key]
        host = re.fullmatch(r"https://([^:/]+):9200", url)
        assert host, f"{service}: {key}={url!r} should be https://<host>:9200"
        assert f"- {host.group(1)}" in script, f"node certificate has no DNS name {host.group(1)!r}"


def test_kibana_waits_for_healthy_elasticsearch_as_kibana_system(services: dict[str, dict[str, Any]]) -> None:
    kibana = services["kibana"]
    assert kibana["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    env = _environment(kibana)
    assert env.get("ELASTICSEARCH_USERNAME") == "kibana_system"
    assert env.get("ELASTICSEARCH_PASSWORD", "").startswith("${KIBANA_PASSWORD")
    assert env.get("ELASTICSEARCH_HOSTS", "").startswith("https://")
    assert env.get("ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES")
    assert env.get("XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY", "").startswith("${")
    assert _healthcheck_test(kibana)


def test_prefect_server_uses_postgres(services: dict[str, dict[str, Any]]) -> None:
    server = services["prefect-server"]
    assert server["image"].startswith("prefecthq/prefect:3")
    assert server["depends_on"]["postgres"]["condition"] == "service_healthy"
    url = _environment(server)["PREFECT_API_DATABASE_CONNECTION_URL"]
    assert url.startswith("postgresql+asyncpg://") and "@postgres:5432/" in url
    assert "/api/health" in _healthcheck_test(server)
    assert "pg_isready" in _healthcheck_test(services["postgres"])
    assert not services["postgres"].get("ports"), "the Prefect database must not be published"


def test_worker_settings(services: dict[str, dict[str, Any]]) -> None:
    worker = services["prefect-worker"]
    command = " ".join(_strings(worker["command"]))
    assert "worker start" in command and "--pool pantau-process" in command and "--type process" in command
    for dependency in ("elasticsearch", "prefect-server"):
        assert worker["depends_on"][dependency]["condition"] == "service_healthy"
    env = _environment(worker)
    assert env["PREFECT_API_URL"] == "http://prefect-server:4200/api"
    assert env["PANTAU_SEARCH_URL"] == "https://elasticsearch:9200"
    assert env["PANTAU_SEARCH_USER"]
    assert env["PANTAU_USER_AGENT_CONTACT"].startswith("${PANTAU_USER_AGENT_CONTACT")
    ca_file = env["PANTAU_SEARCH_CA_FILE"]
    certs_mounts = [(t, ro) for s, t, ro in _volume_mounts(worker) if s == "certs"]
    assert certs_mounts, "the worker needs the certs volume"
    assert all(ro for _t, ro in certs_mounts), "the worker must mount certs read-only"
    assert any(ca_file.startswith(target.rstrip("/") + "/") for target, _ro in certs_mounts), ca_file


def test_worker_build_context_and_dockerfile_exist(services: dict[str, dict[str, Any]]) -> None:
    build = services["prefect-worker"]["build"]
    context = (COMPOSE_FILE.parent / build["context"]).resolve()
    assert context == ROOT, f"build context {context} should be the repository root"
    dockerfile = context / build.get("dockerfile", "Dockerfile")
    assert dockerfile.is_file(), f"{dockerfile} does not exist"
    text = dockerfile.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.MULTILINE)
    assert re.search(r"^RUN .*pip install \.", text, re.MULTILINE)
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}, "the worker image must end as a non-root user"


# --- variables and secrets -------------------------------------------------------------------------------


def test_every_variable_is_in_env_example(
    compose_references: list[tuple[str, str]], env_example: dict[str, str]
) -> None:
    names = {name for name, _op in compose_references}
    assert {"STACK_VERSION", "ELASTIC_PASSWORD", "KIBANA_PASSWORD"} <= names, "variable scan found too little"
    undefined = names - set(env_example)
    assert not undefined, f"used in docker-compose.yml but not in .env.example: {sorted(undefined)}"


def test_env_example_documents_each_variable() -> None:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#"):
            assert index > 0 and lines[index - 1].lstrip().startswith("#"), f"no comment above {line!r}"


def test_env_example_has_no_secret_values(env_example: dict[str, str]) -> None:
    secrets = {name: value for name, value in env_example.items() if _SECRET_NAME.search(name)}
    assert {"ELASTIC_PASSWORD", "KIBANA_PASSWORD", "POSTGRES_PASSWORD"} <= set(secrets)
    filled = sorted(name for name, value in secrets.items() if value)
    assert not filled, f".env.example must leave secrets empty (compose then refuses to start): {filled}"


def test_secret_variables_are_required(compose_references: list[tuple[str, str]]) -> None:
    secrets = [(name, op) for name, op in compose_references if _SECRET_NAME.search(name)]
    assert secrets, "variable scan found no secret"
    loose = sorted({f"{name} ({op or 'plain'})" for name, op in secrets if op not in (":?", "?")})
    assert not loose, f"secrets must be ${{VAR:?message}} so a missing one fails loudly: {loose}"


def test_no_literal_secrets(compose: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    checked = 0
    for name, service in services.items():
        for key, value in _environment(service).items():
            if _SECRET_NAME.search(key):
                checked += 1
                assert _REQUIRED_SUBSTITUTION.fullmatch(value), f"{name}: {key}={value!r} is not ${{VAR:?...}}"
    assert checked >= 5, "expected password/key settings in setup, elasticsearch, kibana, postgres, worker"
    for text in _strings(compose):
        for match in _URL_CREDENTIALS.finditer(text):
            password = match.group("password")
            assert _REQUIRED_SUBSTITUTION.fullmatch(password), f"literal password in URL: {text!r}"


# --- published ports -------------------------------------------------------------------------------------


def _published(service: dict[str, Any], env: dict[str, str]) -> list[tuple[str, str, int]]:
    """(host_ip, host_port, container_port) of each published port after interpolation with env."""
    out = []
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            host_ip = _interpolate(str(entry.get("host_ip", "")), env)
            published = _interpolate(str(entry.get("published", "")), env)
            out.append((host_ip, published, int(entry["target"])))
            continue
        parts = _interpolate(str(entry), env).split(":")
        if len(parts) == 3:
            out.append((parts[0], parts[1], int(parts[2].split("/")[0])))
        else:
            out.append(("", parts[0] if len(parts) == 2 else "", int(parts[-1].split("/")[0])))
    return out


@pytest.mark.parametrize("source", ["defaults", ".env.example"])
def test_ports_bind_to_localhost(services: dict[str, dict[str, Any]], env_example: dict[str, str], source: str) -> None:
    env = {} if source == "defaults" else env_example
    published = {name: _published(service, env) for name, service in services.items() if service.get("ports")}
    assert set(published) == set(PUBLISHED), f"published services: {sorted(published)}"
    for name, mappings in published.items():
        for host_ip, host_port, container_port in mappings:
            where = host_ip or "all interfaces"
            assert host_ip == "127.0.0.1", f"{name}: port {container_port} binds to {where}"
            assert container_port == PUBLISHED[name]
            assert host_port == str(PUBLISHED[name])
