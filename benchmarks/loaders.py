"""The ways to put the same records into the same server, for the ingest benchmark.

- `aikg`: the project's writer (buffered by label, batched `UNWIND … MERGE`, sources unioned).
- `per_record`: the naive loader a first script would be: one `MERGE` query per record,
  one transaction each.
- `create_ceiling`: the server's own bound for the workload: batched `UNWIND … CREATE` into
  an empty database (no lookups before writing nodes, no merge of relationships).
KGX's Neo4j sink runs in its own environment (`benchmarks/kgx_baseline.py`).
Labels and relationship types come from the records, which the ontology has validated.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from graph.store import GraphStore
from graph.writer import GraphWriter
from ontology.records import EdgeRecord, NodeRecord

BATCH = 2000


def aikg(store: GraphStore, records: list) -> None:
    GraphWriter(store, batch_size=BATCH).write(records)


def _node_props(record: NodeRecord) -> dict:
    return {k: v for k, v in record.props.items() if k != "id"}


def _edge_props(record: EdgeRecord) -> dict:
    return {**record.props, **record.key}


def per_record(store: GraphStore, records: list) -> None:
    for record in records:
        if isinstance(record, NodeRecord):
            store.write(f"MERGE (n:{record.label} {{id: $id}}) SET n += $props",
                        {"id": record.id, "props": _node_props(record)})
    for record in records:
        if isinstance(record, EdgeRecord):
            store.write(f"MATCH (a:{record.start_label} {{id: $start}}) MATCH (b:{record.end_label} {{id: $end}}) "
                        f"MERGE (a)-[r:{record.type}]->(b) SET r += $props",
                        {"start": record.start_id, "end": record.end_id, "props": _edge_props(record)})


def create_ceiling(store: GraphStore, records: list) -> None:
    nodes: dict[str, list] = defaultdict(list)
    edges: dict[tuple, list] = defaultdict(list)
    for record in records:
        if isinstance(record, NodeRecord):
            nodes[record.label].append(record.props)
        elif isinstance(record, EdgeRecord):
            edges[(record.type, record.start_label, record.end_label)].append(
                {"start": record.start_id, "end": record.end_id, "props": _edge_props(record)})
    for label, rows in nodes.items():
        _batched(store, f"UNWIND $rows AS row CREATE (n:{label}) SET n = row", rows)
    for (rel, start, end), rows in edges.items():
        _batched(store, f"UNWIND $rows AS row MATCH (a:{start} {{id: row.start}}) MATCH (b:{end} {{id: row.end}}) "
                        f"CREATE (a)-[r:{rel}]->(b) SET r = row.props", rows)


def _batched(store: GraphStore, query: str, rows: list) -> None:
    for first in range(0, len(rows), BATCH):
        store.write(query, {"rows": rows[first:first + BATCH]})


LOADERS: dict[str, Callable[[GraphStore, list], None]] = {
    "aikg": aikg, "per_record": per_record, "create_ceiling": create_ceiling}
