"""Flow: apply the index templates, indices and aliases from mappings/ (idempotent).

Run once after deploying a new version of Pantau, or on demand; a second run changes nothing.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task

from pantau.config import load_settings
from pantau.store.connect import open_store
from pantau.store.templates import setup


@task(retries=3, retry_delay_seconds=[5, 15, 60])
def apply_mappings() -> list[dict[str, str]]:
    """Network IO against the search engine: retried on its own."""
    store = open_store(load_settings())
    try:
        return setup(store)
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
