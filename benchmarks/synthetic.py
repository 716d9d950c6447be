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
from typing import Iterator

from ontology.records import EdgeRecord, NodeRecord, Origin

ORIGIN = Origin("synthetic")
KINDS = ("final_weights", "model_card", "training_code")
LINEAGE = ("fine_tune", "quantization", "merge", "distillation")
CHANNELS = ("open_download", "gated_download", "public_api")
BASES_PER_ORG = 6  # each spawning about 7 models (fan-out 1-4, then 1-2): about 225 nodes per organization


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
                    osi_approved=bool(i % 3))
    for channel in CHANNELS:
        yield _node("AccessChannel", f"channel:synthetic-{channel}", source, access_kind=channel)
    for o in range(orgs):
        yield from _organization(rng, o, licenses, source)


def _organization(rng: random.Random, o: int, licenses: list[str], source: str) -> Iterator:
    org = f"org:synthetic-{o}"
    yield _node("Organization", org, source, organization_kind="company")
    for p in range(4):
        person = f"person:synthetic-{o}-{p}"
        yield _node("Person", person, source)
        yield _edge("HOLDS_ROLE", "Person", person, "Organization", org, source, key=f"role {p}|", title=f"role {p}")
    if o:
        deal = f"deal:synthetic-{o}"
        yield _node("Deal", deal, source, deal_kind="investment", amount_usd=float(rng.randint(1, 900)) * 1e6)
        yield _edge("HAS_PARTY", "Deal", deal, "Organization", org, source, key="target", deal_role="target")
        yield _edge("HAS_PARTY", "Deal", deal, "Organization", f"org:synthetic-{rng.randrange(o)}", source,
                    key="investor", deal_role="investor")
    family = f"family:synthetic-{o}"
    yield _node("ModelFamily", family, source)
    for b in range(BASES_PER_ORG):
        yield from _model_tree(rng, o, b, org, family, licenses, source)


def _model_tree(rng: random.Random, o: int, b: int, org: str, family: str, licenses: list[str],
                source: str) -> Iterator:
    """A base model and its derivatives, two generations deep, fan-out drawn per model."""
    base = f"model:synthetic-{o}-{b}"
    generation = [base]
    yield from _model(rng, base, org, family, licenses, source, parent=None)
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
    yield _node("Model", model, source, parameters=rng.choice((7, 13, 70, 405)) * 10**9)
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
