"""Retention rules (mappings/retention/rules.json) applied to the real node: articles by delete-by-query; the
rolling kinds (alerts, dead letters, audit) lose whole backing indices (test_lifecycle*.py)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from pantau.errors import ConfigError
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.store.retention import apply_retention, load_rules
from pantau.store.templates import load_specs, setup
from pantau.text.dates import WIB
from tests.articles import article

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=WIB)


def test_the_bundled_rules_cover_alerts_audit_dead_letters_and_articles_each_with_a_reason() -> None:
    rules = {r.kind: r for r in load_rules(kinds=set(load_specs()))}
    assert set(rules) == {"alerts", "audit", "deadletter", "articles"}
    assert rules["alerts"].days == rules["deadletter"].days == 180
    assert rules["audit"].days >= rules["alerts"].days  # every alert still kept has its whole audit trail
    assert rules["articles"].not_before == date(2027, 1, 1)  # the election period, its disputes and PSU, plus a year
    specs = load_specs()
    for rule in rules.values():
        assert specs[rule.kind].properties[rule.field]["type"] == "date", rule
        assert len(rule.why) > 80


def test_old_articles_go_and_recent_ones_stay_while_the_write_index_of_a_rolling_kind_is_kept(store: Store) -> None:
    setup(store)
    for kind, field in (("alerts", "created_at"), ("deadletter", "last_seen_at")):
        for name, age in (("old", 400), ("edge", 170), ("new", 1)):
            doc = {"id": name, field: (NOW - timedelta(days=age)).isoformat()}
            store.request("PUT", f"/{store.name(kind)}/_doc/{name}", body=doc, params={"refresh": "true"})
    index_documents(
        store,
        "articles",
        [
            article(1, published_at="2024-11-20T09:07:00+07:00"),  # the campaign: older than a year by March 2027
            article(2, published_at=(NOW - timedelta(days=30)).isoformat()),
        ],
    )
    store.refresh("articles")

    dry = {line["kind"]: line for line in apply_retention(store, now=NOW, dry_run=True)}
    assert dry["alerts"]["would_delete"] == dry["deadletter"]["would_delete"] == 0  # only the write index so far
    assert dry["articles"]["would_delete"] == 1

    applied = {line["kind"]: line["deleted"] for line in apply_retention(store, now=NOW)}
    assert applied == {"alerts": 0, "audit": 0, "deadletter": 0, "articles": 1}
    for kind in ("alerts", "deadletter"):  # a write index is never deleted, however old its documents
        left = store.search(kind, {"size": 10, "_source": False})["hits"]["hits"]
        assert {hit["_id"] for hit in left} == {"old", "edge", "new"}, kind
    assert store.count("articles") == 1
    assert all(line["deleted"] == 0 for line in apply_retention(store, now=NOW))  # a second run finds nothing


def test_articles_are_kept_whole_until_the_end_of_the_period(store: Store) -> None:
    setup(store)
    index_documents(store, "articles", [article(1, published_at="2024-11-20T09:07:00+07:00")])
    store.refresh("articles")
    before = datetime(2026, 12, 31, 23, 0, tzinfo=WIB)
    line = next(r for r in apply_retention(store, now=before) if r["kind"] == "articles")
    assert line == {
        "kind": "articles",
        "field": "published_at",
        "days": 365,
        "action": "kept: nothing is deleted before 2027-01-01",
        "deleted": 0,
    }
    assert store.count("articles") == 1


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ([{"kind": "alerts", "field": "created_at", "days": 0, "why": "x"}], "at least 1"),
        ([{"kind": "nope", "field": "at", "days": 5, "why": "x"}], "not a mapped kind"),
        ([{"kind": "audit", "field": "at", "days": 5, "why": "x"}] * 2, "two rules"),
        ([{"kind": "audit", "field": "at", "days": "many", "why": "x"}], "not a valid retention file"),
    ],
)
def test_a_broken_rule_file_is_a_clear_error(tmp_path: Path, rules: list[dict[str, object]], message: str) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"rules": rules}))
    with pytest.raises(ConfigError, match=message):
        load_rules(path, kinds=set(load_specs()))
