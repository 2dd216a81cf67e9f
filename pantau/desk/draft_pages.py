"""The drafts of a case (`/report/ID/draft`): the hak jawab letter and the public clarification, edited, saved
with the review, downloaded as text and printed.

A draft sent from a session that has ended (it expired while the officer wrote, or was ended by a logout
elsewhere) is never lost: nothing is saved, the text comes back on the login page (`keep_draft`) and, after the
login, in the draft form, still unsaved, for the officer to check and save (`offer_kept`).
"""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import PlainTextResponse, Response

from pantau.desk import cases, drafts
from pantau.desk.app import Ctx, page
from pantau.desk.case_context import audit_case, now_stamp, open_case
from pantau.desk.deadline import window
from pantau.desk.followup import next_step
from pantau.ops.review import ReviewConflictError, ReviewError, save_review_part

KEPT_FIELD = "kept_"  # kept_hak_jawab, kept_clarification, kept_based_on on the login form
DRAFT_PATH = re.compile(r"^/report/([A-Za-z0-9_-]{1,128})/draft$")
KEPT_MESSAGE = "Teks di bawah ini Anda tulis sebelum sesi berakhir dan BELUM disimpan. Periksa, lalu tekan Simpan draf."
SESSION_ENDED = (
    "Sesi Anda berakhir sebelum draf tersimpan. Draf belum disimpan, tetapi teksnya tidak hilang: ada di bawah. "
    "Masuk lagi untuk melanjutkan; setelah masuk, teks ini kembali ke formulir draf."
)


def _saved_or_fresh(ctx: Ctx, doc: dict[str, Any], fresh: bool) -> dict[str, str]:
    saved = ((doc.get("review") or {}).get("drafts")) or {}
    return {
        kind: (str(saved[kind]) if saved.get(kind) and not fresh else drafts.render(kind, doc, ctx.settings))
        for kind in drafts.KINDS
    }


@page("piket")
def draft_form(ctx: Ctx) -> Response:
    found = open_case(ctx)
    if isinstance(found, Response):
        return found
    article_id, doc = found
    return _draft_page(ctx, article_id, doc, _saved_or_fresh(ctx, doc, bool(ctx.params.get("baru"))))


def _draft_page(
    ctx: Ctx,
    article_id: str,
    doc: dict[str, Any],
    texts: dict[str, str],
    error: str | None = None,
    code: int = 200,
    based_on: str | None = None,
) -> Response:
    """The draft form with `texts` in it; with `error`, the officer's own texts stay in the form, unsaved.

    The form carries `based_on`, the stamp of the saved drafts the texts start from (default: those stored now),
    so a save over drafts that someone else saved meanwhile is refused (`save_review_part`)."""
    review = doc.get("review") or {}
    saved = review.get("drafts") or {}
    desk = ctx.settings.desk
    return ctx.render(
        "draft.html",
        code=code,
        doc=doc,
        article_id=article_id,
        texts=texts,
        error=error,
        based_on=str(saved.get("saved_at") or "") if based_on is None else based_on,
        saved=saved,
        letter=review.get("letter") or {},
        answer=review.get("answer") or {},
        step=next_step(review, desk.answer_wait_days),
        labels=drafts.LABELS,
        window=window(doc.get("published_at"), warning_days=desk.deadline_warning_days),
    )


def _form_texts(ctx: Ctx, prefix: str = "") -> dict[str, str]:
    return {kind: drafts.clean(ctx.text(prefix + kind)) for kind in drafts.KINDS}


def keep_draft(ctx: Ctx) -> Response | None:
    """The page for a draft form that arrived from an ended session: nothing is saved. Signed in again (another
    tab) with the piket role: the draft form with the text in it; otherwise the login page carrying the text."""
    texts = _form_texts(ctx)
    if not any(texts.values()):
        return None  # nothing to keep: the usual refusal
    article_id = str(ctx.request.path_params.get("article_id", ""))
    based_on = ctx.field("based_on", 64)
    if ctx.user is not None and ctx.user.can("piket"):
        return offer_kept(ctx, article_id, texts, based_on, code=403)
    return ctx.render(
        "login.html",
        code=401,
        next=f"/report/{article_id}/draft" if cases.ARTICLE_ID.match(article_id) else "/",
        error=SESSION_ENDED,
        kept=texts,
        kept_based_on=based_on,
        labels=drafts.LABELS,
    )


