"""The desk's URL map."""

from __future__ import annotations

from starlette.routing import Route

from pantau.desk import admin_pages, auth_pages, draft_pages, followup_pages, queue_pages, report_pages

ROUTES = [
    Route("/healthz", auth_pages.healthz, methods=["GET"]),
    Route("/login", auth_pages.login_form, methods=["GET"]),
    Route("/login", auth_pages.login, methods=["POST"]),
    Route("/logout", auth_pages.logout, methods=["POST"]),
    Route("/", queue_pages.queue, methods=["GET"]),
    Route("/report/{article_id}", report_pages.report, methods=["GET"]),
    Route("/report/{article_id}/review", report_pages.review_action, methods=["POST"]),
    Route("/report/{article_id}/draft", draft_pages.draft_form, methods=["GET"]),
    Route("/report/{article_id}/draft", draft_pages.draft_save, methods=["POST"]),
    Route("/report/{article_id}/draft/{kind}.txt", draft_pages.draft_text, methods=["GET"]),
    Route("/report/{article_id}/draft/{kind}/print", draft_pages.draft_print, methods=["GET"]),
    Route("/report/{article_id}/letter", followup_pages.letter_save, methods=["POST"]),
    Route("/report/{article_id}/answer", followup_pages.answer_save, methods=["POST"]),
    Route("/watchlists", admin_pages.watchlists, methods=["GET"]),
    Route("/watchlists", admin_pages.watchlist_add, methods=["POST"]),
    Route("/watchlists/{wid}/remove", admin_pages.watchlist_remove, methods=["POST"]),
    Route("/health", admin_pages.health, methods=["GET"]),
    Route("/users", admin_pages.users, methods=["GET"]),
    Route("/audit", admin_pages.audit_trail, methods=["GET"]),
]

# every POST route: tests check that each refuses a form without its csrf_token
POST_PATHS = [r.path for r in ROUTES if r.methods and "POST" in r.methods]
