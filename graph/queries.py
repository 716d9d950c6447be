"""Named read queries used by the CLI and the app. Values are always parameters;
labels only ever come from the ontology's allow-list."""
from __future__ import annotations

from graph.store import GraphStore
from ontology.vocab import vocabulary


def stats(store: GraphStore) -> dict:
    """{"nodes": {label: n}, "relationships": {type: n}}, sorted by name."""
    nodes: dict[str, int] = {}
    for row in store.read("MATCH (n) RETURN labels(n) AS labels, count(*) AS n"):
        for label in row["labels"]:
            nodes[label] = nodes.get(label, 0) + row["n"]
    rels = {r["type"]: r["n"] for r in store.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


def sourceless(store: GraphStore) -> dict:
    """How many nodes and relationships lack sources (must both be 0)."""
    nodes = store.read("MATCH (n) WHERE n.sources IS NULL OR size(n.sources) = 0 RETURN count(n) AS n")
    rels = store.read("MATCH ()-[r]->() WHERE r.sources IS NULL OR size(r.sources) = 0 RETURN count(r) AS n")
    return {"nodes": nodes[0]["n"], "relationships": rels[0]["n"]}


def search(store: GraphStore, text: str, label: str | None = None, limit: int = 25) -> list[dict]:
    """Entities whose name or an alias contains the text (case-insensitive)."""
    match = f"MATCH (n:{vocabulary().check_label(label)})" if label else "MATCH (n)"
    return store.read(
        f"{match} WHERE toLower(n.name) CONTAINS toLower($text) "
        "OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($text)) "
        "RETURN n.id AS id, n.name AS name, labels(n)[0] AS label, n.sources AS sources "
        "ORDER BY size(n.name), n.name LIMIT $limit",
        {"text": text, "limit": limit},
    )


def entity(store: GraphStore, node_id: str) -> dict | None:
    """An entity's properties and its relationships in both directions."""
    rows = store.read("MATCH (n {id: $id}) RETURN n AS node", {"id": node_id})
    if not rows:
        return None
    links = store.read(
        "MATCH (n {id: $id})-[r]-(m) "
        "RETURN type(r) AS type, startNode(r).id = $id AS outgoing, m.id AS other_id, "
        "m.name AS other_name, labels(m)[0] AS other_label, properties(r) AS props "
        "ORDER BY type, other_name",
        {"id": node_id},
    )
    return {"node": rows[0]["node"], "relationships": links}
