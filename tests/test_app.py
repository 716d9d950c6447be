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
