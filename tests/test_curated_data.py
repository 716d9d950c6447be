"""The curated data in data/: the seed articles' facts (issue 2) linked into the wider
landscape (issue 3)."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import queries

from helpers import load_graph, run_cli

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def graph(session_store, cli_env):
    """The whole curated data set, loaded once with `aikg up --no-app`."""
    load_graph(session_store, cli_env, ("up", str(DATA), "--no-app"))
    return session_store


def one(store, query, **params):
    rows = store.read(query, params)
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("node_id,label", [
    ("org:meta", "Organization"), ("org:meta-superintelligence-labs", "Organization"),
    ("org:scale-ai", "Organization"), ("person:alexandr-wang", "Person"),
    ("person:mark-zuckerberg", "Person"), ("model:muse-spark", "Model"),
    ("model:llama-3.1-405b", "Model"), ("model:llama-4-scout", "Model"), ("model:llama-4-maverick", "Model"),
])
def test_seed_entities_exist(graph, node_id, label):
    row = one(graph, "MATCH (n {id: $id}) RETURN labels(n) AS labels, n.sources AS sources", id=node_id)
    assert row["labels"] == [label] and row["sources"]


def test_msl_is_part_of_meta(graph):
    one(graph, "MATCH (:Organization {id: 'org:meta-superintelligence-labs'})-[:PART_OF]->"
               "(:Organization {id: 'org:meta'}) RETURN 1 AS ok")


def test_meta_scale_deal_amount_and_stake(graph):
    row = one(graph, "MATCH (d:Deal)-[:HAS_PARTY]->(:Organization {id: 'org:scale-ai'}) "
                     "MATCH (d)-[:HAS_PARTY]->(:Organization {id: 'org:meta'}) "
                     "RETURN DISTINCT d.amount_usd AS amount, d.stake_percent AS stake, d.announced AS announced")
    assert row == {"amount": 14_300_000_000, "stake": 49.0, "announced": "2025-06-12"}
    assert isinstance(row["amount"], int)  # money is stored as whole dollars


def test_wang_is_meta_chief_ai_officer_from_june_2025(graph):
    row = one(graph, "MATCH (:Person {id: 'person:alexandr-wang'})-[r:HOLDS_ROLE]->(:Organization {id: 'org:meta'}) "
                     "WHERE toLower(r.title) CONTAINS 'chief ai officer' RETURN r.start_date AS start, r.sources AS s")
    assert row["start"] == "2025-06-30" and row["s"]
    one(graph, "MATCH (:Person {id: 'person:alexandr-wang'})-[r:HOLDS_ROLE]->(:Organization {id: 'org:scale-ai'}) "
               "WHERE toLower(r.title) CONTAINS 'founder' RETURN count(r) AS c")


def test_muse_spark_release_is_closed_with_its_channels(graph):
    rows = graph.read("MATCH (r:Release)-[:OF_MODEL]->(:Model {id: 'model:muse-spark'}) "
                      "OPTIONAL MATCH (r)-[:VIA_CHANNEL]->(c:AccessChannel) "
                      "RETURN r.id AS release, r.date AS date, collect(c.access_kind) AS kinds")
    assert len(rows) == 1 and rows[0]["date"].startswith("2026-04")
    assert {"consumer_app", "private_api_preview"} <= set(rows[0]["kinds"])
    assert not {"open_download", "gated_download"} & set(rows[0]["kinds"])
    weights = graph.read("MATCH (:Release {id: $id})-[:SHIPPED]->(a:Artifact) "
                         "WHERE a.artifact_kind IN ['final_weights', 'intermediate_weights'] "
                         "RETURN a.availability AS availability", {"id": rows[0]["release"]})
    assert weights and all(w["availability"] == "closed" for w in weights)


@pytest.mark.parametrize("model", ["model:llama-4-scout", "model:llama-4-maverick"])
def test_llama_4_shipped_downloadable_weights_under_its_license(graph, model):
    row = one(graph, "MATCH (r:Release)-[:OF_MODEL]->(:Model {id: $m}) "
                     "MATCH (r)-[:SHIPPED]->(a:Artifact {artifact_kind: 'final_weights'})-[:UNDER_LICENSE]->(l:License) "
                     "MATCH (r)-[:VIA_CHANNEL]->(c:AccessChannel) "
                     "WHERE c.access_kind IN ['open_download', 'gated_download'] "
                     "RETURN DISTINCT a.availability AS availability, l.id AS license", m=model)
    assert row["availability"] in ("open", "gated") and row["license"] == "license:llama-4-community"


def test_muse_spark_benchmarks_and_safety(graph):
    rows = graph.read("MATCH (r:BenchmarkResult)-[:OF_MODEL]->(:Model {id: 'model:muse-spark'}) "
                      "MATCH (r)-[:ON_BENCHMARK]->(b:Benchmark) RETURN b.id AS b, r.score AS s, r.setting AS setting")
    scores = {r["b"]: r["s"] for r in rows}
    assert scores["benchmark:humanitys-last-exam"] == 58.0
    assert scores["benchmark:frontierscience-research"] == 38.0
    row = one(graph, "MATCH (a:SafetyAssessment)-[:ASSESSES]->(:Model {id: 'model:muse-spark'}) "
                     "RETURN a.max_risk_level AS level")
    assert row["level"] == "high"


def test_nothing_is_sourceless(graph):
    assert queries.sourceless(graph) == {"nodes": 0, "relationships": 0}


def test_every_source_id_names_a_source_node(graph):
    rows = graph.read("MATCH (n) UNWIND n.sources AS s WITH DISTINCT s "
                      "OPTIONAL MATCH (src:Source {id: s}) WITH s, src WHERE src IS NULL RETURN s")
    assert rows == []


# -- the wider landscape (issue 3) ---------------------------------------------------------
FLOOR = {"Release": 250, "Model": 150, "Organization": 40, "License": 40, "Person": 60, "Deal": 30}

NAMED_ORGANIZATIONS = [
    "org:openai", "org:anthropic", "org:google-deepmind", "org:meta", "org:xai", "org:mistral-ai",
    "org:deepseek", "org:alibaba", "org:moonshot-ai", "org:zhipu-ai", "org:minimax", "org:microsoft",
    "org:amazon", "org:nvidia", "org:cohere", "org:ai2", "org:tii", "org:ibm", "org:apple", "org:01-ai",
    "org:baidu", "org:tencent", "org:stability-ai", "org:eleutherai", "org:bigscience", "org:databricks",
    "org:snowflake", "org:ai21-labs", "org:reka-ai", "org:inflection-ai",
]


def test_coverage_meets_the_floor(graph):
    nodes = queries.stats(graph)["nodes"]
    for label, floor in FLOOR.items():
        assert nodes[label] >= floor, (label, nodes[label])
    [row] = graph.read("MATCH (r:Release) RETURN min(r.date) AS first, max(r.date) AS last, "
                       "count(DISTINCT r.model) AS n")
    assert row["first"] <= "2018-12" and row["last"] >= "2026"
    [row] = graph.read("MATCH (m:Model)<-[:OF_MODEL]-(:Release) RETURN count(DISTINCT m) AS n")
    assert row["n"] >= 150
    [row] = graph.read("MATCH (r:Release)-[:RELEASED_BY]->(o:Organization) RETURN count(DISTINCT o) AS n")
    assert row["n"] >= 40
    [row] = graph.read("MATCH (:Person)-[r:HOLDS_ROLE]->() WHERE r.start_date IS NOT NULL "
                       "RETURN count(DISTINCT startNode(r)) AS n")
    assert row["n"] >= 60


def test_check_is_clean_on_the_curated_data(graph, cli_env, monkeypatch):
    for key, value in cli_env.items():
        monkeypatch.setenv(key, value)
    code, report, output = run_cli("check", str(DATA), "--json")
    assert code == 0 and report["ok"], output


@pytest.mark.parametrize("org", NAMED_ORGANIZATIONS)
def test_each_named_organization_says_what_it_released_how_and_under_which_license(graph, org):
    rows = graph.read(
        "MATCH (o:Organization {id: $org}) "
        "MATCH (r:Release)-[:RELEASED_BY]->(x:Organization) "
        "WHERE x.id = o.id OR EXISTS { MATCH (x)-[:PART_OF*1..3]->(o) } "
        "OPTIONAL MATCH (r)-[:SHIPPED]->(w:Artifact {artifact_kind: 'final_weights'}) "
        "OPTIONAL MATCH (r)-[:UNDER_LICENSE]->(l:License) "
        "RETURN r.id AS release, r.date AS date, w.availability AS weights, l.id AS license", {"org": org})
    assert rows, f"{org} has no release"
    assert all(r["date"] for r in rows)
    assert any(r["weights"] for r in rows), f"{org}: no release says how its weights were shared"
    assert any(r["license"] for r in rows), f"{org}: no release names its license"


def test_meta_path_from_open_weights_to_muse_spark(graph):
    rows = graph.read(
        "MATCH (r:Release)-[:RELEASED_BY]->(:Organization {id: 'org:meta'}) "
        "MATCH (r)-[:SHIPPED]->(w:Artifact {artifact_kind: 'final_weights'}) "
        "RETURN r.date AS date, w.availability AS weights ORDER BY date")
    before = [r for r in rows if r["date"] < "2026-04"]
    assert sum(r["weights"] in ("open", "gated") for r in before) >= 20
    assert rows[-1]["weights"] == "closed", "Muse Spark, the latest, ships no weights"


@pytest.mark.parametrize("model", ["model:gpt-4", "model:claude-3-opus", "model:gemini-1.5-pro"])
def test_rival_closed_flagships_are_there_without_weights(graph, model):
    rows = graph.read("MATCH (r:Release)-[:OF_MODEL]->(:Model {id: $m}) "
                      "MATCH (r)-[:SHIPPED]->(w:Artifact {artifact_kind: 'final_weights'}) "
                      "RETURN w.availability AS weights", {"m": model})
    assert rows and all(r["weights"] == "closed" for r in rows)
