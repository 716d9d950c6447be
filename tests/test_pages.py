"""The browsing pages as a researcher reads them (issue 14), driven headless with AppTest on
the curated graph: Explore's start view and formatted facts, Openness newest first with
unknowns apart from closed, the Timeline's axis and table, Analytics' narrow tables, Cypher's
entity tables and graph, Export's format-true downloads and named RDF prefixes."""
from __future__ import annotations

import io
import re

import pyarrow as pa
import pytest
from rdflib import Dataset, Graph
from streamlit.testing.v1 import AppTest

from aikg.ui import tables
from aikg.ui.common import LABEL_COLORS
from graph import browse, export, rdf

NS_GENERATED = re.compile(r"\bns\d+:")


def page(module: str, setup: str = "") -> AppTest:
    return AppTest.from_string(f"import streamlit as st\nfrom aikg.ui import {module}\n{setup}\n{module}.render()\n",
                               default_timeout=90)


def explore(node_id: str) -> AppTest:
    app = page("explore_page")
    app.query_params["id"] = node_id
    app.run()
    assert not app.exception
    return app


def displayed(frame) -> list[list]:
    """What the browser shows in a styled table (the Styler's display values), row by row."""
    table = pa.ipc.open_stream(frame.proto.arrow_data.styler.display_values).read_all()
    return table.to_pandas().values.tolist()


# -- formatting helpers ----------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "text"), [(405_000_000_000, "405B"), (7_300_000_000, "7.3B"),
                                             (1_800_000_000_000, "1.8T"), (124_000_000, "124M"), (950, "950")])
def test_counts_read_as_researchers_write_them(value, text):
    assert tables.compact(value) == text


def test_money_is_whole_with_its_currency():
    assert tables.money(14300000000.0) == "US$14,300,000,000"
    assert tables.money_short(14300000000.0) == "US$14.3B"
    assert tables.fact("amount_usd", 14300000000.0) == "US$14,300,000,000 (US$14.3B)"
    assert tables.fact("amount_usd", 350000000, short=True) == "US$350M"
    assert tables.money(None) is None and tables.fact("url", None) is None and tables.fact("aliases", []) is None


# -- Explore ---------------------------------------------------------------------------------------

def test_explore_opens_on_a_start_view_with_links_and_examples(curated):
    app = page("explore_page")
    app.run()
    assert not app.exception
    assert [s.value for s in app.subheader] == ["Most connected organizations", "Most connected models",
                                                "Newest releases"]
    orgs, models, releases = (frame.value for frame in app.dataframe)
    assert {"Meta", "OpenAI"} <= set(orgs["name"]) and list(orgs["links"]) == sorted(orgs["links"], reverse=True)
    assert all(url.startswith("./explore?id=org:") for url in orgs["page"])
    assert len(models) == 10 and all(url.startswith("./explore?id=model:") for url in models["page"])
    dates = [d for d in releases["date"] if d]
    assert dates == sorted(dates, reverse=True) and dates[0] >= "2026"
    app.button(key="example_Scale AI").click().run()  # an example search fills the box and finds
    assert app.text_input(key="search").value == "Scale AI"
    assert app.selectbox(key="entity").value == "org:scale-ai"


def test_explore_facts_are_formatted_and_never_empty(curated):
    app = explore("model:llama-3.1-405b")
    facts = dict(zip(app.dataframe[0].value["property"], app.dataframe[0].value["value"]))
    assert facts["parameters"] == "405B (405,000,000,000)"
    assert facts["training_compute_flop"] == "3.8 × 10^25 FLOP"
    assert list(facts)[0] == "name" and list(facts)[-1] == "id"
    assert not [k for k, v in facts.items() if v in (None, "", "None") or "None" in str(v)]
    sources = app.dataframe[1].value
    assert {"name", "published", "publisher", "url", "id"} <= set(sources.columns)
    links = [u for u in sources["url"] if u]
    assert links and all(u.startswith("https://") for u in links)
    assert "2024-07-23" in set(sources["published"])


