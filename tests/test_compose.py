"""Structure of the production stack: infra/docker-compose.yml, infra/.env.example, infra/Dockerfile.worker.

Static checks only (PyYAML + stdlib): no Docker needed.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.compose_file import (
    COMPOSE_FILE,
    ENV_EXAMPLE,
    ROOT,
    environment,
    interpolate,
    load_compose,
    parse_env_file,
    references,
    strings,
)

EXPECTED_SERVICES = {
    "certs",
    "elasticsearch",
    "security",
    "kibana",
    "postgres",
    "prefect-server",
    "deploy",
    "prefect-worker",
    "desk",
}
ONE_SHOT = {"certs", "security", "deploy"}
PANTAU_IMAGE = {"security", "deploy", "prefect-worker", "desk"}
PUBLISHED = {"elasticsearch": 9200, "kibana": 5601, "prefect-server": 4200, "desk": 8765}

# A value that is one required substitution and nothing else: ${NAME:?message} or ${NAME?message}.
_REQUIRED_SUBSTITUTION = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*:?\?[^}]*\}")
_SECRET_NAME = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ENCRYPTION_?KEY|PRIVATE_?KEY", re.IGNORECASE)
_URL_CREDENTIALS = re.compile(r"://(?P<user>[^:/@\s]+):(?P<password>[^@\s]+)@")
# aliases kept so the checks below read as before
_strings, _references, _interpolate, _parse_env_file, _environment = (
    strings,
    references,
    interpolate,
    parse_env_file,
    environment,
)


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
    return load_compose()


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
    assert services["certs"]["image"].startswith(es_image)
    assert services["elasticsearch"]["image"].startswith(es_image)
    assert services["kibana"]["image"].startswith("docker.elastic.co/kibana/kibana:${STACK_VERSION")


# --- start order: one-shot jobs are awaited as completed, long-running services as healthy --------------------


def test_every_dependency_waits_for_the_right_condition(services: dict[str, dict[str, Any]]) -> None:
    """A one-shot job exits, so it is never healthy: waiting for service_healthy on it fails every `up` after the
    first (elastic/elasticsearch#92605). A long-running service is waited for healthy, so it needs a healthcheck."""
    checked = 0
    for name, service in services.items():
        for dependency, spec in (service.get("depends_on") or {}).items():
            checked += 1
            target = services[dependency]
            if dependency in ONE_SHOT:
                assert spec["condition"] == "service_completed_successfully", (name, dependency)
            else:
                assert spec["condition"] == "service_healthy", (name, dependency)
                assert _healthcheck_test(target), f"{name} waits for {dependency} healthy, which has no healthcheck"
    assert checked >= 12


def test_one_shot_jobs_and_restart_policies(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        if name in ONE_SHOT:
            assert service.get("restart") == "no", f"{name} is one-shot"
            assert "healthcheck" not in service, f"{name} exits: a healthcheck would never pass"
        else:
            assert service.get("restart") == "unless-stopped", name
            assert _healthcheck_test(service), f"{name} has no healthcheck"


@pytest.mark.parametrize("source", ["defaults", ".env.example"])
def test_every_service_has_a_memory_limit(
    services: dict[str, dict[str, Any]], env_example: dict[str, str], source: str
) -> None:
    env = {} if source == "defaults" else env_example
    for name, service in services.items():
        limit = _interpolate(str(service.get("mem_limit", "")), env)
        assert re.fullmatch(r"\d+[mg]", limit), f"{name}: mem_limit {limit!r}"


def test_start_order(services: dict[str, dict[str, Any]]) -> None:
    def after(name: str) -> set[str]:
        return set(services[name].get("depends_on") or {})

    assert after("elasticsearch") == {"certs"}
    assert after("security") == {"elasticsearch"}
    assert after("kibana") == {"elasticsearch", "security"}
    assert after("deploy") == {"prefect-server"}
    assert after("prefect-server") == {"postgres"}
    assert after("prefect-worker") == {"elasticsearch", "prefect-server", "security", "deploy"}
    assert after("desk") == {"elasticsearch", "security"}


def test_certs_job_only_creates_certificates(services: dict[str, dict[str, Any]]) -> None:
    certs = services["certs"]
    script = " ".join(_strings(certs.get("command") or certs.get("entrypoint")))
    assert "elasticsearch-certutil ca" in script
    assert "elasticsearch-certutil cert" in script
    assert "_security" not in script and "curl" not in script, "the certs job must not wait for Elasticsearch"
    assert not _environment(certs), "the certs job needs no secret"
    assert any(target.endswith("config/certs") for _s, target, _ro in _volume_mounts(certs))


def test_snapshot_folder_is_handed_to_the_elasticsearch_user(services: dict[str, dict[str, Any]]) -> None:
    """path.repo lives on a named volume that Docker creates root-owned; a root job must give it to uid 1000
    before Elasticsearch starts, or registering the fs repository fails with "not writable"."""
    es = services["elasticsearch"]
    repo = str(_environment(es)["path.repo"])
    volume = next(src for src, target, _ro in _volume_mounts(es) if target == repo)
    certs = services["certs"]
    assert (volume, repo, False) in _volume_mounts(certs)
    assert str(certs.get("user")) == "0"
    script = " ".join(_strings(certs.get("command") or certs.get("entrypoint")))
    assert re.search(rf"chown 1000(:0)? {re.escape(repo)}", script), "the certs job must chown the snapshot folder"
    assert es["depends_on"]["certs"]["condition"] == "service_completed_successfully"


def test_security_job_sets_passwords_role_user_and_indices(services: dict[str, dict[str, Any]]) -> None:
    from pantau.store.security import writer_spec

    job = services["security"]
    script = " ".join(_strings(job["command"]))
    assert "pantau security apply --password-stdin --kibana-system" in script
    assert re.search(r"PANTAU_SEARCH_USER=(\S+) .*pantau setup", script).group(1) == writer_spec()["user"]
    env = _environment(job)
    assert env["PANTAU_SEARCH_USER"] == "elastic", "only the security job connects as elastic"
    assert env["PANTAU_SEARCH_PASSWORD"].startswith("${ELASTIC_PASSWORD")
    assert env["WRITER_PASSWORD"].startswith("${WRITER_PASSWORD")
    assert env["KIBANA_PASSWORD"].startswith("${KIBANA_PASSWORD")
    # the passwords go through stdin, never through a command line
    assert "--password " not in script and "printf" in script


def test_worker_and_desk_connect_as_pantau_writer(services: dict[str, dict[str, Any]]) -> None:
    from pantau.store.security import writer_spec

    for name, service in services.items():
        env = _environment(service)
        if name == "security" or "PANTAU_SEARCH_USER" not in env:
            continue
        assert env["PANTAU_SEARCH_USER"] == writer_spec()["user"], name
        assert env["PANTAU_SEARCH_PASSWORD"].startswith("${WRITER_PASSWORD"), name
    for name in ("prefect-worker", "desk"):
        assert _environment(services[name])["PANTAU_SEARCH_USER"] == "pantau_writer"
        assert "elastic:" not in " ".join(_strings(services[name]))


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
    script = " ".join(_strings(services["certs"]["command"]))
    clients = [("kibana", "ELASTICSEARCH_HOSTS")] + [(name, "PANTAU_SEARCH_URL") for name in sorted(PANTAU_IMAGE)]
    for service, key in clients:
        url = _environment(services[service]).get(key)
        if url is None and service == "deploy":
            continue  # the deploy job talks to Prefect only
        host = re.fullmatch(r"https://([^:/]+):9200", url or "")
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
    assert server["depends_on"]["postgres"]["condition"] == "service_healthy"
    url = _environment(server)["PREFECT_API_DATABASE_CONNECTION_URL"]
    assert url.startswith("postgresql+asyncpg://") and "@postgres:5432/" in url
    assert "/api/health" in _healthcheck_test(server)
    assert "pg_isready" in _healthcheck_test(services["postgres"])
    assert not services["postgres"].get("ports"), "the Prefect database must not be published"


def test_deploy_job_applies_the_deployments_before_the_worker_starts(services: dict[str, dict[str, Any]]) -> None:
    from pantau.ops.deploy import POOL_TYPE, read_plan

    deploy, worker = services["deploy"], services["prefect-worker"]
    assert _strings(deploy["command"])[:2] == ["pantau", "deploy"]
    assert deploy["depends_on"] == {"prefect-server": {"condition": "service_healthy"}}
    assert worker["depends_on"]["deploy"]["condition"] == "service_completed_successfully"
    api = _environment(worker)["PREFECT_API_URL"]
    assert _environment(deploy)["PREFECT_API_URL"] == api == "http://prefect-server:4200/api"
    command = " ".join(_strings(worker["command"]))
    plan = read_plan(ROOT / "prefect.yaml")
    assert f"--pool {plan.pool}" in command and f"--type {POOL_TYPE}" in command, command
    assert "worker start" in command and "--with-healthcheck" in command
    assert "/health" in _healthcheck_test(worker)


def test_worker_settings(services: dict[str, dict[str, Any]]) -> None:
    worker = services["prefect-worker"]
    for dependency in ("elasticsearch", "prefect-server"):
        assert worker["depends_on"][dependency]["condition"] == "service_healthy"
    env = _environment(worker)
    assert env["PANTAU_SEARCH_URL"] == "https://elasticsearch:9200"
    assert env["PANTAU_CRAWL_CONTACT"].startswith("${PANTAU_CRAWL_CONTACT:?")
    assert env["PANTAU_ALERTS_CHANNELS"].startswith("${PANTAU_ALERTS_CHANNELS:?"), "no channel: no alert is ever sent"
    assert env["PANTAU_DESK_URL"].startswith("${PANTAU_DESK_URL")
    for trigger in ("FLAG", "WATCHLIST", "SPIKE", "OPS"):
        assert env[f"PANTAU_ALERTS_{trigger}_TO"].startswith(f"${{PANTAU_ALERTS_{trigger}_TO")
    ca_file = env["PANTAU_SEARCH_CA_FILE"]
    for name in PANTAU_IMAGE - {"deploy"}:
        certs_mounts = [(t, ro) for s, t, ro in _volume_mounts(services[name]) if s == "certs"]
        assert certs_mounts, f"{name} needs the certs volume"
        assert all(ro for _t, ro in certs_mounts), f"{name} must mount certs read-only"
        assert any(ca_file.startswith(target.rstrip("/") + "/") for target, _ro in certs_mounts), ca_file


def test_pantau_image_build_context_and_dockerfile(services: dict[str, dict[str, Any]]) -> None:
    builds = {name: services[name].get("build") for name in PANTAU_IMAGE}
    images = {services[name].get("image") for name in PANTAU_IMAGE}
    assert len(images) == 1 and None not in images, "the Pantau services share one image"
    build = builds["prefect-worker"]
    assert all(b == build for b in builds.values()), builds
    context = (COMPOSE_FILE.parent / build["context"]).resolve()
    assert context == ROOT, f"build context {context} should be the repository root"
    dockerfile = context / build.get("dockerfile", "Dockerfile")
    assert dockerfile.is_file(), f"{dockerfile} does not exist"
    text = dockerfile.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.MULTILINE)
    assert re.search(r"^ARG PREFECT_VERSION$", text, re.MULTILINE), "no default: the version comes from infra/.env"
    assert re.search(r'pip install \. "prefect==\$\{PREFECT_VERSION\}"', text), "the worker must install that version"
    assert re.search(r"^COPY prefect\.yaml", text, re.MULTILINE), "pantau deploy reads /app/prefect.yaml"
    assert re.search(r"PANTAU_HOME=/app\b", text)
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}, "the worker image must end as a non-root user"
    assert str(build["args"]["PREFECT_VERSION"]).startswith("${PREFECT_VERSION:?")


