"""Alerts and dead letters in rolling backing indices (mappings/lifecycle/ilm_alerts.json, ilm_deadletter.json) on
the real embedded node: written, rolled over, an old one updated in the index it lives in (alerts) or moved to the
write index when seen again (dead letters), whole old indices deleted only when every document is past the age,
and the readers (ledger, desk, deadletter CLI) finding documents across backing indices. The policy bodies are
checked against the documented schemas in tests/test_lifecycle.py, for every rolling kind."""

from __future__ import annotations

import dataclasses
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from pantau.alerts import ledger
from pantau.alerts.deliver import deliver
from pantau.alerts.ledger import FAILED, PENDING, SENT
from pantau.alerts.triggers import new_only
from pantau.cli.main import main
from pantau.desk import cases
from pantau.records import AlertRecord
from pantau.store import deadletter
from pantau.store.client import Store
from pantau.store.deadletter import DeadLetter
from pantau.store.lifecycle import apply_lifecycle, backing_indices, load_lifecycle, locate
from pantau.store.retention import apply_retention
from pantau.store.templates import load_specs, migrate, setup
from tests.conftest import make_settings

NEVER = datetime(2000, 1, 1, tzinfo=UTC)  # a cutoff that deletes nothing: rollover only


def _roll(store: Store, kind: str) -> str:
    """Roll the kind over with its real conditions and a one-second age; returns the new write index."""
    time.sleep(1.2)
    fast = dataclasses.replace(load_lifecycle(kind), max_age="1s")
    field = "created_at" if kind == "alerts" else "last_seen_at"
    rolled = apply_lifecycle(store, fast, field, NEVER)["rolled_over_to"]
    assert rolled is not None
    return str(rolled)


def _alert(name: str, age_days: float, channel: str = "piket", article_id: str = "a1") -> AlertRecord:
    moment = ledger.iso(datetime.now(UTC) - timedelta(days=age_days))
    key = f"story:{name}|flag:date|{channel}"
    return AlertRecord(
        id=ledger.alert_id(key), dedup_key=key, trigger="flag", channel=channel, channel_kind=None, status=PENDING,
        created_at=moment, updated_at=moment, subject=name, message=name, article_id=article_id, story_id=name,
    )  # fmt: skip


def _where(store: Store, kind: str, doc_id: str) -> list[str]:
    return [copy.index for copy in locate(store, kind, [doc_id]).get(doc_id, [])]


def test_both_kinds_start_in_a_write_alias(store: Store) -> None:
    setup(store)
    for kind in ("alerts", "deadletter"):
        alias = store.name(kind)
        assert load_specs()[kind].rolling
        assert backing_indices(store, alias) == {f"{alias}-v1-000001": True}
        assert load_lifecycle(kind).delete_after_days == 180


def test_an_old_alert_updated_after_rollover_stays_one_document_in_its_old_index(store: Store) -> None:
    setup(store)
    alias = store.name("alerts")
    old = _alert("old", 2)
    ledger.save_many(store, [old])
    second = _roll(store, "alerts")
    assert second == f"{alias}-v1-000002"
    new = _alert("new", 0)
    ledger.save(store, new, refresh=True)
    assert _where(store, "alerts", new.id) == [second]

    # a GET or _mget by id through the alias is refused now; the ledger still knows both alerts
    assert ledger.existing_ids(store, [old.id, new.id, "nope"]) == {old.id, new.id}
    third = _alert("third", 0)
    assert [r.id for r in new_only(store, [_alert("old", 2), third])] == [third.id]

    # delivery to a channel that is not configured: a real run of deliver, recorded FAILED, then SENT by hand
    settings = make_settings(PANTAU_SEARCH_INDEX_PREFIX=store.settings.search.index_prefix)
    report = deliver(store, [old], settings, sleep=lambda _s: None)
    assert report.failed == 1 and old.status == FAILED and old.attempts == 1
    old.status, old.sent_at = SENT, ledger.iso(datetime.now(UTC))
    ledger.save(store, old, refresh=True)
    assert _where(store, "alerts", old.id) == [f"{alias}-v1-000001"]  # one document, in its old index
    assert store.count("alerts") == 2
    (stored,) = ledger.find(store, {"ids": {"values": [old.id]}})
    assert stored.status == SENT and stored.attempts == 1
    # the desk's report page and health page read across the backing indices
    assert {a["status"] for a in cases.alerts_for(store, "a1", None)} == {SENT, PENDING}
    assert ledger.sent_since(store, "piket", datetime.now(UTC) - timedelta(hours=1)) == 1


def test_alert_retention_deletes_a_backing_index_only_when_all_its_alerts_are_past_the_age(store: Store) -> None:
    setup(store)
    alias = store.name("alerts")
    ancient, older = _alert("ancient", 400), _alert("older", 300)
    ledger.save_many(store, [ancient, older])
    _roll(store, "alerts")
    mixed_old, mixed_new = _alert("mixed-old", 250), _alert("mixed-new", 100)
    ledger.save_many(store, [mixed_old, mixed_new])
    _roll(store, "alerts")
    ledger.save_many(store, [_alert("today", 0)])
    ancient.status = SENT  # updated today: still created 400 days ago, still in its old index
    ledger.save(store, ancient, refresh=True)
    assert _where(store, "alerts", ancient.id) == [f"{alias}-v1-000001"]

    dry = next(r for r in apply_retention(store, dry_run=True) if r["kind"] == "alerts")
    assert dry["would_delete_indices"] == [f"{alias}-v1-000001"] and dry["would_delete"] == 2
    done = next(r for r in apply_retention(store) if r["kind"] == "alerts")
    assert done["deleted_indices"] == [f"{alias}-v1-000001"] and done["deleted"] == 2
    left = {a.subject for a in ledger.find(store, {"match_all": {}})}
    assert left == {"mixed-old", "mixed-new", "today"}  # the 250-day alert is kept with its index's 100-day one
    assert sorted(backing_indices(store, alias)) == [f"{alias}-v1-000002", f"{alias}-v1-000003"]


