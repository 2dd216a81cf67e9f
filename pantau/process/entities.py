"""Election entities in an article: bodies (KPU, Bawaslu, DKPP, MK... with their level and region), national
officials with their roles, regional officials introduced as "Ketua KPU <place>, <Name>", and candidate pairs.

Data: `data/election_bodies.json`, `data/officials.json`, `data/candidates.json` (see their `_doc`). Every entity
is a `pantau.records.Entity`, whose fields are the keys the articles index maps: type, name, role, body, region.
For election bodies `role` carries the level (national, province, regency, city, adhoc) or None when the article
does not say.

Regency and city names need a gazetteer: pass `region_resolver` (place text -> (code, canonical name such as
"Kabupaten Musi Banyuasin")) to `EntityFinder`; without one, provinces are resolved from the bundled aliases and
other places keep the article's spelling with region None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pantau.process.relevance import PhraseMatcher, as_text
from pantau.records import Entity
from pantau.resources import load_json as load_data
from pantau.text.tokens import tokenize, words_with_gaps

RegionResolver = Callable[[str], tuple[str, str] | None]

_JOINERS = frozenset({"-", "'", "’"})
_MAX_CHARS = 200_000
_MAX_BODY_MENTIONS = 500  # per text; later mentions of bodies add nothing new in a real article
_LEVEL_PREFIX = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}
_ROLE_WORDS = {"ketua": "Ketua", "anggota": "Anggota", "komisioner": "Anggota", "kordiv": "Koordinator Divisi"}


@dataclass(frozen=True)
class _Tokens:
    orig: list[str]
    low: list[str]
    brk: list[bool]  # brk[i]: punctuation between token i-1 and token i
    paren: list[bool]  # paren[i]: the gap before token i is just ")" as in "Komisi Pemilihan Umum (KPU) Jatim"


def _tokens(text: str) -> _Tokens:
    pairs = words_with_gaps(text)
    orig = [w for _, w in pairs]
    gaps = [g.strip() for g, _ in pairs]
    brk = [bool(g) and g not in _JOINERS for g in gaps]
    return _Tokens(orig, [t.lower() for t in orig], brk, [g == ")" for g in gaps])


@dataclass(frozen=True)
class _Body:
    id: str
    name: str
    levels: bool
    adhoc: bool


@dataclass(frozen=True)
class _Person:
    name: str
    body: str
    role: str


@dataclass(frozen=True)
class _Candidate:
    name: str
    race: str
    region: str
    pair: int  # index into _Data.pairs
    position: int  # 0 = head, 1 = deputy


@dataclass(frozen=True)
class _Pair:
    names: tuple[str, str]
    race: str
    region: str
    number: int | None


def _norm(phrase: str) -> tuple[str, ...]:
    return tuple(tokenize(phrase))


class _Data:
    def __init__(self) -> None:
        bodies_cfg: dict[str, Any] = load_data("election_bodies.json")
        self.bodies: dict[str, _Body] = {}
        body_phrases: list[tuple[str, str]] = []
        self.case_sensitive: dict[str, str] = {}
        for b in bodies_cfg["bodies"]:
            self.bodies[b["id"]] = _Body(b["id"], b["name"], bool(b["levels"]), bool(b.get("adhoc", False)))
            body_phrases += [(alias, b["id"]) for alias in b["aliases"]]
            for alias in b.get("case_sensitive", []):
                self.case_sensitive[alias.lower()] = b["id"]
                body_phrases.append((alias, b["id"]))
        self.body_matcher: PhraseMatcher[str] = PhraseMatcher(body_phrases)
        self.national = frozenset(bodies_cfg["national_markers"])
        self.national_phrases = {_norm(p) for p in bodies_cfg["national_markers"]}
        self.level_words: dict[str, str] = bodies_cfg["level_words"]
        self.stopwords = frozenset(bodies_cfg["place_stopwords"])
        self.provinces: dict[tuple[str, ...], tuple[str, str]] = {}
        for p in bodies_cfg["provinces"]:
            for alias in p["aliases"]:
                self.provinces[_norm(alias)] = (p["code"], p["name"])
        self.max_province_len = max(len(k) for k in self.provinces)

        officials = load_data("officials.json")["officials"]
        self.people: list[_Person] = []
        strong: list[tuple[str, int]] = []
        weak: list[tuple[str, int]] = []
        for i, o in enumerate(officials):
            self.people.append(_Person(o["name"], o["body"], o["role"]))
            strong += [(a, i) for a in o["aliases"]]
            weak += [(a, i) for a in o.get("context_aliases", [])]
        self.official_matcher: PhraseMatcher[tuple[bool, int]] = PhraseMatcher(
            [(a, (True, i)) for a, i in strong] + [(a, (False, i)) for a, i in weak]
        )
        self.person_tokens = frozenset(t for a, _ in strong + weak for t in _norm(a))

        self.pairs: list[_Pair] = []
        self.candidates: list[_Candidate] = []
        cand_phrases: list[tuple[str, tuple[str, int]]] = []
        for race in load_data("candidates.json")["races"]:
            for pair in race["pairs"]:
                p_idx = len(self.pairs)
                heads = tuple(n["name"] for n in pair["names"][:2])
                self.pairs.append(_Pair((heads[0], heads[1]), race["race"], race["region_code"], pair.get("number")))
                for alias in pair.get("pair_aliases", []):
                    cand_phrases.append((alias, ("pair", p_idx)))
                forms: list[list[str]] = []
                for pos, person in enumerate(pair["names"][:2]):
                    c_idx = len(self.candidates)
                    self.candidates.append(_Candidate(person["name"], race["race"], race["region_code"], p_idx, pos))
                    cand_phrases += [(a, ("strong", c_idx)) for a in person["aliases"]]
                    cand_phrases += [(a, ("short", c_idx)) for a in person.get("short", [])]
                    forms.append(list(person["aliases"]) + list(person.get("short", [])))
                if len(forms) == 2:
                    for a in forms[0]:
                        for b in forms[1]:
                            cand_phrases.append((f"{a} {b}", ("pair", p_idx)))
        self.cand_matcher: PhraseMatcher[tuple[str, int]] = PhraseMatcher(cand_phrases)


@cache
def _data() -> _Data:
    return _Data()


def _entity(kind: str, name: str, role: str | None, body: str | None, region: str | None) -> Entity:
    return Entity(type=kind, name=name, role=role, body=body, region=region)


def _region_allowed(code: str, allowed: Iterable[str] | None) -> bool:
    if allowed is None:
        return True
    return any(code == c or c.startswith(code + ".") or code.startswith(c + ".") for c in allowed)


class EntityFinder:
    """Finds election entities; `region_resolver` maps a regency/city name to (code, canonical name)."""

    def __init__(self, region_resolver: RegionResolver | None = None) -> None:
        self.data = _data()
        self.resolver = region_resolver

    # ------------------------------------------------------------------ bodies

    def _province_at(self, toks: _Tokens, j: int) -> tuple[int, str, str] | None:
        for size in range(min(self.data.max_province_len, len(toks.low) - j), 0, -1):
            if size > 1 and any(toks.brk[j + 1 : j + size]):
                continue
            hit = self.data.provinces.get(tuple(toks.low[j : j + size]))
            if hit:
                return size, hit[0], hit[1]
        return None

    def _place_run(self, toks: _Tokens, j: int, limit: int) -> list[str]:
        run: list[str] = []
        while j < len(toks.orig) and len(run) < limit:
            word = toks.orig[j]
            if (run and toks.brk[j]) or not word[:1].isupper() or toks.low[j] in self.data.stopwords:
                break
            if toks.low[j] in self.data.person_tokens or self.data.body_matcher.find([toks.low[j]]):
                break
            run.append(word)
            j += 1
        return run

    def _body_entity(self, body: _Body, toks: _Tokens, j: int) -> tuple[Entity, int]:
        """The body entity starting after its alias at token j, and the token index after its place."""
        n = len(toks.low)
        if j < n and toks.paren[j]:
            toks.brk[j] = False
        if not body.levels:
            return _entity("election_body", body.name, "adhoc" if body.adhoc else None, body.id, None), j
        if j < n and not toks.brk[j] and toks.low[j] in self.data.national:
            return _entity("election_body", f"{body.name} RI", "national", body.id, None), j + 1
        level: str | None = None
        if j < n and not toks.brk[j] and toks.low[j] in self.data.level_words:
            level = self.data.level_words[toks.low[j]]
            j += 1
            if j < n and toks.brk[j] and toks.low[j - 1] in ("kab", "prov"):
                toks.brk[j] = False  # "Kab. Muba"
        if j < n and not toks.brk[j] and level in (None, "province"):
            prov = self._province_at(toks, j)
            if prov:
                size, code, name = prov
                return _entity("election_body", f"{body.name} Provinsi {name}", "province", body.id, code), j + size
        if j >= n or toks.brk[j]:
            return _entity("election_body", body.name, level, body.id, None), j
        run = self._place_run(toks, j, 4 if level else 3)
        if not run:
            return _entity("election_body", body.name, level, body.id, None), j
        place = " ".join(run)
        resolved = (
            self.resolver(place if level is None else f"{_LEVEL_PREFIX[level]} {place}") if self.resolver else None
        )
        if resolved:
            code, canonical = resolved
            level = level or ("city" if canonical.lower().startswith("kota") else "regency")
            return _entity("election_body", f"{body.name} {canonical}", level, body.id, code), j + len(run)
        if level is None and len(run) > 1:
            # "anggota KPU Yulianto Sudrajat": without a level word a multi-word run is more likely a person.
            return _entity("election_body", body.name, None, body.id, None), j
        prefix = f"{_LEVEL_PREFIX[level]} " if level else ""
        return _entity("election_body", f"{body.name} {prefix}{place}", level, body.id, None), j + len(run)

    def _bodies(self, toks: _Tokens) -> list[tuple[int, int, Entity]]:
        out = []
        for m in self.data.body_matcher.find(toks.low)[:_MAX_BODY_MENTIONS]:
            alias = toks.low[m.start]
            if m.end - m.start == 1 and alias in self.data.case_sensitive and toks.orig[m.start] != alias.upper():
                continue
            ent, end = self._body_entity(self.data.bodies[m.key], toks, m.end)
            out.append((m.start, end, ent))
        return out

    # ------------------------------------------------------------------ people

    def _officials(self, toks: _Tokens, bodies_seen: set[str | None]) -> list[Entity]:
        found: dict[int, Entity] = {}
        for m in self.data.official_matcher.find(toks.low):
            strong, idx = m.key
            person = self.data.people[idx]
            if not toks.orig[m.start][:1].isupper():
                continue
            if strong or person.body in bodies_seen:
                found.setdefault(idx, _entity("official", person.name, person.role, person.body, None))
        return list(found.values())

    def _regional_officials(self, toks: _Tokens, bodies: list[tuple[int, int, Entity]]) -> list[Entity]:
        """'Ketua KPU Muba, Sigid Nugroho' / 'Ketua Bawaslu Kota Makassar Dede Arwinsyah' -> official entities."""
        out = []
        known = {p.name for p in self.data.people}
        for start, end, ent in bodies:
            if ent.role not in ("province", "regency", "city") or start == 0:
                continue
            role_word = _ROLE_WORDS.get(toks.low[start - 1])
            if role_word is None:
                continue
            j = end
            name: list[str] = []
            while j < len(toks.orig) and len(name) < 4:
                word = toks.orig[j]
                if (name and toks.brk[j]) or not word[:1].isupper() or toks.low[j] in self.data.stopwords:
                    break
                name.append(word)
                j += 1
            if 2 <= len(name) <= 4 and " ".join(name) not in known:
                role = f"{role_word} {ent.name}"
                out.append(_entity("official", " ".join(name), role, ent.body, ent.region))
        return out

    def _candidates(self, toks: _Tokens, region_codes: list[str] | None) -> list[Entity]:
        data = self.data
        strong: set[int] = set()
        short: set[int] = set()
        pairs: set[int] = set()
        for m in data.cand_matcher.find(toks.low):
            kind, idx = m.key
            if not toks.orig[m.start][:1].isupper():
                continue
            if kind == "pair":
                single = m.end - m.start == 1
                if single and not toks.orig[m.start].isupper():
                    continue  # acronyms such as HDCU, ASIH only when written in capitals
                pairs.add(idx)
            elif kind == "strong":
                strong.add(idx)
            else:
                short.add(idx)
        seen = strong | short
        for c_idx in seen:
            cand = data.candidates[c_idx]
            mate = next(i for i, c in enumerate(data.candidates) if c.pair == cand.pair and i != c_idx)
            if mate in seen and (c_idx in strong or mate in strong):
                pairs.add(cand.pair)
        out: list[Entity] = []
        for p_idx in sorted(pairs):
            pair = data.pairs[p_idx]
            if not _region_allowed(pair.region, region_codes):
                continue
            number = f" nomor urut {pair.number}" if pair.number is not None else ""
            role = f"pasangan calon {pair.race}{number}"
            out.append(_entity("candidate_pair", f"{pair.names[0]}–{pair.names[1]}", role, None, pair.region))
        members = {i for i, c in enumerate(data.candidates) if c.pair in pairs}
        for c_idx in sorted(strong | members):
            cand = data.candidates[c_idx]
            if not _region_allowed(cand.region, region_codes):
                continue
            role = f"calon {'wakil ' if cand.position else ''}{cand.race}"
            out.append(_entity("candidate", cand.name, role, None, cand.region))
        return out

    # ------------------------------------------------------------------ api

    def find(self, title: str, body: str, *, region_codes: list[str] | None = None) -> list[Entity]:
        title, body = as_text(title), as_text(body)[:_MAX_CHARS]
        codes = [c for c in region_codes if isinstance(c, str)] if region_codes is not None else None
        results: list[Entity] = []
        seen: set[tuple[str, str, str | None]] = set()
        all_bodies: list[tuple[int, int, Entity]] = []
        text_toks = [_tokens(title), _tokens(body)]
        for toks in text_toks:
            found = self._bodies(toks)
            all_bodies += found
            results += [ent for _, _, ent in found]
            results += self._regional_officials(toks, found)
        bodies_seen = {ent.body for _, _, ent in all_bodies}
        for toks in text_toks:
            results += self._officials(toks, bodies_seen)
            results += self._candidates(toks, codes)
        out = []
        for ent in results:
            key = (ent.type, ent.name, ent.role if ent.type == "official" else None)
            if key not in seen:
                seen.add(key)
                out.append(ent)
        return _drop_generic_duplicates(out)


def _drop_generic_duplicates(entities: list[Entity]) -> list[Entity]:
    """A bare 'KPU' adds nothing when 'KPU Provinsi X' or 'KPU RI' is also there."""
    bodies = [e for e in entities if e.type == "election_body"]
    specific = {e.body for e in bodies if e.role is not None}
    prefixed = {e.name for e in bodies if e.role in ("regency", "city")}

    def redundant(e: Entity) -> bool:
        if e.type != "election_body" or e.role is not None:
            return False
        if e.name == e.body:
            return e.body in specific
        place = e.name.split(" ", 1)[-1]
        body = e.name.split(" ", 1)[0]
        return f"{body} Kabupaten {place}" in prefixed or f"{body} Kota {place}" in prefixed

    return [e for e in entities if not redundant(e)]


@cache
def _default_finder() -> EntityFinder:
    return EntityFinder()


def find_entities(title: str, body: str, *, region_codes: list[str] | None = None) -> list[Entity]:
    """Election bodies, officials and candidates in an article (see module doc). Never raises on bad text."""
    return _default_finder().find(title, body, region_codes=region_codes)
