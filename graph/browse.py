"""Reads behind the browsing pages (Explore's start view, the timeline's deal amounts) and
what the ontology says about a relationship's direction (the Cypher console's small graph).
Values are parameters; labels come from the ontology's allow-list."""
from __future__ import annotations

from functools import lru_cache

from graph import paging
from graph.store import GraphStore
from ontology.vocab import vocabulary

# Most connected first: every node of the label is counted (one pass), then the page is cut;
# the details of the rows kept are read after the cut (docs/architecture.md: cut first).
CONNECTED = {
    "Organization": "MATCH (n:Organization) WITH n, COUNT { (n)--() } AS links ORDER BY links DESC, n.name "
                    "LIMIT $limit RETURN n.id AS id, n.name AS name, links, "
                    "COUNT { (n)<-[:RELEASED_BY]-(:Release) } AS releases",
    "Model": "MATCH (n:Model) WITH n, COUNT { (n)--() } AS links ORDER BY links DESC, n.name "
             "LIMIT $limit RETURN n.id AS id, n.name AS name, links, "
             "head([(n)-[:DEVELOPED_BY]->(o:Organization) | o.name]) AS developer",
}
RECENT = ("MATCH (r:Release) WHERE {window} WITH r ORDER BY r.date DESC, r.id LIMIT $limit "
          "RETURN r.id AS id, r.name AS name, r.date AS date, "
          "head([(r)-[:OF_MODEL]->(m:Model) | m.name]) AS model, "
          "head([(r)-[:RELEASED_BY]->(o:Organization) | o.name]) AS organization")


def most_connected(store: GraphStore, label: str, limit: int = 10) -> list[dict]:
    """The organizations or models with the most relationships: where a newcomer starts reading."""
    return store.read(CONNECTED[label], {"limit": limit})


def recent_releases(store: GraphStore, limit: int = 10) -> list[dict]:
    """The newest releases with their model and organization (read over date windows: graph/paging.py)."""
    return paging.newest_first(store, RECENT, {}, limit)


def deal_amounts(store: GraphStore, deal_ids: list[str]) -> dict[str, int]:
    """Announced amounts (whole US dollars) of the deals that have one, by deal id."""
    rows = store.read("UNWIND $ids AS did MATCH (d:Deal {id: did}) WHERE d.amount_usd IS NOT NULL "
                      "RETURN d.id AS id, d.amount_usd AS amount", {"ids": sorted(set(deal_ids))})
    return {r["id"]: int(round(r["amount"])) for r in rows}


@lru_cache(maxsize=1)
def relationship_ends() -> dict[str, set[tuple[str, str]]]:
    """Relationship type -> the (start label, end label) pairs the ontology allows: the
    console's results carry no direction, the labels of the two ends mostly tell it."""
    vocab = vocabulary()
    ends: dict[str, set[tuple[str, str]]] = {}
    for label, slots in vocab.slots.items():
        if label not in vocab.labels:
            continue
        for slot in slots.values():
            if not slot.edge:
                continue
            target = slot.range
            if slot.mode == "association":
                assoc = vocab.associations[slot.range]
                target = vocab.slots[assoc.name][assoc.target_slot].range
            for end in vocab.labels_for_range(target):
                ends.setdefault(slot.edge, set()).add((label, end))
    return ends
