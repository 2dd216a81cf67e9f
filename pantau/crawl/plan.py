"""What one crawl run does: which outlets, from when, into which folder, over which URL map.

`pantau crawl` writes a plan as JSON and hands it to the Scrapy subprocess (spiders/run.py), which reads it back.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pantau.errors import ConfigError
from pantau.text.dates import WIB


@dataclass
class CrawlPlan:
    outlets: list[dict[str, Any]]
    since: str
    out_dir: str
    url_map: dict[str, str] = field(default_factory=dict)
    use_seen: bool = True
    pilkada_only: bool = True
    allow_private: bool = False
    max_articles_per_outlet: int = 500
    until: str | None = None

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: Path) -> CrawlPlan:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


def parse_since(value: str | None, default_days: int, now: datetime | None = None) -> datetime:
    """--since as a date (2024-11-20), a date-time with offset, or a span ("3d", "12h"); naive means WIB."""
    now = now or datetime.now(WIB)
    if not value:
        return now - timedelta(days=default_days)
    span = re.fullmatch(r"\s*(\d+)\s*([dhm])\s*", value)
    if span:
        amount, unit = int(span.group(1)), span.group(2)
        return now - {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(f"--since {value!r} is not a date (2024-11-20), a date-time or a span like 3d") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=WIB)
