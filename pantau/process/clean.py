"""Text-level cleaning of article bodies: idempotent, never raises, never drops real sentences.

`clean_text(text)` returns text with:

- mojibake repaired: UTF-8 bytes that were decoded as cp1252/latin-1 ("â€œ" -> "“", "Ã©" -> "é") are re-decoded,
  one character sequence at a time, only where the bytes form a valid UTF-8 character (no ftfy needed);
- Unicode NFC. NFKC is deliberately NOT used: it rewrites characters that carry meaning ("m²" -> "m2",
  "½" -> "1⁄2", superscript footnote marks, full-width CJK punctuation, Arabic presentation forms);
- zero-width characters, the BOM, soft hyphens, bidi controls, lone surrogates and C0/C1 control characters
  removed; ZWJ/ZWNJ are kept between two non-Latin characters (Persian, Indic scripts, emoji sequences), where
  they are meaningful;
- every exotic space (NBSP, thin, ideographic, tab ...) turned into a plain space, runs of spaces collapsed and
  lines stripped;
- typographic quotes normalised to ASCII: “ ” „ ‟ ″ -> " and ‘ ’ ‚ ‛ ′ -> '. Indonesian outlets mix curly and
  straight quotes inside one article ("Jum’at" vs "Jum'at"); one form makes quote extraction, keyword and
  claim matching simpler. Dashes and the ellipsis are kept (datelines use "PALEMBANG –");
- paragraphs separated by exactly one blank line. When the input has no blank line at all, each line is a
  paragraph (the common "one <p> per line" extraction); otherwise blank lines separate paragraphs and single line
  breaks inside a paragraph are kept;
- leftover boilerplate LINES dropped ("Baca juga: ...", "ADVERTISEMENT", "Editor: X", follow-us prompts ...) and a
  trailing sign-off such as "(ant/red)" removed from the end of the last paragraph. The patterns live in
  pantau/data/leftover_boilerplate.json; each must match a whole short line, so a sentence that merely contains
  "editor" or "baca" is kept.

`clean_text(clean_text(x)) == clean_text(x)` for every input (tested with randomized inputs).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pantau.resources import data_path
from pantau.text.phrases import with_phrases

DATA_FILE = data_path("leftover_boilerplate.json")

# --- character-level tables -------------------------------------------------------------------------------------

_SPACE_CHARS = (
    "\t\u000b\u000c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_DROP_CHARS = (
    "\u00ad\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u200e\u200f\u202a"
    "\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u180e\ufffe"
)
_QUOTES = {
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "〝": '"',
    "〞": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
}

_TRANSLATE: dict[int, str | None] = {ord(c): " " for c in _SPACE_CHARS}
_TRANSLATE.update({ord(c): None for c in _DROP_CHARS})
_TRANSLATE.update({ord(k): v for k, v in _QUOTES.items()})
_TRANSLATE.update({0x2028: "\n", 0x2029: "\n\n", 0x0085: "\n"})
# C0 controls except \t (mapped to space above) and \n; \r is handled before translation. C1 controls (0x80-0x9f)
# are dropped only after mojibake repair, which needs them (bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d decode to C1).
# Lone surrogates (from broken decoders) cannot be encoded at all and crash C/Rust consumers: dropped too.
for _cp in [*range(0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000)]:
    _TRANSLATE.setdefault(_cp, None)

# Zero-width (non-)joiner next to Latin, digits, punctuation, space or the text edge is noise; between two
# characters of other scripts it shapes the text and is kept.
_JOINER_NOISE = re.compile(r"[\u200c\u200d]+(?=[\s\x00-\u024f]|$)|(?:(?<=[\s\x00-\u024f])|^)[\u200c\u200d]+")
# str.translate walks every character in Python-level lookups; a regex finds the (rare) characters to map first.
_SPECIAL = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TRANSLATE)) + "\u2028\u2029]")

# --- mojibake ---------------------------------------------------------------------------------------------------

# cp1252 characters that stand for bytes 0x80-0x9f; latin-1 C1 controls stand for themselves.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CONT = "[\u0080-\u00bf" + re.escape(_CP1252_HIGH) + "]"
_MOJIBAKE = re.compile("[\u00c2-\u00df]" + _CONT + "|[\u00e0-\u00ef]" + _CONT + "{2}|[\u00f0-\u00f4]" + _CONT + "{3}")
# "”" is E2 80 9D; 0x9d is undefined in cp1252, so decoders drop it (bare "â€") or replace it ("â€\ufffd").
_BARE_RIGHT_QUOTE = re.compile("â€(?:\ufffd|(?![\u0080-\u00bf" + re.escape(_CP1252_HIGH) + "]))")
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4]")


def _to_byte(ch: str) -> int:
    code = ord(ch)
    if code < 0x100:
        return code
    return ch.encode("cp1252")[0]


def _repair_match(match: re.Match[str]) -> str:
    chunk = match.group(0)
    try:
        fixed = bytes(_to_byte(c) for c in chunk).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return chunk
    return fixed if len(fixed) == 1 else chunk


def repair_mojibake(text: str) -> str:
    """Re-decode UTF-8 sequences that were read as cp1252/latin-1; leaves everything else untouched."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    for _ in range(3):  # double-encoded text needs a second round
        fixed = _MOJIBAKE.sub(_repair_match, text)
        fixed = _BARE_RIGHT_QUOTE.sub("”", fixed)
        if fixed == text:
            break
        text = fixed
    return text


