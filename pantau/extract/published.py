"""When a page was published (and apart from that, updated): every source the page offers, reconciled once.

Sources, in order of trust: JSON-LD `datePublished`, `article:published_time` / `og:*` and newsroom meta names
(`publishdate`, `pubdate`, `dtk:publishdate`, `content_PublishedDate`, ...), `itemprop="datePublished"` on any
element, `<time datetime>` near the headline; then the visible date line near the headline (any short text that
reads as a full date: "Rabu, 4 November 2015 | 21:04 WIB", "Kamis, 05/11/2015 10:08 WIB", "on 16 Feb 2016 at 09:10
WIB"); then the day in the URL (/2016/02/16/, 20160216) and, when nothing else gave a day, htmldate's day, with a
visible clock time joined to it (a day without a time is only noted).

Zones: a time without an offset is in the zone the date line names (WIB/WITA/WIT, MYT, ...), else WIB on an
Indonesian page, else the offset the page's own machine dates carry. A "Z"/"+00:00" machine time whose wall clock
equals the visible one is a mislabelled local time (taken in the visible zone); one that agrees with the visible
time as an instant is right (and gives the seconds). A timed machine value that contradicts the visible line loses
only to the page's own date line (date-classed or right under the headline, and before the body's first paragraph),
never when they are days apart, and never to a later visible time unless whole hours apart (a wrong zone label). Dates
in links, list items that link another story and related/sidebar containers (bylines.json listing_attr) are other
stories' and are not read at all. "Diperbarui ..." / "Update:" lines and `dateModified` are `updated_at` only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import islice
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from pantau.resources import load_json
from pantau.text.dates import (
    MONTHS,
    UPDATED_MARKERS,
    WEEKDAYS,
    WIB,
    Reading,
    fold,
    format_day,
    read_clock,
    read_datetime,
    split_published_updated,
    zone,
)

if TYPE_CHECKING:
    from pantau.extract.metadata import Page

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "pubdate", "publishdate", "publish-date",
    "content_publisheddate", "dtk:publishdate", "datepublished", "date", "dc.date.issued", "dc.date", "sailthru.date",
    "parsely-pub-date", "article.published", "published_time", "og:published_time", "release_date",
)  # fmt: skip
UPDATED_META = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "dtk:updatedate",
    "content_lastmodifieddate", "lastmod", "last-modified", "modified_time", "dc.date.modified",
)  # fmt: skip

_LINES: dict[str, Any] = load_json("date_lines.json")
_LINE_WORDS = frozenset(w.lower() for w in _LINES["line_words"])
_MAX_OTHER_WORDS = int(_LINES["max_other_words"])
_CLASS_HINT = re.compile(_LINES["class_hint"], re.IGNORECASE)
_ID_HOSTS = tuple(_LINES["indonesian_hosts"])
_COUNTRY_ZONES = {str(k): timezone(timedelta(hours=float(v))) for k, v in _LINES["country_zones"].items()}
_ID_WORDS = frozenset(w for w in (*MONTHS, *WEEKDAYS) if w not in {"jan", "feb", "mar", "apr", "jun", "jul", "aug",
                      "sep", "sept", "oct", "nov", "dec", "april", "november", "september", "may"}
                      and not w.endswith("day") and w not in {"january", "february", "march", "june", "july",
                      "august", "october", "december"})  # fmt: skip
_ZONE_WORDS = frozenset({"wib", "wita", "wit"})
_CLOCK_ZONE = re.compile(r"\b(?:wib|wita|wit)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*", re.UNICODE)
_URL_DAY = (
    re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)"),
    re.compile(r"/(\d{2})/(\d{2})/(\d{2})/"),  # Republika's /15/11/05/
    re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"),
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "option", "select", "textarea"})
_LISTING = re.compile(rf"(?:{load_json('bylines.json')['listing_attr']})", re.IGNORECASE)  # related/sidebar lists
HEADLINE_LINK_CHARS = 25  # a link this long in a list item is another story's headline
LISTING_DEPTH = 8  # ancestors looked at for a listing container
MAX_LINE_CHARS = 150  # a date line is short; longer texts are prose that mentions a date
NEAR = 800  # nodes (elements and texts) after the headline within which a date line still counts as the article's
WINDOW_AFTER = 2 * NEAR  # nodes read after the headline (a date-classed line counts up to here)
WINDOW_BEFORE = 600  # nodes read before it (a date line above the headline, e.g. a kicker line)
SAME_DAY_RIVALS = 4  # date lines compared with the best-placed one (see _visible)
DAYS_APART = timedelta(days=2)  # a visible line this far from the machine time is someone else's date
HTMLDATE_MAX_ELEMENTS = 5_000  # htmldate copies the tree: above this many elements it is not asked at all
# htmldate's extensive search hands free text to dateparser, whose first call compiles every locale's patterns
# (~9 s on this machine, measured on a fuzz page): it stays off; the visible date lines are read by Pantau itself
MAX_CANDIDATES = 200  # date-like texts read per page (nearest the headline first): bounded work on any page


@dataclass(frozen=True)
class Line:
    """A visible date text, where it stands and how sure we are it is the article's own."""

    text: str
    score: float  # lower is better
    strong: bool  # the page's own date line: date-classed (or a family's find), before the body, not in a listing
    updated: bool


