"""After the letter (`/report/ID/letter`, `/report/ID/answer`): the officer records that the hak jawab letter was
sent (date, recipient, by whom) and, when it comes, the outlet's answer (published link, date). Both are kept in
the review (`review.letter`, `review.answer`) and in the audit trail; `followup.next_step` tells the report page
what comes next."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.responses import Response

from pantau.desk.app import Ctx, page
from pantau.desk.case_context import audit_case, now_stamp, open_case
from pantau.desk.deadline import window
from pantau.desk.followup import LetterError, letter_record
from pantau.ops.review import ReviewError, http_url, save_review_part


def _back(ctx: Ctx, article_id: str, message: str) -> Response:
    return ctx.redirect(f"/report/{article_id}/draft", message)


@page("piket")
def letter_save(ctx: Ctx) -> Response:
    found = open_case(ctx)
    if isinstance(found, Response):
        return found
    article_id, doc = found
    name = ctx.who[0]
    win = window(doc.get("published_at"), warning_days=ctx.settings.desk.deadline_warning_days)
    try:
        value = letter_record(
            ctx.field("sent_on", 20), ctx.field("recipient", 300), name, win.published, note=ctx.field("note", 2000)
        )
    except LetterError as exc:
        return _back(ctx, article_id, str(exc))
    value["recorded_at"] = now_stamp()
    before = dict((doc.get("review") or {}).get("letter") or {})
    try:
        save_review_part(ctx.store, article_id, "letter", value)
    except ReviewError as exc:
        return _back(ctx, article_id, f"Surat belum dicatat: {exc}")
    summary = f"surat hak jawab dikirim {value['sent_on']} kepada {value['recipient']} oleh {name}"
    audit_case(ctx, "letter_sent", article_id, doc.get("story_id"), summary=summary, before=before, after=value)
    message = f"Pengiriman surat hak jawab dicatat ({value['sent_on']}, kepada {value['recipient']})."
    if win.deadline and date.fromisoformat(value["sent_on"]) > win.deadline:
        message += " Perhatian: surat dikirim setelah batas dua bulan sejak berita terbit."
    return _back(ctx, article_id, message)


@page("piket")
def answer_save(ctx: Ctx) -> Response:
    found = open_case(ctx)
    if isinstance(found, Response):
        return found
    article_id, doc = found
    url = http_url(ctx.field("url", 2000))
    if not url:
        return _back(ctx, article_id, "Tautan jawaban media harus berupa URL http(s).")
    day = ctx.field("published_on", 20)
    try:
        published_on = date.fromisoformat(day).isoformat() if day and len(day) == 10 else None
        if day and published_on is None:
            raise ValueError(day)
    except ValueError:
        return _back(ctx, article_id, f"Tanggal {day!r} bukan tanggal (TTTT-BB-HH). Jawaban media belum dicatat.")
    name = ctx.who[0]
    before = dict((doc.get("review") or {}).get("answer") or {})
    value: dict[str, Any] = {"url": url, "note": ctx.field("note", 4000), "recorded_at": now_stamp()}
    value["recorded_by"] = name
    if published_on:
        value["published_on"] = published_on
    try:
        save_review_part(ctx.store, article_id, "answer", value)
    except ReviewError as exc:
        return _back(ctx, article_id, str(exc))
    summary = f"jawaban media dicatat: {url}"
    audit_case(ctx, "answer", article_id, doc.get("story_id"), summary=summary, before=before, after=value)
    return _back(ctx, article_id, "Jawaban media dicatat.")
