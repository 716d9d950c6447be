"""Driver values → plain JSON-ready Python values."""
from __future__ import annotations

from neo4j.graph import Node, Path, Relationship

# returned as they are; tested by exact type first because an export converts millions of
# values and isinstance against the driver's abstract classes cost a third of its time
_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(value):
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is list:
        return [v if type(v) in _AS_IS else plain(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _AS_IS else plain(v) for k, v in value.items()}
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


def record_dict(record) -> dict:
    return dict(zip(record.keys(), map(plain, record.values())))
