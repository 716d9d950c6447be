"""RDF export: triples per second and peak Python memory of the streaming exporter
against the obvious baseline (one in-memory rdflib.Graph, then serialize), on the
graph in AIKG_HOME.

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


def _measure(work) -> tuple[float, float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    count = work()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, count


def run(fmt: str) -> dict:
    store = context.open_store()

    def streaming() -> int:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            return rdf.write(store, sink, fmt)

    def in_memory() -> int:
        graph = Graph()
        for page in rdf.quads(store):
            for s, p, o, _ in page:
                graph.add((s, p, o))
        graph.serialize(format=fmt)
        return len(graph)

    out = {"nodes": store.read("MATCH (n) RETURN count(n) AS c")[0]["c"], "format": fmt}
    for name, work in (("streaming", streaming), ("in-memory rdflib", in_memory)):
        seconds, peak, count = _measure(work)
        out[name] = {"triples": count, "seconds": round(seconds, 2), "triples_per_s": round(count / seconds),
                     "peak_mb": round(peak, 1)}
    store.close()
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", default="nt", choices=sorted(rdf.FORMATS))
    print(json.dumps(run(parser.parse_args(argv).format), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
