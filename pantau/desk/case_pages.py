"""The queue, the report page, review actions (via `pantau.ops.review`), drafts and the outlet's answer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from starlette.responses import PlainTextResponse, Response

from pantau.desk import audit, cases, drafts
from pantau.desk.app import Ctx, page
from pantau.desk.deadline import window
from pantau.ops.review import (
    TRANSITIONS,
    ReviewConflictError,
    ReviewError,
    current_review,
    http_url,
    save_review_part,
    update_review,
)


def _now() -> str:
    # microseconds: a saved part's time is also its version (`based_on`), two saves within a second differ
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _article(ctx: Ctx) -> tuple[str, dict[str, Any] | None]:
    article_id = str(ctx.request.path_params.get("article_id", ""))
    if not cases.ARTICLE_ID.match(article_id):
        return article_id, None
    return article_id, ctx.store.get("articles", article_id)


def _missing(ctx: Ctx, article_id: str) -> Response:
    return ctx.render("message.html", code=404, title="Berita tidak ditemukan", text=f"Tidak ada berita {article_id}.")


NOT_FLAGGED = (
    "Berita ini tidak ditandai (tidak ada temuan): tidak ada yang perlu ditinjau, dan draf hak jawab, klarifikasi "
    "serta jawaban media hanya untuk berita yang ditandai."
)


def _not_flagged(ctx: Ctx, article_id: str) -> Response:
    """The refusal of review, drafting and answers on a report without a flag."""
    if ctx.request.method == "POST":
        return ctx.redirect(f"/report/{article_id}", NOT_FLAGGED)
    return ctx.render("message.html", code=409, title="Berita tidak ditandai", text=NOT_FLAGGED)


@page("viewer")
def queue(ctx: Ctx) -> Response:
    filters = cases.QueueFilters.parse(ctx.params)
    found = cases.queue(ctx.store, filters)
    pages = max(1, -(-found["total"] // cases.PAGE_SIZE))
    return ctx.render(
        "queue.html",
        filters=filters,
        rows=found["rows"],
        total=found["total"],
        choices=found["choices"],
        statuses=cases.STATUS_CHOICES,
        page_count=pages,
        prev_params=filters.as_params(page=filters.page - 1) if filters.page > 1 else None,
        next_params=filters.as_params(page=filters.page + 1) if filters.page < pages else None,
        warning_days=ctx.settings.desk.deadline_warning_days,
    )


@page("viewer")
def report(ctx: Ctx) -> Response:
    article_id, doc = _article(ctx)
    if doc is None:
        return _missing(ctx, article_id)
    flags = doc.get("flags") or []
    story_id = doc.get("story_id")
    members = [m for m in cases.story_members(ctx.store, story_id) if m["id"] != article_id] if story_id else []
    review = doc.get("review") or {}
    status = review.get("status") or "baru"
    return ctx.render(
        "report.html",
        doc=doc,
        article_id=article_id,
        flags=flags,
        pieces=cases.highlight(str(doc.get("body") or ""), [str(f.get("evidence") or "") for f in flags]),
        members=members,
        flagged=cases.flagged(doc),
        story_cases=1 + sum(1 for m in members if cases.flagged(m)),
        review=review,
        status=status,
        allowed=sorted(TRANSITIONS.get(status, frozenset())),
        alerts=cases.alerts_for(ctx.store, article_id, story_id),
        trail=audit.entries(ctx.store, article_id, size=30),
        window=window(doc.get("published_at"), warning_days=ctx.settings.desk.deadline_warning_days),
    )


def _audit_case(ctx: Ctx, action: str, article_id: str, story_id: str | None, **fields: Any) -> None:
    """One audit entry for a change to a case (an article's review, drafts or outlet answer) by the signed-in
    officer."""
    name, role = ctx.who
    audit.record(
        ctx.store,
        user=name,
        role=role,
        action=action,
        target=f"article/{article_id}",
        article_id=article_id,
        story_id=story_id,
        client=ctx.client,
        **fields,
    )


@page("piket")
def review_action(ctx: Ctx) -> Response:
    article_id, doc = _article(ctx)
    if doc is None:
        return _missing(ctx, article_id)
    if not cases.flagged(doc):
        return _not_flagged(ctx, article_id)
    status = ctx.field("status", 40)
    note = ctx.field("note", 4000) or None
    url = ctx.field("clarification_url", 2000) or None
    targets = [article_id]
    story_id = doc.get("story_id")
    if ctx.field("whole_story") and story_id:
        # the story's other flagged copies only (a copy without a flag has nothing to review)
        members = cases.story_members(ctx.store, story_id)
        targets += [m["id"] for m in members if m["id"] != article_id and cases.flagged(m)]
    name = ctx.who[0]
    done: list[str] = []
    refused: list[str] = []
    for target in targets:
        before: dict[str, Any] = {}
        try:
            before = current_review(ctx.store, target)
            after = update_review(ctx.store, target, status, note=note, clarification_url=url, by=name)
        except ReviewError as exc:
            refused.append(f"{target[:8]}: {exc}")
            _audit_case(ctx, "review", target, story_id, outcome="refused", summary=str(exc), before=before)
            continue
        done.append(target)
        summary = f"{before.get('status') or 'baru'} -> {status}" + (" (seluruh cerita)" if len(targets) > 1 else "")
        _audit_case(ctx, "review", target, story_id, summary=summary, before=before, after=after)
    message = f"Status {status} dicatat untuk {len(done)} berita."
    if refused:
        message += " Tidak diubah: " + "; ".join(refused[:5])
    return ctx.redirect(f"/report/{article_id}", message)


def _saved_or_fresh(ctx: Ctx, doc: dict[str, Any], fresh: bool) -> dict[str, str]:
    saved = ((doc.get("review") or {}).get("drafts")) or {}
    return {
        kind: (str(saved[kind]) if saved.get(kind) and not fresh else drafts.render(kind, doc, ctx.settings))
        for kind in drafts.KINDS
    }


@page("piket")
def draft_form(ctx: Ctx) -> Response:
    article_id, doc = _article(ctx)
    if doc is None:
        return _missing(ctx, article_id)
    if not cases.flagged(doc):
        return _not_flagged(ctx, article_id)
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
    return ctx.render(
        "draft.html",
        code=code,
        doc=doc,
        article_id=article_id,
        texts=texts,
        error=error,
        based_on=str(saved.get("saved_at") or "") if based_on is None else based_on,
        saved=saved,
        answer=review.get("answer") or {},
        labels=drafts.LABELS,
        window=window(doc.get("published_at"), warning_days=ctx.settings.desk.deadline_warning_days),
    )


@page("piket")
def draft_save(ctx: Ctx) -> Response:
    article_id, doc = _article(ctx)
    if doc is None:
        return _missing(ctx, article_id)
    if not cases.flagged(doc):
        return _not_flagged(ctx, article_id)
    name = ctx.who[0]
    before = dict((doc.get("review") or {}).get("drafts") or {})
    texts = {kind: drafts.clean(ctx.text(kind)) for kind in drafts.KINDS}
    based_on = ctx.field("based_on", 64) if ctx.form is not None and "based_on" in ctx.form else None
    problem = drafts.too_long(texts)
    if problem:  # refused whole, never cut: the texts stay in the form
        return _draft_page(ctx, article_id, doc, texts, problem, code=422, based_on=based_on)
    value = {**texts, "saved_at": _now(), "saved_by": name}

    try:
        save_review_part(ctx.store, article_id, "drafts", value, based_on=based_on)
    except ReviewConflictError as exc:  # someone saved meanwhile: nothing is overwritten, the texts stay in the form
        other = str(exc.current.get("saved_by") or "petugas lain")
        summary = f"draf tidak disimpan: disimpan oleh {other} sementara disunting"
        _audit_case(ctx, "draft", article_id, doc.get("story_id"), outcome="refused", summary=summary)
        message = (
            f"Draf ini disimpan oleh {other} sementara Anda menyunting. Teks Anda belum disimpan dan masih ada di "
            "formulir: bandingkan dengan versi tersimpan (unduh .txt), lalu simpan lagi untuk menggantinya."
        )
        current = str(exc.current.get("saved_at") or "")  # a second save replaces it knowingly
        return _draft_page(ctx, article_id, _article(ctx)[1] or doc, texts, message, code=409, based_on=current)
    except ReviewError as exc:
        return _draft_page(ctx, article_id, doc, texts, str(exc), code=409, based_on=based_on)
    summary = "draf hak jawab dan klarifikasi disimpan"
    _audit_case(ctx, "draft", article_id, doc.get("story_id"), summary=summary, before=before, after=value)
    return ctx.redirect(f"/report/{article_id}/draft", "Draf disimpan.")


def _saved_text(ctx: Ctx, doc: dict[str, Any], kind: str) -> str:
    saved = ((doc.get("review") or {}).get("drafts")) or {}
    return str(saved.get(kind) or drafts.render(kind, doc, ctx.settings))


@page("piket")
def draft_text(ctx: Ctx) -> Response:
    article_id, doc = _article(ctx)
    kind = str(ctx.request.path_params.get("kind", ""))
    if doc is None or kind not in drafts.KINDS:
        return _missing(ctx, article_id)
    if not cases.flagged(doc):
        return _not_flagged(ctx, article_id)
    filename = f"{kind}-{article_id[:12]}.txt"
    return PlainTextResponse(
        _saved_text(ctx, doc, kind), headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@page("piket")
def draft_print(ctx: Ctx) -> Response:
    article_id, doc = _article(ctx)
    kind = str(ctx.request.path_params.get("kind", ""))
    if doc is None or kind not in drafts.KINDS:
        return _missing(ctx, article_id)
    if not cases.flagged(doc):
        return _not_flagged(ctx, article_id)
    return ctx.render("print.html", text=_saved_text(ctx, doc, kind), title=drafts.LABELS[kind], doc=doc)


@page("piket")
def answer_save(ctx: Ctx) -> Response:
    article_id, doc = _article(ctx)
    if doc is None:
        return _missing(ctx, article_id)
    if not cases.flagged(doc):
        return _not_flagged(ctx, article_id)
    url = http_url(ctx.field("url", 2000))
    day = ctx.field("published_on", 20)
    try:
        published_on = date.fromisoformat(day).isoformat() if day else None
    except ValueError:
        published_on = None
    if not url:
        return ctx.redirect(f"/report/{article_id}/draft", "Tautan jawaban media harus berupa URL http(s).")
    name = ctx.who[0]
    before = dict((doc.get("review") or {}).get("answer") or {})
    value: dict[str, Any] = {"url": url, "note": ctx.field("note", 4000), "recorded_at": _now(), "recorded_by": name}
    if published_on:
        value["published_on"] = published_on
    try:
        save_review_part(ctx.store, article_id, "answer", value)
    except ReviewError as exc:
        return ctx.redirect(f"/report/{article_id}/draft", str(exc))
    summary = f"jawaban media dicatat: {url}"
    _audit_case(ctx, "answer", article_id, doc.get("story_id"), summary=summary, before=before, after=value)
    return ctx.redirect(f"/report/{article_id}/draft", "Jawaban media dicatat.")
