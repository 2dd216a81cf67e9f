"""Debunk articles: tell a fact-check or clarification article by its title marker and verdict, and pull out the
circulated claim it quotes and the official fact it states, as `KnownClaim` entries of the debunked-claims index.

Pure: text in, records out. The cues (title markers and prefixes, verdict words, the nouns and verbs that introduce a
circulated claim, the cues of the official fact) live in `pantau/data/debunk_cues.json`.

- `title_verdict("[SALAH] Pilkada Jakarta Dipastikan Dua Putaran")` -> "salah"; "Cek Fakta: Tidak Benar ..." ->
  "tidak benar"; a true verdict ("[BENAR] ...") -> None.
- `debunk_entries(...)` -> up to `max_entries_per_article` entries: a quoted claim introduced by a cue ("narasi",
  "klaim", "unggahan ... menyebut", quotation marks), an unquoted one after a claim verb in a sentence about something
  circulating, and the title itself when a verdict marker heads it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pantau.ids import canonical_url
from pantau.process.claims.rules import compile_words, load_rules
from pantau.process.claims.text import split_sentences
from pantau.records import KnownClaim, Region
from pantau.resources import data_path
from pantau.text.dates import parse_indonesian_datetime

CUES_PATH = data_path("debunk_cues.json")
_QUOTE = re.compile(r"“([^“”]{12,400})”|\"([^\"“”]{12,400})\"|„([^„“”]{12,400})[“”]")
_SPEECH_AFTER = re.compile(
    r"^\s*,?\s*(?:kata|ujar|ucap|tutur|jelas|tegas|ungkap|imbuh|tambah|terang)\w*\b", re.IGNORECASE
)
_SPACE = re.compile(r"\s+")


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _words(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alt([w.lower() for w in words]) + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class DebunkCues:
    raw: dict[str, Any]
    verdicts: dict[str, str]
    re_bracket: re.Pattern[str]
    re_prefix: re.Pattern[str]
    re_verdict_lead: re.Pattern[str]
    re_verdict: re.Pattern[str]
    re_true: re.Pattern[str]
    re_clarification: re.Pattern[str]
    re_claim_intro: re.Pattern[str]
    re_claim_verb: re.Pattern[str]
    re_circulation: re.Pattern[str]
    re_fact: re.Pattern[str]
    re_fact_strong: re.Pattern[str]
    re_noun_lead: re.Pattern[str]
    re_reference: re.Pattern[str]
    re_label: re.Pattern[str]
    re_that: re.Pattern[str]
    re_not_claim: re.Pattern[str]  # on lower-cased text
    re_fact_claim: re.Pattern[str]  # on lower-cased text
    re_item_says: re.Pattern[str]
    re_claim_end: re.Pattern[str]
    re_framing: re.Pattern[str]


@cache
def load_cues(path: str = str(CUES_PATH)) -> DebunkCues:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    verdicts = {k.lower(): v for k, v in raw["verdicts"].items()}
    verdict_alt = _alt(list(verdicts))
    nouns, verbs = _alt(raw["claim_nouns"]), _alt(raw["claim_verbs"])
    not_claim = [*raw["claim_skip_cues"], *raw["fact_cues"], *raw["fact_cues_strong"]]
    not_claim += load_rules().raw["stance"]["denied"]  # the one list of denial cues (claim_rules.json)
    end_leads, end_verdicts = _alt(raw["claim_end_leads"]), _alt(raw["claim_end_verdicts"])
    return DebunkCues(
        raw=raw,
        verdicts=verdicts,
        re_bracket=re.compile(r"^\s*\[([^\]]{2,40})\]\s*", re.IGNORECASE),
        re_prefix=re.compile(r"^\s*(?:" + _alt(raw["title_prefixes"]) + r")\s*[:|-]\s*", re.IGNORECASE),
        re_verdict_lead=re.compile(r"^\s*(?P<v>" + verdict_alt + r")\b\s*[,:]?\s*", re.IGNORECASE),
        re_verdict=_words(list(verdicts)),
        re_true=re.compile(r"^(?:" + _alt(raw["true_verdicts"]) + r")$", re.IGNORECASE),
        re_clarification=_words(raw["clarification_title_cues"]),
        re_claim_intro=re.compile(
            r"(?<![\w-])(?:" + nouns + r")(?![\w-])[^\"“”.]{0,80}?(?:(?:" + verbs + r")(?![\w-])[^\"“”]{0,20}?)?$",
            re.IGNORECASE,
        ),
        re_claim_verb=re.compile(
            r"(?<![\w-])(?:(?:"
            + _alt(raw["saying_verbs"])
            + r")(?![\w-])\s*(?:,\s*)?(?:bahwa\s+)?|(?:"
            + nouns
            + r")\s+(?:yang\s+)?bahwa\s+)",
            re.IGNORECASE,
        ),
        re_circulation=_words(raw["circulation_cues"]),
        re_fact=_words(raw["fact_cues"]),
        re_fact_strong=_words(raw["fact_cues_strong"]),
        re_noun_lead=re.compile(
            r"^\s*(?:" + nouns + r")(?![\w-])[^,]{0,40}?(?:bahwa|yang\s+(?:" + verbs + r"))\s+", re.IGNORECASE
        ),
        re_reference=_words(raw["reference_cues"]),
        re_that=re.compile(r"^\s*(?:" + nouns + r")(?![\w-])\s*(?:,\s*)?bahwa\s+", re.IGNORECASE),
        re_label=re.compile(r"^\s*\[?(?:" + _alt(raw["label_cues"]) + r")\]?\s*:\s*", re.IGNORECASE),
        re_not_claim=compile_words(w.lower() if not w.startswith("re:") else w for w in not_claim),
        re_fact_claim=compile_words(w.lower() for w in raw["claim_fact_cues"]),
        re_item_says=re.compile(  # "poster (daring) yang menyebut", "... yang menyebut": the post itself says it
            r"(?:(?<![\w-])(?:" + nouns + r")(?![\w-])(?:\s+[^\s\"“”]+){0,3}?|(?<![\w-])yang)\s*$", re.IGNORECASE
        ),
        re_claim_end=re.compile(
            r"[\s,]+(?:(?:" + end_leads + r")\s+(?:" + verdict_alt + r")|(?:" + end_verdicts + r"))(?![\w-])",
            re.IGNORECASE,
        ),
        re_framing=re.compile(
            r"^\s*(?:(?:" + _alt(raw["claim_framing_words"]) + r")(?![\w-])\s*[:|-]?\s*)+", re.IGNORECASE
        ),
    )


def _verdict_of(text: str, cues: DebunkCues) -> str | None:
    found = cues.re_verdict.search(text)
    return cues.verdicts[_SPACE.sub(" ", found.group(0).lower())] if found else None


def _title_parts(title: str, cues: DebunkCues) -> tuple[str | None, str, bool]:
    """(verdict or None, the rest of the title, whether a verdict marker heads the title)."""
    rest = title.strip()
    bracket = cues.re_bracket.match(rest)
    if bracket:
        label = bracket.group(1).strip()
        rest = rest[bracket.end() :]
        if cues.re_true.match(label):
            return None, rest, False
        verdict = _verdict_of(label, cues)
        if verdict:
            return verdict, rest, True
        if cues.re_prefix.match(label + ":"):  # "[CEK FAKTA] Tidak Benar ..."
            lead = cues.re_verdict_lead.match(rest)
            if lead:
                return cues.verdicts[_SPACE.sub(" ", lead.group("v").lower())], rest[lead.end() :], True
        return None, rest, False
    prefix = cues.re_prefix.match(rest)
    if prefix:
        rest = rest[prefix.end() :]
    lead = cues.re_verdict_lead.match(rest)
    if lead and (prefix or "," in rest[: lead.end()] or ":" in rest[: lead.end()]):
        return cues.verdicts[_SPACE.sub(" ", lead.group("v").lower())], rest[lead.end() :], True
    if prefix:
        return _verdict_of(rest, cues), rest, False
    return None, rest, False


def title_verdict(title: str, cues: DebunkCues | None = None) -> str | None:
    """The verdict a fact-check title announces ("[SALAH] ...", "Cek Fakta: Tidak Benar ...", "Keliru, ..."), or
    None."""
    verdict, _rest, _marked = _title_parts(title, cues or load_cues())
    return verdict


def looks_like_debunk(title: str, cues: DebunkCues | None = None) -> bool:
    """A debunk or clarification by its title alone: a verdict marker, or a clarification cue with a verdict word."""
    c = cues or load_cues()
    if title_verdict(title, c):
        return True
    return bool(c.re_clarification.search(title) and c.re_verdict.search(title))


def _clean_claim(text: str) -> str:
    text = _SPACE.sub(" ", re.sub(r"[“”„\"]", "", text)).strip(" \t,;:-–—")
    return text.rstrip(".!").strip()


def _usable(claim: str, cues: DebunkCues, min_words: int, max_chars: int) -> bool:
    words = claim.lower().split()
    if len(claim) > max_chars or len(words) < min_words or claim.endswith(":"):
        return False
    if words[0] in cues.raw["fragment_first_words"] or words[-1] in cues.raw["fragment_last_words"]:
        return False  # a piece of a description ("pada Selasa ... berita berjudul"), not a statement
    return cues.re_verdict_lead.match(claim) is None  # "hoaks, itu tidak benar" is the verdict, not the claim


def _strip_lead(text: str, cues: DebunkCues) -> str:
    """ "klaim bahwa X" -> "X", "narasi yang menyebut X" -> "X" """
    while True:
        lead = cues.re_noun_lead.match(text) or cues.re_that.match(text)
        if not lead or lead.end() == 0:
            return text
        text = text[lead.end() :]


def _quoted_claims(sentence: str, cues: DebunkCues) -> list[str]:
    """Quotations introduced as the circulated content: a claim noun/verb or a circulation cue just before the quote,
    and no cue that it is the real source or someone's words (suntingan dari, aslinya, kata ...)."""
    out = []
    for found in _QUOTE.finditer(sentence):
        text = next(g for g in found.groups() if g)
        before, after = sentence[: found.start()], sentence[found.end() :]
        window = before[-100:]
        if _SPEECH_AFTER.match(after) or cues.re_reference.search(window):
            continue  # the original the hoax was edited from, or an official's words ("...," kata Ketua KPU)
        if cues.re_claim_intro.search(window) or cues.re_circulation.search(window[-60:]):
            out.append(text)
    return out


