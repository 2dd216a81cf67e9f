"""Fabricated nominations: a party said to nominate someone who was no candidate anywhere ("PKB usung X"), or such a
person said to run ("X maju di Pilgub ...", "X ditetapkan sebagai calon ...").

Once registration has closed, KPU's candidate list is the fact: a text that asserts "<party> mengusung <name>",
where no candidate or running mate of any of the 545 races bears any word of that name and the text names no running
mate, reports a nomination that did not happen. Not flagged: a nomination still being weighed or called off ("akan",
"batal", "berpeluang", ...), a nomination for another office (party chair, president), a pair nickname in capitals
("DOAMU"), texts before registration closed (then such talk was news). An undated text keeps a lower confidence
("perlu dicek"). Party names, verbs, hedges and offices live in `claim_rules.json` under "nomination_".
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from pantau.process.claims.context import Ctx, mentions_of, pilkada_context
from pantau.process.claims.facts import FactBase
from pantau.process.claims.names import key_words
from pantau.process.claims.names_in_text import NameRun, find_pairs, find_races_named, name_runs
from pantau.process.claims.races import Race

# "paket Astaguna diusung ...": a pair's nickname after a pair word, not a person
_PACKAGE_BEFORE = re.compile(r"(?<![\w-])(?:paket|duet|tandem|pasangan|paslon)\s+$", re.IGNORECASE)
_MATE_AFTER = re.compile(r"^\s*(?:[-–—/]\s*[A-Z]|(?:dan|&|bersama|berpasangan\s+dengan|dengan\s+wakilnya)\s+[A-Z])")


def check_nominations(sentence: str, low: str, ctx: Ctx) -> None:
    r = ctx.rules
    registration = ctx.facts.schedule.get("registration")
    if registration is None or (ctx.ref is not None and ctx.ref <= registration.end):
        return
    if not pilkada_context(ctx) or ctx.has("other_pilkada_year") or ctx.has("conditional_cues"):
        return
    mate_cue = r.lists["nomination_mate_cues"].search(low) is not None
    if mate_cue or _MATE_JOINT.search(sentence):
        # a running mate is named: the pair checks judge a pair with a candidate in it; a pair of two people who
        # are nobody on KPU's list ("AHOK-DJAROT RESMI DIUSUNG ...") is a fabricated nomination all the same
        found = [] if r.lists["nomination_hedges"].search(low) else _unknown_pairs(sentence, low, ctx)
        if not found and not mate_cue:
            # the dash joined no pair ("diusung PDI-Perjuangan", "Senin/Selasa"): a lone name is judged as before
            found = [n for n in _nominations(sentence, low, ctx) if not _joined(sentence, n[0])]
    else:
        found = _nominations(sentence, low, ctx)
    for name, lead, rest in found:
        if r.lists["nomination_hedges"].search(lead) or r.lists["nomination_other_offices"].search(rest):
            continue
        kind = "fabricated_nomination" if ctx.ref is not None else "fabricated_nomination_undated"
        fact = (
            f"{name} tidak ada dalam daftar pasangan calon yang ditetapkan KPU untuk Pilkada 2024 (tidak "
            f"menjadi calon kepala daerah maupun wakil di daerah mana pun). {registration.text}"
        )
        ctx.add("fabricated_nomination", r.severity[kind], sentence, fact, registration.source, kind=kind)
        return


def _nominations(sentence: str, low: str, ctx: Ctx) -> list[tuple[str, str, str]]:
    """(name, text before the nomination, text after it) for "<party> mengusung <name>", "<name> diusung <party>"
    and "<name> maju di Pilkada ...", where the name is nobody on KPU's list and no running mate follows it."""
    r = ctx.rules
    found = []
    claim, passive_claim = _party_patterns(ctx)
    for m in claim.finditer(low):
        name = _name_after(sentence, m.end(), ctx)
        end = m.end() + len(name or "")
        if name is not None and not _MATE_AFTER.match(sentence[end:]):
            found.append((name.strip(), low[max(0, m.start() - 40) : m.end()], low[end : end + 40]))
    passive = [*passive_claim.finditer(low), *r.lists["nomination_candidacy"].finditer(low)]
    for m in passive:
        runs = [
            run for run in name_runs(sentence) if run.end <= m.start() and not sentence[run.end : m.start()].strip()
        ]
        if runs and _unknown_person(sentence, runs[-1], ctx) and not _PACKAGE_BEFORE.search(sentence[: runs[-1].start]):
            run = runs[-1]
            found.append(
                (sentence[run.start : run.end], low[max(0, run.start - 40) : m.end()], low[m.end() : m.end() + 40])
            )
    return found


_MATE_JOINT = re.compile(r"[A-Za-z]{3,}\s*[-–—/]\s*[A-Z][A-Za-z]{2,}")


