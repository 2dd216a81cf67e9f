"""The article body for any site: the densest paragraph container (lxml only), with trafilatura as the fallback
when that finds too little, and the test for listing pages."""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from pantau.extract import boilerplate as bp
from pantau.extract.decode import cut_from
from pantau.extract.metadata import Page

MIN_BODY_CHARS = 250  # below this the DOM body is compared with trafilatura's
COVERAGE_SLACK = 0.5  # running text outside the chosen container beyond this share of it: ask trafilatura too
FALLBACK_MARGIN = 1.25  # trafilatura's body replaces the container's when it is this much longer
MIN_ARTICLE_CHARS = 60  # below this there is no article body at all
LINK_LINE_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6")  # a short one of these that is all link is a headline
LINK_LINE_SHARE = 0.9
LINK_LINE_MAX_WORDS = 25
# trafilatura's work grows with the elements it reads times their depth (it measures every block's links): a page
# over either budget is cut to the elements before the one that exceeds it (real pages: ~800-2,000 elements, ~10 deep)
FALLBACK_MAX_ELEMENTS = 4000
FALLBACK_MAX_DEPTH_SUM = 60_000
FALLBACK_MAX_CHARS = 150_000  # ... and the text it holds (a real page holds 5-50k chars of text)
FALLBACK_FULL_ELEMENTS = 1500  # above this trafilatura runs without its justext/readability comparison (quadratic)
# A page of over DUMP_ELEMENTS elements (real article pages hold 800-2,200) is a dump: trafilatura reads at most
# FALLBACK_DUMP_ELEMENTS of it, which already hold more text than most stories (its cost grows with the elements)
DUMP_ELEMENTS = 10_000
FALLBACK_DUMP_ELEMENTS = 2000
HINT_ATTR_CHARS = 300  # a class/id value is cut to this for trafilatura: its readability pass runs regexes over them
_UNREAD = frozenset({"script", "style", "noscript", "template"})  # elements trafilatura drops unread (not counted)
_LONG_HINTS = etree.XPath(f"//*[string-length(@class) > {HINT_ATTR_CHARS} or string-length(@id) > {HINT_ATTR_CHARS}]")
_COUNTED = etree.XPath("count(//*) - count(//script | //style | //noscript | //template)")


def _link_chars(el: HtmlElement) -> int:
    return sum(len(bp.text_of(a)) for a in el.iter("a"))


_LINK_BLOCKS = frozenset({"ul", "ol", "table", "div"})
# A text's shape for measuring `text_of` lengths bottom-up: (non-space chars, words, starts with a word character,
# ends with one); None for "". Shapes join like the texts do, so every block is measured in one pass over the tree.
_Shape = tuple[int, int, bool, bool] | None


def _shape(text: str | None) -> _Shape:
    if not text:
        return None
    words = text.split()
    return (
        sum(map(len, words)),
        len(words),
        bool(words) and not text[0].isspace(),
        bool(words) and not text[-1].isspace(),
    )


def _join(a: _Shape, b: _Shape) -> _Shape:
    if a is None or b is None:
        return a if b is None else b
    if not b[1]:
        return (a[0], a[1], a[2], False)
    if not a[1]:
        return (b[0], b[1], False, b[3])
    return (a[0] + b[0], a[1] + b[1] - (a[3] and b[2]), a[2], b[3])


def _measure(
    el: HtmlElement, out: dict[HtmlElement, tuple[int, int, int]], in_link: bool = False
) -> tuple[_Shape, int]:
    """(shape of text_of(el), link chars in el) and, into `out`, (text length, link chars, words) of every list,
    table, div and link-line block below: one pass instead of one text serialisation per nested block. All text
    inside a link is link text, blocks included (a card: `<a><h2>headline</h2><div>summary</div></a>`)."""
    in_link = in_link or el.tag == "a"
    shape, links = _shape(el.text), 0
    for child in el:
        if isinstance(child.tag, str):
            child_shape, child_links = _measure(child, out, in_link)
            shape, links = _join(shape, child_shape), links + child_links
        shape = _join(shape, _shape(child.tail))
    length = shape[0] + max(shape[1] - 1, 0) if shape else 0
    if in_link:
        links = length
    if el.tag in _LINK_BLOCKS or el.tag in LINK_LINE_TAGS:
        out[el] = (length, links, shape[1] if shape else 0)
    return shape, links


