"""Bad curated input is reported with file, line, record, field and reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.writer import GraphWriter
from ingest import pipeline
from ingest.problems import IngestError
from ingest.sources.curated import CuratedSource
from ontology.records import EdgeRecord, NodeRecord

from helpers import copy_fixture


def problems_for(store, *paths: Path):
    with pytest.raises(IngestError) as info:
        pipeline.collect([CuratedSource(list(paths))], GraphWriter(store))
    return info.value.problems


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fixture_yields_nodes_and_every_relationship_kind(store, tmp_path):
    records = pipeline.collect([CuratedSource([copy_fixture(tmp_path)])], GraphWriter(store))
    nodes = {r.id: r for r in records if isinstance(r, NodeRecord)}
    edges = [r for r in records if isinstance(r, EdgeRecord)]
    assert "artifact:example-1/weights" in nodes, "inline artifacts become nodes"
    assert nodes["source:example-announcement"].sources == ["source:example-announcement"]
    assert nodes["artifact:example-1/weights"].sources == ["source:example-announcement"]
    assert {e.type for e in edges} >= {"PART_OF", "HOLDS_ROLE", "HAS_PARTY", "BASED_ON", "SHIPPED",
                                        "UNDER_LICENSE", "VIA_CHANNEL", "OF_MODEL", "ON_BENCHMARK",
                                        "ASSESSES", "STATED_BY", "ABOUT", "CITES", "OPERATED_BY"}
    role = next(e for e in edges if e.type == "HOLDS_ROLE" and e.props["title"] == "Chief Executive Officer")
    assert role.props["start_date"] == "2020" and role.key == {"key": "Chief Executive Officer|2020"}
    assert all(e.sources for e in edges)


def test_invalid_yaml_names_file_and_line(store, tmp_path):
    path = write(tmp_path, "broken.yaml", "organizations:\n  - id: org:x\n    name: [unclosed\n")
    [problem] = problems_for(store, path)
    assert problem.file.endswith("broken.yaml") and problem.line == 4
    assert "invalid YAML" in problem.reason


def test_missing_required_field_names_record_field_and_line(store, tmp_path):
    path = write(tmp_path, "m.yaml", """sources:
  - id: source:s
    name: S
    source_kind: primary
models:
  - id: model:no-name
    sources: [source:s]
""")
    [problem] = problems_for(store, path)
    assert (problem.record, problem.field, problem.line) == ("model:no-name", "name", 6)
    assert "required" in problem.reason.lower()


def test_wrong_type_and_bad_enum_are_reported_on_their_lines(store, tmp_path):
    path = write(tmp_path, "t.yaml", """sources:
  - id: source:s
    name: S
    source_kind: primary
models:
  - id: model:m
    name: M
    parameters: seven billion
    modalities: [telepathy]
    sources: [source:s]
""")
    found = {p.field: p for p in problems_for(store, path)}
    assert found["parameters"].line == 8
    assert found["modalities[0]"].line == 9


def test_nested_field_error_points_into_the_artifact(store, tmp_path):
    path = write(tmp_path, "r.yaml", """sources:
  - id: source:s
    name: S
    source_kind: primary
models:
  - id: model:m
    name: M
    sources: [source:s]
releases:
  - id: release:m/2024
    name: M release
    model: model:m
    date: "2024-13-01"
    sources: [source:s]
    artifacts:
      - id: artifact:m/weights
        name: weights
        artifact_kind: final_weights
        availability: sometimes
""")
    found = {p.field: p for p in problems_for(store, path)}
    assert found["date"].line == 13
    assert found["artifacts[0].availability"].line == 19
    assert found["artifacts[0].availability"].record == "release:m/2024"


def test_dangling_reference_and_wrong_class_reference(store, tmp_path):
    path = write(tmp_path, "d.yaml", """sources:
  - id: source:s
    name: S
    source_kind: primary
models:
  - id: model:m
    name: M
    developers: [org:nowhere, model:m]
    sources: [source:s, source:missing]
""")
    reasons = {(p.field, p.reason) for p in problems_for(store, path)}
    assert ("developers", "refers to 'org:nowhere', which is defined nowhere") in reasons
    assert ("developers", "'model:m' is a Model; expected Organization") in reasons
    assert ("sources", "source 'source:missing' is defined nowhere") in reasons


def test_duplicate_ids_wrong_prefix_unknown_section(store, tmp_path):
    path = write(tmp_path, "x.yaml", """sources:
  - id: source:s
    name: S
    source_kind: primary
  - id: source:s
    name: S again
    source_kind: primary
organizations:
  - id: model:not-an-org
    name: Wrong
    organization_kind: company
    sources: [source:s]
""")
    reasons = [str(p) for p in problems_for(store, path)]
    assert any("duplicate id: also defined at" in r and r.startswith(f"{path}:5") for r in reasons), reasons
    assert any("an Organization id must start with 'org:'" in r for r in reasons), reasons


def test_unknown_section_is_named(store, tmp_path):
    path = write(tmp_path, "g.yaml", "gadgets: []\n")
    [problem] = problems_for(store, path)
    assert problem.field == "gadgets" and problem.line == 1 and "unknown section" in problem.reason


def test_duplicate_yaml_key_is_an_error(store, tmp_path):
    path = write(tmp_path, "k.yaml", "sources:\n  - id: source:s\n    name: A\n    name: B\n    source_kind: primary\n")
    [problem] = problems_for(store, path)
    assert "duplicate key 'name'" in problem.reason and problem.line == 4
