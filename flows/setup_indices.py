"""Flow: apply the index templates, indices and aliases from mappings/ (idempotent).

Run once after deploying a new version of Pantau, or on demand; a second run changes nothing. The static
known_hoaxes of the fact base are seeded into `pantau-claims` (idempotent ids); the snapshot repository and daily
policy are registered when the cluster allows it (pantau.store.snapshots).
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task

from pantau.config import load_settings
from pantau.process.batch import facts_for
from pantau.store.claims_index import seed_from_facts
from pantau.store.connect import open_store
from pantau.store.snapshots import setup_snapshots
from pantau.store.templates import setup


@task(retries=3, retry_delay_seconds=[5, 15, 60])
def apply_mappings() -> list[dict[str, str]]:
    """Network IO against the search engine: retried on its own."""
    settings = load_settings()
    store = open_store(settings)
    try:
        return [*setup(store), seed_from_facts(store, facts_for(settings)), *setup_snapshots(store)]
    finally:
        store.close()


@flow(name="setup-indices", log_prints=True)
def setup_indices() -> list[dict[str, str]]:
    report = apply_mappings()
    logger = get_run_logger()
    for line in report:
        logger.info("%s: %s", line["object"], line["action"])
    return report


if __name__ == "__main__":
    setup_indices()
