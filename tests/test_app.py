"""The Streamlit app, driven headless with AppTest against the test server."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from helpers import copy_fixture, run_cli

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def app(store, env, tmp_path):
    code, _, out = run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    assert code == 0, out
    return AppTest.from_file(APP, default_timeout=60)


def test_home_page_shows_counts(app):
    app.run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Model"] == "2" and metrics["Organization"] == "2"


def test_search_finds_an_entity_by_alias_and_opens_it(app):
    app.run()
    app.text_input(key="search").input("ExampleCorp").run()
    assert not app.exception
    assert app.selectbox(key="entity").value == "org:example-co"
    assert any("Example Co" in s.value for s in app.subheader)
    assert any("source:example-announcement" in m.value for m in app.markdown)


def test_search_without_match_says_so(app):
    app.run()
    app.text_input(key="search").input("no such thing").run()
    assert any("No entity matches" in i.value for i in app.info)


def test_aikg_app_serves_on_loopback(store, env):
    """`aikg app` (what `aikg up` ends with) really serves Streamlit on 127.0.0.1."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "aikg.cli", "app", "--port", str(port)],
                            env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and status != 200:
            try:
                status = urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).status
            except OSError:
                time.sleep(0.5)
        assert status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
