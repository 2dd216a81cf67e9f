"""Subprocess entry point of one crawl: `python -m spiders.run PLAN.json`.

Each crawl runs in its own process because Twisted's reactor cannot be restarted in one process, and a Prefect
flow crawls again and again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from pantau.config import load_settings
from pantau.crawl.plan import CrawlPlan
from spiders.outlet_spider import OutletSpider


def scrapy_settings(plan: CrawlPlan) -> Settings:
    pantau = load_settings().crawl
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.setdict(
        {
            "USER_AGENT": pantau.full_user_agent,
            "ROBOTSTXT_USER_AGENT": pantau.user_agent.split("/", 1)[0],
            "CONCURRENT_REQUESTS": pantau.concurrent_requests,
            "CONCURRENT_REQUESTS_PER_DOMAIN": pantau.concurrent_per_domain,
            "DOWNLOAD_DELAY": pantau.download_delay,
            "DOWNLOAD_MAXSIZE": pantau.max_page_bytes,
            "PANTAU_ALLOW_PRIVATE_ADDRESSES": plan.allow_private,
        },
        priority="cmdline",
    )
    if plan.allow_private:
        # The local sample site: no need to wait between requests to ourselves. Requests still go at most
        # concurrent_per_domain at a time per real site (download slot per site, spiders/outlet_spider.py).
        settings.setdict(
            {
                "DOWNLOAD_DELAY": 0,
                "AUTOTHROTTLE_START_DELAY": 0.01,
                "AUTOTHROTTLE_MAX_DELAY": 1,
                "RETRY_BACKOFF_BASE": 0.05,
            },
            priority="cmdline",
        )
    return settings


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m spiders.run PLAN.json", file=sys.stderr)
        return 2
    plan_path = Path(argv[0])
    plan = CrawlPlan.read(plan_path)
    process = CrawlerProcess(scrapy_settings(plan), install_root_handler=True)
    process.crawl(OutletSpider, plan=str(plan_path))
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
