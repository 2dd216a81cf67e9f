"""Where the team's shared reference data lives (the seed article, the Kemendagri regions list, real pages).

It is not copied into this repository (see ../shared/data/README.md): tests read it from PANTAU_SHARED_DIR when that
is set (and only from there), else the `shared` folder beside the checkout, else /work/shared. Nothing here reads
the data: the paths below are only paths, and tests/conftest.py stops the session with one message (`missing()`)
before any test module is imported when the folder is not there.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = "PANTAU_SHARED_DIR"


def _candidates() -> list[Path]:
    if os.environ.get(ENV):
        return [Path(os.environ[ENV])]
    return [ROOT.parent / "shared", Path("/work/shared")]


def _find() -> Path | None:
    return next((c for c in _candidates() if (c / "seed").is_dir()), None)


def missing() -> str | None:
    """None when the shared data is there; else the one message that explains where it was looked for."""
    if _find() is not None:
        return None
    looked = ", ".join(str(c) for c in _candidates())
    return (
        f"the shared reference data (a folder with seed/ and data/) was not found; looked in: {looked}. "
        f"Put the team's shared/ folder beside the checkout or set {ENV} to its path."
    )


SHARED = _find() or _candidates()[0]
SEED_FILE = SHARED / "seed" / "rapimnas-kpu-2024.txt"
REGIONS_CSV = SHARED / "data" / "regions" / "provinces_regencies_2025.csv"
PAGES = SHARED / "data" / "pages"
PAGES_REAL = SHARED / "data" / "pages_real"
