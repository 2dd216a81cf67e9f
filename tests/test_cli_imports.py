"""The `pantau` command stays instant: building its parser (what `--help` does) and extracting one article page
import no heavy dependency. Each check runs in a fresh interpreter so earlier imports in the test process do not
hide a regression. Not timed: benchmarks/bench_cli.py measures the seconds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Loaded only by the command that needs them (crawl, process, flows, alerts, the store, the trafilatura fallback).
HEAVY = (
    "apprise",
    "datasketch",
    "elasticsearch",
    "htmldate",
    "langdetect",
    "lingua",
    "numpy",
    "opensearchpy",
    "prefect",
    "scipy",
    "scrapy",
    "trafilatura",
    "twisted",
    "urllib3",
    "yaml",
)
# What building the parser must not need either: parsing HTML and the store/crawl/process/alerts code.
PARSER_ONLY = (
    "lxml",
    "pantau.alerts",
    "pantau.crawl",
    "pantau.extract",
    "pantau.process",
    "pantau.records",
    "pantau.store",
)
ARTICLE = "2024/11/16/debat-ketiga-pilgub-sumsel-paslon-adu-gagasan-soal-banjir-dan-infrastruktur"
PAGE = f"tests/site/hosts/palembang.tribunnews.com/{ARTICLE}.html"
PAGE_URL = f"https://palembang.tribunnews.com/{ARTICLE}"

REPORT = """
import contextlib, io, json, sys
from pantau.cli.main import {name}
out = io.StringIO()
with contextlib.redirect_stdout(out):
    {call}
names = {names!r}
loaded = sorted({{n for m in sys.modules for n in names if m == n or m.startswith(n + ".")}})
print(json.dumps({{"loaded": loaded, "output": out.getvalue()}}))
"""


def _loaded_by(name: str, call: str, names: tuple[str, ...]) -> tuple[list[str], str]:
    code = REPORT.format(name=name, call=call, names=names)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    report = json.loads(proc.stdout.splitlines()[-1])
    return report["loaded"], report["output"]


def test_building_the_parser_imports_nothing_heavy() -> None:
    loaded, output = _loaded_by("build_parser", "print(build_parser().format_help())", HEAVY + PARSER_ONLY)
    assert "extract" in output and "outlets" in output  # every command module registered
    assert loaded == []


@pytest.mark.parametrize("command", ["extract", "outlets", "crawl", "process", "kibana", "watch", "review", "engine"])
def test_help_imports_nothing_heavy(command: str) -> None:
    call = f"try:\n        main([{command!r}, '--help'])\n    except SystemExit:\n        pass"
    loaded, output = _loaded_by("main", call, HEAVY + PARSER_ONLY)
    assert f"usage: pantau {command}" in output
    assert loaded == []


def test_extracting_one_article_page_imports_only_extraction() -> None:
    names = (*HEAVY, "pantau.alerts", "pantau.crawl", "pantau.process", "pantau.store")
    loaded, output = _loaded_by("main", f"main(['extract', {PAGE!r}, '--url', {PAGE_URL!r}])", names)
    result = json.loads(output)
    assert result["parser"].startswith("tribun") and result["body"]  # the family path, no trafilatura fallback
    assert loaded == []
