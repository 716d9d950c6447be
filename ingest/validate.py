"""Checks across a whole batch of records before anything is written.

Ids must carry their label's prefix and be defined once; every relationship
must point at an entity of the right class that exists in the batch or already
in the graph; every source id must name a Source.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from ingest.problems import Problem
from ingest.records import EdgeRecord, NodeRecord
from ontology.vocab import Vocabulary

# (label, ids) -> the ids of that label already in the graph
KnownIds = Callable[[str, list[str]], set[str]]

# What a graph server can store. Integers travel as 64-bit (Bolt); `id` and `name` are
# indexed, and index keys are bounded (Neo4j: about 8 kB; ArcadeDB: one 256 kB page).
INT_RANGE = (-2**63, 2**63 - 1)
INDEXED = ("id", "name")
MAX_INDEXED_BYTES = 4096


def check_batch(records: list, vocab: Vocabulary, known: KnownIds) -> list[Problem]:
    nodes = [r for r in records if isinstance(r, NodeRecord)]
    edges = [r for r in records if isinstance(r, EdgeRecord)]
    problems = _check_nodes(nodes, vocab) + _check_values(records)
    defined = {n.id: n.label for n in nodes}
    wanted: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        problems.extend(_resolve_end(edge, vocab))
        if edge.end_label and edge.end_id not in defined:
            wanted[edge.end_label].add(edge.end_id)
    for record in records:
        wanted["Source"].update(s for s in record.sources if defined.get(s) != "Source")
    existing = {label: known(label, sorted(ids)) for label, ids in wanted.items() if ids}
    problems.extend(_missing_ends(edges, defined, existing))
    problems.extend(_missing_sources(records, defined, existing.get("Source", set())))
    return problems


def _check_nodes(nodes: Iterable[NodeRecord], vocab: Vocabulary) -> list[Problem]:
    problems, first = [], {}
    for node in nodes:
        prefix = vocab.labels[node.label]
        if vocab.label_of(node.id) != node.label:
            article = "an" if node.label[0] in "AEIOU" else "a"
            problems.append(_at(node, node.id, "id", f"{article} {node.label} id must start with '{prefix}:'"))
        if node.id in first:
            seen = first[node.id].origin
            problems.append(_at(node, node.id, "id", f"duplicate id: also defined at {seen.file}:{seen.line}"))
        else:
            first[node.id] = node
        if not node.sources:
            problems.append(_at(node, node.id, "sources", "every record needs at least one source"))
    return problems


def _check_values(records) -> list[Problem]:
    """Values no graph server can store would fail in the middle of the write."""
    problems = []
    for record in records:
        is_node = isinstance(record, NodeRecord)
        owner = _shown(record.id if is_node else record.start_id)
        values = {"id": record.id, **record.props} if is_node else record.props
        for name, value in values.items():
            field = name if is_node else f"{record.field}.{name}"
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, int) and not isinstance(item, bool) and not INT_RANGE[0] <= item <= INT_RANGE[1]:
                    problems.append(_at(record, owner, field, "integer out of range (more than 64 bits)"))
                    break
            if is_node and name in INDEXED and isinstance(value, str) \
                    and len(value.encode("utf-8", "surrogatepass")) > MAX_INDEXED_BYTES:
                problems.append(_at(record, owner, field, f"longer than {MAX_INDEXED_BYTES} bytes (it is indexed)"))
    return problems


def _shown(record_id) -> str:
    """A record id short enough for a message."""
    return record_id if not isinstance(record_id, str) or len(record_id) <= 100 else record_id[:100] + "…"


def _resolve_end(edge: EdgeRecord, vocab: Vocabulary) -> list[Problem]:
    label = vocab.label_of(edge.end_id) if isinstance(edge.end_id, str) else None
    if label is None:
        return [_at(edge, edge.start_id, edge.field, f"{edge.end_id!r} is not an id with a known prefix")]
    if edge.end_labels and label not in edge.end_labels:
        allowed = ", ".join(sorted(edge.end_labels))
        return [_at(edge, edge.start_id, edge.field, f"{edge.end_id!r} is a {label}; expected {allowed}")]
    edge.end_label = label
    return []


def _missing_ends(edges, defined: dict, existing: dict) -> list[Problem]:
    return [
        _at(e, e.start_id, e.field, f"refers to {e.end_id!r}, which is defined nowhere")
        for e in edges
        if e.end_label and e.end_id not in defined and e.end_id not in existing.get(e.end_label, ())
    ]


def _missing_sources(records, defined: dict, existing: set) -> list[Problem]:
    problems = []
    for record in records:
        for source in record.sources:
            if defined.get(source) != "Source" and source not in existing:
                owner = record.id if isinstance(record, NodeRecord) else record.start_id
                problems.append(_at(record, owner, "sources", f"source {source!r} is defined nowhere"))
    return problems


def _at(record, record_id, field, reason) -> Problem:
    return Problem(record.origin.file, record.origin.line, record_id, field, reason)
