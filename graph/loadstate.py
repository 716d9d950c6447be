"""What the graph was last loaded from: one state node holding the content digest of the
curated input (ingest.fingerprint) and whether that load finished.

`aikg up` skips its reload when the digest it computes equals the stored one of a
finished load. The node is cleared to "loading" before a write starts, so a load that
was killed half way never passes for a finished one. It is bookkeeping, not a fact of
the landscape: its label is outside the ontology, and stats and exports leave it out."""
from __future__ import annotations

from graph.store import GraphStore

LABEL = "AikgLoadState"
_ID = "aikg:load-state"


def read(store: GraphStore) -> dict | None:
    """{"digest", "state" ("loading"|"loaded"), "records"} or None. No timestamps: a rerun that
    completes a killed load leaves the graph identical to a clean load, this node included."""
    rows = store.read(f"MATCH (s:{LABEL} {{id: $id}}) RETURN s.digest AS digest, s.state AS state, "
                      "s.records AS records", {"id": _ID})
    return rows[0] if rows else None


def is_loaded(store: GraphStore, digest: str) -> bool:
    state = read(store)
    return bool(state and state["state"] == "loaded" and state["digest"] == digest)


def mark_loading(store: GraphStore, digest: str) -> None:
    store.write(f"MERGE (s:{LABEL} {{id: $id}}) SET s.state = 'loading', s.digest = $digest, s.records = null",
                {"id": _ID, "digest": digest})


def mark_loaded(store: GraphStore, digest: str, records: int) -> None:
    store.write(f"MERGE (s:{LABEL} {{id: $id}}) SET s.state = 'loaded', s.digest = $digest, s.records = $records",
                {"id": _ID, "digest": digest, "records": records})
