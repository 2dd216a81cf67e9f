"""The outlet registry: size, coverage, validation and duplicate rejection."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pantau.crawl.registry import OutletRegistryError, load_outlets, outlet_for_url
from tests.shared import REGIONS_CSV

ROOT = Path(__file__).resolve().parents[1]
REGIONS = REGIONS_CSV
REQUIRED_FAMILIES = {
    "tribun",
    "detik",
    "kompas",
    "antara",
    "disway",
    "suara",
    "okezone",
    "inews",
    "liputan6",
    "kumparan",
    "jawapos",
    "wordpress",
}


def provinces() -> frozenset[str]:
    with REGIONS.open(encoding="utf-8") as fh:
        return frozenset(r["name"] for r in csv.DictReader(fh) if r["level"] == "province")


def rows() -> list[dict]:
    return yaml.safe_load((ROOT / "spiders" / "outlets.yaml").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "outlets.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_registry_size_coverage_and_canonical_provinces() -> None:
    outlets = load_outlets(provinces=provinces())
    assert len(outlets) >= 150
    assert len({o.province for o in outlets if o.province != "national"}) >= 34
    assert {o.family for o in outlets} >= REQUIRED_FAMILIES
    assert {o.role for o in outlets} == {"news", "fact_check"}
    # every row either lists endpoints or is bare (discovery finds them); a bare row has nothing to be unverified
    assert all(o.discovery.urls() or (o.bare and not o.unverified) for o in outlets)
    assert sum(o.bare for o in outlets) >= 10


def test_a_bare_domain_row_gets_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, [{"name": "Kabar Uji", "domain": "kabar-uji.example.id", "province": "Bali"}])
    (outlet,) = load_outlets(path, provinces=provinces())
    assert outlet.bare and not outlet.unverified
    assert (outlet.language, outlet.family, outlet.home_url) == ("id", "generic", "https://kabar-uji.example.id/")
    channel = write(tmp_path, [{"name": "K", "domain": "x.example.id", "path_prefix": "/bali", "province": "Bali"}])
    assert load_outlets(channel)[0].home_url == "https://x.example.id/bali/"


def test_duplicate_name_rejected_naming_both_rows(tmp_path: Path) -> None:
    data = rows()
    clone = dict(
        data[3],
        domain="copy.example.id",
        home_url="https://copy.example.id/",
        discovery={"feeds": ["https://copy.example.id/rss"]},
    )
    with pytest.raises(OutletRegistryError) as err:
        load_outlets(write(tmp_path, [*data, clone]))
    msg = str(err.value)
    assert "duplicate outlet name" in msg and f"row #{len(data) + 1}" in msg and "row #4" in msg


def test_duplicate_domain_rejected(tmp_path: Path) -> None:
    data = rows()
    clone = dict(data[0], name="Another name")
    with pytest.raises(OutletRegistryError, match=r"duplicate outlet domain 'palembang.tribunnews.com'.*row #1"):
        load_outlets(write(tmp_path, [*data, clone]))


def test_shared_host_with_distinct_path_prefix_is_allowed_and_mapped() -> None:
    outlets = load_outlets()
    assert outlet_for_url("https://www.detik.com/sumbagsel/berita/d-1/x", outlets).name == "detikSumbagsel"
    assert outlet_for_url("https://www.detik.com/jabar/berita/d-1/x", outlets).name == "detikJabar"
    assert outlet_for_url("https://www.detik.com/edu/x", outlets) is None
    assert outlet_for_url("https://sumsel.antaranews.com/berita/1/x", outlets).province == "Sumatera Selatan"
    assert outlet_for_url("not a url", outlets) is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"family": "bogus"}, "unknown parser family"),
        ({"domain": None}, "missing required field"),
        ({"home_url": "palembang.tribunnews.com"}, "not an absolute http"),
        ({"discovery": {"feeds": ["https://evil.example.com/rss"]}}, "not on the outlet's own domain"),
        ({"discovery": {}}, "no discovery endpoint"),
        ({"unverified": "yes"}, "unverified must be true or false"),
        ({"name": None}, "missing required field"),
        ({"province": "Sumsel"}, "not a canonical province"),
        ({"extra": 1}, "unknown field"),
    ],
)
def test_invalid_rows_give_clear_errors(tmp_path: Path, change: dict, message: str) -> None:
    data = rows()
    data[0] = {**data[0], **change}
    with pytest.raises(OutletRegistryError, match=message):
        load_outlets(write(tmp_path, data), provinces=provinces())


def test_malformed_yaml_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text("- name: x\n  domain: [unclosed\n", encoding="utf-8")
    with pytest.raises(OutletRegistryError, match="not valid YAML"):
        load_outlets(path)
    path.write_text("name: not a list\n", encoding="utf-8")
    with pytest.raises(OutletRegistryError, match="must be a YAML list"):
        load_outlets(path)


def test_outlets_command_json_and_table() -> None:
    code = (
        "import argparse,sys;from pantau.cli.outlets import register;p=argparse.ArgumentParser();"
        "s=p.add_subparsers();register(s);a=p.parse_args(sys.argv[1:]);sys.exit(a.func(a,None))"
    )
    out = subprocess.run([sys.executable, "-c", code, "outlets", "--json"], capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    assert {"name", "domain", "province", "parser", "discovery"} <= set(data[0])
    table = subprocess.run([sys.executable, "-c", code, "outlets"], capture_output=True, text=True, check=True).stdout
    assert "www.detik.com/sumbagsel" in table and "PARSER" in table


def test_the_registry_file_comes_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pantau.crawl.registry import registry_path

    bundled = registry_path()
    rows = yaml.safe_load(bundled.read_text(encoding="utf-8"))
    own = tmp_path / "outlets.yaml"
    own.write_text(yaml.safe_dump(rows[:1]), encoding="utf-8")
    monkeypatch.setenv("PANTAU_CRAWL_REGISTRY", str(own))
    assert registry_path() == own
    assert len(load_outlets()) == 1
    monkeypatch.setenv("PANTAU_CRAWL_REGISTRY", str(tmp_path / "missing.yaml"))
    with pytest.raises(OutletRegistryError, match="cannot read outlet registry"):
        load_outlets()