@dataclass
class Evidence:
    """Every date text a page offers, before reconciliation (kept so a family parser's finds join the page's)."""

    machine: list[str] = field(default_factory=list)  # published, in order of trust
    machine_updated: list[str] = field(default_factory=list)
    visible: list[Line] = field(default_factory=list)  # best first
    visible_updated: list[Line] = field(default_factory=list)
    clock_line: str | None = None  # a clock time near the headline without a day ("15:07 WIB")
    url: str = ""
    indonesian: bool = True
    fallback_day: date | None = None  # htmldate's, only when nothing else gave a day
    zone: timezone | None = None  # the zone of offset-less times when the date line names none (a family's own)


# --- reconciliation --------------------------------------------------------------------------------------------


def _starts_updated(text: str) -> bool:
    low = fold(text).lower()
    return any(low.startswith(m) for m in UPDATED_MARKERS)


def _minute(dt: datetime) -> datetime:
    return dt.replace(second=0, microsecond=0)


def _wall(dt: datetime) -> datetime:
    return _minute(dt).replace(tzinfo=None)


def _split(text: str) -> tuple[str | None, str | None]:
    """(published part, updated part) of one date text; an update part that gives a clock only ("| Diperbarui
    16:30 WIB") is on the published part's day."""
    if _starts_updated(text):
        return None, split_published_updated(text)[1] or None
    pub, upd = split_published_updated(text)
    if upd and pub and read_datetime(upd) is None and read_clock(upd) is not None:
        day = read_datetime(pub)
        if day is not None:
            upd = f"{format_day(day.when.date())} {upd}"
    return pub, upd


def page_zone(ev: Evidence) -> timezone:
    """The zone of the page's offset-less times: the date line's named zone, WIB on an Indonesian page, else the
    offset the page's own machine dates carry (UTC when they carry only "Z"/+00:00), else the zone of the country
    its host's country code names (data: date_lines.json country_zones), else WIB."""
    for line in [*ev.visible[:1], *ev.visible_updated[:1]]:
        r = read_datetime(line.text)
        if r is not None and r.zone_named and not r.utc_label:
            return r.when.tzinfo  # type: ignore[return-value]
    if ev.zone is not None:
        return ev.zone
    if ev.indonesian:
        return WIB
    readings = [r for r in (read_datetime(t) for t in [*ev.machine, *ev.machine_updated]) if r is not None]
    for r in readings:
        if r.zone_named and not r.utc_label and r.when.tzinfo is not None:
            return r.when.tzinfo  # type: ignore[return-value]
    if any(r.utc_label for r in readings):
        return UTC  # a foreign page that dates itself in UTC prints its clock in UTC too, not in WIB
    return _country_zone(ev.url) or WIB


def _country_zone(url: str) -> timezone | None:
    """The zone of the country a host's country-code label names ("world.kbs.co.kr" -> +09:00), or None."""
    host = (urlsplit(url).hostname or "") if url else ""
    return _COUNTRY_ZONES.get(host.rsplit(".", 1)[-1].lower()) if "." in host else None


def _agree(machine: Sequence[Reading], visible: Reading) -> datetime | None:
    """The machine time that says the visible minute: the same instant (seconds kept), or the same wall clock under
    a "Z"/missing offset (a mislabelled local time, taken in the visible zone)."""
    timed = [m for m in machine if m.has_time]
    for m in timed:
        if _minute(m.when) == _minute(visible.when):
            return m.when
    for m in timed:
        if (m.utc_label or not m.zone_named) and _wall(m.when) == _wall(visible.when):
            return m.when.replace(tzinfo=visible.when.tzinfo)
    return None


