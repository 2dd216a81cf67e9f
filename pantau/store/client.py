"""One door to the search engine: detects Elasticsearch or OpenSearch from `GET /` and wraps its official client.

Everything except bulk indexing goes through `Store.request`, which retries with exponential backoff on
connection errors and HTTP 429/502/503/504 and turns the rest into clear Pantau errors. The `elasticsearch`
client only ever talks to Elasticsearch and `opensearch-py` only to OpenSearch.
"""

from __future__ import annotations

import base64
import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, cast
from urllib.parse import urlencode

import urllib3

from pantau.config import Settings
from pantau.errors import SearchRequestError, SearchUnavailableError

log = logging.getLogger(__name__)

Flavour = Literal["elasticsearch", "opensearch"]
RETRY_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class EngineInfo:
    flavour: Flavour
    version: str
    cluster_name: str
    url: str

    @property
    def major(self) -> int:
        try:
            return int(self.version.split(".")[0])
        except ValueError:
            return 0


class _UnavailableError(Exception):
    """Transport-level failure: no HTTP answer at all."""


class _HttpError(Exception):
    def __init__(self, status: int, body: Any) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


def _auth_headers(settings: Settings) -> dict[str, str]:
    s = settings.search
    if s.api_key:
        return {"Authorization": f"ApiKey {s.api_key}"}
    if s.user:
        token = base64.b64encode(f"{s.user}:{s.password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}
    return {}


def _pool(settings: Settings, url: str, timeout: float) -> urllib3.PoolManager:
    """A one-off connection pool for `url`: total `timeout`, no retries, the configured TLS checks."""
    s = settings.search
    kwargs: dict[str, Any] = {"timeout": urllib3.Timeout(total=timeout), "retries": False}
    if url.startswith("https"):
        kwargs["cert_reqs"] = "CERT_REQUIRED" if s.verify_certs else "CERT_NONE"
        if s.ca_file:
            kwargs["ca_certs"] = s.ca_file
    return urllib3.PoolManager(**kwargs)


def detect(settings: Settings) -> EngineInfo:
    """Ask `GET /` which engine answers at the configured URL."""
    url = settings.search_url
    pool = _pool(settings, url, min(settings.search.timeout, 15.0))
    headers = {"Accept": "application/json", **_auth_headers(settings)}
    try:
        resp = pool.request("GET", url + "/", headers=headers)
    except urllib3.exceptions.HTTPError as exc:
        raise SearchUnavailableError(f"cannot reach the search engine at {url}: {exc}") from exc
    finally:
        pool.clear()
    if resp.status in (401, 403):
        raise SearchRequestError(
            f"the search engine at {url} refused the credentials (HTTP {resp.status}); "
            "check PANTAU_SEARCH_USER/PASSWORD or PANTAU_SEARCH_API_KEY",
            status=resp.status,
        )
    try:
        root = json.loads(resp.data.decode("utf-8"))
    except ValueError as exc:
        raise SearchRequestError(f"{url} did not answer like a search engine (HTTP {resp.status})") from exc
    version = root.get("version", {}) if isinstance(root, dict) else {}
    if resp.status != 200 or not isinstance(version, dict) or "number" not in version:
        raise SearchRequestError(f"{url} did not answer like a search engine (HTTP {resp.status}): {root}")
    if version.get("distribution") == "opensearch":
        flavour: Flavour = "opensearch"
    elif root.get("tagline") == "You Know, for Search" or resp.headers.get("X-Elastic-Product"):
        flavour = "elasticsearch"
    else:
        raise SearchRequestError(f"{url} answers as neither Elasticsearch nor OpenSearch: {root}")
    return EngineInfo(flavour, str(version["number"]), str(root.get("cluster_name", "")), url)


def _error_summary(body: Any) -> tuple[str, str]:
    """(type, reason) of an engine error body."""
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict):
            root = err.get("root_cause") or [err]
            first = root[0] if isinstance(root, list) and root and isinstance(root[0], dict) else err
            return str(first.get("type", "error")), str(first.get("reason", err))
        return "error", str(err)
    return "error", str(body)[:500]


