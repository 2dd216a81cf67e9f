"""The queue of flagged reports (`/`): filters, story sizes, the two-month window, and what was wrong with a filter."""

from __future__ import annotations

from starlette.responses import Response

from pantau.desk import cases
from pantau.desk.app import Ctx, page
from pantau.desk.queue_filters import STATUS_CHOICES, QueueFilters


@page("viewer")
def queue(ctx: Ctx) -> Response:
    filters = QueueFilters.parse(ctx.params)
    found = cases.queue(ctx.store, filters)
    pages = max(1, -(-found["total"] // cases.PAGE_SIZE))
    return ctx.render(
        "queue.html",
        filters=filters,
        problems=[*filters.problems, *filters.unknown_choices(found["choices"])],
        rows=found["rows"],
        total=found["total"],
        choices=found["choices"],
        statuses=STATUS_CHOICES,
        page_count=pages,
        prev_params=filters.as_params(page=filters.page - 1) if filters.page > 1 else None,
        next_params=filters.as_params(page=filters.page + 1) if filters.page < pages else None,
        warning_days=ctx.settings.desk.deadline_warning_days,
        wait_days=ctx.settings.desk.answer_wait_days,
    )