# --- versions --------------------------------------------------------------------------------------------------


def test_one_prefect_version_for_server_worker_and_the_tested_client(
    services: dict[str, dict[str, Any]], env_example: dict[str, str]
) -> None:
    """The server image tag and the worker's build arg both come from PREFECT_VERSION, which must be the version
    pyproject pins and these tests run (a client newer than its server is unsupported)."""
    import tomllib

    import prefect
    import yaml

    version = env_example["PREFECT_VERSION"]
    assert prefect.__version__ == version, f"installed prefect {prefect.__version__}, infra/.env.example {version}"
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert [d for d in deps if d.startswith("prefect")] == [f"prefect=={version}"]
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    assert spec["prefect-version"] == version
    image = services["prefect-server"]["image"]
    assert image == "prefecthq/prefect:${PREFECT_VERSION:?set PREFECT_VERSION in infra/.env}-python3.11", image


def test_stack_version_is_in_the_supported_range(env_example: dict[str, str]) -> None:
    """8.19.x (the last 8.x minor, the one a 9.x upgrade starts from) or 9.x; README "Upgrading"."""
    version = env_example["STACK_VERSION"]
    assert re.fullmatch(r"8\.19\.\d+|9\.\d+\.\d+", version), version


# --- every PANTAU_* name is one Pantau reads ------------------------------------------------------------------


