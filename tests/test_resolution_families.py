"""Entity resolution on the merged graph (issue 15), without a server: family-level names
find their flagship model, short names stay with their developer, free text names nothing;
and the small readers the importers share (SPDX expressions, Epoch's headers and frontier
definition, YAML numbers)."""
from __future__ import annotations

import pytest

from ingest.importing import Emitter, ImportContext
from ingest.licenses import license_keys
from ingest.problems import IngestError
from ingest.records import Origin
from ingest.resolve import EntityIndex, ModelFacts, Resolver, normalize, stem
from ingest.sources.epoch import COLUMNS, computed_frontier, find_columns
from ingest.yamlload import load_yaml

# Fictional stand-ins for the shapes of the real cases (BLOOM, GPT-NeoX, Codestral, DBRX, gLM/GLM, Minerva).
MODELS = [
    # id, name, aliases, developers, parameters, first release
    ("model:bloomy-176b", "Bloomy 176B", ["Bloomy-176B"], ["org:big"], 176e9, "2022-07-12"),
    ("model:bloomy-7b", "Bloomy 7B", [], ["org:big"], 7e9, "2022-07-12"),
    ("model:neo-20b", "Neo-20B", [], ["org:eleu"], 20e9, "2022-02-09"),
    ("model:coder-22b", "Coder 22B (v0.1)", [], ["org:mist"], 22.2e9, "2024-05-29"),
    ("model:dbx-base", "DBX Base", [], ["org:dbx"], 132e9, "2024-03-27"),
    ("model:dbx-instruct", "DBX Instruct", [], ["org:dbx"], 132e9, "2024-03-27"),
    ("model:glm-130b", "GLM-130B", [], ["org:zhipu"], 130e9, "2022-08-04"),
    ("model:glm", "GLM", [], ["org:zhipu"], None, "2021-03-18"),
    ("model:minerva", "Minerva", [], ["org:google"], 540e9, "2022-06-29"),
    ("model:diffuse-3", "Diffuse 3 (8B)", [], ["org:stab"], 8e9, "2024-02-22"),
]
FAMILIES = [("family:bloomy", "Bloomy"), ("family:dbx", "DBX")]


@pytest.fixture
def resolver() -> Resolver:
    index = EntityIndex()
    facts = ModelFacts()
    for model_id, name, aliases, developers, parameters, date in MODELS:
        index.add("Model", model_id, name, aliases)
        facts.note(model_id, developers, parameters)
        facts.releases[model_id].append((date, f"release:{model_id}"))
    for family_id, name in FAMILIES:
        index.add("ModelFamily", family_id, name)
    facts.parents["org:google-deepmind"] = "org:google"
    return Resolver(index, facts=facts)


@pytest.mark.parametrize("name, developers, parameters, expected", [
    ("Bloomy", ["org:big"], 176e9, "model:bloomy-176b"),           # the family's name with the flagship's size
    ("Bloomy", ["org:big"], 7e9, "model:bloomy-7b"),               # ... or another member's
    ("Neo", ["org:eleu"], 20e9, "model:neo-20b"),                  # no family node: the size alone
    ("Coder", ["org:mist"], 22.2e9, "model:coder-22b"),            # size and "(v0.1)" left out
    ("Coder 22B", [], None, "model:coder-22b"),                    # the size stated, the version left out
    ("DBX", ["org:dbx"], 132e9, "model:dbx-base"),                 # the base model is the family's model
    ("Diffuse 3", ["org:stab"], 8e9, "model:diffuse-3"),
])
def test_family_level_names_find_their_model(resolver, name, developers, parameters, expected):
    result = resolver.resolve("Model", name, developers=developers, parameters=parameters, flagship=True)
    assert result.id == expected, result.as_dict()


