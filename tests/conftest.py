"""Shared fixtures: one real OpenSearch node per test session, and an isolated index prefix per test.

With PANTAU_SEARCH_URL set, tests use that cluster and start nothing. Otherwise the session starts the embedded
node (var/test/search-node, port 9251) and stops it at the end.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pantau.config import Settings, load_settings
from pantau.store import node
from pantau.store.client import Store
from pantau.store.templates import drop_all
from tests import shared

ROOT = Path(__file__).resolve().parents[1]
TEST_VAR = ROOT / "var" / "test"
TEST_PORT = int(os.environ.get("PANTAU_TEST_ENGINE_PORT", "9251"))


def pytest_configure(config: pytest.Config) -> None:
    """No shared reference data: one clear message instead of a collection error in every module that reads it."""
    problem = shared.missing()
    if problem:
        pytest.exit(problem, returncode=2)


def make_settings(**overrides: str) -> Settings:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PANTAU_")}
    if os.environ.get("PANTAU_SEARCH_URL"):
        for key in (
            "PANTAU_SEARCH_URL",
            "PANTAU_SEARCH_USER",
            "PANTAU_SEARCH_PASSWORD",
            "PANTAU_SEARCH_API_KEY",
            "PANTAU_SEARCH_CA_FILE",
        ):
            if key in os.environ:
                env[key] = os.environ[key]
    env.update(
        PANTAU_HOME=str(ROOT),
        PANTAU_PATHS_VAR_DIR=str(TEST_VAR),
        PANTAU_ENGINE_PORT=str(TEST_PORT),
        PANTAU_ENGINE_TRANSPORT_PORT=str(TEST_PORT + 100),
        PANTAU_ENGINE_HEAP="768m",
        PANTAU_SEARCH_MAX_RETRIES="3",
        PANTAU_SEARCH_BACKOFF_INITIAL="0.2",
        PANTAU_SEARCH_BACKOFF_MAX="2",
    )
    env.update(overrides)
    return load_settings(env)


@pytest.fixture(scope="session")
def node_settings() -> Iterator[Settings]:
    settings = make_settings()
    if settings.external_search:
        yield settings
        return
    was_running = node.status(settings).running
    node.start(settings)
    yield settings
    if not was_running:
        node.stop(settings)


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """One temporary Prefect server (SQLite) for the whole session: it takes ~15 s to start."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def prefix() -> str:
    return f"pantau-t-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def store(node_settings: Settings, prefix: str) -> Iterator[Store]:
    settings = make_settings(PANTAU_SEARCH_URL=node_settings.search_url, PANTAU_SEARCH_INDEX_PREFIX=prefix)
    st = Store.connect(settings)
    yield st
    drop_all(st)
    st.close()
