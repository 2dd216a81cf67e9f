"""Coalition claims (pantau.process.claims.coalition_checks) against the supporting parties of facts_parties.json,
and the parties file's own check.

The sentences are invented; the pairs and parties are the public facts of the Pilkada 2024 (Jakarta: Ridwan
Kamil-Suswono no. 1 by PKS, Gerindra, Golkar, PKB and ten more, Dharma Pongrekun-Kun Wardana no. 2 independent,
Pramono Anung-Rano Karno no. 3 by PDIP and Hanura; Maluku Utara: Golkar with Aliong Mus-Sahril Thahir no. 2,
Sherly Tjoanda-Sarbin Sehe no. 4 by NasDem, PKB, Demokrat, PAN, PSI, PPP, Buruh and Gelora; Jawa Barat: PKB alone
with Acep Adang Ruhiat-Gitalis Dwinatarina no. 1).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from pantau.process.claims import check_claims
from pantau.process.claims.fact_check import check_fact_base
from pantau.process.claims.facts import DATA_DIR, load_facts
from pantau.process.claims.parties import check_party_table
from tests.test_claim_understanding import DEC

OCT = "2024-10-15T10:00:00+07:00"
AUG = "2024-08-29T10:00:00+07:00"
JKT = "Pilgub Jakarta 2024"
MALUT = "Pilgub Maluku Utara 2024"


def _rules(title: str, body: str, published_at: str | None = OCT) -> list[str]:
    return [f.rule for f in check_claims(title, body, published_at=published_at, article_pilkada=True)]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (JKT, "Pasangan Pramono Anung-Rano Karno diusung PDIP dan PKS di Pilgub Jakarta."),
        (JKT, "PKS resmi mengusung Pramono Anung dan Rano Karno di Pilkada Jakarta."),
        (JKT, "Partai Golkar mendukung Pramono Anung-Rano Karno pada Pilgub Jakarta 2024."),
        (JKT, "PDI Perjuangan berkoalisi dengan Gerindra mengusung Pramono Anung-Rano Karno di Pilgub Jakarta."),
        (JKT, "Ridwan Kamil-Suswono diusung oleh Hanura dan Gerindra di Pilgub Jakarta."),
        (MALUT, "Partai pengusung Sherly Tjoanda-Sarbin Sehe di Pilgub Maluku Utara, di antaranya Partai Golkar."),
        (MALUT, "Golkar mengusung Sherly Tjoanda sebagai calon gubernur Maluku Utara."),
        (JKT, "PKB mengusung Tri Rismaharini di Pilgub Jakarta."),  # a candidate, but of Jawa Timur
        (JKT, "Koalisi PDIP-PKS mengusung Pramono Anung-Rano Karno di Pilgub Jakarta."),
        (MALUT, "Partai Golkar selaku partai pengusung Sherly Tjoanda-Sarbin Sehe hadir di KPU Maluku Utara."),
        ("Pilgub Papua 2024", "Golkar mengusung Benhur Tomi Mano-Yermias Bisai di Pilgub Papua."),
    ],
)
def test_a_party_said_to_back_a_pair_it_did_not_back(title: str, body: str) -> None:
    assert "coalition_party" in _rules(title, body), body


def test_the_flag_names_the_pair_the_party_backs_with_its_source() -> None:
    body = "Partai pengusung Sherly Tjoanda-Sarbin Sehe di Pilgub Maluku Utara, di antaranya Partai Golkar."
    flags = check_claims(MALUT, body, published_at=OCT, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "coalition_party")
    assert "Golkar mengusung Aliong Mus-Sahril Thahir (nomor urut 2)" in flag.fact
    assert "Golkar tidak mengusung Sherly Tjoanda-Sarbin Sehe (nomor urut 4)" in flag.reason
    assert flag.source.startswith("https://") and flag.severity == "medium" and flag.confidence == 0.75


def test_an_undated_text_keeps_a_lower_confidence() -> None:
    body = "Golkar mengusung Sherly Tjoanda sebagai calon gubernur Maluku Utara."
    flag = next(f for f in check_claims(MALUT, body, published_at=None, article_pilkada=True))
    assert flag.rule == "coalition_party" and flag.severity == "low" and flag.confidence == 0.6


def test_a_person_who_is_nobody_s_candidate_is_left_to_the_nomination_rule() -> None:
    rules = _rules(JKT, "PKB mengusung Anies Baswedan di Pilgub Jakarta.")
    assert rules == ["fabricated_nomination"], rules


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # the right coalition
        (JKT, "Pasangan Pramono Anung-Rano Karno diusung PDIP dan Hanura di Pilgub Jakarta."),
        (JKT, "PKS, Gerindra dan Golkar mengusung Ridwan Kamil-Suswono di Pilgub Jakarta."),
        (MALUT, "Partai pengusung Sherly Tjoanda-Sarbin Sehe di Pilgub Maluku Utara, di antaranya Partai NasDem."),
        (JKT, "Dharma Pongrekun-Kun Wardana maju lewat jalur perseorangan di Pilgub Jakarta."),
        # two pairs, each with its own parties; rivals side by side
        (JKT, "PDIP mengusung Pramono Anung-Rano Karno, sedangkan PKS mengusung Ridwan Kamil-Suswono."),
        (JKT, "Pramono Anung-Rano Karno yang diusung PDIP melawan Ridwan Kamil-Suswono yang diusung PKS."),
        # plans, talks and polls before registration
        (JKT, "PKS akan mengusung Pramono Anung di Pilgub Jakarta."),
        (JKT, "PKS berpeluang mendukung Pramono Anung di Pilgub Jakarta."),
        (JKT, "PKS menjajaki koalisi untuk mengusung Pramono Anung di Pilgub Jakarta."),
        (JKT, "Muncul wacana PKS mendukung Pramono Anung di Pilgub Jakarta."),
        (JKT, "Survei menyebut pemilih PKS mendukung Pramono Anung di Pilgub Jakarta."),
        # denials, a past position, a question, a condition, an attribution the text disputes
        (JKT, "PKS tidak mengusung Pramono Anung di Pilgub Jakarta."),
        (JKT, "Kabar bahwa PKS mengusung Pramono Anung di Pilgub Jakarta adalah hoaks."),
        (JKT, "PKS sempat mendukung Anies Baswedan sebelum mengusung Ridwan Kamil di Pilgub Jakarta."),
        (JKT, "Benarkah PKS mengusung Pramono Anung di Pilgub Jakarta?"),
        (JKT, "Jika PKS mengusung Pramono Anung, peta Pilgub Jakarta berubah."),
        (JKT, "Menurut unggahan itu PKS mengusung Pramono Anung, klaim yang dibantah PKS."),
        # a common word that is also a party name, written in lower case
        (JKT, "Dengan gelora semangat, relawan mendukung Pramono Anung-Rano Karno di Pilgub Jakarta."),
        # a party that does something else in the sentence
        (JKT, "PDIP mengkritik Ridwan Kamil-Suswono yang diusung KIM Plus di Pilgub Jakarta."),
        (JKT, "Pramono Anung-Rano Karno yang diusung PDIP dikritik PKS di Pilgub Jakarta."),
        (JKT, "Ridwan Kamil-Suswono diusung KIM Plus, dan Hanura menilai koalisi itu terlalu gemuk."),
        # a member's personal support is not the party's
        (JKT, "Kader PKS mendukung Pramono Anung di Pilgub Jakarta."),
        (JKT, "Politikus Partai Golkar itu mendukung Pramono Anung-Rano Karno di Pilgub Jakarta."),
        # another race, another election
        (JKT, "PKS mengusung Ridwan Kamil pada Pilgub Jawa Barat 2018."),
        (JKT, "PKB mendukung Anies Baswedan di Pilpres 2024."),
        (JKT, "Golkar mengusung Pramono Anung di Pilkada Kota Bekasi."),
        # a race without party data (regency and city races), a party the race's data does not name
        (
            "Pilwalkot Semarang 2024",
            "Golkar mengusung Agustina Wilujeng Pramestuti-Iswar Aminuddin di Pilwalkot Semarang.",
        ),
        ("Pilgub Kaltara 2024", "Partai Buruh mengusung Yansen TP-Suratno di Pilgub Kalimantan Utara."),
    ],
)
def test_not_a_misreported_coalition(title: str, body: str) -> None:
    assert "coalition_party" not in _rules(title, body), body


def test_registration_period_switching_news_is_not_judged_before_the_determination() -> None:
    # Coalitions were still forming until KPU determined the pairs on 22 September 2024 (Golkar moved to Airin in
    # Banten on 26-27 August): a text of the registration period reports news, not a misreport.
    body = "Golkar beralih mengusung Andra Soni-Dimyati Natakusumah di Pilgub Banten."
    assert "coalition_party" not in _rules("Pilgub Banten", body, AUG)
    wrong = "Golkar mengusung Andra Soni-Dimyati Natakusumah di Pilgub Banten."
    assert "coalition_party" not in _rules("Pilgub Banten", wrong, AUG)
    assert "coalition_party" in _rules("Pilgub Banten", wrong, DEC)


# --- the parties file -------------------------------------------------------------------------------------------


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / "facts_parties.json").read_text(encoding="utf-8"))
    return data


def test_the_bundled_parties_file_passes_and_is_loaded_by_the_fact_base() -> None:
    facts = load_facts()
    assert check_party_table(_raw(), facts.races) == []
    assert check_fact_base() == []
    table = facts.party_table
    assert table.backing("31", "PDIP") is not None and table.backing("31", "PDIP").number == 3  # type: ignore[union-attr]
    assert [p.party for p in table.find("diusung PDI-P, PDI Perjuangan, Partai Golkar dan P3, koalisi PKS-PAN")] == [
        "PDIP",
        "PDIP",
        "Golkar",
        "PPP",
        "PKS",
        "PAN",
    ]
    words = "gelora kemenangan, Partai Gelora, demokrat sejati, Menteri PAN-RB"
    assert [p.party for p in table.find(words)] == ["Gelora"]
    gub = [r for r in facts.races.values() if r.level == "gubernur"]
    assert {b.race for b in table.backings} <= {r.code for r in gub}


def _pair(data: dict[str, Any], race: str, number: int) -> dict[str, Any]:
    item: dict[str, Any] = next(p for p in data["pairs"] if p["race"] == race and p["number"] == number)
    return item


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _pair(d, "31", 3)["parties"].append("Partai Rakyat"), "'Partai Rakyat', not a canonical party"),
        (lambda d: _pair(d, "31", 3).update(number=9), "has no ballot number 9"),
        (lambda d: _pair(d, "31", 3).update(race="31.71"), "not a gubernatorial race code"),
        (lambda d: _pair(d, "31", 3).update(race="99"), "not a gubernatorial race code"),
        (lambda d: _pair(d, "31", 3)["parties"].append("PKS"), "PKS is listed under pairs 1 and 3"),
        (lambda d: _pair(d, "31", 2)["parties"].append("Hanura"), "is independent but lists parties"),
        (lambda d: _pair(d, "31", 3).update(source="nope"), "unknown source id 'nope'"),
        (lambda d: d["sources"][0].update(url="tribunnews.com"), "has no http(s) URL"),
        (lambda d: d["sources"][0].update(date="23 September"), "has no date"),
        (lambda d: d["parties"][0]["aliases"].append("PDIP"), "alias 'PDIP' names both"),
        (lambda d: d["pairs"].append(copy.deepcopy(d["pairs"][0])), "is listed twice"),
        (lambda d: _pair(d, "31", 3).update(parties="PDIP"), "must be <class 'list'>"),
        (lambda d: d["not_done"].append({"race": "77", "text": "x"}), "not_done["),
    ],
)
def test_a_bad_entry_fails_the_check(change: Any, message: str) -> None:
    data = _raw()
    change(data)
    problems = check_party_table(data, load_facts().races)
    assert any(message in p for p in problems), problems


def test_facts_check_reads_a_parties_file_beside_facts_json(tmp_path: Path) -> None:
    for name in ("facts.json", "facts_races.json", "facts_outcomes.json", "facts_parties.json"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    data = _raw()
    _pair(data, "82", 4)["parties"].append("Golkar")
    (tmp_path / "facts_parties.json").write_text(json.dumps(data), encoding="utf-8")
    problems = check_fact_base(tmp_path / "facts.json")
    assert any("race 82: Golkar is listed under pairs 2 and 4" in p for p in problems), problems


def test_facts_show_prints_the_parties_with_their_source() -> None:
    from pantau.cli.facts import render_race

    facts = load_facts()
    text = render_race(facts.races["82"], facts)
    assert "4. Sherly Tjoanda - Sarbin Sehe  [Demokrat, PKB, NasDem" in text and "publikmalutnews.com" in text
    assert "2. Dharma Pongrekun - R. Kun Wardana Abyoto  [independent;" in render_race(facts.races["31"], facts)
    assert "parties not in the source data" in render_race(facts.races["33.74"], facts)


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("Paslon 03 Pramono Anung-Rano Karno diusung PKS di Pilgub Jakarta.", True),
        ("PRAMONO ANUNG-RANO KARNO DIUSUNG PKS DI PILGUB JAKARTA", True),  # a post in capitals
        ("Pramono Anung-Rano Karno didukung oleh PKS dan Gerindra di Pilgub Jakarta.", True),
        ("Tidak benar PKS mengusung Pramono Anung-Rano Karno di Pilgub Jakarta.", False),  # denied
        ("Benarkah PKS mengusung Pramono Anung-Rano Karno di Pilgub Jakarta?", False),  # asked
        ("Pramono Anung-Rano Karno diusung PDIP dan Hanura di Pilgub Jakarta.", False),  # right
        ('"PKS mengusung Pramono Anung-Rano Karno," kata Budi, seorang warga.', False),  # a named speaker
    ],
)
def test_coalition_paraphrases(body: str, flagged: bool) -> None:
    assert ("coalition_party" in _rules(JKT, body)) is flagged, body
