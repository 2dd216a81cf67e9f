"""Drafts in Indonesian from a flag and the fact base: the hak jawab letter and the public clarification post.

The texts are Jinja2 templates under pantau/data/desk_letters/ (plain text, no HTML), with the legal basis in
legal.json, so legal wording is edited in one place. A letter names the report (outlet, date, title, URL), quotes
every disputed passage with the correct fact and its source, asks for proportional publication linked to the
original, is signed by the authorised officer with a copy to Dewan Pers, and never asks for a takedown.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from typing import Any, cast

import jinja2

from pantau.config import Settings
from pantau.resources import data_path
from pantau.text.dates import WIB, format_day

KINDS = {"hak_jawab": "hak_jawab.txt.j2", "clarification": "klarifikasi.txt.j2"}
LABELS = {"hak_jawab": "Surat hak jawab", "clarification": "Klarifikasi publik"}
MAX_CHARS = 20000


@cache
def _env() -> jinja2.Environment:
    # plain-text letters (no HTML): the desk's pages escape them when they show them. trim_blocks eats the newline
    # after a block tag, so a block tag stands on its own line and inline conditions are written as expressions.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_path("desk_letters"))),
        autoescape=False,  # noqa: S701
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
    )


@cache
def legal() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(data_path("desk_letters/legal.json").read_text(encoding="utf-8")))


def published_day(published_at: str | None) -> str:
    if not published_at:
        return "(tanggal tidak diketahui)"
    try:
        moment = datetime.fromisoformat(published_at)
    except ValueError:
        return published_at
    return format_day((moment.astimezone(WIB) if moment.tzinfo else moment).date())


def hak_jawab_sent(doc: dict[str, Any]) -> bool:
    """True when the desk has a record that the hak jawab went to the outlet: the letter sent (`review.letter`)
    or the outlet's answer (where it published the hak jawab, `review.answer`). Only then may a text say so."""
    review = doc.get("review") or {}
    return bool((review.get("letter") or {}).get("sent_on") or (review.get("answer") or {}).get("url"))


def context(doc: dict[str, Any], settings: Settings, today: date | None = None) -> dict[str, Any]:
    flags = [
        {
            "evidence": str(f.get("evidence") or "").strip(),
            "fact": str(f.get("fact") or "").strip(),
            "source": str(f.get("source") or "").strip(),
        }
        for f in doc.get("flags") or []
    ]
    desk = settings.desk
    return {
        "office": desk.office,
        "signatory_name": desk.signatory_name,
        "signatory_title": desk.signatory_title,
        "outlet": doc.get("outlet") or doc.get("outlet_domain") or "",
        "title": doc.get("title") or "",
        "url": doc.get("canonical_url") or doc.get("url") or "",
        "published": published_day(doc.get("published_at")),
        "published_on": published_day(doc.get("published_at")) if doc.get("published_at") else "",
        "flags": flags,
        "hak_jawab_sent": hak_jawab_sent(doc),
        "legal": legal(),
        "place_date": format_day(today or datetime.now(WIB).date()),
    }


def render(kind: str, doc: dict[str, Any], settings: Settings, today: date | None = None) -> str:
    """The draft of `kind` (hak_jawab or clarification) for an article document."""
    return _env().get_template(KINDS[kind]).render(context(doc, settings, today)).strip() + "\n"


def clean(text: str) -> str:
    """An edited draft as stored: Unix line ends, one final newline. Never cut: see `too_long`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text + "\n" if text else ""


def too_long(texts: dict[str, str]) -> str | None:
    """Why the drafts cannot be saved as they are (one is longer than MAX_CHARS), else None."""
    for kind, text in texts.items():
        length = len(text.rstrip("\n"))
        if length > MAX_CHARS:
            return (
                f"{LABELS.get(kind, kind)} terlalu panjang: {length} karakter, paling banyak {MAX_CHARS}. "
                "Draf belum disimpan; persingkat lalu simpan lagi."
            )
    return None