def _fix_machine(machine: list[Reading]) -> list[Reading]:
    """A "Z" machine time whose wall clock another, offset-less machine time of the page repeats is local time."""
    if not machine or not machine[0].utc_label:
        return machine
    for other in machine[1:]:
        if other.has_time and not other.zone_named and _wall(other.when) == _wall(machine[0].when):
            return [other, *machine]
    return machine


def _completeness(r: Reading) -> int:
    return int(r.has_time) + int(r.has_time and r.zone_named and not r.utc_label)


def _visible(lines: Sequence[Line], tz: timezone) -> tuple[Reading | None, bool]:
    """The article's date line: the best-placed one that reads, unless a nearby line of the same day says more (a
    clock time where it gives the day only, a zone where its clock has none): site headers print today's date or a
    zone-less clock above the article's own "17 Februari 2017, 13:16 WIB"."""
    readings = [(r, ln) for ln in lines[:SAME_DAY_RIVALS] if (r := read_datetime(ln.text, tz)) is not None]
    if not readings:
        return None, False
    best, line = readings[0]
    for rival, rival_line in readings[1:]:
        same_day = rival.when.date() == best.when.date()
        if same_day and _completeness(rival) > _completeness(best) and not rival_line.updated:
            best, line = rival, rival_line
    return best, line.strong


def _zone_slip(a: datetime, b: datetime) -> bool:
    """Whole hours apart, within a day: the same wall clock under a wrong zone label."""
    gap = abs(a - b)
    return timedelta(0) < gap < timedelta(hours=24) and gap % timedelta(hours=1) == timedelta(0)


def _resolve(machine_texts: Sequence[str], lines: Sequence[Line], tz: timezone) -> datetime | None:
    machine = _fix_machine([r for r in (read_datetime(t, tz) for t in machine_texts) if r is not None])
    visible, strong = _visible(lines, tz)
    first = next((m for m in machine if m.has_time), machine[0] if machine else None)
    if visible is None:
        return first.when if first else None
    timed = first if first is not None and first.has_time else None
    if visible.has_time:
        agreed = _agree(machine, visible)
        if agreed is not None:
            return agreed
        if timed is None:
            return visible.when
        # a timed machine value yields only to the page's own date line (date-classed, before the body), and never
        # to a later visible time unless whole hours apart (the machine's zone label is wrong)
        if not strong or abs(timed.when - visible.when) > DAYS_APART:
            return timed.when
        if visible.when > timed.when and not _zone_slip(visible.when, timed.when):
            return timed.when
        return visible.when
    # the visible line gives a day only: a machine time on that day keeps its clock
    vday = visible.when.date()
    for m in machine:
        if m.has_time and m.when.astimezone(visible.when.tzinfo).date() == vday:
            return m.when
    if timed is not None and (not strong or abs(timed.when - visible.when) > DAYS_APART):
        return timed.when
    return visible.when


def url_day(url: str) -> date | None:
    """The day a URL's path names (/2016/02/16/, /15/11/05/, 20160216), or None."""
    path = urlsplit(url).path if url else ""
    for i, pattern in enumerate(_URL_DAY):
        for m in pattern.finditer(path):
            y, mo, d = (int(g) for g in m.groups())
            if i == 1:
                y += 2000
            try:
                day = date(y, mo, d)
            except ValueError:
                continue
            if date(1995, 1, 1) <= day <= datetime.now(WIB).date() + timedelta(days=1):
                return day
    return None


def resolve(ev: Evidence) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from the evidence, by the rules in this module's docstring."""
    tz = page_zone(ev)
    published = _resolve(ev.machine, ev.visible, tz)
    if published is None:
        day = url_day(ev.url) or ev.fallback_day
        published = _join_clock(day, ev, tz) if day is not None else None  # a day alone is noted (see day_only)
    elif not ev.visible and not any(r.has_time for r in _readings(ev.machine, tz)):
        published = _join_clock(published.date(), ev, tz) or published  # a machine day, the page's clock
    updated = _resolve(ev.machine_updated, ev.visible_updated, tz)
    if updated is not None and published is not None and _minute(updated) == _minute(published):
        updated = None
    return _in_zone(published, tz), _in_zone(updated, tz)


