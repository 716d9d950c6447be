"""Data-quality checks over the loaded graph (`aikg check`).

Each check is a named read query returning the offending items; errors make
`aikg check` fail, warnings are reported. Duplicate detection compares names and
aliases after normalization, within one label; the likely-duplicate audit
(`aikg check --duplicates`) compares models of one developer, size and month whose
names contain one another. Both take the normalizer as an argument: entity
resolution's (ingest.resolve.normalize), passed in by the caller, so that the
checks and the resolver agree on what "the same name" is (graph/ never imports ingest/).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from graph.store import GraphStore
from ontology.names import fold_letters

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
    # A primary source is the lab's own page: without its address nobody can check the fact
    # (issue 15); reporting and dataset records should have one too, but may predate the web.
    Check("primary_sources_without_url", "error", "primary sources (the developer's own pages) without a URL",
          "MATCH (s:Source) WHERE s.source_kind = 'primary' AND (s.url IS NULL OR s.url = '') "
          "RETURN s.id AS id, s.name AS name"),
    Check("sources_without_url", "warning", "secondary and dataset sources without a URL",
          "MATCH (s:Source) WHERE s.source_kind <> 'primary' AND (s.url IS NULL OR s.url = '') "
          "RETURN s.id AS id, s.source_kind AS kind, s.name AS name"),
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


Normalizer = Callable[[str, str], str]  # (name, label) -> comparison key (ingest.resolve.normalize)


def fold(name: str) -> str:
    """Case, spacing and punctuation folded: "Llama-2 70B" == "llama 2 70b" (one name
    written twice; likely duplicates under entity resolution's normalizer are the audit's)."""
    return re.sub(r"[^0-9a-z]+", "", fold_letters(name).lower().replace("+", "plus"))


def duplicates(store: GraphStore) -> CheckResult:
    """Ids of one label sharing a name. Models of different developers may share a name
    ("Evo" of Together AI and of Liquid AI): such a pair is two models, not a duplicate."""
    result = CheckResult("duplicate_entities", "error",
                         "different ids of one label sharing a name or alias (after normalization)")
    for label in DEDUP_LABELS:
        seen: dict[str, set[str]] = defaultdict(set)
        developers: dict[str, set[str]] = {}
        for row in store.read(f"MATCH (n:{label}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, "
                              "[(n)-[:DEVELOPED_BY]->(o) | o.id] AS developers"):
            developers[row["id"]] = set(row["developers"] or [])
            for name in [row["name"], *(row["aliases"] or [])]:
                if name and fold(name):
                    seen[fold(name)].add(row["id"])
        for key, ids in sorted(seen.items()):
            ordered = sorted(ids)
            if any(not developers[a] or not developers[b] or developers[a] & developers[b]
                   for i, a in enumerate(ordered) for b in ordered[i + 1:]):
                result.items.append({"label": label, "name": key, "ids": ordered})
    return result


# -- what the graph says about each model: the duplicate audit reads it, and imports resolve against it
MODEL_PROFILES = (
    "MATCH (m:Model) RETURN m.id AS id, m.name AS name, coalesce(m.aliases, []) AS aliases, "
    "m.parameters AS parameters, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS developers, "
    "[(m)<-[:OF_MODEL]-(r:Release) | r.date] AS dates"
)
ORGANIZATION_PARENTS = "MATCH (o:Organization)-[:PART_OF]->(p:Organization) RETURN o.id AS id, p.id AS parent"


# Hub pages the graph cites for a model (its own url, or its release's or weights' url): how a
# Hugging Face import finds the model of a repository, and the organization behind a namespace.
HUB_LINKS = (
    "MATCH (m:Model) WHERE m.url STARTS WITH 'https://huggingface.co/' "
    "RETURN m.id AS model, m.url AS url, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS developers "
    "UNION MATCH (r:Release)-[:OF_MODEL]->(m:Model) WHERE r.url STARTS WITH 'https://huggingface.co/' "
    "RETURN m.id AS model, r.url AS url, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS developers "
    "UNION MATCH (r:Release)-[:SHIPPED]->(a:Artifact) WHERE a.url STARTS WITH 'https://huggingface.co/' "
    "MATCH (r)-[:OF_MODEL]->(m:Model) "
    "RETURN m.id AS model, a.url AS url, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS developers"
)


def hub_links(store: GraphStore) -> list[dict]:
    """(model, Hugging Face url, the model's developers) for every Hub page the graph cites for a model."""
    return store.read(HUB_LINKS)


def model_profiles(store: GraphStore) -> list[dict]:
    """Each model's id, name, aliases, parameters, developers and release dates."""
    return store.read(MODEL_PROFILES)


def organization_parents(store: GraphStore) -> list[dict]:
    return store.read(ORGANIZATION_PARENTS)


# Words that make a name another model of the family, not another name of the same model:
# "Llama 2 70B" and "Llama 2 70B Chat" are one developer's, one size and one month, and two models.
VARIANT_WORDS = frozenset("""
    chat instruct instruction it base sft dpo rlhf rl reward preference rule code coder math vision vl
    audio speech video image mini nano micro tiny small medium large xl xxl pro plus max ultra flash lite
    light turbo haiku sonnet opus alpha beta preview distill distilled zero finetuned fine tuned ft
    storywriter twin deep rerun reasoning thinking guard embed embedding long multilingual quantized awq
    gptq gguf bidirectional unidirectional
""".split())
DUPLICATE_SHARE_TARGET = 0.005  # at most 0.5% of Model nodes in a likely-duplicate pair
PARAMETER_TOLERANCE = 0.02
_SIZE = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?[kmbt]$|^v\d+(?:\.\d+)*$")


def _contained(short: list[str], long: list[str]) -> list[str] | None:
    """The words `long` has around `short` when `short` is a run of its words, else None."""
    n = len(short)
    for i in range(len(long) - n + 1):
        if long[i:i + n] == short:
            return long[:i] + long[i + n:]
    return None


def _same_model_names(a: str, b: str) -> bool:
    """One name contained in the other, the rest no variant word and no number but a size
    or a "v" version: "bloom" / "bloom 176b", "codestral" / "codestral 22b v0.1", not
    "llama 2 70b" / "llama 2 70b chat", nor "deepseek r1" / "deepseek r1 0528"."""
    ta, tb = a.split(), b.split()
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    extra = _contained(short, long)
    if extra is None or not short:
        return False
    return not any(w in VARIANT_WORDS or (re.search(r"\d", w) and not _SIZE.match(w)) for w in extra)


def likely_duplicate_models(store: GraphStore, normalize: Normalizer) -> dict:
    """Pairs of Model nodes that are likely one model: a developer in common, the same
    parameter count, first released in the same month, and one name contained in the
    other after normalization (entity resolution's normalizer), the difference being
    no variant word (VARIANT_WORDS) and no number other than a size or version."""
    profiles = model_profiles(store)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in profiles:
        months = sorted(d[:7] for d in row["dates"] or [] if d and len(d) >= 7)
        if not months or not row["parameters"]:
            continue
        row["keys"] = {normalize(n, "Model") for n in [row["name"], *row["aliases"]] if n} - {""}
        for developer in row["developers"] or []:
            groups[(developer, months[0])].append(row)
    pairs: dict[tuple[str, str], dict] = {}
    for (developer, month), rows in sorted(groups.items()):
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if tuple(sorted((a["id"], b["id"]))) in pairs or abs(a["parameters"] - b["parameters"]) > \
                        PARAMETER_TOLERANCE * max(a["parameters"], b["parameters"]):
                    continue
                names = next(((x, y) for x in sorted(a["keys"]) for y in sorted(b["keys"])
                              if _same_model_names(x, y)), None)
                if names:
                    first, second = sorted((a, b), key=lambda r: r["id"])
                    pairs[(first["id"], second["id"])] = {
                        "ids": [first["id"], second["id"]], "names": [first["name"], second["name"]],
                        "matched": list(names), "developer": developer, "month": month,
                        "parameters": a["parameters"]}
    nodes = {i for pair in pairs for i in pair}
    share = len(nodes) / len(profiles) if profiles else 0.0
    return {"models": len(profiles), "pairs": list(pairs.values()), "nodes": len(nodes), "share": round(share, 5),
            "target": DUPLICATE_SHARE_TARGET, "within_target": share <= DUPLICATE_SHARE_TARGET}


def run_checks(store: GraphStore, normalize: Normalizer, today: str | None = None) -> list[CheckResult]:
    """Every check; `normalize` is entity resolution's normalizer (ingest.resolve.normalize)."""
    params = {"today": today or date.today().isoformat(), "earliest": EARLIEST,
              "earliest_founded": EARLIEST_FOUNDED}
    results = [CheckResult(c.name, c.severity, c.description, store.read(c.query, params)) for c in CHECKS]
    results.append(duplicates(store))
    audit = likely_duplicate_models(store, normalize)
    results.append(CheckResult("likely_duplicate_models", "warning",
                               "models of one developer, size and month whose names contain one another "
                               "(aikg check --duplicates)", audit["pairs"]))
    return results
