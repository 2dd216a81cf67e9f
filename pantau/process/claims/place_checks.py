"""A regency or city put in the wrong province ("Kabupaten Siak, Kepulauan Riau", "Magetan di Jawa Tengah").

A place name written right before its province (after a comma, in brackets, or after "di (Provinsi)" when the place
is the region spoken of, at the sentence's start or after "di"/"Pilkada"/"daerah", and written as its own name: not
"Bupati Sleman di Jakarta", "warga Garut di Jakarta") in a Pilkada 2024 text is checked against the gazetteer: when
no place of that name lies in the province written, the text puts the race's region in another province. Not
flagged: names the gazetteer does not know or that are provinces themselves, a province a place's own province was
carved out of in 2022 ("Merauke, Papua": the old name), other elections and years. The pattern is "place_province"
in claim_rules.json.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pantau.process.claims.context import Ctx, pilkada_context
from pantau.process.gazetteer import Gazetteer, Place, bare_name, load_gazetteer


def check_place_provinces(sentence: str, _low: str, ctx: Ctx) -> None:
    r = ctx.rules
    if not pilkada_context(ctx) or ctx.has("other_election_terms") or ctx.has("other_pilkada_year"):
        return
    for m in r.lists["place_province"].finditer(sentence):
        gaz = _gazetteer()
        places = [p for p in gaz.lookup(f"{m.group('lvl') or ''} {m.group('name')}".strip()) if p.level != "province"]
        if _DI.search(sentence[m.end("name") : m.start("prov")]) and not (
            _REGION_BEFORE.search(sentence[: m.start()])
            and any(bare_name(p.name) == m.group("name").lower() for p in places)
        ):
            continue  # "Bupati Sleman di Jakarta", "warga Garut di Jakarta": someone from the place, elsewhere
        province = _province(m.group("prov"), gaz)
        if not places or province is None:
            continue
        if any(p.province_code == province.code or _carved_from(p, province.code, gaz) for p in places):
            continue
        place = places[0]
        actual = gaz.province(place.code)
        if actual is None or len({p.province_code for p in places}) != 1:
            continue
        fact = f"{place.name} berada di Provinsi {actual.name}, bukan {province.name} (kode wilayah {place.code})."
        why = f"{place.name} ditulis di {province.name}"
        ctx.add("place_province", r.severity["place_province"], sentence, fact, "", why=why)
        return


_DI = re.compile(r"(?<![\w-])di(?![\w-])")
# "<place> di <province>" names where the place lies only when the place is the region spoken of: the sentence's
# start, after "di", "Pilkada", "daerah" ("PSU digelar di Kabupaten Magetan di Jawa Tengah"), or as an item of a list
# ("adalah Kabupaten Siak di Riau, ..., dan Kabupaten Magetan di Jawa Tengah")
_REGION_BEFORE = re.compile(
    r"(?:^|[,:]|(?<![\w-])(?:di|ke|pilkada|pilbup|pilwalkot|pilwako|pilwali|pilgub|psu|pemilihan|daerah|wilayah|adalah"
    r"|yakni|yaitu|dan))\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process (load_gazetteer stats its files on every call)."""
    return load_gazetteer()


def _province(text: str, gaz: Gazetteer) -> Place | None:
    """The province the longest leading run of the words names ("Jawa Tengah Ketua" -> Jawa Tengah)."""
    words = text.split()
    for k in range(len(words), 0, -1):
        found = gaz.resolve_province(" ".join(words[:k]))
        if found is not None:
            return found
    return None


def _carved_from(place: Place, written: str, gaz: Gazetteer) -> bool:
    """The province written is the one the place's province was carved out of (the name before 2022)."""
    own = gaz.province(place.code)
    return own is not None and own.formed_from == written