def test_unknown_variable_detection_can_fail() -> None:
    from pantau.config import unknown_variables

    assert unknown_variables({"PANTAU_USER_AGENT_CONTACT": "x", "PANTAU_CRAWL_CONTACT": "y", "OTHER": "z"}) == [
        "PANTAU_USER_AGENT_CONTACT (did you mean PANTAU_CRAWL_CONTACT?)"
    ]
    assert unknown_variables({"PANTAU_HOME": "/app", "PANTAU_SEARCH_URL": "x"}) == []


def test_every_pantau_name_is_a_setting(services: dict[str, dict[str, Any]], env_example: dict[str, str]) -> None:
    """Each service's environment, as the container sees it after interpolation with a filled-in .env, through
    Pantau's own loader: no unknown PANTAU_* name, and every value converts to its setting's type."""
    from pantau.config import load_settings, unknown_variables
    from tests.compose_file import filled_env_example, resolved_environment

    assert not unknown_variables(env_example), "infra/.env.example"
    filled = filled_env_example(
        PANTAU_ALERTS_CHANNELS="piket=json://10.0.0.5/hook,ops=mailto://u:p@mail.example",
        PANTAU_ALERTS_OPS_TO="ops",
        PANTAU_CRAWL_CONTACT="pantau@kpu.go.id",
        PANTAU_DESK_URL="https://pantau.kpu.go.id/desk",
    )
    loaded = 0
    for name, service in services.items():
        env = resolved_environment(service, filled)
        pantau = {k: v for k, v in env.items() if k.startswith("PANTAU_")}
        if not pantau:
            continue
        assert not unknown_variables(pantau), name
        settings = load_settings({**pantau, "PANTAU_HOME": "/app"})
        loaded += 1
        assert settings.search.url == "https://elasticsearch:9200", name
        if name in ("prefect-worker", "desk"):
            assert settings.crawl.contact == "pantau@kpu.go.id"
            assert "pantau@kpu.go.id" in settings.crawl.full_user_agent
            assert set(settings.alerts.channel_urls) == {"piket", "ops"}
            assert settings.alerts.targets("ops") == ["ops"]
            assert settings.desk.public_url == "https://pantau.kpu.go.id/desk"
            assert settings.search.user == "pantau_writer"
            assert str(settings.paths.var_dir) == "/app/var"
    assert loaded == 3, "security, prefect-worker and desk run Pantau"


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
