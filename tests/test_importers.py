"""Importers on small fixture files in each format, against the real server."""
from __future__ import annotations

import shutil

import pytest

from graph import queries
from graph.conflicts import agree

from helpers import FIXTURES, copy_fixture, run_cli

EPOCH = FIXTURES / "epoch" / "all_ml_systems.csv"
ECOSYSTEM = FIXTURES / "ecosystem"
MOT = FIXTURES / "mot"
ARTICLES = FIXTURES / "articles"


@pytest.fixture
def curated(store, env, tmp_path):
    code, _, out = run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    assert code == 0, out
    return store


def imported(kind: str, *paths) -> dict:
    code, result, out = run_cli("import", kind, *map(str, paths), "--json")
    assert code == 0, out
    return result


def node(store, node_id: str) -> dict:
    rows = store.read("MATCH (n {id: $id}) RETURN properties(n) AS p", {"id": node_id})
    assert len(rows) == 1, node_id
    return rows[0]["p"]


def test_epoch_merges_into_known_entities_and_mints_the_rest(curated):
    result = imported("epoch", EPOCH)
    assert result["resolution"]["resolved"] > 0 and result["resolution"]["minted"] > 0
    model = node(curated, "model:example-1")
    assert "source:epoch/example-1" in model["sources"] and "Example 1" in model["aliases"]
    assert model["epoch_frontier"] is True and model["parameters"] == 7000000000
    # "Example Co, Inc." is the curated Example Co: legal suffixes do not make a new organization
    assert curated.read("MATCH (:Model {id: 'model:example-2'})-[:DEVELOPED_BY]->(o) RETURN o.id AS id") == \
        [{"id": "org:example-co"}]
    assert curated.read("MATCH (:Model {id: 'model:example-2'})-[r:BASED_ON]->(b) RETURN b.id AS id, "
                        "r.sources AS s") == [{"id": "model:example-1", "s": ["source:epoch/example-2"]}]
    new_org = node(curated, "org:new-university")
    assert new_org["organization_kind"] == "university"
    assert new_org["sources"] == ["source:epoch/other-model", "source:epoch-ai-all-ml-systems"]
    # the curated release keeps its date; Epoch's date is a claim beside it
    assert node(curated, "release:example-1/2024-05-01")["date"] == "2024-05-01"
    link = node(curated, "source:epoch/example-1")
    assert link["url"] == "https://example.org/example-1" and link["source_kind"] == "dataset"
    assert curated.read("MATCH (:Source {id: 'source:epoch/example-1'})-[:CITES]->(d) RETURN d.id AS d") == \
        [{"d": "source:epoch-ai-all-ml-systems"}]


def test_epoch_release_for_a_new_model_has_channel_and_artifacts(curated):
    imported("epoch", EPOCH)
    rows = curated.read("MATCH (r:Release)-[:OF_MODEL]->(:Model {id: 'model:example-2'}) "
                        "MATCH (r)-[:VIA_CHANNEL]->(c) MATCH (r)-[:SHIPPED]->(a) "
                        "RETURN r.date AS date, c.access_kind AS kind, collect(a.artifact_kind + ':' + a.availability) AS a")
    assert len(rows) == 1 and rows[0]["date"] == "2024-09-01" and rows[0]["kind"] == "public_api"
    assert sorted(rows[0]["a"]) == ["final_weights:closed", "training_code:closed"]


def test_reimport_changes_nothing(curated):
    imported("epoch", EPOCH)
    again = imported("epoch", EPOCH)
    assert again["before"] == again["after"]
    for kind, path in (("ecosystem-graphs", ECOSYSTEM), ("mot", MOT)):
        imported(kind, path)
        assert imported(kind, path)["before"] == imported(kind, path)["after"]


def test_conflicts_keep_both_values_with_their_sources(curated):
    imported("epoch", EPOCH)
    imported("ecosystem-graphs", ECOSYSTEM)
    code, found, _ = run_cli("conflicts", "--json")
    assert code == 0
    by_field = {(c["id"], c["field"]): c for c in found}
    date = by_field[("release:example-1/2024-05-01", "date")]
    values = {v["value"]: v["sources"] for v in date["values"]}
    assert values["2024-04-30"] == ["source:epoch/example-1"]
    assert "source:example-announcement" in values["2024-05-01"]
    assert "source:ecosys/example-1" in values["2024-05-01"], "agreeing sources are grouped"
    weights = {v["value"]: v["sources"] for v in by_field[("release:example-1/2024-05-01", "weights")]["values"]}
    assert weights["not downloadable"] == ["source:ecosys/example-1"]
    assert "source:epoch/example-1" in weights["downloadable"]


def test_ecosystem_graphs_dependencies(curated):
    imported("ecosystem-graphs", ECOSYSTEM)
    assert curated.read("MATCH (:Model {id: 'model:example-1'})-[:TRAINED_ON]->(d:Dataset) RETURN d.name AS n") == \
        [{"n": "ExampleCorpus"}]
    assert curated.read("MATCH (a:Application)-[:BUILT_ON]->(:Model {id: 'model:example-1'}) RETURN a.name AS n") == \
        [{"n": "ExampleChat"}]
    # an unknown dependency of unknown kind makes no edge and no node
    assert curated.read("MATCH (n) WHERE n.name = 'Something Unknown' RETURN n") == []
    assert curated.read("MATCH (d:Dataset)-[:UNDER_LICENSE]->(l) RETURN l.id AS l") == [{"l": "license:example-open"}]