class Store:
    """A connected engine: `request` for REST calls, `streaming_bulk` for indexing, names for the aliases."""

    def __init__(self, settings: Settings, info: EngineInfo) -> None:
        self.settings = settings
        self.info = info
        self.client = self._make_client()
        self.sleep: Callable[[float], None] = time.sleep
        # The clients log every 404 and retry as warnings with tracebacks; Store reports what matters itself.
        for name in (
            "opensearch",
            "elasticsearch",
            "elastic_transport.transport",
            "elastic_transport.node_pool",
        ):
            logging.getLogger(name).setLevel(logging.ERROR)

    @classmethod
    def connect(cls, settings: Settings) -> Store:
        return cls(settings, detect(settings))

    @property
    def flavour(self) -> Flavour:
        return self.info.flavour

    def name(self, kind: str) -> str:
        """The alias (and template) name of a kind: pantau-articles, pantau-alerts, ..."""
        return f"{self.settings.search.index_prefix}-{kind}"

    # -- clients ------------------------------------------------------------------------------------------------

    def _make_client(self) -> Any:
        s = self.settings.search
        url = self.info.url
        if self.info.flavour == "elasticsearch":
            from elasticsearch import Elasticsearch

            es_kwargs: dict[str, Any] = {
                "request_timeout": s.timeout,
                "max_retries": 0,  # Store.request retries with backoff itself
                "retry_on_timeout": False,
                "verify_certs": s.verify_certs,
            }
            if s.ca_file:
                es_kwargs["ca_certs"] = s.ca_file
            if s.api_key:
                es_kwargs["api_key"] = s.api_key
            elif s.user:
                es_kwargs["basic_auth"] = (s.user, s.password)
            return Elasticsearch(url, **es_kwargs)
        from opensearchpy import OpenSearch

        if s.api_key:
            from pantau.errors import ConfigError

            raise ConfigError("OpenSearch does not accept Elasticsearch API keys: use PANTAU_SEARCH_USER/PASSWORD")
        os_kwargs: dict[str, Any] = {
            "hosts": [url],
            "timeout": s.timeout,
            "max_retries": 0,
            "retry_on_timeout": False,
            "verify_certs": s.verify_certs,
            "ssl_show_warn": False,
        }
        if url.startswith("https"):
            os_kwargs["use_ssl"] = True
        if s.ca_file:
            os_kwargs["ca_certs"] = s.ca_file
        if s.user:
            os_kwargs["http_auth"] = (s.user, s.password)
        return OpenSearch(**os_kwargs)

    def _perform(self, method: str, path: str, body: Any, params: dict[str, Any] | None) -> Any:
        if params:
            # Query parameters go into the path: opensearch-py would take `timeout` as its own request timeout.
            path = f"{path}{'&' if '?' in path else '?'}{urlencode(params)}"
            params = None
        if self.info.flavour == "elasticsearch":
            import elastic_transport
            from elasticsearch import ApiError

            headers = {"accept": "application/json"}
            if body is not None:
                headers["content-type"] = "application/json"
            try:
                resp = self.client.perform_request(method, path, params=params, headers=headers, body=body)
            except ApiError as exc:
                raise _HttpError(exc.meta.status, exc.body) from exc
            except elastic_transport.TransportError as exc:
                raise _UnavailableError(str(exc)) from exc
            return resp.body
        from opensearchpy import TransportError as OSTransportError
        from opensearchpy.exceptions import ConnectionError as OSConnectionError

        try:
            return self.client.transport.perform_request(method, path, params=params, body=body)
        except OSConnectionError as exc:
            raise _UnavailableError(str(exc)) from exc
        except OSTransportError as exc:
            status = exc.status_code if isinstance(exc.status_code, int) else 0
            if not status:
                raise _UnavailableError(str(exc)) from exc
            raise _HttpError(status, exc.info) from exc

    def backoff(self, attempt: int) -> float:
        s = self.settings.search
        delay = min(s.backoff_initial * (2**attempt), s.backoff_max)
        return float(delay * (0.75 + random.random() / 2))

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        params: dict[str, Any] | None = None,
        ignore: Iterable[int] = (),
    ) -> Any:
        """One REST call with retries; statuses in `ignore` return None instead of raising."""
        ignored = set(ignore)
        retries = self.settings.search.max_retries
        for attempt in range(retries + 1):
            try:
                return self._perform(method, path, body, params)
            except _UnavailableError as exc:
                if attempt >= retries:
                    raise SearchUnavailableError(
                        f"the search engine at {self.info.url} is unreachable ({method} {path}, "
                        f"{attempt + 1} attempts): {exc}"
                    ) from exc
                reason = str(exc)
            except _HttpError as exc:
                if exc.status in ignored:
                    return None
                error_type, error_reason = _error_summary(exc.body)
                if exc.status not in RETRY_STATUSES or attempt >= retries:
                    raise SearchRequestError(
                        f"{method} {path} failed with HTTP {exc.status} {error_type}: {error_reason}",
                        status=exc.status,
                        error_type=error_type,
                    ) from exc
                reason = f"HTTP {exc.status} {error_type}"
            delay = self.backoff(attempt)
            log.warning("%s %s: %s; retrying in %.1fs", method, path, reason, delay)
            self.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def streaming_bulk(self, actions: Iterable[dict[str, Any]], chunk_size: int) -> Iterator[tuple[bool, Any]]:
        """The flavour's own helpers.streaming_bulk, yielding every item; errors are judged by the caller."""
        helpers: Any
        if self.info.flavour == "elasticsearch":
            from elasticsearch import helpers
        else:
            from opensearchpy import helpers
        return cast(
            Iterator[tuple[bool, Any]],
            helpers.streaming_bulk(
                self.client,
                actions,
                chunk_size=chunk_size,
                raise_on_error=False,
                raise_on_exception=False,
                yield_ok=True,
                max_retries=0,
            ),
        )

    def transport_errors(self) -> tuple[type[BaseException], ...]:
        """Exceptions that mean the engine did not answer a bulk request at all."""
        if self.info.flavour == "elasticsearch":
            import elastic_transport

            return (elastic_transport.TransportError,)
        from opensearchpy.exceptions import ConnectionError as OSConnectionError

        return (OSConnectionError,)

    def ping(self, timeout: float = 2.0) -> str | None:
        """One quick look at the engine's health (no retries, at most `timeout` seconds): None when it answers
        and is not red, else the reason. For liveness checks that must answer fast while the engine is down."""
        url = self.info.url
        pool = _pool(self.settings, url, timeout)
        headers = {"Accept": "application/json", **_auth_headers(self.settings)}
        try:
            resp = pool.request("GET", f"{url}/_cluster/health?timeout={max(int(timeout), 1)}s", headers=headers)
        except urllib3.exceptions.HTTPError as exc:
            return f"the search engine does not answer ({type(exc).__name__})"
        finally:
            pool.clear()
        if resp.status != 200:
            return f"the search engine answered HTTP {resp.status}"
        try:
            status = json.loads(resp.data.decode("utf-8")).get("status")
        except (ValueError, AttributeError):
            return "the search engine did not answer its health in JSON"
        return f"the search engine's cluster is {status}" if status not in ("green", "yellow") else None

    # -- small conveniences ------------------------------------------------------------------------------------

    def exists(self, path: str) -> bool:
        """HEAD `path`: True on 200, False on 404 (the two clients report a HEAD 404 differently)."""
        result = self.request("HEAD", path, ignore=(404,))
        return bool(result) if result is not None else False

    def refresh(self, kind: str) -> None:
        self.request("POST", f"/{self.name(kind)}/_refresh")

    def count(self, kind: str, query: dict[str, Any] | None = None) -> int:
        body = {"query": query} if query else None
        result = self.request("POST", f"/{self.name(kind)}/_count", body=body)
        return int(result["count"])

    def get(self, kind: str, doc_id: str) -> dict[str, Any] | None:
        result = self.request("GET", f"/{self.name(kind)}/_doc/{doc_id}", ignore=(404,))
        if not result or not result.get("found"):
            return None
        return cast(dict[str, Any], result["_source"])

    def mget(
        self, kind: str, ids: list[str], source_includes: str | None = None, chunk: int = 1000
    ) -> dict[str, dict[str, Any]]:
        """id -> _source of the documents that exist, fetched with _mget in chunks."""
        found: dict[str, dict[str, Any]] = {}
        params = {"_source_includes": source_includes} if source_includes else None
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            result = self.request("POST", f"/{self.name(kind)}/_mget", body={"ids": part}, params=params)
            for doc in result.get("docs", []):
                if doc.get("found"):
                    found[str(doc["_id"])] = cast(dict[str, Any], doc.get("_source") or {})
        return found

    def search(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        return cast(dict[str, Any], self.request("POST", f"/{self.name(kind)}/_search", body=body))

    def close(self) -> None:
        self.client.close()
