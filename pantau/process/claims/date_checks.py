"""Date claims: a wrong voting date, a weekday that does not match its date, contradicted schedule dates.

A date only counts when it is attached to a stage cue by connector words; other elections, their dates and
legitimate local re-votes (PSU, susulan, lanjutan) are not flagged.
"""

from __future__ import annotations

import re
from datetime import date

from pantau.process.claims.context import SENTENCE_SEP, Ctx, pilkada_context
from pantau.process.claims.facts import Stage
from pantau.process.claims.rules import Rules
from pantau.process.claims.text import DateMention, find_dates
from pantau.text.dates import WEEKDAY_NAMES, format_day

SCHEDULE_STAGES = ("registration", "determination", "campaign", "quiet_period", "recapitulation")
_RE_EXPLICIT_2024 = re.compile(
    r"(?:pilkada|pemilihan|pilgub|pilbup|pilwalkot|pilwako)\s+(?:serentak\s+)?(?:tahun\s+)?2024"
)
_DIGIT = re.compile(r"\d")


def _gap_ok(gap: str, r: Rules) -> bool:
    caps = 0
    for tok in r.re_gap_token.finditer(gap):
        word = tok.group(0)
        lw = word.lower().rstrip(".")
        if lw in r.gap_words or lw in r.weekdays or re.fullmatch(r"(?:19|20)\d\d|[(),:/–-]", lw):
            continue
        if word[0].isupper():
            caps += 1
            if caps <= r.raw["max_gap_capitalized_tokens"]:
                continue
        return False
    return True


def _stage_of(sentence: str, low: str, dm: DateMention, ctx: Ctx) -> tuple[str | None, str, str, int]:
    """The schedule stage a date is attached to: the nearest cue before it, joined only by connector words.

    An election name between a stage cue and the date ("masa tenang Pilkada 2024 berlangsung ...") is skipped, so
    the specific stage wins over the generic voting cue.
    """
    r = ctx.rules
    cues = list(r.re_cue.finditer(low, 0, dm.start))
    if not cues:
        return None, "", "", 0
    i = len(cues) - 1
    cue = cues[i]
    if dm.start - cue.end() > r.raw["max_gap_chars"] or not _gap_ok(sentence[cue.end() : dm.start], r):
        return None, "", "", 0
    while i > 0 and r.lists["pilkada_terms"].fullmatch(re.sub(r"\s+", " ", cues[i].group(0))):
        prev = cues[i - 1]
        if dm.start - prev.end() > 2 * r.raw["max_gap_chars"] or not _gap_ok(sentence[prev.end() : cues[i].start()], r):
            break
        i -= 1
    cue = cues[i]
    cue_text = re.sub(r"\s+", " ", cue.group(0))
    return r.cue_stage.get(cue_text, "other"), cue_text, low[cue.end() : dm.start], cue.start()


