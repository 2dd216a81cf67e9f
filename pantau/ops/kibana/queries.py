"""Field names in the queries saved objects carry: KQL/Lucene strings, query DSL, filter pills, aggregations."""

from __future__ import annotations

import re
from typing import Any

from pantau.ops.kibana.objects import KibanaError, json_attr

_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_ESCAPED = re.compile(r"\\.")
_FIELD_BEFORE_OPERATOR = re.compile(r"(?<![\w.@*-])([A-Za-z_@*][\w.@*-]*)\s*(?::|<=|>=|<|>)")
_DSL_LEAVES = frozenset(
    {
        "term",
        "terms",
        "match",
        "match_phrase",
        "match_phrase_prefix",
        "match_bool_prefix",
        "prefix",
        "wildcard",
        "regexp",
        "fuzzy",
        "range",
    }
)
_DSL_PARAMS = frozenset({"boost", "_name"})


def query_fields(query: str) -> set[str]:
    """Field names a KQL or Lucene query string names (`field : value`, `field > 3`); values are ignored."""
    text = _QUOTED.sub(" ", _ESCAPED.sub(" ", query or ""))
    return {m.group(1) for m in _FIELD_BEFORE_OPERATOR.finditer(text)}


def dsl_fields(query: Any) -> set[str]:
    """Field names an Elasticsearch query DSL object uses (as stored in Kibana filters)."""
    if not query:
        return set()
    if isinstance(query, list):
        return set().union(*(dsl_fields(q) for q in query))
    if not isinstance(query, dict):
        raise KibanaError(f"query DSL {query!r} is not an object")
    found: set[str] = set()
    for kind, body in query.items():
        if kind in _DSL_LEAVES:
            found |= {k for k in body if k not in _DSL_PARAMS}
        elif kind == "exists":
            found.add(body["field"])
        elif kind == "bool":
            for clause in ("must", "filter", "should", "must_not"):
                found |= dsl_fields(body.get(clause))
        elif kind in {"nested", "constant_score", "has_child", "has_parent"}:
            found |= dsl_fields(body.get("query") or body.get("filter"))
        elif kind in {"multi_match", "query_string", "simple_query_string"}:
            found |= {f.split("^")[0] for f in body.get("fields", [])}
            if kind == "query_string":
                found |= query_fields(body.get("query", ""))
                if body.get("default_field"):
                    found.add(body["default_field"])
        elif kind in {"match_all", "match_none"} or kind in _DSL_PARAMS or kind == "minimum_should_match":
            continue
        else:
            raise KibanaError(f"query DSL clause {kind!r} is not understood; its fields cannot be checked")
    return found


def filter_fields(filters: Any) -> set[str]:
    """Fields of Kibana filter pills: `meta.key` plus everything the filter's query DSL names."""
    found: set[str] = set()
    for flt in filters or []:
        meta = flt.get("meta") or {}
        if meta.get("key") and meta.get("type") not in {"custom", "combined", "query_string"}:
            found.add(str(meta["key"]))
        for key, value in flt.items():
            if key in {"meta", "$state"}:
                continue
            found |= dsl_fields(value if key == "query" else {key: value})
    return found


def search_source_fields(obj: dict[str, Any]) -> set[str]:
    meta = (obj.get("attributes") or {}).get("kibanaSavedObjectMeta") or {}
    source = json_attr(obj, meta.get("searchSourceJSON"), "searchSourceJSON") or {}
    query = source.get("query") or {}
    found = query_fields(query.get("query", "")) if isinstance(query, dict) else set()
    return found | filter_fields(source.get("filter"))


def agg_fields(value: Any) -> set[str]:
    """Every `field` (and `sortField`) inside legacy aggregation params, at any depth (orderAgg, customMetric)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"field", "sortField"} and isinstance(item, str) and item:
                found.add(item)
            elif key == "filters" and isinstance(item, list):
                for flt in item:
                    query = (flt.get("input") or {}).get("query", "") if isinstance(flt, dict) else ""
                    found |= query_fields(query if isinstance(query, str) else "")
            else:
                found |= agg_fields(item)
    elif isinstance(value, list):
        for item in value:
            found |= agg_fields(item)
    return found
