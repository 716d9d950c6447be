"""Latency of every catalog question on the synthetic landscape: p50 and p95 of
`graph.catalog.answer` (query, transfer and Python post-processing), after one warm-up.
A question that answers a page at a time is timed with its default page, and again for its
whole answer (`limit` at its maximum), which is what an export of the list costs."""
from __future__ import annotations

import math
import statistics
import time

from graph.catalog import CATALOG, MAX_LIMIT, answer
from graph.store import GraphStore

ORG, OTHER_ORG = "org:synthetic-1", "org:synthetic-0"
PERSON = "person:synthetic-1-0"
MODEL, OTHER_MODEL = "model:synthetic-1-0", "model:synthetic-1-1"

# Parameters on the synthetic landscape (benchmarks/synthetic.py); entity questions take
# an entity of organization 1, list questions run over the whole graph.
PARAMS: dict[str, dict] = {
    "frontier_models_with_weights": {}, "frontier_models_without_weights": {},
    "organization_releases": {"org": ORG}, "organization_ai_leaders": {"org": ORG},
    "organization_people": {"org": ORG}, "person_roles": {"person": PERSON},
    "people_who_moved_between_labs": {},
    "deals_between_organizations": {"org": ORG, "other_org": OTHER_ORG},
    "deals_between_person_and_organization": {"person": "person:synthetic-1-1", "org": ORG},
    "organization_deals": {"org": ORG}, "organization_openness_timeline": {"org": ORG},
    "organization_openness_matrix": {"org": ORG}, "model_openness_history": {"model": MODEL},
    "open_weights_closed_data": {}, "releases_restricting_commercial_use": {}, "restrictive_open_releases": {},
    "model_lineage": {"model": "model:synthetic-1-0-0-0"}, "model_derivatives": {"model": MODEL},
    "most_derived_models": {}, "shortest_connection": {"entity": PERSON, "other_entity": "model:synthetic-1-0-0-0"},
    "compare_models": {"model": MODEL, "other_model": OTHER_MODEL},
    "compare_releases": {"release": "release:synthetic-1-0", "other_release": "release:synthetic-1-1"},
    "entity_sources": {"entity": MODEL}, "model_benchmark_results": {"model": MODEL},
    "benchmark_leaderboard": {"benchmark": "benchmark:synthetic-0"}, "model_safety_assessments": {"model": MODEL},
    "family_models": {"family": "family:synthetic-1"}, "licenses_and_terms": {},
    "releases_by_license": {"license": "license:synthetic-0"}, "latest_releases": {},
    "releases_in_year": {"year": "2024"}, "organization_labs": {"org": ORG}, "models_by_developer": {"org": ORG},
    "largest_models_by_compute": {}, "statements_by_speaker": {"speaker": PERSON},
    "statements_by_stance": {"stance": "pro_closed"}, "statements_about_entity": {"entity": MODEL},
    "model_access_channels": {"model": MODEL}, "model_artifacts": {"model": MODEL},
    "organizations_by_release_count": {},
}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: the smallest value with at least q of the runs at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def timed(store: GraphStore, name: str, params: dict, runs: int) -> dict:
    rows = len(answer(store, name, params).rows)  # warm-up: plan cache, connection
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        answer(store, name, params)
        times.append((time.perf_counter() - start) * 1000)
    return {"rows": rows, "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1), "runs": runs}


def latencies(store: GraphStore, runs: int, names: list[str] | None = None) -> dict[str, dict]:
    out = {}
    for name in names or sorted(CATALOG):
        out[name] = timed(store, name, PARAMS[name], runs)
        if any(p.name == "limit" for p in CATALOG[name].params):
            out[name]["whole"] = timed(store, name, {**PARAMS[name], "limit": MAX_LIMIT}, runs)
    return out
