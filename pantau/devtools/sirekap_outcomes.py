"""Derive KPU's Sirekap standing of every Pilkada 2024 race from a local git mirror of the public archive
razanfawwaz/pilkada-scrap (KPU Sirekap count files copied on 28 November 2024) and write `facts_sirekap.json`.

    python -m pantau.devtools.sirekap_outcomes MIRROR.git [--paslon DIR] [--out FILE] [--report]

MIRROR.git is the mirror's git directory (the `fetch` tool's `/work/.mirror/razanfawwaz+pilkada-scrap/repo`). The
archive holds the Sirekap object store's files `pkwkk/<prov>/<regency4>.json` (a regency or city race: `tungsura.chart`
maps Sirekap candidate ids to votes, `progres` the polling stations counted, `ts` KPU's timestamp) and
`pkwkp/<prov>/<prov>.json` (a governor's race, with one row per regency or city in `tungsura.table`); some commits keep
the regency files under `script/pkwkk/`. Every version of each file in every commit is read and the most advanced one
is kept: most polling stations counted, then the latest `ts`. Candidate ids map to ballot numbers through KPU's
candidate master data (`paslon_bupati_walikota.json`, `paslon_gubernur.json`, default /work/shared/data/pilkada2024);
the "KOLOM KOSONG" id is the empty box. Each ballot number is checked against the race in facts_races.json.

The result is provisional counting data, not a recapitulation: facts_sirekap.json keeps it apart from the official
outcomes (facts_outcomes.json). `--report` prints the comparison of the Sirekap leader with every official winner the
fact base records and the count of regency/city races at high progress with a decisive margin.
Nothing of the archive is copied into the project except these per-race figures, each citing the archive's commit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pantau.process.claims.facts import DATA_DIR, load_facts
from pantau.process.claims.outcome_claims import winner_column

REPO_URL = "https://github.com/razanfawwaz/pilkada-scrap"
OBJECT_STORE = "https://sirekappilkada-obj-data.kpu.go.id/pilkada/hhcw"
PAGE = "https://pilkada2024.kpu.go.id/"
DEFAULT_PASLON = Path("/work/shared/data/pilkada2024")
EMPTY_BOX_NAME = "KOLOM KOSONG"
REPORT_PROGRESS = 95.0  # item 2 of issue #9: how many races are this far counted ...
REPORT_MARGIN = 5.0  # ... with a lead of at least this many points


@dataclass(frozen=True)
class Standing:
    """One race's most advanced Sirekap count in the archive."""

    code: str  # "11.01" or "11"
    votes: dict[str, int]  # ballot number (or "empty_box") -> votes
    tps: int
    tps_total: int
    progress: float  # percent of polling stations counted, as Sirekap gives it
    ts: str  # KPU's timestamp, "2024-11-28 10:00:05" (WIB)
    commit: str
    path: str
    by_region: dict[str, dict[str, int]]  # a governor's race: regency/city code -> votes per ballot number
    region_progress: dict[str, float]  # ... and Sirekap's progress percent there

    @property
    def leader(self) -> str:
        return max(self.votes, key=lambda k: self.votes[k])

    @property
    def margin(self) -> float:
        """Points between the leader and the runner-up, of all votes counted."""
        total = sum(self.votes.values())
        ranked = [*sorted(self.votes.values(), reverse=True), 0]
        return round(100 * (ranked[0] - ranked[1]) / total, 2) if total else 0.0


def _git_exe() -> str:
    found = shutil.which("git")
    if found is None:
        raise ValueError("sirekap: git is not on PATH")
    return found


def _git(git_dir: Path, *args: str) -> str:
    return subprocess.run(
        [_git_exe(), f"--git-dir={git_dir}", *args], check=True, capture_output=True, text=True
    ).stdout