# --- boilerplate lines ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LinePattern:
    name: str
    regex: re.Pattern[str]
    max_words: int


@dataclass(frozen=True)
class _Rules:
    lines: tuple[_LinePattern, ...]
    trailing: re.Pattern[str]
    first_words: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    lines = tuple(
        _LinePattern(
            name=item["name"],
            regex=re.compile(with_phrases(item["pattern"]), re.IGNORECASE if item.get("ignore_case", True) else 0),
            max_words=int(item.get("max_words", 40)),
        )
        for item in data["line_patterns"]
    )
    parts = []
    for item in data["trailing_patterns"]:
        flag = "(?i:" if item.get("ignore_case", False) else "(?:"
        parts.append(flag + item["pattern"] + ")")
    trailing = re.compile(r"\s*(?:" + "|".join(parts) + r")\s*$")
    # Cheap pre-filter: a line can only be boilerplate when it starts with a character that some pattern accepts.
    first_words = re.compile(r"^[\W\d_]*[A-Za-z©]")
    return _Rules(lines=lines, trailing=trailing, first_words=first_words)


def is_boilerplate_line(line: str) -> bool:
    """True when the whole (stripped) line is a leftover boilerplate line from the data file."""
    line = line.strip()
    if not line:
        return False
    rules = _rules()
    if not rules.first_words.match(line):
        return False
    words = line.count(" ") + 1
    return any(words <= p.max_words and p.regex.fullmatch(line) for p in rules.lines)


_TAIL = 120


def _strip_trailing_signoff(paragraphs: list[str]) -> list[str]:
    trailing = _rules().trailing
    while paragraphs:
        last = paragraphs[-1]
        head, tail = last[:-_TAIL], last[-_TAIL:]  # sign-offs are short: scan only the end
        stripped = head + trailing.sub("", tail)
        if stripped == last:
            break
        if stripped.strip():
            paragraphs[-1] = stripped.rstrip()
        else:
            paragraphs.pop()
    return paragraphs


# --- the pipeline -----------------------------------------------------------------------------------------------

_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n[ \n]*\n")


def normalize_chars(text: str) -> str:
    """Character-level part of cleaning (no line handling); idempotent on its own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = repair_mojibake(text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINER_NOISE.sub("", text)
    if _SPECIAL.search(text):
        text = _SPECIAL.sub(lambda m: _TRANSLATE[ord(m.group(0))] or "", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def _paragraphs(text: str) -> list[str]:
    blocks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text) else text.split("\n")
    out: list[str] = []
    for block in blocks:
        lines = []
        for raw in block.split("\n"):
            line = _SPACES.sub(" ", raw).strip() if "  " in raw else raw.strip()
            if line and not is_boilerplate_line(line):
                lines.append(line)
        if lines:
            out.append("\n".join(lines))
    return out


def _clean_once(text: str) -> str:
    text = normalize_chars(text)
    paragraphs = _strip_trailing_signoff(_paragraphs(text))
    return "\n\n".join(paragraphs)


def clean_text(text: str) -> str:
    """Normalise an article body; see the module docstring. Non-string input gives ""."""
    if not isinstance(text, str) or not text:
        return ""
    cleaned = _clean_once(text)
    # Removing a line or a character can expose a new match (a sign-off above a removed credit line, combining
    # marks meeting after a dropped zero-width space); repeat until stable so the function is idempotent.
    for _ in range(4):
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned
