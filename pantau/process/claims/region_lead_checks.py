"""Where each pair led a provincial race: "X-Y unggul di 10 wilayah, yakni A, B, C" against the official count.

For a governor's race whose fact base entry lists the pair that led in its regencies and cities (`leaders`: all of
them, or those a source gives), a text that names regencies or cities where a pair led, or how many it led, is
checked: a listed region that another pair won, or (where every region's leader is known) a count that is not the
pair's, is a misreported result. The pair is named just before the verb (a short
name or nickname is enough: "Melki-Johni", "Ansy-Jane", "nomor urut 2"). Quick counts, partial or provisional
tallies, smaller areas (kecamatan, TPS) and texts dated before the provincial recapitulation are not checked.
Phrases live in `claim_rules.json` under "region_lead".

Where the official leaders do not cover a regency/city, KPU's provisional Sirekap count of the governor's race there
(facts_sirekap.json `regions`) fills in when it is decisive ("sirekap_decisive" in claim_rules.json) and the text is
dated (after the recapitulation, hence after the count); a flag that rests on such a region has the lower confidence
of kind "region_lead_sirekap", names those regions as Sirekap-derived and provisional, and cites the count.
"""

from __future__ import annotations

import re

from pantau.process.claims.context import Ctx
from pantau.process.claims.facts import Outcome
from pantau.process.claims.names import key_words
from pantau.process.claims.names_in_text import find_races_named
from pantau.process.claims.races import Race
from pantau.process.claims.sirekap import SirekapCount
from pantau.process.claims.text import parse_number

_WORD = re.compile(r"[A-Z][\w'’]+")
_BALLOT = re.compile(r"nomor\s+urut\s+0?(\d)\b")


def check_region_leads(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    if r.lists["region_lead_partial_cues"].search(low):
        return
    races = [x for x in (ctx.mentions.known_races() if ctx.mentions else []) if x.level == "gubernur"]
    for m in r.lists["region_lead"].finditer(low):
        for race in races:
            outcome = ctx.facts.outcome(race.code)
            if outcome is None or outcome.quality != "official":
                continue
            if ctx.ref is not None and (outcome.recap_date is None or ctx.ref < outcome.recap_date):
                continue  # before the provincial recapitulation, leads were provisional
            leaders, provisional, count = _leaders(outcome, race, ctx)
            if not leaders:
                continue
            number = _pair_named_before(sentence, low, m.start(), race)
            if number is not None:
                _judge(sentence, m, race, (outcome, leaders, provisional, count), number, ctx)
                return


def _leaders(outcome: Outcome, race: Race, ctx: Ctx) -> tuple[dict[str, int], set[str], SirekapCount | None]:
    """The leader of each regency/city: the official ones, then, for a dated text, the decisive Sirekap ones where
    no official leader is recorded (their codes returned apart), and the Sirekap count used."""
    leaders = dict(outcome.leaders)
    count = ctx.facts.sirekap(race.code)
    if count is None or ctx.ref is None or ctx.ref <= count.counted_on:
        return leaders, set(), None
    limits = ctx.rules.raw["sirekap_decisive"]
    provisional = set()
    for code, lead in count.regions.items():
        decisive = lead.progress >= limits["min_progress"] and lead.margin >= limits["min_margin"]
        if code not in leaders and decisive and lead.leader.isdigit():
            leaders[code] = int(lead.leader)
            provisional.add(code)
    return leaders, provisional, count if provisional else None


_Leads = tuple[Outcome, dict[str, int], set[str], SirekapCount | None]


def _judge(sentence: str, m: re.Match[str], race: Race, leads: _Leads, number: int, ctx: Ctx) -> None:
    outcome, leaders, provisional, count = leads
    r = ctx.rules
    tail = sentence[m.end() :]
    stop = r.lists["region_lead_tail_stops"].search(tail.lower())
    if stop is not None:
        tail = tail[: stop.start()]  # "... unggul di 15 kabupaten dan hanya kalah di Konawe": not where it led
    listed = [x for x in find_races_named(tail, ctx.facts) if x.province_code == race.code and x.level != "gubernur"]
    won = sorted(code for code, n in leaders.items() if n == number)
    pair = race.pair(number)
    if pair is None:
        return
    who = f"{pair.head.name}-{pair.deputy.name} (nomor urut {number})"
    wrong = [x for x in listed if leaders.get(x.code) not in (None, number)]
    said = parse_number(m.group("n"), r) if m.group("n") else None
    names = ", ".join(ctx.facts.races[c].region for c in won if c in ctx.facts.races)
    complete = _complete(leaders, race, ctx)
    where = f"di {len(won)} kabupaten/kota" if complete else "antara lain di"
    fact = f"{race.region}: {who} unggul {where}: {names}." if names else f"{race.region}:"
    if wrong:
        others = []
        for x in wrong:
            winner = race.pair(leaders[x.code])
            if winner is not None:
                others.append(f"{x.region} dimenangi {winner.head.name}-{winner.deputy.name}")
        fact += " " + "; ".join(others) + "."
        rests_on = {x.code for x in wrong} & provisional
    elif said is None or said == len(won) or not complete:
        return  # no count given, the right one, or the fact base does not know every region's leader
    else:
        rests_on = set(provisional)
    if not rests_on or count is None:
        ctx.add("region_lead", r.severity["region_lead"], sentence, fact, outcome.leaders_source)
        return
    regions = ", ".join(sorted(ctx.facts.races[c].region for c in rests_on if c in ctx.facts.races))
    fact += (
        f" Untuk {regions}: menurut hitung suara KPU di Sirekap (data sementara, bukan hasil resmi) per "
        f"{count.ts:%d-%m-%Y %H.%M} WIB; hasil resmi: rekapitulasi KPU {race.region}."
    )
    kind = "region_lead_sirekap"
    ctx.add("region_lead", r.severity[kind], sentence, fact, count.source, kind=kind)


def _complete(leaders: dict[str, int], race: Race, ctx: Ctx) -> bool:
    local = {r.code for r in ctx.facts.races_in_province(race.code) if r.level != "gubernur"}
    return local <= set(leaders)


def _pair_named_before(sentence: str, low: str, pos: int, race: Race) -> int | None:
    """The ballot number of the one pair of `race` named in the clause before `pos`: a word of a head's or running
    mate's name, or its start ("Melki" of "Melkiades"), or "nomor urut N"."""
    start = max(low.rfind(sep, 0, pos) for sep in (",", ";", ":", "."))
    clause = sentence[start + 1 : pos]
    ballot = _BALLOT.search(clause.lower())
    if ballot and race.pair(int(ballot.group(1))) is not None:
        return int(ballot.group(1))
    words = {w.lower() for w in _WORD.findall(clause) if len(w) >= 4}
    found = set()
    for pair in race.pairs:
        names = [k for p in (pair.head, pair.deputy) for k in key_words(p.name) if len(k) >= 4]
        if any(n == w or n.startswith(w) for w in words for n in names):
            found.add(pair.number)
    return found.pop() if len(found) == 1 else None
