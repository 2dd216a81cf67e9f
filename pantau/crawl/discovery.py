"""Discovery: which article URLs an outlet offers, from news sitemaps, RSS/Atom feeds and listing pages.

Pure functions over bytes, so they are tested without a network. Scrapy's SitemapSpider drops the `news:` fields
of a Google News sitemap; `parse_sitemap` keeps them (title, publication date, keywords), because they let the
crawler judge Pilkada relevance and the `--since` bound before fetching the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from pantau.text.dates import parse_indonesian_datetime

_RFC822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|[A-Z]{2,4})$"
)
MAX_XML_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass
class Candidate:
    """An article URL found by discovery, with whatever the index page said about it."""

    url: str
    source: str
    lastmod: datetime | None = None
    published_at: datetime | None = None
    title: str | None = None
    keywords: list[str] = field(default_factory=list)
    section: str | None = None

    @property
    def when(self) -> datetime | None:
        return self.published_at or self.lastmod


def _local(tag: object) -> str:
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


def _date(text: str | None) -> datetime | None:
    """Sitemap (W3C/ISO 8601), RSS (RFC 822) or Indonesian-style dates; naive ones are taken as WIB."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if _RFC822.match(text):
        try:
            parsed = parsedate_to_datetime(text)
            if parsed.tzinfo is not None:
                return parsed
        except (TypeError, ValueError, IndexError):
            pass
    return parse_indonesian_datetime(text)


