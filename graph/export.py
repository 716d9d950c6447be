"""The graph (or a part of it) as files: GraphML for Gephi, CSV, and RDF (the same
mapping as the streaming export in graph/rdf.py)."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
from rdflib import Graph

from graph.store import GraphStore
from ontology.vocab import vocabulary

NODES = "MATCH (n) WHERE NOT n:AikgLoadState RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props ORDER BY id"
RELS = ("MATCH (a)-[r]->(b) RETURN a.id AS start, labels(a)[0] AS start_label, type(r) AS type, b.id AS end, "
        "properties(r) AS props ORDER BY start, type, end")


def subgraph_data(store: GraphStore, ids: list[str]) -> tuple[list[dict], list[dict]]:
    """The named entities and the relationships among them (an answer's part of the graph)."""
    nodes = store.read("MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, labels(n)[0] AS label, "
                       "properties(n) AS props ORDER BY id", {"ids": ids})
    rels = store.read("MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS start, "
                      "labels(a)[0] AS start_label, type(r) AS type, b.id AS end, properties(r) AS props "
                      "ORDER BY start, type, end", {"ids": ids})
    return nodes, rels


def ids_in(rows: list[dict]) -> list[str]:
    """Every entity id an answer's rows mention (values shaped like `prefix:slug`)."""
    vocab, found = vocabulary(), []
    for row in rows:
        for value in row.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and vocab.label_of(item) and item not in found:
                    found.append(item)
    return found


def graph_data(store: GraphStore) -> tuple[list[dict], list[dict]]:
    return store.read(NODES), store.read(RELS)


def _flat(value):
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def to_networkx(nodes: list[dict], rels: list[dict]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["id"], label=n["label"], **{k: _flat(v) for k, v in n["props"].items() if k != "id"})
    for r in rels:
        # `key` is the writer's merge key (two roles with one title at one organization differ by it)
        merge_key = r["props"].get("key")
        g.add_edge(r["start"], r["end"], key=f"{r['type']}|{merge_key}" if merge_key else r["type"],
                   type=r["type"], **{k: _flat(v) for k, v in r["props"].items() if k != "key"})
    return g


def to_graphml(nodes: list[dict], rels: list[dict]) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(nodes, rels), buffer)
    return buffer.getvalue().decode("utf-8")


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    columns = columns or sorted({k for row in rows for k in row})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: json.dumps(v) if isinstance(v, (list, dict)) else v for c, v in row.items()})
    return buffer.getvalue()


def to_rdf(nodes: list[dict], rels: list[dict], fmt: str = "turtle") -> str:
    """A part of the graph as RDF, in the same terms as the full export (graph/rdf.py)."""
    from graph.rdf import edge_triples, node_triples

    vocab = vocabulary()
    graph = Graph()
    for node in nodes:
        graph += [(s, p, o) for s, p, o, _ in node_triples(vocab, node)]
    for rel in rels:
        graph += [(s, p, o) for s, p, o, _ in edge_triples(vocab, rel)]
    return graph.serialize(format=fmt)
