"""Scrapy settings shared by every Pantau spider: polite by default.

Values that depend on the deployment (contact URL in the User-Agent, size caps) are read from Pantau's
configuration by the crawl command and passed in as Scrapy settings overrides.
"""

BOT_NAME = "pantau"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "PantauBot/0.1 (+https://github.com/kpu-pantau/pantau; media monitoring for KPU)"
ROBOTSTXT_OBEY = True

# A shard crawls hundreds of sites at once: many requests in flight overall, at most 2 per site (the download
# slot is the real site, see OutletSpider._request), and the scheduler hands out requests of idle sites first.
CONCURRENT_REQUESTS = 64
CONCURRENT_REQUESTS_PER_DOMAIN = 2
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
REACTOR_THREADPOOL_MAXSIZE = 20
DNS_TIMEOUT = 10
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# Pantau's BackoffMiddleware waits base * 2**(n-1) seconds (capped) before the n-th retry.
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
