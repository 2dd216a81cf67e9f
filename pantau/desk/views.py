"""Template helpers: Indonesian labels for rules, severities and statuses, times in WIB, the two-month window."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from pantau.alerts.messages import format_time, templates
from pantau.desk.deadline import Window, window
from pantau.desk.followup import next_step
from pantau.ops.review import http_url

STATUS_LABELS = {
    "baru": "baru",
    "ditinjau": "ditinjau",
    "diklarifikasi": "diklarifikasi",
    "diabaikan": "diabaikan",
    "terbuka": "terbuka (baru + ditinjau)",
    "semua": "semua",
}


def rule_label(rule: str | None) -> str:
    return str(templates()["rule_labels"].get(rule or "", rule or ""))


def severity_label(severity: str | None) -> str:
    return str(templates()["severity_labels"].get(severity or "", severity or ""))


def confidence(value: Any) -> str:
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return "-"


def window_of(published_at: str | None, warning_days: int = 14) -> Window:
    return window(published_at, warning_days=warning_days)


def link(value: Any, label: str | None = None) -> Markup:
    """An <a href> to `value` when it is an http(s) URL (`http_url`); anything else is shown as text, unlinked."""
    url = http_url(value)
    if url is None:
        return Markup('<span class="url-text">{0}</span>').format(str(value or "").strip())
    return Markup('<a href="{0}" rel="noreferrer noopener">{1}</a>').format(url, url if label is None else label)


FILTERS = {
    "link": link,
    "wib": format_time,
    "rule_label": rule_label,
    "severity_label": severity_label,
    "confidence": confidence,
}
GLOBALS = {"window_of": window_of, "next_step_of": next_step, "status_labels": STATUS_LABELS}
