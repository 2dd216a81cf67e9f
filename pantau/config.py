"""Configuration: environment variables over an optional PANTAU_CONFIG file over the bundled defaults.

Each key of `pantau/data/defaults.toml` is overridden by the variable PANTAU_<SECTION>_<KEY> (upper case), so
`[search] url` is PANTAU_SEARCH_URL. Values from the environment are converted to the type of the default;
a value that does not convert is a ConfigError naming the variable.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pantau.errors import ConfigError
from pantau.resources import data_path

DEFAULTS_FILE = data_path("defaults.toml")
SECRET_KEYS = frozenset({"password", "api_key", "token", "secret", "channels"})


def project_root() -> Path:
    """The folder with pyproject.toml and infra/: PANTAU_HOME, else the checkout this package lives in, else cwd."""
    env = os.environ.get("PANTAU_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parents[1]
    if (here / "pyproject.toml").is_file() and (here / "infra").is_dir():
        return here
    return Path.cwd()


@dataclass(frozen=True)
class PathsSettings:
    var_dir: Path


@dataclass(frozen=True)
class SearchSettings:
    url: str
    user: str
    password: str = field(repr=False)
    api_key: str = field(repr=False)
    ca_file: str
    verify_certs: bool
    timeout: float
    max_retries: int
    backoff_initial: float
    backoff_max: float
    index_prefix: str
    bulk_chunk_size: int
    max_document_bytes: int


@dataclass(frozen=True)
class EngineSettings:
    host: str
    port: int
    transport_port: int
    cluster_name: str
    heap: str
    start_timeout: float
    java_home: str

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@dataclass(frozen=True)
class CrawlSettings:
    contact: str
    user_agent: str
    concurrent_per_domain: int
    download_delay: float
    max_page_bytes: int
    pilkada_only: bool
    since_days: int
    drift_threshold: float
    drift_min_articles: int
    timeout: float
    registry: str = ""  # the outlet registry file for every command and flow; empty = the bundled spiders/outlets.yaml
    concurrent_requests: int = 64  # requests at once in one crawl process (one shard), over all its sites
    backoff_minutes: float = 10.0  # a failing site waits this long, doubled per further failing cycle
    backoff_max_hours: float = 24.0  # ... up to this

    @property
    def full_user_agent(self) -> str:
        return f"{self.user_agent} (+{self.contact}; media monitoring for KPU)"


@dataclass(frozen=True)
class ProcessSettings:
    facts_file: str


@dataclass(frozen=True)
class MonitorSettings:
    max_parallel_crawls: int
    window_hours: int
    site_base: str
    shard_size: int = 250  # outlets per crawl shard (one Scrapy process each)
    dispatch: str = "local"  # "local": shards run inside the monitor run; "deployment": on any worker of the pool


@dataclass(frozen=True)
class KibanaSettings:
    """Where `pantau kibana import` sends the saved objects (infra/kibana/pantau.ndjson)."""

    url: str
    user: str
    password: str = field(repr=False)
    api_key: str = field(repr=False)
    space: str
    ca_file: str
    verify_certs: bool
    timeout: float


@dataclass(frozen=True)
class DeskSettings:
    """The clarification desk (`pantau desk`): where it listens, its public URL and the letters' signatory."""

    url: str
    host: str
    port: int
    secret_key: str = field(repr=False)
    users_file: str
    session_hours: float
    cookie_secure: bool
    login_max_failures: int
    login_window_seconds: float
    office: str
    signatory_name: str
    signatory_title: str
    deadline_warning_days: int
    trusted_proxies: list[str]
    answer_wait_days: int

    def __post_init__(self) -> None:
        if not isinstance(self.trusted_proxies, list) or not all(isinstance(p, str) for p in self.trusted_proxies):
            raise ConfigError('[desk] trusted_proxies must be a list of addresses, e.g. ["127.0.0.1", "10.0.0.0/8"]')
        for entry in self.trusted_proxies:
            try:
                ipaddress.ip_network(entry.strip(), strict=False)
            except ValueError as exc:
                raise ConfigError(
                    f"PANTAU_DESK_TRUSTED_PROXIES: {entry!r} is not an IP address or network (e.g. 10.0.0.0/8)"
                ) from exc
        if self.answer_wait_days < 1:
            raise ConfigError(f"PANTAU_DESK_ANSWER_WAIT_DAYS={self.answer_wait_days!r} must be at least 1")

    @property
    def proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """The reverse proxies whose X-Forwarded-For the desk believes ([desk] trusted_proxies)."""
        return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in self.trusted_proxies)

    @property
    def public_url(self) -> str:
        """The desk's URL without a trailing slash (PANTAU_DESK_URL), empty when not configured."""
        return self.url.rstrip("/")

    @property
    def served_url(self) -> str:
        """The address `pantau desk` serves on ([desk] host and port)."""
        return desk_address(self.host, self.port)

    @property
    def link_url(self) -> str:
        """Where links to the desk point when they must point somewhere (Kibana's): PANTAU_DESK_URL, else
        the address `pantau desk` serves on."""
        return self.public_url or self.served_url


