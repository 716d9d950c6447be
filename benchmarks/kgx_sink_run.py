"""Runs inside KGX's own virtual environment (kgx pins libraries aikg cannot share):
writes the records of a KGX JSON-lines file through KGX's Neo4j sink and prints the
timing as JSON. Only the sink's writes are timed; reading the file is not.

    python kgx_sink_run.py RECORDS.jsonl   (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _offline_biolink() -> None:
    """kgx fetches the Biolink model and its JSON-LD context from GitHub at import; this
    machine has no internet. Point bmt at the copy the biolink-model package installs (with
    an empty predicate map) and give kgx a one-prefix context: the sink uses neither."""
    import biolink_model
    from bmt import toolkit

    schema = Path(next(iter(biolink_model.__path__))) / "schema" / "biolink_model.yaml"
    toolkit.Toolkit.__init__.__defaults__ = (str(schema), {"predicate mappings": []})
    from kgx import config

    config.jsonld_context_map["biolink"] = {"biolink": "https://w3id.org/biolink/vocab/"}


def main(path: str) -> int:
    _offline_biolink()
    from kgx.sink.neo_sink import NeoSink
    from kgx.transformer import Transformer

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    nodes = [r["node"] for r in rows if "node" in r]
    edges = [r["edge"] for r in rows if "edge" in r]
    env = os.environ
    sink = NeoSink(Transformer(), env["NEO4J_URI"], env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"])
    # The sink opens a session on the server's default database; the benchmark names its own.
    sink.session = sink.http_driver.session(database=env["NEO4J_DATABASE"])
    start = time.perf_counter()
    for node in nodes:
        sink.write_node(node)
    for edge in edges:
        sink.write_edge(edge)
    sink.finalize()
    sink.session.close()
    seconds = time.perf_counter() - start
    # errors the sink logged instead of raising: {level: {type: {message: [entities]}}}
    errors = [message for by_type in sink.owner.errors.values() for messages in by_type.values()
              for message in messages]
    sink.http_driver.close()
    print(json.dumps({"seconds": seconds, "nodes": len(nodes), "edges": len(edges), "errors": errors[:5]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
