"""The benchmark code runs at a tiny scale (benchmarks measure speed; this only checks they work)."""
from __future__ import annotations

from benchmarks.synthetic import landscape
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
