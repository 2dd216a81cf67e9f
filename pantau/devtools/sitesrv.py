"""Serve the sample outlet site (tests/site) on 127.0.0.1 with virtual hosts by path prefix.

http://127.0.0.1:PORT/<domain>/<path> serves tests/site/hosts/<domain>/<file> (see `resolve`). `{{BASE:<domain>}}`
in stored files becomes http://127.0.0.1:PORT/<domain>. Special behaviours come from tests/site/manifest.json:
retry500 paths answer 500 on their first request, oversized paths are generated (>10 MB) at request time, unknown
paths answer 404. Run by hand: python -m pantau.devtools.sitesrv --port 8090
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pantau.errors import ConfigError
from pantau.resources import source_root

SITE_ROOT = source_root() / "tests" / "site"  # dev material: only in a checkout
_PLACEHOLDER = re.compile(rb"\{\{BASE:([A-Za-z0-9.-]+)\}\}")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
OVERSIZED_BYTES = 11 * 1024 * 1024


def render_for_domain(text: str, real: bool = True, base_url: str = "") -> str:
    """Replace {{BASE:<domain>}} with https://<domain> (real=True) or <base_url>/<domain>."""
    return re.sub(
        r"\{\{BASE:([A-Za-z0-9.-]+)\}\}",
        lambda m: f"https://{m.group(1)}" if real else f"{base_url}/{m.group(1)}",
        text,
    )


def resolve(root: Path, domain: str, path: str, query: str = "") -> Path | None:
    """The stored file for a URL, or None: exact file, <path>.html, <path>/index.html|xml; `@query` before .html."""
    host_dir = (root / "hosts" / domain).resolve()
    rel = path.lstrip("/")
    if ".." in rel.split("/") or not domain or "/" in domain:
        return None
    candidates: list[str] = []
    if query:
        stem = rel + "index" if (not rel or rel.endswith("/")) else rel
        candidates.append(f"{stem}@{query}.html")
    elif rel and not rel.endswith("/"):
        candidates += [rel, rel + ".html", rel + "/index.html", rel + "/index.xml"]
    else:
        candidates += [rel + "index.html", rel + "index.xml"]
    for cand in candidates:
        target = (host_dir / cand).resolve()
        if target.is_file() and host_dir in target.parents:
            return target
    return None


def content_type(target: Path, data: bytes) -> str:
    name = target.name
    head = data[:600].lstrip()
    if name == "robots.txt":
        return "text/plain; charset=utf-8"
    if head.startswith(b"<?xml") or name.endswith(".xml"):
        if b"<rss" in head:
            return "application/rss+xml; charset=utf-8"
        if b"<feed" in head:
            return "application/atom+xml; charset=utf-8"
        return "application/xml; charset=utf-8"
    match = _CHARSET.search(data[:2048])
    charset = match.group(1).decode("ascii").lower() if match else "utf-8"
    return f"text/html; charset={charset}"


@dataclass
class SiteServer:
    base_url: str
    root: Path
    manifest: dict[str, Any]
    requests: list[tuple[str, int]] = field(default_factory=list)
    published: dict[str, bytes] = field(default_factory=dict)
    sitemap_extra: dict[str, list[str]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, domain: str, path: str = "/") -> str:
        return f"{self.base_url}/{domain}{path}"

    def local_url(self, real_url: str) -> str:
        """https://<domain>/<path>?q -> http://127.0.0.1:PORT/<domain>/<path>?q"""
        parts = urlsplit(real_url)
        return f"{self.base_url}/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")

    def real_url(self, local_url: str) -> str:
        rest = local_url.removeprefix(self.base_url + "/")
        domain, _, path = rest.partition("/")
        return f"https://{domain}/{path}"

    def fetched(self, status: int | None = None) -> list[str]:
        with self.lock:
            return [p for p, s in self.requests if status is None or s == status]

    def clear_log(self) -> None:
        with self.lock:
            self.requests.clear()

    def publish(self, domain: str, path: str, html: str, sitemap_entry: dict[str, Any] | None = None) -> str:
        """Add a page at runtime; with `sitemap_entry` ({title, published, keywords, lastmod}) it joins the news
        sitemap."""
        with self.lock:
            self.published[f"/{domain}{path}"] = html.encode("utf-8")
            if sitemap_entry is not None:
                name = self.manifest["outlets"].get(domain, {}).get("name", domain)
                entry = (
                    f"  <url>\n    <loc>{{{{BASE:{domain}}}}}{path}</loc>\n"
                    + (f"    <lastmod>{sitemap_entry['lastmod']}</lastmod>\n" if sitemap_entry.get("lastmod") else "")
                    + "    <news:news>\n      <news:publication>"
                    f"<news:name>{name}</news:name><news:language>id</news:language></news:publication>\n"
                    f"      <news:publication_date>{sitemap_entry.get('published', '')}</news:publication_date>\n"
                    f"      <news:title>{sitemap_entry.get('title', '')}</news:title>\n"
                    f"      <news:keywords>{sitemap_entry.get('keywords', '')}</news:keywords>\n    </news:news>\n"
                    "  </url>\n"
                )
                self.sitemap_extra.setdefault(domain, []).append(entry)
        return self.url(domain, path)