def test_explore_deal_amount_is_money(curated):
    app = explore("deal:meta-scale-ai-2025")
    facts = dict(zip(app.dataframe[0].value["property"], app.dataframe[0].value["value"]))
    assert facts["amount_usd"] == "US$14,300,000,000 (US$14.3B)"


def test_explore_graph_has_readable_captions_and_a_swatch_legend(curated):
    app = explore("org:meta")
    frame = str(app.get("iframe")[0].proto).replace('\\"', '"')
    assert '"captionSize": 2' in frame
    legend = frame[frame.index('"legend"'):]
    for label in ("Organization", "Release", "Person"):  # each kind drawn, with its colour swatch, in the legend
        assert f'{{"label": "{label}", "color": "{LABEL_COLORS[label].lower()}"}}' in legend
    # a few of each kind: people and deals are drawn, not crowded out by forty releases
    drawn = explore_rows(curated, "org:meta")
    assert {"HOLDS_ROLE", "HAS_PARTY", "RELEASED_BY"} <= {r["type"] for r in drawn} and len(drawn) == 20
    assert any("relationships drawn" in c.value for c in app.caption)


def explore_rows(store, node_id: str) -> list[dict]:
    from aikg.ui.explore_page import READ_AT_MOST, balanced
    from graph import queries

    return balanced(queries.neighborhood(store, node_id, limit=READ_AT_MOST), 20)


def test_explore_relationships_show_details_without_empty_values(curated):
    app = explore("person:mark-zuckerberg")
    rels = app.dataframe[2].value
    role = rels[rels["relationship"] == "HOLDS_ROLE"].iloc[0]
    assert "title:" in role["details"] and "None" not in role["details"] and "sources" not in role["details"]


# -- Openness --------------------------------------------------------------------------------------

def test_openness_newest_first_with_mof_early_and_unknowns_apart(curated):
    app = page("openness_page")
    app.run()
    assert not app.exception
    frame = app.dataframe[0]
    matrix = frame.value
    dates = [d for d in matrix["date"] if d]
    assert dates == sorted(dates, reverse=True)
    order = list(frame.proto.column_order)
    assert order.index("MOF class") <= 3 and order[4:6] == ["weights", "license"]
    assert '"width": 78' in frame.proto.columns  # the grade columns are narrow
    shown = displayed(frame)
    columns = list(matrix.columns)
    weights = [row[columns.index("weights")] for row in shown]
    graded = dict(zip(matrix["weights"], weights))
    assert graded["closed"] == "✕ closed" and graded["open"] == "✓ open"
    cells = [row[columns.index(d)] for row in shown for d in ("checkpoints", "architecture")]
    assert "?" in cells  # unknown: its own symbol, not closed's
    assert matrix.loc[0, "weights"] in ("open", "restricted", "closed", "unknown")  # the data keeps the grade
    note = next(m.value for m in app.markdown if "unknown" in m.value)
    unknown = sum((matrix[d] == "unknown").sum() for d in ("weights", "license", "checkpoints", "architecture",
                                                           "training_code", "inference_code", "training_data",
                                                           "fine_tuning_recipe", "evaluation", "tooling", "paper",
                                                           "model_card", "data_card"))
    assert f"{unknown:,} of" in note


# -- Timeline --------------------------------------------------------------------------------------

def test_timeline_axis_spans_the_releases(curated):
    from aikg.ui.timeline_page import axis_domain

    app = page("timeline_page")
    app.run()
    assert not app.exception
    spec = app.get("vega_lite_chart")[0].proto.spec
    events = app.dataframe[0].value
    first_release = min(d for d, k in zip(events["date"], events["kind"]) if k == "release")
    earliest = min(events["date"])
    assert earliest < first_release[:4]  # roles that started long before the first release
    domain = re.search(r'"domain": \["([0-9-]+)", "([0-9-]+)"\]', spec)
    assert domain and domain.group(1) > earliest and domain.group(1)[:4] >= str(int(first_release[:4]) - 1)
    assert '"clamp": true' in spec  # earlier events are drawn at the edge, not off the chart
    assert axis_domain([{"kind": "role", "day": "1990-01-01"}, {"kind": "release", "day": "2020-01-01"},
                        {"kind": "release", "day": "2024-01-01"}]) == ["2019-11-19", "2024-02-13"]


