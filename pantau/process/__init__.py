"""Processing stages, pure functions over records (no IO): clean, language, relevance and topics, regions (with the
gazetteer), entities, claims, story clusters; `batch` chains them, `quality` and `quality_real` measure them
on labelled sets. Where a stage needs the engine (debunked claims, story candidates) the flow hands it a lookup."""
