"""Bundled data files, found one way: through `importlib.resources`, so a wheel install reads the same files.

`pantau/data/` holds the rules, vocabularies, facts and defaults; the other bundled folders (index templates,
the outlet registry) are found by `bundled()`, which the packaging maps into the wheel.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(name: str) -> Path:
    """The path of `pantau/data/NAME` (installed as regular files, never zipped)."""
    return Path(str(resources.files("pantau").joinpath("data", name)))


def read_text(name: str) -> str:
    return resources.files("pantau").joinpath("data", name).read_text(encoding="utf-8")


def load_json(name: str) -> Any:
    """Parse `pantau/data/NAME` as JSON."""
    return json.loads(read_text(name))