def test_a_family_record_without_size_means_the_flagship_but_a_pointer_guesses_nothing(resolver):
    assert resolver.resolve("Model", "Bloomy", developers=["org:big"], flagship=True).id == "model:bloomy-176b"
    # a base-model column or MOT origin that only says "Bloomy" could mean any size
    assert resolver.resolve("Model", "Bloomy").id is None


def test_sizes_and_versions_must_agree(resolver):
    assert resolver.resolve("Model", "Bloomy 13B", developers=["org:big"]).id is None
    assert resolver.resolve("Model", "Coder 22B v0.2").id is None
    # "Diffuse v1-3" is version 1's third release, not Diffuse 3
    assert resolver.resolve("Model", "Diffuse v1-3", developers=["org:stab"], flagship=True).id is None
    assert stem(normalize("Codestral 22B (v0.1)")) == ("codestral", ("22b",), ("v0.1",), False)


def test_short_names_never_merge_across_developers(resolver):
    # Harvard's genomic gLM is not Zhipu's GLM; Sapienza's Minerva is not Google's
    glm = resolver.resolve("Model", "gLM", developers=["org:harvard"], parameters=1e9, flagship=True)
    assert glm.id is None and "another developer" in glm.rule
    assert resolver.resolve("Model", "Minerva", developers=["org:sapienza"], flagship=True).id is None
    # the same developer, or one part of it, or no developer known: the same model
    assert resolver.resolve("Model", "GLM", developers=["org:zhipu"]).id == "model:glm"
    assert resolver.resolve("Model", "Minerva", developers=["org:google-deepmind"]).id == "model:minerva"
    assert resolver.resolve("Model", "Minerva").id == "model:minerva"
    # datasets spell collaborations differently: the very same size is the same model
    assert resolver.resolve("Model", "Minerva", developers=["org:x"], parameters=540e9).id == "model:minerva"
    # a name with a number is not short: attribution differences do not split it
    assert resolver.resolve("Model", "GLM-130B", developers=["org:tsinghua"]).id == "model:glm-130b"


def test_strict_developers_keep_every_name_to_its_owner(resolver):
    """A Hub repository belongs to its namespace: a re-upload is the uploader's model."""
    assert resolver.resolve("Model", "uploader/GLM-130B", developers=["org:uploader"], strict=True).id is None
    assert resolver.resolve("Model", "zhipu/GLM-130B", developers=["org:zhipu"], strict=True).id == "model:glm-130b"


def test_a_record_naming_only_a_family_is_the_familys(resolver):
    context = ImportContext(resolver, resolver.facts.releases)
    out = Emitter(context, "source:d")
    origin = Origin("f.csv", 2)
    # DBX's family is known; "DBX Ultra" is no model of the graph and no family: a new model
    assert out.entity("Model", "DBX Ultra", "source:r1", origin, developers=["org:dbx"]) == "model:dbx-ultra"
    resolver.index.add("ModelFamily", "family:quill", "Quill")
    assert out.entity("Model", "Quill", "source:r2", origin, developers=["org:q"]) is None
    assert [r.id for r in out.records if getattr(r, "label", None) == "ModelFamily"] == ["family:quill"]
    # a pointer to a family names no model and leaves the family alone
    assert out.reference("Model", "Quill", "source:r3", origin) is None
    assert len([r for r in out.records if getattr(r, "label", None) == "ModelFamily"]) == 1


def test_spdx_expressions_name_each_license():
    assert license_keys("Apache-2.0 OR MIT") == ["Apache-2.0", "MIT"]
    assert license_keys("MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)") == ["MIT", "LGPL-2.1-or-later", "BSD-3-Clause"]
    assert license_keys("GPL-2.0-only WITH Classpath-exception-2.0") == ["GPL-2.0-only"]
    assert license_keys(["apache-2.0", "mit"]) == ["apache-2.0", "mit"]
    # not expressions: one license as written
    assert license_keys("Googles Terms and Conditions") == ["Googles Terms and Conditions"]
    text = "LLaMa License (model weights), GPLv3 (code)"
    assert license_keys(text) == [text]
    assert license_keys("") == [] and license_keys(None) == []