def _root(body: bytes) -> etree._Element | None:
    if not body or len(body) > MAX_XML_BYTES:
        return None
    try:
        return etree.fromstring(body.lstrip(), _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _child_text(node: etree._Element, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name:
            return (child.text or "").strip() or None
    return None


def parse_sitemap(body: bytes, base_url: str = "") -> tuple[list[Candidate], list[str]]:
    """Entries of a urlset (with news: and lastmod fields) and child sitemaps of a sitemapindex."""
    root = _root(body)
    if root is None:
        return [], []
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = []
        for node in root:
            loc = _child_text(node, "loc")
            if loc:
                children.append(urljoin(base_url, loc))
        return [], children
    if kind != "urlset":
        return [], []
    found: list[Candidate] = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = _child_text(node, "loc")
        if not loc:
            continue
        cand = Candidate(url=urljoin(base_url, loc), source="sitemap", lastmod=_date(_child_text(node, "lastmod")))
        for child in node:
            if _local(child.tag) != "news":
                continue
            cand.source = "news_sitemap"
            cand.title = _child_text(child, "title")
            cand.published_at = _date(_child_text(child, "publication_date"))
            words = _child_text(child, "keywords") or ""
            cand.keywords = [w.strip() for w in words.split(",") if w.strip()]
        found.append(cand)
    return found, []


def parse_feed(body: bytes, base_url: str = "") -> list[Candidate]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed."""
    root = _root(body)
    if root is None:
        return []
    found: list[Candidate] = []
    for node in root.iter():
        name = _local(node.tag)
        if name == "item":
            link = _child_text(node, "link") or _child_text(node, "guid")
            if not link:
                continue
            categories = [(c.text or "").strip() for c in node if _local(c.tag) == "category" and c.text]
            found.append(
                Candidate(
                    url=urljoin(base_url, link),
                    source="rss",
                    published_at=_date(_child_text(node, "pubDate") or _child_text(node, "date")),
                    title=_child_text(node, "title"),
                    keywords=categories,
                )
            )
        elif name == "entry":
            link = None
            for child in node:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    link = child.get("href")
                    break
            if not link:
                continue
            terms = [c.get("term", "") for c in node if _local(c.tag) == "category" and c.get("term")]
            found.append(
                Candidate(
                    url=urljoin(base_url, link),
                    source="atom",
                    published_at=_date(_child_text(node, "published")),
                    lastmod=_date(_child_text(node, "updated")),
                    title=_child_text(node, "title"),
                    keywords=terms,
                )
            )
    return found


# A link looks like an article when its path has a date, a long numeric id or a long hyphenated slug.
_ARTICLE_PATH = re.compile(
    r"/(?:19|20)\d\d/\d{1,2}/\d{1,2}/|/\d{5,}|/[a-z0-9]+(?:-[a-z0-9]+){3,}/?(?:$|[?#.])", re.IGNORECASE
)
_NOT_ARTICLE = re.compile(
    r"/(?:tag|tags|topic|topik|category|kategori|author|penulis|indeks|index|search|cari|page|video|foto|galeri"
    r"|login|register|about|tentang|redaksi|kontak|contact|pedoman|privacy|feed|rss)(?:/|$|-)",
    re.IGNORECASE,
)


def looks_like_article_url(url: str) -> bool:
    path = urlsplit(url).path
    return bool(_ARTICLE_PATH.search(path)) and not _NOT_ARTICLE.search(path)


def parse_listing(body: bytes, page_url: str, next_selector: str | None = None) -> tuple[list[Candidate], str | None]:
    """Article links on an index/tag/listing page (same site only) and the next page, if any."""
    if not body:
        return [], None
    try:
        doc = html.fromstring(body, base_url=page_url)
    except (etree.ParserError, ValueError):
        return [], None
    doc.make_links_absolute(page_url, resolve_base_href=True)
    site = _site(page_url)
    seen: set[str] = set()
    found: list[Candidate] = []
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").split("#", 1)[0]
        if not href or href in seen or _site(href) != site or not looks_like_article_url(href):
            continue
        seen.add(href)
        text = " ".join(anchor.text_content().split()) or None
        found.append(Candidate(url=href, source="listing", title=text))
    next_url = None
    if next_selector:
        try:
            hits = doc.cssselect(next_selector)
        except Exception:  # noqa: BLE001  # cssselect raises several types for an unsupported selector
            hits = []
        if hits and hits[0].get("href"):
            next_url = hits[0].get("href")
    else:
        for anchor in doc.iter("a"):
            rel = (anchor.get("rel") or "").lower()
            label = " ".join(anchor.text_content().split()).lower()
            if rel == "next" or label in {"next", "selanjutnya", "berikutnya", "›", "»", "next »", "next page"}:
                next_url = anchor.get("href")
                break
        if next_url is None:
            link = doc.find(".//link[@rel='next']")
            if link is not None:
                next_url = link.get("href")
    return found, next_url


def _site(url: str) -> str:
    from pantau.crawl.registry import site_root

    host = urlsplit(url).hostname or ""
    return site_root(host) if host else ""


# -- finding an outlet's endpoints from its bare domain (pure parts; the fetching is pantau.crawl.probe) ----------

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"})


def robots_sitemaps(text: str, base_url: str) -> list[str]:
    """The `Sitemap:` lines of a robots.txt (any case, any group; the protocol puts them outside groups)."""
    found: list[str] = []
    for line in text.splitlines():
        name, _, value = line.partition(":")
        value = value.split("#", 1)[0].strip()
        if name.strip().lower() == "sitemap" and value:
            url = urljoin(base_url, value)
            if url not in found:
                found.append(url)
    return found


@dataclass
class HomePage:
    """What a home page says about its own feeds and CMS."""

    feeds: list[str] = field(default_factory=list)
    wordpress: bool = False


def parse_home_page(body: bytes, page_url: str) -> HomePage:
    """RSS/Atom `<link rel="alternate">` of a home page, and whether it is a WordPress site."""
    page = HomePage()
    if not body:
        return page
    try:
        doc = html.fromstring(body, base_url=page_url)
    except (etree.ParserError, ValueError):
        return page
    for link in doc.iter("link"):
        rel = {part.lower() for part in (link.get("rel") or "").split()}
        kind = (link.get("type") or "").split(";", 1)[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            url = urljoin(page_url, href)
            if url not in page.feeds:
                page.feeds.append(url)
        if "https://api.w.org/" in rel:
            page.wordpress = True
    metas = doc.iter("meta")
    generator = " ".join(m.get("content") or "" for m in metas if (m.get("name") or "").lower() == "generator")
    page.wordpress = page.wordpress or "wordpress" in generator.lower() or b"/wp-content/" in body[:200_000]
    return page


@dataclass
class Classified:
    """What a fetched discovery endpoint turned out to be."""

    kind: str  # news_sitemap, sitemap, sitemap_index, feed, or "" when it is none of these
    items: int = 0  # article entries (urlset entries, feed items) or child sitemaps
    children: list[str] = field(default_factory=list)
    newest: datetime | None = None


def classify_endpoint(body: bytes, url: str) -> Classified:
    """A sitemap index, a (news) sitemap or an RSS/Atom feed, with how many entries it holds."""
    root = _root(body)
    if root is None:
        return Classified("")
    tag = _local(root.tag)
    if tag in ("urlset", "sitemapindex"):
        found, children = parse_sitemap(body, url)
        if tag == "sitemapindex":
            return Classified("sitemap_index", len(children), children)
        kind = "news_sitemap" if any(c.source == "news_sitemap" for c in found) else "sitemap"
        return Classified(kind, len(found), newest=_newest(found))
    if tag in ("rss", "feed", "RDF"):
        items = parse_feed(body, url)
        return Classified("feed", len(items), newest=_newest(items))
    return Classified("")


def _newest(found: list[Candidate]) -> datetime | None:
    dates = [c.when for c in found if c.when is not None]
    return max(dates) if dates else None
