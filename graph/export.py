"""The graph (or a part of it) as files: GraphML for Gephi, CSV, and RDF.

RDF uses one documented base: an id `model:llama-3.1-405b` becomes
`https://w3id.org/aikg/id/model/llama-3.1-405b`; classes and properties live under
`https://w3id.org/aikg/`; every node and relationship keeps its sources as
`prov:wasDerivedFrom` (relationships as RDF-star-free reified statements)."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDFS, XSD

from graph.store import GraphStore

AIKG = Namespace("https://w3id.org/aikg/")
ID_BASE = "https://w3id.org/aikg/id/"

NODES = "MATCH (n) RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props ORDER BY id"
RELS = ("MATCH (a)-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props "
        "ORDER BY start, type, end")


def subgraph_data(store: GraphStore, ids: list[str]) -> tuple[list[dict], list[dict]]:
    """The named entities and the relationships among them (an answer's part of the graph)."""
    nodes = store.read("MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, labels(n)[0] AS label, "
                       "properties(n) AS props ORDER BY id", {"ids": ids})
    rels = store.read("MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS start, "
                      "type(r) AS type, b.id AS end, properties(r) AS props ORDER BY start, type, end", {"ids": ids})
    return nodes, rels


def ids_in(rows: list[dict]) -> list[str]:
    """Every entity id an answer's rows mention (values shaped like `prefix:slug`)."""
    from ontology.vocab import vocabulary

    vocab, found = vocabulary(), []
    for row in rows:
        for value in row.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and vocab.label_of(item) and item not in found:
                    found.append(item)
    return found


def iri(node_id: str) -> URIRef:
    prefix, _, rest = node_id.partition(":")
    return URIRef(f"{ID_BASE}{prefix}/{rest}")


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


def _literal(value) -> Literal:
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    return Literal(str(value))


def to_rdf_graph(nodes: list[dict], rels: list[dict]) -> Graph:
    g = Graph()
    g.bind("aikg", AIKG)
    g.bind("prov", PROV)
    for n in nodes:
        subject = iri(n["id"])
        g.add((subject, RDF.type, AIKG[n["label"]]))
        for key, value in n["props"].items():
            if key == "sources":
                for source in value:
                    g.add((subject, PROV.wasDerivedFrom, iri(source)))
            elif key == "name":
                g.add((subject, RDFS.label, Literal(value)))
            elif key != "id":
                for item in value if isinstance(value, list) else [value]:
                    g.add((subject, AIKG[key], _literal(item)))
    for i, r in enumerate(rels):
        g.add((iri(r["start"]), AIKG[r["type"]], iri(r["end"])))
        statement = URIRef(f"{ID_BASE}statement/{i}")
        g.add((statement, RDF.type, RDF.Statement))
        g.add((statement, RDF.subject, iri(r["start"])))
        g.add((statement, RDF.predicate, AIKG[r["type"]]))
        g.add((statement, RDF.object, iri(r["end"])))
        for source in r["props"].get("sources", []):
            g.add((statement, PROV.wasDerivedFrom, iri(source)))
    return g


def to_rdf(nodes: list[dict], rels: list[dict], fmt: str = "turtle") -> str:
    return to_rdf_graph(nodes, rels).serialize(format=fmt)