def test_each_license_of_an_expression_is_resolved():
    index = EntityIndex()
    index.add("License", "license:apache-2.0", "Apache License 2.0", ["Apache-2.0"])
    index.add("License", "license:mit", "MIT License", ["MIT"])
    out = Emitter(ImportContext(Resolver(index), {}), "source:d")
    assert out.licenses("Apache-2.0 OR MIT") == ["license:apache-2.0", "license:mit"]
    assert out.licenses("MIT OR Unknown-1.0") == ["license:mit"]
    assert out.licenses("apache-2.0") == ["license:apache-2.0"]


def test_epoch_headers_every_variant_and_the_alternatives_named():
    old = ["System", "Organization", "Publication date", "Frontier model", "Model accessibility"]
    new = ["Model", "Organization", "Publication date", "Country (of organization)", "Hugging Face developer id"]
    assert find_columns(old)[0]["system"] == "System" and find_columns(new)[0]["system"] == "Model"
    assert "frontier" not in find_columns(new)[0] and find_columns(new)[1] == []
    assert find_columns([" model ", "ORGANIZATION", "publication  date"])[1] == []  # case and spacing
    columns, missing = find_columns(["Name", "Organization"])
    assert missing == ["system", "date"] and COLUMNS["system"][:2] == ("System", "Model")


def test_frontier_flag_is_epochs_definition():
    rows = [(i, f"2020-01-{i + 10:02d}", float(i + 1)) for i in range(12)]  # each larger than all before
    rows += [(20, "2021-01-01", 0.5), (21, "2021-02-01", 100.0), (22, "", 1e9), (23, "2021-03-01", None)]
    frontier = computed_frontier(rows)
    assert frontier == {*range(12), 21}
    # a small model after ten larger ones is not frontier; the same day counts as published by then
    assert computed_frontier([(1, "2020-01-01", 5.0)] + [(i, "2020-01-01", 10.0) for i in range(2, 12)]) == \
        set(range(2, 12))


def test_yaml_numbers_without_exponent_sign_are_numbers(tmp_path):
    path = tmp_path / "numbers.yaml"
    path.write_text("models:\n  - id: model:x\n    training_compute_flop: 5.1741608015e22\n"
                    "    parameters: 7e9\n    other: 1.2e+23\n    version: 2024-07\n    tag: v1e2\n", encoding="utf-8")
    model = load_yaml(path)["models"][0]
    assert model["training_compute_flop"] == 5.1741608015e22 and isinstance(model["training_compute_flop"], float)
    assert model["parameters"] == 7e9 and model["other"] == 1.2e23
    assert model["version"] == "2024-07" and model["tag"] == "v1e2"  # dates and words stay text
    assert model.line_of("training_compute_flop") == 3


def test_yaml_numbers_reach_the_validated_record(tmp_path):
    """Through the curated reader: the number is a number, and a malformed one is refused
    with file and line."""
    from aikg.context import read_curated
    from helpers import copy_fixture

    data = copy_fixture(tmp_path)
    text = (data / "example-lab.yaml").read_text(encoding="utf-8")
    (data / "example-lab.yaml").write_text(text.replace("training_compute_flop: 1.2e23",
                                                        "training_compute_flop: 5.1741608015e22"), encoding="utf-8")
    records = read_curated([data])
    [model] = [r for r in records if getattr(r, "id", None) == "model:example-1" and r.label == "Model"]
    assert model.props["training_compute_flop"] == 5.1741608015e22
    (data / "example-lab.yaml").write_text(text.replace("training_compute_flop: 1.2e23",
                                                        "training_compute_flop: 5.17e22e3"), encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        read_curated([data])
    [problem] = caught.value.problems
    assert problem.file.endswith("example-lab.yaml") and problem.line and problem.field == "training_compute_flop"
