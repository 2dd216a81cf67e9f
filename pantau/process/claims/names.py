"""Person names as KPU writes them and as news text writes them, folded to one comparable key.

`display_name("H. MIRWAN MS, S.E., M.Sos.")` -> "Mirwan MS": titles before the name (H., Hj., Dr., Ir., Drs., Tgk.,
KH, Gus, ranks) and the degree list after the first comma are dropped, words are capitalised (consonant-only short
words such as "MS" stay upper case). `name_key("Moch. Afifuddin")` == `name_key("Muhammad Afifudin")`: the key is
lower case, without titles, degrees, dots, apostrophes or hyphens, with Muhammad/Mohammad/Moch./M. and Abd./Abdul
folded, old spellings (oe, dj, tj, sj) modernised and doubled letters collapsed. The word lists live in
`data/name_titles.json`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pantau.resources import load_json

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_GLUED_TITLE = re.compile(r"\b([A-Za-z]{1,5}\.)(?=[A-Za-z])")  # "H.YULIAN", "dr.Hj.", "Ir.RENJES"
_BRACKETS = re.compile(r"\([^)]*\)")  # "(Purn.)", "(H.C)"
_VOWELS = set("aeiouy")
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"))


@dataclass(frozen=True)
class _Titles:
    prefix: frozenset[str]
    degrees: frozenset[str]
    cut_from: frozenset[str]
    variants: dict[str, str]
    lower: frozenset[str]
    bracketed: frozenset[str]


@lru_cache(maxsize=1)
def _titles() -> _Titles:
    raw = load_json("name_titles.json")
    variants = {v: canon for canon, forms in raw["variants"].items() for v in forms}
    return _Titles(
        frozenset(raw["prefix"]),
        frozenset(raw["degrees"]),
        frozenset(raw["cut_from"]),
        variants,
        frozenset(raw["lower"]),
        frozenset(raw.get("bracketed", [])),
    )


def _bare(token: str) -> str:
    return re.sub(r"[^a-z0-9']", "", token.lower())


def _tokens(raw: str) -> list[str]:
    """The name's own words, titles and degrees removed, in their original spelling."""
    text = unicodedata.normalize("NFKC", raw).translate(_APOSTROPHES)
    text = text.split(",", 1)[0]  # KPU: "NAME, S.E., M.Si."
    text = _BRACKETS.sub(" ", text)
    text = text.replace("K.H.", "KH.").replace("H.M.", "H. M.").replace("H.R.", "H. R.")
    text = _GLUED_TITLE.sub(r"\1 ", text)
    t = _titles()
    words = [w for w in re.split(r"[\s]+", text.strip()) if w and _bare(w)]
    while words and _bare(words[0]).replace("'", "") in t.prefix and len(words) > 1:
        words.pop(0)
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and _bare(w) in t.cut_from:
            words = words[:i]
            break
    # degrees glued without a comma: trailing bare degrees ("HENDRA SE") and dotted ones anywhere ("S.E.")
    while len(words) > 1 and _bare(words[-1]) in t.degrees and (w := words[-1]).upper() == w:
        words.pop()
    return [w for w in words if not (w.count(".") >= 2 and _bare(w) in t.degrees)]


def nicknames(raw: str) -> tuple[str, ...]:
    """Nicknames KPU wrote in brackets: "H. RANO KARNO, S.IP. (SI DOEL)" -> ("Si Doel",)."""
    t = _titles()
    out: list[str] = []
    for inner in re.findall(r"\(([^)]*)\)", unicodedata.normalize("NFKC", raw)):
        bare = _bare(inner).replace("'", "")
        if len(bare) >= 3 and bare not in t.bracketed and bare not in t.prefix and bare not in t.degrees:
            out.append(" ".join(_capitalise(w) for w in inner.split()))
    alias = re.search(r"[A-Za-z]\s+alias\s+([^,(]+)", raw, re.IGNORECASE)
    if alias:
        out.append(" ".join(_capitalise(w) for w in alias.group(1).split()))
    return tuple(out)


def _capitalise(word: str) -> str:
    if word.lower().rstrip(".") in _titles().lower:
        return word.lower().capitalize() if word.lower().rstrip(".") == "dg" else word.lower()
    if len(word) <= 3 and word.isalpha() and not (_VOWELS & set(word.lower())):
        return word.upper()  # "MS", "HM"
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def display_name(raw: str) -> str:
    """The name without titles and degrees, capitalised: "Dr. H. JONCIK MUHAMMAD, S.Si." -> "Joncik Muhammad"."""
    words = [_capitalise(w) for w in _tokens(raw)]
    if words and len(words[-1]) > 3 and words[-1].endswith("."):
        words[-1] = words[-1].rstrip(".")
    return " ".join(words)


@lru_cache(maxsize=65536)
def key_words(raw: str) -> tuple[str, ...]:
    """The comparable words of a name (see the module docstring); cached: the claim checks fold the same names (the
    candidates of a race, the capitalised runs of news text) over and over."""
    t = _titles()
    out: list[str] = []
    for w in _tokens(raw):
        for part in re.split(r"[-]", w):
            b = _bare(part).replace("'", "")
            if not b:
                continue
            b = t.variants.get(b, b)
            for old, new in _OLD_SPELLING:
                b = b.replace(old, new)
            b = re.sub(r"(.)\1+", r"\1", b)
            out.append(b)
    return tuple(out)


def name_key(raw: str) -> str:
    """One string per person name: equal for spellings of the same name ("Moch. Afifuddin", "Muhammad Afifudin")."""
    return " ".join(key_words(raw))
