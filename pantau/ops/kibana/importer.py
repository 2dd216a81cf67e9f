"""`import_objects`: send a saved-objects NDJSON file to Kibana's import API and summarise the answer.

POST /api/saved_objects/_import is a multipart upload with the `kbn-xsrf` header; per-object errors in the
answer become readable lines.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import urllib3

from pantau.ops.kibana.objects import KibanaError, load_objects, with_desk_url

IMPORT_PATH = "/api/saved_objects/_import"
SPACE_ID = re.compile(r"^[a-z0-9_-]+$")


def _auth_headers(user: str | None, password: str | None, api_key: str | None) -> dict[str, str]:
    if api_key and (user or password):
        raise KibanaError("give either a Kibana API key or a user and password, not both")
    if api_key:
        return {"Authorization": f"ApiKey {api_key}"}
    if user or password:
        if not (user and password):
            raise KibanaError("a Kibana user needs a password (and a password needs a user)")
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}
    return {}


def import_url(kibana_url: str, space: str | None = None, overwrite: bool = True) -> str:
    parts = urlsplit(kibana_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise KibanaError(f"Kibana URL {kibana_url!r} must look like https://kibana.example:5601")
    base = kibana_url.rstrip("/")
    if space:
        if not SPACE_ID.match(space):
            raise KibanaError(f"Kibana space id {space!r} may only have lower-case letters, digits, _ and -")
        base += f"/s/{quote(space)}"
    return f"{base}{IMPORT_PATH}?overwrite={'true' if overwrite else 'false'}"


def describe_error(err: dict[str, Any]) -> str:
    """One line for one entry of the import response's `errors` list."""
    what = f"{err.get('type')} {err.get('id')}"
    title = err.get("title") or (err.get("meta") or {}).get("title")
    if title:
        what += f" ({title!r})"
    detail = err.get("error") or {}
    kind = detail.get("type", "unknown")
    if kind == "missing_references":
        missing = ", ".join(f"{r.get('type')} {r.get('id')}" for r in detail.get("references") or [])
        return f"{what}: missing references: {missing} (import them too, or fix the reference)"
    if kind in {"conflict", "ambiguous_conflict"}:
        return f"{what}: {kind.replace('_', ' ')} with an existing object (import with overwrite)"
    if kind == "unsupported_type":
        return f"{what}: Kibana does not support saved-object type {err.get('type')!r}"
    message = detail.get("message") or json.dumps(detail, ensure_ascii=False)
    return f"{what}: {kind}: {message}"


def _http_message(body: bytes) -> str:
    try:
        data = json.loads(body)
        return str(data.get("message") or data.get("error") or data)
    except ValueError:
        return body.decode("utf-8", "replace")[:300]


def import_objects(
    kibana_url: str,
    ndjson: Path,
    *,
    user: str | None = None,
    password: str | None = None,
    api_key: str | None = None,
    space: str | None = None,
    overwrite: bool = True,
    ca_file: str | None = None,
    verify_certs: bool = True,
    timeout: float = 60.0,
    desk_url: str | None = None,
) -> dict[str, Any]:
    """Import a saved-objects NDJSON file through Kibana's import API and summarise the answer.

    Returns {"success", "successCount", "errors" (as Kibana sent them), "problems" (one readable line per failed
    object), "url"}. With `desk_url`, the clarification links of the data views point there (the file is sent
    unchanged otherwise). A Kibana that cannot be reached, rejects the credentials or answers with an HTTP error raises
    KibanaError with what to check.
    """
    if ndjson.suffix != ".ndjson":
        raise KibanaError(f"{ndjson}: Kibana only imports files ending in .ndjson")
    objects = load_objects(ndjson)  # a broken line is reported here, before anything is sent
    if not objects:
        raise KibanaError(f"{ndjson}: no saved objects to import")
    url = import_url(kibana_url, space, overwrite)
    payload = ndjson.read_bytes()
    if desk_url:
        lines = (json.dumps(o, ensure_ascii=False, separators=(",", ":")) for o in with_desk_url(objects, desk_url))
        payload = "".join(line + "\n" for line in lines).encode("utf-8")
    body, content_type = urllib3.encode_multipart_formdata({"file": (ndjson.name, payload, "application/ndjson")})
    headers = {"kbn-xsrf": "true", "Content-Type": content_type, **_auth_headers(user, password, api_key)}
    pool = urllib3.PoolManager(
        cert_reqs="CERT_REQUIRED" if verify_certs else "CERT_NONE",
        ca_certs=ca_file or None,
        timeout=urllib3.Timeout(total=timeout),
        retries=False,
    )
    try:
        response = pool.request("POST", url, body=body, headers=headers)
    except urllib3.exceptions.NewConnectionError as exc:
        raise KibanaError(
            f"cannot connect to Kibana at {kibana_url} ({exc}); is it running and is the URL right?"
        ) from exc
    except urllib3.exceptions.SSLError as exc:
        raise KibanaError(f"TLS error talking to Kibana at {kibana_url}: {exc} (set the CA file?)") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise KibanaError(f"request to Kibana at {kibana_url} failed: {exc}") from exc
    finally:
        pool.clear()
    status = response.status
    if status == 401:
        raise KibanaError(
            f"Kibana at {kibana_url} refused the credentials (HTTP 401): set PANTAU_KIBANA_USER and "
            "PANTAU_KIBANA_PASSWORD or PANTAU_KIBANA_API_KEY (or --user/--password/--api-key)"
        )
    if status == 403:
        raise KibanaError(
            f"Kibana at {kibana_url}: this user may not import saved objects (HTTP 403: {_http_message(response.data)})"
        )
    if status == 404 and space:
        raise KibanaError(f"Kibana at {kibana_url} has no space {space!r} (HTTP 404)")
    if status != 200:
        raise KibanaError(f"Kibana import failed with HTTP {status}: {_http_message(response.data)}")
    try:
        answer = json.loads(response.data)
    except ValueError as exc:
        raise KibanaError(
            f"Kibana answered the import with something that is not JSON: {response.data[:200]!r}"
        ) from exc
    errors = list(answer.get("errors") or [])
    return {
        "success": bool(answer.get("success")) and not errors,
        "successCount": int(answer.get("successCount") or 0),
        "objects": len(objects),
        "errors": errors,
        "problems": [describe_error(e) for e in errors],
        "url": url.split("?")[0],
    }