def desk_address(host: str, port: int) -> str:
    """http://HOST:PORT of a desk listening on `host` (a wildcard address is reached on loopback)."""
    wildcard = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}  # noqa: S104
    host = wildcard.get(host, host)
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    return f"http://{host}:{port}"


def default_desk_url() -> str:
    """The desk's address with the defaults of defaults.toml (the one place its default host and port live)."""
    with DEFAULTS_FILE.open("rb") as fh:
        desk = tomllib.load(fh)["desk"]
    return desk_address(str(desk["host"]), int(desk["port"]))


SEVERITIES = ("low", "medium", "high")
_CHANNEL_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
# A new channel entry starts where "NAME=scheme://" follows a comma, semicolon or whitespace; commas inside an
# Apprise URL (mailto://...?to=a@x,b@y) therefore stay part of that URL.
_CHANNEL_SPLIT = re.compile(r"[\s,;]+(?=[A-Za-z][A-Za-z0-9_-]*=[A-Za-z][A-Za-z0-9+.-]*://)")


def parse_channels(text: str) -> dict[str, str]:
    """`NAME=APPRISE_URL` entries separated by commas, semicolons or whitespace -> {name: url}."""
    channels: dict[str, str] = {}
    for entry in _CHANNEL_SPLIT.split(text.strip()) if text.strip() else []:
        entry = entry.strip().strip(",;")
        name, sep, url = entry.partition("=")
        name = name.strip()
        if not sep or "://" not in url or not _CHANNEL_NAME.match(name):
            raise ConfigError(
                f"PANTAU_ALERTS_CHANNELS: {entry.split('://')[0][:40]!r}... is not NAME=APPRISE_URL "
                "(for example tim=json://127.0.0.1:8080/hook)"
            )
        if name in channels:
            raise ConfigError(f"PANTAU_ALERTS_CHANNELS: channel {name!r} is defined twice")
        channels[name] = url.strip()
    return channels


@dataclass(frozen=True)
class AlertSettings:
    channels: str = field(repr=False)
    flag_to: list[str]
    watchlist_to: list[str]
    spike_to: list[str]
    ops_to: list[str]
    min_severity: str
    min_confidence: float
    rate_limit_per_hour: int
    digest_threshold: int
    max_attempts: int
    retry_backoff: float
    retry_backoff_max: float
    retry_after: float
    spike_window_hours: float
    spike_baseline_windows: int
    spike_factor: float
    spike_min_count: int
    ops_repeat_hours: float

    def __post_init__(self) -> None:
        names = set(parse_channels(self.channels))
        for key in ("flag_to", "watchlist_to", "spike_to", "ops_to"):
            unknown = sorted(set(getattr(self, key)) - names)
            if unknown:
                raise ConfigError(f"PANTAU_ALERTS_{key.upper()} names unknown channels: {', '.join(unknown)}")
        if self.min_severity not in SEVERITIES:
            raise ConfigError(
                f"PANTAU_ALERTS_MIN_SEVERITY={self.min_severity!r} must be one of {', '.join(SEVERITIES)}"
            )
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"PANTAU_ALERTS_MIN_CONFIDENCE={self.min_confidence!r} must be between 0 and 1")
        for key in ("rate_limit_per_hour", "digest_threshold", "max_attempts", "spike_baseline_windows"):
            if getattr(self, key) < 1:
                raise ConfigError(f"PANTAU_ALERTS_{key.upper()} must be at least 1")
        if self.spike_window_hours <= 0 or self.spike_factor <= 0 or self.ops_repeat_hours <= 0:
            raise ConfigError("PANTAU_ALERTS_SPIKE_WINDOW_HOURS, _SPIKE_FACTOR and _OPS_REPEAT_HOURS must be positive")

    @property
    def channel_urls(self) -> dict[str, str]:
        """Channel name -> Apprise URL (the URL is a secret: never log or index it, use the name)."""
        return parse_channels(self.channels)

    def targets(self, trigger: str) -> list[str]:
        """Channel names a trigger (flag, watchlist, spike, ops) goes to; an empty list in the settings = all."""
        chosen = list(getattr(self, f"{trigger}_to"))
        return chosen or list(self.channel_urls)


