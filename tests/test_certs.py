"""Certificate expiry against a real local HTTPS server whose self-signed certificate is made in the test."""

from __future__ import annotations

import http.server
import ipaddress
import socket
import ssl
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pantau.config import Settings
from pantau.crawl.registry import load_outlets
from pantau.errors import ConfigError, SearchUnavailableError
from pantau.ops.certs import certificate_problem, server_certificate
from pantau.ops.health import certificate_problems, check_health
from pantau.store.client import Store
from pantau.store.templates import drop_all, setup
from tests.conftest import make_settings

NOW = datetime.now(UTC)


def _self_signed(folder: Path, not_after: datetime) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "search.pantau.test")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(not_after)
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


class _Proxy(http.server.BaseHTTPRequestHandler):
    """HTTPS in front of the real node: every request is passed on to `upstream` as it came."""

    upstream = ""
    protocol_version = "HTTP/1.1"

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in {"content-type", "accept"}}
        request = urllib.request.Request(self.upstream + self.path, data=body, headers=headers, method=self.command)
        try:
            with urllib.request.urlopen(request, timeout=30) as resp:
                status, data, ctype = resp.status, resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            status, data, ctype = exc.code, exc.read(), exc.headers.get("Content-Type", "")
        self.send_response(status)
        self.send_header("Content-Type", ctype or "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._forward()

    def do_POST(self) -> None:
        self._forward()

    def do_PUT(self) -> None:
        self._forward()

    def do_DELETE(self) -> None:
        self._forward()

    def do_HEAD(self) -> None:
        self._forward()

    def log_message(self, *_args: object) -> None:
        return


def _serve(tmp_path: Path, not_after: datetime, upstream: str = "http://127.0.0.1:9") -> Iterator[str]:
    cert_file, key_file = _self_signed(tmp_path, not_after)
    handler = type("Proxy", (_Proxy,), {"upstream": upstream})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def https_10_days(tmp_path: Path) -> Iterator[str]:
    yield from _serve(tmp_path, NOW + timedelta(days=10))


def test_reads_the_expiry_of_a_self_signed_certificate(https_10_days: str) -> None:
    info = server_certificate(https_10_days)
    assert info is not None
    assert info.subject == "CN=search.pantau.test"
    assert 9.9 < info.days_left(NOW) <= 10.0


def test_warns_within_the_threshold_and_not_outside_it(https_10_days: str) -> None:
    settings = make_settings()
    assert settings.ops.cert_warning_days == 30  # a month ahead by default
    problem = certificate_problem(https_10_days, settings.ops.cert_warning_days, NOW)
    assert problem is not None and problem["problem"] == "certificate_expiry"
    detail = problem["detail"]
    assert isinstance(detail, dict)
    assert detail["days_left"] == pytest.approx(10.0, abs=0.1)
    assert detail["expired"] is False and detail["warning_days"] == 30
    assert certificate_problem(https_10_days, 7, NOW) is None
    later = NOW + timedelta(days=11)  # the same certificate seen after its end
    expired = certificate_problem(https_10_days, 30, later)
    assert expired is not None and expired["detail"]["expired"] is True  # type: ignore[index]


def test_http_urls_have_no_certificate_and_a_dead_port_is_its_own_problem() -> None:
    assert server_certificate("http://127.0.0.1:9200") is None
    assert certificate_problems("http://127.0.0.1:9200", 30, NOW) == []
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(SearchUnavailableError):
        server_certificate(f"https://127.0.0.1:{port}", timeout=2)
    [problem] = certificate_problems(f"https://127.0.0.1:{port}", 30, NOW)
    assert problem["problem"] == "certificate_unreadable"


def test_the_threshold_comes_from_the_settings() -> None:
    assert make_settings(PANTAU_OPS_CERT_WARNING_DAYS="45").ops.cert_warning_days == 45
    with pytest.raises(ConfigError, match="PANTAU_OPS_CERT_WARNING_DAYS"):
        make_settings(PANTAU_OPS_CERT_WARNING_DAYS="0")


def test_ops_health_reports_the_engines_certificate_a_month_ahead(
    node_settings: Settings, prefix: str, tmp_path: Path
) -> None:
    """The real node behind HTTPS with a certificate ending in 10 days: check_health, as ops_health runs it."""
    for url in _serve(tmp_path, NOW + timedelta(days=10), upstream=node_settings.search_url):
        settings = make_settings(
            PANTAU_SEARCH_URL=url,
            PANTAU_SEARCH_CA_FILE=str(tmp_path / "cert.pem"),  # the certificate is its own CA: verified TLS
            PANTAU_SEARCH_INDEX_PREFIX=prefix,
            PANTAU_PATHS_VAR_DIR=str(tmp_path),
        )
        store = Store.connect(settings)
        try:
            setup(store)
            problems = check_health(store, settings, load_outlets())
            [cert] = [p for p in problems if p["problem"] == "certificate_expiry"]
            assert cert["detail"]["subject"] == "CN=search.pantau.test"
            assert cert["detail"]["days_left"] == pytest.approx(10.0, abs=0.1)
            quiet = make_settings(
                PANTAU_SEARCH_URL=url,
                PANTAU_SEARCH_CA_FILE=str(tmp_path / "cert.pem"),
                PANTAU_SEARCH_INDEX_PREFIX=prefix,
                PANTAU_PATHS_VAR_DIR=str(tmp_path),
                PANTAU_OPS_CERT_WARNING_DAYS="7",
            )
            assert not [p for p in check_health(store, quiet, load_outlets()) if "certificate" in p["problem"]]
        finally:
            drop_all(store)
            store.close()
