"""The official fact base: the generated races equal a fresh run on KPU's data, `pantau facts check` passes on the real
files and fails with the right message on broken copies, and the API the claim checker uses answers correctly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pantau.cli.main import main
from pantau.process.claims.build_races import OUT_PATH, build, render
from pantau.process.claims.fact_check import check_fact_base
from pantau.process.claims.facts import DATA_DIR, FACTS_PATH, load_facts
from pantau.process.claims.names import display_name, name_key, nicknames
from tests.shared import SHARED

PILKADA2024 = SHARED / "data"


def test_committed_races_equal_a_fresh_build_from_kpu_data() -> None:
    fresh = render(build(PILKADA2024))
    assert fresh == OUT_PATH.read_text(encoding="utf-8")
    data = json.loads(fresh)
    assert data["totals"]["regions_by_level"] == {"gubernur": 37, "bupati": 415, "wali_kota": 93}
    assert data["totals"]["pairs"] == 1557 and data["totals"]["single_candidate_regions"] == 37
    text = fresh.lower()
    assert "warna" not in text and '"ts"' not in text and "#b67352" not in text  # no KPU layout, ids or colours


def test_real_fact_base_passes_the_check() -> None:
    assert check_fact_base() == []


def _copy(tmp_path: Path) -> Path:
    for name in ("facts.json", "facts_races.json", "facts_outcomes.json", "facts_sirekap.json"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path / "facts.json"


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _race(data: dict[str, Any], code: str) -> dict[str, Any]:
    race: dict[str, Any] = next(r for r in data["races"] if r["code"] == code)
    return race


def _count(data: dict[str, Any], code: str) -> dict[str, Any]:
    item: dict[str, Any] = next(o for o in data["regencies"] + data["governors"] if o["code"] == code)
    return item


def _outcome(data: dict[str, Any], code: str) -> dict[str, Any]:
    item: dict[str, Any] = next(o for o in data["outcomes"] if o["code"] == code)
    return item


@pytest.mark.parametrize(
    ("part", "change", "message"),
    [
        (
            "facts_races.json",
            lambda d: d["races"].remove(_race(d, "16.71")),
            "region 16.71 (Kota Palembang) held a Pilkada but has no race",
        ),
        (
            "facts_races.json",
            lambda d: _race(d, "16.71").update(code="16.99"),
            "race 16.99 (Kota Palembang) is not a region code in the gazetteer",
        ),
        (
            "facts_races.json",
            lambda d: _race(d, "16.71").update(level="bupati"),
            "race 16.71 is level 'bupati' but the gazetteer has a city",
        ),
        (
            "facts_races.json",
            lambda d: _race(d, "11.01")["pairs"][1].update(number=1),
            "race 11.01 has duplicate ballot number(s) [1]",
        ),
        ("facts_races.json", lambda d: _race(d, "11.01")["pairs"][1].update(number=7), "are not 1..4 without gaps"),
        ("facts_races.json", lambda d: d.pop("version"), "facts_races.json: has no version"),
        ("facts_outcomes.json", lambda d: d["outcomes"][0].pop("source"), "outcomes[0] (11) has no source"),
        ("facts_outcomes.json", lambda d: d["sources"][0].pop("date"), "has no date"),
        (
            "facts_outcomes.json",
            lambda d: d["mk_rulings"]["psu"][0].update(code="99.99"),
            "names region code '99.99', which is not in the gazetteer",
        ),
        (
            "facts_outcomes.json",
            lambda d: d["pair_count_reconciliation"]["additions"].pop(),
            "1553 announced + 3 recorded additions != 1557",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "32")["votes"].update({"4": 14130193}),
            "outcome 32: official votes add up to 22710734, not valid_votes 22710733",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "32")["votes"].update({"5": 1}),
            "outcome 32 votes name ballot number 5, not a pair of race 32",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "31")["votes"].update({"empty_box": 1}),
            "outcome 31 votes name ballot number empty_box, not a pair of race 31",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "33")["share"].update({"1": 40.2}),
            "outcome 33 share of no. 1 is 40.2% but votes / valid_votes give 40.86%",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "35").update(winner=3),
            "outcome 35 names winner no. 3, but another column has the most votes (12192165)",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "36").update(recap_date="7 Desember 2024"),
            "outcome 36 recap_date is not an ISO date (YYYY-MM-DD): '7 Desember 2024'",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "36").update(recap_date="2024-11-20"),
            "outcome 36 recap_date 2024-11-20 is before voting day 2024-11-27",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "36")["votes"].update({"1": "2.449.183"}),
            "outcome 36 votes[1] must be a number, got '2.449.183'",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "53")["leaders"]["by_region"].update({"53.05": 4}),
            "outcome 53 leaders: region 53.05 names no. 4, not a pair of race 53",
        ),
        (
            "facts_outcomes.json",
            lambda d: _outcome(d, "53")["leaders"]["by_region"].update({"64.71": 1}),
            "outcome 53 leaders: lists ['64.71'], not regencies or cities of province 53",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(code="32.99"),
            "facts_sirekap.json: regencies 32.99 is not a regency/city race in facts_races.json",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(code="32"),
            "facts_sirekap.json: regencies 32 is not a regency/city race",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73")["votes"].update({"5": 10}),
            "regencies 32.73 votes name ballot number 5, not a pair of race 32.73",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73")["votes"].update({"empty_box": 10}),
            "regencies 32.73 votes name ballot number empty_box, not a pair of race 32.73",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(progress=101.0),
            "regencies 32.73 progress 101.0 is not a percent within 0..100",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(progress=90.0),
            "regencies 32.73 progress 90.0% but",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(tps=_count(d, "32.73")["tps_total"] + 1),
            "regencies 32.73 polling stations",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(leader="1"),
            "regencies 32.73 leader '1' is not the column with the most votes",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(margin=12.5),
            "regencies 32.73 margin 12.5 but the votes give 8.16 points",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(ts="2024-11-20 10:00:00"),
            "regencies 32.73 ts 2024-11-20 is not between voting day and the archive's day 2024-11-28",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(ts="28 November 2024"),
            "regencies 32.73 ts '28 November 2024' is not a timestamp",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(source="nope"),
            "regencies 32.73 names unknown source id 'nope'",
        ),
        (
            "facts_sirekap.json",
            lambda d: d["regencies"].append(dict(_count(d, "32.73"))),
            "facts_sirekap.json: race 32.73 is listed 2 times",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "53")["regions"].update({"64.71": {"leader": "1", "margin": 5.0, "progress": 99.0}}),
            "governors 53 regions name 64.71, not a regency or city of province 53",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "53")["regions"]["53.05"].update(leader="4"),
            "governors 53 regions: 53.05 names '4', not a column of race 53",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "53")["regions"]["53.05"].update(progress=100.5),
            "governors 53 regions: 53.05 progress 100.5 is not within 0..100",
        ),
        (
            "facts_sirekap.json",
            lambda d: _count(d, "32.73").update(regions={}),
            "regencies 32.73: only a governor's count has regions",
        ),
        ("facts_sirekap.json", lambda d: d["sources"][0].pop("url"), "facts_sirekap.json: source"),
        ("facts_sirekap.json", lambda d: d["not_counted"].append("94.99"), "not_counted names '94.99', not a race"),
        ("facts.json", lambda d: d["sources"][0].pop("date"), "facts.json: source 'pkpu-2-2024' has no date"),
        (
            "facts.json",
            lambda d: d["counts"]["regions"].update(value=546),
            "545 races, facts.json counts.regions says 546",
        ),
        ("facts.json", lambda d: d["schedule"]["campaign"].update(source="nope"), "unknown source id 'nope'"),
    ],
)
def test_broken_copies_fail_with_the_right_message(tmp_path: Path, part: str, change: Any, message: str) -> None:
    facts_path = _copy(tmp_path)
    _edit(tmp_path / part, change)
    problems = check_fact_base(facts_path)
    assert any(message in p for p in problems), problems


def test_sum_check_applies_to_official_figures_only(tmp_path: Path) -> None:
    facts_path = _copy(tmp_path)
    misprint = {"votes": {"1": 7830084, "2": 11390191}, "share": {}}  # kumparan's figure for Andika-Hendi
    _edit(tmp_path / "facts_outcomes.json", lambda d: _outcome(d, "33").update(misprint, quality="aggregator"))
    assert check_fact_base(facts_path) == []
    _edit(tmp_path / "facts_outcomes.json", lambda d: _outcome(d, "33").update(quality="official"))
    assert check_fact_base(facts_path) == [
        "facts_outcomes.json: outcome 33: official votes add up to 19220275, not valid_votes 19260275"
    ]


def test_gubernatorial_recapitulations_are_official_and_add_up() -> None:
    facts = load_facts()
    governors = [c for c, r in facts.races.items() if r.level == "gubernur"]
    outcomes = {c: facts.outcome(c) for c in governors}
    assert all(o is not None and o.quality == "official" and o.votes for o in outcomes.values())
    complete = [c for c, o in outcomes.items() if o is not None and o.votes_complete]
    assert len(governors) == 37 and len(complete) == 29
    for code in governors:
        o, race = outcomes[code], facts.race(code)
        assert o is not None and race is not None and o.winner is not None
        assert {int(k) for k in o.votes} <= {p.number for p in race.pairs}
        if o.valid_votes is not None:
            assert sum(o.votes.values()) == o.valid_votes
            assert max(o.votes, key=lambda k: o.votes[k]) == str(o.winner)
    jabar = facts.outcome("32")
    assert jabar is not None and jabar.valid_votes == 22710733 and jabar.votes["4"] == 14130192
    assert jabar.share["4"] == 62.22 and jabar.recap_date == date(2024, 12, 9) and jabar.source.startswith("https://")
    jateng = facts.outcome("33")
    assert jateng is not None and jateng.votes["1"] == 7870084 and jateng.valid_votes == 19260275
    papua = facts.outcome("91")  # the 6 August 2025 PSU result, with the MK order still attached
    assert papua is not None and papua.status == "winner_after_psu" and papua.winner == 2
    assert papua.recap_date == date(2025, 8, 20) and papua.psu[0].case == "304/PHPU.GUB-XXIII/2025"
    riau = facts.outcome("14")  # per-pair votes without a stated valid total: official but not complete
    assert riau is not None and riau.valid_votes is None and not riau.votes_complete and riau.quality == "official"
    box = facts.outcome("19.01")  # older entries without the new fields still load
    assert box is not None and box.valid_votes is None and box.share == {"empty_box": 57.25} and box.recap_date is None


def test_cli_check_exit_codes_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "check"]) == 0
    assert "545 races" in capsys.readouterr().out
    facts_path = _copy(tmp_path)
    _edit(tmp_path / "facts_races.json", lambda d: _race(d, "11.01")["pairs"][1].update(number=1))
    assert main(["facts", "check", "--file", str(facts_path)]) == 1
    assert "duplicate ballot number" in capsys.readouterr().err
    assert main(["facts", "show", "Kabupaten Aceh Selatan"]) == 0
    out = capsys.readouterr().out
    assert "2. Mirwan MS - Baital Mukadis" in out and "H. MIRWAN MS, S.E., M.Sos." in out
    assert "Sirekap (provisional, not a result): no. 2 ahead by 3.1 points, 98.54% of polling stations (404/410)" in out
    assert main(["facts", "show", "19.71"]) == 0
    assert "kolom kosong" in capsys.readouterr().out
    assert main(["facts", "show", "Atlantis"]) == 2


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("H. MIRWAN MS, S.E., M.Sos.", "Mirwan MS"),
        ("Tgk. H. M. FADHIL RAHMI, Lc., M.Ag.", "M. Fadhil Rahmi"),
        ("Prof. Dr. Ir. Hi. NELSON POMALINGO, M.Pd.", "Nelson Pomalingo"),
        ("K.H. NURUDDIN AMIN, S.Ag.", "Nuruddin Amin"),
        ("Komjen Pol. (Purn). DHARMA PONGREKUN, S.I.K., M.M., M.Hum.", "Dharma Pongrekun"),
        ("Dr. H. JONCIK MUHAMMAD, S.Si., S.H., M.H., M.M.", "Joncik Muhammad"),
        ("ARIFA'I, S.H.", "Arifa'i"),
        ("H.YULIAN GUNHAR, S.H., M.H.", "Yulian Gunhar"),
        ("Dr. H. HENDRAR PRIHADI ALIAS HENDI, S.E., M.M.", "Hendrar Prihadi"),
        ("MASHUR BIN MOHD ALIAS", "Mashur bin Mohd Alias"),
    ],
)
def test_display_names_drop_titles_and_degrees(raw: str, display: str) -> None:
    assert display_name(raw) == display


def test_name_keys_fold_spellings() -> None:
    assert name_key("Moch. Afifuddin") == name_key("Muhammad Afifudin") == name_key("MOHAMMAD AFIFUDDIN, S.H.I.")
    assert name_key("Hasyim Asy’ari") == name_key("hasyim asyari")
    assert name_key("Dr. H. Mirwan MS, S.E.") == name_key("mirwan ms")
    assert name_key("Abd. Azis") == name_key("Abdul Azis")
    assert nicknames("H. RANO KARNO, S.IP. (SI DOEL)") == ("Si Doel",)
    assert nicknames("Letjen. (Purn.) Dr. SUDIRMAN, S.H.") == ()


def test_race_and_candidate_api() -> None:
    facts = load_facts()
    assert len(facts.races) == 545
    aceh_selatan = facts.race("11.01", "bupati")
    assert aceh_selatan is not None and facts.race("11.01", "gubernur") is None
    assert [p.number for p in aceh_selatan.pairs] == [1, 2, 3, 4]
    assert facts.races_in_province("11")[0].level == "gubernur" and len(facts.races_in_province("11")) == 24
    (m,) = facts.find_candidates("H. Mirwan MS, S.E.")
    assert (m.race.code, m.pair.number, m.role, m.how) == ("11.01", 2, "head", "full")
    (jkt,) = facts.find_candidates("pramono anung")  # first two words of "Pramono Anung Wibowo", unique nationally
    assert (jkt.race.code, jkt.pair.number, jkt.how) == ("31", 3, "first_two")
    assert facts.find_candidates("Si Doel")[0].role == "deputy"
    assert len(facts.find_candidates("Sudirman")) > 1  # a full name several candidates share
    assert facts.find_candidates("Nasution") == []  # a surname many share is no alias
    hit = facts.pair_of("Erwin Burase", "Parigi Moutong")
    assert hit is not None and hit.pair.number == 4
    assert facts.pair_of("Erwin Burase", "Kota Palopo") is None
    assert facts.find_races("DKI Jakarta")[0].code == "31" and facts.find_races("Pangkalpinang")[0].code == "19.71"


def test_outcomes_rulings_and_who_votes() -> None:
    facts = load_facts()
    jakarta = facts.outcome("31")
    assert jakarta is not None and jakarta.winner == 3 and jakarta.rounds == 1 and jakarta.votes["3"] == 2183239
    assert jakarta.source.startswith("https://") and jakarta.source_date == "2024-12-08"
    for code in ("19.01", "19.71"):
        box = facts.outcome(code)
        assert box is not None and box.status == "empty_box_won" and box.re_election == date(2025, 8, 27)
    banjarbaru = facts.outcome("63.72")
    assert banjarbaru is not None and banjarbaru.psu[0].psu_date == date(2025, 4, 19)
    assert banjarbaru.psu[0].ruling_date == date(2025, 2, 24)
    papua = facts.outcome("91")
    assert papua is not None and papua.psu[0].psu_date == date(2025, 8, 6)
    assert facts.outcome("12.76") is None  # Kota Tebing Tinggi: nothing recorded, the checker must not guess
    assert facts.elections_for("34") == () and facts.elections_for("34.71") == ("wali_kota",)
    assert facts.elections_for("31.71") == ("gubernur",) and facts.elections_for("16.71") == ("gubernur", "wali_kota")
    rec = facts.reconciliation
    assert rec["announced"] + len(rec["additions"]) == rec["in_data"] == 1557


def test_schedule_is_extended_without_breaking_keys() -> None:
    facts = load_facts()
    s = facts.schedule
    for key in (
        "registration",
        "determination",
        "ballot_number_draw",
        "campaign",
        "quiet_period",
        "voting",
        "recapitulation",
    ):
        assert key in s
    assert s["results_determination"].window("gubernur") == (date(2024, 11, 30), date(2024, 12, 9))
    assert s["results_determination"].window("bupati") == (date(2024, 11, 29), date(2024, 12, 6))
    assert s["dispute_filing"].end == date(2024, 12, 18) and s["mk_final_rulings"].start == date(2025, 2, 24)
    assert all(facts.source_dates.get(stage.source) for stage in s.values())


def test_members_2022_2027_and_chair_changes() -> None:
    facts = load_facts()
    current = {
        p.name
        for p in facts.members
        if any(r.role == "anggota" and r.valid_from and r.valid_from.year == 2022 for r in p.roles)
    }
    assert {
        "Mochammad Afifuddin",
        "Idham Holik",
        "Yulianto Sudrajat",
        "Parsadaan Harahap",
        "August Mellaz",
        "Betty Epsilon Idroos",
    } <= current
    chair = facts.chair_at(date(2024, 7, 10))
    assert chair is not None and chair[1].role == "plt_ketua"
    assert facts.chair_at(date(2024, 7, 3)) is not None and facts.chair_at(date(2024, 7, 3))[0].name == "Hasyim Asy'ari"  # type: ignore[index]
    assert facts.chair_at(date(2024, 7, 28))[1].role == "ketua"  # type: ignore[index]
    assert FACTS_PATH.exists()


def test_sirekap_counts_are_provisional_and_apart_from_outcomes() -> None:
    """Every race has a Sirekap count or is listed as not counted; the counts never become outcomes."""
    facts = load_facts()
    raw = json.loads(facts.part_path("sirekap").read_text(encoding="utf-8"))
    counted = {c for c in facts.races if facts.sirekap(c) is not None}
    assert counted.isdisjoint(raw["not_counted"]) and counted | set(raw["not_counted"]) == set(facts.races)
    assert len(counted) == 534 and len(raw["regencies"]) == 497 and len(raw["governors"]) == 37
    bandung = facts.sirekap("32.73")
    assert bandung is not None and bandung.leader == "3" and bandung.progress == 100.0 and bandung.margin == 8.16
    assert (
        bandung.source.startswith("https://github.com/razanfawwaz/pilkada-scrap/tree/") and bandung.counted_on.day == 28
    )
    bandung_official = facts.outcome("32.73")  # the recapitulation is recorded apart; the count stays provisional
    assert bandung_official is not None and bandung_official.votes["3"] == 523000 and bandung.votes["3"] == 523000
    tebing_tinggi = facts.sirekap("12.76")  # a city with nothing official: only the provisional count
    assert tebing_tinggi is not None and tebing_tinggi.leader == "3" and tebing_tinggi.progress == 100.0
    assert facts.outcome("12.76") is None and not facts.decided_elsewhere("12.76")
    assert all(s["date"] == "2024-11-28" and "bukan hasil rekapitulasi" in s["title"] for s in raw["sources"])
    for code in ("19.01", "36.04", "62.05", "94.02", "91.03"):  # empty box won, PSU, re-election, other MK orders
        assert facts.decided_elsewhere(code), code
    ntt = facts.sirekap("53")  # where the fact base lists every regency's leader, Sirekap's agree
    outcome = facts.outcome("53")
    assert ntt is not None and outcome is not None and len(outcome.leaders) == 22
    assert all(ntt.regions[c].leader == str(n) for c, n in outcome.leaders.items())
    assert all(0 <= x.progress <= 100 and 0 <= x.margin <= 100 for x in ntt.regions.values())


def test_a_broken_sirekap_file_stops_the_loader(tmp_path: Path) -> None:
    facts_path = _copy(tmp_path)
    _edit(tmp_path / "facts_sirekap.json", lambda d: _count(d, "32.73").pop("leader"))
    with pytest.raises(ValueError, match=r"facts_sirekap\.json regencies entry 32\.73 is malformed"):
        load_facts(facts_path)


@pytest.mark.parametrize("name", ["facts_outcomes.json", "facts_races.json", "facts_sirekap.json"])
def test_a_part_that_is_not_json_is_one_problem_and_a_clean_exit(tmp_path: Path, name: str) -> None:
    facts_path = _copy(tmp_path)
    (tmp_path / name).write_text('{"version": "x", "outcomes": [\n<<<<<<< HEAD\n', encoding="utf-8")  # a bad merge
    problems = check_fact_base(facts_path)
    assert problems and any(name in p for p in problems), problems
    done = subprocess.run(
        [sys.executable, "-m", "pantau", "facts", "check", "--file", str(facts_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr and name in done.stderr
