"""Which models count as frontier, by an explicit, switchable criterion, and
whether they shipped weights. Every answer names the criterion that made a
model frontier and the sources behind it."""
from __future__ import annotations

from graph.conflicts import IMPORTED_RECORD_PREFIXES
from graph.openness import RANK, WEIGHTS_OF_R, graded_licenses, weights_grade
from graph.store import GraphStore
from ontology.errors import QuestionError

COMPUTE_THRESHOLD = 1e25  # FLOP; the EU AI Act's presumption of systemic risk for general-purpose models

CRITERIA = {
    "epoch": ("m.epoch_frontier = true",
              "Epoch AI's frontier flag: among the 10 largest models by training compute at release"),
    "compute": ("m.training_compute_flop >= $threshold",
                "training compute of at least 1e25 FLOP (EU AI Act systemic-risk presumption)"),
    "curated": ("m.frontier = true", "curated flag: a cited source calls the model frontier, state of the art or on "
                "par with the leading models at its release, or Epoch flags it (the model's notes name the source)"),
}


def frontier_models(store: GraphStore, criterion: str = "epoch", weights: str | None = None) -> list[dict]:
    """Frontier models under one criterion ("any": under at least one, each model naming
    those it meets); `weights` filters on whether any release shipped downloadable
    weights ("open": open or gated; "closed"; "unknown")."""
    if criterion != "any" and criterion not in CRITERIA:
        raise QuestionError(f"unknown criterion {criterion!r}; use one of {', '.join(CRITERIA)} or any")
    names = list(CRITERIA) if criterion == "any" else [criterion]
    licenses = graded_licenses(store)
    by_criterion = {}
    for name in names:
        out = [_entry([weights_grade(r, licenses) for r in row["releases"]], row, name, CRITERIA[name][1])
               for row in _models(store, name)]
        by_criterion[name] = sorted((m for m in out if not weights or m["weights"] == weights),
                                    key=lambda m: (m["release_date"] or "", m["name"], m["id"]))
    return _any(by_criterion) if criterion == "any" else by_criterion[criterion]


def _models(store: GraphStore, criterion: str) -> list[dict]:
    """The models meeting one criterion, each with its releases' weights and license (one
    query grades every release of every model, not one per model; one query per criterion,
    as an OR of them defeats the flags' indexes)."""
    condition, _ = CRITERIA[criterion]  # a KeyError for any other name: no text reaches the query
    return store.read(
        f"MATCH (m:Model) WHERE {condition} "
        "RETURN m.id AS id, m.name AS name, m.aliases AS aliases, m.training_compute_flop AS compute, "
        f"m.sources AS sources, [(m)<-[:OF_MODEL]-(r:Release) | {WEIGHTS_OF_R}] AS releases",
        {"threshold": COMPUTE_THRESHOLD})


def _any(by_criterion: dict[str, list[dict]]) -> list[dict]:
    merged: dict[str, dict] = {}
    for models in by_criterion.values():
        for model in models:
            entry = merged.setdefault(model["id"], {**model, "criteria": []})
            entry["criteria"].append(model["criterion"])
    for entry in merged.values():
        entry["criterion"] = {"name": "+".join(c["name"] for c in entry["criteria"]),
                              "meaning": "; ".join(c["meaning"] for c in entry["criteria"]),
                              "sources": sorted({s for c in entry["criteria"] for s in c["sources"]})}
    return sorted(merged.values(), key=lambda m: (m["release_date"] or "", m["name"], m["id"]))


def _entry(grades: list[dict], row: dict, criterion: str, meaning: str) -> dict:
    """One model: its first release that shipped weights (else its first release), graded."""
    grades = sorted(grades, key=lambda g: (g["date"] or "", g["release"]))
    shipped = [g for g in grades if g["weights"] in ("open", "restricted")]
    best = max((g["weights"] for g in grades), key=RANK.get, default="unknown")
    chosen = shipped[0] if shipped else (grades[0] if grades else None)
    return {
        "id": row["id"], "name": row["name"], "aliases": row["aliases"] or [],
        "release_date": chosen["date"] if chosen else None,
        "release": chosen["release"] if chosen else None,
        "license": chosen["license"] if chosen else None,
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
