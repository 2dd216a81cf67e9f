"""The typed records: every field of the articles and alerts mappings is a record field and vice versa, with a
compatible type; `from_dict` rejects unknown keys and reads nested records; the JSON forms round-trip."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest

from pantau.records import (
    AlertRecord,
    Entity,
    Flag,
    IndexedArticle,
    ProcessedArticle,
    RawArticle,
    Record,
    RecordError,
    Region,
    Review,
    ReviewAnswer,
    ReviewDrafts,
    ReviewLetter,
)
from pantau.store.templates import load_specs

# mapping type -> the Python types a record field of that mapping may hold
SCALARS: dict[str, set[type]] = {
    "keyword": {str},
    "text": {str},
    "date": {str},
    "integer": {int},
    "float": {float},
    "boolean": {bool},
    "binary": {str},  # base64
}
NESTED = {
    "regions": Region,
    "entities": Entity,
    "flags": Flag,
    "review": Review,
    "drafts": ReviewDrafts,
    "letter": ReviewLetter,
    "answer": ReviewAnswer,
}


def _shape(hint: Any) -> tuple[set[type], bool]:
    """(the non-None types a field admits, whether it is a list) for a field's type hint."""
    is_list = get_origin(hint) is list
    if is_list:
        hint = get_args(hint)[0]
    args = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    return {a for a in args if a is not type(None)}, is_list


def _name(hint: Any) -> str:
    return hint.__name__ if isinstance(hint, type) else str(hint)


def _compare(record: type[Record], properties: dict[str, Any], where: str) -> list[str]:
    problems: list[str] = []
    hints = get_type_hints(record)
    names = set(record.field_names())
    problems += [f"{where}.{n}: mapped but not a field of {record.__name__}" for n in sorted(set(properties) - names)]
    problems += [f"{where}.{n}: field of {record.__name__} but not mapped" for n in sorted(names - set(properties))]
    for name in sorted(names & set(properties)):
        spec = properties[name]
        admits, _is_list = _shape(hints[name])
        if "properties" in spec:  # an object field: one record, or a list of them
            nested = NESTED.get(name)
            if nested is None or admits != {nested}:
                problems.append(f"{where}.{name}: an object in the mapping, {_name(hints[name])} in the record")
                continue
            problems += _compare(nested, spec["properties"], f"{where}.{name}")
        elif not admits <= SCALARS[spec["type"]]:
            problems.append(f"{where}.{name}: {spec['type']} in the mapping, {_name(hints[name])} in the record")
    return problems


def test_indexed_article_and_articles_mapping_agree_field_by_field() -> None:
    assert _compare(IndexedArticle, load_specs()["articles"].properties, "articles") == []


def test_alert_record_and_alerts_mapping_agree_field_by_field() -> None:
    assert _compare(AlertRecord, load_specs()["alerts"].properties, "alerts") == []


def test_the_comparison_catches_a_field_the_mapping_lacks() -> None:
    properties = dict(load_specs()["articles"].properties)
    del properties["indexed_at"]
    properties["regions"] = {"properties": {**properties["regions"]["properties"], "extra": {"type": "keyword"}}}
    properties["word_count"] = {"type": "keyword"}
    assert _compare(IndexedArticle, properties, "articles") == [
        "articles.indexed_at: field of IndexedArticle but not mapped",
        "articles.regions.extra: mapped but not a field of Region",
        "articles.word_count: keyword in the mapping, int in the record",
    ]


def _processed() -> ProcessedArticle:
    return ProcessedArticle(
        url="https://sumateraekspres.id/read/2024/11/1/x",
        outlet="Sumatera Ekspres",
        title="KPU Muba",
        body="Ketua KPU Muba menyampaikan jadwal.",
        published_at="2024-11-15T10:00:00+07:00",
        regions=[
            Region("Sumatera Selatan", "Kabupaten Musi Banyuasin", "16.06", 0.9),
            Region("Sumatera Selatan", None, "16"),
        ],
        entities=[Entity("election_body", "KPU Kabupaten Musi Banyuasin", "regency", "KPU", "16.06")],
        flags=[Flag("voting_date", "high", "pencoblosan 28 November", "27 November 2024", "PKPU 2/2024")],
    )


