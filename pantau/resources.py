"""Bundled files, found one way: through `importlib.resources`, so a checkout and a wheel install read the same files.

`pantau/data/` holds the rules, vocabularies, facts and defaults (`data_path`, `read_text`, `load_json`). The index
templates (`mappings/*.json`) and the outlet registry (`spiders/outlets.yaml`) stay in their top-level folders; both
folders are packages that the wheel ships with their files (pyproject `package-data`), and `bundled` finds them.
Dev material (the sample site, the labelled quality set, infra/) comes only with a checkout: `checkout_file`.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pantau.errors import ConfigError

# top-level packages of the project that carry data files, with what they carry
BUNDLED = {"mappings": "the index templates (*.json)", "spiders": "the outlet registry (outlets.yaml)"}


def data_path(name: str) -> Path:
    """The path of `pantau/data/NAME` (installed as regular files, never zipped)."""
    return Path(str(resources.files("pantau").joinpath("data", name)))


def read_text(name: str) -> str:
    return resources.files("pantau").joinpath("data", name).read_text(encoding="utf-8")


def load_json(name: str) -> Any:
    """Parse `pantau/data/NAME` as JSON."""
    return json.loads(read_text(name))


def bundled(kind: str) -> Path:
    """The folder of a bundled kind (`mappings` or `spiders`), wherever the package is imported from."""
    if kind not in BUNDLED:
        raise ValueError(f"unknown bundled kind {kind!r}; one of {', '.join(BUNDLED)}")
    return Path(str(resources.files(kind)))


def source_root() -> Path:
    """The folder above the `pantau` package: the checkout when running from one (site-packages for a wheel)."""
    return Path(str(resources.files("pantau"))).resolve().parent


def checkout_file(relative: str, needed_by: str) -> Path:
    """`relative` (dev material: tests/site, tests/quality, infra/) in the checkout; a clear error without one."""
    path = source_root() / relative
    if not path.exists():
        raise ConfigError(
            f"{needed_by} needs a source checkout: {relative} is not part of the installed package "
            f"(not found under {source_root()})"
        )
    return path
