"""Configuration: environment variables over an optional PANTAU_CONFIG file over the bundled defaults.

Each key of `pantau/data/defaults.toml` is overridden by the variable PANTAU_<SECTION>_<KEY> (upper case), so
`[search] url` is PANTAU_SEARCH_URL. Values from the environment are converted to the type of the default;
a value that does not convert is a ConfigError naming the variable.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pantau.errors import ConfigError

DEFAULTS_FILE = Path(__file__).with_name("data") / "defaults.toml"
SECRET_KEYS = frozenset({"password", "api_key", "token", "secret"})


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

    @property
    def full_user_agent(self) -> str:
        return f"{self.user_agent} (+{self.contact}; media monitoring for KPU)"


@dataclass(frozen=True)
class Settings:
    paths: PathsSettings
    search: SearchSettings
    engine: EngineSettings
    crawl: CrawlSettings
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
    if search.api_key and (search.user or search.password):
        raise ConfigError("set either PANTAU_SEARCH_API_KEY or PANTAU_SEARCH_USER/PASSWORD, not both")
    if not search.index_prefix or not search.index_prefix.replace("-", "").replace("_", "").isalnum():
        raise ConfigError(f"PANTAU_SEARCH_INDEX_PREFIX={search.index_prefix!r} must be letters, digits, - or _")
    if search.index_prefix.lower() != search.index_prefix:
        raise ConfigError(f"PANTAU_SEARCH_INDEX_PREFIX={search.index_prefix!r} must be lower case")
    return Settings(paths=paths, search=search, engine=engine, crawl=crawl, raw=data)


@cache
def settings() -> Settings:
    """The process-wide settings (read once)."""
    return load_settings()
