"""The named question catalog: the questions people ask of the graph, each a
parameterized Cypher query (or a call into graph.openness / graph.frontier) whose
every row carries `sources`, the Source ids behind it.

An entity parameter's `kind` is an ontology class: a node label, or an abstract
class (`Thing`, `Agent`) meaning any of its labels. Its value is the entity's id
(`org:meta`); resolve names first (ingest.resolve). Labels and relationship types
come only from the ontology; every value is a parameter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from graph import frontier, openness, paging
from graph.scope import IN_ORG, ORG_SCOPE
from graph.store import GraphStore
from ontology.vocab import vocabulary
from ontology.errors import QuestionError


@dataclass(frozen=True)
class Param:
    name: str  # the Cypher parameter name
    kind: str | None  # the ontology class an entity param refers to, None for a plain value
    description: str
    default: object = None  # None = required


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    description: str
    params: tuple[Param, ...] = ()
    cypher: str | None = None
    run: Callable | None = None  # (store, params) -> list[dict], rows with `sources`
    phrasings: tuple[str, ...] = ()
    paged: bool = False  # the Cypher runs newest first over date windows (graph.paging)


@dataclass
class Answer:
    question: str
    cypher: str
    params: dict
    columns: list[str]
    rows: list[dict]
    sources: list[str] = field(default_factory=list)
    truncated: bool = False  # more rows than `limit` exist; raise it to see them


# ---- reusable parameters and Cypher fragments ----

ORG = Param("org", "Organization", "the organization (its labs and subsidiaries included)")
OTHER_ORG = Param("other_org", "Organization", "the other organization (its labs included)")
PERSON = Param("person", "Person", "the person")
MODEL = Param("model", "Model", "the model")
OTHER_MODEL = Param("other_model", "Model", "the model to compare with")
FAMILY = Param("family", "ModelFamily", "the model family")
LICENSE = Param("license", "License", "the license")
ENTITY = Param("entity", "Thing", "any entity")
LIMIT = Param("limit", None, "how many rows at most", 20)
# Lists that grow with the graph come a page at a time, first rows first (a whole-graph
# answer of thousands of rows is for export, not reading); `truncated` says more exist.
PAGE = Param("limit", None, "how many rows at most (the answer says when more exist)", 100)
CRITERION = Param("criterion", None, "frontier criterion: epoch, compute, curated, or any "
                  "(the default: each model names the criteria it meets)", "any")
LABEL_OF = re.compile(r":LABEL_OF_(\w+)")  # see cypher_for
MAX_LIMIT = 100_000  # rows of one answer at most
MAX_DEPTH = 6  # hops for lineage and connections; Cypher cannot take it as a parameter

LEAD_WORDS = ("chief", "head", "ceo", "cto", "scientist", "director", "lead", "president", "founder")


def flat(expr: str) -> str:
    """Cypher flattening a list of lists."""
    return f"reduce(acc = [], s IN {expr} | acc + coalesce(s, []))"


# ---- `run` questions: built on graph.openness and graph.frontier ----

def _frontier(weights: str) -> Callable:
    def run(store: GraphStore, params: dict) -> list[dict]:
        rows = frontier.frontier_models(store, params["criterion"], weights)[:params["limit"]]
        # a curated flag resting only on an Epoch record has no curated source: fall back on the model's
        fallback = _sources_of(store, "Model", [m["id"] for m in rows if not m["criterion"]["sources"]])
        return [{"model": m["id"], "name": m["name"], "release": m["release"], "date": m["release_date"],
                 "license": m["license"], "weights": m["weights"], "criterion": m["criterion"]["name"],
                 "sources": m["criterion"]["sources"] or fallback.get(m["id"], [])} for m in rows]
    run.__doc__ = f"graph.frontier.frontier_models($criterion, weights={weights!r}), the first $limit"
    return run


def _sources_of(store: GraphStore, label: str, ids: list[str]) -> dict[str, list[str]]:
    """The sources of nodes by id (label from the ontology's allow-list)."""
    if not ids:
        return {}
    rows = store.read(f"MATCH (n:{vocabulary().check_label(label)}) WHERE n.id IN $ids "
                      "RETURN n.id AS id, n.sources AS sources", {"ids": ids})
    return {r["id"]: r["sources"] or [] for r in rows}


def _timeline(store: GraphStore, params: dict) -> list[dict]:
    """graph.openness.organization_timeline($org), each row with its release's sources"""
    profiles = openness.release_profiles(store, openness.organization_release_ids(store, params["org"]))
    return [{**openness.timeline_row(p), "sources": p["sources"] or []} for p in profiles]


def _matrix_row(p: dict) -> dict:
    dims = p["dimensions"]
    return {"release": p["release"], "date": p["date"], "model": p["model_name"],
            **{d: v["grade"] for d, v in dims.items()}, "mof_class": p["mof"]["class"],
            "sources": sorted({*(p["sources"] or []), *(s for v in dims.values() for s in v["sources"] or [])})}


def _matrix(store: GraphStore, params: dict) -> list[dict]:
    """graph.openness.release_profiles of graph.openness.organization_release_ids($org)"""
    ids = openness.organization_release_ids(store, params["org"])
    return [_matrix_row(p) for p in openness.release_profiles(store, ids)]


def _history(store: GraphStore, params: dict) -> list[dict]:
    """graph.openness.model_openness($model): the profile of each release"""
    return [{"release": p["release"], "date": p["date"], "model": p["model_name"], "opened": p["opened"],
             "restricted": p["restricted"], "withheld": p["withheld"], "mof_class": p["mof"]["class"],
             "sources": p["sources"]} for p in openness.model_openness(store, params["model"])["releases"]]


def _restrictive(store: GraphStore, params: dict) -> list[dict]:
    """graph.openness.restrictive_open_releases($limit), newest first"""
    return openness.restrictive_open_releases(store, params["limit"])


def _change(first: str, second: str) -> str:
    return ("same" if first == second else
            "more open" if openness.RANK[first] > openness.RANK[second] else "less open")


def _dimension_rows(a: dict | None, b: dict | None, grades: dict[str, tuple[str, str]]) -> list[dict]:
    """One row per openness dimension: the two releases' grades, how the first compares, the evidence of both."""
    if not (a and b):
        return []
    return [{"dimension": dim, "first": first, "second": second, "first_is": _change(first, second),
             "first_release": a["release"], "second_release": b["release"],
             "sources": sorted({s for p in (a, b) for s in (p["sources"] or []) + p["dimensions"][dim]["sources"]})}
            for dim, (first, second) in grades.items()]


def _compare_models(store: GraphStore, params: dict) -> list[dict]:
    """graph.openness.compare($model, $other_model), with graph.openness.model_openness for the evidence"""
    model, other = params["model"], params["other_model"]
    grades = {d: (g[model], g[other]) for d, g in openness.compare(store, model, other)["dimensions"].items()}
    return _dimension_rows(*(openness.model_openness(store, m)["current"] for m in (model, other)), grades)


def _compare_releases(store: GraphStore, params: dict) -> list[dict]:
    """graph.openness.release_profiles([$release, $other_release]), compared dimension by dimension"""
    found = {p["release"]: p for p in openness.release_profiles(store, [params["release"], params["other_release"]])}
    a, b = found.get(params["release"]), found.get(params["other_release"])
    dims = list(openness.DIMENSIONS) + ["license"]
    grades = {d: (a["dimensions"][d]["grade"], b["dimensions"][d]["grade"]) for d in dims} if a and b else {}
    return _dimension_rows(a, b, grades)


# ---- Cypher questions ----

ORG_RELEASES = f"""
MATCH (o:Organization {{id: $org}}) {ORG_SCOPE}
MATCH (r:Release)-[rb:RELEASED_BY]->(x)
OPTIONAL MATCH (r)-[:OF_MODEL]->(m:Model)
OPTIONAL MATCH (r)-[ul:UNDER_LICENSE]->(l:License)
WITH r, m, l, ul, collect(DISTINCT x.name) AS released_by, collect(rb.sources) AS rb_sources
RETURN r.id AS release, m.name AS model, r.date AS date, l.id AS license, l.name AS license_name,
       released_by, r.sources + coalesce(ul.sources, []) + {flat("rb_sources")} AS sources
ORDER BY date DESC, release"""

AI_LEADERS = f"""
MATCH (o:Organization {{id: $org}}) {ORG_SCOPE}
MATCH (p:Person)-[h:HOLDS_ROLE]->(x)
WHERE any(w IN $keywords WHERE toLower(h.title) CONTAINS w)
RETURN p.id AS person, p.name AS name, h.title AS title, x.name AS organization,
       h.start_date AS since, h.end_date AS until, h.sources AS sources
ORDER BY since, name"""

ORG_PEOPLE = f"""
MATCH (o:Organization {{id: $org}}) {ORG_SCOPE}
MATCH (p:Person)-[h:HOLDS_ROLE]->(x)
RETURN p.id AS person, p.name AS name, h.title AS title, x.name AS organization,
       h.start_date AS start_date, h.end_date AS end_date, h.sources AS sources
ORDER BY start_date, name"""

PERSON_ROLES = """
MATCH (p:Person {id: $person})-[h:HOLDS_ROLE]->(o:Organization)
RETURN o.id AS organization, o.name AS organization_name, h.title AS title,
       h.start_date AS start_date, h.end_date AS end_date, h.sources AS sources
ORDER BY start_date, title"""

MOVERS = f"""
MATCH (p:Person)-[h:HOLDS_ROLE]->(o:Organization)
WITH p, h, o ORDER BY coalesce(h.start_date, h.end_date, '')
WITH p, collect(DISTINCT o.id) AS orgs, collect(o.name + ': ' + h.title + ' (' + coalesce(h.start_date, '?')
     + ' to ' + coalesce(h.end_date, 'now') + ')') AS roles,
     collect(h.sources) AS role_sources, max(h.start_date) AS latest_start
WHERE size(orgs) >= $min_organizations
RETURN p.id AS person, p.name AS name, size(orgs) AS organizations, roles, latest_start,
       {flat("role_sources")} AS sources
ORDER BY coalesce(latest_start, '') DESC, name, person LIMIT $limit"""

DEAL_FIELDS = ("d.id AS deal, d.name AS name, d.deal_kind AS kind, d.amount_usd AS amount_usd, "
               "d.stake_percent AS stake_percent, d.announced AS announced")

ORG_DEALS_BETWEEN = f"""
MATCH (a:Organization {{id: $org}}) MATCH (b:Organization {{id: $other_org}})
MATCH (x:Organization)<-[pa:HAS_PARTY]-(d:Deal)-[pb:HAS_PARTY]->(y:Organization)
WHERE x <> y AND (x.id = a.id OR EXISTS {{ MATCH (x)-[:PART_OF*1..3]->(a) }})
  AND (y.id = b.id OR EXISTS {{ MATCH (y)-[:PART_OF*1..3]->(b) }})
WITH d, collect(DISTINCT x.name + ' (' + pa.deal_role + ')') AS first_side,
     collect(DISTINCT y.name + ' (' + pb.deal_role + ')') AS second_side, collect(pa.sources + pb.sources) AS ps
RETURN {DEAL_FIELDS}, first_side, second_side, d.sources + {flat("ps")} AS sources
ORDER BY announced, deal"""

PERSON_ORG_DEALS = f"""
MATCH (p:Person {{id: $person}}) MATCH (o:Organization {{id: $org}})
MATCH (p)<-[pp:HAS_PARTY]-(d:Deal)-[po:HAS_PARTY]->(x:Organization)
WHERE {IN_ORG} OR EXISTS {{ MATCH (o)-[:PART_OF*1..3]->(x) }}
WITH d, pp, collect(DISTINCT x.name + ' (' + po.deal_role + ')') AS organizations, collect(po.sources) AS ps
RETURN {DEAL_FIELDS}, pp.deal_role AS person_role, organizations,
       d.sources + pp.sources + {flat("ps")} AS sources
ORDER BY announced, deal"""

ORG_DEALS = f"""
MATCH (o:Organization {{id: $org}}) {ORG_SCOPE}
MATCH (d:Deal)-[h:HAS_PARTY]->(x)
OPTIONAL MATCH (d)-[:HAS_PARTY]->(other) WHERE other.id <> x.id
WITH d, collect(DISTINCT x.name + ' (' + h.deal_role + ')') AS as_party,
     collect(DISTINCT other.name) AS other_parties, collect(h.sources) AS hs
RETURN {DEAL_FIELDS}, as_party, other_parties, d.sources + {flat("hs")} AS sources
ORDER BY announced DESC, deal"""

OPEN_WEIGHTS_CLOSED_DATA = """
MATCH (r:Release) WHERE {window}
MATCH (r)-[:SHIPPED]->(w:Artifact {artifact_kind: $weights_kind}) WHERE w.availability IN $obtainable
MATCH (r)-[:SHIPPED]->(d:Artifact {artifact_kind: $data_kind})
WITH r, w, collect(d) AS data
WHERE all(a IN data WHERE a.availability = $withheld)
WITH r, w, data ORDER BY r.date DESC, r.id, w.id LIMIT $limit
RETURN head([(r)-[:OF_MODEL]->(m:Model) | m.id]) AS model, head([(r)-[:OF_MODEL]->(m:Model) | m.name]) AS name,
       r.id AS release, r.date AS date, w.availability AS weights,
       head([(r)-[:UNDER_LICENSE]->(l:License) | l.id]) AS license,
       r.sources + w.sources + reduce(acc = [], a IN data | acc + a.sources) AS sources"""

# Under the license itself or through an artifact: the ontology lets UNDER_LICENSE start
# only at a release or an artifact and SHIPPED end only at an artifact, so these are the two
# paths of at most two hops (one pattern instead of a UNION subquery: 20x at 100k nodes).
# After the page is cut, pattern comprehensions: ArcadeDB plans an OPTIONAL MATCH there as a
# scan of every Model (measured 504 ms at 100k nodes, against 17 ms). Newest first over date
# windows (graph.paging).
NONCOMMERCIAL = """
MATCH (r:Release) WHERE {window}
MATCH (r)-[:UNDER_LICENSE|SHIPPED*1..2]->(l:License) WHERE l.commercial_use = $commercial_use
WITH DISTINCT r, l
WITH r, l ORDER BY r.date DESC, r.id, l.id LIMIT $limit
RETURN r.id AS release, head([(r)-[:OF_MODEL]->(m:Model) | m.name]) AS model, r.date AS date, l.id AS license,
       l.name AS license_name, l.license_kind AS license_kind, r.sources + l.sources AS sources"""

LINEAGE = f"""
MATCH (m:Model {{id: $model}})
MATCH p = (m)-[:BASED_ON*1..{MAX_DEPTH}]->(b:Model)
RETURN 'base' AS direction, length(p) AS depth, b.id AS related, b.name AS name,
       last(relationships(p)).lineage_kind AS lineage_kind, [n IN nodes(p) | n.name] AS path,
       {flat("[r IN relationships(p) | r.sources]")} AS sources
UNION ALL
MATCH (m:Model {{id: $model}})
MATCH p = (d:Model)-[:BASED_ON*1..{MAX_DEPTH}]->(m)
RETURN 'derivative' AS direction, length(p) AS depth, d.id AS related, d.name AS name,
       head(relationships(p)).lineage_kind AS lineage_kind, [n IN nodes(p) | n.name] AS path,
       {flat("[r IN relationships(p) | r.sources]")} AS sources"""

DERIVATIVES = """
MATCH (m:Model {id: $model})<-[b:BASED_ON]-(d:Model)
OPTIONAL MATCH (d)-[:DEVELOPED_BY]->(o:Organization)
RETURN d.id AS model, d.name AS name, b.lineage_kind AS lineage_kind, collect(DISTINCT o.name) AS developers,
       COUNT { MATCH (:Model)-[:BASED_ON]->(d) } AS derivatives_of_it, b.sources AS sources
ORDER BY name"""

# Counted first, details for the page only; each pattern comprehension starts at its bound
# node (one starting at the unbound end scans every Model: 50x slower on ArcadeDB).
MOST_DERIVED = """
MATCH (d:Model)-[:BASED_ON]->(m:Model)
WITH m, count(DISTINCT d) AS derivatives ORDER BY derivatives DESC, m.name, m.id LIMIT $limit
RETURN m.id AS model, m.name AS name, derivatives, [(m)<-[:BASED_ON]-(d:Model) | d.name] AS derived,
       reduce(acc = [], s IN [(m)<-[b:BASED_ON]-(:Model) | b.sources] | acc + s) AS sources"""

SHORTEST = f"""
MATCH (a:LABEL_OF_entity {{id: $entity}}) MATCH (b:LABEL_OF_other_entity {{id: $other_entity}}) WHERE a <> b
MATCH p = shortestPath((a)-[*..{MAX_DEPTH}]-(b))
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS hops, [n IN ns | coalesce(n.name, n.id)] AS nodes, [r IN rs | type(r)] AS relationships,
       [i IN range(0, size(rs) - 1) | coalesce(ns[i].name, ns[i].id)
         + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -[' + type(rs[i]) + ']-> ' ELSE ' <-[' + type(rs[i]) + ']- ' END
         + coalesce(ns[i + 1].name, ns[i + 1].id)] AS steps,
       {flat("[r IN rs | r.sources]")} AS sources"""

ENTITY_SOURCES = """
MATCH (n:LABEL_OF_entity {id: $entity})
OPTIONAL MATCH (n)-[r]-(m)
WITH n, collect({fact: type(r) + ' ' + coalesce(m.name, m.id), sources: r.sources}) AS rels
UNWIND [{fact: 'the record itself', sources: n.sources}] + rels AS f
UNWIND coalesce(f.sources, []) AS sid
WITH sid, collect(DISTINCT f.fact) AS facts
MATCH (s:Source {id: sid})
RETURN s.id AS source, coalesce(s.title, s.name) AS title, s.publisher AS publisher, s.url AS url,
       s.source_kind AS kind, s.published AS published, facts, [s.id] AS sources
ORDER BY size(facts) DESC, source"""

BENCHMARKS = """
MATCH (m:Model {id: $model})
MATCH (m)<-[:OF_MODEL]-(res:BenchmarkResult)-[:ON_BENCHMARK]->(b:Benchmark)
OPTIONAL MATCH (res)-[:EVALUATED_BY]->(e:Organization)
RETURN b.id AS benchmark, b.name AS benchmark_name, res.score AS score, res.unit AS unit,
       res.setting AS setting, e.name AS evaluator, res.date AS date, res.sources AS sources
ORDER BY benchmark_name, setting"""

LEADERBOARD = """
MATCH (b:Benchmark {id: $benchmark})
MATCH (b)<-[:ON_BENCHMARK]-(res:BenchmarkResult)-[:OF_MODEL]->(m:Model)
WITH res, m ORDER BY res.score DESC, m.name, res.id LIMIT $limit
RETURN m.id AS model, m.name AS name, res.score AS score, res.unit AS unit, res.setting AS setting,
       head([(res)-[:EVALUATED_BY]->(e:Organization) | e.name]) AS evaluator, res.date AS date,
       res.sources AS sources"""

SAFETY = """
MATCH (m:Model {id: $model})
MATCH (a:SafetyAssessment)-[:ASSESSES]->(m)
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Organization)
RETURN a.id AS assessment, a.name AS name, o.name AS publisher, a.framework AS framework,
       a.max_risk_level AS max_risk_level, a.findings AS findings, a.date AS date, a.sources AS sources
ORDER BY date"""

FAMILY_MODELS = """
MATCH (fam:ModelFamily {id: $family})
MATCH (m:Model)-[f:IN_FAMILY]->(fam)
OPTIONAL MATCH (r:Release)-[:OF_MODEL]->(m)
WITH m, f, min(r.date) AS first_release
RETURN m.id AS model, m.name AS name, m.parameters AS parameters, first_release,
       m.sources + f.sources AS sources
ORDER BY first_release, name"""

LICENSES = """
MATCH (l:License)
RETURN l.id AS license, l.name AS name, l.license_kind AS kind, l.spdx_id AS spdx_id,
       l.osi_approved AS osi_approved, l.commercial_use AS commercial_use,
       l.derivatives_allowed AS derivatives_allowed, l.user_threshold_mau AS user_threshold_mau,
       l.acceptable_use_policy AS acceptable_use_policy, l.usage_restrictions AS usage_restrictions,
       COUNT { MATCH (:Release)-[:UNDER_LICENSE]->(l) } AS releases, l.sources AS sources
ORDER BY releases DESC, name"""

# a page of releases `r`, already cut, with model and main license
RELEASE_FIELDS = ("r.id AS release, head([(r)-[:OF_MODEL]->(m:Model) | m.name]) AS model, r.date AS date, "
                  "head([(r)-[:UNDER_LICENSE]->(l:License) | l.id]) AS license, "
                  "r.sources + coalesce(head([(r)-[ul:UNDER_LICENSE]->(:License) | ul.sources]), []) AS sources")

BY_LICENSE = """
MATCH (l:License {id: $license})
MATCH (r:Release)-[ul:UNDER_LICENSE]->(l)
WITH r, l, ul ORDER BY r.date DESC, r.id LIMIT $limit
RETURN r.id AS release, head([(r)-[:OF_MODEL]->(m:Model) | m.name]) AS model, r.date AS date, l.id AS license,
       r.sources + ul.sources AS sources"""

LATEST = f"""
MATCH (r:Release) WHERE {{window}}
WITH r ORDER BY r.date DESC, r.id LIMIT $limit
RETURN {RELEASE_FIELDS}"""

IN_YEAR = f"""
MATCH (r:Release) WHERE r.date STARTS WITH toString($year)
WITH r ORDER BY r.date, r.id LIMIT $limit
RETURN {RELEASE_FIELDS}"""

LABS = """
MATCH p = (x:Organization)-[:PART_OF*1..3]->(:Organization {id: $org})
RETURN x.id AS organization, x.name AS name, x.organization_kind AS kind, length(p) AS depth,
       nodes(p)[1].name AS part_of, reduce(acc = x.sources, r IN relationships(p) | acc + r.sources) AS sources
ORDER BY depth, name"""

BY_DEVELOPER = f"""
MATCH (o:Organization {{id: $org}}) {ORG_SCOPE}
MATCH (m:Model)-[db:DEVELOPED_BY]->(x)
WITH m, collect(db.sources) AS ds
RETURN m.id AS model, m.name AS name, m.parameters AS parameters, m.active_parameters AS active_parameters,
       m.training_compute_flop AS training_compute_flop, {flat("ds")} AS sources
ORDER BY coalesce(parameters, -1) DESC, name"""

BY_COMPUTE = """
MATCH (m:Model) WHERE m.training_compute_flop IS NOT NULL
OPTIONAL MATCH (m)-[:DEVELOPED_BY]->(o:Organization)
RETURN m.id AS model, m.name AS name, m.training_compute_flop AS training_compute_flop,
       m.parameters AS parameters, collect(o.name) AS developers, m.sources AS sources
ORDER BY training_compute_flop DESC, name LIMIT $limit"""

STATEMENT_FIELDS = """s.id AS statement, s.date AS date, s.stance AS stance, s.summary AS summary,
       [(s)-[:ABOUT]->(t) | t.name] AS about"""

BY_SPEAKER = f"""
MATCH (s:Statement)-[sb:STATED_BY]->({{id: $speaker}})
WHERE s.stance IN $stances
RETURN {STATEMENT_FIELDS}, s.sources + sb.sources AS sources
ORDER BY date, statement"""

BY_STANCE = f"""
MATCH (s:Statement {{stance: $stance}})-[sb:STATED_BY]->(sp)
WITH s, sb, sp ORDER BY s.date DESC, s.id, sp.id LIMIT $limit
RETURN sp.name AS speaker, {STATEMENT_FIELDS}, s.sources + sb.sources AS sources"""

ABOUT = f"""
MATCH (s:Statement)-[a:ABOUT]->({{id: $entity}})
OPTIONAL MATCH (s)-[:STATED_BY]->(sp)
RETURN sp.name AS speaker, {STATEMENT_FIELDS}, s.sources + a.sources AS sources
ORDER BY date DESC, statement"""

CHANNELS = """
MATCH (m:Model {id: $model})
MATCH (r:Release)-[:OF_MODEL]->(m)
MATCH (r)-[v:VIA_CHANNEL]->(c:AccessChannel)
OPTIONAL MATCH (c)-[:OPERATED_BY]->(op:Organization)
RETURN r.id AS release, r.date AS date, c.id AS channel, c.name AS name, c.access_kind AS access_kind,
       op.name AS operator, v.sources AS sources
ORDER BY date, channel"""

ARTIFACTS = """
MATCH (m:Model {id: $model})
MATCH (r:Release)-[:OF_MODEL]->(m)
MATCH (r)-[s:SHIPPED]->(a:Artifact)
OPTIONAL MATCH (a)-[:UNDER_LICENSE]->(l:License)
RETURN r.id AS release, r.date AS date, a.id AS artifact, a.artifact_kind AS kind,
       a.availability AS availability, l.id AS license, a.sources + s.sources AS sources
ORDER BY date, kind, artifact"""

RELEASE_COUNTS = """
MATCH (r:Release)-[:RELEASED_BY]->(o:Organization)
WITH o, count(DISTINCT r) AS releases, min(r.date) AS first, max(r.date) AS latest
ORDER BY releases DESC, o.name, o.id LIMIT $limit
RETURN o.id AS organization, o.name AS name, releases, first, latest,
       reduce(acc = [], s IN [(o)<-[rb:RELEASED_BY]-(:Release) | rb.sources] | acc + s) AS sources"""


# ---- the catalog ----

def _q(name, title, description, params=(), cypher=None, run=None, phrasings=(), paged=False) -> Question:
    return Question(name, title, description, tuple(params), cypher.strip() if cypher else None, run,
                    tuple(phrasings), paged)


QUESTIONS = [
    _q("frontier_models_with_weights", "Which frontier models shipped weights?",
       "Frontier models (by a named criterion) with a release whose final weights could be downloaded, "
       "openly or gated; the first such release and its license.",
       [CRITERION, PAGE], run=_frontier("open"),
       phrasings=("frontier models with open weights", "which frontier models can I download",
                  "open-weight frontier models")),
    _q("frontier_models_without_weights", "Which frontier models never shipped weights?",
       "Frontier models (by a named criterion) whose releases all withheld the final weights; models "
       "with nothing recorded about their weights are left out.",
       [CRITERION, PAGE], run=_frontier("closed"),
       phrasings=("closed frontier models", "frontier models without weights",
                  "which frontier models kept their weights closed")),
    _q("organization_releases", "What did an organization release, when, and under which license?",
       "The releases of an organization and its labs, newest first, with the model and the main license.",
       [ORG], ORG_RELEASES,
       phrasings=("what did {org} release", "{org} releases",
                  "which models has {org} released and under what license")),
    _q("organization_ai_leaders", "Who leads an organization's AI work, and since when?",
       "Leadership roles (chief, head, CEO, CTO, scientist, director, lead, president, founder) at the "
       "organization and its labs, by start date.",
       [ORG, Param("keywords", None, "title words that mark a leadership role", LEAD_WORDS)], AI_LEADERS,
       phrasings=("who leads AI at {org}", "who runs {org}'s AI", "{org} AI leadership", "who heads {org}")),
    _q("organization_people", "Who works or worked at an organization?",
       "Every recorded role at the organization and its labs, by start date.",
       [ORG], ORG_PEOPLE, phrasings=("people at {org}", "who works at {org}", "{org} staff and executives")),
    _q("person_roles", "What positions has a person held?",
       "A person's roles at organizations with titles and dates.",
       [PERSON], PERSON_ROLES, phrasings=("career of {person}", "where has {person} worked", "{person} roles")),
    _q("people_who_moved_between_labs", "Who moved between labs?",
       "People with roles at two or more different organizations, their roles in date order; the most "
       "recent movers first.",
       [Param("min_organizations", None, "how many different organizations at least", 2), PAGE], MOVERS,
       phrasings=("people who changed labs", "who moved between AI companies", "talent moves between labs")),
    _q("deals_between_organizations", "Which deals connect two organizations?",
       "Deals in which both organizations (or their labs) are parties, with kind, amount and roles.",
       [ORG, OTHER_ORG], ORG_DEALS_BETWEEN,
       phrasings=("deals between {org} and {other_org}", "did {org} invest in {other_org}",
                  "{org} {other_org} deal")),
    _q("deals_between_person_and_organization", "Which deals connect a person to an organization?",
       "Deals in which the person is a party together with the organization, one of its labs or its parent.",
       [PERSON, ORG], PERSON_ORG_DEALS,
       phrasings=("deals between {person} and {org}", "how did {person} join {org}", "{person} {org} deal")),
    _q("organization_deals", "Which deals has an organization taken part in?",
       "Every deal of the organization and its labs, newest first, with its role and the other parties.",
       [ORG], ORG_DEALS, phrasings=("deals of {org}", "{org} investments and acquisitions", "who invested in {org}")),
    _q("organization_openness_timeline", "How has an organization's openness changed over time?",
       "The organization's releases over time with the weights grade, license and what each opened or withheld.",
       [ORG], run=_timeline,
       phrasings=("{org} openness over time", "how open has {org} been", "{org} open vs closed history")),
    _q("organization_openness_matrix", "What did each of an organization's releases open, dimension by dimension?",
       "The openness profile of every release of the organization: a grade (open, restricted, closed, "
       "unknown) per dimension and the MOF class.",
       [ORG], run=_matrix,
       phrasings=("openness matrix for {org}", "{org} release openness grades", "what did {org} open per release")),
    _q("model_openness_history", "What did each release of a model open or withhold?",
       "A model's releases in date order, with the dimensions opened, restricted and withheld.",
       [MODEL], run=_history,
       phrasings=("how open is {model}", "openness of {model}", "is {model} open source")),
    _q("open_weights_closed_data", "Which models have open weights but closed training data?",
       "Releases whose final weights are obtainable (open or gated) while every recorded training-data "
       "artifact is withheld, newest first.",
       [Param("weights_kind", None, "artifact kind of the weights", "final_weights"),
        Param("obtainable", None, "availabilities counting as shipped", ("open", "gated")),
        Param("data_kind", None, "artifact kind of the data", "training_data"),
        Param("withheld", None, "availability counting as withheld", "closed"), PAGE],
       OPEN_WEIGHTS_CLOSED_DATA, paged=True,
       phrasings=("open weights closed data", "models that released weights but not data",
                  "which open models hide their training data")),
    _q("releases_restricting_commercial_use", "Which releases forbid commercial use?",
       "Releases whose main license or an artifact's license does not permit commercial use, newest first.",
       [Param("commercial_use", None, "the license's commercial_use value to look for", False), PAGE], NONCOMMERCIAL,
       paged=True,
       phrasings=("non-commercial releases", "which models can't be used commercially",
                  "releases under noncommercial licenses")),
    _q("restrictive_open_releases", "Which 'open' releases come with restrictive terms?",
       "Releases with downloadable weights whose terms limit use: user thresholds, acceptable-use "
       "policies, no commercial use, custom or RAIL-style terms; newest first.",
       [PAGE], run=_restrictive,
       phrasings=("open releases with user thresholds", "which open models have acceptable use policies",
                  "open weights with restrictive licenses")),
    _q("model_lineage", "What is a model's lineage?",
       "Its base models upward and its fine-tunes, distillations and other derivatives downward, with "
       "how each was derived.",
       [MODEL], LINEAGE,
       phrasings=("lineage of {model}", "what is {model} based on", "family tree of {model}")),
    _q("model_derivatives", "Which models are based on a given model?",
       "The models directly derived from it, how, by whom, and how many models derive from each in turn.",
       [MODEL], DERIVATIVES,
       phrasings=("models based on {model}", "fine-tunes of {model}", "derivatives of {model}")),
    _q("most_derived_models", "Which models have the most derivatives?",
       "Base models ranked by the number of models directly derived from them.",
       [LIMIT], MOST_DERIVED,
       phrasings=("most fine-tuned models", "which base models are built on most", "most popular base models")),
    _q("shortest_connection", "How are two entities connected?",
       f"The shortest path over any relationships (up to {MAX_DEPTH} hops) between two entities, with the "
       "names and relationship types along it and the sources of its relationships.",
       [ENTITY, Param("other_entity", "Thing", "the other entity")], SHORTEST,
       phrasings=("how is {entity} connected to {other_entity}", "link between {entity} and {other_entity}",
                  "path from {entity} to {other_entity}")),
    _q("compare_models", "What changed between two models?",
       "The latest release of one model against the other's, dimension by dimension (e.g. two models of a family).",
       [MODEL, OTHER_MODEL], run=_compare_models,
       phrasings=("compare {model} and {other_model}", "{model} vs {other_model}",
                  "what changed from {other_model} to {model}")),
    _q("compare_releases", "What changed between two releases?",
       "Two releases' openness profiles, dimension by dimension.",
       [Param("release", "Release", "the release"), Param("other_release", "Release", "the release to compare with")],
       run=_compare_releases,
       phrasings=("compare release {release} with {other_release}", "{release} vs {other_release}")),
    _q("entity_sources", "What are the sources behind an entity?",
       "Every source behind the entity's record and its relationships, with title, publisher, URL and kind, "
       "and the facts each one backs.",
       [ENTITY], ENTITY_SOURCES,
       phrasings=("sources for {entity}", "where does the information on {entity} come from", "evidence for {entity}")),
    _q("model_benchmark_results", "How did a model score on benchmarks?",
       "The model's benchmark results with unit, setting, evaluator and date.",
       [MODEL], BENCHMARKS, phrasings=("benchmarks of {model}", "{model} scores", "how good is {model}")),
    _q("benchmark_leaderboard", "Which models scored best on a benchmark?",
       "Recorded results on the benchmark, best first.",
       [Param("benchmark", "Benchmark", "the benchmark"), PAGE], LEADERBOARD,
       phrasings=("leaderboard for {benchmark}", "best models on {benchmark}", "{benchmark} results")),
    _q("model_safety_assessments", "What did safety assessments find about a model?",
       "Published safety assessments of the model: publisher, framework, findings and highest risk level.",
       [MODEL], SAFETY, phrasings=("safety of {model}", "{model} risk assessment", "is {model} dangerous")),
    _q("family_models", "Which models belong to a family?",
       "The models of the family with their size and first release date.",
       [FAMILY], FAMILY_MODELS, phrasings=("models in {family}", "{family} models", "members of the {family} family")),
    _q("licenses_and_terms", "Which licenses are there and what do they allow?",
       "Every license with its kind, OSI approval, commercial use, derivatives, user threshold, "
       "acceptable-use policy and restrictions, and how many releases use it.",
       (), LICENSES, phrasings=("list licenses", "license terms", "which licenses allow commercial use")),
    _q("releases_by_license", "Which releases use a given license?",
       "The releases whose main license is the given one, newest first.",
       [LICENSE, PAGE], BY_LICENSE,
       phrasings=("releases under {license}", "which models use {license}", "{license} releases")),
    _q("latest_releases", "What are the latest releases?",
       "The most recent releases with model and license.",
       [LIMIT], LATEST, paged=True, phrasings=("recent releases", "what's new", "newest models")),
    _q("releases_in_year", "What was released in a given year?",
       "The releases dated in the year, in date order.",
       [Param("year", None, "the year, e.g. 2024"), PAGE], IN_YEAR,
       phrasings=("releases in {year}", "what came out in {year}", "models released in {year}")),
    _q("organization_labs", "Which labs and subsidiaries does an organization have?",
       "Organizations part of it, directly or through another (up to three levels).",
       [ORG], LABS, phrasings=("labs of {org}", "{org} subsidiaries", "divisions of {org}")),
    _q("models_by_developer", "Which models did an organization develop, and how big are they?",
       "Models developed by the organization or its labs with parameters, active parameters and training compute.",
       [ORG], BY_DEVELOPER,
       phrasings=("models by {org}", "what models has {org} built", "{org} model sizes")),
    _q("largest_models_by_compute", "Which models used the most training compute?",
       "Models ranked by training compute (FLOP).",
       [LIMIT], BY_COMPUTE,
       phrasings=("largest models by compute", "biggest training runs", "most compute-intensive models")),
    _q("statements_by_speaker", "What has a person or organization said about openness?",
       "Statements by the speaker that take a stance on openness (pro_open, pro_closed, mixed, neutral).",
       [Param("speaker", "Agent", "the person or organization"),
        Param("stances", None, "stances to include", ("pro_open", "pro_closed", "mixed", "neutral"))],
       BY_SPEAKER,
       phrasings=("what did {speaker} say about open source", "{speaker} on open models",
                  "{speaker} stance on openness")),
    _q("statements_by_stance", "Who argued for or against open models?",
       "Statements taking a given stance (pro_open, pro_closed, mixed or neutral), newest first.",
       [Param("stance", None, "pro_open, pro_closed, mixed or neutral"), PAGE], BY_STANCE,
       phrasings=("who argued for {stance}", "{stance} statements", "who is {stance}")),
    _q("statements_about_entity", "What has been said about an entity?",
       "Statements about the entity, newest first, with speaker and stance.",
       [ENTITY], ABOUT,
       phrasings=("what was said about {entity}", "statements on {entity}", "opinions about {entity}")),
    _q("model_access_channels", "How can a model be accessed?",
       "The access channels of the model's releases: download sites, APIs, apps.",
       [MODEL], CHANNELS,
       phrasings=("where can I use {model}", "how to access {model}", "is {model} on an API")),
    _q("model_artifacts", "What did a model's releases ship or withhold?",
       "Every artifact of the model's releases with kind, availability and license.",
       [MODEL], ARTIFACTS,
       phrasings=("artifacts of {model}", "what was released with {model}", "can I download {model} weights")),
    _q("organizations_by_release_count", "Which organizations released the most?",
       "Organizations ranked by the number of releases they made, with first and latest dates.",
       [LIMIT], RELEASE_COUNTS,
       phrasings=("most active labs", "who releases the most models", "organizations ranked by releases")),
]

CATALOG: dict[str, Question] = {q.name: q for q in QUESTIONS}


# ---- answering ----

def _check_kind(question: Question, param: Param, value) -> None:
    """An entity parameter takes the id of an entity of its kind (`org:meta` for an Organization)."""
    vocab = vocabulary()
    labels = vocab.labels_for_range(param.kind)
    if not isinstance(value, str) or vocab.label_of(value) not in labels:
        prefixes = ", ".join(sorted(f"{vocab.labels[label]}:…" for label in labels))
        raise QuestionError(f"question {question.name!r}: parameter {param.name!r} takes the id of an entity "
                         f"of kind {param.kind} ({prefixes}), not {value!r}")


def bind(question: Question, params: dict) -> dict:
    """The question's parameters with defaults filled in; ValueError naming an unknown, missing or mistyped one."""
    known = {p.name for p in question.params}
    unknown = sorted(set(params) - known)
    if unknown:
        raise QuestionError(f"question {question.name!r} has no parameter {unknown[0]!r}; "
                         f"it takes {', '.join(sorted(known)) or 'none'}")
    bound = {}
    for p in question.params:
        value = params.get(p.name)
        value = p.default if value is None else value
        if value is None:
            raise QuestionError(f"question {question.name!r} needs the parameter {p.name!r} ({p.description})")
        if p.kind:
            _check_kind(question, p, value)
        if p.name == "limit":
            value = _limit(question, value)
        bound[p.name] = list(value) if isinstance(value, tuple) else value
    return bound


def _limit(question: Question, value) -> int:
    """A row limit: a positive whole number (digits in a string are taken, as from a form)."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_LIMIT:
        raise QuestionError(f"question {question.name!r}: parameter 'limit' takes a whole number from 1 "
                         f"to {MAX_LIMIT:,}, not {value!r}")
    return value


def _sources(value) -> list[str]:
    """A row's sources, flattened, deduplicated and sorted."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return sorted({s for v in value for s in _sources(v)})


def _columns(rows: list[dict]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row))


