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


def test_ratios_of_a_light_scale_leave_out_the_untraced_memory():
    """At 1M nodes rdflib's memory is not traced: the ratio table must still be made (a
    missing key there once lost an hour of measuring)."""
    from benchmarks.suite import ratios

    rates = {"create_ceiling": {"per_s": 200}, "aikg": {"per_s": 100}}
    light = {"streaming": {"triples_per_s": 300, "peak_mb": 20.0}, "rdflib": {"triples_per_s": 100}, "speedup": 3.0}
    result = {"scales": [{"target_nodes": 1_000_000, "ingest": rates, "rdf": light,
                          "questions": {"q": {"p95_ms": 5.0}}}]}
    figures = {r["figure"]: r["ratio"] for r in ratios(result)}
    assert figures["RDF export streaming / in-memory rdflib (triples/s)"] == 3.0
    assert figures["batched CREATE ceiling / writer (records/s)"] == 2.0
    assert not any("peak MB" in name for name in figures)
