"""Where the team's shared reference data lives (the seed article, the Kemendagri regions list, real pages).

It is not copied into this repository (see ../shared/data/README.md): tests read it from PANTAU_SHARED_DIR, else
the `shared` folder beside the checkout, else /work/shared.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _find() -> Path:
    candidates = [os.environ.get("PANTAU_SHARED_DIR", ""), str(ROOT.parent / "shared"), "/work/shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "seed").is_dir():
            return Path(candidate)
    raise FileNotFoundError(
        "the shared reference data (seed/, data/) was not found; set PANTAU_SHARED_DIR to its folder "
        f"(looked in: {', '.join(c for c in candidates if c)})"
    )


SHARED = _find()
SEED_FILE = SHARED / "seed" / "rapimnas-kpu-2024.txt"
REGIONS_CSV = SHARED / "data" / "regions" / "provinces_regencies_2025.csv"
PAGES = SHARED / "data" / "pages"
