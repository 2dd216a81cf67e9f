"""A stand-in for Kibana's saved-objects import API on 127.0.0.1, for tests (no Kibana runs here).

It implements the documented contract of POST /[s/<space>/]api/saved_objects/_import: 401 without the expected
Authorization, 400 without the kbn-xsrf header, a multipart/form-data body whose `file` part ends in .ndjson, the
`overwrite` query parameter, and 200 {success, successCount, successResults | errors} with per-object
`missing_references` and `conflict` errors like Kibana's.

Given `last_known` (saved-object type -> the newest migration version that Kibana knows), it also refuses a file
with a document from a more recent Kibana, as Kibana's document migrator does ("Document ... belongs to a more
recent version of Kibana"). `KIBANA_8_8` is such a table for Kibana 8.8.
"""

from __future__ import annotations

import json
import re
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

# Migration versions Kibana 8.8 knows for the types in infra/kibana/pantau.ndjson: dashboard 8.7.0 is the newest of
# the dashboard type's own migrations (Kibana's dashboard_saved_object_migrations.ts, 8.7.0 control-group
# migration); visualization 8.5.0 and search / index-pattern 8.0.0 are what Kibana still stamps on those types in
# exports from 8.9 and later, so 8.8 knows them. Kibana 8.8 is also the first to write coreMigrationVersion 8.8.0.
# These are lower bounds of what Kibana 8.8 accepts (it may know newer dashboard versions through embeddables).
KIBANA_8_8 = {
    "core": "8.8.0",
    "index-pattern": "8.0.0",
    "search": "8.0.0",
    "visualization": "8.5.0",
    "dashboard": "8.7.0",
}


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


class FakeKibana:
    """POST /[s/<space>/]api/saved_objects/_import as documented, recording each request it accepted."""

    def __init__(
        self,
        auth: str | None,
        existing: set[tuple[str, str]] | None = None,
        last_known: dict[str, str] | None = None,
    ) -> None:
        self.auth = auth
        self.last_known = last_known
        self.existing = existing or set()
        self.requests: list[dict[str, Any]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                owner.handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @staticmethod
    def reply(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def too_new(self, objs: list[dict[str, Any]]) -> str | None:
        """Kibana's refusal of the first document newer than this Kibana, or None."""
        if self.last_known is None:
            return None
        for obj in objs:
            for key, known in (
                ("coreMigrationVersion", self.last_known["core"]),
                ("typeMigrationVersion", self.last_known.get(obj["type"], "0.0.0")),
            ):
                version = obj.get(key)
                if version and _version(version) > _version(known):
                    return (
                        f'Document "{obj["id"]}" belongs to a more recent version of Kibana [{version}] when the '
                        f"last known version is [{known}]."
                    )
        return None

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        url = urlsplit(h.path)
        match = re.fullmatch(r"(?:/s/([a-z0-9_-]+))?/api/saved_objects/_import", url.path)
        raw = h.rfile.read(int(h.headers.get("Content-Length", "0")))
        if not match:
            return self.reply(h, 404, {"statusCode": 404, "error": "Not Found", "message": "Not Found"})
        if self.auth is not None and h.headers.get("Authorization") != self.auth:
            return self.reply(h, 401, {"statusCode": 401, "error": "Unauthorized", "message": "Unauthorized"})
        if "kbn-xsrf" not in h.headers:
            return self.reply(
                h,
                400,
                {"statusCode": 400, "error": "Bad Request", "message": "Request must contain a kbn-xsrf header."},
            )
        ctype = h.headers.get("Content-Type", "")
        if not ctype.startswith("multipart/form-data"):
            return self.reply(h, 415, {"statusCode": 415, "error": "Unsupported Media Type", "message": ctype})
        message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + raw)
        parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
        part = parts.get("file")
        if part is None:
            return self.reply(h, 400, {"statusCode": 400, "error": "Bad Request", "message": "[file]: required"})
        filename = part.get_filename() or ""
        if not filename.endswith(".ndjson"):
            return self.reply(
                h,
                400,
                {
                    "statusCode": 400,
                    "error": "Bad Request",
                    "message": f"Invalid file extension {Path(filename).suffix}",
                },
            )
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            return self.reply(h, 400, {"statusCode": 400, "error": "Bad Request", "message": "file is not a file"})
        objs = [json.loads(line) for line in payload.decode("utf-8").splitlines() if line.strip()]
        too_new = self.too_new(objs)
        if too_new:
            return self.reply(h, 400, {"statusCode": 400, "error": "Bad Request", "message": too_new})
        params = parse_qs(url.query)
        self.requests.append(
            {
                "space": match.group(1),
                "params": params,
                "filename": filename,
                "objects": objs,
                "xsrf": h.headers["kbn-xsrf"],
            }
        )
        overwrite = params.get("overwrite") == ["true"]
        present = self.existing | {(o["type"], o["id"]) for o in objs}
        errors = []
        for obj in objs:
            title = obj["attributes"].get("title")
            missing = [
                {"type": r["type"], "id": r["id"]}
                for r in obj.get("references", [])
                if (r["type"], r["id"]) not in present
            ]
            if missing:
                errors.append(
                    {
                        "id": obj["id"],
                        "type": obj["type"],
                        "title": title,
                        "meta": {"title": title},
                        "error": {"type": "missing_references", "references": missing},
                    }
                )
            elif (obj["type"], obj["id"]) in self.existing and not overwrite:
                errors.append(
                    {
                        "id": obj["id"],
                        "type": obj["type"],
                        "title": title,
                        "meta": {"title": title},
                        "error": {"type": "conflict"},
                    }
                )
        answer: dict[str, Any] = {"success": not errors, "successCount": len(objs) - len(errors)}
        if errors:
            answer["errors"] = errors
        else:
            answer["successResults"] = [{"type": o["type"], "id": o["id"]} for o in objs]
        return self.reply(h, 200, answer)
