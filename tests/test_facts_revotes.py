"""The amended ballots of the 2025 re-votes and re-elections (facts_revotes.json) and what they change for the claim
checks: a text dated after the re-vote is judged on the amended ballot and, once recapitulated, on its result; a text
dated before it (or undated) on KPU's 2024 ballot.

The sentences are invented; the pairs, numbers and results are the public facts the file records (Bangka's
re-election of 27 August 2025: Fery Insani-Syahbudin no. 1 won with 48.806 votes, recapitulated 2 September 2025;
Pangkalpinang: Saparudin-Dessy Ayutrisna no. 3, 39.546; Barito Utara's second PSU of 6 August 2025:
Shalahuddin-Felix no. 1; Kutai Kartanegara: Aulia Rahman Basri replaced the disqualified Edi Damansyah as no. 1).
KPU's 2024 master data is read from the shared folder.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pantau.process.claims import check_claims
from pantau.process.claims.fact_check import check_fact_base
from pantau.process.claims.facts import DATA_DIR, load_facts
from pantau.process.claims.names import name_key
from pantau.process.claims.outcome_claims import ballot
from tests.shared import SHARED

MASTER = SHARED / "data" / "pilkada2024" / "paslon_bupati_walikota.json"
MASTER_GUB = SHARED / "data" / "pilkada2024" / "paslon_gubernur.json"
AFTER_REELECTION = "2025-09-10T10:00:00+07:00"
BETWEEN = "2025-08-30T10:00:00+07:00"  # after the re-election, before its recapitulation
BEFORE = "2025-01-10T10:00:00+07:00"


def rules(title: str, body: str, published_at: str | None) -> list[str]:
    return [f.rule for f in check_claims(title, body, published_at=published_at, article_pilkada=True)]


def _revotes() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads((DATA_DIR / "facts_revotes.json").read_text(encoding="utf-8"))
    return raw


# --- the file ---------------------------------------------------------------------------------------------------


def test_the_real_file_passes_the_fact_check() -> None:
    assert check_fact_base() == []


def test_every_source_has_a_url_and_a_date_and_every_entry_a_known_source() -> None:
    raw = _revotes()
    ids = {s["id"] for s in raw["sources"]}
    assert raw["version"] and isinstance(raw["missing"], list) and raw["missing"]
    for src in raw["sources"]:
        assert src["url"].startswith("https://") and len(src["date"]) in (7, 10), src["id"]
    for item in raw["revotes"]:
        assert item["source"] in ids and all(s in ids for s in item.get("also_sources", []))
        if "result" in item:
            assert item["result"]["source"] in ids


def _copy(tmp_path: Path) -> Path:
    for name in ("facts.json", "facts_races.json", "facts_outcomes.json", "facts_sirekap.json", "facts_revotes.json"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    shutil.copy(DATA_DIR / "facts_parties.json", tmp_path / "facts_parties.json")
    return tmp_path / "facts.json"


def _edit_revote(tmp_path: Path, code: str, change: Any) -> None:
    path = tmp_path / "facts_revotes.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    change(next(r for r in raw["revotes"] if r["code"] == code), raw)
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("code", "change", "message"),
    [
        ("64.02", lambda r, _: r["replacements"][0].update(replaced="Awang Yacoub Luthman"), "not the 2024 head"),
        ("64.02", lambda r, _: r["replacements"][0].update(by="Someone Else"), "not the amended head"),
        ("64.02", lambda r, _: r["pairs"][1].update(head="Awang Baru"), "without a replacement"),
        ("19.01", lambda r, _: r["result"].update(winner=5), "does not have the most votes"),
        ("19.71", lambda r, _: r["result"]["votes"].update({"3": 39325}), "not valid_votes 98395"),
        ("19.71", lambda r, _: r["result"]["votes"].update({"7": 10}), "not ballot numbers of the amended ballot"),
        ("19.01", lambda r, _: r.update(vote_date="2025-08-28"), "re_elections says 2025-08-27"),
        ("64.02", lambda r, _: r.update(vote_date="2025-05-19"), "a later PSU needs its own"),
        ("72.08", lambda r, _: r.update(removed=[]), "neither on the ballot nor removed"),
        ("62.05", lambda r, _: r["result"]["share"].update({"1": 55.0}), "share of no. 1 is 55.0%"),
        ("19.01", lambda r, _: r.update(source="nope"), "unknown source id 'nope'"),
        ("19.01", lambda _, raw: raw["sources"][0].pop("date"), "has no date"),
        ("16.11", lambda r, _: r["pairs"].append({"number": 4, "head": "A B", "deputy": "C D"}), "not 1..3"),
        ("19.01", lambda r, _: r.update(ballot_from="2025-09-01"), "not after the vote"),
        ("63.72", lambda r, _: r.pop("empty_box_column"), "['empty_box'], not ballot numbers of the amended"),
    ],
)
def test_a_broken_copy_is_rejected_by_the_fact_check(tmp_path: Path, code: str, change: Any, message: str) -> None:
    facts_path = _copy(tmp_path)
    assert check_fact_base(facts_path) == []
    _edit_revote(tmp_path, code, change)
    problems = check_fact_base(facts_path)
    assert any(message in p for p in problems), problems


def test_a_malformed_date_stops_the_loader(tmp_path: Path) -> None:
    facts_path = _copy(tmp_path)
    _edit_revote(tmp_path, "93.02", lambda r, _: r.update(ballot_from="2025-02-30"))
    problems = check_fact_base(facts_path)
    assert any("ballot_from is not an ISO date (YYYY-MM-DD)" in p for p in problems), problems
    with pytest.raises(ValueError, match=r"facts_revotes\.json"):
        load_facts(facts_path)


def test_every_replaced_person_is_on_kpu_2024_master_data_for_that_region() -> None:
    master = {
        **json.loads(MASTER.read_text(encoding="utf-8")),
        **json.loads(MASTER_GUB.read_text(encoding="utf-8")),
    }
    checked = 0
    for item in _revotes()["revotes"]:
        rows = master[item["code"].replace(".", "")].values()
        names = {name_key(part) for row in rows for part in row["nama"].split(" - ")}
        for rep in item.get("replacements", []):
            assert name_key(rep["replaced"]) in {n for n in names if name_key(rep["replaced"]) in n}, rep
            checked += 1
    assert checked >= 10


def test_each_psu_with_a_changed_ballot_is_an_mk_order_and_each_re_election_a_recorded_one() -> None:
    facts = load_facts()
    psu_codes = {str(x["code"]) for x in facts.outcomes_raw["mk_rulings"]["psu"]}
    again = {c for x in facts.outcomes_raw["re_elections"] for c in x["codes"]}
    for item in _revotes()["revotes"]:
        assert item["code"] in (psu_codes if item["kind"] == "psu" else again), item["code"]


# --- the amended ballots --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "number", "head", "deputy"),
    [
        ("19.01", 1, "Fery Insani", "Syahbudin"),
        ("19.01", 5, "Rato Rusdiyanto", "Ramadian"),
        ("19.71", 3, "Saparudin", "Dessy Ayutrisna"),
        ("19.71", 4, "Basit Cinda Sucipto", "Dede Purnama Alzulami"),
        ("62.05", 1, "Shalahuddin", "Felix Sonadie Y. Tingan"),
        ("64.02", 1, "Aulia Rahman Basri", "Rendi Solihin"),
        ("32.06", 3, "Ai Diantani", "Iip Miptahul Paoz"),
        ("73.73", 4, "Naili Trisal", "Akhmad Syarifuddin"),
        ("18.09", 1, "Supriyanto", "Suriansyah"),
        ("64.11", 3, "Angela Idang Belawan", "Suhuk"),
        ("91", 1, "Benhur Tomi Mano", "Constant Karma"),
        ("93.02", 3, "Roni Omba", "Marlinus"),
        ("16.11", 1, "Budi Antoni Aljufri", "Henny Verawati"),
    ],
)
def test_the_ballot_in_force_after_the_revote_is_amended(code: str, number: int, head: str, deputy: str) -> None:
    facts = load_facts()
    race = facts.race(code)
    assert race is not None
    after = ballot(race, date(2025, 9, 30), facts).pair(number)
    assert after is not None and (after.head.name, after.deputy.name) == (head, deputy)
    before = ballot(race, date(2024, 12, 1), facts).pair(number)
    assert before is None or (before.head.name, before.deputy.name) != (head, deputy)
    assert ballot(race, None, facts) is race


def test_replacements_name_who_was_replaced() -> None:
    facts = load_facts()
    kukar = facts.revote_at("64.02", date(2025, 4, 1))
    assert kukar is not None and kukar.replacement_of(1)[0].replaced == "Edi Damansyah"
    parimo = facts.revote_at("72.08", date(2025, 4, 1))
    assert parimo is not None and parimo.removed == (5,) and len(parimo.pairs) == 4
    assert facts.revote_at("64.02", date(2025, 2, 23)) is None  # before the ruling


def test_the_outcome_follows_the_date_of_the_text() -> None:
    facts = load_facts()
    assert facts.on(date(2025, 1, 1)).outcome("19.01").status == "empty_box_won"  # type: ignore[union-attr]
    pending = facts.on(date(2025, 8, 30)).outcome("19.01")
    assert pending is not None and pending.status == "re_election_pending" and pending.winner is None
    done = facts.on(date(2025, 9, 2)).outcome("19.01")
    assert done is not None and done.status == "winner_after_re_election" and done.winner == 1
    assert done.votes["1"] == 48806 and done.recap_date == date(2025, 9, 2)
    pkp = facts.on(date(2025, 9, 2)).outcome("19.71")
    assert pkp is not None and pkp.votes_complete and pkp.winner == 3
    barut = facts.on(date(2025, 8, 9)).outcome("62.05")
    assert barut is not None and barut.winner == 1 and barut.status == "winner_after_psu"
    assert facts.on(date(2025, 9, 2)) is facts.on(date(2025, 9, 3))  # one view per state
    assert facts.on(None) is facts and facts.on(date(2024, 12, 1)) is facts


def test_psu_results_found_for_boven_digoel_and_banggai() -> None:
    facts = load_facts()
    boven = facts.outcome("93.02")
    assert boven is not None and boven.status == "winner_after_psu" and boven.winner == 3
    assert boven.votes == {"1": 7662, "2": 2372, "3": 12990, "4": 6554} and boven.recap_date == date(2025, 8, 13)
    banggai = facts.outcome("72.01")
    assert banggai is not None and banggai.winner == 1 and "897" in banggai.text
    missing = " ".join(facts.outcomes_raw["missing"])
    assert "official results of the PSU of 5 April 2025 in Banggai" not in missing
    assert "Banggai (72.01; the winner" in missing


def test_empat_lawang_has_both_totals_on_the_amended_ballot() -> None:
    outcome = load_facts().on(date(2025, 5, 1)).outcome("16.11")
    assert outcome is not None and outcome.votes == {"1": 52021, "2": 80639} and outcome.winner == 2


# --- claims after the re-vote ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "wrong", "right", "day"),
    [
        (
            "Hasil Pilkada Ulang Kabupaten Bangka 2025",
            "Rato Rusdiyanto-Ramadian resmi memenangkan Pilkada ulang Kabupaten Bangka.",
            "Fery Insani-Syahbudin resmi memenangkan Pilkada ulang Kabupaten Bangka.",
            AFTER_REELECTION,
        ),
        (
            "Hasil Pilkada Ulang Pangkalpinang",
            "Maulan Aklil-Zeki Yamani ditetapkan sebagai pemenang Pilkada ulang Kota Pangkalpinang.",
            "Saparudin-Dessy Ayutrisna ditetapkan sebagai pemenang Pilkada ulang Kota Pangkalpinang.",
            AFTER_REELECTION,
        ),
        (
            "PSU Pilkada Barito Utara",
            "Jimmy Carter-Inriaty Karawaheni memenangkan PSU Pilkada Barito Utara.",
            "Shalahuddin-Felix Sonadie Y. Tingan memenangkan PSU Pilkada Barito Utara.",
            "2025-08-20T10:00:00+07:00",
        ),
        (
            "PSU Pilkada Boven Digoel",
            "Hengki Yaluwo-Melkior Okaibob memenangkan PSU Pilkada Boven Digoel.",
            "Roni Omba-Marlinus memenangkan PSU Pilkada Boven Digoel.",
            AFTER_REELECTION,
        ),
        (
            "PSU Pilkada Empat Lawang",
            "Budi Antoni Aljufri-Henny Verawati memenangkan PSU Pilkada Empat Lawang.",
            "Joncik Muhammad-Arifa'i memenangkan PSU Pilkada Empat Lawang.",
            "2025-05-01T10:00:00+07:00",
        ),
    ],
)
def test_a_loser_of_the_revote_said_to_have_won_is_flagged(title: str, wrong: str, right: str, day: str) -> None:
    assert "winner_claim" in rules(title, wrong, day)
    assert "winner_claim" not in rules(title, right, day)
    assert "winner_claim" not in rules(title, right, None)  # undated: the 2024 ballot, where the winner is nobody


def test_undated_texts_are_judged_on_the_2024_ballot_only() -> None:
    body = "Jimmy Carter-Inriaty Karawaheni memenangkan PSU Pilkada Barito Utara."
    assert "winner_claim" not in rules("PSU Barito Utara", body, None)  # not on the 2024 ballot
    body = "Hengki Yaluwo-Melkior Okaibob memenangkan PSU Pilkada Boven Digoel."
    assert "winner_claim" not in rules("PSU Boven Digoel", body, None)  # a PSU result needs the text's date
    body = "Maulan Aklil-Masagus M Hakim memenangkan Pilkada Kota Pangkalpinang."
    assert "winner_claim" in rules("Pilkada Pangkalpinang", body, None)  # the 2024 empty-box result


def test_a_win_claimed_before_the_recapitulation_is_not_judged() -> None:
    body = "Rato Rusdiyanto-Ramadian resmi memenangkan Pilkada ulang Kabupaten Bangka."
    assert "winner_claim" not in rules("Pilkada Ulang Bangka", body, BETWEEN)


def test_a_winner_said_to_have_lost_the_re_election_is_flagged() -> None:
    body = "Fery Insani-Syahbudin kalah di Pilkada ulang Kabupaten Bangka."
    assert "loser_claim" in rules("Pilkada Ulang Bangka", body, AFTER_REELECTION)
    body = "Rato Rusdiyanto-Ramadian kalah di Pilkada ulang Kabupaten Bangka."
    assert "loser_claim" not in rules("Pilkada Ulang Bangka", body, AFTER_REELECTION)


def test_the_flag_carries_the_re_election_result_and_its_source() -> None:
    body = "Maulan Aklil-Zeki Yamani ditetapkan sebagai pemenang Pilkada ulang Kota Pangkalpinang."
    flags = check_claims("Pilkada Ulang Pangkalpinang", body, published_at=AFTER_REELECTION, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "winner_claim")
    assert "nomor urut 2" in flag.reason and "39.546" in flag.fact
    assert flag.source.startswith("https://radarlampung.bacakoran.co/read/25472/")


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        (
            "Pasangan Aulia Rahman Basri-Rendi Solihin nomor urut 2 pada PSU Pilkada Kutai Kartanegara.",
            "Pasangan Aulia Rahman Basri-Rendi Solihin nomor urut 1 pada PSU Pilkada Kutai Kartanegara.",
        ),
        (
            "Pasangan Rato Rusdiyanto-Ramadian nomor urut 1 di Pilkada ulang Kabupaten Bangka.",
            "Pasangan Rato Rusdiyanto-Ramadian nomor urut 5 di Pilkada ulang Kabupaten Bangka.",
        ),
        (
            "Pasangan Naili Trisal-Akhmad Syarifuddin nomor urut 3 pada PSU Pilkada Kota Palopo.",
            "Pasangan Naili Trisal-Akhmad Syarifuddin nomor urut 4 pada PSU Pilkada Kota Palopo.",
        ),
    ],
)
def test_ballot_numbers_after_the_revote_are_judged_on_the_amended_ballot(wrong: str, right: str) -> None:
    assert "ballot_number" in rules("PSU Pilkada", wrong, AFTER_REELECTION)
    assert "ballot_number" not in rules("PSU Pilkada", right, AFTER_REELECTION)


def test_the_ballot_number_flag_names_the_replacement() -> None:
    body = "Pasangan Aulia Rahman Basri-Rendi Solihin nomor urut 2 pada PSU Pilkada Kutai Kartanegara."
    flags = check_claims("PSU Pilkada Kukar", body, published_at=AFTER_REELECTION, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "ballot_number")
    assert "Aulia Rahman Basri" in flag.fact and "Edi Damansyah" in flag.fact


# --- texts dated before the re-vote ---------------------------------------------------------------------------------


def test_texts_before_the_revote_are_judged_on_the_2024_ballot() -> None:
    old = "Pasangan Edi Damansyah-Rendi Solihin nomor urut 2 pada Pilkada Kutai Kartanegara."
    assert "ballot_number" in rules("Pilkada Kukar", old, "2024-10-01T10:00:00+07:00")
    flags = check_claims("Pilkada Kukar", old, published_at="2024-10-01T10:00:00+07:00", article_pilkada=True)
    flag = next(f for f in flags if f.rule == "ballot_number")
    assert "Edi Damansyah-Rendi Solihin" in flag.fact and "23 September 2024" in flag.fact
    flags = check_claims("Pilkada Kukar", old, published_at=AFTER_REELECTION, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "ballot_number")  # Rendi Solihin's pair on the PSU ballot is no. 1
    assert "Aulia Rahman Basri-Rendi Solihin" in flag.fact and "Edi Damansyah" in flag.fact
    right = "Pasangan Edi Damansyah-Rendi Solihin nomor urut 1 pada Pilkada Kutai Kartanegara."
    assert "ballot_number" not in rules("Pilkada Kukar", right, "2024-10-01T10:00:00+07:00")


def test_the_2024_result_of_bangka_still_holds_for_texts_before_the_re_election() -> None:
    assert "winner_claim" in rules("Pilkada Bangka", "Mulkan-Ramadian menang di Pilkada Kabupaten Bangka.", BEFORE)
    assert "winner_claim" not in rules("Pilkada Bangka", "Kotak kosong menang di Pilkada Kabupaten Bangka.", BEFORE)
    body = "Fery Insani-Syahbudin memenangkan Pilkada Kabupaten Bangka."
    assert rules("Pilkada Bangka", body, BEFORE) == []  # not a 2024 candidate: nothing to judge


def test_a_2024_history_stated_after_the_re_election_is_not_flagged() -> None:
    body = "Pada Pilkada 2024, kotak kosong menang di Pilkada Kabupaten Bangka."
    assert "winner_claim" not in rules("Pilkada Ulang Bangka", body, AFTER_REELECTION)
    body = "Pilkada Kabupaten Bangka 2024 hanya diikuti satu pasangan calon melawan kotak kosong."
    assert "race_pair_count" not in rules("Pilkada Ulang Bangka", body, AFTER_REELECTION)


def test_a_misprinted_re_election_count_is_judged_on_its_result_once_recapitulated() -> None:
    body = "Pasangan Fery Insani-Syahbudin meraih 48.860 suara di Pilkada ulang Kabupaten Bangka."
    assert "vote_count" in rules("Hasil Pilkada Ulang Bangka", body, AFTER_REELECTION)
    assert "vote_count" not in rules("Hasil Pilkada Ulang Bangka", body, BETWEEN)  # no result yet
    right = "Pasangan Fery Insani-Syahbudin meraih 48.806 suara di Pilkada ulang Kabupaten Bangka."
    assert "vote_count" not in rules("Hasil Pilkada Ulang Bangka", right, AFTER_REELECTION)


def test_banjarbaru_psu_set_its_pair_against_the_empty_box() -> None:
    facts = load_facts()
    race = facts.race("63.72")
    assert race is not None and race.empty_box_column is None and len(race.pairs) == 2
    psu = ballot(race, date(2025, 4, 20), facts)
    assert psu.empty_box_column == 2 and [p.number for p in psu.pairs] == [1]
    outcome = facts.on(date(2025, 4, 22)).outcome("63.72")
    assert outcome is not None and outcome.votes == {"1": 56043, "empty_box": 51415} and outcome.votes_complete
    day = "2025-05-01T10:00:00+07:00"
    assert "winner_claim" in rules("PSU Banjarbaru", "Kotak kosong menang di PSU Pilkada Kota Banjarbaru.", day)
    assert "winner_claim" not in rules("PSU Banjarbaru", "Kotak kosong kalah di PSU Pilkada Kota Banjarbaru.", day)
    assert "loser_claim" in rules(
        "PSU Banjarbaru", "Erna Lisa Halaby-Wartono kalah di PSU Pilkada Kota Banjarbaru.", day
    )
    early = "2025-04-20T10:00:00+07:00"  # before the recapitulation
    assert "winner_claim" not in rules("PSU Banjarbaru", "Kotak kosong menang di PSU Pilkada Kota Banjarbaru.", early)


def test_facts_show_prints_the_amended_ballot_and_its_result(capsys: pytest.CaptureFixture[str]) -> None:
    from pantau.cli.main import main

    assert main(["facts", "show", "Kutai Kartanegara"]) == 0
    out = capsys.readouterr().out
    assert "PSU ballot of 2025-04-19" in out and "no. 1 head: Aulia Rahman Basri replaced Edi Damansyah" in out
    assert main(["facts", "show", "19.71"]) == 0
    out = capsys.readouterr().out
    assert "3. Saparudin - Dessy Ayutrisna" in out and "result: no. 3 won" in out


@pytest.mark.parametrize(
    "body",
    [
        "Pasangan Edi Damansyah-Rendi Solihin didiskualifikasi MK dari Pilkada Kutai Kartanegara.",
        "Pada Pilkada 27 November 2024, pasangan nomor urut 1 Edi Damansyah-Rendi Solihin unggul di Kutai Kartanegara.",
        "Pasangan Ade Sugianto-Iip Miptahul Paoz didiskualifikasi MK dari Pilkada Kabupaten Tasikmalaya.",
    ],
)
def test_the_pair_kpu_determined_in_2024_is_no_unregistered_pair_after_the_revote(body: str) -> None:
    # Edi Damansyah was KPU's determined head of no. 1 until the MK disqualified him; a text after the amendment
    # that names the 2024 pair is history, never "not a pair KPU determined".
    assert "candidate_pair" not in rules("PSU Pilkada", body, AFTER_REELECTION)


def test_an_unknown_head_beside_a_deputy_is_still_flagged_after_the_revote() -> None:
    body = "Pasangan Bambang Sutrisno-Rendi Solihin maju di PSU Pilkada Kutai Kartanegara."
    flags = check_claims("PSU Pilkada", body, published_at=AFTER_REELECTION, article_pilkada=True)
    flag = next(f for f in flags if f.rule == "candidate_pair")
    assert "Aulia Rahman Basri" in flag.fact and "Bambang Sutrisno" in flag.fact


@pytest.mark.parametrize(
    "body",
    [
        "pasangan saparudin-dessy ayutrisna nomor urut 1 di pilkada ulang kota pangkalpinang",
        "PASANGAN SAPARUDIN-DESSY AYUTRISNA NOMOR URUT 1 DI PILKADA ULANG KOTA PANGKALPINANG",
        "shalahuddin-felix sonadie y. tingan nomor urut 2 di psu barito utara",
    ],
)
def test_a_post_in_one_case_is_read_with_the_names_of_the_amended_ballot(body: str) -> None:
    # the case of a lower-case or all-capitals forward is restored from the names of the ballot in force on its day:
    # the re-election's new candidates (Saparudin-Dessy Ayutrisna is no. 3) are names too
    assert "ballot_number" in rules("Pilkada", body, AFTER_REELECTION)
