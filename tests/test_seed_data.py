"""The curated data in data/ holds the seed articles' facts (the foundation's acceptance)."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import queries

from helpers import run_cli

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def graph(session_store, cli_env):
    session_store.write("MATCH (n) DETACH DELETE n")
    import os
    old = {k: os.environ.get(k) for k in cli_env}
    os.environ.update(cli_env)
    try:
        code, result, output = run_cli("up", str(DATA), "--no-app", "--json")
    finally:
        for k, v in old.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    assert code == 0, output
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
    assert row == {"amount": 14.3e9, "stake": 49.0, "announced": "2025-06"}


def test_wang_is_meta_chief_ai_officer_from_june_2025(graph):
    row = one(graph, "MATCH (:Person {id: 'person:alexandr-wang'})-[r:HOLDS_ROLE]->(:Organization {id: 'org:meta'}) "
                     "WHERE toLower(r.title) CONTAINS 'chief ai officer' RETURN r.start_date AS start, r.sources AS s")
    assert row["start"] == "2025-06" and row["s"]
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