def _readings(texts: Sequence[str], tz: timezone) -> list[Reading]:
    return [r for r in (read_datetime(t, tz) for t in texts) if r is not None]


def _join_clock(day: date, ev: Evidence, tz: timezone) -> datetime | None:
    """The day with the clock time the page shows near the headline ("15:07 WIB"), or None without one."""
    clock = read_clock(ev.clock_line) if ev.clock_line else None
    if clock is None:
        return None
    joined = read_datetime(f"{day.isoformat()} {ev.clock_line}", tz)
    return datetime(day.year, day.month, day.day, *clock, tzinfo=joined.when.tzinfo if joined else tz)


def _in_zone(when: datetime | None, tz: timezone) -> datetime | None:
    """A UTC time told in the page's own zone (the same instant: "02:10:56Z" on a WIB page reads 09:10:56+07:00)."""
    if when is not None and when.utcoffset() == timedelta(0):
        try:
            return when.astimezone(tz)
        except OverflowError:  # the last hours of year 9999: no date rather than a lost page
            return None
    return when


@dataclass
class DateTexts:
    """A family parser's own date finds: attribute values (machine) and visible texts, published and updated."""

    machine: list[str] = field(default_factory=list)
    machine_updated: list[str] = field(default_factory=list)
    visible: list[str] = field(default_factory=list)
    visible_updated: list[str] = field(default_factory=list)


def _evidence_of(texts: DateTexts, zone_name: str) -> Evidence:
    ev = Evidence(machine_updated=list(texts.machine_updated), zone=zone(zone_name))
    for m in texts.machine:
        pub, upd = _split(m)
        if pub:
            ev.machine.append(pub)
        if upd:
            ev.machine_updated.append(upd)
    for text, is_update in [*((v, False) for v in texts.visible), *((v, True) for v in texts.visible_updated)]:
        pub, upd = _split(text)
        if pub and not is_update:
            ev.visible.append(Line(pub, -1.0, True, False))
        if upd or (pub and is_update):
            ev.visible_updated.append(Line(upd or pub or "", -1.0, True, True))
    return ev


def day_only(ev: Evidence) -> date | None:
    """The day the URL or htmldate names when no time was found (a note for the record, not a published_at: a
    midnight stamp would claim a precision the page does not give, and "no date" is the crawl's drift signal)."""
    return url_day(ev.url) or ev.fallback_day


def resolve_texts(texts: DateTexts, default_tz: str = "WIB") -> tuple[datetime | None, datetime | None]:
    """(published, updated) from a family parser's own date texts alone."""
    return resolve(_evidence_of(texts, default_tz))


def resolve_with_family(
    page_ev: Evidence, texts: DateTexts, default_tz: str = "WIB"
) -> tuple[datetime | None, datetime | None]:
    """(published, updated) from a family parser's finds first, then everything else the page offers."""
    fam = _evidence_of(texts, default_tz)
    merged = Evidence(
        machine=[*fam.machine, *page_ev.machine],
        machine_updated=[*fam.machine_updated, *page_ev.machine_updated],
        visible=[*fam.visible, *page_ev.visible],
        visible_updated=[*fam.visible_updated, *page_ev.visible_updated],
        clock_line=page_ev.clock_line,
        url=page_ev.url,
        indonesian=page_ev.indonesian,
        fallback_day=page_ev.fallback_day,
        zone=fam.zone if default_tz != "WIB" else page_ev.zone,
    )
    return resolve(merged)


# --- reading the page ------------------------------------------------------------------------------------------


def _ld_values(page: Page, key: str) -> list[str]:
    out: list[str] = []
    objs = [page.ld_article] if page.ld_article else []
    objs += [o for o in page.ld if o is not page.ld_article]
    for obj in objs:
        value = obj.get(key) if obj else None
        if isinstance(value, str) and value.strip():
            out.append(value)
        if out and obj is page.ld_article:
            break
    return out[:2]


def _label(el: HtmlElement) -> str:
    return " ".join((el.get("class") or "", el.get("id") or "", el.get("itemprop") or "", el.get("name") or ""))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(fold(text).casefold()))