@dataclass(frozen=True)
class SnapshotSettings:
    """The snapshot repository `pantau setup` registers and `pantau snapshot` uses ([snapshots])."""

    repository: str
    type: str
    location: str
    options: str

    def repository_body(self) -> dict[str, Any]:
        """The body of PUT _snapshot/<repository>: `location` for fs, the JSON `options` merged in."""
        try:
            extra = json.loads(self.options) if self.options.strip() else {}
        except ValueError as exc:
            raise ConfigError(f"PANTAU_SNAPSHOTS_OPTIONS is not a JSON object: {exc}") from exc
        if not isinstance(extra, dict):
            raise ConfigError('PANTAU_SNAPSHOTS_OPTIONS must be a JSON object, e.g. {"compress": true}')
        settings = {"location": self.location} if self.type == "fs" else {}
        return {"type": self.type, "settings": {**settings, **extra}}

    def __post_init__(self) -> None:
        if not _REPO_NAME.match(self.repository):
            raise ConfigError(
                f"PANTAU_SNAPSHOTS_REPOSITORY={self.repository!r} must be lower-case letters, digits, - or _"
            )
        if not self.type:
            raise ConfigError("PANTAU_SNAPSHOTS_TYPE is empty (use fs, or s3/gcs/azure with their options)")
        if self.type == "fs" and not self.location:
            raise ConfigError("PANTAU_SNAPSHOTS_LOCATION is empty: an fs repository needs a folder under path.repo")


_REPO_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class OpsSettings:
    """Thresholds of the ops_health checks ([ops])."""

    cert_warning_days: int

    def __post_init__(self) -> None:
        if self.cert_warning_days < 1:
            raise ConfigError("PANTAU_OPS_CERT_WARNING_DAYS must be at least 1")


@dataclass(frozen=True)
class Settings:
    paths: PathsSettings
    search: SearchSettings
    engine: EngineSettings
    crawl: CrawlSettings
    monitor: MonitorSettings
    process: ProcessSettings
    kibana: KibanaSettings
    alerts: AlertSettings
    desk: DeskSettings
    snapshots: SnapshotSettings
    ops: OpsSettings
    raw: dict[str, dict[str, Any]] = field(repr=False, compare=False)

    @property
    def external_search(self) -> bool:
        """True when PANTAU_SEARCH_URL (or the config file) names a cluster: no embedded node is started."""
        return bool(self.search.url)

    @property
    def search_url(self) -> str:
        return self.search.url.rstrip("/") if self.search.url else self.engine.url

    def redacted(self) -> dict[str, dict[str, Any]]:
        """The effective settings with secrets masked, for display and logs."""
        out: dict[str, dict[str, Any]] = {}
        for section, values in self.raw.items():
            out[section] = {k: ("***" if v and any(s in k for s in SECRET_KEYS) else v) for k, v in values.items()}
        return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"configuration file {path} does not exist") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"configuration file {path} is not valid TOML: {exc}") from exc


def _coerce(value: str, default: Any, name: str) -> Any:
    if isinstance(default, bool):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"{name}={value!r} is not a boolean (use true or false)")
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError as exc:
            raise ConfigError(f"{name}={value!r} is not an integer") from exc
    if isinstance(default, float):
        try:
            return float(value)
        except ValueError as exc:
            raise ConfigError(f"{name}={value!r} is not a number") from exc
    if isinstance(default, list):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