def _unquoted_claim(sentence: str, cues: DebunkCues) -> str | None:
    """The claim after the last claim verb of a sentence about something circulating, up to the desk's verdict on it
    ("unggahan yang menyebut X adalah hoaks" -> X). None for a sentence that states the official fact, a denial or
    the conclusion ("KPU membantah unggahan itu dan menyebut Y", "Kesimpulan: ...", "Faktanya, ..."): what it
    "menyebut" is the fact, not the claim."""
    if '"' in sentence or "“" in sentence or not cues.re_circulation.search(sentence):
        return None
    verbs = list(cues.re_claim_verb.finditer(sentence))
    if not verbs:
        return None
    verb = verbs[-1]
    head, claim = sentence[: verb.end()], sentence[verb.end() :]
    end = cues.re_claim_end.search(claim)
    if end:
        claim = claim[: end.start()]
    if cues.re_not_claim.search(f"{head} {claim}".lower()):
        return None
    if cues.re_fact_claim.search(claim.lower()) and not cues.re_item_says.search(sentence[: verb.start()]):
        return None  # "KPU menyebut pemungutan suara tetap digelar ...": the fact, unless the post itself says it
    return claim


def extract_claims(title: str, body: str, cues: DebunkCues | None = None) -> list[str]:
    """The circulated claims a debunk quotes, most specific first (quoted, unquoted, then the title's own claim)."""
    c = cues or load_cues()
    min_words = 4
    max_chars = int(c.raw.get("claim_max_chars", 400))
    found: list[str] = []
    for para in body.split("\n"):
        label = c.re_label.match(para)
        if label:  # "[NARASI]: ..." / "KLAIM: ..." (the desks' structured format): the claim as it circulated
            rest = para[label.end() :].strip()
            quoted = _QUOTE.match(rest)
            first = split_sentences(rest)
            found.append(next(g for g in quoted.groups() if g) if quoted else (first[0] if first else rest))
            continue
        for sentence in split_sentences(para):
            found += _quoted_claims(sentence, c)
            loose = _unquoted_claim(sentence, c)
            if loose:
                found.append(loose)
    _verdict, rest, marked = _title_parts(title, c)
    if marked:
        lead = c.re_noun_lead.match(rest)
        found.append(rest[lead.end() :] if lead else rest)
    out: list[str] = []
    seen: set[str] = set()
    for raw in found:
        claim = _clean_claim(_strip_lead(raw, c))
        unframed = _clean_claim(c.re_framing.sub("", claim))
        if unframed != claim and _usable(unframed, c, min_words, max_chars):
            claim = unframed  # "VIDEO PENGUMUMAN PDIP USUNG ...": what the post asserts, not what it is
        key = claim.lower()
        if key in seen or not _usable(claim, c, min_words, max_chars):
            continue
        seen.add(key)
        out.append(claim)
    return out


