"""Least privilege: the identity `pantau info` reports (on the real embedded node, which has no security), and the
pantau_writer role body (pantau/data/security/pantau_writer_role.json) checked structurally against the privilege
names Elasticsearch documents and against every name Pantau creates. Elasticsearch security itself cannot run here
(no Elasticsearch on this machine): the role is never applied to a live cluster in these tests."""

from __future__ import annotations

import argparse
import fnmatch
import io
import json
from contextlib import redirect_stdout
from typing import Any

import pytest

from pantau.errors import ConfigError, PantauError
from pantau.store import security
from pantau.store.client import Store
from pantau.store.templates import load_specs, setup


def test_identity_on_the_embedded_node_says_no_security(store: Store) -> None:
    assert store.flavour == "opensearch"
    found = security.identity(store)
    assert found.security is False
    assert found.user == "" and found.roles == ()
    assert found.note.startswith("no security")


def test_pantau_info_shows_the_identity(store: Store) -> None:
    from pantau.cli.main import cmd_info

    setup(store)
    out = io.StringIO()
    with redirect_stdout(out):
        assert cmd_info(argparse.Namespace(), store.settings) == 0
    info = json.loads(out.getvalue())
    assert info["identity"] == {
        "security": False,
        "user": "",
        "roles": [],
        "realm": "",
        "note": security.NO_SECURITY,
    }
    assert info["aliases"][store.name("articles")], info


def test_apply_refuses_an_engine_it_cannot_manage(store: Store) -> None:
    with pytest.raises(PantauError, match="OpenSearch"):
        security.apply_security(store, "a-long-password")


def _names_pantau_creates(prefix: str) -> list[str]:
    """Every index, alias and template name of every kind, for a prefix (what setup and migrate touch)."""

    class _Named:
        def __init__(self, prefix: str) -> None:
            self.prefix = prefix

        def name(self, kind: str) -> str:
            return f"{self.prefix}-{kind}"

    named: Any = _Named(prefix)
    names = []
    for spec in load_specs().values():
        names += [named.name(spec.kind), spec.index_name(named), spec.index_name(named, spec.version + 1)]
        names += spec.template_body(named)["index_patterns"]
    return names


@pytest.mark.parametrize("prefix", ["pantau", "pantau-demo", "kpu_2024"])
def test_writer_role_covers_exactly_the_prefix(prefix: str) -> None:
    body = security.writer_role(prefix)
    patterns = [name for entry in body["indices"] for name in entry["names"]]
    assert patterns == [f"{prefix}-*"]
    for name in _names_pantau_creates(prefix):
        assert any(fnmatch.fnmatchcase(name, p) for p in patterns), name
    for other in (".security-7", "kibana_sample_data_logs", f"{prefix}x-articles", f"other-{prefix}-articles"):
        assert not any(fnmatch.fnmatchcase(other, p) for p in patterns), other
    assert all(entry["allow_restricted_indices"] is False for entry in body["indices"])


def test_writer_role_uses_documented_privileges_with_a_reason_each() -> None:
    spec = security.writer_spec()
    body = security.writer_role("pantau")
    known = security.documented_privileges()
    assert set(body) <= known["role_keys"]
    assert set(body["cluster"]) <= known["cluster"]
    granted = {f"cluster:{p}" for p in body["cluster"]}
    for entry in body["indices"]:
        assert set(entry) <= known["index_entry_keys"]
        assert set(entry["privileges"]) <= known["indices"]
        granted |= {f"indices:{p}" for p in entry["privileges"]}
    assert granted == set(spec["why"]), "every privilege has its reason, and no reason names a missing privilege"
    # nothing that reaches beyond Pantau's own indices
    assert not {"all", "manage", "manage_security", "manage_api_key"} & set(body["cluster"])
    assert not {"all"} & {p for e in body["indices"] for p in e["privileges"]}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b["cluster"].append("superuser"), "unknown cluster privilege 'superuser'"),
        (lambda b: b["indices"][0]["privileges"].append("crud"), "unknown index privilege 'crud'"),
        (lambda b: b.update(index=[]), "unknown role key 'index'"),
        (lambda b: b["indices"][0].update(name=["x"]), "unknown index entry key 'name'"),
        (lambda b: b["indices"][0].update(names=[]), "needs names and privileges"),
    ],
)
def test_validation_refuses_what_elasticsearch_does_not_document(change: Any, message: str) -> None:
    body = security.writer_role("pantau")
    change(body)
    with pytest.raises(ConfigError, match=message):
        security.validate_role(body)


def test_security_role_command_prints_the_body(capsys: pytest.CaptureFixture[str]) -> None:
    from pantau.cli.main import main

    assert main(["security", "role"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["indices"][0]["privileges"] == ["read", "write", "manage"]
