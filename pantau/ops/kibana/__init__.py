"""Kibana saved objects: the file (objects), the fields they use (queries, fields) and the import (importer)."""
