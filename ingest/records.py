"""Turning validated ontology objects into graph records.

A validated ontology object becomes one NodeRecord plus an EdgeRecord for each
relationship it states; inlined identified objects (a release's artifacts)
become nodes of their own. Relationships carry the sources of the record that
states them unless the association lists its own.
"""
from __future__ import annotations

from ontology.records import EdgeRecord, NodeRecord, Origin
from ontology.vocab import SlotSpec, Vocabulary

__all__ = ["EdgeRecord", "NodeRecord", "Origin", "to_graph"]


def _scalar_props(data: dict, specs: dict[str, SlotSpec]) -> dict:
    """Node properties: scalars and lists of scalars, nulls and empty lists left out."""
    props = {}
    for name, spec in specs.items():
        value = data.get(name)
        if value is None or value == [] or spec.mode in ("inlined", "association"):
            continue
        if spec.mode == "reference" and spec.edge:
            continue
        props[name] = value
    return props


def to_graph(label: str, data: dict, origin: Origin, vocab: Vocabulary) -> list:
    """Node and edge records for one validated object (a dict of its slots)."""
    specs = vocab.slots[label]
    out: list = [NodeRecord(label, data["id"], _scalar_props(data, specs), origin)]
    sources = data.get("sources") or []
    for name, spec in specs.items():
        value = data.get(name)
        if value in (None, []) or not spec.edge:
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            out.extend(_edges_for(label, data["id"], spec, item, sources, origin, vocab))
    return out


def _edges_for(label, node_id, spec: SlotSpec, item, sources, origin, vocab: Vocabulary) -> list:
    if spec.mode == "reference":
        return [EdgeRecord(
            spec.edge, label, node_id, item, origin, spec.name,
            frozenset(vocab.labels_for_range(spec.range)), props={"sources": list(sources)},
        )]
    if spec.mode == "inlined":
        child = dict(item)
        child.setdefault("sources", list(sources))
        edge = EdgeRecord(
            spec.edge, label, node_id, child["id"], origin, spec.name,
            frozenset({spec.range}), props={"sources": list(sources)},
        )
        return to_graph(spec.range, child, origin, vocab) + [edge]
    return [_association_edge(label, node_id, spec, item, sources, origin, vocab)]


def _association_edge(label, node_id, spec, item, sources, origin, vocab) -> EdgeRecord:
    assoc = vocab.associations[spec.range]
    specs = vocab.slots[assoc.name]
    target_spec = specs[assoc.target_slot]
    props = {
        k: v for k, v in item.items()
        if k != assoc.target_slot and v not in (None, []) and k in specs
    }
    props["sources"] = list(item.get("sources") or sources)
    # One text key (never null, which MERGE rejects) tells apart two such relationships
    # between the same nodes, e.g. two tenures with the same title.
    key = {"key": "|".join(str(props.get(k) or "") for k in assoc.key_slots)} if assoc.key_slots else {}
    return EdgeRecord(
        assoc.edge, label, node_id, item[assoc.target_slot], origin, spec.name,
        frozenset(vocab.labels_for_range(target_spec.range)), key=key, props=props,
    )


def _union(first: list | None, second: list | None) -> list:
    return list(dict.fromkeys([*(first or []), *(second or [])]))


def merge_records(records: list) -> list:
    """One record per node id and per relationship: the first values win, sources
    and aliases are unioned (an import sees the same organization on many rows)."""
    merged: dict[tuple, object] = {}
    for record in records:
        if isinstance(record, NodeRecord):
            key = ("node", record.label, record.id)
        else:
            key = ("edge", record.type, record.start_id, record.end_id, tuple(sorted(record.key.items())))
        if key not in merged:
            merged[key] = record
            continue
        kept = merged[key]
        props = {**record.props, **kept.props}
        for name in ("sources", "aliases"):
            if record.props.get(name) or kept.props.get(name):
                props[name] = _union(kept.props.get(name), record.props.get(name))
        kept.props = props
    return list(merged.values())
