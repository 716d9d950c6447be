"""The LinkML schema is the single source of truth: generated files must match it."""
from __future__ import annotations

import pytest

from ontology.vocab import vocabulary


def test_generated_files_match_schema():
    pytest.importorskip("linkml", reason="the drift test needs the schema extra (pip install -e '.[test]')")
    from ontology import generate

    stale = generate.drift()
    assert stale == [], f"regenerate with `python -m ontology.generate`: {stale}"


def test_every_issue_class_is_a_label_with_a_prefix_and_section():
    vocab = vocabulary()
    expected = {"Organization", "Person", "Deal", "ModelFamily", "Model", "Release", "Artifact",
                "License", "AccessChannel", "Benchmark", "BenchmarkResult", "SafetyAssessment",
                "Statement", "Source", "Dataset", "Application", "Claim"}
    assert set(vocab.labels) == expected
    assert set(vocab.sections.values()) == expected
    assert len(set(vocab.labels.values())) == len(expected), "id prefixes must be distinct"


def test_labels_and_relationship_types_are_disjoint():
    vocab = vocabulary()
    assert not vocab.relationship_types & set(vocab.labels)
    assert {"HOLDS_ROLE", "HAS_PARTY", "BASED_ON", "SHIPPED", "UNDER_LICENSE", "VIA_CHANNEL"} <= vocab.relationship_types


def test_every_class_valued_slot_maps_to_a_relationship():
    vocab = vocabulary()
    for label, slots in vocab.slots.items():
        for slot in slots.values():
            if slot.mode in ("inlined", "association"):
                assert slot.edge, f"{label}.{slot.name} has no relationship type"
            if slot.mode == "reference" and slot.name not in ("sources", "organization", "party", "base_model"):
                assert slot.edge, f"{label}.{slot.name} has no relationship type"


def test_every_node_has_id_name_and_required_sources():
    vocab = vocabulary()
    for label in vocab.labels:
        slots = vocab.slots[label]
        assert slots["id"] and slots["name"].required
        assert slots["sources"].required and slots["sources"].multivalued


def test_unknown_names_are_refused():
    vocab = vocabulary()
    with pytest.raises(ValueError):
        vocab.check_label("Person) DETACH DELETE (n")
    with pytest.raises(ValueError):
        vocab.check_type("KNOWS")


def test_every_class_slot_and_enum_is_described():
    import yaml

    from ontology.vocab import SCHEMA_PATH

    schema = yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))
    for kind in ("classes", "slots", "enums", "types"):
        missing = [name for name, spec in schema[kind].items() if not (spec or {}).get("description")]
        assert missing == [], f"{kind} without a description: {missing}"


def test_classes_map_to_public_vocabularies():
    import yaml

    from ontology.vocab import SCHEMA_PATH

    schema = yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))
    public = ("schema:", "prov:", "dcat:", "dcterms:", "foaf:", "w3org:", "spdx:")
    mapped = {name for name, spec in schema["classes"].items()
              if any(str(uri).startswith(public)
                     for uri in [spec.get("class_uri", "")] + spec.get("exact_mappings", []))}
    assert {"Organization", "Person", "Release", "Artifact", "License", "Source", "Model"} <= mapped
