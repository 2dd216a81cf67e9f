"""Insert phrases: "Baca juga", "Lihat juga", "Berita terkait" ... open a line that points at another story.

The list is data (`pantau/data/insert_phrases.json`). `INSERT` is the regex fragment that the boilerplate rules of
extraction and of the text cleaner build on (written `{insert}` in their data files); `drop_insert_lines` is what
region finding and story clustering use on a body.
"""

from __future__ import annotations

import re

from pantau.resources import load_json

_DATA = load_json("insert_phrases.json")
PHRASES: tuple[str, ...] = tuple(p.lower() for p in _DATA["phrases"])
STANDALONE: tuple[str, ...] = tuple(p.lower() for p in _DATA["standalone"])
SEPARATOR = r"\s*(?:[:：>»|\-–—]|$)"  # what follows a phrase that is not standalone (or it ends the line)


def _alternation(phrases: tuple[str, ...]) -> str:
    return (
        "(?:"
        + "|".join(r"\s*".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))
        + ")"
    )


INSERT = _alternation(PHRASES)
INSERT_STANDALONE = _alternation(STANDALONE)
PLACEHOLDER = "{insert}"  # where a boilerplate pattern in data takes the phrase list
PLACEHOLDER_STANDALONE = "{insert_standalone}"  # ... or only the phrases that need no separator

_LINE_RE = re.compile(rf"^[ \t\W]*(?:{INSERT_STANDALONE}\b|{INSERT}{SEPARATOR}).*$", re.IGNORECASE | re.MULTILINE)


def with_phrases(pattern: str) -> str:
    """A boilerplate pattern from data with its `{insert}` placeholder replaced by the phrase alternation."""
    return pattern.replace(PLACEHOLDER_STANDALONE, INSERT_STANDALONE).replace(PLACEHOLDER, INSERT)


def is_insert(line: str) -> bool:
    """True when `line` opens an insert: a standalone phrase ("BACA JUGA", "- Lihat juga") or any phrase with a
    separator ("Berita terkait: ..."); "Berita terkait dugaan politik uang ..." is a sentence."""
    return _LINE_RE.match(line.split("\n", 1)[0]) is not None


def drop_insert_lines(text: str) -> str:
    """`text` with every line that starts with an insert phrase emptied (the line break stays)."""
    return _LINE_RE.sub("", text)
