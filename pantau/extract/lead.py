"""The story's first lines once the body is built: a copy of the headline before the lead goes; a dateline lead
found a line or two down ("TEMPO.CO, Jakarta - ..." under a copied <h1>, a date line or a photo caption) is split off
and the short lines above it go (nothing before the dateline is story text); a lead naming only the site ("VIVA -",
which the bare "Place -" form reads as a place) is no dateline.
"""

from __future__ import annotations

from pantau.extract.site import SiteNames, squash
from pantau.text.dateline import find_dateline

MAX_LINES_ABOVE = 2  # lines a dateline lead may sit below the top of the body
MAX_ABOVE_CHARS = 200  # ... each of them short (a headline, a date line, a caption): else it is story text


def settle_lead(
    paragraphs: list[str], dateline: str | None, title: str | None, sites: SiteNames
) -> tuple[list[str], str | None]:
    """(paragraphs, dateline) with the headline copy dropped and the dateline found or cleared (see the module)."""
    out = list(paragraphs)
    if dateline is None and title and len(out) > 1 and squash(out[0]) == squash(title):
        out.pop(0)
    if dateline is None:
        for k, para in enumerate(out[: MAX_LINES_ABOVE + 1]):
            if any(len(p) > MAX_ABOVE_CHARS for p in out[:k]):
                break
            found = find_dateline(para)
            if found is None:
                continue
            rest = para[found.end :]
            dateline = found.place
            out = ([rest] if rest else []) + out[k + 1 :]
            break
    if dateline and sites.is_exactly_site(dateline):
        dateline = None
    return out, dateline
