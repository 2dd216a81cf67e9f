"""Engine detection picks the official client of whichever engine answers `GET /`.

OpenSearch is detected against the real node (tests/test_setup.py). Elasticsearch cannot run on this machine (no
container engine, and its server is not on Maven Central), so its side is checked against the exact `GET /`
answer and product header an Elasticsearch 8.17 node sends, served on loopback.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from pantau.errors import SearchRequestError, SearchUnavailableError
from pantau.store.client import Store, detect
from tests.conftest import make_settings

ES_ROOT = {
    "name": "es01",
    "cluster_name": "pantau-prod",
    "cluster_uuid": "bN3tHkYVQ0WcGv1xk9Q1yA",
    "version": {
        "number": "8.17.0",
        "build_flavor": "default",
        "build_type": "docker",
        "build_hash": "2b6a7fed44faa321997703718f07ee0420804b41",
        "build_date": "2024-12-11T12:08:05.663969764Z",
        "build_snapshot": False,
        "lucene_version": "9.12.0",
        "minimum_wire_compatibility_version": "7.17.0",
        "minimum_index_compatibility_version": "7.0.0",
    },
    "tagline": "You Know, for Search",
}


class _Handler(BaseHTTPRequestHandler):
    answer: ClassVar[tuple[int, dict[str, str], bytes]] = (200, {}, b"")
    seen_auth: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen_auth.append(self.headers.get("Authorization", ""))
        status, headers, body = self.answer
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_root() -> Iterator[tuple[str, type[_Handler]]]:
    handler = type("H", (_Handler,), {"seen_auth": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def test_elasticsearch_root_selects_the_elasticsearch_client(fake_root) -> None:
    url, handler = fake_root
    handler.answer = (
        200,
        {"Content-Type": "application/json", "X-Elastic-Product": "Elasticsearch"},
        json.dumps(ES_ROOT).encode(),
    )
    settings = make_settings(PANTAU_SEARCH_URL=url, PANTAU_SEARCH_USER="pantau", PANTAU_SEARCH_PASSWORD="s3cret")
    info = detect(settings)
    assert (info.flavour, info.version, info.cluster_name) == ("elasticsearch", "8.17.0", "pantau-prod")
    store = Store(settings, info)
    from elasticsearch import Elasticsearch

    assert isinstance(store.client, Elasticsearch)
    assert store.request("GET", "/")["tagline"] == "You Know, for Search"
    assert handler.seen_auth[0].startswith("Basic ")
    store.close()


def test_refused_credentials_and_non_engines_are_clear_errors(fake_root) -> None:
    url, handler = fake_root
    handler.answer = (401, {"Content-Type": "application/json"}, b'{"error":"unauthorized"}')
    with pytest.raises(SearchRequestError, match="refused the credentials"):
        detect(make_settings(PANTAU_SEARCH_URL=url))
    handler.answer = (200, {"Content-Type": "text/html"}, b"<html>router login</html>")
    with pytest.raises(SearchRequestError, match="did not answer like a search engine"):
        detect(make_settings(PANTAU_SEARCH_URL=url))


def test_nothing_listening_is_unavailable() -> None:
    with pytest.raises(SearchUnavailableError, match="cannot reach the search engine"):
        detect(make_settings(PANTAU_SEARCH_URL="http://127.0.0.1:9"))