def _headline(page: Page) -> HtmlElement | None:
    ld = page.ld_article or {}
    titles = [ld.get("headline"), page.meta.get("og:title"), page.meta.get("twitter:title")]
    t = page.doc.find(".//title")
    titles.append(t.text_content() if t is not None else None)
    wanted = [n for n in (_norm(x) for x in titles if isinstance(x, str)) if len(n) >= 10]
    first_h1 = None
    for el in page.doc.iter("h1", "h2"):
        text = _norm(el.text_content())
        if len(text) < 10:
            continue
        if el.tag == "h1" and first_h1 is None:
            first_h1 = el
        if any(text in w or w in text for w in wanted):
            return el
    return first_h1


def _date_line(text: str) -> Reading | None:
    """The reading of a short text that is a date line (the date and line words only), else None; a line of
    fields set apart by bars ("Agency, PLACE | World | Fri, June 19 2015, 7:36 AM") is read field by field."""
    r = _date_field(text)
    if r is None and "|" in text:
        for field in text.split("|"):
            r = _date_field(field) if _YEAR.search(field) else None
            if r is not None:
                break
    return r


def _date_field(text: str) -> Reading | None:
    r = read_datetime(text)
    if r is None:
        return None
    folded = fold(text)
    a, b = r.span
    if "(" in folded[max(0, a - 2) : a] or ")" in folded[b : b + 2]:
        return None  # "Rabu (4/11/2015)": a date in running text or a caption
    rest = folded[:a] + " " + folded[b:]
    others = [w for w in _WORD.findall(rest.lower()) if w.strip(".'’-") not in _LINE_WORDS | WEEKDAYS.keys()]
    others = [w for w in others if not any(w.startswith(m.rstrip(":")) for m in UPDATED_MARKERS)]
    # a clock with a zone ("10:08 WIB") marks a date line even when a byline shares it ("Reporter: X | Editor: Y")
    limit = _MAX_OTHER_WORDS * 2 if r.has_time and r.zone_named else _MAX_OTHER_WORDS
    return r if len(others) <= limit else None


def _ancestors(el: HtmlElement, depth: int) -> list[HtmlElement]:
    out = []
    node = el
    for _ in range(depth):
        node = node.getparent()
        if node is None:
            break
        out.append(node)
    return out


def _short_text(el: HtmlElement, limit: int = MAX_LINE_CHARS) -> str | None:
    """The folded text of `el` when it holds at most `limit` characters, else None (reads no further than that)."""
    pieces: list[str] = []
    seen = 0
    for piece in el.itertext():
        seen += len(piece.strip())
        if seen > limit:
            return None
        pieces.append(piece)
    whole = fold("".join(pieces))
    return whole if len(whole) <= limit else None


def _with_clock(el: HtmlElement, text: str, reading: Reading) -> str:
    """The text, or the small container around it when the clock stands in a sibling element."""
    if reading.has_time:
        return text
    for anc in _ancestors(el, 2):
        whole = _short_text(anc)
        if whole is None:
            break
        r = read_datetime(whole)
        if r is not None and r.has_time and r.when.date() == reading.when.date():
            return whole
    return text


def _is_updated(el: HtmlElement, text: str) -> bool:
    if _starts_updated(text):
        return True
    parent = el.getparent()
    context = _short_text(parent) if parent is not None else ""
    if context is None:
        return False
    i = context.find(fold(text)[:20])
    before = context[max(0, i - 30) : i].lower() if i > 0 else ""
    return any(m in before for m in UPDATED_MARKERS)


