"""networkx analytics and graph-file exports on the curated data."""
from __future__ import annotations

import networkx as nx
import pytest

from graph import queries
from graph.analytics import analyze

from helpers import run_cli


def test_centrality_lineage_and_communities(curated):
    result = analyze(curated)
    assert result["network"]["nodes"] > 500 and result["network"]["edges"] > 500
    central = [r["id"] for r in result["centrality"]["Organization"]]
    assert {"org:meta", "org:openai"} <= set(central)
    assert all(r["betweenness"] >= 0 for r in result["centrality"]["Person"])
    derived = {r["id"]: r for r in result["lineage"]["most_derived"]}
    assert any(i.startswith("model:llama") for i in derived)
    assert all(r["descendants"] >= r["direct"] >= 1 for r in derived.values())
    assert result["lineage"]["deepest"][0]["depth"] >= 2
    meta = next(c for c in result["communities"] if "Meta" in c["organizations"])
    assert "Scale AI" in meta["organizations"]


def test_cli_analyze_json(curated):
    code, result, _ = run_cli("analyze", "--json")
    assert code == 0 and set(result) == {"network", "centrality", "lineage", "communities"}


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_parse_back_with_every_node_and_relationship(curated, tmp_path, fmt, read):
    path = tmp_path / f"aikg.{fmt}"
    code, result, _ = run_cli("export", fmt, "-o", str(path), "--json")
    assert code == 0
    graph = read(path)
    stats = queries.stats(curated)
    assert graph.number_of_nodes() == sum(stats["nodes"].values()) == result["nodes"]
    assert graph.number_of_edges() == sum(stats["relationships"].values()) == result["relationships"]
    assert graph.nodes["model:muse-spark"]["name"] == "Muse Spark"
