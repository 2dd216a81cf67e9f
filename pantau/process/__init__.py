"""Processing stages, pure functions over records (no IO): clean, language, relevance and topics, regions (with the
gazetteer), entities, claims, story clusters; `batch` chains them, `quality` measures them on a labelled set and
`story_state` keeps the story index between runs."""
