"""The search engine's TLS certificate: when it expires, read from the TLS handshake itself.

The certificate is read whether or not it verifies (an expired or self-signed certificate is exactly what must be
reported), with `cryptography` parsing the DER the server sent.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from cryptography import x509

from pantau.errors import SearchUnavailableError


@dataclass(frozen=True)
class CertificateInfo:
    host: str
    port: int
    subject: str
    not_after: datetime

    def days_left(self, now: datetime) -> float:
        return (self.not_after - now).total_seconds() / 86400

    def as_dict(self, now: datetime) -> dict[str, object]:
        return {
            "host": self.host,
            "port": self.port,
            "subject": self.subject,
            "not_after": self.not_after.isoformat(),
            "days_left": round(self.days_left(now), 1),
        }


def server_certificate(url: str, timeout: float = 10.0) -> CertificateInfo | None:
    """The certificate the server at an https `url` presents; None for http URLs."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return None
    host, port = parts.hostname, parts.port or 443
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # read even an expired or untrusted certificate: reporting it is the point
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as sock,
            context.wrap_socket(sock, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except (OSError, ssl.SSLError) as exc:
        raise SearchUnavailableError(f"no TLS handshake with {host}:{port}: {exc}") from exc
    if not der:
        raise SearchUnavailableError(f"{host}:{port} presented no certificate")
    cert = x509.load_der_x509_certificate(der)
    return CertificateInfo(host, port, cert.subject.rfc4514_string(), cert.not_valid_after_utc.astimezone(UTC))


def certificate_problem(url: str, warning_days: int, now: datetime) -> dict[str, object] | None:
    """An ops problem {"problem": "certificate_expiry", "detail"} when the certificate expires within
    `warning_days` (or has expired); None when it is further out or the URL is not https."""
    info = server_certificate(url)
    if info is None or info.days_left(now) > warning_days:
        return None
    detail = info.as_dict(now) | {"warning_days": warning_days, "expired": info.days_left(now) <= 0}
    return {"problem": "certificate_expiry", "detail": detail}
