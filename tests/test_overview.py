"""The Overview page (the app's first page) and what it draws, the Ask page's decline buttons
and an answer's subgraph: graph.overview against the graph.openness / graph.frontier grading,
and the pages driven headless with AppTest on the curated data and on an empty graph."""
from __future__ import annotations

import json
import time
from pathlib import Path

from helpers import app_page, asked
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def charts(app: AppTest) -> list[dict]:
    """The Vega-Lite specs the page drew (AppTest runs no JavaScript: the browser test sees them drawn)."""
    found = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            walk(child)
        if getattr(node, "type", None) == "vega_lite_chart":
            found.append(json.loads(node.proto.spec))
    walk(app.main)
    return found


def fresh_overview_cache() -> None:
    from aikg.ui import overview_page

    overview_page._landscape.clear()
    overview_page._specs.clear()


# ---- graph.overview: the same grades and criteria as the pages below it --------------------

def test_releases_graded_as_the_openness_page_grades_them(curated):
    from graph import openness, overview

    rows = overview.releases(curated)
    assert len(rows) == curated.read("MATCH (r:Release) RETURN count(r) AS c")[0]["c"]
    profiles = {p["release"]: p for p in openness.release_profiles(curated, [r["id"] for r in rows])}
    assert all(r["weights"] == profiles[r["id"]]["dimensions"]["weights"]["grade"] for r in rows)
    assert {r["weights"] for r in rows} >= {"open", "restricted", "closed"}


def test_frontier_releases_are_those_of_frontier_models(curated):
    from graph import frontier, overview

    models = {m["id"] for m in frontier.frontier_models(curated, overview.FRONTIER_CRITERION)}
    of_model = {r["id"]: r["model_id"] for r in curated.read(
        "MATCH (r:Release)-[:OF_MODEL]->(m:Model) RETURN r.id AS id, m.id AS model_id")}
    flagged = {r["id"] for r in overview.releases(curated) if r["frontier"]}
    assert flagged and flagged == {rid for rid, mid in of_model.items() if mid in models}


def test_landscape_adds_up(curated):
    from graph import overview, queries

    rows = overview.releases(curated)
    data = overview.landscape(curated)
    stats = queries.stats(curated)
    assert data["nodes"] == sum(stats["nodes"].values()) and data["relationships"] == sum(stats["relationships"].values())
    assert data["newest_release"] == max(r["date"] for r in rows if r["date"])
    assert data["newest_fact"] >= data["newest_release"]
    # every release of Meta in a quarter is one of its bars
    meta_bars = sum(b["releases"] for b in data["per_quarter"]["bars"] if b["lab_id"] == "org:meta")
    meta = [r for r in rows if any(o["id"] == "org:meta" for o in r["orgs"]) and overview.quarter(r["date"])]
    assert meta_bars == len(meta)
    ranked = overview.top_labs(rows)  # the labs with most releases first, as drawn
    assert [lab["name"] for lab in ranked] == data["per_quarter"]["labs"][:-1]
    assert [lab["releases"] for lab in ranked] == sorted((lab["releases"] for lab in ranked), reverse=True)
    assert data["per_quarter"]["labs"][-1] == overview.OTHER_LABS
    for year in {f["year"] for f in data["frontier"]}:
        bars = [f for f in data["frontier"] if f["year"] == year]
        assert sum(b["releases"] for b in bars) == bars[0]["total"]
        assert bars[0]["shipped"] == sum(b["releases"] for b in bars if b["weights"] in overview.SHIPPED)
    dates = [r["date"] for r in data["newest"]]
    assert dates == sorted(dates, reverse=True) and dates[0] == data["newest_release"]


def test_quarters():
    from aikg.ui.overview_page import quarter_range
    from graph.overview import quarter

    assert [quarter(d) for d in ("2024-02-29", "2024-04", "2024-12", "2024", None)] == \
        ["2024 Q1", "2024 Q2", "2024 Q4", None, None]
    bars = [{"quarter": "2023 Q3"}, {"quarter": "2024 Q2"}]
    assert quarter_range(bars) == ["2023 Q3", "2023 Q4", "2024 Q1", "2024 Q2"]
    assert quarter_range(bars, most=2) == ["2024 Q1", "2024 Q2"]


# ---- the Overview page ------------------------------------------------------------------------

def test_app_opens_on_the_overview_with_charts_and_newest_releases(curated):
    fresh_overview_cache()
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    assert not app.exception
    assert app.title[0].value == "The AI release landscape"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Releases"] == f"{curated.read('MATCH (r:Release) RETURN count(r) AS c')[0]['c']:,}"
    assert {"Nodes", "Relationships", "Newest fact"} <= set(metrics)
    quarters, frontier = charts(app)
    drawn = json.dumps(quarters)
    assert '"Meta"' in drawn and '"org:meta"' in drawn and '"restricted"' in drawn
    assert '"name": "pick"' in drawn  # clickable: a selection named pick
    assert '"normalize"' in json.dumps(frontier)
    from graph import overview

    newest = app.dataframe[0].value
    expected = overview.newest(overview.releases(curated))
    assert list(newest["release"]) == [r["name"] for r in expected]
    assert all(str(u).startswith("./explore?id=release") for u in newest["page"])
    assert any("frontier" in c.value.lower() and "criterion" in c.value for c in app.caption)
    # the toolbar a reader sees: no Deploy button, no developer menu
    from streamlit import config

    assert config.get_option("client.toolbarMode") == "viewer"


