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

# Lists that grow: every source and every spelling an entity was seen under is kept.
_UNION = ("{v}.{p} = CASE WHEN row.{p} IS NULL OR size(row.{p}) = 0 THEN {v}.{p} "
          "WHEN {v}.{p} IS NULL THEN row.{p} ELSE {v}.{p} + [x IN row.{p} WHERE NOT x IN {v}.{p}] END")
UNIONED = ("sources", "aliases")  # on nodes; relationships only union their sources

# Written after every other relationship of a batch. An import reads the graph first and only
# adds a source to a release it finds there (ingest/importing.py: a release is found by its
# OF_MODEL relationship). Chunks are separate transactions, so a crash leaves a prefix of them
# committed; with OF_MODEL last, a release a rerun finds has everything its record stated.
WRITTEN_LAST = ("OF_MODEL",)

# "replace": curated data is authoritative, its values overwrite.
# "fill": an import only adds what is missing; values already in the graph stay.
POLICIES = ("replace", "fill")


def _set_clause(v: str, policy: str, keys: tuple[str, ...], unioned: tuple[str, ...]) -> str:
    unions = ", ".join(_UNION.format(v=v, p=p) for p in unioned)
    if policy == "replace":
        return f"SET {v} += row.props, {unions}"
    fills = "".join(f", {v}.{k} = coalesce({v}.{k}, row.props.{k})" for k in keys)
    return f"ON CREATE SET {v} += row.props SET {unions}{fills}"


def node_query(label: str, policy: str = "replace", keys: tuple[str, ...] = ()) -> str:
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) {_set_clause('n', policy, keys, UNIONED)}"


def edge_query(rel_type: str, start: str, end: str, key: tuple[str, ...],
               policy: str = "replace", keys: tuple[str, ...] = ()) -> str:
    key_map = ", ".join(f"{k}: row.key.{k}" for k in key)
    pattern = f"[r:{rel_type} {{{key_map}}}]" if key else f"[r:{rel_type}]"
    return (
        f"UNWIND $rows AS row MATCH (a:{start} {{id: row.start}}) MATCH (b:{end} {{id: row.end}}) "
        f"MERGE (a)-{pattern}->(b) {_set_clause('r', policy, keys, ('sources',))}"
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

    def entity_rows(self, labels) -> list[dict]:
        """Id, name and aliases of every entity of these labels (for entity resolution)."""
        rows = []
        for label in labels:
            rows += [{**r, "label": label} for r in self.store.read(
                f"MATCH (n:{self.vocab.check_label(label)}) RETURN n.id AS id, n.name AS name, "
                "coalesce(n.aliases, []) + [x IN [n.spdx_id] WHERE x IS NOT NULL] AS aliases")]
        return rows

    def release_rows(self) -> list[dict]:
        return self.store.read("MATCH (r:Release)-[:OF_MODEL]->(m:Model) "
                               "RETURN m.id AS model, r.id AS release, r.date AS date")

    def artifact_rows(self) -> list[dict]:
        return self.store.read("MATCH (r:Release)-[:SHIPPED]->(a:Artifact) "
                               "RETURN r.id AS release, a.artifact_kind AS kind, a.id AS artifact")

    def write(self, records: list, progress: Callable[[int], None] | None = None,
              policy: str = "replace") -> None:
        """Nodes first, then relationships, so every relationship finds both ends."""
        if policy not in POLICIES:
            raise ValueError(f"unknown write policy {policy!r}")
        nodes, edges = self._group(records)
        for label, rows in nodes.items():
            keys = self._prop_keys(label, rows) if policy == "fill" else ()
            self._write_rows(node_query(self.vocab.check_label(label), policy, keys), rows, progress)
        ordered = sorted(edges.items(), key=lambda item: item[0][0] in WRITTEN_LAST)  # stable
        for (rel_type, start, end, key), rows in ordered:
            keys = tuple(sorted({k for row in rows for k in row["props"]})) if policy == "fill" else ()
            for k in (*key, *keys):  # both are written into the query as property names
                self._check_property(k)
            query = edge_query(self.vocab.check_type(rel_type), self.vocab.check_label(start),
                               self.vocab.check_label(end), key, policy, keys)
            self._write_rows(query, rows, progress)

    def _prop_keys(self, label: str, rows: list) -> tuple[str, ...]:
        keys = tuple(sorted({k for row in rows for k in row["props"]}))
        for k in keys:
            if k not in self.vocab.slots[label]:
                raise ValueError(f"{k!r} is not a property of {label}")
        return keys

    def _check_property(self, name: str) -> None:
        if not any(name in slots for slots in self.vocab.slots.values()) and name != "key":
            raise ValueError(f"{name!r} is not a property in the ontology")

    def _group(self, records: list) -> tuple[dict, dict]:
        nodes: dict[str, list] = defaultdict(list)
        edges: dict[tuple, list] = defaultdict(list)
        for record in records:
            if isinstance(record, NodeRecord):
                props = {k: v for k, v in record.props.items() if k not in ("id", *UNIONED)}
                nodes[record.label].append({"id": record.id, "props": props, "sources": record.sources,
                                            "aliases": record.props.get("aliases", [])})
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
