"""The report page (`/report/ID`) and its review actions (through `pantau.ops.review`, the transitions of
`pantau review`), applied to the whole story when the officer says so."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from pantau.desk import audit, cases, drafts
from pantau.desk.app import Ctx, page
from pantau.desk.case_context import article, audit_case, missing, open_case
from pantau.desk.deadline import window
from pantau.desk.followup import next_step
from pantau.ops.review import TRANSITIONS, ReviewError, current_review, update_review


@page("viewer")
def report(ctx: Ctx) -> Response:
    article_id, doc = article(ctx)
    if doc is None:
        return missing(ctx, article_id)
    flags = doc.get("flags") or []
    story_id = doc.get("story_id")
    members = [m for m in cases.story_members(ctx.store, story_id) if m["id"] != article_id] if story_id else []
    review = doc.get("review") or {}
    status = review.get("status") or "baru"
    desk = ctx.settings.desk
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
        window=window(doc.get("published_at"), warning_days=desk.deadline_warning_days),
        step=next_step(review, desk.answer_wait_days),
        wait_days=desk.answer_wait_days,
        legal=drafts.legal(),
    )


@page("piket")
def review_action(ctx: Ctx) -> Response:
    found = open_case(ctx)
    if isinstance(found, Response):
        return found
    article_id, doc = found
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
            audit_case(ctx, "review", target, story_id, outcome="refused", summary=str(exc), before=before)
            continue
        done.append(target)
        summary = f"{before.get('status') or 'baru'} -> {status}" + (" (seluruh cerita)" if len(targets) > 1 else "")
        audit_case(ctx, "review", target, story_id, summary=summary, before=before, after=after)
    message = f"Status {status} dicatat untuk {len(done)} berita."
    if refused:
        message += " Tidak diubah: " + "; ".join(refused[:5])
    return ctx.redirect(f"/report/{article_id}", message)
