"""The wheel carries what it needs: installed into a fresh venv, run outside the checkout, the commands still work.

The wheel is built from this checkout, installed without dependencies into a new venv whose only view of the
dependencies (Scrapy, Prefect, ...) is a path entry to this interpreter's site-packages, and then run from an empty
folder with no PYTHONPATH or PANTAU_HOME, so nothing can come from the checkout.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "tests" / "site"
BUILD_TIMEOUT = 300
RUN_TIMEOUT = 120


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = RUN_TIMEOUT):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def _source_copy(dest: Path) -> Path:
    """What a build reads, copied, so the build leaves nothing in the checkout and cannot reuse a stale build/."""
    for name in ("pyproject.toml", "README.md"):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    for package in ("pantau", "flows", "spiders", "mappings"):
        shutil.copytree(ROOT / package, dest / package, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _build_wheel(dist: Path) -> Path:
    # Without build isolation when this interpreter can build wheels itself (offline); else pip fetches the
    # build requirements of pyproject.toml into an isolated environment, as `pip install .` does.
    can_build = importlib.util.find_spec("wheel") is not None or importlib.util.find_spec(
        "setuptools.command.bdist_wheel"
    )
    isolation = ["--no-build-isolation"] if can_build else []
    source = _source_copy(dist.parent / "source")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-q", "-w", str(dist), str(source)]
    proc = _run(cmd, cwd=source, timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = dist.glob("pantau-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(base / "dist")
    venv = base / "venv"
    proc = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=base)
    assert proc.returncode == 0, proc.stderr
    python = venv / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base)
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q"]
    proc = _run([*pip, "--ignore-installed", str(wheel)], cwd=base, timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # The dependencies come from this interpreter's site-packages, listed after the venv's own (a plain path
    # entry: the .pth files there, such as an editable install of the checkout, are not run).
    (Path(purelib.stdout.strip()) / "pantau-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    outside = base / "elsewhere"
    outside.mkdir()
    return {"venv": venv, "python": python, "pantau": venv / "bin" / "pantau", "cwd": outside}


def _env(home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") and k not in {"PYTHONPATH", "VIRTUAL_ENV"}
    }
    env["HOME"] = str(home)
    return env


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: dict[str, Path]) -> None:
    code = (
        "import json, pantau, spiders, mappings, flows; from pantau.crawl.runner import _import_root; "
        "print(json.dumps([m.__file__ for m in (pantau, spiders, mappings, flows)] + [str(_import_root('spiders'))]))"
    )
    proc = _run([str(installed["python"]), "-c", code], cwd=installed["cwd"], env=_env(installed["cwd"]))
    assert proc.returncode == 0, proc.stderr
    files = [Path(f).resolve() for f in json.loads(proc.stdout)]
    venv = installed["venv"].resolve()
    assert all(f.is_relative_to(venv) for f in files), files
    assert not any(f.is_relative_to(ROOT) for f in files), files


def test_outlets_from_the_wheel(installed: dict[str, Path]) -> None:
    proc = _run([str(installed["pantau"]), "outlets", "--json"], cwd=installed["cwd"], env=_env(installed["cwd"]))
    assert proc.returncode == 0, proc.stderr
    outlets = json.loads(proc.stdout)
    assert len(outlets) >= 10
    assert {"name", "domain", "province"} <= set(outlets[0])
    assert "palembang.tribunnews.com" in {o["domain"] for o in outlets}


def test_extract_from_the_wheel(installed: dict[str, Path]) -> None:
    manifest = json.loads((SITE / "manifest.json").read_text(encoding="utf-8"))
    page = next(p for p in manifest["pages"] if p["kind"] == "article" and p["family"] != "generic")
    expected = json.loads((SITE / page["expected"]).read_text(encoding="utf-8"))
    url = f"https://{page['domain']}{page['path']}"
    cmd = [str(installed["pantau"]), "extract", str(SITE / page["file"]), "--url", url]
    proc = _run(cmd, cwd=installed["cwd"], env=_env(installed["cwd"]))
    assert proc.returncode == 0, proc.stderr
    article = json.loads(proc.stdout)
    assert article["title"] == expected["title"]
    assert len(article["body"]) > 200


def test_index_templates_and_settings_from_the_wheel(installed: dict[str, Path]) -> None:
    code = (
        "import json; from pantau.store.templates import load_specs; from spiders.run import scrapy_settings; "
        "from pantau.crawl.plan import CrawlPlan; "
        "plan = CrawlPlan(outlets=[], since='2024-01-01T00:00:00+07:00', out_dir='.'); "
        "from pantau.store.lifecycle import load_lifecycle; "
        "rolling = [k for k, s in load_specs().items() if s.rolling]; "
        "print(json.dumps([sorted(load_specs()), scrapy_settings(plan).get('SPIDER_MODULES'), rolling, "
        "load_lifecycle('audit').delete_after_days]))"
    )
    proc = _run([str(installed["python"]), "-c", code], cwd=installed["cwd"], env=_env(installed["cwd"]))
    assert proc.returncode == 0, proc.stderr
    kinds, spider_modules, rolling, audit_days = json.loads(proc.stdout)
    # mappings/lifecycle/ and retention/ are in the wheel
    assert rolling == ["alerts", "audit", "deadletter"] and audit_days == 365
    assert kinds == [
        "alerts",
        "articles",
        "audit",
        "claims",
        "deadletter",
        "endpoints",
        "sites",
        "stories",
        "watchlists",
    ]
    assert spider_modules == ["spiders"]


def test_dev_commands_say_they_need_a_checkout(installed: dict[str, Path]) -> None:
    env = {**_env(installed["cwd"]), "PANTAU_SEARCH_URL": "http://127.0.0.1:9"}
    proc = _run([str(installed["pantau"]), "demo"], cwd=installed["cwd"], env=env)
    assert proc.returncode != 0
    assert "pantau demo needs a source checkout" in proc.stderr
