"""Named read queries used by the CLI and the app. Values are always parameters;
labels only ever come from the ontology's allow-list."""
from __future__ import annotations

from graph import paging
from graph.store import GraphStore
from ontology.vocab import vocabulary


def stats(store: GraphStore) -> dict:
    """{"nodes": {label: n}, "relationships": {type: n}}, sorted by name."""
    nodes: dict[str, int] = {}
    # the load-state node (graph/loadstate.py) is bookkeeping, not content
    for row in store.read("MATCH (n) WHERE NOT n:AikgLoadState RETURN labels(n) AS labels, count(*) AS n"):
        for label in row["labels"]:
            nodes[label] = nodes.get(label, 0) + row["n"]
    rels = {r["type"]: r["n"] for r in store.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}
    return {"nodes": dict(sorted(nodes.items())), "relationships": dict(sorted(rels.items()))}


def sourceless(store: GraphStore) -> dict:
    """How many nodes and relationships lack sources (must both be 0)."""
    nodes = store.read("MATCH (n) WHERE NOT n:AikgLoadState AND (n.sources IS NULL OR size(n.sources) = 0) "
                       "RETURN count(n) AS n")
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


def _match(node_id: str, var: str = "n") -> str:
    """A MATCH on the label the id's prefix names (indexed), or on any node."""
    label = vocabulary().label_of(node_id)
    return f"MATCH ({var}:{label} {{id: $id}})" if label else f"MATCH ({var} {{id: $id}})"


def entity(store: GraphStore, node_id: str) -> dict | None:
    """An entity's properties and its relationships in both directions."""
    rows = store.read(f"{_match(node_id)} RETURN n AS node", {"id": node_id})
    if not rows:
        return None
    links = store.read(
        f"{_match(node_id)} MATCH (n)-[r]-(m) "
        "RETURN type(r) AS type, startNode(r).id = $id AS outgoing, m.id AS other_id, "
        "m.name AS other_name, labels(m)[0] AS other_label, properties(r) AS props "
        "ORDER BY type, other_name",
        {"id": node_id},
    )
    return {"node": rows[0]["node"], "relationships": links}


def neighborhood(store: GraphStore, node_id: str, limit: int = 60) -> list[dict]:
    """The relationships around one entity, as rows of both ends and the type."""
    return store.read(
        f"{_match(node_id)} MATCH (n)-[r]-(m) "
        "RETURN startNode(r).id AS start, endNode(r).id AS end, type(r) AS type, r.sources AS sources, "
        "n.id AS a_id, labels(n)[0] AS a_label, n.name AS a_name, "
        "m.id AS b_id, labels(m)[0] AS b_label, m.name AS b_name LIMIT $limit",
        {"id": node_id, "limit": limit})


def sources_of(store: GraphStore, ids: list[str]) -> list[dict]:
    return store.read("MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.name AS name, s.url AS url, "
                      "s.publisher AS publisher, s.published AS published, s.source_kind AS kind ORDER BY s.id",
                      {"ids": ids})


def organizations_with_releases(store: GraphStore) -> list[dict]:
    return store.read("MATCH (r:Release)-[:RELEASED_BY]->(o:Organization) "
                      "RETURN o.id AS id, o.name AS name, count(DISTINCT r) AS releases ORDER BY releases DESC, name")


NEWEST = "MATCH (r:Release) WHERE {window} WITH r ORDER BY r.date DESC, r.id LIMIT $limit RETURN r.id AS id"


def newest_release_ids(store: GraphStore, limit: int) -> tuple[list[str], int]:
    """The ids of the `limit` newest releases, and how many releases there are: pages that
    grade releases show the newest when no organization narrows them down."""
    total = store.read("MATCH (r:Release) RETURN count(r) AS c")[0]["c"]
    return [r["id"] for r in paging.newest_first(store, NEWEST, {}, limit)], total


def timeline_events(store: GraphStore, org_id: str | None = None) -> list[dict]:
    """Deals and role changes as dated events (releases come graded from graph.openness)."""
    org_filter = "WHERE o.id = $org OR EXISTS { MATCH (o)-[:PART_OF*1..3]->(:Organization {id: $org}) }" \
        if org_id else ""
    deals = store.read(
        f"MATCH (d:Deal)-[:HAS_PARTY]->(o:Organization) {org_filter} "
        "RETURN DISTINCT d.id AS id, d.announced AS date, d.name AS title, 'deal' AS kind, d.sources AS sources",
        {"org": org_id})
    roles = store.read(
        f"MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Organization) {org_filter} "
        "WITH p, r, o WHERE r.start_date IS NOT NULL "
        "RETURN p.id AS id, r.start_date AS date, p.name + ': ' + r.title + ' at ' + o.name AS title, "
        "'role' AS kind, r.sources AS sources",
        {"org": org_id})
    return [e for e in deals + roles if e["date"]]
