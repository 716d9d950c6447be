"""The Streamlit app, driven headless with AppTest against the test server, on the curated data."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import app_page, asked
from streamlit.testing.v1 import AppTest


APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_app_opens_on_the_overview_page(curated):
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    assert not app.exception
    assert app.title[0].value == "The AI release landscape"


def test_ask_answers_with_table_cypher_and_sources(curated):
    app = asked("Which frontier models shipped weights?")
    assert not app.exception
    assert app.subheader[0].value == "Which frontier models shipped weights?"
    table = app.dataframe[0].value
    assert "Llama 3.1 405B" in set(table["name"])
    assert "GPT-4" not in set(table["name"])
    assert any("MATCH" in c.value or "frontier" in c.value for c in app.code)
    assert any(c.value.startswith("Sources:") for c in app.caption)


def test_ask_shows_more_rows_of_a_long_list(curated):
    app = asked("open weights with restrictive licenses")
    assert not app.exception
    assert "More rows exist" in app.info[0].value and len(app.dataframe[0].value) == 100
    app.number_input(key="rows_at_most").set_value(1000)
    app.button(key="more_rows").click().run()
    assert not app.exception and not app.info
    assert len(app.dataframe[0].value) > 100


def test_ask_declines_with_suggestions(curated):
    app = asked("what is the weather in Paris")
    assert app.warning and "cannot answer" in app.warning[0].value
    assert app.button(key="suggestion_0").label  # suggestions are buttons that run the question


def test_explore_search_facts_sources_and_graph(curated):
    app = app_page("explore_page")
    app.run()
    app.text_input(key="search").input("Muse Spark").run()
    assert not app.exception
    assert app.selectbox(key="entity").value == "model:muse-spark"
    assert app.header[0].value == "Muse Spark"
    facts = app.dataframe[0].value
    assert "name" in set(facts["property"])
    assert len(app.dataframe[1].value) >= 1
    assert len(app.dataframe[2].value) >= 3
    # the graph component cannot run JavaScript here: check it was handed a graph
    assert "muse-spark" in str(app.get("iframe")[0].proto)


def test_openness_matrix_filters(curated):
    app = app_page("openness_page")
    app.run()
    assert not app.exception
    app.selectbox(key="org").select("org:meta").run()
    matrix = app.dataframe[0].value
    muse = matrix[matrix["model"] == "Muse Spark"].iloc[0]
    assert muse["weights"] == "closed" and "MOF class" in matrix.columns


def test_timeline_shows_releases_deals_and_roles(curated):
    app = app_page("timeline_page")
    app.run()
    app.selectbox(key="timeline_org").select("org:meta").run()
    assert not app.exception
    events = app.dataframe[0].value
    assert {"release", "deal", "role"} <= set(events["kind"])


def test_cypher_console_reads_and_refuses_writes(curated):
    app = app_page("cypher_page")
    app.run()
    app.button(key="cypher_run").click().run()
    assert not app.exception and len(app.dataframe[0].value) > 0
    before = curated.read("MATCH (n) RETURN count(n) AS c")
    app.text_area(key="cypher").input("CREATE (n:Organization {id: 'org:evil', name: 'x'})")
    app.button(key="cypher_run").click().run()
    assert app.error and "Refused" in app.error[0].value
    assert curated.read("MATCH (n) RETURN count(n) AS c") == before


def test_export_prepares_rdf(curated):
    app = app_page("export_page")
    app.run()
    app.radio(key="export_format").set_value("Turtle")
    app.button(key="export_prepare").click().run()
    assert not app.exception
    assert app.get("download_button")


def test_aikg_app_serves_on_loopback(curated, cli_env):
    """`aikg app` (what `aikg up` ends with) really serves Streamlit on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "aikg.cli", "app", "--port", str(port)],
                            env={**os.environ, **cli_env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
    with pytest.raises(OSError):  # nothing left serving: the app was not a child outliving `aikg app`
        urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)


def test_export_of_the_current_answer(curated):
    from graph import export
    from aikg.ask import ask

    reply = ask(curated, "What did Meta release?")
    ids = export.ids_in(reply["rows"])
    assert "release:muse-spark/2026-04" in ids
    nodes, rels = export.subgraph_data(curated, ids)
    turtle = export.to_rdf(nodes, rels, "turtle")
    assert "muse-spark" in turtle and "wasDerivedFrom" in turtle
    from rdflib import Graph

    assert len(Graph().parse(data=turtle, format="turtle")) > 0
    assert "<graphml" in export.to_graphml(nodes, rels)

    app = AppTest.from_string("import streamlit as st\nfrom aikg.ask import ask\nfrom aikg.ui import export_page\n"
                              "from aikg.ui.common import store\n"
                              "st.session_state['reply'] = ask(store(), 'What did Meta release?')\n"
                              "export_page.render()\n", default_timeout=90)
    app.run()
    assert not app.exception
    assert any("entities" in c.value for c in app.caption)


def test_analytics_page(curated):
    app = app_page("analytics_page")
    app.run()
    assert not app.exception
    orgs = app.dataframe[0].value
    assert {"Meta", "OpenAI"} <= set(orgs["name"])
    assert len(app.dataframe) == 5
