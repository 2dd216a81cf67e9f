"""Operating Pantau: crawl health, the review workflow of flagged articles, and Kibana saved objects."""
