"""The graph sink: buffers records by label and relationship type and writes
each chunk as one `UNWIND … MERGE` transaction. MERGE on the stable id makes a
second run change nothing; sources are unioned, so a fact seen by several
sources keeps all of them."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from neo4j.exceptions import ConstraintError

from graph.store import GraphStore
from ontology.records import EdgeRecord, NodeRecord
from ontology.vocab import Vocabulary, vocabulary

_UNION_SOURCES = (
    "{v}.sources = CASE WHEN {v}.sources IS NULL THEN row.sources "
    "ELSE {v}.sources + [s IN row.sources WHERE NOT s IN {v}.sources] END"
)


def node_query(label: str) -> str:
    return (
        f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
        f"SET n += row.props, {_UNION_SOURCES.format(v='n')}"
    )


def edge_query(rel_type: str, start: str, end: str, key: tuple[str, ...]) -> str:
    key_map = ", ".join(f"{k}: row.key.{k}" for k in key)
    pattern = f"[r:{rel_type} {{{key_map}}}]" if key else f"[r:{rel_type}]"
    return (
        f"UNWIND $rows AS row MATCH (a:{start} {{id: row.start}}) MATCH (b:{end} {{id: row.end}}) "
        f"MERGE (a)-{pattern}->(b) SET r += row.props, {_UNION_SOURCES.format(v='r')}"
    )


def _chunks(rows: list, size: int) -> Iterable[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


class GraphWriter:
    def __init__(self, store: GraphStore, vocab: Vocabulary | None = None, batch_size: int = 2000):
        self.store = store
        self.vocab = vocab or vocabulary()
        self.batch_size = batch_size

    def existing_ids(self, label: str, ids: list[str]) -> set[str]:
        self.vocab.check_label(label)
        found: set[str] = set()
        for chunk in _chunks(ids, 5000):
            rows = self.store.read(f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id AS id", {"ids": chunk})
            found.update(r["id"] for r in rows)
        return found

    def write(self, records: list, progress: Callable[[int], None] | None = None) -> None:
        """Nodes first, then relationships, so every relationship finds both ends."""
        nodes, edges = self._group(records)
        for label, rows in nodes.items():
            self._write_rows(node_query(self.vocab.check_label(label)), rows, progress)
        for (rel_type, start, end, key), rows in edges.items():
            query = edge_query(self.vocab.check_type(rel_type), self.vocab.check_label(start),
                               self.vocab.check_label(end), key)
            self._write_rows(query, rows, progress)

    def _group(self, records: list) -> tuple[dict, dict]:
        nodes: dict[str, list] = defaultdict(list)
        edges: dict[tuple, list] = defaultdict(list)
        for record in records:
            if isinstance(record, NodeRecord):
                props = {k: v for k, v in record.props.items() if k not in ("id", "sources")}
                nodes[record.label].append({"id": record.id, "props": props, "sources": record.sources})
            elif isinstance(record, EdgeRecord):
                group = (record.type, record.start_label, record.end_label, tuple(sorted(record.key)))
                props = {k: v for k, v in record.props.items() if k != "sources"}
                edges[group].append({"start": record.start_id, "end": record.end_id, "key": record.key,
                                     "props": props, "sources": record.sources})
        return nodes, edges

    def _write_rows(self, query: str, rows: list, progress) -> None:
        for chunk in _chunks(rows, self.batch_size):
            self._write_chunk(query, chunk)
            if progress:
                progress(len(chunk))

    def _write_chunk(self, query: str, chunk: list) -> None:
        try:
            self.store.write(query, {"rows": chunk})
        except ConstraintError:
            # A concurrent MERGE of the same new id can lose the race on ArcadeDB;
            # the retry then finds the node and merges onto it.
            self.store.write(query, {"rows": chunk})
