"""Races that do not exist (pantau.process.claims.scope_checks.check_no_such_race): DI Yogyakarta elects no
governor, Jakarta's administrative cities elect no mayor and Kepulauan Seribu no regent. Invented sentences; the
regions and the rules are facts."""

from __future__ import annotations

import pytest

from pantau.process.claims import check_claims
from tests.test_claim_understanding import NOV, rules_of

TITLE = "Pilkada 2024"


@pytest.mark.parametrize(
    "body",
    [
        "KPU DIY membuka pendaftaran calon gubernur DIY pada Agustus 2024.",
        "Pilgub DIY 2024 diikuti dua pasangan calon.",
        "Tiga pasangan calon gubernur dan wakil gubernur Daerah Istimewa Yogyakarta mengikuti debat perdana.",
        "Debat Pilgub DI Yogyakarta digelar di Sleman.",
        "Sri Sultan Hamengku Buwono X unggul dalam Pilgub Jogja 2024.",
        "Turnout in the Yogyakarta gubernatorial election reached 70 percent.",
        "KPU Jakarta Selatan menetapkan dua pasangan calon wali kota Jakarta Selatan.",
        "Pilwalkot Jakarta Timur 2024 dimenangkan pasangan nomor urut 1.",
        "Calon bupati Kepulauan Seribu berkampanye di Pulau Pramuka.",
        "Warga antusias menyambut Pilkada Kota Jakarta Barat.",
    ],
)
def test_a_race_that_does_not_exist(body: str) -> None:
    assert "no_such_race" in rules_of(TITLE, body), body


@pytest.mark.parametrize(
    "body",
    [
        "DIY tidak menggelar Pilgub karena gubernurnya ditetapkan, bukan dipilih.",
        "Tidak ada pemilihan gubernur DIY; lima kabupaten/kota di DIY tetap ikut Pilkada 2024.",
        "Pilkada di DIY hanya untuk bupati dan wali kota, tanpa Pilgub DIY.",
        "Mengapa tidak ada Pilgub DIY?",
        "Penetapan gubernur DIY diatur UU Keistimewaan.",
        "Pada 2010 muncul wacana pemilihan gubernur DIY secara langsung.",
        "Pramono melantik wali kota Jakarta Selatan yang baru.",
        "Wali kota Jakarta Selatan diangkat oleh gubernur, bukan dipilih warga.",
        "Debat calon gubernur di Yogyakarta ditonton mahasiswa asal Jawa Tengah.",
        "Calon gubernur Jakarta berkampanye di Jakarta Selatan.",
        "Pilwalkot Yogyakarta 2024 diikuti tiga pasangan calon.",
        "Calon bupati Sleman dan calon wali kota Yogyakarta mengikuti debat.",
        "Pemilih di Kepulauan Seribu ikut memilih gubernur Jakarta.",
        "Calon anggota DPD RI dari DIY berkampanye.",
    ],
)
def test_what_is_not_a_race_that_does_not_exist(body: str) -> None:
    assert "no_such_race" not in rules_of(TITLE, body), body


def test_the_flag_carries_the_fact_and_its_source() -> None:
    flags = check_claims(TITLE, "Pilgub DIY 2024 diikuti dua pasangan calon.", published_at=NOV)
    (flag,) = [f for f in flags if f.rule == "no_such_race"]
    assert "UU 13/2012" in flag.fact and flag.source.startswith("http")
    (jkt,) = [
        f
        for f in check_claims(TITLE, "Pilwalkot Jakarta Timur digelar serentak.", published_at=NOV)
        if f.rule == "no_such_race"
    ]
    assert "bukan daerah otonom" in jkt.fact and jkt.source.startswith("http") and "jakarta timur" in jkt.reason


def test_a_debunk_that_quotes_the_invented_race_is_not_flagged() -> None:
    body = (
        "Beredar unggahan yang menyebut pendaftaran calon gubernur DIY dibuka. Faktanya, DIY tidak memilih gubernur. "
        "Informasi tersebut hoaks."
    )
    assert "no_such_race" not in rules_of("[HOAKS] Pendaftaran Calon Gubernur DIY Dibuka", body)
