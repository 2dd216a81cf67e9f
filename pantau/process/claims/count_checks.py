"""Count claims: contradicted numbers of regions (provinces, regencies, cities) and of candidate pairs."""

from __future__ import annotations

import re

from pantau.process.claims.context import Ctx, pilkada_context
from pantau.process.claims.names_in_text import find_races_named
from pantau.process.claims.text import parse_number

# The words a count sentence needs; the checker runs `check_counts` only on sentences holding one of them.
COUNT_HINTS = ("provinsi", "kabupaten", "daerah", "wilayah", " kota", "provinces", "regencies", "cities", "regions")
_ENGLISH_UNITS = {
    "wilayah": "daerah",
    "provinces": "provinsi",
    "regencies": "kabupaten",
    "cities": "kota",
    "regions": "daerah",
    "regencies and cities": "kabupaten/kota",
}


def check_counts(sentence: str, low: str, ctx: Ctx) -> None:
    if ctx.has("other_pilkada_year") or ctx.has("other_election_terms"):
        return
    if not ctx.has("pilkada_terms"):
        if pilkada_context(ctx):  # a list line of a Pilkada text ("1. Digelar di 37 provinsi, 415 kabupaten ...")
            _check_tuples(sentence, low, ctx)
        return
    _check_single_candidate_count(sentence, low, ctx)
    tuple_spans = _check_tuples(sentence, low, ctx)
    if ctx.has("count_qualifier_terms"):
        return
    _check_single_counts(sentence, low, ctx, tuple_spans)


def _check_single_candidate_count(sentence: str, low: str, ctx: Ctx) -> None:
    """ "41 daerah hanya memiliki calon tunggal": the regions with one pair, after KPU determined the pairs."""
    fact = ctx.facts.counts.get("single_candidate_regions")
    determination = ctx.facts.schedule.get("determination")
    if fact is None or determination is None or ctx.ref is None or ctx.ref < determination.end:
        return  # before the determination the number was still moving (registration was extended)
    m = ctx.rules.lists["single_candidate_count"].search(low)
    if m is None:
        return
    n = parse_number(m.group("num") or m.group("num2") or m.group("num3") or m.group("num4"), ctx.rules)
    if n is None or n == fact.value or not 2 <= n <= 100:
        return
    lead = low[max(0, m.start() - 30) : m.start()]
    if ctx.rules.lists["hedge_tail"].search(lead) or re.search(r"\bdari\s+(?:total\s+)?$", lead):
        return
    if ctx.rules.lists["single_candidate_count_blockers"].search(low) or find_races_named(sentence, ctx.facts):
        return  # a part ("di antaranya 10 daerah"), an approximation, or a place's own races
    kind = "single_candidate_count"
    why = f"{n} daerah calon tunggal; KPU menetapkan {fact.value}"
    ctx.add("region_count", ctx.rules.severity[kind], sentence, fact.text, fact.source, kind=kind, why=why)


def _check_tuples(sentence: str, low: str, ctx: Ctx) -> list[tuple[int, int]]:
    r, counts = ctx.rules, ctx.facts.counts
    tuple_spans: list[tuple[int, int]] = []
    region_fact = counts["regions"]
    for m in r.re_tuple.finditer(low):
        p, k, c = (parse_number(m.group(g), r) for g in ("p", "k", "c"))
        tuple_spans.append((m.start(), m.end()))
        if p is None or k is None or c is None or p <= 1:
            continue
        admin = r.raw["count_admin_totals"]
        if p in admin["provinsi"] and k in admin["kabupaten"] and c in admin["kota"]:
            continue
        want = (counts["provinces"].value, counts["regencies"].value, counts["cities"].value)
        if (p, k, c) == want:
            continue
        known = ({want[0], *admin["provinsi"]}, {want[1], *admin["kabupaten"]}, {want[2], *admin["kota"]})
        if not any(n in ok for n, ok in zip((p, k, c), known, strict=True)):
            continue  # no part is a 2024 or national figure: another Pilkada year's counts (2015: 9/224/36)
        only_38 = (k, c) == want[1:] and p in admin["provinsi"]
        kind = "region_count_38_provinces" if only_38 else "region_count"
        ctx.add("region_count", r.severity[kind], sentence, region_fact.text, region_fact.source, kind=kind)
    return tuple_spans