def test_timeline_table_starts_with_releases_and_shows_amounts(curated):
    app = page("timeline_page")
    app.run()
    app.selectbox(key="timeline_org").select("org:meta").run()
    events = app.dataframe[0].value
    kinds = list(events["kind"])
    assert kinds[0] == "release" and kinds == sorted(kinds, key=["release", "deal", "role"].index)
    deal = events[events["title"].str.contains("Scale AI", na=False) & (events["kind"] == "deal")].iloc[0]
    assert deal["amount"] == 14_300_000_000
    assert '"format": "US$%,d"' in app.dataframe[0].proto.columns


# -- Analytics -------------------------------------------------------------------------------------

def test_analytics_tables_are_narrow_enough_to_show_every_column(curated):
    app = page("analytics_page")
    app.run()
    assert not app.exception
    for frame in app.dataframe[:4]:
        order = list(frame.proto.column_order)
        assert order[:2] == ["name", "page"] and len(order) <= 4 and "id" not in order
    assert list(app.dataframe[3].proto.column_order) == ["name", "page", "depth"]


# -- Cypher ----------------------------------------------------------------------------------------

def cypher(query: str, params: str = "{}") -> AppTest:
    app = page("cypher_page")
    app.run()
    app.text_area(key="cypher").input(query)
    app.text_input(key="cypher_params").input(params)
    app.button(key="cypher_run").click().run()
    assert not app.exception and not app.error
    return app


def test_cypher_paths_become_tables_of_properties_and_a_graph(curated):
    app = cypher("MATCH p = (r:Release)-[:OF_MODEL]->(m:Model)-[:DEVELOPED_BY]->(o:Organization {id: $org}) "
                 "RETURN p LIMIT 5", '{"org": "org:mistral-ai"}')
    rows, nodes, rels = (frame.value for frame in app.dataframe)
    assert all(str(v).startswith("path of 3 nodes") for v in rows["p"])
    assert not any(str(v).lstrip().startswith(("{", "[")) for v in rows["p"])  # no raw JSON
    assert {"labels", "name", "id", "page"} <= set(nodes.columns)
    assert {"Release", "Model", "Organization"} <= set(nodes["labels"])
    assert set(rels["type"]) == {"OF_MODEL", "DEVELOPED_BY"}
    of_model = rels[rels["type"] == "OF_MODEL"].iloc[0]
    # oriented by the ontology: a release is OF_MODEL a model (which rows come first is the store's choice)
    assert of_model["from"] in set(nodes[nodes["labels"] == "Release"]["name"])
    assert of_model["to"] in set(nodes[nodes["labels"] == "Model"]["name"])
    assert (rels[rels["type"] == "DEVELOPED_BY"]["to"] == "Mistral AI").all()
    assert app.get("iframe") and "Mistral AI" in str(app.get("iframe")[0].proto)


def test_cypher_relationships_are_oriented_by_the_ontology(curated):
    # written end first: the console gets no direction, the labels give it
    app = cypher("MATCH (m:Model)<-[x:OF_MODEL]-(r:Release) WHERE m.id = $id RETURN m, x, r",
                 '{"id": "model:llama-3.1-405b"}')
    rels = app.dataframe[2].value
    assert rels.iloc[0]["from"].endswith("release") and rels.iloc[0]["to"] == "Llama 3.1 405B"
    assert "properties" in rels.columns and "type:" not in rels.iloc[0]["properties"]
    assert browse.relationship_ends()["HAS_PARTY"] >= {("Deal", "Organization")}


