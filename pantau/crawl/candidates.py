"""The candidate pre-filter: does a discovered URL look like Pilkada coverage before it is fetched?

A cheap, recall-first look at what discovery already knows (path, title, keywords, section) against the terms in
`data/crawl_filter.json` and the outlet's own Pilkada paths; relevance proper is decided after extraction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from pantau.crawl.discovery import Candidate
from pantau.resources import load_json
from pantau.text.vocabulary import expand


@cache
def filter_terms() -> re.Pattern[str]:
    """One pattern of every filter term; a space inside a term also matches "_", "-" and "+" (URL slugs)."""
    terms = expand(load_json("crawl_filter.json")["terms"])
    alternation = "|".join(re.escape(t).replace(r"\ ", r"[\s_\-+]+") for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])", re.IGNORECASE)


def looks_pilkada(cand: Candidate, outlet: Mapping[str, Any]) -> bool:
    """True when the URL is under one of the outlet's Pilkada paths or its known text mentions a filter term."""
    path = urlsplit(cand.url).path.lower()
    if any(p.lower() in path for p in outlet.get("pilkada_paths", [])):
        return True
    text = " ".join(
        [path.replace("-", " ").replace("/", " "), cand.title or "", " ".join(cand.keywords), cand.section or ""]
    )
    return bool(filter_terms().search(text))
