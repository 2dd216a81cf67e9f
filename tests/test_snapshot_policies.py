"""The daily snapshot policies in mappings/snapshots/, checked against each engine's documented request body.

No Elasticsearch runs here and the embedded OpenSearch has no snapshot-management plugin, so both bodies are
validated structurally: Elasticsearch's "Create or update snapshot lifecycle policy API"
(https://elastic.co/guide/en/elasticsearch/reference/8.x/slm-api-put-policy.html) and OpenSearch's snapshot
management API (https://opensearch.org/docs/latest/tuning-your-cluster/availability-and-recovery/snapshots/sm-api/).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from pantau.errors import ConfigError
from pantau.store.snapshots import load_policy, policy_body

# Elasticsearch SLM: documented top-level fields (required ones marked) and the properties of config / retention.
SLM_FIELDS = {"config", "name", "repository", "retention", "schedule"}
SLM_REQUIRED = {"config", "name", "repository", "schedule"}
SLM_CONFIG = {"expand_wildcards", "ignore_unavailable", "include_global_state", "indices", "feature_states", "metadata",
              "partial"}  # fmt: skip
SLM_RETENTION = {"expire_after", "max_count", "min_count"}
# OpenSearch SM.
SM_FIELDS = {"description", "enabled", "snapshot_config", "creation", "deletion", "notification"}
SM_REQUIRED = {"snapshot_config", "creation"}
SM_SNAPSHOT_CONFIG = {"date_format", "date_format_timezone", "timezone", "indices", "repository",
                      "ignore_unavailable", "include_global_state", "partial", "metadata"}  # fmt: skip
SM_CONDITION = {"max_age", "max_count", "min_count"}


def _days(text: str) -> float:
    match = re.fullmatch(r"(\d+)([dh])", text)
    assert match, text
    n, unit = int(match.group(1)), match.group(2)
    return (timedelta(days=n) if unit == "d" else timedelta(hours=n)).total_seconds() / 86400


def _body(flavour: str) -> dict[str, Any]:
    return policy_body(load_policy(flavour), flavour, "pantau-backups", "pantau-*")


def test_slm_policy_has_only_documented_fields_and_keeps_30_days_of_daily_snapshots() -> None:
    body = _body("elasticsearch")
    assert SLM_REQUIRED <= set(body) <= SLM_FIELDS
    assert set(body["config"]) <= SLM_CONFIG and set(body["retention"]) <= SLM_RETENTION
    assert body["repository"] == "pantau-backups"
    assert body["config"]["indices"] == ["pantau-*"] and body["config"]["include_global_state"] is False
    # Elasticsearch cron: seconds minutes hours day-of-month month day-of-week [year]; daily = one fixed time.
    fields = body["schedule"].split()
    assert len(fields) in (6, 7)
    assert all(f.isdigit() for f in fields[:3]) and fields[3:6] in (["*", "*", "?"], ["?", "*", "*"])
    assert re.fullmatch(r"<[a-z0-9-]+\{now/d\}>", body["name"])  # date math: one name per day
    assert _days(body["retention"]["expire_after"]) == 30
    assert 1 <= body["retention"]["min_count"] <= body["retention"]["max_count"]


def test_sm_policy_has_only_documented_fields_and_keeps_30_days_of_daily_snapshots() -> None:
    body = _body("opensearch")
    assert SM_REQUIRED <= set(body) <= SM_FIELDS
    config = body["snapshot_config"]
    assert set(config) <= SM_SNAPSHOT_CONFIG
    assert config["repository"] == "pantau-backups" and config["indices"] == "pantau-*"
    for part in ("creation", "deletion"):
        cron = body[part]["schedule"]["cron"]
        minute, hour, *rest = cron["expression"].split()
        assert minute.isdigit() and hour.isdigit() and rest == ["*", "*", "*"], part  # once a day
        assert cron["timezone"] == "Asia/Jakarta"
    condition = body["deletion"]["condition"]
    assert set(condition) <= SM_CONDITION
    assert _days(condition["max_age"]) == 30
    assert 1 <= condition["min_count"] <= condition["max_count"]


def test_a_broken_policy_file_is_a_clear_error(tmp_path) -> None:
    (tmp_path / "slm.json").write_text('{"policy_id": "x"}')
    with pytest.raises(ConfigError, match="not a valid snapshot policy file"):
        load_policy("elasticsearch", tmp_path)