def _unknown_pairs(sentence: str, low: str, ctx: Ctx) -> list[tuple[str, str, str]]:
    """ "X-Y" (two name runs joined by a dash or slash) where neither is anyone on KPU's list, written as the ones
    a nomination cue nominates (right before "diusung"/"maju", right after "<party> mengusung")."""
    claim, passive = _party_patterns(ctx)
    cues = [*claim.finditer(low), *passive.finditer(low), *ctx.rules.lists["nomination_candidacy"].finditer(low)]
    if not cues:
        return []
    if any(pm.partners for pm in find_pairs(sentence, mentions_of(ctx), True)):
        return []  # a real pair is named: "X-Y (Agi-Saja)" gives its nickname, not another pair
    races = find_races_named(sentence, ctx.facts, ambiguous=True)
    found = []
    for a, b in itertools.pairwise(name_runs(sentence)):
        if not re.fullmatch(r"\s*[-–—/]\s*", sentence[a.end : b.start]) or any(r.words[0].isupper() for r in (a, b)):
            continue  # not joined as a pair; or an acronym ("RK-Suswono"): the pair checks' business
        cue = next((c for c in cues if _subject_of(sentence, a, b, c)), None)
        if cue is None:
            continue  # not the ones nominated ("Warga Senen-Kramat menyambut X yang resmi maju ..."): places, groups
        if any(_stands_in(run, races) for run in (a, b)):
            continue  # one of them stands in the race named ("Pram-Doel" in Jakarta): a nickname, or a pair check
        # one of the two is nobody on KPU's list: no pair has them both (the other may bear a candidate's word:
        # "Ahok-Djarot" where a Djarot runs somewhere else); with no race named, both must be nobody
        unknown = [_unknown_person(sentence, run, ctx) for run in (a, b)]
        if all(unknown) or (races and any(unknown)):
            lead = low[max(0, min(a.start, cue.start()) - 40) : max(cue.end(), a.start)]
            found.append((sentence[a.start : b.end], lead, low[b.end : b.end + 40]))
    return found


def _joined(sentence: str, name: str) -> bool:
    """Whether `name` is written joined to another by a dash or slash ("X-Y"): one of a pair, not a lone name."""
    for m in re.finditer(re.escape(name.strip()), sentence):
        if re.search(r"[-–—/]\s*$", sentence[: m.start()]) or re.match(r"\s*[-–—/]\s*[A-Z]", sentence[m.end() :]):
            return True
    return False


def _subject_of(sentence: str, a: NameRun, b: NameRun, cue: re.Match[str]) -> bool:
    """Whether the pair a-b is who the cue nominates: written right before it ("Ahok-Djarot resmi diusung ...") or
    right after it ("PDI-P mengusung (pasangan) Ahok-Djarot")."""
    if cue.start() >= b.end:
        return not sentence[b.end : cue.start()].strip()
    return cue.end() <= a.start and _PAIR_WORDS.fullmatch(sentence[cue.end() : a.start]) is not None


_PAIR_WORDS = re.compile(r"\s*(?:(?:pasangan|paslon|duet|tandem)\s+(?:calon\s+)?)?", re.IGNORECASE)


def _stands_in(run: NameRun, races: list[Race]) -> bool:
    """Whether a word of the run is, or begins (4+ letters: "Pram" of Pramono), a name word of someone in `races`."""
    words = [w.lower() for w in run.words if len(w) >= 3]
    for race in races:
        for pair in race.pairs:
            for person in (pair.head, pair.deputy):
                names = [n for raw in (person.name, *person.nicknames) for n in key_words(raw)]
                if any(n == w or (len(w) >= 4 and n.startswith(w)) for w in words for n in names):
                    return True
    return False


def _party_patterns(ctx: Ctx) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "<party> mengusung" and "diusung <party>" over the canonical party list of the fact base."""
    raw = ctx.rules.raw
    return _compiled(raw["nomination_claim_regex"], ctx.facts), _compiled(raw["nomination_passive_regex"], ctx.facts)


@lru_cache(maxsize=8)
def _compiled(template: str, facts: FactBase) -> re.Pattern[str]:
    return re.compile(template.replace("{party}", facts.party_table.alias_pattern))


def _name_after(sentence: str, pos: int, ctx: Ctx) -> str | None:
    """The person named right after the verb (with the space before it), if nobody on KPU's list; else None."""
    runs = [run for run in name_runs(sentence) if run.start >= pos and not sentence[pos : run.start].strip()]
    if not runs or not _unknown_person(sentence, runs[0], ctx):
        return None
    return sentence[pos : runs[0].end]


def _unknown_person(sentence: str, run: NameRun, ctx: Ctx) -> bool:
    """A run of capitalised words that names a person nobody on KPU's list bears any word of."""
    r = ctx.rules
    words = [w for w in run.words if not r.lists["non_name_words"].fullmatch(w.lower())]
    if not words or len(run.words) > 4 or any(w.isupper() and len(w) > 1 for w in run.words):
        return False  # a title, a party, a place; an acronym or a pair nickname ("DOAMU", "SIAGA")
    if find_races_named(sentence[run.start : run.end], ctx.facts, ambiguous=True):
        return False
    known = _candidate_words(ctx.facts)
    # Someone on the list bears that name: a short or nicknamed real candidate.
    return not (any(k in known for w in words for k in key_words(w)) or ctx.facts.find_candidates(" ".join(words)))


@lru_cache(maxsize=4)
def _candidate_words(facts: FactBase) -> frozenset[str]:
    """Every word of every candidate's name and nickname (heads and running mates of all races)."""
    out: set[str] = set()
    for race in facts.races.values():
        for pair in race.pairs:
            for person in (pair.head, pair.deputy):
                for raw in (person.name, person.kpu_name, *person.nicknames):
                    out.update(w for w in key_words(raw) if len(w) >= 3)
    return frozenset(out)
