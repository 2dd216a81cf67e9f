"""Template helpers: Indonesian labels for rules, severities and statuses, times in WIB, the two-month window."""

from __future__ import annotations

from typing import Any

from pantau.alerts.messages import format_time, templates
from pantau.desk.deadline import Window, window

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


FILTERS = {
    "wib": format_time,
    "rule_label": rule_label,
    "severity_label": severity_label,
    "confidence": confidence,
}
GLOBALS = {"window_of": window_of, "status_labels": STATUS_LABELS}
