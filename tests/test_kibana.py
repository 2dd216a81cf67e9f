"""Kibana saved objects: the NDJSON file is well formed, self-contained and names only mapped fields; its queries
and aggregations run on the real search node; `pantau kibana import` speaks Kibana's import API correctly.

No Kibana runs here, so the import client is tested against an HTTP server on 127.0.0.1 that implements the
documented contract of POST /api/saved_objects/_import (kbn-xsrf header, multipart `file` ending in .ndjson,
`overwrite` parameter, 200 {success, successCount, errors} or 401).
"""

from __future__ import annotations

import base64
import copy
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pantau.cli import main
from pantau.config import desk_address
from pantau.ops.kibana.fields import mapping_fields, referenced_fields
from pantau.ops.kibana.importer import import_objects
from pantau.ops.kibana.objects import (
    DESK_REPORT_PATH,
    DESK_URL_PLACEHOLDER,
    MIN_KIBANA_VERSION,
    KibanaError,
    dangling_references,
    default_ndjson,
    desk_links,
    load_objects,
    too_new,
    with_desk_url,
)
from pantau.ops.kibana.queries import dsl_fields, query_fields
from pantau.records import AlertRecord
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.store.templates import load_specs, setup
from tests.articles import article
from tests.conftest import make_settings
from tests.kibanasrv import KIBANA_8_8, FakeKibana

NDJSON = default_ndjson()
ROOT = Path(__file__).resolve().parent.parent
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


@pytest.fixture(scope="module")
def objects() -> list[dict[str, Any]]:
    return load_objects(NDJSON)


def by_id(objects: list[dict[str, Any]], obj_id: str) -> dict[str, Any]:
    return next(o for o in objects if o["id"] == obj_id)


