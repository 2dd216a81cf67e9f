"""The article body for any site: the densest paragraph container (lxml only), with trafilatura as the fallback
when that finds too little, and the test for listing pages."""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from pantau.extract import boilerplate as bp
from pantau.extract.metadata import Page

MIN_BODY_CHARS = 250  # below this the DOM body is compared with trafilatura's
COVERAGE_SLACK = 0.5  # running text outside the chosen container beyond this share of it: ask trafilatura too
FALLBACK_MARGIN = 1.25  # trafilatura's body replaces the container's when it is this much longer
MIN_ARTICLE_CHARS = 60  # below this there is no article body at all
LINK_LINE_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6")  # a short one of these that is all link is a headline
LINK_LINE_SHARE = 0.9
LINK_LINE_MAX_WORDS = 25


def _link_chars(el: HtmlElement) -> int:
    return sum(len(bp.text_of(a)) for a in el.iter("a"))


def paragraphs_of(container: HtmlElement, extra: tuple[Any, ...] | list[Any] = ()) -> list[str]:
    """Paragraph texts of a body container after dropping boilerplate nodes (the global rules plus `extra`
    selectors, e.g. a family's own), link-heavy blocks and short paragraphs that are only a link (a related
    headline set between the paragraphs)."""
    bp.drop_nodes(container, extra)
    for el in list(container.iter("ul", "ol", "table", "div", *LINK_LINE_TAGS)):
        if el is container:
            continue
        text = bp.text_of(el)
        if not text:
            continue
        share = _link_chars(el) / len(text)
        if el.tag in LINK_LINE_TAGS:
            doomed = share >= LINK_LINE_SHARE and text.count(" ") < LINK_LINE_MAX_WORDS
        else:
            doomed = share > 0.6
        if doomed:
            el.drop_tree()
    for a in [a for a in container.iter("a") if _alone_on_line(a)]:
        if bp.text_of(a).count(" ") < LINK_LINE_MAX_WORDS:
            a.drop_tree()
    return bp.block_texts(container)


def _line_edge(el: HtmlElement | None) -> bool:
    """Whether a sibling ends a line: none, a <br> or a block element."""
    return el is None or not isinstance(el.tag, str) or el.tag == "br" or el.tag in bp.BLOCK_TAGS


def _alone_on_line(a: HtmlElement) -> bool:
    """A link that makes a line of its own between line breaks or blocks (a related headline in a <br> list)."""
    parent = a.getparent()
    if parent is None or parent.tag not in bp.BLOCK_TAGS or (a.tail or "").strip():
        return False
    before = a.getprevious()
    if before is None:
        if (parent.text or "").strip():
            return False
    elif (before.tail or "").strip() or not _line_edge(before):
        return False
    after = a.getnext()
    if before is None and after is None:
        return False  # the whole block: the link-share rule above judges that
    return _line_edge(after)


def _score(el: HtmlElement) -> int:
    """Characters of running text in `el`'s <p> elements (short or link-heavy ones left out); for a container that
    holds its paragraphs as childless <div>s instead (no scoring <p> at all), the text of those."""
    total = _block_score(el, "p")
    return total or _block_score(el, "div")


def _block_score(el: HtmlElement, tag: str) -> int:
    total = 0
    for p in el.iter(tag):
        if tag == "div" and len(p):
            continue
        text = bp.text_of(p)
        if len(text) < 25:
            continue
        links = _link_chars(p)
        if links / max(len(text), 1) > 0.5:
            continue
        total += len(text)
    return total


def _is_listing_container(el: HtmlElement) -> bool:
    cls = (el.get("class") or "") + " " + (el.get("id") or "")
    return bool(
        re.search(r"\b(sidebar|footer|comment|related|nav|menu|widget|terkini|populer|popular)", cls, re.IGNORECASE)
    )


