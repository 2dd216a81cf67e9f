"""The search engine: engine detection and the official client (client), opening the configured cluster (connect),
the embedded OpenSearch node (node), index templates from mappings/ (templates), bulk indexing and dead letters."""
