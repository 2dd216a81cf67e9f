"""Election bodies, officials and candidate pairs in realistic Indonesian news texts."""

from __future__ import annotations

import csv
import json
from importlib import resources

import pytest

from pantau.process.entities import EntityFinder, find_entities
from pantau.records import Entity
from tests.shared import REGIONS_CSV, SEED_FILE

SEED = SEED_FILE

INDEX_KEYS = {"type", "name", "role", "body", "region"}


def names(entities: list[Entity], kind: str) -> set[str]:
    return {e.name for e in entities if e.type == kind}


def test_seed_article_officials_with_roles() -> None:
    found = find_entities("Rapimnas KPU 2024", SEED.read_text(encoding="utf-8"))
    officials = {e.name: e for e in found if e.type == "official"}
    expected = {
        "Mochammad Afifuddin", "August Mellaz", "Betty Epsilon Idroos", "Idham Holik", "Parsadaan Harahap",
        "Yulianto Sudrajat", "Iffa Rosita", "Bernad Dermawan Sutrisno",
    }  # fmt: skip
    assert expected <= set(officials)
    assert officials["Mochammad Afifuddin"].role == "Ketua KPU RI"
    assert officials["August Mellaz"].body == "KPU"  # written "Agust Mellaz" in the article
    assert "KPU RI" in names(found, "election_body")
    assert all(set(e.to_dict()) == INDEX_KEYS for e in found)


def test_body_levels_and_provinces() -> None:
    title = "KPU Sumsel Tetapkan Nomor Urut Paslon Pilgub"
    body = (
        "PALEMBANG - Komisi Pemilihan Umum (KPU) Provinsi Sumatera Selatan menggelar pleno di Palembang. Hadir pula "
        "Bawaslu Kota Palembang, KPU Kabupaten Muba dan Bawaslu RI. Di Aceh, KIP Aceh dan Panwaslih Aceh menggelar "
        "rapat serupa, sementara KPU Jabar menyiapkan debat. Di tingkat kecamatan, Panwascam, PPK dan PPS sudah "
        "dilantik, sedangkan KPPS akan direkrut bulan depan. Sengketa hasil nantinya dibawa ke MK."
    )
    found = find_entities(title, body)
    bodies = {e.name: e for e in found if e.type == "election_body"}
    assert bodies["KPU Provinsi Sumatera Selatan"].region == "16"
    assert bodies["KPU Provinsi Sumatera Selatan"].role == "province"
    assert bodies["Bawaslu Kota Palembang"].role == "city"
    assert bodies["KPU Kabupaten Muba"].role == "regency"
    assert bodies["Bawaslu RI"].role == "national"
    assert bodies["KIP Provinsi Aceh"].region == "11"
    assert bodies["Panwaslih Provinsi Aceh"].body == "Panwaslih"
    assert bodies["KPU Provinsi Jawa Barat"].region == "32"
    assert {"Panwascam", "PPK", "PPS", "KPPS", "Mahkamah Konstitusi"} <= set(bodies)
    assert "KPU" not in bodies  # the bare name adds nothing next to the specific ones


def test_lowercase_acronyms_are_not_bodies_and_person_names_are_not_places() -> None:
    body = (
        "Warga membeli mk (minyak kelapa) di pasar. Kata anggota KPU Yulianto Sudrajat, pps di desa itu bukan "
        "panitia. Ketua Bawaslu Rahmat Bagja hadir."
    )
    found = find_entities("", body)
    bodies = names(found, "election_body")
    assert "Mahkamah Konstitusi" not in bodies and "PPS" not in bodies
    assert "KPU Yulianto Sudrajat" not in bodies
    assert {"Yulianto Sudrajat", "Rahmat Bagja"} <= names(found, "official")


def test_context_aliases_need_the_body() -> None:
    with_body = find_entities("", "Ketua KPU RI Afif menyampaikan bahwa tahapan berjalan lancar.")
    without_body = find_entities("", "Afif, warga Palembang, menjual pempek di pasar.")
    assert "Mochammad Afifuddin" in names(with_body, "official")
    assert "Mochammad Afifuddin" not in names(without_body, "official")