def test_cypher_amounts_show_as_whole_dollars(curated):
    app = cypher("MATCH (d:Deal {id: 'deal:meta-scale-ai-2025'}) RETURN d.name AS name, d.amount_usd AS amount_usd, d")
    frame = app.dataframe[0]
    assert '"format": "US$%,d"' in frame.proto.columns
    assert frame.value.iloc[0]["amount_usd"] == 14_300_000_000
    assert app.dataframe[1].value.iloc[0]["amount_usd"] == "US$14.3B"


def test_cypher_examples_fill_the_console(curated):
    app = page("cypher_page")
    app.run()
    app.selectbox(key="cypher_example").select("Release, model and lab (paths)").run()
    assert not app.exception
    assert "MATCH p =" in app.text_area(key="cypher").value and "mistral" in app.text_input(key="cypher_params").value


# -- Export ----------------------------------------------------------------------------------------

def test_export_download_always_matches_the_selected_format(curated):
    app = page("export_page")
    app.run()
    app.radio(key="export_format").set_value("Turtle").run()
    app.button(key="export_prepare").click().run()
    assert not app.exception
    button = app.get("download_button")[0]
    assert "aikg.ttl" in button.proto.label and "Turtle" in button.proto.label
    what, data = app.session_state["export"]
    assert what == "Turtle" and data.startswith("@prefix aikg: <https://w3id.org/aikg/> .")
    app.radio(key="export_format").set_value("GraphML").run()
    assert not app.get("download_button")  # the Turtle file is not offered as GraphML
    assert any("Prepare the GraphML file" in c.value for c in app.caption)
    app.button(key="export_prepare").click().run()
    assert "aikg.graphml" in app.get("download_button")[0].proto.label
    assert app.session_state["export"][1].lstrip().startswith("<?xml")


def test_export_of_an_answer_uses_named_prefixes(curated):
    app = page("export_page", "from aikg.ask import ask\nfrom aikg.ui.common import store\n"
                              "st.session_state['reply'] = ask(store(), 'What did Meta release?')")
    app.run()
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == ["Answer as CSV", "Answer as JSON", "Answer as Turtle", "Answer as JSON-LD", "Answer as GraphML"]
    nodes, rels = export.subgraph_data(curated, ["org:meta", "model:muse-spark", "release:muse-spark/2026-04"])
    turtle = rdf.subgraph_text(nodes, rels, "turtle")
    assert "@prefix schema: <http://schema.org/>" in turtle and not NS_GENERATED.search(turtle)
    assert set(Graph().parse(data=turtle, format="turtle")) == set(
        Graph().parse(data=export.to_rdf(nodes, rels, "nt"), format="nt"))


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_rdf_export_names_its_prefixes(curated, fmt):
    """`aikg export rdf` and the Export page: schema:, prov:, aikg:, dcat:, spdx:, wd:, never ns1:."""
    buffer = io.StringIO()
    count = rdf.write(curated, buffer, fmt)
    text = buffer.getvalue()
    header = text[:text.index("\n\n")]
    for prefix, ns in (("schema", "http://schema.org/"), ("prov", "http://www.w3.org/ns/prov#"),
                       ("aikg", "https://w3id.org/aikg/"), ("dcat", "http://www.w3.org/ns/dcat#"),
                       ("spdx", "http://spdx.org/rdf/terms#"), ("wd", "http://www.wikidata.org/entity/"),
                       ("mof", "https://w3id.org/aikg/mof/")):
        assert f"@prefix {prefix}: <{ns}> ." in header
    assert not NS_GENERATED.search(text)
    assert text.count("@prefix schema:") == 1  # declared once, not again on every streamed page
    assert "schema:name" in text and "prov:wasDerivedFrom" in text and "wd:Q380" in text
    assert "<https://w3id.org/aikg/id/model/llama-3.1-405b>" in text  # entities keep their full IRIs
    if fmt == "trig":
        data = Dataset()
        data.parse(data=text, format="trig")
        assert len({(s, p, o) for s, p, o, _ in data.quads()}) == count
    else:
        assert len(Graph().parse(data=text, format="turtle")) == count