def _blobs(git_dir: Path, shas: list[str]) -> dict[str, bytes]:
    """The content of each blob, read in one `git cat-file --batch`."""
    proc = subprocess.run(
        [_git_exe(), f"--git-dir={git_dir}", "cat-file", "--batch"],
        input="".join(f"{s}\n" for s in shas).encode(),
        check=True,
        capture_output=True,
    )
    out, data, pos = {}, proc.stdout, 0
    for sha in shas:
        header_end = data.index(b"\n", pos)
        size = int(data[pos:header_end].split()[2])
        out[sha] = data[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return out


def _versions(git_dir: Path) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(kind, key) -> [(commit, path, blob)] for every commit: kind "pkwkk" with key the 4-digit regency code, or
    "pkwkp" with the 2-digit province code."""
    found: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for commit in _git(git_dir, "log", "--format=%H").split():
        for line in _git(git_dir, "ls-tree", "-r", commit).splitlines():
            meta, path = line.split("\t", 1)
            parts = path.removeprefix("script/").removesuffix(".json").split("/")
            if len(parts) != 3 or not path.endswith(".json"):
                continue
            kind, prov, key = parts
            if (kind == "pkwkk" and len(key) == 4 and key[:2] == prov) or (kind == "pkwkp" and key == prov):
                found.setdefault((kind, key), []).append((commit, path, meta.split()[2]))
    return found


def _number_of(paslon: dict[str, Any], where: str) -> dict[str, str]:
    """Sirekap candidate id -> ballot number ("empty_box" for the KOLOM KOSONG row)."""
    out = {}
    for cid, row in paslon.items():
        empty = str(row.get("nama", "")).upper().startswith(EMPTY_BOX_NAME)
        out[str(cid)] = "empty_box" if empty else str(int(row["nomor_urut"]))
    if not out:
        raise ValueError(f"sirekap: no candidates for {where} in the master data")
    return out


def _votes(row: dict[str, Any], numbers: dict[str, str], where: str) -> dict[str, int]:
    counted = {k: v for k, v in row.items() if k.isdigit()}
    unknown = sorted(set(counted) - set(numbers))
    if unknown:
        raise ValueError(f"sirekap: {where} counts candidate ids {unknown} that the master data does not list")
    return {numbers[k]: int(v) for k, v in sorted(counted.items(), key=lambda kv: numbers[kv[0]])}


def _usable(data: Any) -> bool:
    """A counted version: some polling stations in and votes with them (the archive's later copies under script/
    carry the progress but zero votes for every candidate, a broken scrape the archive itself rolled back)."""
    chart = data["tungsura"]["chart"]
    return sum(int(v) for k, v in chart.items() if k.isdigit()) > 0


def _best(versions: list[tuple[str, str, str]], blobs: dict[str, bytes]) -> tuple[str, str, Any] | None:
    """The usable version with the most polling stations counted, then the latest timestamp."""
    parsed = [(c, p, json.loads(blobs[sha])) for c, p, sha in versions]
    usable = [v for v in parsed if _usable(v[2])]
    if not usable:
        return None
    return max(usable, key=lambda v: (int(v[2]["tungsura"]["chart"]["progres"]["progres"]), str(v[2].get("ts", ""))))


def _code(digits: str) -> str:
    return digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"


def derive(git_dir: Path, paslon_dir: Path = DEFAULT_PASLON) -> tuple[list[Standing], list[str]]:
    """Every race's standing, checked against the races of the fact base (a mismatch raises ValueError), and the
    codes of races that no version of the archive gives votes for."""
    facts = load_facts()
    master = {
        "pkwkk": json.loads((paslon_dir / "paslon_bupati_walikota.json").read_text(encoding="utf-8")),
        "pkwkp": json.loads((paslon_dir / "paslon_gubernur.json").read_text(encoding="utf-8")),
    }
    versions = _versions(git_dir)
    blobs = _blobs(git_dir, sorted({v[2] for vs in versions.values() for v in vs}))
    out: list[Standing] = []
    uncounted: list[str] = []
    for (kind, key), found in sorted(versions.items()):
        code = _code(key)
        race = facts.race(code)
        if race is None or (race.level == "gubernur") != (kind == "pkwkp"):
            raise ValueError(f"sirekap: {kind}/{key} has no race {code} of that level in facts_races.json")
        best = _best(found, blobs)
        if best is None:
            uncounted.append(code)
            continue
        commit, path, data = best
        numbers = _number_of(master[kind].get(key, {}), code)
        chart = data["tungsura"]["chart"]
        votes = _votes(chart, numbers, f"{path}@{commit[:7]}")
        for n in votes:
            if (n == "empty_box" and race.empty_box_column is None) or (n != "empty_box" and race.pair(int(n)) is None):
                raise ValueError(f"sirekap: {path} ballot number {n} is not in race {code}")
        by_region: dict[str, dict[str, int]] = {}
        region_progress: dict[str, float] = {}
        if kind == "pkwkp":
            for k, row in sorted(data["tungsura"]["table"].items()):
                by_region[_code(k)] = _votes(row, numbers, f"{path} row {k}")
                region_progress[_code(k)] = float((row.get("progres") or {}).get("persen", 0.0))
        prog = chart["progres"]
        out.append(
            Standing(
                code,
                votes,
                int(prog["progres"]),
                int(prog["total"]),
                float(prog["persen"]),
                str(data["ts"]),
                commit,
                path,
                by_region,
                region_progress,
            )
        )
    return out, uncounted


def missing_races(standings: list[Standing], uncounted: list[str]) -> list[str]:
    """Races of the fact base the archive has no count file for."""
    have = {s.code for s in standings} | set(uncounted)
    return sorted(c for c in load_facts().races if c not in have)


def _folder(s: Standing) -> str:
    """The archive folder a standing was read from: "pkwkk", "script/pkwkk" or "pkwkp"."""
    return s.path.rsplit("/", 2)[0]


def _source_id(commit: str, folder: str) -> str:
    return f"sirekap-{folder.replace('/', '-')}-{commit[:7]}"


def _source(commit: str, folder: str) -> dict[str, str]:
    kind = folder.rsplit("/", 1)[-1]
    what = "bupati/wali kota (pkwkk)" if kind == "pkwkk" else "gubernur (pkwkp)"
    return {
        "id": _source_id(commit, folder),
        "title": (
            f"KPU Sirekap, hitung suara Pilkada 2024 {what}: file {OBJECT_STORE}/{kind}/... (data halaman {PAGE}) "
            f"seperti diarsipkan 28 November 2024 di razanfawwaz/pilkada-scrap, commit {commit[:7]}; sementara, "
            "bukan hasil rekapitulasi"
        ),
        "url": f"{REPO_URL}/tree/{commit}/{folder}",
        "date": "2024-11-28",
    }


def _lead(votes: dict[str, int]) -> tuple[str, float]:
    """The column ahead and its margin in points of all votes."""
    total = sum(votes.values())
    ranked = [*sorted(votes.values(), reverse=True), 0]
    return max(votes, key=lambda k: votes[k]), round(100 * (ranked[0] - ranked[1]) / total, 2)


def _regions(s: Standing) -> dict[str, dict[str, Any]]:
    """A governor's race: per regency/city with votes, the column ahead, its margin and the progress there."""
    out = {}
    for code, votes in s.by_region.items():
        if sum(votes.values()):
            leader, margin = _lead(votes)
            out[code] = {"leader": leader, "margin": margin, "progress": s.region_progress.get(code, 0.0)}
    return out


def _entry(s: Standing) -> dict[str, Any]:
    item: dict[str, Any] = {
        "code": s.code,
        "votes": s.votes,
        "leader": s.leader,
        "margin": s.margin,
        "tps": s.tps,
        "tps_total": s.tps_total,
        "progress": s.progress,
        "ts": s.ts,
        "source": _source_id(s.commit, _folder(s)),
    }
    if s.by_region:
        item["regions"] = _regions(s)
    return item


def render(standings: list[Standing], uncounted: list[str], today: date) -> str:
    """facts_sirekap.json, hand-formatted: one source and one race per line."""
    regional = [s for s in standings if "." in s.code]
    provincial = [s for s in standings if "." not in s.code]
    sources = sorted({(s.commit, _folder(s)) for s in standings}, key=lambda x: (x[1], x[0]))
    head = {
        "version": f"{today:%Y.%m.%d}",
        "updated": f"{today:%Y-%m-%d}",
        "note": (
            "KPU's Sirekap count (hitung suara), provisional: the most advanced count of each race archived on "
            "28 November 2024 (day 2 after the vote), not the recapitulation (rapat pleno) that decides the result. "
            "Generated by `python -m pantau.devtools.sirekap_outcomes MIRROR.git`; do not edit by hand. 'votes' per "
            "ballot number ('empty_box' for the empty box), 'leader' the column ahead, 'margin' its lead over the "
            "runner-up in points of all votes counted, 'tps'/'tps_total' the polling stations counted, 'progress' "
            "Sirekap's percent of them, 'ts' KPU's timestamp (WIB). 'governors': the same for each governor's race, "
            "with 'regions': per regency/city the column ahead ('leader'), its 'margin' and the 'progress' there. "
            "Official outcomes, court rulings and re-votes are in facts_outcomes.json and prevail. 'not_counted': "
            "races no archived version gives votes for."
        ),
    }
    lines = ["{"]
    lines += [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    lines.append('  "sources": [')
    src = [json.dumps(_source(c, k), ensure_ascii=False) for c, k in sources]
    lines += [f"    {x}," for x in src[:-1]] + [f"    {src[-1]}", "  ],"]
    for name, group in (("regencies", regional), ("governors", provincial)):
        lines.append(f'  "{name}": [')
        rows = [json.dumps(_entry(s), ensure_ascii=False) for s in group]
        lines += [f"    {x}," for x in rows[:-1]] + [f"    {rows[-1]}", "  ],"]
    lines.append(f'  "not_counted": {json.dumps(uncounted)}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _margin_of(votes: dict[str, int], column: str) -> float:
    """Points by which `column` leads the strongest other column (negative when behind), of all votes."""
    total = sum(votes.values())
    others = max([v for k, v in votes.items() if k != column] or [0])
    return 100 * (votes.get(column, 0) - others) / total if total else 0.0


def report(standings: list[Standing], uncounted: list[str]) -> str:
    """The Sirekap leader against every official winner in the fact base (issue #9 item 2)."""
    facts = load_facts()
    agree: list[str] = []
    disagree: list[str] = []
    skipped: list[str] = []
    shifts: list[tuple[float, str, float]] = []  # (shift of the winner's margin, code, progress)
    for s in standings:
        o = facts.outcome(s.code)
        if o is None or o.quality != "official":
            continue
        official = winner_column(o)
        if official is None:
            skipped.append(f"{s.code} ({o.status})")
            continue
        label = f"{s.code} {facts.races[s.code].region}: Sirekap {s.leader} (+{s.margin}, {s.progress}%)"
        (agree if official == s.leader else disagree).append(f"{label}, official {official} [{o.status}]")
        if o.status != "winner_after_psu" and set(o.votes) == set(s.votes):
            shifts.append((_margin_of(s.votes, official) - _margin_of(o.votes, official), s.code, s.progress))
    regional = [s for s in standings if "." in s.code]
    decisive = [s for s in regional if s.progress >= REPORT_PROGRESS and s.margin >= REPORT_MARGIN]
    free = [s for s in decisive if not facts.decided_elsewhere(s.code)]
    high = [x for x in shifts if x[2] >= REPORT_PROGRESS]
    lines = [
        f"races with a Sirekap count: {len(regional)} regency/city, {len(standings) - len(regional)} governor; "
        f"no votes archived for {len(uncounted)}: {', '.join(uncounted)}",
        f"official winners compared: {len(agree) + len(disagree)}; agree {len(agree)}; disagree {len(disagree)}",
        *[f"  agree (regency/city): {x}" for x in agree if "." in x.split()[0]],
        *[f"  disagree: {x}" for x in disagree],
        f"  not compared (no winner recorded): {', '.join(skipped)}",
        f"official results (no re-vote) with every column in both and Sirekap progress >= {REPORT_PROGRESS}%: "
        f"{len(high)}; largest change of the winner's margin from Sirekap to the recapitulation "
        f"{max((abs(x[0]) for x in high), default=0):.2f} points; over all {len(shifts)}: "
        + ", ".join(f"{c} {d:+.2f} at {p}%" for d, c, p in sorted(shifts, key=lambda x: -abs(x[0]))[:5]),
        f"regency/city races with progress >= {REPORT_PROGRESS}% and margin >= {REPORT_MARGIN} points: "
        f"{len(decisive)} of {len(regional)}; of them with no outcome, MK order, PSU or re-election recorded "
        f"(what winner_claim may judge on Sirekap): {len(free)}",
    ]
    gov = {s.code: s for s in standings if "." not in s.code}
    for code, s in sorted(gov.items()):
        o = facts.outcome(code)
        if o is not None and o.leaders:
            lead = _regions(s)
            diff = sorted(c for c, n in o.leaders.items() if lead.get(c, {}).get("leader") != str(n))
            lines.append(f"governor {code}: {len(o.leaders)} recorded region leaders; Sirekap differs in {diff}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mirror", type=Path, help="git directory of a razanfawwaz/pilkada-scrap mirror")
    ap.add_argument("--paslon", type=Path, default=DEFAULT_PASLON, help="folder of KPU's candidate master data")
    ap.add_argument("--out", type=Path, default=DATA_DIR / "facts_sirekap.json")
    ap.add_argument("--report", action="store_true", help="print the comparison with the official outcomes")
    args = ap.parse_args(argv)
    try:
        standings, uncounted = derive(args.mirror, args.paslon)
        missing = missing_races(standings, uncounted)
        if missing:
            raise ValueError(f"sirekap: the archive has no count file for races {missing}")
    except (ValueError, KeyError, OSError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.out.write_text(render(standings, uncounted, datetime.now(UTC).date()), encoding="utf-8")
    print(f"wrote {args.out}: {len(standings)} races")
    if args.report:
        print(report(standings, uncounted))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
