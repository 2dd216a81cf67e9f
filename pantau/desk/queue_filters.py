"""The queue's filters: parsed from the query string, each value that does not fit named (never passed to the
engine), and turned into engine clauses."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from pantau.config import SEVERITIES
from pantau.ops.review import STATUSES

STATUS_CHOICES = ("terbuka", "semua", *STATUSES)  # terbuka = baru or ditinjau
FILTER_LABELS = {
    "province": "Provinsi",
    "outlet": "Media",
    "rule": "Temuan",
    "severity": "Tingkat",
    "min_confidence": "Keyakinan minimum",
    "status": "Status",
    "since": "Terbit sejak",
    "until": "Terbit sampai",
}
# the filters whose values come from the data: a value no flagged report has is named, with its near spelling
CHOICE_FILTERS = ("province", "outlet", "rule")


def _printable(value: str) -> str:
    return "".join(ch for ch in value if ch.isprintable()).strip()


@dataclass(frozen=True)
class QueueFilters:
    province: str = ""
    outlet: str = ""
    rule: str = ""
    severity: str = ""
    min_confidence: str = ""
    status: str = "terbuka"
    since: str = ""
    until: str = ""
    page: int = 1
    # what was wrong with the values given (Indonesian, shown above the queue); those values were not applied
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> QueueFilters:
        """Filters from query parameters. A value that does not fit (a date that is no date, a confidence that is
        no number between 0 and 1, nan included, an unknown severity or status) is dropped with a message in
        `problems`, never passed to the engine; an empty value means no filter."""
        problems: list[str] = []

        def text(name: str) -> str:
            return _printable(str(params.get(name, "")))[:200]

        def refuse(name: str, value: str, why: str) -> str:
            problems.append(f"{FILTER_LABELS[name]} {value!r} {why}; saringan ini diabaikan.")
            return ""

        def day(name: str) -> str:
            value = text(name)
            if not value:
                return ""
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                return refuse(name, value, "bukan tanggal (TTTT-BB-HH, misalnya 2024-11-27)")

        confidence = text("min_confidence")
        if confidence:
            try:
                number = float(confidence.replace(",", "."))  # 0,9 as written in Indonesian
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                confidence = refuse("min_confidence", confidence, "bukan angka antara 0 dan 1")
            elif not 0.0 <= number <= 1.0:
                clamped = min(max(number, 0.0), 1.0)
                problems.append(f"Keyakinan minimum {confidence!r} di luar 0-1; dipakai {clamped:g}.")
                confidence = f"{clamped:g}"
            else:
                confidence = f"{number:g}"
        try:
            page = max(1, min(int(text("page") or 1), 200))
        except ValueError:
            page = 1
        status = text("status") or "terbuka"
        if status not in STATUS_CHOICES:
            refuse("status", status, "tidak dikenal (" + ", ".join(STATUS_CHOICES) + ")")
            status = "terbuka"
        severity = text("severity")
        if severity and severity not in SEVERITIES:
            severity = refuse("severity", severity, "tidak dikenal (" + ", ".join(SEVERITIES) + ")")
        since, until = day("since"), day("until")
        if since and until and since > until:
            problems.append(f"Terbit sejak {since} sesudah terbit sampai {until}; saringan tanggal diabaikan.")
            since = until = ""
        return cls(
            province=text("province"),
            outlet=text("outlet"),
            rule=text("rule"),
            severity=severity,
            min_confidence=confidence,
            status=status,
            since=since,
            until=until,
            page=page,
            problems=tuple(problems),
        )

    def unknown_choices(self, choices: Mapping[str, list[str]]) -> list[str]:
        """Messages for province, outlet or rule values that no flagged report carries (so nothing matches),
        naming the value meant when only its case or spacing differs."""
        out: list[str] = []
        for name in CHOICE_FILTERS:
            value = str(getattr(self, name))
            known = choices.get(name, [])
            if not value or value in known:
                continue
            near = [k for k in known if " ".join(k.lower().split()) == " ".join(value.lower().split())]
            hint = f" Maksud Anda {near[0]!r}?" if near else ""
            out.append(f"{FILTER_LABELS[name]} {value!r} tidak ada pada berita yang ditandai: tidak ada hasil.{hint}")
        return out

    def as_params(self, **change: Any) -> dict[str, str]:
        values = {**asdict(self), **change}
        values.pop("problems", None)
        return {k: str(v) for k, v in values.items() if v not in ("", None) and not (k == "page" and v == 1)}

    def clauses(self) -> list[dict[str, Any]]:
        """The filters as engine clauses (without the flagged-only clause, FLAGGED)."""
        must: list[dict[str, Any]] = []
        for name, value in (
            ("province", self.province),
            ("outlet", self.outlet),
            ("flag_rules", self.rule),
            ("flags.severity", self.severity),
        ):
            if value:
                must.append({"term": {name: value}})
        if self.min_confidence:
            must.append({"range": {"max_confidence": {"gte": float(self.min_confidence)}}})
        if self.since or self.until:
            bounds = {"gte": self.since} if self.since else {}
            if self.until:
                bounds["lte"] = self.until
            must.append({"range": {"published_at": {**bounds, "time_zone": "+07:00"}}})
        if self.status == "terbuka":
            must.append(
                {
                    "bool": {
                        "should": [
                            {"terms": {"review.status": ["baru", "ditinjau"]}},
                            {"bool": {"must_not": {"exists": {"field": "review.status"}}}},
                        ]
                    }
                }
            )
        elif self.status != "semua":
            must.append({"term": {"review.status": self.status}})
        return must