def test_overview_renders_well_under_two_seconds(curated):
    fresh_overview_cache()
    app = app_page("overview_page")
    started = time.perf_counter()
    app.run()  # imports done by earlier tests: this is the page's own work, queries included
    cold = time.perf_counter() - started
    started = time.perf_counter()
    app.run()
    warm = time.perf_counter() - started
    assert not app.exception
    assert cold < 2.0 and warm < 1.0, (cold, warm)


def test_a_click_on_a_lab_opens_its_timeline(curated):
    """What the quarters chart's click records (overview_page._open_lab) is followed on the next run."""
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    app.session_state["overview_goto"] = ("timeline", {"timeline_org": "org:meta"}, {"org": "org:meta"})
    app.run()
    assert not app.exception
    assert app.title[0].value == "Timeline"
    assert app.query_params.get("org") in ("org:meta", ["org:meta"])
    assert app.selectbox(key="timeline_org").value == "org:meta"


def test_a_click_on_a_frontier_year_asks_the_frontier_question(curated):
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    app.session_state["overview_goto"] = ("ask", {}, {"q": "Which frontier models never shipped weights?"})
    app.run()
    assert not app.exception
    assert app.title[0].value == "Ask the graph"
    assert app.subheader[0].value == "Which frontier models never shipped weights?"
    assert "GPT-4" in set(app.dataframe[0].value["name"])


# ---- Ask: decline buttons, the answer's subgraph, every suggestion runnable -------------------

def test_decline_suggestions_are_buttons_that_run_the_question(curated):
    app = asked("Meta")
    assert not app.exception and "cannot answer" in app.warning[0].value
    labels = [b.label for b in app.button if b.key and b.key.startswith("suggestion_")]
    assert len(labels) == 3 and all(label.endswith(r"\(Meta\)") for label in labels)  # Markdown-escaped
    deals = next(i for i, label in enumerate(labels) if label.startswith("Which deals"))
    app.button(key=f"suggestion_{deals}").click().run()
    assert not app.exception and not app.warning
    assert app.subheader[0].value == "Which deals has an organization taken part in?"
    assert "deal:meta-scale-ai-2025" in set(app.dataframe[0].value["deal"])
    assert app.text_input(key="question").value == "Which deals has an organization taken part in? (Meta)"


def test_declined_words_never_fail_and_every_suggestion_answers(curated):
    from aikg.ask import Linker, answer_suggestion, ask, entity_rows

    linker = Linker(entity_rows(curated))
    # "who is the best" was routed to a question needing a stance it could not fill: a ValueError
    for text in ("who is the best", "what was released in a given year", "what is the weather in Paris", "Meta",
                 "x" * 2000):
        reply = ask(curated, text, linker)
        assert reply["suggested"], text
        for suggestion in reply["suggested"]:
            assert answer_suggestion(curated, suggestion)["answered"], (text, suggestion)


def test_an_answer_subgraph_holds_the_relationships_between_its_entities(curated):
    from aikg.ask import answer_ids, answer_subgraph, ask

    reply = ask(curated, "Which deals connect Meta and Scale AI?")
    assert {"org:meta", "org:scale-ai", "deal:meta-scale-ai-2025"} <= set(answer_ids(reply))
    nodes, rels = answer_subgraph(curated, reply)
    assert {"org:meta", "org:scale-ai", "deal:meta-scale-ai-2025"} <= {n["id"] for n in nodes}
    parties = {(r["start"], r["type"], r["end"]) for r in rels}
    assert {("deal:meta-scale-ai-2025", "HAS_PARTY", "org:meta"),
            ("deal:meta-scale-ai-2025", "HAS_PARTY", "org:scale-ai")} <= parties
    app = asked("Which deals connect Meta and Scale AI?")
    assert not app.exception
    caption = next(c.value for c in app.caption if "part of the graph" in c.value)
    assert "3 entities" in caption and "0 relationships" not in caption
    app.toggle(key="draw_answer_graph").set_value(True).run()
    assert not app.exception and "scale-ai" in str(app.get("iframe")[0].proto)


def test_ask_reads_a_question_from_the_link(curated):
    app = AppTest.from_string("import streamlit as st\nst.query_params['q'] = 'What did Meta release?'\n"
                              "from aikg.ui import ask_page\nask_page.render()\n", default_timeout=90)
    app.run()
    assert not app.exception
    assert app.subheader[0].value == "What did an organization release, when, and under which license?"


# ---- no store, an empty graph, a load in progress (last: they empty the module's graph) --------

def test_overview_without_a_store_says_how_to_start_it(curated, monkeypatch):
    from aikg.ui import common

    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NEO4J_USERNAME", "nobody")
    monkeypatch.setenv("NEO4J_PASSWORD", "nothing")
    common.store.clear()
    try:
        app = app_page("overview_page")
        app.run()
    finally:
        common.store.clear()  # the next page connects to the test server again
    assert not app.exception
    assert "cannot be reached" in app.error[0].value and "aikg up" in app.error[0].value


# ---- an empty graph, a load in progress (last: they empty the module's graph) --------------------

def test_overview_of_a_load_in_progress_says_so(store, env):
    from graph import loadstate

    fresh_overview_cache()
    loadstate.mark_loading(store, "0" * 64)
    app = app_page("overview_page")
    app.run()
    assert not app.exception
    assert "in progress" in app.info[0].value and not charts(app)


def test_overview_of_an_empty_graph_says_how_to_load_it(store, env):
    fresh_overview_cache()
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    assert not app.exception and not app.error
    assert "graph is empty" in app.info[0].value and "aikg up" in app.info[0].value
    assert not charts(app) and not app.dataframe
