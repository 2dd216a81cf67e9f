"""Crawling support: the outlet registry, what one crawl run does (plan), discovery of article URLs, the URL map
for local serving, the seen state, and the Scrapy subprocess that runs a crawl (runner). Scrapy code is in spiders/."""