def test_regional_official_from_role_pattern() -> None:
    body = (
        "Ketua KPU Jatim Aang Kunaifi mengatakan panelis berasal dari kampus. "
        "Ketua Bawaslu Kota Makassar, Dede Arwinsyah, menambahkan."
    )
    found = {e.name: e for e in find_entities("", body) if e.type == "official"}
    assert found["Aang Kunaifi"].role == "Ketua KPU Provinsi Jawa Timur"
    assert found["Aang Kunaifi"].region == "35"
    assert found["Dede Arwinsyah"].role == "Ketua Bawaslu Kota Makassar"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Pasangan Pramono-Rano unggul di Jakarta Timur.", "Pramono Anung–Rano Karno"),
        ("Paslon RK-Suswono menggelar kampanye akbar.", "Ridwan Kamil–Suswono"),
        ("Khofifah-Emil kembali maju di Pilgub Jatim.", "Khofifah Indar Parawansa–Emil Elestianto Dardak"),
        ("Herman Deru dan Cik Ujang (HDCU) mendaftar ke KPU Sumsel.", "Herman Deru–Cik Ujang"),
        ("Pasangan Andika Perkasa-Hendrar Prihadi berkampanye di Solo.", "Andika Perkasa–Hendrar Prihadi"),
        ("Dedi Mulyadi-Erwan Setiawan unggul hitung cepat.", "Dedi Mulyadi–Erwan Setiawan"),
        ("Luthfi-Yasin menyapa warga Semarang.", "Ahmad Luthfi–Taj Yasin Maimoen"),
        ("Tim Lucianty-Syaparuddin menggelar konser.", "Lucianty–Syaparuddin"),
    ],
)
def test_candidate_pairs_from_short_forms(text: str, pair: str) -> None:
    found = find_entities("", text)
    pairs = {e.name: e for e in found if e.type == "candidate_pair"}
    assert pair in pairs, found
    assert pairs[pair].role.startswith("pasangan calon")


def test_pair_number_and_region_and_restriction() -> None:
    text = "Paslon nomor urut 3 Pramono Anung-Rano Karno bertemu Herman Deru di Jakarta."
    everything = find_entities("", text)
    pair = next(e for e in everything if e.name == "Pramono Anung–Rano Karno")
    assert pair.region == "31" and pair.role == "pasangan calon gubernur nomor urut 3"
    assert "Herman Deru" in names(everything, "candidate")
    only_jakarta = find_entities("", text, region_codes=["31.71"])
    assert "Pramono Anung–Rano Karno" in names(only_jakarta, "candidate_pair")
    assert "Herman Deru" not in names(only_jakarta, "candidate")
    only_muba = find_entities("", text, region_codes=["16.06"])
    assert "Herman Deru" in names(only_muba, "candidate")  # a provincial race covers its regencies
    assert not names(only_muba, "candidate_pair")


def test_short_forms_alone_are_not_candidates() -> None:
    found = find_entities("", "Andika, Deru dan Rano bermain bola di lapangan desa. Emil membeli kopi.")
    assert not names(found, "candidate") and not names(found, "candidate_pair")


def test_region_resolver_is_used_for_regencies() -> None:
    table = {"muba": ("16.06", "Kabupaten Musi Banyuasin"), "kabupaten muba": ("16.06", "Kabupaten Musi Banyuasin")}
    finder = EntityFinder(region_resolver=lambda place: table.get(place.lower()))
    found = finder.find("", "Ketua KPU Muba, Sigid Nugroho, mengumumkan hasil pleno.")
    bodies = {e.name: e for e in found if e.type == "election_body"}
    assert bodies["KPU Kabupaten Musi Banyuasin"].region == "16.06"
    official = next(e for e in found if e.type == "official")
    assert official.name == "Sigid Nugroho" and official.region == "16.06"


def test_province_table_agrees_with_kemendagri_codes() -> None:
    data = json.loads(resources.files("pantau").joinpath("data", "election_bodies.json").read_text("utf-8"))
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        official = {row["code"]: row["name"] for row in csv.DictReader(fh) if row["level"] == "province"}
    ours = {p["code"]: p["kemendagri"] for p in data["provinces"]}
    assert ours == official


def test_candidate_file_shape() -> None:
    data = json.loads(resources.files("pantau").joinpath("data", "candidates.json").read_text("utf-8"))
    for race in data["races"]:
        numbers = [p["number"] for p in race["pairs"] if p["number"] is not None]
        assert len(numbers) == len(set(numbers)), race["region"]
        assert all(len(p["names"]) == 2 for p in race["pairs"])


@pytest.mark.parametrize("body", ["", "\x00\x01", "KPU " * 50_000, "КПУ Бавасלу 选举 🗳️" * 300, "Ketua KPU"])
def test_bad_input_never_raises(body: str) -> None:
    found = find_entities(body[:50], body, region_codes=[])
    assert isinstance(found, list)
    assert all(set(e.to_dict()) == INDEX_KEYS for e in found)