def _scan(page: Page) -> tuple[list[Line], list[Line], str | None, list[str], bool, int]:
    """Visible date lines (published, updated), a day-less clock line, `<time datetime>` values near the headline,
    whether a line reads Indonesian, and the number of elements seen."""
    head = _headline(page)
    head_at: int | None = 0 if head is not None else None
    found: list[tuple[int, HtmlElement, str]] = []  # (position, element owning the text, text)
    times: list[tuple[int, HtmlElement]] = []
    clocks: list[tuple[int, str]] = []
    body_at: int | None = None  # the first prose text after the headline: date lines below it are the story's own
    for pos, owner, text in _nodes_near(page.doc, head):
        if text is None:
            times.append((pos, owner))
            continue
        if len(text) > MAX_LINE_CHARS * 2:
            body_at = pos if body_at is None and pos > 0 else body_at
            continue
        stripped = fold(text)
        if not stripped or len(stripped) > MAX_LINE_CHARS:
            body_at = pos if body_at is None and pos > 0 and stripped else body_at
            continue
        if _YEAR.search(stripped):
            found.append((pos, owner, stripped))
        elif head is not None and 0 < pos < 120 and _CLOCK_ZONE.search(stripped):
            clocks.append((pos, stripped))
    n = sum(1 for _ in islice(page.doc.iter(), HTMLDATE_MAX_ELEMENTS + 1))  # htmldate's budget, counted bounded

    lines: list[Line] = []
    updated: list[Line] = []
    indonesian = False
    found.sort(key=lambda f: abs(f[0]))
    for pos, owner, text in found[:MAX_CANDIDATES]:
        reading = _date_line(text)
        if reading is None:
            continue
        score, classed = _place(pos, head_at, owner)
        if score is None or _listed(owner):
            continue
        full = _with_clock(owner, text, reading)
        up = _is_updated(owner, text)
        strong = (classed or (head_at is not None and 0 <= pos < 80)) and (body_at is None or pos < body_at)
        words = set(_WORD.findall(full.lower()))
        indonesian = indonesian or bool(words & (_ID_WORDS | _ZONE_WORDS))
        pub_part, upd_part = _split(full)
        if up or (upd_part and not pub_part):
            updated.append(Line(upd_part or full, score, strong, True))
        else:
            lines.append(Line(pub_part or full, score, strong, False))
            if upd_part:
                updated.append(Line(upd_part, score, strong, True))
    lines.sort(key=lambda ln: ln.score)
    updated.sort(key=lambda ln: ln.score)

    time_values: list[tuple[float, str]] = []
    for pos, el in times:
        score, _ = _place(pos, head_at, el)
        label = _label(el).lower()
        if score is None or _listed(el) or (("modif" in label or "update" in label) and "datepublished" not in label):
            continue
        time_values.append((score, el.get("datetime") or ""))
    time_values.sort(key=lambda tv: tv[0])
    clock_line = min(clocks, key=lambda c: c[0])[1] if clocks else None
    return lines, updated, clock_line, [v for _, v in time_values], indonesian, n


def _texts_of(el: HtmlElement) -> Iterator[tuple[HtmlElement, str | None]]:
    """(el, None) for a `<time>`, then (owner, text) for its own text and its tail."""
    if not isinstance(el.tag, str):
        if el.tail and el.getparent() is not None:
            yield el.getparent(), el.tail
        return
    if el.tag == "time" and el.get("datetime"):
        yield el, None
    if el.text and el.tag not in _SKIP_TAGS:
        yield el, el.text
    parent = el.getparent()
    if el.tail and parent is not None:
        yield parent, el.tail


def _following(head: HtmlElement, limit: int) -> Iterator[tuple[HtmlElement, str | None]]:
    node: HtmlElement | None = head
    seen = 0
    while node is not None and seen < limit:
        if node is not head and node.tail and node.getparent() is not None:
            yield node.getparent(), node.tail
        elif node is head and head.tail and head.getparent() is not None:
            yield head.getparent(), head.tail
        for sib in node.itersiblings():
            for el in sib.iter():
                seen += 1
                if seen > limit:
                    return
                yield from _texts_of(el)
        node = node.getparent()


def _preceding(head: HtmlElement, limit: int) -> list[tuple[HtmlElement, str | None]]:
    """Nearest first; a huge preceding block is read from its start only (bounded)."""
    out: list[tuple[HtmlElement, str | None]] = []
    node: HtmlElement | None = head
    while node is not None and len(out) < limit:
        for sib in node.itersiblings(preceding=True):
            block = [t for el in islice(sib.iter(), limit) for t in _texts_of(el)]
            out.extend(reversed(block))
            if len(out) >= limit:
                break
        node = node.getparent()
    return out[:limit]


def _nodes_near(doc: HtmlElement, head: HtmlElement | None) -> list[tuple[int, HtmlElement, str | None]]:
    """(position, owner, text) of the texts (text None: a `<time>` element) in a bounded window around the
    headline, negative before it, in nodes; without a headline, the first ones of the page."""
    if head is None:
        found = islice((t for el in doc.iter() for t in _texts_of(el)), WINDOW_AFTER * 4)
        return [(i, owner, text) for i, (owner, text) in enumerate(found, start=1)]
    out = [(-i, owner, text) for i, (owner, text) in enumerate(_preceding(head, WINDOW_BEFORE), start=1)]
    out += [(i, owner, text) for i, (owner, text) in enumerate(_following(head, WINDOW_AFTER), start=1)]
    return out


