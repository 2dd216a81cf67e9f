"""Term-of-office claims: those elected in the Pilkada 2024 serve 2025-2030.

The classic error gives the new regional heads the "periode 2024-2029" (the national term of the President and the
legislatures), or a term that ends before it starts ("2025-2023"), or the term's wrong end alone ("akan menjabat
... hingga 2029", kind term_end). Earlier terms ("periode 2019-2024"), acting heads (Pj, Plt) and other offices
(DPRD, President, KPU) are not this rule's business.

Also here (rule event_date, `check_post_vote_event_dates`): the designation or inauguration of those elected dated
in 2024 before the vote; and (rule elected_designation, `check_elected_designation`) a designation as elected
before the KPU could make one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from pantau.process.claims.context import Ctx, pilkada_context
from pantau.process.claims.text import find_dates


def check_terms(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    fact = ctx.facts.general.get("term_of_office")
    if fact is None:
        return
    start, end = fact.value
    wrong = {tuple(pair) for pair in r.raw["term_wrong_pairs"]}
    for m in r.lists["term"].finditer(low):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if (y1, y2) == (start, end):
            continue
        if (y1, y2) not in wrong and not (y2 < y1 and y1 in (start - 1, start)):
            continue
        lead = low[max(0, m.start() - 25) : m.start()]
        if r.has("term_acting_cues", lead) or r.has("term_other_offices", m.group(0)):
            continue
        ctx.add("term_of_office", r.severity["term_of_office"], sentence, fact.text, fact.source)
        return
    _check_term_end(sentence, low, ctx, fact.value[1], fact.text, fact.source)


def _check_term_end(sentence: str, low: str, ctx: Ctx, end: int, text: str, source: str) -> None:
    """ "akan menjabat selama 5 tahun ke depan hingga tahun 2029": the term's end alone, said of those elected in
    2024 (the sentence names them: "terpilih", an office, the Pilkada), when it is a wrong end of `term_wrong_ends`."""
    r = ctx.rules
    m = r.lists["term_end"].search(low)
    if m is None or int(m.group("y2")) == end or int(m.group("y2")) not in r.raw["term_wrong_ends"]:
        return
    if not r.lists["term_end_subjects"].search(low) or r.has("term_acting_cues", low):
        return
    if r.has("term_other_offices", low) or ctx.has("other_pilkada_year"):
        return
    ctx.add("term_of_office", r.severity["term_of_office"], sentence, text, source, kind="term_end")


def check_post_vote_event_dates(sentence: str, low: str, ctx: Ctx) -> None:
    """The designation or inauguration of those elected in the Pilkada 2024, or a results dispute (PHP at the MK),
    dated before the vote ("berlaku pada tanggal ditetapkan, yakni 9 Januari 2024", "akan dilantik Maret 2024",
    "pemeriksaan pendahuluan sidang PHP (8-16 Januari 2024)"): a year slip that puts the event before 27 November
    2024. Only a 2024 date right after the event's word, in a clause on those elected (not of an
    acting head, "Pj Bupati dilantik Maret 2024", nor of polling staff), in a text on the 2024 Pilkada."""
    r = ctx.rules
    if not pilkada_context(ctx) or ctx.has("other_pilkada_year") or r.has("term_acting_cues", low):
        return
    disputes = list(r.lists["post_vote_dispute_cues"].finditer(low))  # a results dispute comes after the vote
    elected = r.lists["post_vote_event_subjects"].search(low) is not None
    cues = sorted(
        [*disputes, *(r.lists["post_vote_event_cues"].finditer(low) if elected else ())], key=lambda c: c.start()
    )
    if not cues:
        return
    voting = ctx.facts.voting_date
    reach = int(r.raw["post_vote_event_reach"])
    for start, day in _dated(sentence, low, ctx):
        cue = next((c for c in reversed(cues) if c.end() <= start <= c.end() + reach), None)
        if cue is None or day.year != voting.year or day >= voting:
            continue
        if r.has("term_other_offices", low[cue.start() : start]):
            continue  # "pelantikan presiden terpilih pada Oktober 2024": another office's event
        dispute = any(cue is d for d in disputes)
        inauguration = r.lists["post_vote_inauguration_cues"].search(cue.group(0)) is not None
        own = _clause_before(low, cue.start()) + " " + low[cue.end() : start]  # the event's own clause
        if not dispute and not r.lists["post_vote_event_subjects"].search(own):
            continue  # "..., sedangkan petugas KPPS dilantik pada 15 November 2024": someone else's event
        if not (dispute or inauguration) and "terpilih" not in own:
            # "pasangan calon ditetapkan pada 22 September 2024": the candidates' determination, also after a
            # clause on those elected ("Paslon terpilih ditetapkan 9 Januari 2025, sedangkan penetapan paslon ...")
            continue
        kind = "dispute_filing" if dispute else "inauguration" if inauguration else "elected_determination"
        stage = ctx.facts.schedule.get(kind)
        if stage is None:
            return
        why = f"{cue.group(0)} {day.isoformat()}: sebelum pemungutan suara {voting.isoformat()}"
        ctx.add("event_date", r.severity["event_date"], sentence, stage.text, stage.source, why=why)
        return


_CLAUSE_BREAK = re.compile(
    r"[;:]|,(?!\s*(?:dan|and)\b)|(?<![\w-])(?:sedangkan|sementara|setelah|sebelum|usai|seusai|sesudah|while|after|before)(?![\w-])"
)


def _clause_before(low: str, pos: int) -> str:
    """The words before `pos` (at most 100 characters) back to the start of its clause."""
    return _CLAUSE_BREAK.split(low[max(0, pos - 100) : pos])[-1]


def _dated(sentence: str, low: str, ctx: Ctx) -> list[tuple[int, date]]:
    """(position, day) of the sentence's dates written with their year (a range by its first day), and of its
    month-year dates ("Maret 2024", as the month's last day: the latest it can mean, so "akhir November 2024" is not
    before 27 November). The month and year of a full date ("30 November 2024") are no month-year date of their own."""
    r = ctx.rules
    dates = find_dates(sentence, ctx.ref, r)
    found = [(d.start, d.first) for d in dates if d.explicit_year]
    for m in _MONTH_YEAR.finditer(low):
        month = r.months.get(m.group("m"))
        if month is None or any(d.start <= m.start() < d.end for d in dates):
            continue
        year = int(m.group("y"))
        found.append((m.start(), date(year, month, calendar.monthrange(year, month)[1])))
    return found


_MONTH_YEAR = re.compile(r"(?<![\w\d])(?P<m>[a-z]+)\.?\s+(?P<y>20\d\d)(?!\d)")


def check_elected_designation(sentence: str, low: str, ctx: Ctx) -> None:
    """A pair said to be designated as elected ("ditetapkan sebagai gubernur terpilih") before any KPU could do so:
    the KPU sets the elected pair only after the Constitutional Court's dispute window (9 January 2025 for the
    regions without a dispute), not at the recapitulation of the results. The designation's day is the publication
    date, or in an undated text the day the sentence itself gives it ("Minggu (8/12/2024)", with its year)."""
    r = ctx.rules
    stage = ctx.facts.schedule.get("elected_determination")
    if stage is None:
        return
    m = r.lists["elected_designation"].search(low)
    if m is None or r.lists["elected_designation_hedges"].search(low):
        return  # "akan ditetapkan", "menunggu putusan MK", "setelah ...": the designation is still to come
    when = ctx.ref
    if when is None:  # undated text: the day the sentence gives the designation, if it gives one with its year
        days = [d.first for d in find_dates(sentence, None, r) if not d.is_range and d.explicit_year]
        when = days[0] if len(set(days)) == 1 else None
    if when is None or not (ctx.facts.voting_date <= when < stage.start):
        return  # nothing to compare; before the vote "terpilih" is not this rule's
    ctx.add("elected_designation", r.severity["elected_designation"], sentence, stage.text, stage.source)
