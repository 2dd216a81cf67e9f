"""Run every claim check over an article's title and sentences and collect the flags."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from pantau.process.claims.candidate_checks import (
    check_ballot_numbers,
    check_pairs,
    check_psu_dates,
    check_result_shares,
    check_results,
    check_unknown_deputies,
    check_unregistered_pairs,
    note_places,
    settle_vote_counts,
)
from pantau.process.claims.casing import restore_case
from pantau.process.claims.coalition_checks import check_coalition_parties
from pantau.process.claims.context import SENTENCE_SEP, Ctx
from pantau.process.claims.count_checks import COUNT_HINTS, check_candidates, check_counts, check_voter_count
from pantau.process.claims.date_checks import check_dates
from pantau.process.claims.facts import FactBase, load_facts
from pantau.process.claims.holiday_checks import check_voting_holiday
from pantau.process.claims.loser_checks import check_loser_claims
from pantau.process.claims.nomination_checks import check_nominations
from pantau.process.claims.pair_count_checks import check_race_pair_counts
from pantau.process.claims.place_checks import check_place_provinces
from pantau.process.claims.psu_count_checks import check_psu_order_counts
from pantau.process.claims.psu_order_checks import check_psu_orders, check_race_revotes
from pantau.process.claims.region_lead_checks import check_region_leads
from pantau.process.claims.result_checks import VoteShare, check_shares, collect_shares
from pantau.process.claims.result_denial_checks import check_result_called_hoax
from pantau.process.claims.round_checks import check_second_round
from pantau.process.claims.rules import Rules, load_rules
from pantau.process.claims.rumour_checks import check_hoaxes, check_postponement
from pantau.process.claims.scope_checks import check_no_such_race, check_scope
from pantau.process.claims.share_claim_checks import check_share_claims
from pantau.process.claims.stance import article_is_debunk, denies_anywhere, is_quoted_claim
from pantau.process.claims.term_checks import check_elected_designation, check_post_vote_event_dates, check_terms
from pantau.process.claims.text import parse_published, split_sentences
from pantau.process.claims.title_checks import check_titles
from pantau.process.claims.vote_total_checks import check_vote_totals
from pantau.process.claims.winner_checks import check_winner_claims
from pantau.records import Flag

log = logging.getLogger(__package__)  # "pantau.process.claims", as before the split into modules

RULES = (
    "voting_date",
    "weekday_mismatch",
    "region_count",
    "candidate_count",
    "official_title",
    "schedule_date",
    "postponement",
    "known_hoax",
    "term_of_office",
    "diy_election",
    "vote_share",
    "candidate_pair",
    "ballot_number",
    "vote_count",
    "psu_date",
    "elected_designation",
    "result_called_hoax",
    "fabricated_nomination",
    "region_lead",
    "voter_count",
    "winner_claim",
    "second_round",
    "no_such_race",
    "race_pair_count",
    "psu_order_count",
    "result_share",
    "voting_holiday",
    "psu_order",
    "vote_total",
    "coalition_party",
    "loser_claim",
)
_RE_DIGIT = re.compile(r"\d")
_RE_CAPS_JOINED = re.compile(
    r"[A-Za-z]\s*[-–—]\s*[A-Z]|[A-Z][a-z]+\s+(?:dan|&|and|berpasangan\s+dengan|bersama|wakilnya)\s+[A-Z]"
)
_RE_BIG_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+")
_RE_EVENT_HINT = re.compile(r"dilantik|pelantikan|ditetapkan|penetapan|inaugurat|sworn|php|perselisihan|sengketa")
_RE_TERM_HINT = re.compile(r"20\d\d\s*(?:-|–|—|s\.?\s*d|sampai|sampe|hingga|/|to)\s*20\d\d")
_RE_LETTER = re.compile(r"[^\W\d_]")
_SEP = SENTENCE_SEP
_PSU_COUNT_HINTS = ("psu", "suara ulang")
_FAKE_STEMS = ("hoaks", "hoax", "palsu", "bohong", "fiktif", "abal", "rekayasa", "manipulasi")
_WIN_STEMS = ("menang", "terpilih", "dilantik", "unggul", "terbanyak", "won", "wins", "winner", "elected", "juara")
_LOSS_STEMS = (
    "kalah",
    "tumbang",
    "keok",
    "takluk",
    "gagal me",
    "gagal terpilih",
    "gagal keluar",
    "kemenangan",
    "menang atas",
    "unggul atas",
    "mengalahkan",
    "menumbangkan",
    "menaklukkan",
    "mengungguli",
    "lost",
    "defeated",
    "beat",
)
_NOMINATION_STEMS = (
    "usung",
    "calonkan",
    "maju",
    "sebagai calon",
    "menjadi calon",
    "jadi ca",
    "nyatakan",
    "diumumkan",
    "running for",
    "run for",
    "runs for",
    "candidate for",
    "nominat",
    "endorse",
)
_POSTPONE_STEMS = (
    "tunda",
    "undur",
    "batal",
    "tangguh",
    "mundur",
    "tidak jadi",
    "postpone",
    "delay",
    "reschedul",
    "cancel",
    "put off",
    "pushed back",
    "called off",
    "jadwalkan ulang",
    "jadwal ulang",
    "digeser",
)


def check_claims(
    title: str,
    body: str,
    *,
    published_at: str | None = None,
    facts: FactBase | None = None,
    article_pilkada: bool = False,
) -> list[Flag]:
    """Flags for statements that contradict the official fact base; [] for clean, empty or unreadable input.

    `article_pilkada`: the relevance stage judged the whole article to be about the Pilkada, so a sentence about
    voting counts as Pilkada context even when it does not repeat the word (as a Pilkada title would).
    """
    facts = facts or load_facts()  # a malformed fact file is a deployment error: it raises ValueError
    rules = load_rules()  # so is a malformed rules file (a bad regex): never a silent "no flags"
    try:
        return _check(title, body, published_at, facts, rules, article_pilkada)
    except Exception:  # a checker bug must not stop the pipeline; the article simply gets no flags
        log.exception("claims: check failed")
        return []


def _check(
    title: Any, body: Any, published_at: str | None, facts: FactBase, rules: Rules, article_pilkada: bool = False
) -> list[Flag]:
    title = _clean(title, rules)
    body = _clean(body, rules)
    if not title and not body:
        return []
    title_low = title.lower()
    ref = parse_published(published_at)
    ctx = Ctx(
        facts=facts.on(ref),  # the ballots and results in force on the text's day (2025 re-votes amended some)
        rules=rules,
        ref=ref,
        title_low=title_low,
        title_pilkada=article_pilkada or rules.has("pilkada_terms", title_low),
        debunk_article=article_is_debunk(title, body, rules),
        quoted_claim=is_quoted_claim(body, rules),
    )
    sentences = ([title] if title else []) + split_sentences(body, rules)
    max_len = rules.raw["sentence_max_chars"]
    sentences = [s for s in sentences if len(s) <= max_len and _RE_LETTER.search(s)]
    for n, sentence in enumerate(sentences):
        restored = restore_case(sentence, ctx.facts, rules)  # all lower case or capitals; names of the day's ballots
        if restored is not None and restored != sentence:
            ctx.original[restored] = sentence
            sentences[n] = restored
    lows = [s.lower() for s in sentences]
    ctx.article_denies = denies_anywhere(sentences, rules)
    pos = 0
    for low in lows:
        ctx.starts.append(pos)
        pos += len(low) + len(_SEP)
    ctx.doc_text = _SEP.join(lows)
    shares: list[VoteShare] = []
    for i, (sentence, low) in enumerate(zip(sentences, lows, strict=True)):
        ctx.i = i
        if "suara" in low or "votes" in low:
            _guarded(collect_shares, sentence, low, ctx, shares)
        _guarded(note_places, sentence, low, ctx)
        seen = _S(sentence, low, ctx)
        for wanted, check in _SENTENCE_CHECKS:
            if wanted(seen):
                _guarded(check, sentence, low, ctx)
    _guarded(settle_vote_counts, ctx)
    if pilkada_context_of_article(ctx):
        try:
            check_shares(shares, ctx)
        except Exception:  # one rule's bug must not take the other rules' flags with it
            log.exception("claims: check_shares failed")
    return ctx.flags


def _guarded(check: Callable[..., None], *args: Any) -> None:
    """Run one check; a bug in it is logged and costs only that check's flags, not the article's others."""
    try:
        check(*args)
    except Exception:
        log.exception("claims: %s failed", getattr(check, "__name__", check))


class _S(NamedTuple):
    """A sentence as the gates see it."""

    text: str
    low: str
    ctx: Ctx


def _any(words: tuple[str, ...]) -> Callable[[_S], bool]:
    """Whether the lower-cased sentence holds any of `words` as a substring: one regex search (C speed) instead of
    a Python loop over the words for every sentence and every gate."""
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return lambda s: pattern.search(s.low) is not None


# (does the sentence need this check?, the check): cheap gates first, so most sentences skip most checks.
_SENTENCE_CHECKS: tuple[tuple[Callable[[_S], bool], Callable[[str, str, Ctx], None]], ...] = (
    (lambda s: bool(_RE_DIGIT.search(s.text)) and s.ctx.has("date_trigger"), check_dates),
    (
        lambda s: bool(_RE_DIGIT.search(s.text)) and _any(("pasang", "paslon", "kandidat", "candidate"))(s),
        check_candidates,
    ),
    (_any(COUNT_HINTS), check_counts),
    (_any(("pemilih", "dpt", "voters", "electorate")), check_voter_count),
    (lambda s: bool(_RE_CAPS_JOINED.search(s.text)), check_pairs),
    (lambda s: bool(_RE_CAPS_JOINED.search(s.text)), check_unregistered_pairs),
    (lambda s: bool(_RE_CAPS_JOINED.search(s.text)), check_unknown_deputies),
    (_any(("urut", "ballot", "paslon", "pasangan nomor", "pasangan calon nomor", "number")), check_ballot_numbers),
    (lambda s: _any(("suara", "votes"))(s) and bool(_RE_BIG_NUMBER.search(s.low)), check_results),
    (lambda s: _any(("suara", "votes"))(s) and _any(("%", "persen", "percent", "per cent"))(s), check_result_shares),
    (_any(("psu", "ulang", "re-vote", "revote")), check_psu_dates),
    (_any(("yogya", "diy", "jogja")), check_scope),
    (_any(("terpilih", "elect", "periode", "masa jabatan", "masa bakti")), check_elected_designation),
    (lambda s: bool(_RE_TERM_HINT.search(s.low)) or _any(("2029",))(s), check_terms),
    (lambda s: "2024" in s.low and _RE_EVENT_HINT.search(s.low) is not None, check_post_vote_event_dates),
    (lambda s: "," in s.text or " di " in s.low or "(" in s.text, check_place_provinces),
    (_any(("kpu", "komisi pemilihan", "elections commission")), check_titles),
    (_any(_POSTPONE_STEMS), check_postponement),
    (lambda s: bool(s.ctx.facts.hoaxes), check_hoaxes),
    (_any(_FAKE_STEMS), check_result_called_hoax),
    (_any(_NOMINATION_STEMS), check_nominations),
    (_any(("unggul di", "menang di", "berjaya di", "mendominasi di", "terbanyak di")), check_region_leads),
    (_any(_WIN_STEMS), check_winner_claims),
    (_any(_LOSS_STEMS), check_loser_claims),
    (_any(("putaran", "pusingan", "second round", "run-off", "runoff")), check_second_round),
    (_any(("yogya", "diy", "d.i", "jogja", "jak", "seribu")), check_no_such_race),
    (_any(("pasang", "paslon", "kandidat", "calon", "tunggal", "kotak kosong")), check_race_pair_counts),
    (lambda s: bool(_RE_DIGIT.search(s.text)) and _any(_PSU_COUNT_HINTS)(s), check_psu_order_counts),
    (_any(("%", "persen", "percent", "per cent")), check_share_claims),
    (_any(("libur", "tanggal merah")), check_voting_holiday),
    (_any(("suara", "votes")), check_vote_totals),
    (
        lambda s: (
            _any(("mk", "mahkamah", "konstitusi", "constitutional court"))(s)
            and _any(("psu", "ulang", "re-vote", "revote", "rerun", "re-run", "repeat vote", "new vote", "semula"))(s)
        ),
        check_psu_orders,
    ),
    (_any(("diulang", "ulang", "re-run", "rerun", "re-held", "held again", "repeated")), check_race_revotes),
    (_any(("usung", "dukung", "koalisi", "calonkan", "diajukan", "mengajukan", "usulan")), check_coalition_parties),
)


def pilkada_context_of_article(ctx: Ctx) -> bool:
    """Article-level rules (vote shares) need the whole text to be Pilkada coverage: its title or the relevance
    stage says so, and no other election is named in the title."""
    return ctx.title_pilkada and not ctx.rules.has("other_election_terms", ctx.title_low)


def _clean(value: Any, rules: Rules) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return ""
    value = value[: rules.raw["text_max_chars"]]
    value = value.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]+", " ", value).strip()


def rule_names() -> Sequence[str]:
    return RULES
