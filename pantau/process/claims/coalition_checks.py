"""Coalition claims: a party said to nominate or support a gubernatorial pair it did not back.

"Golkar mengusung Sherly Tjoanda", "Pramono-Rano diusung PDIP dan PKS", "partai pengusung Sherly, di antaranya
Partai Golkar", "PKB mengusung Anies di Pilgub Jakarta": in a clause with a nomination word ("mengusung",
"mendukung", "pengusung", "berkoalisi", "dicalonkan"), the parties named (canonical list of `facts_parties.json`)
and the one pair the clause names are checked against the supporting parties the fact base records for that race
(`FactBase.party_table`). A party recorded under another pair of the race is a misreported coalition; so is a party
said to carry a person who is none of the race's candidates, when the clause names the race and the party backs one
of its pairs.

Not checked: a clause that names two pairs or none (rivals side by side), a party mentioned as a person's
affiliation ("kader PDIP", "politikus Golkar", "Ketua DPW PKB"): a member's personal support is not the party's),
plans, talks, polls and past positions ("akan", "berpeluang", "menjajaki", "wacana", "survei", "sempat",
"sebelumnya"), negations ("tidak mengusung", "batal"), another race named in the clause, other elections and years,
races without party data, and texts dated before KPU's determination of the pairs (22 September 2024): until then
coalitions were still forming and parties switched (Golkar in Banten, 26-27 August 2024), so such news was news,
not a misreport. An undated text keeps a lower confidence ("perlu dicek"). Stance (attributed, denied, asked,
conditional) and debunk articles are handled by `Ctx.add` as for every rule. Phrases live in `claim_rules.json`
under "coalition_".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from pantau.process.claims.context import Ctx, mentions_of, pilkada_context
from pantau.process.claims.names import key_words
from pantau.process.claims.names_in_text import find_pairs, find_races_named, name_runs, resolve
from pantau.process.claims.parties import Backing, PartyMention
from pantau.process.claims.races import CandidateMatch, Race

_AFFILIATION_WINDOW = 30  # characters before a party name searched for "kader", "politikus", "Ketua DPW"
_GAP_AFTER = 40  # characters between a party list and the active verb it is the subject of
_GAP_BEFORE = 100  # characters between a passive verb or "pengusung" and the party list it introduces


def check_coalition_parties(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if ctx.has("other_election_terms") or ctx.has("other_pilkada_year") or ctx.has("conditional_cues"):
        return
    if not (pilkada_context(ctx) or ctx.title_pilkada):
        return
    determination = ctx.facts.schedule.get("determination")
    if determination is None or (ctx.ref is not None and ctx.ref < determination.end):
        return  # before the determination, coalitions were still news
    table = ctx.facts.party_table
    parties = [p for p in table.find(sentence) if not _affiliation(low, p, ctx)]
    if not parties:
        return
    for start, end in _clauses(low, ctx):
        mine = _nominating([p for p in parties if start <= p.start < end], low, start, end, ctx)
        clause = low[start:end]
        if not mine or not r.lists["coalition_cues"].search(clause) or r.lists["coalition_hedges"].search(clause):
            continue
        if _judge_clause(sentence, start, end, mine, ctx):
            return


def _clauses(low: str, ctx: Ctx) -> list[tuple[int, int]]:
    """The sentence cut at contrasts and rivals ("sedangkan", "sementara", "melawan", ";"): each part names its
    own pair and parties."""
    cuts = [m.start() for m in ctx.rules.lists["coalition_breaks"].finditer(low)]
    bounds = [0, *cuts, len(low)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _nominating(parties: list[PartyMention], low: str, start: int, end: int, ctx: Ctx) -> list[PartyMention]:
    """The parties a clause names as nominating: a list of parties ("PKS, Golkar dan PAN") right before an active
    verb ("mengusung", "berkoalisi"), or after a passive verb or a noun of support ("diusung oleh", "partai
    pengusung ..., di antaranya"), with no other verb in between. "PDIP mengkritik X yang diusung KIM" names PDIP as
    a critic, not as X's party."""
    r = ctx.rules
    out: list[PartyMention] = []
    for group in _groups(parties, low, ctx):
        first, last = group[0], group[-1]
        after = low[last.end : min(end, last.end + _GAP_AFTER)]
        active = r.lists["coalition_verb_lead"].search(after)
        if active is not None and not _other_verb(after[: active.start()], ctx):
            out.extend(group)
            continue
        before = low[max(start, first.start - _GAP_BEFORE) : first.start]
        cues = list(r.lists["coalition_cue_lead"].finditer(before))
        gap = before[cues[-1].end() :] if cues else ""
        if cues and not _other_verb(gap, ctx) and not re.search(r"\b(?:dan|serta)\s*$", gap):
            out.extend(group)  # "diusung X, dan Hanura menilai ...": a new subject joined by "dan", not the list
    return out


def _groups(parties: list[PartyMention], low: str, ctx: Ctx) -> list[list[PartyMention]]:
    """Parties listed together ("PKS, Golkar (14 kursi) dan PAN") form one group."""
    groups: list[list[PartyMention]] = []
    for p in parties:
        if groups and ctx.rules.lists["coalition_list_glue"].fullmatch(low[groups[-1][-1].end : p.start]):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _other_verb(gap: str, ctx: Ctx) -> bool:
    """A verb between a party and the nomination word makes the party the subject of something else."""
    r = ctx.rules
    return any(
        not r.lists["coalition_gap_allowed"].fullmatch(m.group(0)) for m in r.lists["coalition_gap_verb"].finditer(gap)
    )


def _affiliation(low: str, party: PartyMention, ctx: Ctx) -> bool:
    """ "kader PDIP", "politikus Partai Golkar", "Ketua DPW PKB": the party as someone's affiliation."""
    before = low[max(0, party.start - _AFFILIATION_WINDOW) : party.start]
    before = re.split(r"[,;:()]", before)[-1]
    return ctx.rules.lists["coalition_member_cues"].search(before) is not None


def _people(sentence: str, start: int, end: int, ctx: Ctx) -> list[CandidateMatch]:
    """The candidates a clause names: pairs ("X-Y", "X dan Y") and single names."""
    mentions = mentions_of(ctx)
    found = [pm.first for pm in find_pairs(sentence, mentions, True) if pm.partners and start <= pm.start < end]
    for run in name_runs(sentence):
        if not start <= run.start < end:
            continue
        hit = resolve(run.words, mentions, suffix=True) or resolve(run.words, mentions, suffix=False)
        if hit is not None:
            found.append(hit)
    return found


def _judge_clause(sentence: str, start: int, end: int, parties: list[PartyMention], ctx: Ctx) -> bool:
    table = ctx.facts.party_table
    people = _people(sentence, start, end, ctx)
    pairs = {(c.race.code, c.pair.number) for c in people}
    named = find_races_named(sentence[start:end], ctx.facts, ambiguous=True)
    races = [x for x in named if x.level == "gubernur" and table.pairs_of(x.code)]
    if len(pairs) == 1:
        who = people[0]
        if named and who.race not in named and not _province_of(who.race, named):
            # Another race is named: a candidate of one race said to run in another ("PKB mengusung Risma di
            # Pilgub Jakarta") is no candidate there; any other race named makes it that race's business.
            if len(races) != 1 or who.race.level != "gubernur":
                return False
            return _judge_outsider(sentence, races[0], who.pair.person(who.role).name, parties, ctx)
        for pm in parties:
            backing = table.backing(who.race.code, pm.party)
            if backing is None or backing.number == who.pair.number:
                continue
            _flag(sentence, who.race, pm.party, backing, f"{_pair_name(who.race, who.pair.number)}", ctx)
            return True
        return False
    if pairs or len(races) != 1:
        return False  # two pairs: rivals, a list, or a party's other race; or no race with party data
    if any(f.evidence == sentence and f.rule == "fabricated_nomination" for f in ctx.flags):
        return False  # nobody anywhere bears the name: that rule has said it, with KPU's list as the fact
    return any(
        _judge_outsider(sentence, races[0], name, parties, ctx)
        for name in _nominated_names(sentence, start, end, ctx)
        if not _in_race(name, races[0])
    )


def _judge_outsider(sentence: str, race: Race, name: str, parties: list[PartyMention], ctx: Ctx) -> bool:
    """A person who is none of the race's candidates said to be carried there by a party that backs one of them."""
    for pm in parties:
        backing = ctx.facts.party_table.backing(race.code, pm.party)
        if backing is not None:
            _flag(sentence, race, pm.party, backing, name, ctx, why=f"{name} bukan calon di {race.region}")
            return True
    return False


def _province_of(race: Race, named: list[Race]) -> bool:
    """A regency of the race's province named beside the province ("Golkar mengusung X di Pilgub Malut, di
    Ternate") does not make it another race."""
    return any(x.province_code == race.province_code for x in named) and race.level == "gubernur"


def _nominated_names(sentence: str, start: int, end: int, ctx: Ctx) -> Iterator[str]:
    """The name right after a nominating verb ("mengusung Anies") or right before a passive one ("Anies diusung")."""
    r = ctx.rules
    low = sentence.lower()
    runs = [run for run in name_runs(sentence) if start <= run.start < end]
    for m in r.lists["coalition_verb_active"].finditer(low, start, end):
        after = [run for run in runs if run.start >= m.end() and not sentence[m.end() : run.start].strip()]
        if after and (name := _person_words(sentence, after[0].start, after[0].end, ctx)):
            yield name
    for m in r.lists["coalition_verb_passive"].finditer(low, start, end):
        before = [run for run in runs if run.end <= m.start() and not sentence[run.end : m.start()].strip()]
        if before and (name := _person_words(sentence, before[-1].start, before[-1].end, ctx)):
            yield name


def _person_words(sentence: str, start: int, end: int, ctx: Ctx) -> str:
    """The run as a person's name, or "" for a title, a party, a place, an acronym or a pair nickname."""
    r = ctx.rules
    text = sentence[start:end]
    words = [w.strip(".,") for w in text.split()]
    words = [w for w in words if w and not r.lists["non_name_words"].fullmatch(w.lower())]
    if not words or len(words) > 4 or any(w.isupper() and len(w) > 1 for w in words):
        return ""
    if any(True for _ in ctx.facts.party_table.find(text)) or find_races_named(text, ctx.facts, ambiguous=True):
        return ""
    return " ".join(words)


def _in_race(name: str, race: Race) -> bool:
    """Whether any word of the name is a word of one of the race's candidates (a short or nicknamed candidate)."""
    wanted = {k for w in name.split() for k in key_words(w) if len(k) >= 3}
    for pair in race.pairs:
        for person in (pair.head, pair.deputy):
            have = {k for raw in (person.name, person.kpu_name, *person.nicknames) for k in key_words(raw)}
            if wanted & have:
                return True
    return False


def _pair_name(race: Race, number: int) -> str:
    pair = race.pair(number)
    return f"{pair.head.name}-{pair.deputy.name} (nomor urut {number})" if pair is not None else f"nomor urut {number}"


def _flag(sentence: str, race: Race, party: str, backing: Backing, said: str, ctx: Ctx, *, why: str = "") -> None:
    r = ctx.rules
    fact = f"{race.region}: {party} mengusung {_pair_name(race, backing.number)}"
    fact += f" (sumber {backing.date})." if backing.date else "."
    kind = "coalition_party" if ctx.ref is not None else "coalition_party_undated"
    why = why or f"{party} tidak mengusung {said}"
    ctx.add("coalition_party", r.severity[kind], sentence, fact, backing.url, kind=kind, why=why)
