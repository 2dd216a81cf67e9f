"""What a page calls its own site: og:site_name, application-name, the JSON-LD publisher, twitter:site and the
domain's own label ("okezone" for lifestyle.okezone.com). Titles lose these names as affixes, bylines that are
these names are the publisher and not a writer, and a lead naming only the site is no dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from pantau.extract.metadata import Page
from pantau.resources import load_json

SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site", "publisher")
_HOST = re.compile(r"[\w\-]+(?:\.[\w\-]+)+")
MAX_EXTRA_WORDS = 3  # words after a site's name in a text that is still the site ("Kompas.com Regional Jawa Timur")
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website"})


@cache
def byline_rules() -> dict[str, Any]:
    """The byline/site-name rules file (`pantau/data/bylines.json`) as data."""
    data: dict[str, Any] = load_json("bylines.json")
    return data


def squash(text: str) -> str:
    """Lower-cased letters and digits only: "ANTARA News" and "antaranews" compare equal."""
    return re.sub(r"[\W_]+", "", text.casefold())


def domain_label(url: str) -> str:
    """The site's own label in a host: "okezone" for lifestyle.okezone.com, "antaranews" for www.antaranews.com,
    "kbs" for world.kbs.co.kr (a closing two-letter country code is never the site's name)."""
    host = (urlsplit(url).hostname or "").lower()
    generic = set(byline_rules()["domain_suffixes"])
    labels = [lb for lb in host.split(".") if lb]
    if len(labels) > 1 and len(labels[-1]) == 2 and labels[-1].isalpha():
        labels.pop()
    while labels and labels[-1] in generic:
        labels.pop()
    return labels[-1] if labels else ""


@dataclass(frozen=True)
class SiteNames:
    names: tuple[str, ...]  # as the page prints them ("KOMPAS.com", "Tempo Gaya")
    keys: frozenset[str]  # squashed names, each name's first word, and the domain label
    label: str  # the domain label ("detik")
    full: frozenset[str]  # squashed whole names and domain labels (no first words)

    def initials(self) -> frozenset[str]:
        """The initials of the site's names of two to four words ("Daily Maverick" -> "DM"): a sign-off code."""
        out = set()
        for name in self.names:
            words = [w for w in re.split(r"[\s.\-]+", name) if w[:1].isalpha()]
            if 2 <= len(words) <= 4:
                out.add("".join(w[0] for w in words).upper())
        return frozenset(out)

    def is_exactly_site(self, text: str) -> bool:
        """Whether `text` is nothing but the site's name ("Liputan6.com", "KOMPAS.com", "Republika Online")."""
        text = text.strip()
        if squash(text) in self.keys:
            return True
        return bool(_HOST.fullmatch(text)) and squash(domain_label("http://" + text)) in self.keys

    def is_site(self, text: str, affix: bool = False) -> bool:
        """Whether `text` is the site's name, or a short text made of one of its whole names and at most
        `MAX_EXTRA_WORDS` more (a channel, a place): "Kompas Cyber Media", "Kompas.com Regional", "ANTARA News
        Otomotif"; or one more word before it: "Harian Kompas". A longer text, or one whose only tie to the site
        is a name's first word ("Suara Warga" on Suara Merdeka), is not. `affix`: `text` stands apart from a title
        or a byline ("... - detikNews"), where a short text that starts with the domain label counts too."""
        if squash(text) in self.keys:
            return True
        suffixes = _domain_suffixes()
        raw = [w for w in (squash(w) for w in re.split(r"[\s/|:.,()\-]+", text)) if w]
        words = [w for w in raw if w not in suffixes]
        if not words:
            return False
        for size in (1, 2, 3):  # a whole name of up to three words ("ANTARA News", "Kompas.com") ...
            if len(raw) < size:
                break
            head, tail = "".join(raw[:size]), "".join(raw[-size:])
            extra_after = [w for w in raw[size:] if w not in suffixes]  # ... then a channel and a place
            if head in self.full and len(extra_after) <= MAX_EXTRA_WORDS:
                return True
            if tail in self.full and len([w for w in raw[:-size] if w not in suffixes]) <= 1:  # "Harian Kompas"
                return True
        return affix and len(self.label) >= 4 and len(words) <= 1 + MAX_EXTRA_WORDS and words[0].startswith(self.label)


@cache
def _domain_suffixes() -> frozenset[str]:
    return frozenset(byline_rules()["domain_suffixes"])


def _publisher_names(page: Page) -> list[str]:
    out: list[str] = []
    ld = page.ld_article or {}
    pub = ld.get("publisher")
    for value in pub if isinstance(pub, list) else [pub]:
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            out.append(value["name"])
    for obj in page.ld:
        kind = obj.get("@type")
        types = {str(t).lower() for t in (kind if isinstance(kind, list) else [kind])}
        if types & _ORG_TYPES and isinstance(obj.get("name"), str):
            out.append(obj["name"])
    return out


def site_names(page: Page) -> SiteNames:
    names = [page.meta[k].lstrip("@") for k in SITE_META if page.meta.get(k)] + _publisher_names(page)
    names = [" ".join(n.split()) for n in names if n and len(n) <= 60]
    generic = set(byline_rules()["publisher_words"]) | set(byline_rules()["domain_suffixes"])
    keys = {squash(n) for n in names}
    for n in names:
        host_like = _HOST.fullmatch(n)
        keys.add(squash(domain_label("http://" + n) if host_like else n.split()[0].split(".")[0]))
    full = {squash(n) for n in names} | {squash(domain_label("http://" + n)) for n in names if _HOST.fullmatch(n)}
    bare = {squash(n.split(None, 1)[1]) for n in names if n.casefold().startswith("the ") and " " in n[4:].strip()}
    keys |= bare  # "The Jakarta Globe" also prints itself as "Jakarta Globe" (whole name only: "Jakarta" is a place)
    full |= bare
    label = squash(domain_label(page.url))
    keys.add(label)
    full.add(label)
    return SiteNames(
        tuple(dict.fromkeys(names)),
        frozenset(k for k in keys if len(k) >= 3 and k not in generic),
        label,
        frozenset(k for k in full if len(k) >= 3 and k not in generic),
    )
