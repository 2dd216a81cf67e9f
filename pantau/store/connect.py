"""Open the configured search engine: the external cluster named by PANTAU_SEARCH_URL, or the embedded node."""

from __future__ import annotations

import sys

from pantau.config import Settings
from pantau.store import node
from pantau.store.client import Store


def open_store(settings: Settings, start_embedded: bool = True) -> Store:
    """Connect to the engine; with no PANTAU_SEARCH_URL the embedded node is started first if it is down."""
    if not settings.external_search and start_embedded:
        current = node.status(settings)
        if not (current.running and current.health):
            print(f"pantau: starting the embedded search node on {settings.engine.url} ...", file=sys.stderr)  # noqa: T201  # the user is told why the command waits
            node.start(settings)
    return Store.connect(settings)
