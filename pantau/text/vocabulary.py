"""The shared Pilkada vocabulary (`pantau/data/pilkada_vocabulary.json`): word lists that several stages use.

A stage's own data file names a shared section as "@section" inside its word list; `expand` puts the section's
words in its place, so each word list is written once.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pantau.resources import load_json


@cache
def _sections() -> dict[str, tuple[str, ...]]:
    raw = load_json("pilkada_vocabulary.json")
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


def section(name: str) -> tuple[str, ...]:
    """The words of one section ("election_names"); KeyError for an unknown section."""
    return _sections()[name]


def expand(items: Iterable[str]) -> list[str]:
    """`items` with each "@section" replaced by that section's words (order kept, repeats dropped)."""
    out: list[str] = []
    for item in items:
        for word in section(item[1:]) if item.startswith("@") else (item,):
            if word not in out:
                out.append(word)
    return out
