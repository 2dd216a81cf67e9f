"""Retention: delete documents older than their kind's rule in mappings/retention/rules.json.

The rolling kinds (audit, alerts, deadletter: mappings/lifecycle/) lose whole backing indices, by the engine's
ILM/ISM policy or, on a cluster without one, by pantau.store.lifecycle.apply_lifecycle (an index goes only when
its newest document is past the age). Articles stay document-level (delete-by-query on the index behind the alias):
they live in one index, updated by id (a review), so deleting whole indices by age would drop recent ones. A rolling
kind still in the earlier single-index layout (before `pantau migrate KIND`) is aged the same way, document by
document.
`pantau retention apply` runs it on demand; the hourly ops_health flow runs it too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pantau.errors import ConfigError
from pantau.resources import bundled
from pantau.store.client import Store
from pantau.store.lifecycle import apply_lifecycle, earlier_layout
from pantau.text.dates import WIB


@dataclass(frozen=True)
class RetentionRule:
    kind: str
    field: str
    days: int
    not_before: date | None
    why: str

    def cutoff(self, now: datetime) -> datetime | None:
        """Documents with `field` before this are deleted; None while `not_before` is still ahead."""
        if self.not_before and now.astimezone(WIB).date() < self.not_before:
            return None
        return now - timedelta(days=self.days)


def rules_file() -> Path:
    return bundled("mappings") / "retention" / "rules.json"


def load_rules(path: Path | None = None, kinds: set[str] | None = None) -> list[RetentionRule]:
    """The rules; a broken file, a rule for an unknown kind or a kind twice is a ConfigError naming the file."""
    path = path or rules_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))["rules"]
        rules = [
            RetentionRule(
                kind=str(r["kind"]),
                field=str(r["field"]),
                days=int(r["days"]),
                not_before=date.fromisoformat(r["not_before"]) if r.get("not_before") else None,
                why=str(r["why"]),
            )
            for r in raw
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a valid retention file ({exc!r})") from exc
    seen: set[str] = set()
    for rule in rules:
        if rule.kind in seen:
            raise ConfigError(f"{path}: kind {rule.kind!r} has two rules")
        seen.add(rule.kind)
        if rule.days < 1:
            raise ConfigError(f"{path}: {rule.kind}: days must be at least 1")
        if kinds is not None and rule.kind not in kinds:
            raise ConfigError(f"{path}: {rule.kind!r} is not a mapped kind ({', '.join(sorted(kinds))})")
    return rules


def apply_retention(
    store: Store, now: datetime | None = None, dry_run: bool = False, rules: list[RetentionRule] | None = None
) -> list[dict[str, Any]]:
    """Per rule: the cutoff and how many documents it deleted (or would delete, with `dry_run`)."""
    from pantau.store.lifecycle import load_lifecycle
    from pantau.store.templates import load_specs

    now = now or datetime.now(WIB)
    specs = load_specs()
    rules = rules if rules is not None else load_rules(kinds=set(specs))
    report: list[dict[str, Any]] = []
    for rule in rules:
        line: dict[str, Any] = {"kind": rule.kind, "field": rule.field, "days": rule.days}
        cutoff = rule.cutoff(now)
        if cutoff is None:
            report.append(line | {"action": f"kept: nothing is deleted before {rule.not_before}", "deleted": 0})
            continue
        line["older_than"] = cutoff.isoformat()
        old = earlier_layout(store, store.name(rule.kind)) if rule.kind in specs and specs[rule.kind].rolling else []
        if rule.kind in specs and specs[rule.kind].rolling and not old:  # whole backing indices, not documents
            plan = load_lifecycle(rule.kind, kept_days=rule.days)
            report.append(line | apply_lifecycle(store, plan, rule.field, cutoff, dry_run=dry_run))
            continue
        if old:  # never aged by its creation date: document by document, as before it rolled
            line["layout"] = f"earlier single-index layout ({', '.join(old)}) until `pantau migrate {rule.kind}`"
        query = {"range": {rule.field: {"lt": cutoff.isoformat()}}}
        if dry_run:
            report.append(line | {"action": "dry run", "would_delete": store.count(rule.kind, query)})
            continue
        result = store.request(
            "POST",
            f"/{store.name(rule.kind)}/_delete_by_query",
            params={"conflicts": "proceed", "refresh": "true", "wait_for_completion": "true"},
            body={"query": query},
        )
        report.append(line | {"action": "applied", "deleted": int(result.get("deleted", 0))})
    return report