def _merge(defaults: dict[str, Any], override: dict[str, Any], origin: str) -> dict[str, Any]:
    merged = {section: dict(values) for section, values in defaults.items()}
    for section, values in override.items():
        if section not in defaults or not isinstance(values, dict):
            raise ConfigError(f"{origin}: unknown section [{section}]")
        for key, value in values.items():
            if key not in defaults[section]:
                raise ConfigError(f"{origin}: unknown key {key!r} in [{section}]")
            default = defaults[section][key]
            if isinstance(default, bool) != isinstance(value, bool) or (
                isinstance(default, (int, float)) and not isinstance(value, (int, float))
            ):
                raise ConfigError(f"{origin}: [{section}] {key} = {value!r} should be like {default!r}")
            merged[section][key] = value
    return merged


T = TypeVar("T")


def _build(cls: type[T], values: dict[str, Any], section: str) -> T:
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        kwargs[f.name] = values[f.name]
    try:
        return cls(**kwargs)
    except TypeError as exc:  # pragma: no cover - defaults file and dataclass out of step
        raise ConfigError(f"[{section}] does not match the settings model: {exc}") from exc


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if environ is None else environ)
    data = _read_toml(DEFAULTS_FILE)
    config_file = env.get("PANTAU_CONFIG")
    if config_file:
        data = _merge(data, _read_toml(Path(config_file)), config_file)
    for section, values in data.items():
        for key, default in values.items():
            name = f"PANTAU_{section}_{key}".upper()
            if name in env:
                values[key] = _coerce(env[name], default, name)
    root = project_root() if environ is None else Path(env.get("PANTAU_HOME") or project_root())
    var_dir = Path(data["paths"]["var_dir"])
    paths = PathsSettings(var_dir=var_dir if var_dir.is_absolute() else root / var_dir)
    search = _build(SearchSettings, data["search"], "search")
    engine = _build(EngineSettings, data["engine"], "engine")
    crawl = _build(CrawlSettings, data["crawl"], "crawl")
    monitor = _build(MonitorSettings, data["monitor"], "monitor")
    process = _build(ProcessSettings, data["process"], "process")
    alerts = _build(AlertSettings, data["alerts"], "alerts")
    kibana = _build(KibanaSettings, data["kibana"], "kibana")
    desk = _build(DeskSettings, data["desk"], "desk")
    snapshots = _build(SnapshotSettings, data["snapshots"], "snapshots")
    ops = _build(OpsSettings, data["ops"], "ops")
    if search.api_key and (search.user or search.password):
        raise ConfigError("set either PANTAU_SEARCH_API_KEY or PANTAU_SEARCH_USER/PASSWORD, not both")
    if not search.index_prefix or not search.index_prefix.replace("-", "").replace("_", "").isalnum():
        raise ConfigError(f"PANTAU_SEARCH_INDEX_PREFIX={search.index_prefix!r} must be letters, digits, - or _")
    if search.index_prefix.lower() != search.index_prefix:
        raise ConfigError(f"PANTAU_SEARCH_INDEX_PREFIX={search.index_prefix!r} must be lower case")
    return Settings(
        paths=paths,
        search=search,
        engine=engine,
        crawl=crawl,
        monitor=monitor,
        process=process,
        kibana=kibana,
        alerts=alerts,
        desk=desk,
        snapshots=snapshots,
        ops=ops,
        raw=data,
    )


# PANTAU_* variables Pantau reads that are not [section] key settings.
OTHER_VARIABLES = frozenset({"PANTAU_HOME", "PANTAU_CONFIG"})


def known_variables() -> frozenset[str]:
    """Every PANTAU_* name Pantau reads: PANTAU_<SECTION>_<KEY> of defaults.toml, PANTAU_HOME and PANTAU_CONFIG."""
    data = _read_toml(DEFAULTS_FILE)
    names = {f"PANTAU_{section}_{key}".upper() for section, values in data.items() for key in values}
    return frozenset(names | OTHER_VARIABLES)


def unknown_variables(environ: dict[str, str]) -> list[str]:
    """PANTAU_* names in `environ` that Pantau never reads (a typo, or a name from an older version), each with the
    closest known name when there is one: "PANTAU_X (did you mean PANTAU_Y?)"."""
    import difflib

    known = known_variables()
    out = []
    for name in sorted(n for n in environ if n.startswith("PANTAU_") and n not in known):
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        out.append(f"{name} (did you mean {close[0]}?)" if close else name)
    return out


@cache
def settings() -> Settings:
    """The process-wide settings (read once)."""
    return load_settings()
