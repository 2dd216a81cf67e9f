"""`pantau crawl`: run the Scrapy spider in a subprocess and read back what it did.

Output folder: one `<outlet-slug>.jsonl` of raw articles per outlet and `stats.json` (pages fetched, articles,
skips with reasons, seen-state skips, per-outlet parser health and layout drift, what every site answered, and the
CPU time and peak memory of the crawl process). While it runs, the spider keeps `progress.json` up to date; an
`on_progress` callback sees it twice a second.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pantau.config import Settings, project_root
from pantau.crawl.plan import CrawlPlan
from pantau.crawl.progress import ProgressCallback
from pantau.crawl.registry import Outlet
from pantau.crawl.urlmap import UrlMap
from pantau.errors import PantauError
from pantau.jsonl import read_records
from pantau.records import RawArticle
from pantau.text.dates import WIB

log = logging.getLogger(__name__)


@dataclass
class CrawlResult:
    out_dir: Path
    stats: dict[str, Any]
    returncode: int
    log_file: Path

    @property
    def drifting(self) -> list[str]:
        return [name for name, o in self.stats.get("outlets", {}).items() if o.get("layout_drift")]

    def articles(self) -> list[RawArticle]:
        """The raw articles of every outlet; a line that is not one is logged and recorded in stats["bad_lines"]."""
        rows: list[RawArticle] = []
        for path in sorted(self.out_dir.glob("*.jsonl")):
            items, problems = read_records(path, RawArticle.from_any_stage)
            rows.extend(raw for _number, raw in items)
            for problem in problems:
                log.error("%s line %s: %s", path.name, problem["line"], problem["reason"])
                self.stats.setdefault("bad_lines", []).append({"file": path.name, **problem})
        return rows


def run_crawl(
    settings: Settings,
    outlets: list[Outlet],
    since: datetime,
    out_dir: Path,
    *,
    url_map: UrlMap | None = None,
    use_seen: bool = True,
    pilkada_only: bool | None = None,
    allow_private: bool = False,
    env: dict[str, str] | None = None,
    until: datetime | None = None,
    max_articles_per_outlet: int = 500,
    on_progress: ProgressCallback | None = None,
) -> CrawlResult:
    """Crawl the outlets in a fresh Scrapy process and return its stats; raises PantauError if it crashed."""
    if not outlets:
        raise PantauError("no outlets to crawl")
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in [*out_dir.glob("*.jsonl"), out_dir / "stats.json", out_dir / "progress.json"]:
        old.unlink(missing_ok=True)
    plan = CrawlPlan(
        outlets=[o.as_dict() for o in outlets],
        since=since.isoformat(),
        out_dir=str(out_dir.resolve()),
        url_map=(url_map or UrlMap()).as_dict(),
        use_seen=use_seen,
        pilkada_only=settings.crawl.pilkada_only if pilkada_only is None else pilkada_only,
        allow_private=allow_private,
        until=until.isoformat() if until else None,
        max_articles_per_outlet=max_articles_per_outlet,
    )
    plan_file = plan.write(out_dir / "plan.json")
    log_file = out_dir / "crawl.log"
    child_env = dict(os.environ if env is None else env)
    child_env.setdefault("PANTAU_HOME", str(project_root()))
    # The child imports `spiders` from where this process finds it (checkout or site-packages); Scrapy's settings
    # module is passed explicitly (spiders.run), so neither scrapy.cfg nor the checkout is needed.
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_import_root("spiders")), child_env.get("PYTHONPATH")]))
    with log_file.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "spiders.run", str(plan_file)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=child_env,
            cwd=project_root(),
        )
        returncode, usage = _wait(proc, settings.crawl.timeout, out_dir / "progress.json", on_progress, log_file)
    stats_file = out_dir / "stats.json"
    if returncode != 0 or not stats_file.is_file():
        tail = "\n".join(log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-20:])
        raise PantauError(f"the crawl process failed (exit {returncode}); see {log_file}:\n{tail}")
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    stats["process"] = usage
    if on_progress is not None:
        _report_progress(out_dir / "progress.json", on_progress)
    return CrawlResult(out_dir, stats, returncode, log_file)


def _wait(
    proc: subprocess.Popen[bytes],
    timeout: float,
    progress_file: Path,
    on_progress: ProgressCallback | None,
    log_file: Path,
) -> tuple[int, dict[str, float]]:
    """Wait for the crawl process (showing progress), then reap it with its own resource usage: CPU seconds and
    peak resident memory of that one process."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, {
                "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
                "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
                "pid": proc.pid,
            }
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            raise PantauError(f"the crawl did not finish within {timeout:.0f}s; see {log_file}")
        if on_progress is not None:
            _report_progress(progress_file, on_progress)
        time.sleep(0.2 if on_progress is None else 0.5)
    raise AssertionError("unreachable")  # pragma: no cover


def _report_progress(path: Path, on_progress: ProgressCallback) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    on_progress(data)


def _import_root(package: str) -> Path:
    """The sys.path entry `package` is imported from, found without importing it (Scrapy is slow to import)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        raise PantauError(f"cannot find the {package!r} package")
    return Path(spec.origin).resolve().parents[1]


def run_dir(settings: Settings, label: str) -> Path:
    stamp = datetime.now(WIB).strftime("%Y%m%dT%H%M%S%f")
    path = settings.paths.var_dir / "runs" / f"{stamp}-{label}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def crawl_outlet(
    settings: Settings, outlet: Outlet, since: datetime, out_dir: Path, site_base: str = "", **options: Any
) -> CrawlResult:
    """One outlet, one Scrapy subprocess; `site_base` serves it from a mapped address (the local sample site).
    Other keyword options (until, pilkada_only, max_articles_per_outlet, ...) go to `run_crawl`."""
    url_map = UrlMap.for_outlets(site_base, [outlet]) if site_base else None
    return run_crawl(settings, [outlet], since, out_dir, url_map=url_map, allow_private=bool(site_base), **options)
