"""Insert phrases: "Baca juga", "Lihat juga", "Berita terkait" ... open a line that points at another story.

The list is data (`pantau/data/insert_phrases.json`). `INSERT` is the regex fragment that the boilerplate rules of
extraction and of the text cleaner build on (written `{insert}` in their data files); `drop_insert_lines` is what
region finding and story clustering use on a body.
"""

from __future__ import annotations

import re

from pantau.resources import load_json

PHRASES: tuple[str, ...] = tuple(p.lower() for p in load_json("insert_phrases.json")["phrases"])
INSERT = (
    "(?:" + "|".join(r"\s*".join(re.escape(w) for w in p.split()) for p in sorted(PHRASES, key=len, reverse=True)) + ")"
)
PLACEHOLDER = "{insert}"  # where a boilerplate pattern in data takes the phrase list

_LINE_RE = re.compile(rf"^[ \t\W]*{INSERT}\b.*$", re.IGNORECASE | re.MULTILINE)


def with_phrases(pattern: str) -> str:
    """A boilerplate pattern from data with its `{insert}` placeholder replaced by the phrase alternation."""
    return pattern.replace(PLACEHOLDER, INSERT)


def is_insert(line: str) -> bool:
    """True when `line` starts with an insert phrase ("Baca juga: ...", "BACA JUGA", "- Lihat juga")."""
    return _LINE_RE.match(line.split("\n", 1)[0]) is not None


def drop_insert_lines(text: str) -> str:
    """`text` with every line that starts with an insert phrase emptied (the line break stays)."""
    return _LINE_RE.sub("", text)
