"""A deterministic synthetic AI landscape for benchmarks (issue 8): organizations,
people and roles, deals, families, models with a Hugging Face-like fan-out of
derivatives (fine-tunes, quantizations, merges), releases, artifacts, licenses
and sources. Names are plainly synthetic; nothing here is a fact.

`landscape(scale, seed)` yields graph records, about 900 nodes per unit of scale
(measured: 933 at scale 1, 9,075 at scale 10; scale 1100 is about a million), the
same records for the same arguments.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

from ontology.records import EdgeRecord, NodeRecord, Origin

ORIGIN = Origin("synthetic")
KINDS = ("final_weights", "model_card", "training_code", "training_data")
LINEAGE = ("fine_tune", "quantization", "merge", "distillation")
CHANNELS = ("open_download", "gated_download", "public_api")
BASES_PER_ORG = 6  # each spawning about 7 models (fan-out 1-4, then 1-2): about 250 nodes per organization
BENCHMARKS = 20


def _node(label: str, node_id: str, source: str, **props) -> NodeRecord:
    return NodeRecord(label, node_id, {"id": node_id, "name": node_id.split(":", 1)[1], "sources": [source], **props},
                      ORIGIN)


def _edge(rel: str, start_label: str, start: str, end_label: str, end: str, source: str,
          key: str | None = None, **props) -> EdgeRecord:
    """A relationship; `key` tells apart several of one type between the same nodes (as the writer's merge key)."""
    merge_key = {"key": key} if key is not None else {}
    record = EdgeRecord(rel, start_label, start, end, ORIGIN, rel.lower(), frozenset({end_label}),
                        key=merge_key, props={"sources": [source], **props})
    record.end_label = end_label
    return record


def landscape(scale: float = 1.0, seed: int = 7) -> Iterator:
    rng = random.Random(seed)
    orgs = max(2, round(4 * scale))
    source = "source:synthetic"
    yield _node("Source", source, source, source_kind="dataset")
    licenses = [f"license:synthetic-{i}" for i in range(12)]
    for i, lic in enumerate(licenses):
        yield _node("License", lic, source, license_kind="permissive" if i % 3 else "custom_model_license",
                    osi_approved=bool(i % 3), commercial_use=i % 4 != 0, acceptable_use_policy=i % 3 == 0)
    for channel in CHANNELS:
        yield _node("AccessChannel", f"channel:synthetic-{channel}", source, access_kind=channel)
    for b in range(BENCHMARKS):
        yield _node("Benchmark", f"benchmark:synthetic-{b}", source)
    for o in range(orgs):
        yield from _organization(rng, o, licenses, source)


def _organization(rng: random.Random, o: int, licenses: list[str], source: str) -> Iterator:
    org = f"org:synthetic-{o}"
    yield _node("Organization", org, source, organization_kind="company")
    lab = f"{org}-lab"
    yield _node("Organization", lab, source, organization_kind="lab")
    yield _edge("PART_OF", "Organization", lab, "Organization", org, source)
    for p in range(4):
        person = f"person:synthetic-{o}-{p}"
        yield _node("Person", person, source)
        yield _edge("HOLDS_ROLE", "Person", person, "Organization", org if p % 2 else lab, source,
                    key=f"chief scientist {p}|{2020 + p}", title=f"chief scientist {p}", start_date=f"{2020 + p}")
        if o and p == 0:  # a move between labs: an earlier role elsewhere
            yield _edge("HOLDS_ROLE", "Person", person, "Organization", f"org:synthetic-{o - 1}", source,
                        key="researcher|2016", title="researcher", start_date="2016", end_date="2019")
    if o:
        deal = f"deal:synthetic-{o}"
        yield _node("Deal", deal, source, deal_kind="investment", amount_usd=rng.randint(1, 900) * 1_000_000)
        yield _edge("HAS_PARTY", "Deal", deal, "Organization", org, source, key="target", deal_role="target")
        yield _edge("HAS_PARTY", "Deal", deal, "Organization", f"org:synthetic-{rng.randrange(o)}", source,
                    key="investor", deal_role="investor")
        yield _edge("HAS_PARTY", "Deal", deal, "Person", f"person:synthetic-{o}-1", source,
                    key="hired", deal_role="hired")
    family = f"family:synthetic-{o}"
    yield _node("ModelFamily", family, source)
    for b in range(BASES_PER_ORG):
        yield from _model_tree(rng, o, b, org, family, licenses, source)


def _base_extras(rng: random.Random, o: int, b: int, model: str, org: str, source: str) -> Iterator:
    """What a base model gathers besides its releases: scores, an assessment, a statement."""
    name = model.split(":", 1)[1]
    for k in range(2):
        result = f"result:{name}-{k}"
        yield _node("BenchmarkResult", result, source, score=round(rng.uniform(10, 95), 1),
                    date=f"{rng.randint(2019, 2026)}")
        yield _edge("OF_MODEL", "BenchmarkResult", result, "Model", model, source)
        yield _edge("ON_BENCHMARK", "BenchmarkResult", result, "Benchmark",
                    f"benchmark:synthetic-{rng.randrange(BENCHMARKS)}", source)
    assessment = f"assessment:{name}"
    yield _node("SafetyAssessment", assessment, source, max_risk_level=rng.choice(("low", "medium", "high")))
    yield _edge("ASSESSES", "SafetyAssessment", assessment, "Model", model, source)
    yield _edge("PUBLISHED_BY", "SafetyAssessment", assessment, "Organization", org, source)
    statement = f"statement:{name}"
    yield _node("Statement", statement, source, summary=f"synthetic statement {name}",
                stance=rng.choice(("pro_open", "pro_closed", "mixed")), date=f"{rng.randint(2019, 2026)}")
    yield _edge("STATED_BY", "Statement", statement, "Person", f"person:synthetic-{o}-{b % 4}", source)
    yield _edge("ABOUT", "Statement", statement, "Model", model, source)


def _model_tree(rng: random.Random, o: int, b: int, org: str, family: str, licenses: list[str],
                source: str) -> Iterator:
    """A base model and its derivatives, two generations deep, fan-out drawn per model."""
    base = f"model:synthetic-{o}-{b}"
    generation = [base]
    yield from _model(rng, base, org, family, licenses, source, parent=None)
    yield from _base_extras(rng, o, b, base, org, source)
    for depth in range(2):
        children = []
        for parent in generation:
            for c in range(rng.randint(1, 4 if depth == 0 else 2)):
                child = f"{parent}-{c}"
                children.append(child)
                yield from _model(rng, child, org, family, licenses, source, parent=parent)
        generation = children


def _model(rng: random.Random, model: str, org: str, family: str, licenses: list[str], source: str,
           parent: str | None) -> Iterator:
    extra = {"frontier": rng.random() < 0.2, "epoch_frontier": rng.random() < 0.1,
             "training_compute_flop": float(rng.randint(1, 900)) * 1e22} if parent is None else {}
    yield _node("Model", model, source, parameters=rng.choice((7, 13, 70, 405)) * 10**9, **extra)
    yield _edge("DEVELOPED_BY", "Model", model, "Organization", org, source)
    yield _edge("IN_FAMILY", "Model", model, "ModelFamily", family, source)
    if parent:
        yield _edge("BASED_ON", "Model", model, "Model", parent, source, lineage_kind=rng.choice(LINEAGE))
    release = f"release:{model.split(':', 1)[1]}"
    yield _node("Release", release, source, date=f"{rng.randint(2018, 2026)}-{rng.randint(1, 12):02d}")
    yield _edge("OF_MODEL", "Release", release, "Model", model, source)
    yield _edge("RELEASED_BY", "Release", release, "Organization", org, source)
    yield _edge("VIA_CHANNEL", "Release", release, "AccessChannel", f"channel:synthetic-{rng.choice(CHANNELS)}",
                source)
    license_id = rng.choice(licenses)
    yield _edge("UNDER_LICENSE", "Release", release, "License", license_id, source)
    for kind in KINDS:
        artifact = f"artifact:{release.split(':', 1)[1]}/{kind}"
        yield _node("Artifact", artifact, source, artifact_kind=kind,
                    availability=rng.choice(("open", "gated", "closed")))
        yield _edge("SHIPPED", "Release", release, "Artifact", artifact, source)
