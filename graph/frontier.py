"""Which models count as frontier, by an explicit, switchable criterion, and
whether they shipped weights. Every answer names the criterion that made a
model frontier and the sources behind it."""
from __future__ import annotations

from graph.conflicts import IMPORTED_RECORD_PREFIXES
from graph.openness import RANK, release_profiles
from graph.store import GraphStore

COMPUTE_THRESHOLD = 1e25  # FLOP; the EU AI Act's presumption of systemic risk for general-purpose models

CRITERIA = {
    "epoch": ("m.epoch_frontier = true",
              "Epoch AI's frontier flag: among the 10 largest models by training compute at release"),
    "compute": ("m.training_compute_flop >= $threshold",
                "training compute of at least 1e25 FLOP (EU AI Act systemic-risk presumption)"),
    "curated": ("m.frontier = true", "curated frontier flag, with its source"),
}


def frontier_models(store: GraphStore, criterion: str = "epoch", weights: str | None = None) -> list[dict]:
    """Frontier models under one criterion ("any": under at least one, each model naming
    those it meets); `weights` filters on whether any release shipped downloadable
    weights ("open": open or gated; "closed"; "unknown")."""
    if criterion == "any":
        return _any(store, weights)
    if criterion not in CRITERIA:
        raise ValueError(f"unknown criterion {criterion!r}; use one of {', '.join(CRITERIA)} or any")
    condition, meaning = CRITERIA[criterion]
    rows = store.read(
        f"MATCH (m:Model) WHERE {condition} "
        "OPTIONAL MATCH (r:Release)-[:OF_MODEL]->(m) "
        "RETURN m.id AS id, m.name AS name, m.aliases AS aliases, m.training_compute_flop AS compute, "
        "m.sources AS sources, collect(r.id) AS releases",
        {"threshold": COMPUTE_THRESHOLD})
    # one query grades every release of every model (not one per model)
    profiles = {p["release"]: p for p in release_profiles(store, [r for row in rows for r in row["releases"]])}
    out = [_entry([profiles[r] for r in sorted(row["releases"]) if r in profiles], row, criterion, meaning)
           for row in rows]
    if weights:
        out = [m for m in out if m["weights"] == weights]
    return sorted(out, key=lambda m: (m["release_date"] or "", m["name"]))


def _any(store: GraphStore, weights: str | None) -> list[dict]:
    merged: dict[str, dict] = {}
    for name in CRITERIA:
        for model in frontier_models(store, name, weights):
            entry = merged.setdefault(model["id"], {**model, "criteria": []})
            entry["criteria"].append(model["criterion"])
    for entry in merged.values():
        entry["criterion"] = {"name": "+".join(c["name"] for c in entry["criteria"]),
                              "meaning": "; ".join(c["meaning"] for c in entry["criteria"]),
                              "sources": sorted({s for c in entry["criteria"] for s in c["sources"]})}
    return sorted(merged.values(), key=lambda m: (m["release_date"] or "", m["name"]))


def _entry(profiles: list[dict], row: dict, criterion: str, meaning: str) -> dict:
    profiles = sorted(profiles, key=lambda p: (p["date"] or "", p["release"]))
    shipped = [p for p in profiles if p["dimensions"]["weights"]["grade"] in ("open", "restricted")]
    best = max((p["dimensions"]["weights"]["grade"] for p in profiles), key=RANK.get, default="unknown")
    chosen = shipped[0] if shipped else (profiles[0] if profiles else None)
    return {
        "id": row["id"], "name": row["name"], "aliases": row["aliases"] or [],
        "release_date": chosen["date"] if chosen else None,
        "release": chosen["release"] if chosen else None,
        "license": chosen["dimensions"]["license"]["license"] if chosen else None,
        "weights": "open" if shipped else ("closed" if best == "closed" else "unknown"),
        "weights_grade": best,
        "criterion": {"name": criterion, "meaning": meaning,
                      **({"training_compute_flop": row["compute"]} if criterion == "compute" else {}),
                      "sources": _criterion_sources(criterion, row["sources"] or [])},
    }


def _criterion_sources(criterion: str, sources: list[str]) -> list[str]:
    """The sources that can state this criterion: Epoch's records for its flag, the
    curated (non-imported) sources for the curated flag, all of them for compute."""
    if criterion == "epoch":
        return [s for s in sources if s.startswith("source:epoch/")]
    if criterion == "curated":
        return [s for s in sources if not s.startswith(IMPORTED_RECORD_PREFIXES)]
    return sources