def check_dates(sentence: str, low: str, ctx: Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    dates = find_dates(sentence, ctx.ref, r)
    if not dates:
        return
    event = _names_event(ctx.i, ctx) and pilkada_context(ctx)
    for dm in dates:
        official_day = dm.first == facts.voting_date and pilkada_context(ctx)  # the voting day is an event itself
        # "Pilkada serentak 2024 digelar Kamis, 27 November": the sentence gives the voting day's year itself.
        anchored = dm.explicit_year or (official_day and _RE_EXPLICIT_2024.search(low) is not None)
        of_event = event or (pilkada_context(ctx) and dm.first in _event_dates(ctx))
        if not (of_event or official_day) or not _weekday_wrong(dm, anchored):
            continue  # only the day of an election event is checked; a typo in an upload date is not the KPU's
        if _year_typo(dm, ctx.ref):
            continue  # "Rabu siang (23/4/2205)": the year is a typo, the weekday right for the text's own year
        if dm.weekday is not None:
            kind = "weekday_mismatch" if anchored else "weekday_mismatch_inferred_year"
            sev = r.severity[kind]
            fact = f"Menurut kalender, {format_day(dm.first)} jatuh pada hari {WEEKDAY_NAMES[dm.first.weekday()]}"
            fact += f", bukan {dm.weekday_text}."
            source = facts.voting_day.source if dm.first == facts.voting_date else ""
            if dm.first == facts.voting_date:
                fact += " " + facts.voting_day.text
            ctx.add("weekday_mismatch", sev, sentence, fact, source, kind=kind)
    if not pilkada_context(ctx) or ctx.has("exception_terms"):
        return
    explicit_2024 = _RE_EXPLICIT_2024.search(low)
    for dm in dates:
        stage, cue, gap, cue_start = _stage_of(sentence, low, dm, ctx)
        if stage is None or stage == "other":
            continue
        pemilu_day_as_pilkada = _pemilu_day_given_to_pilkada(dm, cue, gap, ctx)
        if dm.first in r.other_election_dates and not pemilu_day_as_pilkada:
            continue
        in_season = date(2024, 8, 1) <= dm.first <= date(2024, 12, 31)
        if not in_season and not explicit_2024 and not pemilu_day_as_pilkada:
            continue
        if stage == "voting":
            if dm.is_range or dm.first == facts.voting_date:
                continue
            if not dm.explicit_year and dm.first.year != 2024:
                continue
            if not _voting_link_ok(low, cue, gap, cue_start, r):
                continue
            fact = facts.voting_day.text
            ctx.add("voting_date", r.severity["voting_date"], sentence, fact, facts.voting_day.source)
        elif stage in SCHEDULE_STAGES and stage in facts.schedule:
            official = facts.schedule[stage]
            exc = r.lists.get(f"stage_exc_{stage}")
            if exc is not None and exc.search(low):
                continue
            if _schedule_contradicts(dm, official, cue, gap, r):
                ctx.add("schedule_date", r.severity["schedule_date"], sentence, official.text, official.source)


def _sentence_low(i: int, ctx: Ctx) -> str:
    end = ctx.starts[i + 1] if i + 1 < len(ctx.starts) else len(ctx.doc_text)
    return ctx.doc_text[ctx.starts[i] : end].removesuffix(SENTENCE_SEP)


def _names_event(i: int, ctx: Ctx) -> bool:
    """Sentence i names an election event, or opens by referring back ("Keputusan ini diumumkan ... Minggu (9/12)")
    to the sentence before it, which names one."""
    cues = ctx.rules.lists["weekday_event_cues"]
    low = _sentence_low(i, ctx)
    if cues.search(low):
        return True
    return (
        i > 0
        and bool(ctx.rules.lists["weekday_event_anaphora"].search(low))
        and bool(cues.search(_sentence_low(i - 1, ctx)))
    )


def _event_dates(ctx: Ctx) -> frozenset[date]:
    """The days the article ties to an election event in some sentence: the same day written with a weekday in
    another sentence belongs to that event as well (once per article)."""
    if ctx.event_dates is None:
        days: set[date] = set()
        for i in range(len(ctx.starts)):
            low = _sentence_low(i, ctx)
            if _DIGIT.search(low) and _names_event(i, ctx):
                days.update(dm.first for dm in find_dates(low, ctx.ref, ctx.rules) if not dm.is_range)
        ctx.event_dates = frozenset(days)
    return ctx.event_dates


def _pemilu_day_given_to_pilkada(dm: DateMention, cue: str, gap: str, ctx: Ctx) -> bool:
    """ "Pemilihan Gubernur 14 Februari 2024": a Pilkada race named right before the day of the 2024 Pemilu (president
    and legislatures) with nothing between but connector words, in a text that names no other election."""
    r = ctx.rules
    if not dm.explicit_year or dm.first.year != 2024 or dm.first not in r.other_election_dates:
        return False
    if not r.lists["pilkada_race_names"].fullmatch(cue) or ctx.has("other_election_terms"):
        return False
    return not gap.strip(" ,:()-") or all(w in r.gap_words for w in re.findall(r"[\w']+", gap))


def _year_typo(dm: DateMention, ref: date | None) -> bool:
    """A year written far from the text's own (over five years off) whose day and month fall on the written weekday
    in the text's year or the one next to it: a typo in the year, not a wrong day."""
    if ref is None or dm.weekday is None or abs(dm.first.year - ref.year) <= 5:
        return False
    return _weekday_fits_a_year(dm, (ref.year - 1, ref.year, ref.year + 1))


def _weekday_fits_a_year(dm: DateMention, years: tuple[int, ...]) -> bool:
    """Whether the date's day and month fall on its written weekday in one of `years`."""
    for year in years:
        try:
            if dm.first.replace(year=year).weekday() == dm.weekday:
                return True
        except ValueError:  # 29 February
            continue
    return False


def _weekday_wrong(dm: DateMention, anchored: bool) -> bool:
    """The weekday does not fit the date; with a guessed year (not written with the date, nor anchored by the
    sentence), not in the neighbouring years either (the guess, not the text, would be wrong)."""
    if dm.weekday is None or dm.is_range or dm.first.weekday() == dm.weekday:
        return False
    if dm.swapped is not None and dm.swapped.weekday() == dm.weekday:
        return False  # "Minggu (12/08)" for Sunday 8 December: the digits written month first, not a wrong day
    if anchored:
        return True
    return not _weekday_fits_a_year(dm, (dm.first.year - 1, dm.first.year + 1))


def _voting_link_ok(low: str, cue: str, gap: str, cue_start: int, r: Rules) -> bool:
    """A voting cue really dates the vote: not "hasil/usai/jelang Pilkada, Kamis (28/11)"."""
    prev = low[max(0, cue_start - 30) : cue_start].split()
    if prev and r.lists["voting_cue_blockers"].fullmatch(prev[-1].strip(",.()")):
        return False
    # "tiga hari setelah gelaran Pilkada, Sabtu (30/11)": a day counted from the vote, not the vote's day
    if any(r.lists["voting_cue_relative_words"].fullmatch(w.strip(",.()")) for w in prev[-3:]):
        return False
    if r.lists["pilkada_terms"].fullmatch(cue):
        # "Rekapitulasi tingkat provinsi Pilkada Jabar digelar ...": the election name qualifies another stage.
        for other in r.re_cue.finditer(low, max(0, cue_start - 60), cue_start):
            if r.cue_stage.get(re.sub(r"\s+", " ", other.group(0)), "other") != "voting":
                return False
    if r.lists["pilkada_terms"].fullmatch(cue) and (
        r.lists["voting_other_nouns"].search(low[max(0, cue_start - 40) : cue_start])
        or r.lists["voting_other_nouns"].search(gap)
    ):
        return False  # "pendaftaran pemantau Pilkada 2024 dibuka ...", "batas pindah memilih Pilkada 2024 ..."
    if r.lists["pilkada_terms"].fullmatch(cue) and not r.has("voting_verbs", gap):
        if r.has("voting_verbs_before", low[max(0, cue_start - 30) : cue_start]):
            return True  # "Indonesians voted in the regional elections on Thursday, November 28"
        return "," not in gap and not any(tok in r.weekdays for tok in re.findall(r"[\w'’]+", gap))
    return True


def _schedule_contradicts(dm: DateMention, official: Stage, cue: str, gap: str, r: Rules) -> bool:
    # a stage that each level or region runs on its own days inside the national window (a province's
    # recapitulation "dimulai Sabtu (7/12)", "5 sampai 7 Desember"): only a day outside the window is wrong
    regional = bool(official.levels) or official.name in r.raw["schedule_regional_stages"]
    if dm.is_range:
        if regional:
            return dm.first < official.start or dm.last > official.end
        return dm.first != official.start or dm.last != official.end
    if regional and official.start <= dm.first <= official.end:
        return False
    starts = r.has("boundary_start", gap)
    ends = r.has("boundary_end", gap)
    if starts and not ends:
        return dm.first != official.start
    if ends and not starts:
        return dm.first != official.end
    strong = r.has("strong_stage_words", cue) or official.name in ("quiet_period", "registration", "determination")
    if not (strong or r.has("schedule_verbs", gap)):
        return False
    return not (official.start <= dm.first <= official.end)