def find_body_container(doc: HtmlElement) -> HtmlElement | None:
    """The densest paragraph container: known content selectors compete with the best <p> parent."""
    candidates: list[HtmlElement] = []
    for css in bp.rules().content_selectors:
        candidates.extend(bp.select(doc, css)[:3])
    parents: dict[HtmlElement, int] = {}
    for p in doc.iter("p"):
        parent = p.getparent()
        if parent is None:
            continue
        text = bp.text_of(p)
        if len(text) >= 25:
            parents[parent] = parents.get(parent, 0) + len(text)
    candidates.extend(sorted(parents, key=lambda e: parents[e], reverse=True)[:3])
    scored = [(c, _score(c)) for c in dict.fromkeys(candidates) if not _is_listing_container(c)]
    scored = [(c, s) for c, s in scored if s > 0]
    if not scored:
        return None
    best = max(s for _, s in scored)
    good = [c for c, s in scored if s >= 0.85 * best]

    def depth(e: HtmlElement) -> int:
        return sum(1 for _ in e.iterancestors())

    return max(good, key=depth)


def _misses_text(page: Page, container: HtmlElement | None, chars: int) -> bool:
    """Whether the chosen container leaves much of the page's running text outside it (articles split over
    several blocks, or paragraphs that are not <p> elements): then trafilatura gets a say."""
    if container is None:
        return True
    outside = 0
    for block in page.doc.iter("p", "div"):
        if block.tag == "div" and (len(block) or not block.text):
            continue  # only leaf divs hold running text the way <p> does
        text = bp.text_of(block)
        if (
            len(text) >= 80
            and text.count(" ") >= 10
            and container not in block.iterancestors()
            and block is not container
        ):
            outside += len(text)
    return outside > COVERAGE_SLACK * max(chars, 1)


def trafilatura_paragraphs(html_text: str, url: str) -> list[str]:
    """Body paragraphs from trafilatura (the fallback)."""
    try:
        import trafilatura

        text = trafilatura.extract(
            html_text, url=url, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
        )
    except Exception:  # noqa: BLE001  # trafilatura raises assorted errors on odd markup; the fallback must not break extraction
        return []
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def looks_like_listing(page: Page, body_chars: int) -> bool:
    """A section/index/tag page rather than one article."""
    if page.ld_article is not None or page.meta.get("og:type", "").lower() == "article":
        return False
    path = urlsplit(page.url).path or "/"
    if path in {"", "/"} or any(p.search(path) for p in bp.rules().listing_url):
        return body_chars < 1500
    headline_links = sum(1 for a in page.doc.iter("a") if len(bp.text_of(a)) > 35)
    return headline_links >= 15 and body_chars < 600


def generic_body(page: Page, html_text: str, ld_body: str | None) -> tuple[list[str], str | None, str]:
    """(paragraphs, dateline, how) for any site."""
    bp.drop_page_embeds(page.doc)
    container = find_body_container(page.doc)
    paragraphs: list[str] = []
    dateline: str | None = None
    how = "dom"
    if container is not None:
        paragraphs, dateline = bp.clean_paragraphs(paragraphs_of(container))
    chars = sum(len(p) for p in paragraphs)
    if chars < MIN_BODY_CHARS or _misses_text(page, container, chars):
        fallback, fb_dateline = bp.clean_paragraphs(trafilatura_paragraphs(html_text, page.url))
        fb_chars = sum(len(p) for p in fallback)
        # The container is kept unless trafilatura finds clearly more article text (it favours precision).
        if fb_chars > (chars if chars < MIN_BODY_CHARS else FALLBACK_MARGIN * chars):
            paragraphs, dateline, how = fallback, fb_dateline, "trafilatura"
    if ld_body and len(ld_body) > 2 * sum(len(p) for p in paragraphs) + 200:
        lines = [ln for ln in re.split(r"\n+|(?<=[.!?\"”])\s{2,}", unescape(ld_body)) if ln.strip()]
        ld_pars, ld_dateline = bp.clean_paragraphs(lines)
        if ld_pars:
            paragraphs, dateline, how = ld_pars, ld_dateline, "json-ld"
    return paragraphs, dateline, how
