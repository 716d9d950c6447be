"""Ingest into the real embedded server: idempotent, sourced, all-or-nothing."""
from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from graph import queries

from helpers import copy_fixture, run_cli


def test_ingest_writes_every_record_with_sources(store, env, tmp_path):
    code, result, output = run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    assert code == 0, output
    stats = queries.stats(store)
    assert stats == result["after"]
    assert stats["nodes"]["Artifact"] == 2 and stats["nodes"]["Organization"] == 2
    assert stats["relationships"]["HOLDS_ROLE"] == 2 and stats["relationships"]["HAS_PARTY"] == 3
    assert queries.sourceless(store) == {"nodes": 0, "relationships": 0}


def test_second_ingest_changes_no_count(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    run_cli("ingest", str(data), "--json")
    code, result, _ = run_cli("ingest", str(data), "--json")
    assert code == 0 and result["before"] == result["after"]
    rows = store.read("MATCH (n) RETURN n.id AS id, count(*) AS c ORDER BY c DESC LIMIT 1")
    assert rows[0]["c"] == 1


def test_properties_keep_their_types(store, env, tmp_path):
    run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    [row] = store.read("MATCH (m:Model {id: 'model:example-1'}) RETURN m.parameters AS p, "
                       "m.training_compute_flop AS c, m.aliases AS a")
    assert row == {"p": 7000000000, "c": 1.2e23, "a": ["Example 1", "ex-1"]}
    [score] = store.read("MATCH (r:BenchmarkResult) RETURN r.score AS s")
    assert score["s"] == 58.0 and isinstance(score["s"], float)


def test_malformed_file_exits_nonzero_names_file_line_field_and_writes_nothing(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    run_cli("ingest", str(data), "--json")
    before = queries.stats(store)
    # a valid new record and an invalid one in the same batch: neither may be written
    (data / "zz-bad.yaml").write_text(
        "sources:\n  - id: source:new\n    name: New\n    source_kind: primary\n"
        "models:\n  - id: model:new\n    name: New model\n    parameters: many\n    sources: [source:new]\n",
        encoding="utf-8",
    )
    code, result, _ = run_cli("ingest", str(data), "--json")
    assert code == 1 and result["ok"] is False
    [problem] = result["problems"]
    assert problem["file"].endswith("zz-bad.yaml") and problem["line"] == 8
    assert (problem["record"], problem["field"]) == ("model:new", "parameters")
    assert queries.stats(store) == before
    assert store.read("MATCH (n {id: 'source:new'}) RETURN n") == []


def test_human_readable_error_message(store, env, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("organizations:\n  - id: org:x\n    organization_kind: company\n    sources: [source:x]\n")
    code, _, output = run_cli("ingest", str(bad))
    assert code == 1
    assert "bad.yaml:2" in output and "record 'org:x'" in output and "field 'name'" in output


def test_uniqueness_constraint_holds(store, env, tmp_path):
    run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    with pytest.raises(ConstraintError):
        store.write("CREATE (:Model {id: 'model:example-1', name: 'dup'})")
    assert store.read("MATCH (m:Model {id: 'model:example-1'}) RETURN count(m) AS c") == [{"c": 1}]


def test_relationship_sources_fall_back_to_the_record(store, env, tmp_path):
    run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    rows = store.read("MATCH (:Deal)-[r:HAS_PARTY]->(p) RETURN p.id AS party, r.deal_role AS role, "
                      "r.sources AS sources ORDER BY party")
    assert rows[0] == {"party": "org:example-co", "role": "investor", "sources": ["source:example-report"]}
    assert {r["role"] for r in rows} == {"investor", "target", "hired"}


def test_sources_union_when_a_second_source_states_the_same_fact(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    run_cli("ingest", str(data), "--json")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "more.yaml").write_text(
        "sources:\n  - id: source:another\n    name: Another\n    source_kind: secondary\n"
        "organizations:\n  - id: org:example-co\n    name: Example Co\n    organization_kind: company\n"
        "    sources: [source:another]\n", encoding="utf-8")
    code, _, out = run_cli("ingest", str(extra), "--json")
    assert code == 0, out
    [row] = store.read("MATCH (o:Organization {id: 'org:example-co'}) RETURN o.sources AS s")
    assert row["s"] == ["source:example-announcement", "source:another"]
