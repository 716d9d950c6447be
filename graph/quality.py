"""Data-quality checks over the loaded graph (`aikg check`).

Each check is a named read query returning the offending items; errors make
`aikg check` fail, warnings are reported. Duplicate detection compares names and
aliases after normalization, within one label.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from graph.store import GraphStore

DOWNLOAD = "['open_download', 'gated_download']"
# Weights given to approved researchers on request are obtainable, though gated.
OBTAIN_CHANNELS = "['open_download', 'gated_download', 'research_access']"
OBTAINABLE = "['open', 'gated']"
WEIGHTS = "['final_weights', 'intermediate_weights']"
DEDUP_LABELS = ("Organization", "Person", "Model", "ModelFamily", "License", "Benchmark", "AccessChannel")
EARLIEST = "1950"  # for releases, deals, publications and roles
EARLIEST_FOUNDED = "1800"  # organizations can be old (IBM: 1911)


@dataclass(frozen=True)
class Check:
    name: str
    severity: str
    description: str
    query: str


@dataclass
class CheckResult:
    name: str
    severity: str
    description: str
    items: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)

    def as_dict(self) -> dict:
        return {"name": self.name, "severity": self.severity, "description": self.description,
                "count": self.count, "items": self.items}


CHECKS = [
    Check("sourceless_nodes", "error", "nodes without sources",
          "MATCH (n) WHERE NOT n:AikgLoadState AND (n.sources IS NULL OR size(n.sources) = 0) "
          "RETURN n.id AS id, labels(n)[0] AS label"),
    Check("sourceless_relationships", "error", "relationships without sources",
          "MATCH (a)-[r]->(b) WHERE r.sources IS NULL OR size(r.sources) = 0 "
          "RETURN a.id AS start, type(r) AS type, b.id AS end"),
    Check("unknown_sources", "error", "source ids that name no Source node",
          "MATCH (n) UNWIND n.sources AS s WITH DISTINCT s "
          "OPTIONAL MATCH (src:Source {id: s}) WITH s, src WHERE src IS NULL RETURN s AS id"),
    Check("weights_without_download_channel", "error",
          "releases shipping obtainable weights through no download channel",
          f"MATCH (r:Release)-[:SHIPPED]->(a:Artifact) WHERE a.artifact_kind IN {WEIGHTS} "
          f"AND a.availability IN {OBTAINABLE} AND NOT EXISTS {{ MATCH (r)-[:VIA_CHANNEL]->(c:AccessChannel) "
          f"WHERE c.access_kind IN {OBTAIN_CHANNELS} }} RETURN DISTINCT r.id AS id"),
    Check("download_channel_without_artifacts", "error",
          "releases through a download channel that ship nothing obtainable",
          f"MATCH (r:Release)-[:VIA_CHANNEL]->(c:AccessChannel) WHERE c.access_kind IN {DOWNLOAD} "
          f"AND NOT EXISTS {{ MATCH (r)-[:SHIPPED]->(a:Artifact) WHERE a.availability IN {OBTAINABLE} }} "
          "RETURN DISTINCT r.id AS id"),
    Check("gated_channel_with_open_weights", "warning",
          "weights marked open although every download channel is gated",
          f"MATCH (r:Release)-[:SHIPPED]->(a:Artifact {{availability: 'open'}}) WHERE a.artifact_kind IN {WEIGHTS} "
          "AND NOT EXISTS { MATCH (r)-[:VIA_CHANNEL]->(c:AccessChannel {access_kind: 'open_download'}) } "
          "AND EXISTS { MATCH (r)-[:VIA_CHANNEL]->(c:AccessChannel {access_kind: 'gated_download'}) } "
          "RETURN DISTINCT r.id AS id"),
    Check("unreleased_with_obtainable_weights", "error",
          "releases marked unreleased that ship obtainable weights",
          f"MATCH (r:Release)-[:VIA_CHANNEL]->(:AccessChannel {{access_kind: 'unreleased'}}) "
          f"MATCH (r)-[:SHIPPED]->(a:Artifact) WHERE a.artifact_kind IN {WEIGHTS} "
          f"AND a.availability IN {OBTAINABLE} RETURN DISTINCT r.id AS id"),
    Check("dates_out_of_range", "error",
          f"dates in the future, before {EARLIEST} (or {EARLIEST_FOUNDED} for a founding)",
          "MATCH (n) WITH n, [d IN [n.date, n.announced, n.published] WHERE d IS NOT NULL] AS ds "
          "UNWIND ds AS d WITH n, d WHERE d < $earliest OR d > $today RETURN n.id AS id, d AS date "
          "UNION MATCH (n:Organization) WHERE n.founded < $earliest_founded OR n.founded > $today "
          "RETURN n.id AS id, n.founded AS date"),
    Check("role_dates_out_of_order", "error", "roles that end before they start or lie in the future",
          "MATCH (p:Person)-[r:HOLDS_ROLE]->(o) WHERE (r.end_date IS NOT NULL AND r.start_date IS NOT NULL "
          "AND r.end_date < r.start_date) OR r.start_date > $today OR r.start_date < $earliest "
          "RETURN p.id AS person, o.id AS organization, r.title AS title"),
    Check("release_before_developer_founded", "warning",
          "releases dated before their developer was founded",
          "MATCH (r:Release)-[:RELEASED_BY]->(o:Organization) WHERE o.founded IS NOT NULL "
          "AND left(r.date, 4) < left(o.founded, 4) RETURN r.id AS id, o.id AS organization"),
    Check("release_without_channel", "warning", "releases with no access channel",
          "MATCH (r:Release) WHERE NOT EXISTS { MATCH (r)-[:VIA_CHANNEL]->() } RETURN r.id AS id"),
    Check("release_without_weights_artifact", "warning", "releases that say nothing about their weights",
          f"MATCH (r:Release) WHERE NOT EXISTS {{ MATCH (r)-[:SHIPPED]->(a:Artifact) "
          f"WHERE a.artifact_kind IN {WEIGHTS} }} RETURN r.id AS id"),
    Check("model_without_release", "warning", "models with no release",
          "MATCH (m:Model) WHERE NOT EXISTS { MATCH (:Release)-[:OF_MODEL]->(m) } RETURN m.id AS id"),
    Check("model_without_developer", "warning", "models with no developer",
          "MATCH (m:Model) WHERE NOT EXISTS { MATCH (m)-[:DEVELOPED_BY]->() } RETURN m.id AS id"),
]


def normalize(name: str) -> str:
    """Case, spacing and punctuation folded: "Llama-2 70B" == "llama 2 70b"."""
    return re.sub(r"[^0-9a-z]+", "", name.lower().replace("+", "plus"))


def duplicates(store: GraphStore) -> CheckResult:
    result = CheckResult("duplicate_entities", "error",
                         "different ids of one label sharing a name or alias (after normalization)")
    for label in DEDUP_LABELS:
        seen: dict[str, set[str]] = defaultdict(set)
        for row in store.read(f"MATCH (n:{label}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases"):
            for name in [row["name"], *(row["aliases"] or [])]:
                if name and normalize(name):
                    seen[normalize(name)].add(row["id"])
        for key, ids in sorted(seen.items()):
            if len(ids) > 1:
                result.items.append({"label": label, "name": key, "ids": sorted(ids)})
    return result


def run_checks(store: GraphStore, today: str | None = None) -> list[CheckResult]:
    params = {"today": today or date.today().isoformat(), "earliest": EARLIEST,
              "earliest_founded": EARLIEST_FOUNDED}
    results = [CheckResult(c.name, c.severity, c.description, store.read(c.query, params)) for c in CHECKS]
    results.append(duplicates(store))
    return results
