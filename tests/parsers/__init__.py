"""Stored pages and expected JSON for every family parser version (see README.md)."""
