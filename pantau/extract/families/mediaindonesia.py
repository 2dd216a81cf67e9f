"""Media Indonesia (mediaindonesia.com).

Selector sources: fundus `src/fundus/publishers/id/media_indonesia.py` (body paragraphs under `div.article`,
sub-headlines `div.article > h2`, title / author / date from JSON-LD) and the stored page in the shared reference data
(`figure.main-img` caption, `div.ext-channel` "Cek berita ..." prompt, `div.info-author` "Editor :" credit,
`ul.related-tags`).
"""

from __future__ import annotations

from datetime import date

from pantau.extract.families.base import Family, Parser


class V1(Parser):
    family = "mediaindonesia"
    version = "V1"
    valid_from = date(2019, 1, 1)
    title = ("h1",)
    body = ("div.article",)
    drop = ("figure.main-img", ".ext-channel", ".info-author", ".amp-flying-carpet-wrapper", ".dfp-ad", "._ap_apex_ad")
    published = ()
    author = ()
    tags = (("meta[name='news_keywords']", "content"), ("ul.related-tags li a", None))


FAMILY = Family("mediaindonesia", ("mediaindonesia.com",), (V1,))