def _letter(n: int, reason: str = "mapper_parsing_exception: published_at") -> DeadLetter:
    return DeadLetter("pantau-articles", f"doc-{n}", reason, "mapper_parsing_exception", 400, {"n": n})


def _age_letter(store: Store, letter: DeadLetter, days: float) -> None:
    """Make a stored letter look last seen `days` ago, in the index it lives in (what time would have done)."""
    (copy,) = locate(store, "deadletter", [letter.id], source=True)[letter.id]
    moment = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    body = copy.source | {"first_seen_at": moment, "last_seen_at": moment}
    store.request("PUT", f"/{copy.index}/_doc/{letter.id}", body=body, params={"refresh": "true"})


def test_a_dead_letter_seen_again_moves_to_the_write_index_and_old_indices_go_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    setup(store)
    alias = store.name("deadletter")
    letters = [_letter(n) for n in range(3)]
    assert deadletter.write(store, letters) == "index"
    for letter, age in zip(letters, (400, 300, 250), strict=True):
        _age_letter(store, letter, age)
    first_seen = locate(store, "deadletter", [letters[0].id], source=True)[letters[0].id][0].source["first_seen_at"]
    _roll(store, "deadletter")
    assert deadletter.write(store, [_letter(9)]) == "index"

    # letter 0 is rejected again (twice in one batch): one document, now in the write index, attempts 1 + 2
    assert deadletter.write(store, [_letter(0, "strict_dynamic_mapping_exception"), _letter(0)]) == "index"
    store.refresh("deadletter")
    (moved,) = locate(store, "deadletter", [letters[0].id], source=True)[letters[0].id]
    assert moved.index == f"{alias}-v1-000002"
    assert moved.source["attempts"] == 3 and moved.source["first_seen_at"] == first_seen
    assert store.count("deadletter") == 4
    # seen again in the write index: overwritten there
    deadletter.write(store, [_letter(0)])
    assert [
        (c.index, c.source["attempts"]) for c in locate(store, "deadletter", [letters[0].id], True)[letters[0].id]
    ] == [(f"{alias}-v1-000002", 4)]

    # the CLI lists letters of every backing index
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.info.url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    store.refresh("deadletter")
    assert main(["deadletter", "--all"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {row["doc_id"] for row in listed} == {"doc-0", "doc-1", "doc-2", "doc-9"}

    # the first index now holds only letters last seen 300 and 250 days ago: deleted whole
    done = next(r for r in apply_retention(store) if r["kind"] == "deadletter")
    assert done["deleted_indices"] == [f"{alias}-v1-000001"] and done["deleted"] == 2
    store.refresh("deadletter")
    assert {row["doc_id"] for row in deadletter.list_letters(store, include_resolved=True)} == {"doc-0", "doc-9"}


def test_an_older_dead_letter_copy_the_engine_will_not_delete_stays_a_duplicate_until_the_next_sighting(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    setup(store)
    alias = store.name("deadletter")
    assert deadletter.write(store, [_letter(0)]) == "index"
    old = f"{alias}-v1-000001"
    _roll(store, "deadletter")
    store.request("PUT", f"/{old}/_settings", body={"index.blocks.write": True})
    try:
        with caplog.at_level("WARNING", logger="pantau.store.deadletter"):
            assert deadletter.write(store, [_letter(0)]) == "index"  # stored in the write index, not in a file
        assert "older dead-letter copies not deleted" in caplog.text
        assert not (store.settings.paths.var_dir / "deadletter").exists()
        assert _where(store, "deadletter", _letter(0).id) == [f"{alias}-v1-000002", old]
    finally:
        store.request("PUT", f"/{old}/_settings", body={"index.blocks.write": None})
    assert deadletter.write(store, [_letter(0)]) == "index"
    (kept,) = locate(store, "deadletter", [_letter(0).id], source=True)[_letter(0).id]
    assert (kept.index, kept.source["attempts"]) == (f"{alias}-v1-000002", 3)


def test_a_ledger_of_the_single_index_layout_is_aged_by_document_then_migrated(store: Store) -> None:
    alias = store.name("alerts")
    specs = load_specs()
    setup(store, {k: s for k, s in specs.items() if k != "alerts"})
    store.request("PUT", f"/_index_template/{alias}", body=specs["alerts"].template_body(store))
    store.request("PUT", f"/{alias}-v1", body={})  # what `pantau setup` made before alerts rolled
    store.request("POST", "/_aliases", body={"actions": [{"add": {"index": f"{alias}-v1", "alias": alias}}]})
    old, recent = _alert("old", 400), _alert("recent", 3)
    ledger.save_many(store, [old, recent])
    recent.status = SENT
    ledger.save(store, recent, refresh=True)  # updated by id in the one index, as before
    assert store.count("alerts") == 2

    line = next(r for r in apply_retention(store) if r["kind"] == "alerts")
    assert line["layout"].startswith(f"earlier single-index layout ({alias}-v1)") and line["deleted"] == 1
    assert any(r["action"].startswith("migration needed: alerts now lives in rolling") for r in setup(store))

    result = migrate(store, "alerts", delete_old=True)
    assert result["to"] == f"{alias}-v1-000001" and result["documents"] == 1
    assert backing_indices(store, alias) == {f"{alias}-v1-000001": True}
    _roll(store, "alerts")
    recent.status = FAILED
    ledger.save(store, recent, refresh=True)
    assert _where(store, "alerts", recent.id) == [f"{alias}-v1-000001"]
    assert store.count("alerts") == 1
