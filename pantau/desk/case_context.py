"""What every case page shares: finding the report a URL names, refusing work on one that is not a case, and
writing the audit entry of a change to it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from pantau.desk import audit, cases
from pantau.desk.app import Ctx

NOT_FLAGGED = (
    "Berita ini tidak ditandai (tidak ada temuan): tidak ada yang perlu ditinjau, dan draf hak jawab, klarifikasi "
    "serta jawaban media hanya untuk berita yang ditandai."
)


def now_stamp() -> str:
    # microseconds: a saved part's time is also its version (`based_on`), two saves within a second differ
    return datetime.now(UTC).isoformat(timespec="microseconds")


def article(ctx: Ctx) -> tuple[str, dict[str, Any] | None]:
    """The article id in the URL and its document (None when the id is malformed or unknown)."""
    article_id = str(ctx.request.path_params.get("article_id", ""))
    if not cases.ARTICLE_ID.match(article_id):
        return article_id, None
    return article_id, ctx.store.get("articles", article_id)


def missing(ctx: Ctx, article_id: str) -> Response:
    return ctx.render("message.html", code=404, title="Berita tidak ditemukan", text=f"Tidak ada berita {article_id}.")


def not_flagged(ctx: Ctx, article_id: str) -> Response:
    """The refusal of review, drafting and answers on a report without a flag."""
    if ctx.request.method == "POST":
        return ctx.redirect(f"/report/{article_id}", NOT_FLAGGED)
    return ctx.render("message.html", code=409, title="Berita tidak ditandai", text=NOT_FLAGGED)


def open_case(ctx: Ctx) -> tuple[str, dict[str, Any]] | Response:
    """(id, document) of the flagged report the URL names, else the page that refuses (404, or not a case)."""
    article_id, doc = article(ctx)
    if doc is None:
        return missing(ctx, article_id)
    if not cases.flagged(doc):
        return not_flagged(ctx, article_id)
    return article_id, doc


def audit_case(ctx: Ctx, action: str, article_id: str, story_id: str | None, **fields: Any) -> None:
    """One audit entry for a change to a case (an article's review, drafts, letter or outlet answer) by the
    signed-in officer."""
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
