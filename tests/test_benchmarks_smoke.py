"""The benchmark code runs at a tiny scale (benchmarks measure speed; this only checks they work)."""
from __future__ import annotations

import json

from benchmarks.synthetic import landscape
from graph.catalog import CATALOG
from graph import queries
from graph.writer import GraphWriter
from ingest.pipeline import summarize
from ingest.validate import check_batch
from ontology.records import NodeRecord
from ontology.vocab import vocabulary


def test_synthetic_landscape_is_deterministic_valid_and_loads(store):
    records = list(landscape(scale=0.5, seed=3))
    assert [r.id if isinstance(r, NodeRecord) else (r.type, r.start_id, r.end_id) for r in records] == \
        [r.id if isinstance(r, NodeRecord) else (r.type, r.start_id, r.end_id) for r in landscape(0.5, 3)]
    assert check_batch(records, vocabulary(), lambda label, ids: set()) == []
    GraphWriter(store).write(records)
    expected = summarize(records).as_dict()
    stats = queries.stats(store)
    assert stats["nodes"] == dict(sorted(expected["nodes"].items()))
    assert stats["relationships"] == dict(sorted(expected["relationships"].items()))
    assert 300 < sum(stats["nodes"].values()) < 800
    assert queries.sourceless(store) == {"nodes": 0, "relationships": 0}


def test_the_suite_runs_at_a_tiny_scale_and_reports_every_ratio(tmp_path):
    """Every stage of `aikg bench` on a few hundred nodes (fresh servers of its own);
    the figures are not checked, only that each was measured and reported."""
    from benchmarks import suite

    config = suite.BenchConfig(scales=[400], runs=1, compare_at=300, app_at=None, rdf_memory=False,
                               kgx=False, heap="512m", output=tmp_path / "results.json")
    result = suite.run(config, say=lambda text: None)
    assert json.loads(config.output.read_text()) == result
    loaded = result["loaders"]
    counts = {name: (loaded[name]["nodes"], loaded[name]["relationships"])
              for name in ("per_record", "create_ceiling", "aikg")}
    assert len(set(counts.values())) == 1, counts  # every loader wrote the same graph
    scale = result["scales"][0]
    assert set(scale["questions"]) == set(CATALOG)
    assert all(q["rows"] > 0 for q in scale["questions"].values()), "every question has data to answer"
    assert scale["rdf"]["streaming"]["triples"] == scale["rdf"]["rdflib"]["triples"] > 0
    figures = [row["figure"] for row in result["ratios"]]
    assert len(figures) == 2 + 4 - 1  # no peak-memory ratio without the traced runs
    assert all(row["ratio"] is not None for row in result["ratios"] if "KGX" not in row["figure"])
