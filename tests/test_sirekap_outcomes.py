"""`pantau.devtools.sirekap_outcomes` on a small git archive built here in the layout of razanfawwaz/pilkada-scrap.

The counts are invented; the race codes and the Sirekap candidate ids are KPU's (shared/data/pilkada2024): Kota
Bandung (3273: ids 1000606-1000609, ballot numbers 1-4), Kota Surabaya (3578: Eri Cahyadi-Armuji 1000804, the empty
box 1000805) and Jawa Barat's governor race (32: 1000026-1000029). With the real archive present (PANTAU_SIREKAP_MIRROR,
default the `fetch` tool's mirror path) the committed facts_sirekap.json is compared with a fresh run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pantau.devtools.sirekap_outcomes import derive, main, missing_races, render
from pantau.process.claims.facts import DATA_DIR
from tests.shared import SHARED

PASLON = SHARED / "data" / "pilkada2024"
MIRROR = Path(os.environ.get("PANTAU_SIREKAP_MIRROR", "/work/.mirror/razanfawwaz+pilkada-scrap/repo"))
GIT = shutil.which("git") or "git"


def _count(votes: dict[str, int], tps: int, total: int, ts: str, table: dict[str, Any] | None = None) -> str:
    chart: dict[str, Any] = dict(votes)
    chart["progres"] = {"total": total, "persen": round(100 * tps / total, 2), "progres": tps}
    return json.dumps({"mode": "hhcw", "tungsura": {"chart": chart, "table": table or {}}, "ts": ts})


def _commit(repo: Path, files: dict[str, str], message: str) -> None:
    for path, text in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text, encoding="utf-8")
    git = [GIT, "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-qm", message], check=True, capture_output=True)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    repo = tmp_path / "archive"
    repo.mkdir()
    subprocess.run([GIT, "init", "-q", str(repo)], check=True, capture_output=True)
    bandung_early = {"1000606": 100, "1000607": 200, "1000608": 300, "1000609": 50}
    _commit(
        repo,
        {
            "pkwkk/32/3273.json": _count(bandung_early, 1000, 4000, "2024-11-27 20:00:00"),
            "pkwkk/35/3578.json": _count({"1000804": 900, "1000805": 100}, 990, 1000, "2024-11-28 01:00:00"),
            "pkwkp/32/32.json": _count(
                {"1000026": 10, "1000027": 10, "1000028": 20, "1000029": 60},
                99,
                100,
                "2024-11-28 09:00:00",
                {
                    "3273": {"1000026": 1, "1000027": 1, "1000028": 5, "1000029": 3, "progres": {"persen": 98.5}},
                    "3201": {"1000026": 1, "1000027": 1, "1000028": 1, "1000029": 9, "progres": {"persen": 99.0}},
                },
            ),
        },
        "first",
    )
    bandung_late = {"1000606": 400, "1000607": 700, "1000608": 1600, "1000609": 300}
    zero = dict.fromkeys(bandung_late, 0)
    _commit(
        repo,
        {
            "pkwkk/32/3273.json": _count(bandung_late, 3900, 4000, "2024-11-28 08:45:00"),
            # a later copy with the progress but no votes (the archive's broken scrape): never chosen
            "script/pkwkk/32/3273.json": _count(zero, 3990, 4000, "2024-11-28 10:45:04"),
            # an older count re-saved with a later timestamp: fewer stations counted, so not chosen
            "pkwkk/35/3578.json": _count({"1000804": 500, "1000805": 50}, 550, 1000, "2024-11-28 10:00:00"),
        },
        "second",
    )
    return repo / ".git"


def test_the_most_advanced_counted_version_of_each_race(archive: Path) -> None:
    standings, uncounted = derive(archive, PASLON)
    got = {s.code: s for s in standings}
    assert set(got) == {"32.73", "35.78", "32"} and uncounted == []
    bandung = got["32.73"]
    assert bandung.votes == {"1": 400, "2": 700, "3": 1600, "4": 300} and bandung.path == "pkwkk/32/3273.json"
    assert bandung.tps == 3900 and bandung.progress == 97.5 and bandung.ts == "2024-11-28 08:45:00"
    assert bandung.leader == "3" and bandung.margin == 30.0  # (1600 - 700) / 3000
    surabaya = got["35.78"]
    assert surabaya.votes == {"1": 900, "empty_box": 100} and surabaya.tps == 990 and surabaya.margin == 80.0
    jabar = got["32"]
    assert jabar.leader == "4" and jabar.by_region["32.73"] == {"1": 1, "2": 1, "3": 5, "4": 3}
    assert "32.01" in jabar.by_region
    assert "32.01" in missing_races(standings, uncounted) and "32.73" not in missing_races(standings, uncounted)


def test_the_rendered_file_has_one_race_per_line_and_cites_the_commit(archive: Path) -> None:
    standings, uncounted = derive(archive, PASLON)
    text = render(standings, uncounted, date(2026, 12, 3))
    data = json.loads(text)
    assert data["version"] == "2026.12.03" and [r["code"] for r in data["regencies"]] == ["32.73", "35.78"]
    assert data["governors"][0]["regions"] == {
        "32.01": {"leader": "4", "margin": 66.67, "progress": 99.0},
        "32.73": {"leader": "3", "margin": 20.0, "progress": 98.5},
    }
    line = next(x for x in text.splitlines() if '"code": "32.73"' in x)
    assert json.loads(line.strip().rstrip(","))["leader"] == "3"
    by_code = {s.code: s for s in standings}
    first, second = by_code["35.78"].commit, by_code["32.73"].commit  # Bandung's best count is in the later commit
    assert first != second
    urls = {x["id"]: x["url"] for x in data["sources"]}
    assert urls == {
        f"sirekap-pkwkk-{first[:7]}": f"https://github.com/razanfawwaz/pilkada-scrap/tree/{first}/pkwkk",
        f"sirekap-pkwkk-{second[:7]}": f"https://github.com/razanfawwaz/pilkada-scrap/tree/{second}/pkwkk",
        # the unchanged governor file: the newest commit that holds it
        f"sirekap-pkwkp-{second[:7]}": f"https://github.com/razanfawwaz/pilkada-scrap/tree/{second}/pkwkp",
    }
    assert {r["code"]: r["source"] for r in data["regencies"]}["32.73"] == f"sirekap-pkwkk-{second[:7]}"
    assert all(s["date"] == "2024-11-28" and "bukan hasil rekapitulasi" in s["title"] for s in data["sources"])


def test_a_count_with_an_unknown_candidate_id_is_an_error(archive: Path, tmp_path: Path) -> None:
    repo = archive.parent
    _commit(repo, {"pkwkk/32/3273.json": _count({"1000606": 5, "9999999": 7}, 4000, 4000, "2024-11-28 11:00:00")}, "x")
    with pytest.raises(ValueError, match=r"counts candidate ids \['9999999'\]"):
        derive(archive, PASLON)
    out = tmp_path / "out.json"
    assert main([str(archive), "--paslon", str(PASLON), "--out", str(out)]) == 1 and not out.exists()


def test_a_race_without_any_vote_is_listed_as_not_counted(archive: Path) -> None:
    repo = archive.parent
    zero = {"1000821": 0, "1000822": 0, "1000823": 0}  # Kota Tangerang: stations reported, no votes in any version
    _commit(repo, {"pkwkk/36/3671.json": _count(zero, 12, 1000, "2024-11-28 11:00:00")}, "empty")
    standings, uncounted = derive(archive, PASLON)
    assert uncounted == ["36.71"] and "36.71" not in {s.code for s in standings}
    assert "36.71" not in missing_races(standings, uncounted)


@pytest.mark.skipif(not MIRROR.is_dir(), reason="no local mirror of razanfawwaz/pilkada-scrap (PANTAU_SIREKAP_MIRROR)")
def test_the_committed_file_equals_a_fresh_run_on_the_archive() -> None:
    standings, uncounted = derive(MIRROR, PASLON)
    committed = json.loads((DATA_DIR / "facts_sirekap.json").read_text(encoding="utf-8"))
    fresh = json.loads(render(standings, uncounted, date.fromisoformat(committed["updated"])))
    assert fresh == committed