def _check_single_counts(sentence: str, low: str, ctx: Ctx, tuple_spans: list[tuple[int, int]]) -> None:
    r, counts = ctx.rules, ctx.facts.counts
    region_fact = counts["regions"]
    national = ctx.has("count_national_cues")
    mins = r.raw["count_min_national"]
    for m in r.re_count.finditer(low):
        if any(a <= m.start() < b for a, b in tuple_spans):
            continue
        n = parse_number(m.group("num"), r)
        unit = (
            re.sub(r"\s+", " ", m.group("unit"))
            .replace(" dan ", "/")
            .replace("kab /", "kabupaten/")
            .replace(" / ", "/")
        )
        unit = _ENGLISH_UNITS.get(unit.replace("kab/", "kabupaten/"), unit.replace("kab/", "kabupaten/"))
        if n is None:
            continue
        if unit == "daerah" and national and 400 <= n <= 700 and n not in (545, 508):
            fact = region_fact
        elif unit == "kabupaten/kota" and mins["kabupaten/kota"] <= n <= 600 and n not in (508, 514):
            fact = counts["regencies_and_cities"]
        elif unit == "provinsi" and mins["provinsi"] <= n <= 40 and n not in (37, 38):
            fact = counts["provinces"]
        elif unit == "provinsi" and n == 38 and r.lists["count_governor_race_terms"].search(low):
            if re.search(r"\bdari\s+(?:total\s+)?$", low[max(0, m.start() - 12) : m.start()]):
                continue  # "37 dari 38 provinsi": the rest of the sentence says which ones
            fact = counts["provinces"]  # 38 provinces, but DI Yogyakarta elects no governor
        elif unit == "kabupaten" and national and 300 <= n <= 500 and n not in (415, 416):
            fact = counts["regencies"]
        elif unit == "kota" and national and 60 <= n <= 120 and n not in (93, 98):
            fact = counts["cities"]
        else:
            continue
        ctx.add("region_count", r.severity["region_count"], sentence, fact.text, fact.source)


def check_candidates(sentence: str, low: str, ctx: Ctx) -> None:
    r, counts = ctx.rules, ctx.facts.counts
    if "calon" not in low and "paslon" not in low and "kandidat" not in low and "candidate" not in low:
        return
    if not pilkada_context(ctx) or ctx.has("other_election_terms") or ctx.has("exception_terms"):
        return
    determination = ctx.facts.schedule.get("determination")
    if determination is not None and ctx.ref is not None and ctx.ref < determination.start:
        return  # before KPU determined the pairs (22 September 2024), a count is of registrants or prospects
    lo, hi = r.raw["candidate_range"]
    official = counts["candidate_pairs"].value
    accepted = {official, counts.get("candidate_pairs_registered", counts["candidate_pairs"]).value}
    for m in r.re_candidate.finditer(low):
        n = parse_number(m.group("num"), r)
        if n is None or not (lo <= n <= hi) or n in accepted:
            continue
        after = m.group("after")
        if r.lists["candidate_subtype_terms"].search(after[:30]) or r.re_candidate_local.search(after):
            continue
        lead = low[max(0, m.start() - 30) : m.start()]
        if re.search(r"\bdari\s+(?:total\s+)?$|\bdari\s+(?:sekitar\s+)?$", lead):
            continue
        hedged = bool(m.group("an") or r.lists["hedge_tail"].search(lead)) or n % 50 == 0
        tol = r.raw["candidate_tolerance_hedged" if hedged else "candidate_tolerance_exact"]
        if abs(n - official) / official <= tol:
            continue
        fact = counts["candidate_pairs"]
        ctx.add("candidate_count", r.severity["candidate_count"], sentence, fact.text, fact.source)


def check_voter_count(sentence: str, low: str, ctx: Ctx) -> None:
    """A national voter count (DPT) of the Pilkada 2024 other than about 203 million: typically the Pemilu's 204.8
    million given to the Pilkada. Only a national figure ("di seluruh Indonesia", "Pilkada serentak") is checked;
    a province's or a regency's DPT, the provisional lists (DPS, DP4) and other elections are not this rule's."""
    r = ctx.rules
    fact = ctx.facts.counts.get("voters_dpt_millions")
    voter_list = ctx.facts.schedule.get("voter_list_update")
    if fact is None or (voter_list is not None and ctx.ref is not None and ctx.ref <= voter_list.end):
        return
    if not pilkada_context(ctx) or ctx.has("other_election_terms") or not ctx.has("count_national_cues"):
        return
    if r.lists["voter_count_blockers"].search(low):
        return
    low_bound, high_bound = r.raw["voter_count_millions_range"]
    for m in r.lists["voter_count"].finditer(low):
        millions = _millions(m.group("m") or m.group("m2"), m.group("full") or m.group("full2"))
        if millions is None or not low_bound <= millions <= high_bound:
            continue  # not a national figure
        if fact.value <= millions < fact.value + 1:
            continue
        ctx.add("voter_count", r.severity["voter_count"], sentence, fact.text, fact.source)
        return


def _millions(short: str | None, full: str | None) -> float | None:
    if full:
        return int(re.sub(r"\D", "", full)) / 1_000_000
    if short:
        return float(short.replace(",", "."))
    return None
