"""The story's first lines once the body is built: a copy of the headline before the lead goes; a dateline lead
found a line or two down ("TEMPO.CO, Jakarta - ..." under a copied <h1>, a date line or a photo caption) is split off
and the short lines above it go (nothing before the dateline is story text); a lead naming only the site ("VIVA -",
which the bare "Place -" form reads as a place) is no dateline. A lead printed in bold without its dash
("<b>Liputan6.com, Jakarta</b> London ...") is found through the bold text (`lead_tags`).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from pantau.extract import boilerplate as bp
from pantau.extract.site import SiteNames, squash
from pantau.text.dateline import Dateline, find_dateline

MAX_LINES_ABOVE = 2  # lines a dateline lead may sit below the top of the body
MAX_ABOVE_CHARS = 200  # ... each of them short (a headline, a date line, a caption): else it is story text
MAX_TAG_CHARS = 50  # a bold lead tag is short
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "…")
MAX_BOLD = 300  # bold elements looked at per page (bounded work)


def _lead_like(found: Dateline, above: list[str]) -> bool:
    """Whether a dateline match is a lead and not a story sentence that happens to fit the form: below the first
    line (where the lines above it would go) a lead names an outlet or prints its place in capitals ("MEDAN -"),
    unless no line above it ends a sentence (a kicker, "Oleh Nama", a date line: nothing of the story yet)."""
    if not above or found.outlet or (found.place and found.place.isupper()):
        return True
    return not any(line.rstrip().endswith(_SENTENCE_ENDS) for line in above)


def _outlet_like(outlet: str | None, sites: SiteNames) -> bool:
    """An outlet as a lead names it: a host name ("Liputan6.com") or the page's site name ("KOMPAS")."""
    if not outlet:
        return False
    return "." in outlet or sites.is_site(outlet)


def lead_tags(doc: HtmlElement, sites: SiteNames) -> list[str]:
    """Bold texts that are a whole dateline lead without its dash ("Liputan6.com, Jakarta"), read before the body
    is cut out of the tree; the outlet must read as one (a host name or the site's name), so that "Jakarta,
    Senin" in bold is no lead."""
    out: list[str] = []
    for i, el in enumerate(doc.iter("b", "strong")):
        if i >= MAX_BOLD:
            break
        text = bp.text_of(el).strip(" ,")
        if 3 <= len(text) <= MAX_TAG_CHARS and "," in text:
            found = find_dateline(text + " - ")
            if found is not None and found.place and found.end >= len(text) and _outlet_like(found.outlet, sites):
                out.append(text)
    return out


def settle_lead(
    paragraphs: list[str], dateline: str | None, title: str | None, sites: SiteNames, tags: list[str] | None = None
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
            if found is None or not _lead_like(found, out[:k]):
                continue
            rest = para[found.end :]
            dateline = found.place
            out = ([rest] if rest else []) + out[k + 1 :]
            break
    if dateline is None and out:
        for tag in tags or ():
            if out[0].startswith(tag + " ") and len(out[0]) > len(tag) + 1:
                found = find_dateline(tag + " - ")
                dateline = found.place if found else None
                out[0] = out[0][len(tag) :].lstrip()
                break
    if dateline and sites.is_exactly_site(dateline):
        dateline = None
    return out, dateline