def test_from_dict_rejects_unknown_keys_naming_record_and_keys() -> None:
    with pytest.raises(RecordError, match=r"RawArticle: unknown keys colour, shape"):
        RawArticle.from_dict({"url": "https://x.id/a", "shape": 1, "colour": 2})
    doc = _processed().to_dict()
    doc["flags"][0]["certainty"] = 0.5
    with pytest.raises(RecordError, match=r"ProcessedArticle\.flags: Flag: unknown key certainty"):
        ProcessedArticle.from_dict(doc)
    with pytest.raises(RecordError, match=r"ProcessedArticle: unknown keys flag_count, .*, indexed_at, "):
        ProcessedArticle.from_dict(_processed().to_index_doc(indexed_at="2024-11-15T11:00:00+07:00"))
    assert isinstance(RecordError("x"), ValueError)


def test_from_dict_rejects_missing_keys_and_wrong_shapes() -> None:
    with pytest.raises(RecordError, match="RawArticle: url is required"):
        RawArticle.from_dict({"title": "no url"})
    with pytest.raises(RecordError, match="expected a JSON object, got list"):
        RawArticle.from_dict([])  # type: ignore[arg-type]
    with pytest.raises(RecordError, match="regions must be a list"):
        ProcessedArticle.from_dict({"url": "https://x.id/a", "regions": {"code": "16"}})
    with pytest.raises(RecordError, match="Region: code is required"):
        ProcessedArticle.from_dict({"url": "https://x.id/a", "regions": [{"province": "Aceh", "regency": None}]})
    # a nullable field without a default may be null or left out
    assert Region.from_dict({"province": "Aceh", "regency": None, "code": "11"}).regency is None
    assert Region.from_dict({"province": "Aceh", "code": "11"}) == Region("Aceh", None, "11")


def test_processed_article_round_trips_with_nested_records() -> None:
    article = _processed()
    data = article.to_dict()
    assert data["regions"][1] == {"province": "Sumatera Selatan", "regency": None, "code": "16", "score": 1.0}
    assert data["review"] is None
    again = ProcessedArticle.from_dict(data)
    assert again == article
    assert isinstance(again.regions[0], Region) and isinstance(again.entities[0], Entity)
    assert isinstance(again.flags[0], Flag)


def test_index_doc_is_generated_from_the_record_and_reads_back_as_indexed_article() -> None:
    article = _processed()
    doc = article.to_index_doc(indexed_at="2024-11-15T11:00:00+07:00")
    assert doc["province"] == ["Sumatera Selatan"]
    assert doc["regency"] == ["Kabupaten Musi Banyuasin"]
    assert doc["region_codes"] == ["16", "16.06"]
    assert (doc["flag_rules"], doc["flag_count"], doc["max_severity"]) == (["voting_date"], 1, "high")
    assert doc["indexed_at"] == "2024-11-15T11:00:00+07:00"
    assert "review" not in doc and "story_id" not in doc  # nulls are not written
    doc["review"] = {"status": "baru", "updated_by": "pantau"}  # what the desk adds in the index
    indexed = IndexedArticle.from_dict(doc)
    assert indexed.review == Review(status="baru", updated_by="pantau")
    assert indexed.to_index_doc() == doc  # review keys that were never set stay unwritten
    assert indexed.raw() == RawArticle.from_dict({k: v for k, v in article.to_dict().items() if k in RAW})
    assert indexed.raw().id == article.id


RAW = set(RawArticle.field_names())


def test_raw_article_round_trips_and_keeps_an_upstream_id() -> None:
    raw = RawArticle.from_dict({"url": "https://x.id/a?utm_source=y", "id": "given", "tags": ["pilkada"]})
    assert raw.id == "given" and raw.canonical_url
    assert RawArticle.from_dict(raw.to_dict()) == raw
    assert list(raw.to_dict()) == RawArticle.field_names()