def official_fact(body: str, claims: Sequence[str], cues: DebunkCues | None = None) -> str:
    """The first sentence that states the fact ("Faktanya, ...", "KPU menegaskan ..."), outside the quoted claims."""
    c = cues or load_cues()
    lows = [claim.lower() for claim in claims]
    sentences = [
        s
        for s in split_sentences(body)
        if len(s) <= 400 and not any(claim in s.lower() for claim in lows) and not c.re_label.match(s)
    ]
    for pattern in (c.re_fact_strong, c.re_fact):  # "Faktanya, ..." before "KPU menegaskan ..."
        for sentence in sentences:
            if pattern.search(sentence):
                return sentence
    return ""


def entry_id(url: str, claim: str) -> str:
    key = f"{canonical_url(url)}\n{_SPACE.sub(' ', claim.lower()).strip()}"
    return "db-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def debunk_verdict(title: str, body: str, from_fact_check: bool, cues: DebunkCues | None = None) -> str | None:
    """The verdict when the article is a debunk: a verdict marker in the title; or, for a fact-check/KPU outlet or a
    clarification title, a verdict word in the title or the lead (first three sentences)."""
    c = cues or load_cues()
    verdict, _rest, marked = _title_parts(title, c)
    bracket = c.re_bracket.match(title.strip())
    if bracket and c.re_true.match(bracket.group(1).strip()):
        return None
    if verdict and marked:
        return verdict
    if from_fact_check or c.re_clarification.search(title) or c.re_prefix.match(title):
        # a fact-check channel's title ("Cek Fakta: Benarkah ...?") states its verdict in the text
        return verdict or _verdict_of(title, c) or _verdict_of(body, c)
    return None