def _listed(el: HtmlElement) -> bool:
    """Inside a link, a related/sidebar list (its class/id words), or a list item that links another story's
    headline: a date there is another story's."""
    for node in [el, *_ancestors(el, LISTING_DEPTH)]:
        if node.tag == "a":
            return True
        words = re.split(r"[\s_\-]+", _label(node).casefold())
        if any(_LISTING.fullmatch(w) for w in words if w):
            return True
        if node.tag == "li" and any(_short_text(a, HEADLINE_LINK_CHARS) is None for a in islice(node.iter("a"), 5)):
            return True
    return False


def _place(pos: int, head_at: int | None, el: HtmlElement) -> tuple[float | None, bool]:
    """(score, date-classed) of a text at `pos`: near after the headline is best; date-classed helps; links and list
    items (related articles) cost. None when it is too far to be the article's."""
    chain = [el, *_ancestors(el, 3)]
    classed = any(e.tag == "time" or _CLASS_HINT.search(_label(e)) for e in chain)
    deep = [el, *_ancestors(el, 8)]
    in_link = any(e.tag == "a" for e in deep)
    in_list = any(e.tag == "li" for e in deep)
    if head_at is None:
        if not classed or in_link or in_list:
            return None, False
        return float(pos), True
    dist = pos - head_at
    score = float(dist) if dist >= 0 else 3.0 * -dist + 20
    if score > NEAR * (2 if classed else 1):
        return None, False
    if classed:
        score *= 0.5
    score += 300 * in_link + 150 * in_list
    return score, classed and not in_link and not in_list


def _itemprop_values(page: Page) -> tuple[list[str], list[str]]:
    """`itemprop` datePublished / dateModified values on elements other than `<meta>` (read with the meta)."""
    out: dict[str, list[str]] = {"datepublished": [], "datemodified": []}
    for el in page.doc.xpath("//*[@itemprop][not(self::meta)][position() <= 500]"):
        prop = el.get("itemprop") or ""
        if prop.lower() in out:
            value = el.get("datetime") or el.get("content")
            if value and value.strip():
                out[prop.lower()].append(value)
    return out["datepublished"][:3], out["datemodified"][:3]


def _lang_indonesian(page: Page) -> bool:
    ld = page.ld_article or {}
    in_language = ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None
    codes = [page.doc.get("lang"), page.meta.get("language"), page.meta.get("content-language"), in_language]
    codes.append(page.meta.get("og:locale"))
    for code in codes:
        if isinstance(code, str) and code.strip():
            return re.split(r"[-_]", code.strip().lower())[0] in {"id", "in", "ind"}
    host = (urlsplit(page.url).hostname or "") if page.url else ""
    return host.endswith(_ID_HOSTS)


def _htmldate_day(page: Page, elements: int) -> date | None:
    """htmldate's day for a page where nothing else gave one (imported here only: it is not light)."""
    if elements > HTMLDATE_MAX_ELEMENTS:
        return None
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    try:
        found = find_date(
            page.doc,
            extensive_search=False,
            original_date=True,
            url=page.url or None,
            outputformat="%Y-%m-%d",
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def page_evidence(page: Page) -> Evidence:
    """Every date text the page offers (the generic reading; a family parser's finds are added with_family)."""
    lines, updated, clock_line, time_values, line_id, elements = _scan(page)
    machine = _ld_values(page, "datePublished")
    machine += [page.meta[k] for k in PUBLISHED_META if page.meta.get(k)]
    item_published, item_modified = _itemprop_values(page)
    machine += item_published + time_values[:2]
    machine_updated = _ld_values(page, "dateModified")
    machine_updated += [page.meta[k] for k in UPDATED_META if page.meta.get(k)]
    machine_updated += item_modified
    ev = Evidence(
        machine=machine,
        machine_updated=machine_updated,
        visible=lines,
        visible_updated=updated,
        clock_line=clock_line,
        url=page.url,
        indonesian=line_id or _lang_indonesian(page),
    )
    has_day = any(read_datetime(t) for t in machine) or bool(lines) or url_day(page.url) is not None
    if not has_day:
        ev.fallback_day = _htmldate_day(page, elements)
    return ev