def kept_texts(ctx: Ctx) -> tuple[dict[str, str], str]:
    """The draft texts a login form carries back (`keep_draft`), and the drafts' stamp they started from."""
    return _form_texts(ctx, KEPT_FIELD), ctx.field(KEPT_FIELD + "based_on", 64)


def offer_kept(ctx: Ctx, article_id: str, texts: dict[str, str], based_on: str, code: int = 200) -> Response | None:
    """The draft form of `article_id` with the kept `texts` in it, unsaved; None when that case cannot be opened
    (no such flagged report), the caller then goes on as usual."""
    if not cases.ARTICLE_ID.match(article_id):
        return None
    doc = ctx.store.get("articles", article_id)
    if doc is None or not cases.flagged(doc):
        return None
    return _draft_page(ctx, article_id, doc, texts, KEPT_MESSAGE, code=code, based_on=based_on)


@page("piket", keep=keep_draft)
def draft_save(ctx: Ctx) -> Response:
    found = open_case(ctx)
    if isinstance(found, Response):
        return found
    article_id, doc = found
    name = ctx.who[0]
    before = dict((doc.get("review") or {}).get("drafts") or {})
    texts = _form_texts(ctx)
    based_on = ctx.field("based_on", 64) if ctx.form is not None and "based_on" in ctx.form else None
    problem = drafts.too_long(texts)
    if problem:  # refused whole, never cut: the texts stay in the form
        return _draft_page(ctx, article_id, doc, texts, problem, code=422, based_on=based_on)
    value = {**texts, "saved_at": now_stamp(), "saved_by": name}

    try:
        save_review_part(ctx.store, article_id, "drafts", value, based_on=based_on)
    except ReviewConflictError as exc:  # someone saved meanwhile: nothing is overwritten, the texts stay in the form
        other = str(exc.current.get("saved_by") or "petugas lain")
        summary = f"draf tidak disimpan: disimpan oleh {other} sementara disunting"
        audit_case(ctx, "draft", article_id, doc.get("story_id"), outcome="refused", summary=summary)
        message = (
            f"Draf ini disimpan oleh {other} sementara Anda menyunting. Teks Anda belum disimpan dan masih ada di "
            "formulir: bandingkan dengan versi tersimpan (unduh .txt), lalu simpan lagi untuk menggantinya."
        )
        current = str(exc.current.get("saved_at") or "")  # a second save replaces it knowingly
        fresh = ctx.store.get("articles", article_id) or doc
        return _draft_page(ctx, article_id, fresh, texts, message, code=409, based_on=current)
    except ReviewError as exc:
        return _draft_page(ctx, article_id, doc, texts, str(exc), code=409, based_on=based_on)
    summary = "draf hak jawab dan klarifikasi disimpan"
    audit_case(ctx, "draft", article_id, doc.get("story_id"), summary=summary, before=before, after=value)
    return ctx.redirect(f"/report/{article_id}/draft", "Draf disimpan.")


def _saved_text(ctx: Ctx, doc: dict[str, Any], kind: str) -> str:
    saved = ((doc.get("review") or {}).get("drafts")) or {}
    return str(saved.get(kind) or drafts.render(kind, doc, ctx.settings))


def _kind(ctx: Ctx) -> str | None:
    kind = str(ctx.request.path_params.get("kind", ""))
    return kind if kind in drafts.KINDS else None


def _open_draft(ctx: Ctx) -> tuple[str, dict[str, Any], str] | Response:
    """The case and the draft kind a download or print route names, or the page that refuses it."""
    found = open_case(ctx)
    if isinstance(found, Response):
        return found
    kind = _kind(ctx)
    if kind is None:
        return ctx.render("message.html", code=404, title="Draf tidak ditemukan", text="Jenis draf tidak dikenal.")
    return found[0], found[1], kind


@page("piket")
def draft_text(ctx: Ctx) -> Response:
    opened = _open_draft(ctx)
    if isinstance(opened, Response):
        return opened
    article_id, doc, kind = opened
    filename = f"{kind}-{article_id[:12]}.txt"
    return PlainTextResponse(
        _saved_text(ctx, doc, kind), headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@page("piket")
def draft_print(ctx: Ctx) -> Response:
    opened = _open_draft(ctx)
    if isinstance(opened, Response):
        return opened
    _, doc, kind = opened
    return ctx.render("print.html", text=_saved_text(ctx, doc, kind), title=drafts.LABELS[kind], doc=doc)
