"""The headline without the site's name: learned from the page itself, not from a list of outlets.

The page offers its headline several times: JSON-LD `headline`, og:title, twitter:title, <title> and the visible
heading. The site's name comes off each as a leading or trailing affix (`site.SiteNames`), and so does any affix the
<title> carries beyond og:title ("... | Tempo Gaya" when og:title is the bare headline). The visible heading (h1,
else h2/h3) that best matches those texts wins over a logo, hidden or channel-name h1 and keeps its own punctuation
("...: Apa Iya?" where og:title dropped ":" and "?"); without a matching heading the cleanest meta text is used.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape

from lxml.html import HtmlElement

from pantau.extract import boilerplate as bp
from pantau.extract.metadata import Page
from pantau.extract.site import SiteNames, byline_rules, squash

HEADING_TAGS = (("h1",), ("h2", "h3"))
MAX_HEADINGS = 80  # headings of one level looked at per page (bounded work on any page)
MATCH_OK = 0.8  # token Dice of a heading with the meta headline for the heading to count as the headline
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_HIDDEN_CLASS = re.compile(
    r"(?:^|[\s_-])(?:hidden|hide|sr-only|visually-hidden|screen-reader|seo)(?:$|[\s_-])", re.IGNORECASE
)
_TOKEN = re.compile(r"\w+")
_LAYOUT_CLASS = re.compile(r"overflow", re.IGNORECASE)  # "u-overflow-x-hidden" clips a box: it hides nothing


@cache
def _separator() -> re.Pattern[str]:
    seps = sorted(byline_rules()["title_separators"], key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(s) for s in seps) + r")\s+")


def _norm(text: str | None) -> str:
    return " ".join(unescape(text or "").split())


def strip_site(title: str, sites: SiteNames) -> str:
    """`title` without leading/trailing segments that name the site ("X - Kompas.com", "Okezone.com - X")."""
    parts = _separator().split(title)
    seps = _separator().findall(title)
    start, end = 0, len(parts)
    while end - start > 1 and sites.is_site(parts[end - 1], affix=True):
        end -= 1
    while end - start > 1 and sites.is_site(parts[start], affix=True):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    out = parts[start]
    for sep, part in zip(seps[start : end - 1], parts[start + 1 : end], strict=False):
        out += sep + part
    return out.strip()


def _common_affix(texts: list[str]) -> list[str]:
    """Each text without an affix it has beyond the shortest text (a headline of 3+ words) that it starts or ends
    with, joined by a title separator ("X - Berita Terkini" with og:title "X")."""
    base = min(texts, key=len)
    if len(_tokens(base)) < 3:
        return texts
    out = []
    for text in texts:
        leads = text.startswith(base) and _separator().match(text[len(base) :])
        ends = text.endswith(base) and re.search(_separator().pattern + "$", text[: -len(base)] + " ")
        out.append(base if text != base and (leads or ends) else text)
    return out


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def _dice(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = 0
    pool = list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    return 2 * common / (len(ta) + len(tb))


def _hidden(el: HtmlElement) -> bool:
    for node in (el, *el.iterancestors()):
        if node.get("hidden") is not None or _HIDDEN.search(node.get("style") or ""):
            return True
        if any(_HIDDEN_CLASS.search(c) and not _LAYOUT_CLASS.search(c) for c in (node.get("class") or "").split()):
            return True
    return False


def _headings(doc: HtmlElement, tags: tuple[str, ...]) -> list[str]:
    out = []
    for el in doc.iter(*tags):
        text = bp.text_of(el)
        if text and len(text) <= 300 and not _hidden(el):
            out.append(text)
            if len(out) >= MAX_HEADINGS:
                break
    return out


def best_title(page: Page, sites: SiteNames, extra: tuple[str | None, ...] = ()) -> str | None:
    """The headline of `page` (see the module docstring); `extra`: a family parser's own title text."""
    ld = page.ld_article or {}
    raw = [ld.get("headline"), *extra, page.meta.get("og:title"), page.meta.get("twitter:title"), ld.get("name")]
    title_el = page.doc.find(".//title")
    raw.append(bp.text_of(title_el) if title_el is not None else None)
    metas = [_norm(t) for t in raw if isinstance(t, str) and _norm(t)]
    metas = [strip_site(t, sites) for t in metas]
    metas = [t for t in metas if not sites.is_site(t)]
    if len(metas) > 1:
        metas = _common_affix(metas)
    for tags in HEADING_TAGS:
        headings = _headings(page.doc, tags)
        if not metas:
            if headings and tags == ("h1",):
                return strip_site(headings[0], sites)
            continue
        scored = [(max(_dice(h, m) for m in metas), -i, h) for i, h in enumerate(headings)]
        if scored:
            score, _, heading = max(scored)
            if score >= MATCH_OK:
                if any(squash(heading) == squash(m) for m in metas):
                    return heading  # the headline as the meta gives it: no segment of it is an affix
                return strip_site(heading, sites)
    return metas[0] if metas else None


def same_words(a: str, b: str) -> bool:
    """Whether two titles differ only in punctuation and case."""
    return squash(a) == squash(b)