def paragraphs_of(container: HtmlElement, extra: tuple[Any, ...] | list[Any] = ()) -> list[str]:
    """Paragraph texts of a body container after dropping boilerplate nodes (the global rules plus `extra`
    selectors, e.g. a family's own), link-heavy blocks and short paragraphs that are only a link (a related
    headline set between the paragraphs)."""
    bp.drop_nodes(container, extra)
    sizes: dict[HtmlElement, tuple[int, int, int]] = {}
    _measure(container, sizes)
    for el, (text_len, links, words) in sizes.items():
        if el is container or not text_len or el.getparent() is None:
            continue
        share = links / text_len
        if el.tag in LINK_LINE_TAGS:
            doomed = share >= LINK_LINE_SHARE and words - 1 < LINK_LINE_MAX_WORDS
        else:
            doomed = share > 0.6
        if doomed:
            el.drop_tree()
    for a in [a for a in container.iter("a") if _alone_on_line(a)]:
        if bp.text_of(a).count(" ") < LINK_LINE_MAX_WORDS:
            a.drop_tree()
    for line in [line for line in map(_tracked_link_line, container.iter("a")) if line is not None]:
        line.drop_tree()
    return bp.block_texts(container)


_INLINE_WRAPPERS = frozenset({"b", "strong", "em", "i", "u", "span", "font", "small"})
_TRACKED = re.compile(r"[?&]utm_(?:source|medium|campaign)=", re.IGNORECASE)


def _tracked_link_line(a: HtmlElement) -> HtmlElement | None:
    """A campaign-tracked link (utm_source/utm_campaign in its address) that is a whole line by itself, bold or
    not ("<br><b><a href='...?utm_campaign=...'>Win ... Register Now!</a></b>"): a promotion, not story text.
    Returns the line's element (the link or the inline wrapper that holds only it), else None."""
    if not _TRACKED.search(a.get("href") or ""):
        return None
    line, text = a, bp.text_of(a)
    while (parent := line.getparent()) is not None and parent.tag in _INLINE_WRAPPERS and bp.text_of(parent) == text:
        line = parent
    return line if text and _alone_on_line(line) else None


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


def _score(
    el: HtmlElement, memo: dict[HtmlElement, int] | None = None, lines: dict[HtmlElement, int] | None = None
) -> int:
    """Characters of running text in `el`'s <p> elements (short or link-heavy ones left out); for a container that
    holds its paragraphs as childless <div>s instead (no scoring <p> at all), the text of those; for one that
    holds them as lines between <br>s (`lines`: see `_line_blocks`), the text of those lines. `memo`: scores of
    blocks already seen, shared by the candidates of one page, which nest."""
    memo = {} if memo is None else memo
    return (
        _block_score(el, "p", memo)
        or _block_score(el, "div", memo)
        or sum(n for block, n in (lines or {}).items() if block is el or _inside(block, el))
    )


def _inside(el: HtmlElement, root: HtmlElement) -> bool:
    return any(a is root for a in el.iterancestors())


_LINE_BLOCK_TAGS = bp.BLOCK_TAGS - {"p", "li"}  # a <p> with <br>s is scored as a <p>: its parent is the container
LINE_MIN_CHARS = 40  # a line after a <br> this long is running text (shorter: a label, a credit, a list entry)
MAX_LINE_BLOCKS = 3  # <br>-lined blocks kept as container candidates


def _line_blocks(doc: HtmlElement) -> dict[HtmlElement, int]:
    """The blocks that hold their paragraphs as text lines between <br>s ("text<br><br>text", inline links and
    bold inside), with the characters of those lines: the <br>s' own tails (the text up to the next element)
    that are long enough to be running text. One pass over the <br>s; the best few are kept."""
    found: dict[HtmlElement, int] = {}
    for br in doc.iter("br"):
        tail = (br.tail or "").strip()
        parent = br.getparent()
        if parent is not None and len(tail) >= LINE_MIN_CHARS and parent.tag in _LINE_BLOCK_TAGS:
            found[parent] = found.get(parent, 0) + len(tail)
    best = sorted(found, key=lambda e: found[e], reverse=True)[:MAX_LINE_BLOCKS]
    return {e: found[e] for e in best}


