"""The landscape at a glance (the app's first page): every release with its lab, whether its
model is frontier and how its weights shipped, plus the graph's size and freshness.

The weights are graded exactly as graph/openness.py grades them (`weights_grade`), and
frontier membership uses the criteria of graph/frontier.py. The page costs a fixed handful
of queries whatever the graph holds: one row per release is read once and every chart is
aggregated from it here, in Python."""
from __future__ import annotations

from collections import Counter, defaultdict

from graph import frontier, openness, queries
from graph.openness import WEIGHTS_OF_R
from graph.store import GraphStore

# The criterion of the catalog's frontier questions (what Ask answers by default): a model is
# frontier when it meets any of graph/frontier.py's criteria (FRONTIER_MODEL below). frontier_models() itself
# defaults to Epoch's flag, which only an Epoch import sets: the curated graph has none.
FRONTIER_CRITERION = "any"
TOP_LABS = 10
OTHER_LABS = "Other labs"
NEWEST = 12
SHIPPED = ("open", "restricted")  # downloadable weights, openly or gated (as graph/frontier.py counts)
GRADES = ("open", "restricted", "closed", "unknown")


# The condition on a model `m` of the "any" criterion: graph/frontier.py's fixed condition texts
# joined with OR (values stay parameters: $threshold). One pattern rather than a query per
# criterion: the page reads every release once anyway.
FRONTIER_MODEL = " OR ".join(f"({frontier.CRITERIA[name][0]})" for name in frontier.CRITERIA)
# One row per release. Pattern comprehensions start at the bound release (fast on ArcadeDB,
# docs/architecture.md); the frontier flag tests the release's model against the criterion.
RELEASES = (
    "MATCH (r:Release) RETURN r.id AS id, r.name AS name, r.date AS date, "
    "head([(r)-[:OF_MODEL]->(m:Model) | m.name]) AS model, "
    "[(r)-[:RELEASED_BY]->(o:Organization) | {id: o.id, name: o.name}] AS orgs, "
    "size([(r)-[:OF_MODEL]->(m:Model) WHERE " + FRONTIER_MODEL + " | m.id]) > 0 AS frontier, "
    + WEIGHTS_OF_R + " AS weights"
)
NEWEST_SOURCE = "MATCH (s:Source) WHERE s.published IS NOT NULL RETURN max(s.published) AS published"


def has_releases(store: GraphStore) -> bool:
    """Whether the graph holds any release yet (what an empty overview waits for)."""
    return bool(store.read("MATCH (r:Release) WITH r LIMIT 1 RETURN count(r) AS n")[0]["n"])


def releases(store: GraphStore) -> list[dict]:
    """Every release: id, name, date, model, orgs [{id, name}], frontier, weights grade."""
    licenses = openness.graded_licenses(store)
    rows = store.read(RELEASES, {"threshold": frontier.COMPUTE_THRESHOLD})
    return [{**{k: row[k] for k in ("id", "name", "date", "model", "frontier")},
             "orgs": sorted(row["orgs"] or [], key=lambda o: o["id"]),
             "weights": openness.weights_grade(row["weights"], licenses)["weights"]} for row in rows]


def quarter(date: str | None) -> str | None:
    """"2024 Q2" for a date of month or day precision; None for a year alone or no date."""
    if not date or len(date) < 7:
        return None
    return f"{date[:4]} Q{(int(date[5:7]) - 1) // 3 + 1}"


def top_labs(rows: list[dict], top: int = TOP_LABS) -> list[dict]:
    """The labs with the most releases, most first: [{id, name, releases}]."""
    counts = Counter((o["id"], o["name"]) for row in rows for o in row["orgs"])
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][1] or item[0][0]))
    return [{"id": lab_id, "name": name or lab_id, "releases": n} for (lab_id, name), n in ranked[:top]]


def per_quarter(rows: list[dict], top: int = TOP_LABS) -> dict:
    """Releases per quarter, lab and weights grade: the top labs each on their own, the others
    as one group (a release counted once per group it falls in). `unplaced` counts the
    releases a quarter cannot hold (dated by year only, or undated)."""
    labs = top_labs(rows, top)
    names = {lab["id"]: lab["name"] for lab in labs}
    counts: Counter = Counter()
    unplaced = 0
    for row in rows:
        when = quarter(row["date"])
        if when is None:
            unplaced += 1
            continue
        groups = {(o["id"], names[o["id"]]) if o["id"] in names else (None, OTHER_LABS) for o in row["orgs"]}
        for lab_id, lab in groups:
            counts[(lab_id, lab, when, row["weights"])] += 1
    bars = [{"lab_id": lab_id, "lab": lab, "quarter": when, "weights": grade, "releases": n}
            for (lab_id, lab, when, grade), n in sorted(counts.items(), key=lambda item: (item[0][2], item[0][1]))]
    order = [lab["name"] for lab in labs] + ([OTHER_LABS] if any(b["lab_id"] is None for b in bars) else [])
    return {"bars": bars, "labs": order, "unplaced": unplaced}


def frontier_by_year(rows: list[dict]) -> list[dict]:
    """Per year, the releases of frontier models by weights grade, each bar with the year's
    total and the share of that year's frontier releases that shipped weights."""
    by_year: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        if row["frontier"] and row["date"]:
            by_year[row["date"][:4]][row["weights"]] += 1
    out = []
    for year in sorted(by_year):
        total = sum(by_year[year].values())
        shipped = sum(by_year[year][g] for g in SHIPPED)
        out += [{"year": year, "weights": grade, "releases": by_year[year][grade], "total": total,
                 "shipped": shipped, "share_shipped": round(shipped / total, 4)}
                for grade in GRADES if by_year[year][grade]]
    return out


def newest(rows: list[dict], n: int = NEWEST) -> list[dict]:
    """The n most recent dated releases, newest first (ISO strings sort across precisions)."""
    dated = sorted((r for r in rows if r["date"]), key=lambda r: (r["date"], r["id"]), reverse=True)
    return dated[:n]


def landscape(store: GraphStore) -> dict:
    """Everything the overview draws: five queries (licenses, releases, two counts, newest source)."""
    rows = releases(store)
    size = queries.stats(store)
    newest_source = store.read(NEWEST_SOURCE)[0]["published"] if size["nodes"].get("Source") else None
    newest_release = max((r["date"] for r in rows if r["date"]), default=None)
    return {
        "releases": len(rows),
        "organizations": size["nodes"].get("Organization", 0),
        "nodes": sum(size["nodes"].values()),
        "relationships": sum(size["relationships"].values()),
        "newest_release": newest_release,
        "newest_source": newest_source,
        "newest_fact": max((d for d in (newest_release, newest_source) if d), default=None),
        "per_quarter": per_quarter(rows),
        "frontier": frontier_by_year(rows),
        "frontier_criterion": FRONTIER_CRITERION,
        "newest": newest(rows),
    }