def test_mot_components_become_artifacts_of_the_latest_release(curated):
    imported("mot", MOT)
    rows = curated.read("MATCH (:Release {id: 'release:example-1/2024-05-01'})-[:SHIPPED]->(a:Artifact) "
                        "OPTIONAL MATCH (a)-[:UNDER_LICENSE]->(l) "
                        "RETURN a.artifact_kind AS kind, a.availability AS availability, l.id AS license, "
                        "a.sources AS sources ORDER BY kind")
    kinds = {r["kind"]: r for r in rows}
    # the curated weights artifact is the same artifact: it gains the MOT source, no duplicate
    assert [r["kind"] for r in rows].count("final_weights") == 1
    assert "source:mot/example-1" in kinds["final_weights"]["sources"]
    assert kinds["model_card"]["availability"] == "open"
    assert kinds["training_data"]["availability"] == "closed", "MOT's 'unlicensed' marks a withheld component"


def test_articles_mention_entities_found_by_name_and_alias(curated):
    imported("articles", ARTICLES)
    rows = curated.read("MATCH (s:Source)-[:MENTIONS]->(e) RETURN s.id AS s, collect(e.id) AS e ORDER BY s")
    mentions = {r["s"]: set(r["e"]) for r in rows}
    assert mentions["source:article/example-report"] == {
        "org:example-lab", "model:example-1", "person:ada-example", "org:example-co"}
    # HTML: only the visible text counts (not the title, style or script)
    assert mentions["source:article/example-page"] == {"model:example-1", "org:example-co"}
    assert node(curated, "source:article/example-page")["name"] == "ExampleChat launches"


def test_resolve_explain(curated):
    code, result, _ = run_cli("resolve", "example-lab/Example-1-hf", "--explain", "--json")
    assert code == 0 and result["id"] == "model:example-1" and result["rule"] == "exact name or alias"
    code, result, _ = run_cli("resolve", "Example-10", "--json")
    assert result["id"] is None and "number" in result["rule"]
    assert result["candidates"][0]["id"] == "model:example-1"


def _unchanged_after_failure(store, kind, path, expect_record, expect_file):
    before = queries.stats(store)
    code, result, _ = run_cli("import", kind, str(path), "--json")
    assert code == 1 and result["ok"] is False
    problems = result["problems"]
    assert any(p["file"].endswith(expect_file) and p["record"] == expect_record for p in problems), problems
    assert queries.stats(store) == before
    return problems


def test_truncated_csv_names_file_and_record_and_writes_nothing(curated, tmp_path):
    text = EPOCH.read_text(encoding="utf-8-sig")
    broken = tmp_path / "truncated.csv"
    broken.write_text(text[: text.index("It spans")], encoding="utf-8")  # cut inside a quoted cell
    _unchanged_after_failure(curated, "epoch", broken, "Example 1", "truncated.csv")


def test_garbled_row_is_named(curated, tmp_path):
    garbled = tmp_path / "garbled.csv"
    garbled.write_text(EPOCH.read_text(encoding="utf-8-sig") + "Broken Row,Language,x\n", encoding="utf-8")
    [problem] = _unchanged_after_failure(curated, "epoch", garbled, "Broken Row", "garbled.csv")
    assert "fields" in problem["reason"]


def test_garbled_yaml_and_bad_asset_are_named(curated, tmp_path):
    folder = tmp_path / "eg" / "assets"
    folder.mkdir(parents=True)
    shutil.copy(ECOSYSTEM / "assets" / "example.yaml", folder)
    (folder / "zz.yaml").write_text("- type: model\n  name: Half\n  organization: [unclosed\n", encoding="utf-8")
    problems = _unchanged_after_failure(curated, "ecosystem-graphs", folder.parent, None, "zz.yaml")
    assert problems[0]["line"] == 4
    (folder / "zz.yaml").write_text("- type: gadget\n  name: Odd\n", encoding="utf-8")
    [problem] = _unchanged_after_failure(curated, "ecosystem-graphs", folder.parent, "Odd", "zz.yaml")
    assert problem["field"] == "type"


def test_bad_mot_component_is_named(curated, tmp_path):
    models = tmp_path / "mot" / "models"
    models.mkdir(parents=True)
    text = (MOT / "models" / "Example-1.yml").read_text().replace("'Model card'", "'Secret sauce'")
    (models / "Broken.yml").write_text(text)
    [problem] = _unchanged_after_failure(curated, "mot", models.parent, "Example-1", "Broken.yml")
    assert "unknown MOF component" in problem["reason"]


def test_values_agree_across_precision_and_rounding():
    assert agree("2023-07", "2023-07-18") and not agree("2023-07-18", "2023-07-19")
    assert agree("7000000000", "6740000000.0") and not agree("7000000000", "13000000000")
    assert not agree("downloadable", "not downloadable")


def test_mot_component_table_matches_the_ontology():
    from ingest.sources.mot import COMPONENTS
    from ontology.vocab import vocabulary

    assert {name: kind for name, (kind, _) in COMPONENTS.items()} == \
        {title: kind for kind, title in vocabulary().mof_components.items()}