def search_source(obj: dict[str, Any]) -> dict[str, Any]:
    return dict(json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"]))


def missing_fields(objs: list[dict[str, Any]] | Path) -> dict[str, set[str]]:
    """Fields the objects use that the mapping of their data view's kind does not have."""
    specs = load_specs()
    missing: dict[str, set[str]] = {}
    for title, names in referenced_fields(objs).items():
        kind = title.removeprefix("pantau-")
        assert kind in specs, f"data view {title!r} is not over a Pantau alias"
        unknown = names - mapping_fields(specs[kind].properties)
        if unknown:
            missing[title] = unknown
    return missing


# --- the file ---------------------------------------------------------------------------------------------------


def test_every_line_is_one_saved_object_with_8x_migration_versions() -> None:
    lines = [line for line in NDJSON.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 20
    seen = set()
    for number, line in enumerate(lines, start=1):
        obj = json.loads(line)
        assert {"type", "id", "attributes", "references"} <= set(obj), f"line {number}"
        assert obj["coreMigrationVersion"] == "8.8.0", f"line {number}"
        assert SEMVER.match(obj["typeMigrationVersion"]), f"line {number}"
        assert obj["id"].startswith("pantau-"), f"line {number}: ids are stable names, not random uuids"
        assert (obj["type"], obj["id"]) not in seen, f"line {number}: duplicate {obj['type']} {obj['id']}"
        seen.add((obj["type"], obj["id"]))
        # Nested state Kibana keeps as JSON strings must itself parse.
        attrs = obj["attributes"]
        for key in ("visState", "panelsJSON", "optionsJSON", "fieldAttrs", "fieldFormatMap", "uiStateJSON"):
            if key in attrs:
                json.loads(attrs[key])
        if "kibanaSavedObjectMeta" in attrs:
            json.loads(attrs["kibanaSavedObjectMeta"]["searchSourceJSON"])
    types = {t for t, _ in seen}
    assert types == {"index-pattern", "search", "visualization", "dashboard"}


def test_data_views_searches_and_dashboards_are_the_ones_staff_expect(objects: list[dict[str, Any]]) -> None:
    views = {
        o["id"]: (o["attributes"]["title"], o["attributes"].get("timeFieldName"))
        for o in objects
        if o["type"] == "index-pattern"
    }
    assert views == {
        "pantau-dv-articles": ("pantau-articles", "published_at"),
        "pantau-dv-articles-kerja": ("pantau-articles", None),  # the work list: no time field, no time window
        "pantau-dv-alerts": ("pantau-alerts", "created_at"),
    }

    searches = {o["attributes"]["title"]: o for o in objects if o["type"] == "search"}
    klar = searches["Laporan perlu klarifikasi"]["attributes"]
    assert klar["columns"][:5] == ["title", "outlet", "province", "flag_rules", "max_severity"]
    assert {"review.status", "max_confidence", "story_size", "url", "id"} <= set(klar["columns"])
    assert klar["sort"] == [["published_at", "desc"]]
    query = search_source(searches["Laporan perlu klarifikasi"])["query"]
    assert query["language"] == "kuery"
    assert "flag_count > 0" in query["query"] and "diklarifikasi" in query["query"] and "diabaikan" in query["query"]
    prov = searches["Liputan per provinsi"]["attributes"]
    assert prov["columns"] == ["title", "outlet", "province", "regency", "topics"]
    assert search_source(searches["Liputan per provinsi"])["query"]["query"] == "is_pilkada : true"

    failed = searches["Peringatan gagal terkirim"]["attributes"]
    assert "error" in failed["columns"] and search_source(searches["Peringatan gagal terkirim"])["query"]["query"] == (
        'status : "failed"'
    )

    dashboards = {o["attributes"]["title"]: o for o in objects if o["type"] == "dashboard"}
    assert set(dashboards) == {"Pantau — Liputan Pilkada", "Pantau — Laporan bermasalah", "Pantau — Peringatan"}
    panels = {
        title: {r["id"] for r in d["references"] if r["type"] != "index-pattern"} for title, d in dashboards.items()
    }
    assert {
        "pantau-vis-pangsa-pilkada-waktu",
        "pantau-vis-tokoh-lembaga",
        "pantau-vis-cerita-terbesar",
        "pantau-vis-provinsi-tabel",
        "pantau-vis-media-teratas",
        "pantau-vis-liputan-topik-waktu",
    } <= panels["Pantau — Liputan Pilkada"]
    assert {
        "pantau-search-perlu-klarifikasi",
        "pantau-search-perlu-dicek",
        "pantau-vis-tanda-keyakinan-keparahan",
        "pantau-vis-tanda-aturan-waktu",
        "pantau-vis-status-tinjauan",
    } <= panels["Pantau — Laporan bermasalah"]
    assert panels["Pantau — Peringatan"] == {
        "pantau-vis-peringatan-waktu",
        "pantau-vis-peringatan-kanal",
        "pantau-search-peringatan-gagal",
    }


def controls_of(dash: dict[str, Any]) -> dict[str, str]:
    group = dash["attributes"].get("controlGroupInput") or {}
    panels = json.loads(group.get("panelsJSON") or "{}")
    return {c["explicitInput"]["title"]: c["explicitInput"]["fieldName"] for c in panels.values()}


def test_the_work_list_links_the_article_and_the_desk_and_has_no_time_window(objects: list[dict[str, Any]]) -> None:
    for sid in ("pantau-search-perlu-klarifikasi", "pantau-search-perlu-dicek"):
        search = by_id(objects, sid)
        (ref,) = search["references"]
        view = by_id(objects, ref["id"])["attributes"]
        # Without a time field neither Discover's nor a dashboard's time range applies: old open cases stay listed.
        assert "timeFieldName" not in view, sid
        formats = json.loads(view["fieldFormatMap"])
        assert formats["url"]["id"] == "url" and "url" in search["attributes"]["columns"]
        assert formats["id"]["params"]["urlTemplate"] == DESK_URL_PLACEHOLDER + DESK_REPORT_PATH
        assert "id" in search["attributes"]["columns"]
    # The time-less view and the one with a time field have the same labels and links.
    same = ("fieldAttrs", "fieldFormatMap")
    assert [by_id(objects, "pantau-dv-articles")["attributes"][k] for k in same] == [
        by_id(objects, "pantau-dv-articles-kerja")["attributes"][k] for k in same
    ]
    assert set(desk_links(objects)) == {
        "pantau-dv-articles.id",
        "pantau-dv-articles-kerja.id",
        "pantau-dv-alerts.article_id",
    }


def test_desk_links_point_at_the_configured_desk(objects: list[dict[str, Any]]) -> None:
    moved = with_desk_url(objects, "https://meja.kpu.go.id/")
    assert set(desk_links(moved).values()) == {"https://meja.kpu.go.id/report/{{value}}"}
    assert set(desk_links(objects).values()) == {DESK_URL_PLACEHOLDER + DESK_REPORT_PATH}  # the input is untouched
    assert [o["id"] for o in moved] == [o["id"] for o in objects]
    with pytest.raises(KibanaError, match="desk URL"):
        with_desk_url(objects, "meja.kpu.go.id")


def test_coverage_and_report_dashboards_have_province_outlet_and_topic_controls(objects: list[dict[str, Any]]) -> None:
    for did in ("pantau-dash-liputan", "pantau-dash-laporan"):
        assert controls_of(by_id(objects, did)) == {"Provinsi": "province", "Media": "outlet", "Topik": "topics"}
    assert controls_of(by_id(objects, "pantau-dash-peringatan")) == {}


def test_every_reference_resolves_inside_the_file(objects: list[dict[str, Any]]) -> None:
    assert dangling_references(objects) == []
    for obj in objects:
        names = {r["name"] for r in obj["references"]}
        if obj["type"] in {"search", "visualization"}:
            assert search_source(obj)["indexRefName"] in names, obj["id"]
        if obj["type"] == "dashboard":
            panels = json.loads(obj["attributes"]["panelsJSON"])
            assert panels
            for panel in panels:
                assert f"{panel['panelIndex']}:{panel['panelRefName']}" in names, (obj["id"], panel)
            assert len({p["panelIndex"] for p in panels}) == len(panels)


def test_a_dangling_reference_is_reported(objects: list[dict[str, Any]]) -> None:
    broken = copy.deepcopy(objects)
    dash = by_id(broken, "pantau-dash-laporan")
    dash["references"][0]["id"] = "pantau-search-hilang"
    problems = dangling_references(broken)
    assert len(problems) == 1 and "pantau-search-hilang" in problems[0]
    with pytest.raises(KibanaError, match="pantau-search-hilang"):
        referenced_fields(broken)


def test_mapping_fields_lists_leaves_multi_fields_and_object_paths() -> None:
    specs = load_specs()
    articles = mapping_fields(specs["articles"].properties)
    assert {"title", "title.keyword", "title.exact", "review.status", "flags.rule", "regions.province"} <= articles
    assert "review" not in articles and "flags" not in articles
    assert "title.keyword" in mapping_fields(specs["alerts"].properties)


def test_every_field_the_objects_reference_exists_in_the_mapping() -> None:
    fields = referenced_fields(NDJSON)
    # The collector really looks into columns, sort, KQL, aggregations and data-view attributes:
    assert {"review.status", "flag_rules", "flag_count", "is_pilkada", "published_at", "regency", "topics"} <= fields[
        "pantau-articles"
    ]
    assert {"created_at", "status", "channel", "title.keyword"} <= fields["pantau-alerts"]
    assert missing_fields(NDJSON) == {}


def test_query_fields_reads_kql_and_ignores_values() -> None:
    assert query_fields('flag_count > 0 and not review.status : ("diklarifikasi" or "diabaikan")') == {
        "flag_count",
        "review.status",
    }
    assert query_fields('title : "a:b" or outlet:Tribun\\:x and word_count >= 3') == {"title", "outlet", "word_count"}
    assert query_fields("") == set()


def _break_column(objs: list[dict[str, Any]]) -> None:
    by_id(objs, "pantau-search-perlu-klarifikasi")["attributes"]["columns"].append("reviewer.status")


def _break_sort(objs: list[dict[str, Any]]) -> None:
    by_id(objs, "pantau-search-liputan-provinsi")["attributes"]["sort"] = [["publish_date", "desc"]]


def _set_query(obj: dict[str, Any], query: str, filters: list[Any] | None = None) -> None:
    source = search_source(obj)
    source["query"]["query"] = query
    if filters is not None:
        source["filter"] = filters
    obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"] = json.dumps(source)


def _break_kql(objs: list[dict[str, Any]]) -> None:
    _set_query(by_id(objs, "pantau-search-perlu-klarifikasi"), "flags_count > 0")


def _break_agg(objs: list[dict[str, Any]]) -> None:
    vis = by_id(objs, "pantau-vis-media-teratas")
    state = json.loads(vis["attributes"]["visState"])
    state["aggs"][1]["params"]["field"] = "media"
    vis["attributes"]["visState"] = json.dumps(state)


def _break_filter(objs: list[dict[str, Any]]) -> None:
    pill = {
        "meta": {"key": "provinsi", "type": "phrase", "negate": False, "params": {"query": "Aceh"}},
        "query": {"match_phrase": {"provinsi": "Aceh"}},
    }
    _set_query(by_id(objs, "pantau-vis-topik"), "", [pill])


def _break_dashboard_query(objs: list[dict[str, Any]]) -> None:
    # The dashboard query applies to the alerts panels too, and alerts have no is_pilkada field.
    _set_query(by_id(objs, "pantau-dash-peringatan"), "is_pilkada : true")


def _add_control(objs: list[dict[str, Any]], dash_id: str = "pantau-dash-liputan", field: str = "provinsi") -> None:
    dash = by_id(objs, dash_id)
    control = {"order": 0, "type": "optionsListControl", "explicitInput": {"fieldName": field, "title": "Uji"}}
    dash["attributes"]["controlGroupInput"] = {"panelsJSON": json.dumps({"c1": control})}
    dash["references"] = [r for r in dash["references"] if not r["name"].startswith("controlGroup_")]
    dash["references"].append(
        {"type": "index-pattern", "id": "pantau-dv-articles", "name": "controlGroup_c1:optionsListDataView"}
    )


def _add_topic_control_over_alerts(objs: list[dict[str, Any]]) -> None:
    # A control's selection filters every panel: alerts have no topics, so the alert panels would go empty.
    _add_control(objs, "pantau-dash-peringatan", "topics")


def _break_data_view(objs: list[dict[str, Any]]) -> None:
    by_id(objs, "pantau-dv-alerts")["attributes"]["timeFieldName"] = "timestamp"


def _lens(layer: str, source_field: str) -> dict[str, Any]:
    column = {"operationType": "terms", "sourceField": source_field, "isBucketed": True, "dataType": "string"}
    return {
        "title": "Lens uji",
        "visualizationType": "lnsXY",
        "state": {
            "query": {"query": "", "language": "kuery"},
            "filters": [],
            "datasourceStates": {
                "formBased": {
                    "layers": {
                        layer: {
                            "columns": {
                                "c1": column,
                                "c2": {"operationType": "count", "sourceField": "___records___", "isBucketed": False},
                            },
                            "columnOrder": ["c1", "c2"],
                        }
                    }
                }
            },
        },
    }


def _add_lens_object(objs: list[dict[str, Any]]) -> None:
    objs.append(
        {
            "type": "lens",
            "id": "pantau-lens-uji",
            "attributes": _lens("L1", "outlets"),
            "references": [
                {"type": "index-pattern", "id": "pantau-dv-articles", "name": "indexpattern-datasource-layer-L1"}
            ],
        }
    )


def _add_by_value_lens_panel(objs: list[dict[str, Any]]) -> None:
    dash = by_id(objs, "pantau-dash-liputan")
    panels = json.loads(dash["attributes"]["panelsJSON"])
    panels.append(
        {
            "type": "lens",
            "panelIndex": "p9",
            "gridData": {"x": 0, "y": 60, "w": 24, "h": 10, "i": "p9"},
            "embeddableConfig": {"attributes": _lens("L9", "kabupaten")},
        }
    )
    dash["attributes"]["panelsJSON"] = json.dumps(panels)
    dash["references"].append(
        {"type": "index-pattern", "id": "pantau-dv-articles", "name": "p9:indexpattern-datasource-layer-L9"}
    )


@pytest.mark.parametrize(
    ("breaker", "title", "field"),
    [
        (_break_column, "pantau-articles", "reviewer.status"),
        (_break_sort, "pantau-articles", "publish_date"),
        (_break_kql, "pantau-articles", "flags_count"),
        (_break_agg, "pantau-articles", "media"),
        (_break_filter, "pantau-articles", "provinsi"),
        (_break_dashboard_query, "pantau-alerts", "is_pilkada"),
        (_break_data_view, "pantau-alerts", "timestamp"),
        (_add_control, "pantau-articles", "provinsi"),
        (_add_topic_control_over_alerts, "pantau-alerts", "topics"),
        (_add_lens_object, "pantau-articles", "outlets"),
        (_add_by_value_lens_panel, "pantau-articles", "kabupaten"),
    ],
)
def test_a_field_the_mapping_lacks_is_caught(
    objects: list[dict[str, Any]], breaker: Any, title: str, field: str
) -> None:
    broken = copy.deepcopy(objects)
    breaker(broken)
    assert missing_fields(broken) == {title: {field}}


def test_content_whose_fields_cannot_be_checked_is_an_error_not_a_pass(objects: list[dict[str, Any]]) -> None:
    broken = copy.deepcopy(objects)
    vis = by_id(broken, "pantau-vis-topik")
    vis["attributes"]["visState"] = json.dumps({"title": "TSVB", "type": "metrics", "aggs": [], "params": {}})
    with pytest.raises(KibanaError, match="not checked"):
        referenced_fields(broken)
    broken = copy.deepcopy(objects)
    _set_query(by_id(broken, "pantau-vis-topik"), "", [{"meta": {}, "query": {"script": {"script": "1"}}}])
    with pytest.raises(KibanaError, match="script"):
        referenced_fields(broken)


def test_a_broken_line_is_reported_with_its_number(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ndjson"
    bad.write_text(NDJSON.read_text(encoding="utf-8").splitlines()[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(KibanaError, match=r"bad\.ndjson:2: not JSON"):
        load_objects(bad)


# --- the Kibana versions the file imports into ------------------------------------------------------------------


def readme_kibana_claims() -> list[str]:
    """The lowest Kibana version each README names for the objects ("Kibana 8.8+", "Kibana 8.8 or newer")."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Kibana\n", 1)[1].split("\n## ", 1)[0]
    infra = (ROOT / "infra" / "kibana" / "README.md").read_text(encoding="utf-8")
    claims = re.findall(r"Kibana (\d+\.\d+)(?:\+| or newer)", section + "\n" + infra)
    assert claims, "README's Kibana section must say which Kibana versions the objects import into"
    return claims


def test_readmes_name_the_oldest_kibana_the_objects_are_checked_against() -> None:
    oldest = ".".join(MIN_KIBANA_VERSION.split(".")[:2])
    assert set(readme_kibana_claims()) == {oldest}


def test_no_object_is_newer_than_the_oldest_kibana_readme_names(objects: list[dict[str, Any]]) -> None:
    assert too_new(objects) == []
    (claim,) = set(readme_kibana_claims())
    assert too_new(objects, f"{claim}.0") == []
    # The check bites on each kind of version an export can carry.
    bumped = copy.deepcopy(objects)
    by_id(bumped, "pantau-dash-laporan")["typeMigrationVersion"] = "8.9.0"
    by_id(bumped, "pantau-vis-topik")["typeMigrationVersion"] = "10.2.0"  # model versions (Kibana 8.10+)
    by_id(bumped, "pantau-dv-alerts")["coreMigrationVersion"] = "8.19.0"
    bumped.append({"type": "search", "id": "lama", "attributes": {}, "migrationVersion": {"search": "8.9.0"}})
    problems = "\n".join(too_new(bumped))
    assert len(problems.splitlines()) == 4
    assert "dashboard pantau-dash-laporan ('Pantau — Laporan bermasalah'): typeMigrationVersion 8.9.0" in problems
    assert "visualization pantau-vis-topik ('Sebaran topik'): typeMigrationVersion 10.2.0" in problems
    assert "coreMigrationVersion 8.19.0" in problems and "migrationVersion.search 8.9.0" in problems


def test_the_file_imports_into_kibana_8_8_and_a_newer_export_does_not(tmp_path: Path) -> None:
    server = FakeKibana(auth=None, last_known=KIBANA_8_8)
    try:
        result = import_objects(server.url, NDJSON)
        assert result["success"] and result["successCount"] == len(load_objects(NDJSON))
        # What the file was before: dashboards exported from Kibana 8.9 carry typeMigrationVersion 8.9.0.
        newer = tmp_path / "dari-8.9.ndjson"
        lines = [json.loads(x) for x in NDJSON.read_text(encoding="utf-8").splitlines() if x.strip()]
        for obj in lines:
            if obj["type"] == "dashboard":
                obj["typeMigrationVersion"] = "8.9.0"
        newer.write_text("".join(json.dumps(o) + "\n" for o in lines), encoding="utf-8")
        with pytest.raises(KibanaError, match=r"HTTP 400.*more recent version of Kibana \[8\.9\.0\].*\[8\.7\.0\]"):
            import_objects(server.url, newer)
    finally:
        server.close()


# --- the queries and aggregations on the real search node -------------------------------------------------------

# The KQL in the file, written out as query DSL. Every query string in the file must be here, so a changed query
# without a matching translation fails below instead of going unchecked.
KQL_AS_DSL: dict[str, dict[str, Any]] = {
    "": {"match_all": {}},
    "is_pilkada : true": {"term": {"is_pilkada": True}},
    "flag_count > 0": {"range": {"flag_count": {"gt": 0}}},
    'flag_count > 0 and not review.status : ("diklarifikasi" or "diabaikan")': {
        "bool": {
            "filter": [{"range": {"flag_count": {"gt": 0}}}],
            "must_not": [{"terms": {"review.status": ["diklarifikasi", "diabaikan"]}}],
        }
    },
    "not is_pilkada : true": {"bool": {"must_not": [{"term": {"is_pilkada": True}}]}},
    "story_size > 1": {"range": {"story_size": {"gt": 1}}},
    'status : "failed"': {"term": {"status": "failed"}},
    'flag_count > 0 and max_confidence < 0.7 and not review.status : ("diklarifikasi" or "diabaikan")': {
        "bool": {
            "filter": [{"range": {"flag_count": {"gt": 0}}}, {"range": {"max_confidence": {"lt": 0.7}}}],
            "must_not": [{"terms": {"review.status": ["diklarifikasi", "diabaikan"]}}],
        }
    },
}


def _flag(rule: str, severity: str = "high") -> dict[str, Any]:
    return {"rule": rule, "severity": severity, "evidence": "pemungutan suara 4 Desember", "fact": "27 November 2024"}


def flagged(n: int, rule: str, status: str | None, **extra: Any) -> dict[str, Any]:
    doc = article(n, flags=[_flag(rule)], flag_rules=[rule], flag_count=1, max_severity="high", **extra)
    if status:
        doc["review"] = {"status": status, "updated_by": "humas"}
    return doc


def seed_articles() -> list[dict[str, Any]]:
    kpu = {"type": "election_body", "name": "KPU Provinsi Sumatera Selatan", "role": "province", "body": "KPU"}
    pair = {"type": "candidate_pair", "name": "Pasangan Uji 1"}
    return [
        article(1, entities=[kpu, pair], story_id="s1", story_size=2),
        article(
            2,
            outlet="Pikiran Rakyat",
            province=["Jawa Barat"],
            regency=["Kota Bandung"],
            topics=["campaign"],
            entities=[{"type": "official", "name": "Pejabat Uji"}],
            story_id="s1",
            story_size=2,
        ),
        article(3, is_pilkada=False, topics=[]),
        flagged(4, "voting_date", None, max_confidence=0.95, story_id="s4", story_size=2),
        flagged(5, "voting_date", "baru", max_confidence=0.8, story_id="s4", story_size=2),
        flagged(6, "postponement", "ditinjau", province=["Jawa Barat"]),
        flagged(7, "known_hoax", "diklarifikasi"),
        flagged(8, "voting_date", "diabaikan"),
        flagged(9, "candidate_pair", "baru", max_confidence=0.65),  # perlu dicek: below the alert threshold
    ]


def seed_alerts() -> list[dict[str, Any]]:
    records = [
        AlertRecord(
            id=f"a{i}",
            trigger="flag",
            channel=channel,
            status=status,
            created_at=f"2024-11-2{i}T10:00:00+07:00",
            rule="voting_date",
            severity="high",
            article_id=f"x{i}",
            attempts=3 if status == "failed" else 1,
            error="HTTP 502 dari Telegram" if status == "failed" else None,
            title=f"Laporan {i}",
            channel_kind=channel.split("-")[0],
        )
        for i, (channel, status) in enumerate(
            [("telegram-humas", "sent"), ("telegram-humas", "failed"), ("email-piket", "sent")], start=1
        )
    ]
    return [{k: v for k, v in r.to_dict().items() if v is not None} for r in records]


@pytest.fixture
def seeded(store: Store) -> Store:
    setup(store)
    for kind, docs in (("articles", seed_articles()), ("alerts", seed_alerts())):
        result = index_documents(store, kind, docs)
        assert result.indexed == len(docs) and not result.dead_letters
        store.refresh(kind)
    return store


def kind_of(objs: list[dict[str, Any]], obj: dict[str, Any]) -> str:
    ref = next(r for r in obj["references"] if r["type"] == "index-pattern")
    return str(by_id(objs, ref["id"])["attributes"]["title"]).removeprefix("pantau-")


def test_every_query_in_the_file_has_a_dsl_translation(objects: list[dict[str, Any]]) -> None:
    queries = {search_source(o)["query"]["query"] for o in objects if "kibanaSavedObjectMeta" in o["attributes"]}
    assert queries <= set(KQL_AS_DSL), queries - set(KQL_AS_DSL)
    for kql, dsl in KQL_AS_DSL.items():
        assert dsl_fields(dsl) == query_fields(kql), kql


def run_search(store: Store, kind: str, body: dict[str, Any]) -> dict[str, Any]:
    return store.search(kind, body)


def test_saved_searches_select_the_right_articles_on_the_real_node(
    seeded: Store, objects: list[dict[str, Any]]
) -> None:
    expected = {
        "Laporan perlu klarifikasi": {
            f"https://palembang.tribunnews.com/2024/11/{n + 1:02d}/pilkada-sumsel-berita-{n}" for n in (4, 5, 6, 9)
        },
        "Perlu dicek (di bawah ambang peringatan)": {
            f"https://palembang.tribunnews.com/2024/11/{n + 1:02d}/pilkada-sumsel-berita-{n}" for n in (9,)
        },
        "Liputan per provinsi": {
            f"https://palembang.tribunnews.com/2024/11/{n + 1:02d}/pilkada-sumsel-berita-{n}"
            for n in (1, 2, 4, 5, 6, 7, 8, 9)
        },
        "Peringatan gagal terkirim": {"Laporan 2"},
    }
    for obj in (o for o in objects if o["type"] == "search"):
        attrs = obj["attributes"]
        body = {
            "size": 50,
            "query": KQL_AS_DSL[search_source(obj)["query"]["query"]],
            "sort": [{field: {"order": order}} for field, order in attrs["sort"]],
            "_source": attrs["columns"] + ["url", "title"],
        }
        kind = kind_of(objects, obj)
        hits = run_search(seeded, kind, body)["hits"]["hits"]
        key = "url" if kind == "articles" else "title"
        assert {h["_source"][key] for h in hits} == expected[attrs["title"]], attrs["title"]
        # Every column has a value in the documents it lists (nested paths such as review.status included).
        for column in attrs["columns"]:
            head, _, tail = column.partition(".")
            values = [h["_source"].get(head) for h in hits]
            if tail:
                values = [(v or {}).get(tail) for v in values]
            assert any(values), f"{attrs['title']}: column {column} is empty in every hit"


def vis_aggs(state: dict[str, Any]) -> dict[str, Any]:
    """The legacy visState aggregations as query-DSL aggregations (buckets nested in order; count is doc_count)."""
    buckets = [a for a in state["aggs"] if a["schema"] != "metric"]
    # Table rows ("bucket") nest in their order; charts nest x-axis, then series, then split charts.
    buckets.sort(key=lambda a: {"bucket": 0, "segment": 0, "group": 1, "split": 2}[a["schema"]])
    aggs: dict[str, Any] = {}
    for agg in reversed(buckets):
        p = agg["params"]
        if agg["type"] == "filters":
            named = {f["label"]: KQL_AS_DSL[f["input"]["query"]] for f in p["filters"]}
            body = {"filters": {"filters": named}}
        elif agg["type"] == "range":
            body = {"range": {"field": p["field"], "ranges": p["ranges"]}}
        elif agg["type"] == "date_histogram":
            body: dict[str, Any] = {
                "date_histogram": {"field": p["field"], "calendar_interval": "1d", "min_doc_count": p["min_doc_count"]}
            }
        elif agg["type"] == "terms":
            body = {"terms": {"field": p["field"], "size": p["size"], "order": {"_count": p["order"]}}}
            if p.get("missingBucket"):
                body["terms"]["missing"] = p["missingBucketLabel"]
        else:
            raise AssertionError(f"aggregation {agg['type']} not translated")
        if aggs:
            body["aggs"] = aggs
        aggs = {agg["id"]: body}
    return aggs


def bucket_keys(result: dict[str, Any], agg_id: str) -> set[str]:
    """Keys of the non-empty buckets of aggregation `agg_id`, at any depth (filters buckets are keyed by label)."""
    keys: set[str] = set()

    def walk(node: dict[str, Any]) -> None:
        for key, value in node.items():
            if not isinstance(value, dict) or "buckets" not in value:
                continue
            buckets = value["buckets"]
            named = buckets.items() if isinstance(buckets, dict) else ((None, b) for b in buckets)
            for name, bucket in named:
                if key == agg_id and bucket["doc_count"]:
                    keys.add(name or str(bucket.get("key_as_string", bucket["key"])))
                walk(bucket)

    walk(result.get("aggregations") or {})
    return keys


def test_visualization_aggregations_run_and_find_buckets_on_the_real_node(
    seeded: Store, objects: list[dict[str, Any]]
) -> None:
    expected = {
        "pantau-vis-liputan-provinsi-waktu": ("3", {"Sumatera Selatan", "Jawa Barat"}),
        "pantau-vis-liputan-topik-waktu": ("3", {"recapitulation", "campaign"}),
        "pantau-vis-media-teratas": ("2", {"Tribun Sumsel", "Pikiran Rakyat"}),
        "pantau-vis-topik": ("2", {"recapitulation", "campaign"}),
        "pantau-vis-tanda-aturan-waktu": ("3", {"voting_date", "postponement", "known_hoax", "candidate_pair"}),
        "pantau-vis-status-tinjauan": ("2", {"belum ditinjau", "baru", "ditinjau", "diklarifikasi", "diabaikan"}),
        "pantau-vis-peringatan-waktu": ("3", {"sent", "failed"}),
        "pantau-vis-peringatan-kanal": ("2", {"telegram-humas", "email-piket"}),
        "pantau-vis-pangsa-pilkada-waktu": ("3", {"Pilkada", "Lainnya"}),
        "pantau-vis-tokoh-lembaga": ("3", {"KPU Provinsi Sumatera Selatan", "Pasangan Uji 1", "Pejabat Uji"}),
        "pantau-vis-cerita-terbesar": ("2", {"s1", "s4"}),
        "pantau-vis-tanda-keyakinan-keparahan": ("2", {"0.5-0.7", "0.7-0.9", "0.9-*"}),
        "pantau-vis-provinsi-tabel": ("2", {"Sumatera Selatan", "Jawa Barat"}),
    }
    visualizations = [o for o in objects if o["type"] == "visualization"]
    assert {o["id"] for o in visualizations} == set(expected)
    for obj in visualizations:
        state = json.loads(obj["attributes"]["visState"])
        body = {
            "size": 0,
            "query": KQL_AS_DSL[search_source(obj)["query"]["query"]],
            "aggs": vis_aggs(state),
        }
        result = run_search(seeded, kind_of(objects, obj), body)
        agg_id, keys = expected[obj["id"]]
        assert bucket_keys(result, agg_id) == keys, obj["id"]


def test_dashboard_query_runs_on_every_panel_data_view(seeded: Store, objects: list[dict[str, Any]]) -> None:
    for dash in (o for o in objects if o["type"] == "dashboard"):
        query = KQL_AS_DSL[search_source(dash)["query"]["query"]]
        kinds = {kind_of(objects, by_id(objects, r["id"])) for r in dash["references"] if r["type"] != "index-pattern"}
        for kind in kinds:
            hits = run_search(seeded, kind, {"size": 0, "query": query, "track_total_hits": True})["hits"]
            assert hits["total"]["value"] > 0, (dash["id"], kind)


# --- the import client against a server that follows Kibana's import contract ----------------------------------


@pytest.fixture
def kibana() -> Iterator[FakeKibana]:
    server = FakeKibana(auth="Basic " + base64.b64encode(b"pantau:rahasia").decode())
    yield server
    server.close()


def test_import_sends_a_well_formed_request_and_reports_the_count(kibana: FakeKibana) -> None:
    result = import_objects(kibana.url, NDJSON, user="pantau", password="rahasia")
    lines = [json.loads(x) for x in NDJSON.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert result["success"] is True
    assert result["successCount"] == len(lines) == result["objects"]
    assert result["problems"] == []
    (request,) = kibana.requests
    assert request["params"] == {"overwrite": ["true"]}
    assert request["filename"] == "pantau.ndjson"
    assert request["space"] is None
    assert request["objects"] == lines  # the file arrives byte for byte


def test_import_into_a_space_with_an_api_key() -> None:
    server = FakeKibana(auth="ApiKey a2V5OnNlY3JldA==")
    try:
        result = import_objects(server.url + "/", NDJSON, api_key="a2V5OnNlY3JldA==", space="humas-kpu")
    finally:
        server.close()
    assert result["success"] and result["url"] == f"{server.url}/s/humas-kpu/api/saved_objects/_import"
    assert server.requests[0]["space"] == "humas-kpu"


def test_wrong_credentials_are_a_clear_401_error(kibana: FakeKibana) -> None:
    with pytest.raises(KibanaError, match=r"refused the credentials \(HTTP 401\).*PANTAU_KIBANA_USER"):
        import_objects(kibana.url, NDJSON, user="pantau", password="salah")
    with pytest.raises(KibanaError, match="HTTP 401"):
        import_objects(kibana.url, NDJSON)
    assert kibana.requests == []


def test_connection_refused_is_a_clear_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(KibanaError, match=f"cannot connect to Kibana at http://127.0.0.1:{port}.*running"):
        import_objects(f"http://127.0.0.1:{port}", NDJSON)


def test_per_object_errors_are_reported_per_object(kibana: FakeKibana, tmp_path: Path) -> None:
    # Only the dashboards and one visualization: their data views and searches are missing in Kibana.
    lines = NDJSON.read_text(encoding="utf-8").splitlines()
    subset = [x for x in lines if '"type":"dashboard"' in x or '"id":"pantau-vis-topik"' in x]
    part = tmp_path / "sebagian.ndjson"
    part.write_text("\n".join(subset) + "\n", encoding="utf-8")
    result = import_objects(kibana.url, part, user="pantau", password="rahasia")
    assert result["success"] is False
    assert result["successCount"] == 0
    problems = "\n".join(result["problems"])
    assert "visualization pantau-vis-topik ('Sebaran topik'): missing references: index-pattern pantau-dv-articles" in (
        problems
    )
    assert "dashboard pantau-dash-laporan ('Pantau — Laporan bermasalah'): missing references:" in problems
    assert "search pantau-search-perlu-klarifikasi" in problems


def test_without_overwrite_existing_objects_are_conflicts(tmp_path: Path) -> None:
    server = FakeKibana(auth=None, existing={("index-pattern", "pantau-dv-articles")})
    try:
        result = import_objects(server.url, NDJSON, overwrite=False)
    finally:
        server.close()
    assert server.requests[0]["params"] == {"overwrite": ["false"]}
    assert result["problems"] == [
        "index-pattern pantau-dv-articles ('pantau-articles'): conflict with an existing object (import with overwrite)"
    ]


def test_bad_input_is_refused_before_anything_is_sent(kibana: FakeKibana, tmp_path: Path) -> None:
    wrong = tmp_path / "pantau.json"
    wrong.write_text(NDJSON.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(KibanaError, match=r"only imports files ending in \.ndjson"):
        import_objects(kibana.url, wrong)
    broken = tmp_path / "rusak.ndjson"
    broken.write_text('{"type":"search"\n', encoding="utf-8")
    with pytest.raises(KibanaError, match=r"rusak\.ndjson:1: not JSON"):
        import_objects(kibana.url, broken)
    with pytest.raises(KibanaError, match="space id"):
        import_objects(kibana.url, NDJSON, space="Humas KPU")
    with pytest.raises(KibanaError, match="not both"):
        import_objects(kibana.url, NDJSON, user="a", password="b", api_key="c")
    with pytest.raises(KibanaError, match="must look like"):
        import_objects("kibana:5601", NDJSON)
    assert kibana.requests == []


def test_cli_imports_with_credentials_from_the_environment(
    kibana: FakeKibana, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PANTAU_KIBANA_URL", kibana.url)
    monkeypatch.setenv("PANTAU_KIBANA_USER", "pantau")
    monkeypatch.setenv("PANTAU_KIBANA_PASSWORD", "rahasia")
    assert main.main(["kibana", "import"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["success"] is True and out["successCount"] == len(kibana.requests[0]["objects"])

    monkeypatch.setenv("PANTAU_KIBANA_PASSWORD", "salah")
    assert main.main(["kibana", "import"]) == 1
    assert "HTTP 401" in capsys.readouterr().err


def test_cli_reports_failed_objects_and_exits_non_zero(
    kibana: FakeKibana, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("PANTAU_KIBANA_URL", "PANTAU_KIBANA_USER", "PANTAU_KIBANA_PASSWORD", "PANTAU_KIBANA_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    part = tmp_path / "vis.ndjson"
    part.write_text(next(x for x in NDJSON.read_text(encoding="utf-8").splitlines() if "pantau-vis-topik" in x))
    code = main.main(
        ["kibana", "import", "--url", kibana.url, "--user", "pantau", "--password", "rahasia", "--file", str(part)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "imported 0 of 1 objects" in err and "missing references: index-pattern pantau-dv-articles" in err
    assert main.main(["kibana", "import"]) == 2
    assert "PANTAU_KIBANA_URL" in capsys.readouterr().err


def test_import_points_the_clarification_links_at_the_desk(kibana: FakeKibana) -> None:
    result = import_objects(kibana.url, NDJSON, user="pantau", password="rahasia", desk_url="https://meja.kpu.go.id/")
    assert result["success"] and result["successCount"] == result["objects"]
    sent = kibana.requests[0]["objects"]
    assert set(desk_links(sent).values()) == {"https://meja.kpu.go.id/report/{{value}}"}
    # Nothing else changes: same objects, same attributes apart from the data views' URL formats.
    assert [(o["type"], o["id"]) for o in sent] == [(o["type"], o["id"]) for o in load_objects(NDJSON)]
    for before, after in zip(load_objects(NDJSON), sent, strict=True):
        if before["type"] != "index-pattern":
            assert before == after


def test_cli_takes_the_desk_url_from_pantau_desk_url(
    kibana: FakeKibana, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PANTAU_KIBANA_URL", kibana.url)
    monkeypatch.setenv("PANTAU_KIBANA_USER", "pantau")
    monkeypatch.setenv("PANTAU_KIBANA_PASSWORD", "rahasia")
    monkeypatch.setenv("PANTAU_DESK_URL", "https://meja.kpu.go.id")
    assert main.main(["kibana", "import"]) == 0
    assert set(desk_links(kibana.requests[-1]["objects"]).values()) == {"https://meja.kpu.go.id/report/{{value}}"}
    assert main.main(["kibana", "import", "--desk-url", "http://10.0.0.7:8080"]) == 0
    assert set(desk_links(kibana.requests[-1]["objects"]).values()) == {"http://10.0.0.7:8080/report/{{value}}"}
    capsys.readouterr()


def test_the_desk_links_default_to_where_the_desk_serves(
    kibana: FakeKibana, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # one default: the file carries the address `pantau desk` serves on with defaults.toml's [desk] host and port
    defaults = make_settings().desk
    assert DESK_URL_PLACEHOLDER == defaults.served_url == f"http://{defaults.host}:{defaults.port}"
    assert defaults.link_url == defaults.served_url  # no PANTAU_DESK_URL
    assert set(desk_links(load_objects(NDJSON)).values()) == {defaults.served_url + DESK_REPORT_PATH}
    monkeypatch.setenv("PANTAU_KIBANA_URL", kibana.url)
    monkeypatch.setenv("PANTAU_KIBANA_USER", "pantau")
    monkeypatch.setenv("PANTAU_KIBANA_PASSWORD", "rahasia")
    monkeypatch.delenv("PANTAU_DESK_URL", raising=False)
    monkeypatch.setenv("PANTAU_DESK_PORT", "9123")  # a desk served elsewhere, without a public URL
    assert main.main(["kibana", "import"]) == 0
    assert set(desk_links(kibana.requests[-1]["objects"]).values()) == {"http://127.0.0.1:9123/report/{{value}}"}
    assert desk_address("0.0.0.0", 8765) == "http://127.0.0.1:8765"
    assert desk_address("::", 8765) == "http://[::1]:8765"
    capsys.readouterr()
