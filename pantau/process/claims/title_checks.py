"""Title claims: a KPU RI title the person does not (or no longer) hold at the article's date.

Historical statements that name an earlier date or year in which the person held the title are not flagged.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from pantau.process.claims.context import Ctx
from pantau.process.claims.facts import FactBase, Person
from pantau.process.claims.text import find_dates


@lru_cache(maxsize=4)
def _name_index(facts: FactBase) -> tuple[re.Pattern[str], dict[str, Person]]:
    index: dict[str, Person] = {}
    parts: list[str] = []
    for person in (*facts.members, *facts.others):
        for alias in person.aliases:
            key = _name_key(alias)
            index.setdefault(key, person)
            pat = re.escape(alias.lower()).replace(r"\ ", r"\s+")
            pat = re.sub(r"(?:\\?['’`])", "['’`]?\\\\s?", pat)
            parts.append(pat)
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])"), index


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def check_titles(sentence: str, low: str, ctx: Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    if "kpu" not in low and "komisi pemilihan" not in low and "elections commission" not in low:
        return
    pattern, index = _name_index(facts)
    for m in pattern.finditer(low):
        person = index.get(_name_key(m.group(0)))
        if person is None:
            continue
        before = low[max(0, m.start() - 90) : m.start()]
        tm = r.re_title_before.search(before)
        if tm is None:
            tm = r.re_title_after.match(low[m.end() : m.end() + 80])
            if tm is not None and re.match(
                r"\s*(?:provinsi|kabupaten|kota|kab\.?|prov\.?|dki|daerah|di)\b", low[m.end() + tm.end() :]
            ):
                continue
        english = False
        if tm is None:  # English coverage: "KPU's acting head", "chairman of the General Elections Commission"
            tm = r.lists["title_en"].search(before) or r.lists["title_en_after"].match(low[m.end() : m.end() + 90])
            if tm is not None and not (tm.group("org") or tm.group("of")):
                tm = None  # a bare "head" or "member" says nothing about the KPU
            english = tm is not None
        if tm is None:
            continue
        if ctx.has("title_history_cues"):
            continue
        word = r.raw["title_en_kinds"][tm.group("kind")] if english else tm.group("kind")
        acting = tm.group("plt") or (english and tm.group("pre"))
        kind = "plt" if acting else ("ketua" if word == "ketua" else "anggota")
        _judge_title(person, kind, sentence, low, ctx)


def _judge_title(person: Person, kind: str, sentence: str, low: str, ctx: Ctx) -> None:
    r, facts = ctx.rules, ctx.facts
    label = {"ketua": "Ketua KPU RI", "plt": "Plt Ketua KPU RI", "anggota": "anggota KPU RI"}[kind]
    if person.office is not None:
        ctx.add("official_title", r.severity["official_title_member"], sentence, person.text, person.source)
        return
    wanted = {
        "ketua": ("ketua", "plt_ketua"),
        "plt": ("plt_ketua", "ketua"),
        "anggota": ("anggota", "ketua", "plt_ketua"),
    }
    roles = [role for role in person.roles if role.role in wanted[kind]]
    if not roles:
        sev = r.severity["official_title_chair" if kind != "anggota" else "official_title_member"]
        chair = facts.chair_at(ctx.ref) if ctx.ref else None
        fact = f"{person.name} tidak pernah menjabat {label}."
        src = person.roles[0].source if person.roles else ""
        if chair:
            fact += f" {label.replace('Plt ', '')} pada tanggal artikel: {chair[0].name} ({chair[1].text.rstrip('.')})."
            src = chair[1].source
        ctx.add("official_title", sev, sentence, fact, src)
        return
    if ctx.ref is None:
        return
    if any(role.active(ctx.ref) for role in roles):
        if kind == "plt" and not any(role.role == "plt_ketua" and role.active(ctx.ref) for role in roles):
            ketua = next(role for role in roles if role.active(ctx.ref))
            minor = r.severity["official_title_minor"]
            ctx.add("official_title", minor, sentence, ketua.text, ketua.source, kind="official_title_minor")
        return
    # Not valid at the article's date: historical sentences that name an earlier date or year are fine.
    for dm in find_dates(sentence, ctx.ref, r):
        if dm.explicit_year and any(role.active(dm.first) for role in roles):
            return
    for mm in re.finditer(r"(?<![\w])(" + "|".join(r.months) + r")\.?\s+((?:19|20)\d\d)(?![\w])", low):
        mo, yr = r.months[mm.group(1)], int(mm.group(2))
        span = (date(yr, mo, 1), date(yr, mo, calendar.monthrange(yr, mo)[1]))
        if any(role.active(span[0]) or role.active(span[1]) for role in roles):
            return
    for y in r.re_year.findall(low):
        yr = int(y)
        if yr < ctx.ref.year and any(role.active(date(yr, 6, 30)) or role.active(date(yr, 12, 31)) for role in roles):
            return
    earliest = min((role.valid_from for role in roles if role.valid_from), default=None)
    if earliest and ctx.ref < earliest:
        if any(role.from_unverified for role in roles):
            return
        ended = roles[0]
        sev = r.severity["official_title_minor"]
        ctx.add(
            "official_title",
            sev,
            sentence,
            f"{person.name} belum menjabat pada tanggal artikel: {ended.text}",
            ended.source,
            kind="official_title_minor",
        )
        return
    ended = max(roles, key=lambda role: role.valid_to or date.max)
    sev = r.severity["official_title_chair" if kind in ("ketua", "plt") else "official_title_member"]
    fact = f"{person.name}: {ended.text}"
    source = ended.source
    if kind in ("ketua", "plt"):
        chair = facts.chair_at(ctx.ref)
        if chair:
            fact = f"Ketua KPU RI pada tanggal artikel adalah {chair[0].name} ({chair[1].text.rstrip('.')}). {fact}"
    ctx.add("official_title", sev, sentence, fact, source)
