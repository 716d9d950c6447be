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


# -- AIKG_TEST_STORE=neo4j: a real Neo4j Community for the whole session (tests/neo4j_launcher.py) ----------
# Started in pytest_configure, before collection, so that NEO4J_* is set for everything that reads it:
# module-level checks (`neo4j_config_from_env()` in skipif marks), the app and the CLI subprocesses.
_NEO4J = {"server": None, "unavailable": None, "saved_env": {}, "tmp": None}


def _test_store() -> str:
    store = os.environ.get("AIKG_TEST_STORE", "embedded").strip().lower() or "embedded"
    if store not in ("embedded", "neo4j"):
        raise pytest.UsageError(f"AIKG_TEST_STORE={store!r}: use 'embedded' (default) or 'neo4j'")
    return store


def pytest_configure(config):
    if _test_store() != "neo4j" or os.environ.get("NEO4J_URI"):
        return  # the embedded server, or the Neo4j that NEO4J_URI names
    import tempfile

    import neo4j_launcher

    reason = neo4j_launcher.missing_tools()
    if reason:
        if os.environ.get("CI") == "true":
            raise pytest.UsageError(reason + " (CI=true: failing instead of skipping)")
        _NEO4J["unavailable"] = reason
        return
    _NEO4J["tmp"] = Path(tempfile.mkdtemp(prefix="aikg-neo4j-"))
    try:
        server = neo4j_launcher.start(_NEO4J["tmp"])
    except neo4j_launcher.LauncherError as exc:
        raise pytest.UsageError(f"AIKG_TEST_STORE=neo4j: {exc}") from None
    _NEO4J["server"] = server
    for key, value in server.environ().items():
        _NEO4J["saved_env"][key] = os.environ.get(key)
        os.environ[key] = value


def pytest_report_header(config):
    if _NEO4J["server"] is not None:
        server = _NEO4J["server"]
        return (f"store: Neo4j Community (tests/neo4j) at {server.uri}, database {server.database!r}, "
                f"started in {server.start_seconds:.1f} s")
    if _NEO4J["unavailable"]:
        return f"store: Neo4j requested but unavailable; every test is skipped: {_NEO4J['unavailable']}"
    return f"store: {'Neo4j at ' + os.environ['NEO4J_URI'] if os.environ.get('NEO4J_URI') else 'embedded ArcadeDB'}"


def pytest_collection_modifyitems(config, items):
    if _NEO4J["unavailable"]:
        skip = pytest.mark.skip(reason=_NEO4J["unavailable"])
        for item in items:
            item.add_marker(skip)


def pytest_unconfigure(config):
    server, _NEO4J["server"] = _NEO4J["server"], None
    if server is not None:
        server.stop()
        for key, value in _NEO4J["saved_env"].items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if _NEO4J["tmp"] is not None:
        import shutil

        shutil.rmtree(_NEO4J["tmp"], ignore_errors=True)
        _NEO4J["tmp"] = None


@pytest.fixture(scope="session")
def aikg_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("aikg-home")


@pytest.fixture(scope="session")
def store_config(aikg_home):
    if _NEO4J["unavailable"]:
        pytest.skip(_NEO4J["unavailable"])
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
