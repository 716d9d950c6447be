"""Where sources disagree: claims of imported datasets against each other and
against the graph's own (curated) value, grouped by entity and field.

Values agree when they are equal, when one date refines the other ("2023-07" and
"2023-07-18"), or when two numbers lie within 5% of each other.
"""
from __future__ import annotations

from collections import defaultdict

from graph.store import GraphStore

RELATIVE_TOLERANCE = 0.05
# Record sources the importers mint; they state values through claims, never directly.
IMPORTED_RECORD_PREFIXES = ("source:epoch/", "source:ecosys/", "source:mot/", "source:hf/")

CLAIMS = (
    "MATCH (c:Claim)-[:CLAIMS_ABOUT]->(e) "
    "RETURN e.id AS id, labels(e)[0] AS label, e.name AS name, c.field_name AS field, "
    "c.value AS value, c.raw_value AS raw, c.sources AS sources"
)
# Fields a curated record may leave empty for an import to fill; the others (a release's
# date, its weights artifact, its license) a curated record states itself.
FILLABLE = {"parameters", "training_compute_flop"}
# The graph's own value of each claimed field, with the subject's sources.
OWN_VALUES = {
    "parameters": "MATCH (e:Model) WHERE e.id IN $ids AND e.parameters IS NOT NULL "
                  "RETURN e.id AS id, toString(e.parameters) AS value, e.sources AS sources",
    "training_compute_flop": "MATCH (e:Model) WHERE e.id IN $ids AND e.training_compute_flop IS NOT NULL "
                             "RETURN e.id AS id, toString(e.training_compute_flop) AS value, e.sources AS sources",
    "date": "MATCH (e:Release) WHERE e.id IN $ids RETURN e.id AS id, e.date AS value, e.sources AS sources",
    "weights": "MATCH (e:Release)-[:SHIPPED]->(a:Artifact {artifact_kind: 'final_weights'}) WHERE e.id IN $ids "
               "RETURN e.id AS id, CASE WHEN a.availability IN ['open', 'gated'] THEN 'downloadable' "
               "ELSE 'not downloadable' END AS value, a.sources AS sources",
    "license": "MATCH (e)-[:UNDER_LICENSE]->(l:License) WHERE e.id IN $ids "
               "RETURN e.id AS id, l.id AS value, e.sources AS sources",
}


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def agree(a: str, b: str) -> bool:
    if a == b:
        return True
    x, y = _number(a), _number(b)
    if x is not None and y is not None and "-" not in a[1:] and "-" not in b[1:]:
        return abs(x - y) <= RELATIVE_TOLERANCE * max(abs(x), abs(y))
    return a.startswith(b + "-") or b.startswith(a + "-")  # dates at different precision


def _group(values: list[dict]) -> list[dict]:
    """Agreeing values merged, each group keeping every source that states it."""
    groups: list[dict] = []
    for item in values:
        for group in groups:
            if agree(group["value"], item["value"]):
                group["sources"] = sorted(set(group["sources"]) | set(item["sources"]))
                if item.get("raw") and item["raw"] not in group["raw"]:
                    group["raw"].append(item["raw"])
                break
        else:
            groups.append({"value": item["value"], "sources": sorted(item["sources"]),
                           "raw": [item["raw"]] if item.get("raw") else []})
    return groups


def conflicts(store: GraphStore, field: str | None = None) -> list[dict]:
    claims: dict[tuple, dict] = {}
    for row in store.read(CLAIMS):
        if field and row["field"] != field:
            continue
        key = (row["id"], row["field"])
        entry = claims.setdefault(key, {"id": row["id"], "label": row["label"], "name": row["name"],
                                        "field": row["field"], "values": []})
        entry["values"].append({"value": row["value"], "raw": row["raw"], "sources": row["sources"] or []})
    _add_own_values(store, claims)
    out = []
    for entry in claims.values():
        groups = _group(entry["values"])
        if len(groups) > 1:
            out.append({**{k: entry[k] for k in ("id", "label", "name", "field")}, "values": groups})
    return sorted(out, key=lambda c: (c["name"] or "", c["field"]))


def _add_own_values(store: GraphStore, claims: dict) -> None:
    """The graph's own value joins the comparison with the entity's other (curated)
    sources, unless it is an optional value an import may have filled in."""
    subjects: dict[str, list[str]] = defaultdict(list)
    for entity_id, field_name in claims:
        subjects[field_name].append(entity_id)
    for field_name, ids in subjects.items():
        query = OWN_VALUES.get(field_name)
        if not query:
            continue
        for row in store.read(query, {"ids": ids}):
            entry = claims[(row["id"], field_name)]
            if row["value"] is None:
                continue
            agrees = any(agree(row["value"], v["value"]) for v in entry["values"])
            # An optional value an import filled in is the import's claim, not the curators'.
            if agrees and field_name in FILLABLE:
                continue
            claimed = {s for v in entry["values"] for s in v["sources"]}
            own = [s for s in row["sources"] or []
                   if s not in claimed and not s.startswith(IMPORTED_RECORD_PREFIXES)]
            if own:
                entry["values"].append({"value": row["value"], "raw": None, "sources": own})