def debunk_entries(
    *,
    url: str,
    title: str,
    body: str,
    published_at: str | None,
    outlet: str | None,
    regions: Sequence[Region] = (),
    from_fact_check: bool = False,
    cues: DebunkCues | None = None,
) -> list[KnownClaim]:
    """Index entries for a debunk article (none for any other article)."""
    c = cues or load_cues()
    verdict = debunk_verdict(title, body, from_fact_check, c)
    if verdict is None:
        return []
    claims = extract_claims(title, body, c)[: int(c.raw["max_entries_per_article"])]
    if not claims:
        return []
    fact = official_fact(body, claims, c)
    region = regions[0] if regions else None
    published = parse_indonesian_datetime(published_at)
    return [
        KnownClaim(
            id=entry_id(url, claim),
            claim=claim,
            verdict=verdict,
            debunk_url=url,
            fact=fact,
            date=published.date().isoformat() if published else None,  # the index takes ISO dates only
            province=region.province if region else None,
            regency=region.regency if region else None,
            region_code=region.code if region else None,
            origin="debunk",
            outlet=outlet or None,
            title=title or None,
        )
        for claim in claims
    ]


__all__ = [
    "CUES_PATH",
    "DebunkCues",
    "debunk_entries",
    "debunk_verdict",
    "entry_id",
    "extract_claims",
    "load_cues",
    "looks_like_debunk",
    "official_fact",
    "title_verdict",
]
