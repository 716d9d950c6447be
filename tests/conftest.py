"""Test fixtures: one real graph server per test run.

Without NEO4J_URI a fresh embedded ArcadeDB server is started on a free port
with a temporary AIKG_HOME. With NEO4J_URI the suite runs against that Neo4j;
it deletes the database's contents between tests, so it refuses to run unless
AIKG_TEST_ALLOW_WIPE=1 confirms the database is disposable.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.config import EmbeddedSettings, neo4j_config_from_env
from graph.schema import ensure_schema
from graph.server import EmbeddedServer
from graph.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def aikg_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("aikg-home")


@pytest.fixture(scope="session")
def store_config(aikg_home):
    config = neo4j_config_from_env()
    if config is not None:
        if os.environ.get("AIKG_TEST_ALLOW_WIPE") != "1":
            pytest.exit("NEO4J_URI is set: the tests wipe that database; set AIKG_TEST_ALLOW_WIPE=1 to confirm")
        yield config
        return
    server = EmbeddedServer(EmbeddedSettings(home=aikg_home))
    try:
        yield server.ensure_running()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def cli_env(aikg_home, store_config) -> dict:
    """Environment for CLI invocations that should reach the test server."""
    env = {"AIKG_HOME": str(aikg_home)}
    return env


@pytest.fixture(autouse=False)
def env(monkeypatch, cli_env):
    for key, value in cli_env.items():
        monkeypatch.setenv(key, value)
    return cli_env


@pytest.fixture(scope="session")
def session_store(store_config):
    with GraphStore(store_config) as store:
        ensure_schema(store)
        yield store


@pytest.fixture
def store(session_store):
    """The test server's store, emptied before the test."""
    session_store.write("MATCH (n) DETACH DELETE n")
    return session_store


@pytest.fixture(scope="module")
def curated(session_store, cli_env):
    """The curated data loaded once per module, with the CLI environment set."""
    from helpers import load_graph

    load_graph(session_store, cli_env, ("up", "--no-app"))
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        yield session_store


@pytest.fixture(scope="session")
def wheel_install(tmp_path_factory):
    """aikg built as a wheel and installed (no -e) in a fresh venv outside the checkout
    (tests/wheel_tools.py). Never skipped: CI must exercise what users install."""
    from wheel_tools import build_and_install

    return build_and_install(tmp_path_factory.mktemp("wheel"))