def _block_score(el: HtmlElement, tag: str, memo: dict[HtmlElement, int]) -> int:
    total = 0
    for p in el.iter(tag):
        if tag == "div" and len(p):
            continue
        if p not in memo:
            text = bp.text_of(p)
            memo[p] = len(text) if len(text) >= 25 and _link_chars(p) / max(len(text), 1) <= 0.5 else 0
        total += memo[p]
    return total


def _is_listing_container(el: HtmlElement) -> bool:
    cls = (el.get("class") or "") + " " + (el.get("id") or "")
    return bool(
        re.search(r"\b(sidebar|footer|comment|related|nav|menu|widget|terkini|populer|popular)", cls, re.IGNORECASE)
    )


def find_body_container(doc: HtmlElement) -> HtmlElement | None:
    """The densest paragraph container: known content selectors compete with the best <p> parent."""
    candidates: list[HtmlElement] = []
    class_ids = bp.class_id_text(doc)
    for css in bp.rules().content_selectors:
        if bp.may_match(css, class_ids):
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
    lines = _line_blocks(doc)
    candidates.extend(lines)
    memo: dict[HtmlElement, int] = {}
    scored = [(c, _score(c, memo, lines)) for c in dict.fromkeys(candidates) if not _is_listing_container(c)]
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
    several blocks, or paragraphs that are not <p> elements): then trafilatura gets a say. Text inside a link
    (related-story cards with their summaries) and a copyright notice are no running text of this page."""
    if container is None:
        return True
    inside = set(container.iter("p", "div"))
    for a in page.doc.iter("a"):  # a teaser card's summary (`<a><h2/><p/></a>`) is another story's text
        inside.update(a.iter("p", "div"))
    outside = 0
    for block in page.doc.iter("p", "div"):
        if block.tag == "div" and (len(block) or not block.text):
            continue  # only leaf divs hold running text the way <p> does
        if block in inside:
            continue
        text = bp.text_of(block)
        if len(text) >= 80 and text.count(" ") >= 10 and not bp.rules().legal_notice.search(text):
            outside += len(text)  # a copyright footer ("© 2020 ... All rights reserved") is no running text
    return outside > COVERAGE_SLACK * max(chars, 1)


def _over_budget(doc: HtmlElement, max_elements: int = FALLBACK_MAX_ELEMENTS) -> tuple[HtmlElement | None, int]:
    """The first element (in document order) past the fallback's work budget (None for a page within it), and the
    elements counted up to there."""
    depth = elements = depth_sum = chars = 0
    for event, el in etree.iterwalk(doc, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if el.tag in _UNREAD:
            continue
        elements += 1
        depth_sum += depth
        chars += len(el.text or "") + len(el.tail or "")
        if elements > max_elements or depth_sum > FALLBACK_MAX_DEPTH_SUM or chars > FALLBACK_MAX_CHARS:
            return el, elements
    return None, elements


def fallback_input(doc: HtmlElement) -> tuple[HtmlElement, str | None, bool]:
    """What trafilatura reads, a note on any cut, and whether to run it in fast mode. `doc` is the page's tree as
    parsed (a copy taken before extraction cut into it; it is changed here) and is measured as trafilatura will read
    it: scripts and styles, which it drops unread, are removed; a page over the work budget keeps its elements up to
    the budget; a page over FALLBACK_FULL_ELEMENTS is read without justext's comparison, whose cost grows with the
    square of the paragraphs; a dump (over DUMP_ELEMENTS) gets the smaller FALLBACK_DUMP_ELEMENTS budget; over-long
    class and id values are cut to HINT_ATTR_CHARS."""
    etree.strip_elements(doc, *_UNREAD, with_tail=False)
    for el in _LONG_HINTS(doc):
        for name in ("class", "id"):
            value = el.get(name)
            if value is not None and len(value) > HINT_ATTR_CHARS:
                el.set(name, value[:HINT_ATTR_CHARS])
    elements = int(_COUNTED(doc))
    fast = elements > FALLBACK_FULL_ELEMENTS
    last, _ = _over_budget(doc, FALLBACK_DUMP_ELEMENTS if elements > DUMP_ELEMENTS else FALLBACK_MAX_ELEMENTS)
    if last is None:
        return doc, None, fast
    cut_from(last)
    kept = int(_COUNTED(doc))
    return doc, f"trafilatura fallback read the first {kept} of {elements} elements (work budget)", fast


def trafilatura_paragraphs(html: HtmlElement, url: str, fast: bool = False) -> list[str]:
    """Body paragraphs from trafilatura (the fallback), from a (cut) tree of the page; `fast` skips
    its comparison with justext and readability."""
    try:
        import trafilatura

        text = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
            fast=fast,
        )
    except Exception:  # noqa: BLE001  # trafilatura raises assorted errors on odd markup; the fallback must not break extraction
        return []
    return join_fragments([line.strip() for line in (text or "").split("\n") if line.strip()])


_CLOSING = frozenset('.!?:;"”’)…')  # a line whose last character is none of these stops mid-sentence
_GOES_ON = re.compile(r"^(?:[a-z]|['’](?:s|re|ve|ll|d|m|t)\b|[,;)])")  # ... and a line that carries on with it


def join_fragments(lines: list[str]) -> list[str]:
    """Lines that the fallback broke at inline links ("Pakistan", "'s whole-of-system approach to countering",
    "militancy is ...") joined back into their paragraph: a line that stops mid-sentence and a next line that goes on
    in lower case, with a possessive or a comma."""
    out: list[str] = []
    for line in lines:
        # the last character only: a regex anchored at the end would rescan the joined paragraph at every line
        if out and out[-1][-1:] not in _CLOSING and out[-1] and _GOES_ON.match(line):
            glue = "" if line[0] in "'’,;)" else " "
            out[-1] = f"{out[-1]}{glue}{line}"
        else:
            out.append(line)
    return out


def looks_like_listing(page: Page, body_chars: int) -> bool:
    """A section/index/tag page rather than one article."""
    if page.ld_article is not None or page.meta.get("og:type", "").lower() == "article":
        return False
    path = urlsplit(page.url).path or "/"
    if path in {"", "/"} or any(p.search(path) for p in bp.rules().listing_url):
        return body_chars < 1500
    headline_links = sum(1 for a in page.doc.iter("a") if len(bp.text_of(a)) > 35)
    return headline_links >= 15 and body_chars < 600


def generic_body(
    page: Page, pristine: HtmlElement, ld_body: str | None, notes: list[str] | None = None
) -> tuple[list[str], str | None, str]:
    """(paragraphs, dateline, how) for any site; `pristine` is a copy of the page's tree as parsed (before any cut),
    which the trafilatura fallback reads (and changes); what was cut to bound the work goes to `notes`."""
    bp.drop_page_embeds(page.doc)
    container = find_body_container(page.doc)
    paragraphs: list[str] = []
    dateline: str | None = None
    how = "dom"
    if container is not None:
        paragraphs, dateline = bp.clean_paragraphs(paragraphs_of(container))
    chars = sum(len(p) for p in paragraphs)
    # trafilatura's body, cut at the same MAX_BODY_CHARS, can replace one this long only when it is shorter: not asked
    can_beat = FALLBACK_MARGIN * chars < bp.MAX_BODY_CHARS
    if chars < MIN_BODY_CHARS or (can_beat and _misses_text(page, container, chars)):
        fallback_html, note, fast = fallback_input(pristine)
        if fast:
            note = f"{note or 'trafilatura fallback'} in fast mode (over {FALLBACK_FULL_ELEMENTS} elements)"
        if note and notes is not None:
            notes.append(note)
        fallback, fb_dateline = bp.clean_paragraphs(trafilatura_paragraphs(fallback_html, page.url, fast))
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
