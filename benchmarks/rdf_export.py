"""RDF export: triples per second and peak Python memory of the streaming exporter
against the obvious baseline (one in-memory rdflib.Graph, then serialize), on the
graph in AIKG_HOME: each label read whole, the same mapping to triples, all added to
one graph. A third run gives rdflib aikg's own streamed reader, to separate the reading
from the serializing. Speed and memory are measured in separate runs.

    AIKG_HOME=… python -m benchmarks.rdf_export [--format nt]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import tracemalloc

from rdflib import Graph

from aikg import context
from graph import rdf
from graph.store import GraphStore
from ontology.vocab import vocabulary


def _timed(work) -> tuple[float, int]:
    start = time.perf_counter()
    count = work()
    return time.perf_counter() - start, count


def _peak_mb(work) -> float:
    """Peak Python memory of a second run under tracemalloc (which slows it, so it is not timed)."""
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return round(peak, 1)


def run(store: GraphStore, fmt: str = "nt", memory: bool = True, light: bool = False) -> dict:
    """`light`: for the largest graphs, rdflib's memory is not traced and the same-reader run
    is left out (each would take the better part of an hour and several GB)."""
    def streaming() -> int:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            return rdf.write(store, sink, fmt)

    def in_memory() -> int:
        """The obvious exporter: each label's nodes and relationships read with one query
        each, the same mapping to triples, one rdflib.Graph, then serialize."""
        graph, vocab = Graph(), vocabulary()
        for label in sorted(vocab.labels):
            for row in store.read(f"MATCH (n:{label}) RETURN n.id AS id, properties(n) AS props"):
                for s, p, o, _ in rdf.node_triples(vocab, {**row, "label": label}):
                    graph.add((s, p, o))
            for row in store.read(f"MATCH (a:{label})-[r]->(b) RETURN a.id AS start, type(r) AS type, "
                                  "b.id AS end, properties(r) AS props"):
                for s, p, o, _ in rdf.edge_triples(vocab, {**row, "start_label": label}):
                    graph.add((s, p, o))
        graph.serialize(format=fmt)
        return len(graph)

    def streamed_rdflib() -> int:
        """rdflib on aikg's streamed, read-ahead pages: what the serializer alone costs."""
        graph = Graph()
        for page in rdf.quads(store):
            for s, p, o, _ in page:
                graph.add((s, p, o))
        graph.serialize(format=fmt)
        return len(graph)

    out = {"format": fmt}
    runs = (("streaming", streaming), ("rdflib", in_memory)) + (() if light else (("rdflib_streamed", streamed_rdflib),))
    for name, work in runs:
        seconds, count = _timed(work)
        out[name] = {"triples": count, "seconds": round(seconds, 2), "triples_per_s": round(count / seconds)}
        if memory and name in (("streaming",) if light else ("streaming", "rdflib")):
            out[name]["peak_mb"] = _peak_mb(work)
    out["speedup"] = round(out["streaming"]["triples_per_s"] / out["rdflib"]["triples_per_s"], 2)
    if not light:
        out["speedup_same_reader"] = round(out["streaming"]["triples_per_s"]
                                           / out["rdflib_streamed"]["triples_per_s"], 2)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", default="nt", choices=sorted(rdf.FORMATS))
    store = context.open_store()
    result = {"nodes": store.read("MATCH (n) RETURN count(n) AS c")[0]["c"], **run(store, parser.parse_args(argv).format)}
    store.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
