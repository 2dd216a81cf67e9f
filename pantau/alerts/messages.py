"""Indonesian alert texts: subject and body rendered from `pantau/data/alert_messages.json`.

Every `{field}` placeholder is filled from a flat dict of strings; a body line whose placeholders are all empty is
left out, so an alert without, say, an official fact simply has no "Fakta resmi" line.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any, cast

from pantau.records import Flag, IndexedArticle
from pantau.resources import data_path
from pantau.text.dates import WIB

MESSAGES_FILE = data_path("alert_messages.json")
_FORMATTER = string.Formatter()


@cache
def templates() -> dict[str, Any]:
    with MESSAGES_FILE.open(encoding="utf-8") as fh:
        return cast(dict[str, Any], json.load(fh))


def severity_rank(severity: str | None) -> int:
    """low < medium < high; anything else ranks below low."""
    order: list[str] = templates()["severity_order"]
    return order.index(severity) if severity in order else -1


def highest_severity(severities: Iterable[str | None]) -> str | None:
    ranked = [s for s in severities if severity_rank(s) >= 0]
    return max(ranked, key=severity_rank) if ranked else None


def format_time(value: str | datetime | None) -> str:
    """An ISO timestamp as `27-11-2024 09:15 WIB`; unparseable input is shown as given."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(WIB).strftime("%d-%m-%Y %H:%M WIB")


def region_text(doc: IndexedArticle) -> str:
    """`Regency, Province` for each region of an article (at most three), else its provinces."""
    parts: list[str] = []
    for region in doc.regions:
        if not region.province:
            continue
        text = f"{region.regency}, {region.province}" if region.regency else region.province
        if text not in parts:
            parts.append(text)
    if not parts:
        parts = list(doc.province) or ([doc.outlet_province] if doc.outlet_province else [])
    return "; ".join(parts[:3])


def desk_link(desk_url: str, article_id: str) -> str:
    """The report page of an article in the clarification desk (PANTAU_DESK_URL); empty without a desk URL."""
    return f"{desk_url.rstrip('/')}/report/{article_id}" if desk_url and article_id else ""


def article_fields(
    doc: IndexedArticle, flag: Flag | None = None, also_in: Iterable[str] = (), desk_url: str = ""
) -> dict[str, str]:
    """The placeholders an article alert uses: title, outlet, region, published, evidence, fact, source, url, and
    desk_link (the report page in the desk, when PANTAU_DESK_URL is set)."""
    data = templates()
    severity = flag.severity if flag else ""
    rule = flag.rule if flag else ""
    return {
        "article_id": doc.id,
        "title": doc.title or "",
        "outlet": doc.outlet or doc.outlet_domain or "",
        "region": region_text(doc),
        "published": format_time(doc.published_at),
        "url": doc.canonical_url or doc.url,
        "rule": rule,
        "rule_label": data["rule_labels"].get(rule, rule),
        "severity": severity,
        "severity_label": data["severity_labels"].get(severity, severity),
        "evidence": (flag.evidence or "").strip() if flag else "",
        "fact": (flag.fact or "").strip() if flag else "",
        "source": (flag.source or "").strip() if flag else "",
        "also_in": ", ".join(sorted(set(also_in))),
        "desk_link": desk_link(desk_url, doc.id),
    }


def _fill(template: str, fields: Mapping[str, str], empty: str) -> str:
    return template.format_map({name: fields.get(name) or empty for name in _names(template)})


def _names(template: str) -> list[str]:
    return [name for _, name, _, _ in _FORMATTER.parse(template) if name]


def render_lines(lines: Iterable[str], fields: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        names = _names(line)
        if names and not any(fields.get(name) for name in names):
            continue
        out.append(_fill(line, fields, templates()["empty"]))
    return out


def render(kind: str, fields: Mapping[str, str]) -> tuple[str, str]:
    """(subject, body) of one alert of a kind: flag, watchlist, spike or ops."""
    spec = templates()[kind]
    subject = _fill(spec["subject"], fields, templates()["empty"])
    return subject, "\n".join(render_lines(spec["body"], fields)).strip() + "\n"


def render_digest(items: Sequence[Mapping[str, str]]) -> tuple[str, str]:
    """(subject, body) of a digest folding several alerts; each item has subject, outlet, region, url."""
    spec = templates()["digest"]
    count = {"count": str(len(items))}
    lines = render_lines(spec["body"], count)
    for n, item in enumerate(items, start=1):
        lines.extend(render_lines(spec["item"], {**item, "n": str(n)}))
    return _fill(spec["subject"], count, templates()["empty"]), "\n".join(lines).strip() + "\n"