def _handler(site: SiteServer) -> type[BaseHTTPRequestHandler]:
    retry500 = set(site.manifest["special"]["retry500"])
    oversized = set(site.manifest["special"]["oversized"])
    started = formatdate(time.time(), usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002, ARG002  # BaseHTTPRequestHandler's signature; request logging is off
            return

        def _log(self, status: int) -> None:
            with site.lock:
                site.requests.append((self.path, status))

        def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self._log(status)
            if self.command != "HEAD":
                self.wfile.write(body)

        def _not_found(self) -> None:
            body = (
                b"<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                b"<body><h1>Halaman tidak ditemukan</h1></body></html>"
            )
            self._send(404, body, "text/html; charset=utf-8")

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            route = parts.path
            if route == "/robots.txt":
                self._send(200, b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8")
                return
            domain, _, rest = route.lstrip("/").partition("/")
            rest = "/" + rest
            key = f"/{domain}{rest}"
            if key in oversized:
                self._oversized()
                return
            if key in retry500:
                with site.lock:
                    site.hits[key] = site.hits.get(key, 0) + 1
                    first = site.hits[key] == 1
                if first:
                    self._send(500, b"<html><body>Internal Server Error</body></html>", "text/html; charset=utf-8")
                    return
            with site.lock:
                dynamic = site.published.get(key)
            if dynamic is not None:
                data, ctype, mtime = dynamic, "text/html; charset=utf-8", time.time()
            else:
                target = resolve(site.root, domain, rest, parts.query)
                if target is None:
                    self._not_found()
                    return
                data = target.read_bytes()
                ctype = content_type(target, data)
                mtime = target.stat().st_mtime
                extra = site.sitemap_extra.get(domain)
                if extra and target.name.endswith(".xml") and b"sitemap-news" in data[:400]:
                    data = data.replace(b"</urlset>", "".join(extra).encode("utf-8") + b"</urlset>")
                    mtime = time.time()
            base = site.base_url.encode("ascii")
            data = _PLACEHOLDER.sub(lambda m: base + b"/" + m.group(1), data)
            etag = '"' + hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16] + '"'
            last_modified = formatdate(int(mtime), usegmt=True)
            if self._not_modified(etag, int(mtime)):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", last_modified)
                self._log(304)
                self.end_headers()
                return
            self._send(200, data, ctype, {"ETag": etag, "Last-Modified": last_modified, "X-Site-Started": started})

        def _not_modified(self, etag: str, mtime: int) -> bool:
            inm = self.headers.get("If-None-Match")
            if inm is not None:
                return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
            ims = self.headers.get("If-Modified-Since")
            if ims:
                try:
                    return mtime <= int(parsedate_to_datetime(ims).timestamp())
                except (TypeError, ValueError):
                    return False
            return False

        def _oversized(self) -> None:
            head = (
                b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Arsip hasil TPS</title></head><body><table>'
            )
            row = b"<tr><td>TPS</td><td>Kelurahan</td><td>Suara sah</td><td>Suara tidak sah</td></tr>\n"
            count = OVERSIZED_BYTES // len(row) + 1
            tail = b"</table></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(head) + len(row) * count + len(tail)))
            self.end_headers()
            self._log(200)
            if self.command != "HEAD":
                try:
                    self.wfile.write(head)
                    block = row * 1000
                    for _ in range(count // 1000):
                        self.wfile.write(block)
                    self.wfile.write(row * (count % 1000) + tail)
                except (BrokenPipeError, ConnectionResetError):
                    pass

    return Handler


@contextmanager
def serve_site(root: Path = SITE_ROOT, port: int = 0) -> Iterator[SiteServer]:
    """Serve `root` on 127.0.0.1:`port` (0 = any free port) in a background thread."""
    if not (root / "manifest.json").is_file():
        raise ConfigError(f"the sample site needs a source checkout: no manifest.json in {root}")
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    site = SiteServer(base_url="", root=root, manifest=manifest)
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site))
    server.daemon_threads = True
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="sitesrv", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the Pantau sample outlet site on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--root", type=Path, default=SITE_ROOT)
    args = parser.parse_args(argv)
    with serve_site(args.root, args.port) as site:
        print(f"serving {args.root} at {site.base_url}/<domain>/<path>  (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