def describe_run(question: Question) -> str:
    """What a `run` question calls: its function's docstring."""
    return " ".join((question.run.__doc__ or question.run.__qualname__).split())


def cypher_for(question: Question, bound: dict) -> str:
    """The question's Cypher with each `:LABEL_OF_<param>` replaced by the label of the entity
    that parameter names (its id prefix, checked against the ontology): an id matched
    without a label is looked up in every label, a scan of the whole graph."""
    vocab = vocabulary()

    def label(match: re.Match) -> str:
        return ":" + vocab.check_label(vocab.label_of(bound[match.group(1)]))

    return LABEL_OF.sub(label, question.cypher)


def answer(store: GraphStore, name: str, params: dict | None = None) -> Answer:
    question = CATALOG.get(name)
    if question is None:
        raise QuestionError(f"unknown question {name!r}")
    bound = bind(question, params or {})
    cypher = cypher_for(question, bound) if question.cypher else None
    # one row more than the limit: whether more exist, without counting them all
    asked = {**bound, "limit": bound["limit"] + 1} if "limit" in bound else bound
    if cypher and question.paged:
        rows = paging.newest_first(store, cypher, {k: v for k, v in asked.items() if k != "limit"}, asked["limit"])
        columns, cypher = _columns(rows), paging.shown(cypher)
    elif cypher:
        result = store.read_only(cypher, asked, limit=MAX_LIMIT + 1)
        columns, rows = result.columns, result.rows
    else:
        rows = question.run(store, asked)
        columns = _columns(rows)
    truncated = "limit" in bound and len(rows) > bound["limit"]
    rows = rows[:bound["limit"]] if truncated else rows
    for row in rows:
        row["sources"] = _sources(row.get("sources"))
    return Answer(name, cypher or describe_run(question), bound, columns, rows,
                  sorted({s for row in rows for s in row["sources"]}), truncated)
