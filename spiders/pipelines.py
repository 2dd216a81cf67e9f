"""Item pipeline: one JSONL file of raw articles (`RawArticle.to_dict()`) per outlet in the crawl's output folder."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pantau.records import RawArticle

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


def outlet_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "outlet"


class JsonlPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.files: dict[str, IO[str]] = {}
        self.out_dir = Path()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonlPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        spider: Any = self.crawler.spider
        self.out_dir = Path(spider.plan.out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)

    def process_item(self, item: RawArticle) -> RawArticle:
        slug = outlet_slug(item.outlet)
        fh = self.files.get(slug)
        if fh is None:
            fh = (self.out_dir / f"{slug}.jsonl").open("a", encoding="utf-8")
            self.files[slug] = fh
        fh.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        fh.flush()
        return item

    def close_spider(self) -> None:
        for fh in self.files.values():
            fh.close()
