"""Rumour claims: that the Pilkada is postponed, or a match of a known debunked claim.

The nationwide vote of 27 November 2024 was not postponed. A postponement claimed for the whole Pilkada, or for one
race the sentence names, is checked against the fact base by region: a race whose vote was held again in 2025 (an MK
re-vote order, a re-election after the empty box won: `FactBase.ordered_again`) may truly be said to move to 2025 and
is not flagged in a text dated after the vote (or undated); before it, and for any other named race, the vote
was the national day's, and the flag says so for that region.
Denials, questions, conditional talk, official decisions, past events, local or other elections, legitimate re-votes
(PSU, susulan, lanjutan) and articles that debunk the rumour are not flagged.
"""

from __future__ import annotations

from pantau.process.claims.context import Ctx
from pantau.process.claims.names_in_text import find_races_named


def check_postponement(sentence: str, low: str, ctx: Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    # (verb, active?): an English past form ("postponed") is both "the KPU postponed the Pilkada" and "the Pilkada
    # (was) postponed", so it is tried with the subject after it and before it.
    hits = [(m, False) for m in r.re_postpone.finditer(low)] + [(m, True) for m in r.re_postpone_active.finditer(low)]
    if not hits or ctx.debunk_article or "?" in sentence:
        return
    for key in ("denial_cues", "conditional_cues", "official_decision_cues", "past_event_cues", "exception_terms"):
        if ctx.has(key):
            return
    if ctx.has("local_scope_terms") or ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    subjects = list(r.lists["postponement_subject_terms"].finditer(low))
    if not subjects:
        return
    for hit, active in hits:
        if active:
            window = low[hit.end() : hit.end() + 50]
            subj = r.lists["postponement_subject_terms"].search(window)
            between = window[: subj.start()] if subj else ""
        else:
            prior = [s for s in subjects if s.end() <= hit.start() and hit.start() - s.end() <= 60]
            subj = prior[-1] if prior else None
            between = low[subj.end() : hit.start()] if subj else ""
            if subj is not None and r.has("postponement_other_objects", _clause_head(low, subj.start())):
                continue  # "Pelantikan kepala daerah hasil Pilkada 2024 diundur": the inauguration is postponed
        if subj is None or r.has("postponement_other_objects", between):
            continue
        lead = low[max(0, hit.start() - 25) : hit.start()]
        if r.has("negation_cues", lead) or r.has("negation_cues", between):
            continue
        races = find_races_named(sentence, facts, ambiguous=True)
        after_vote = ctx.ref is None or ctx.ref > facts.voting_date
        if after_vote and any(facts.ordered_again(race.code) for race in races):
            return  # that race's vote was held again in 2025 (re-vote, re-election): "diundur ke 2025" may be true
        fact = facts.voting_day.text + " Tidak ada keputusan resmi penundaan Pilkada Serentak 2024 secara nasional."
        why = ""
        if len(races) == 1:
            why = f"{races[0].region} memilih pada hari pemungutan suara nasional, tidak ditunda"
            fact = f"{races[0].region} ikut pemungutan suara serentak; tidak ada penundaan untuk daerah ini. " + fact
        kind = "postponement"
        if ctx.has("circulation_cues"):
            # The article reports a claim going round (a chain message, a viral post) without refuting it:
            # readers may take it as true, so the KPU should still clarify it.
            kind = "postponement_circulating"
            fact += " Artikel memuat klaim yang beredar tanpa bantahan."
        ctx.add("postponement", r.severity[kind], sentence, fact, facts.voting_day.source, kind=kind, why=why)
        return


def check_hoaxes(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if ctx.debunk_article or ctx.has("conditional_cues") or ctx.has("negation_cues"):
        return
    for hoax in ctx.facts.hoaxes:
        if hoax.valid_from and ctx.ref and ctx.ref < hoax.valid_from:
            continue
        if all(any(w in low for w in group) for group in hoax.keywords):
            fact = f"{hoax.text} (Klaim yang sudah dibantah: {hoax.claim})"
            ctx.add("known_hoax", r.severity["known_hoax"], sentence, fact, hoax.source)


_HEAD_CHARS = 40


def _clause_head(low: str, start: int) -> str:
    """The words of the same clause just before a postponed subject ("sidang sengketa " in "Sidang sengketa Pilkada
    Kota Bandung ditunda"): the thing postponed may be an event of the election, not its vote."""
    head = low[max(0, start - _HEAD_CHARS) : start]
    cut = max(head.rfind(c) for c in '.,;:!?"“”()')
    return head[cut + 1 :]
