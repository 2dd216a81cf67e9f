"""Words the way every stage counts them: runs of letters and digits.

Punctuation, hyphens and underscores split words ("kepala-daerah" is two words), so a phrase list, a shingle and a
name match all see the same tokens. The language stage alone keeps hyphenated Latin-letter words whole
(`latin_words`): its marker lists hold reduplications such as "kata-kata".
"""

from __future__ import annotations

import re

WORD = r"[^\W_]+"  # a word, for building larger patterns (a sentence scanner adds its end marks to it)

_WORD_RE = re.compile(WORD)
_LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:-[A-Za-z\u00c0-\u024f]+)*")


def words(text: str) -> list[str]:
    """The words of `text` as written ("KPU Jatim, 2024" -> ["KPU", "Jatim", "2024"])."""
    return _WORD_RE.findall(text)


def tokenize(text: str) -> list[str]:
    """Lower-cased words of `text` ("Pilkada-2024!" -> ["pilkada", "2024"])."""
    return _WORD_RE.findall(text.lower())


def words_with_gaps(text: str) -> list[tuple[str, str]]:
    """Each word with the text between it and the previous word: "KPU (Jatim)" -> [("", "KPU"), (" (", "Jatim")].

    Linear in the text: a pattern "gap, then word" would rescan a long run of punctuation from every position."""
    out: list[tuple[str, str]] = []
    end = 0
    for m in _WORD_RE.finditer(text):
        out.append((text[end : m.start()], m.group(0)))
        end = m.end()
    return out


def latin_words(text: str) -> list[str]:
    """Latin-letter words, a hyphenated word whole ("kata-kata"); digits and other scripts are not words here."""
    return _LATIN_WORD_RE.findall(text)
