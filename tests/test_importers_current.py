"""Importers that keep the graph current (issue 15), on fixtures against the real server:
Epoch AI's later headers and a URL, the Hugging Face Hub importer (saved responses and a
local API server), articles read for their main text, MOT's free-text origins, and the
audit of likely duplicate models."""
from __future__ import annotations

import json
import urllib.parse

import pytest

from graph import queries

from helpers import FIXTURES, copy_fixture, run_cli
from local_http import Route, serving

VARIANTS = FIXTURES / "epoch-variants" / "notable_ai_models.csv"
HUB = FIXTURES / "huggingface"
LICENSES = """
licenses:
  - id: license:apache-2.0
    name: Apache License 2.0
    spdx_id: Apache-2.0
    license_kind: permissive
    sources: [source:example-report]
  - id: license:mit
    name: MIT License
    spdx_id: MIT
    license_kind: permissive
    sources: [source:example-report]
"""


@pytest.fixture
def curated(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    (data / "zz-licenses.yaml").write_text(LICENSES, encoding="utf-8")
    code, _, out = run_cli("ingest", str(data), "--json")
    assert code == 0, out
    return store


def imported(*args) -> dict:
    code, result, out = run_cli("import", *map(str, args), "--json")
    assert code == 0, out
    return result


def one(store, query: str, **params):
    rows = store.read(query, params)
    assert len(rows) == 1, rows
    return rows[0]


# -- Epoch AI ------------------------------------------------------------------------------
def _check_variant_import(store, record_file: str) -> None:
    example = one(store, "MATCH (m:Model {id: 'model:example-1'}) RETURN m.sources AS s")
    assert "source:epoch/example-1" in example["s"]
    source = one(store, "MATCH (s:Source {id: 'source:epoch/variant-system-a'}) RETURN properties(s) AS p")["p"]
    assert source["dataset_record"] == f"{record_file}, Model = Variant System A"
    assert "computed by aikg" in source["notes"] and "10 models with the most training compute" in source["notes"]
    flags = {r["id"]: r["f"] for r in store.read(
        "MATCH (m:Model) WHERE m.id STARTS WITH 'model:variant-system' RETURN m.id AS id, m.epoch_frontier AS f")}
    assert flags.pop("model:variant-system-small") is None
    assert set(flags.values()) == {True} and len(flags) == 11
    assert store.read("MATCH (:Model {id: 'model:variant-system-large'})-[:BASED_ON]->(b) RETURN b.id AS b") == \
        [{"b": "model:variant-system-j"}]
    org = one(store, "MATCH (o:Organization {id: 'org:variant-institute'}) RETURN o.organization_kind AS k")
    assert org["k"] == "university", "the renamed organization-category column was read"
    small = one(store, "MATCH (r:Release)-[:OF_MODEL]->(:Model {id: 'model:variant-system-small'}) "
                       "RETURN [(r)-[:VIA_CHANNEL]->(c) | c.id] AS channels, "
                       "[(r)-[:SHIPPED]->(a) | a.availability] AS weights")
    assert small == {"channels": [], "weights": ["closed"]}, "'Unspecified unreleased': closed, channel unknown"


def test_epoch_later_header_with_computed_frontier_flag(curated):
    imported("epoch", VARIANTS)
    _check_variant_import(curated, "notable_ai_models.csv")
    assert imported("epoch", VARIANTS)["before"] == imported("epoch", VARIANTS)["after"]


def test_epoch_missing_required_column_names_the_alternatives(curated, tmp_path):
    text = VARIANTS.read_text(encoding="utf-8-sig").replace("Model,Domain", "Name,Domain", 1)
    broken = tmp_path / "renamed.csv"
    broken.write_text(text, encoding="utf-8")
    before = queries.stats(curated)
    code, result, _ = run_cli("import", "epoch", str(broken), "--json")
    assert code == 1 and queries.stats(curated) == before
    [problem] = result["problems"]
    assert problem["field"] == "system" and problem["line"] == 1
    assert "'System'" in problem["reason"] and "'Model'" in problem["reason"]
    # a missing optional column is no reason to refuse: the old fixture has no Country column either
    imported("epoch", FIXTURES / "epoch" / "all_ml_systems.csv")


def test_epoch_from_a_url_is_downloaded_once_and_cached_with_its_date(curated, env, tmp_path):
    from pathlib import Path

    body = VARIANTS.read_bytes()
    with serving({"/data/notable_ai_models.csv": Route(body, headers={"Content-Type": "text/csv"})}) as (base, seen):
        url = f"{base}/data/notable_ai_models.csv"
        first = imported("epoch", url)
        imported("epoch", url)
    assert first["path"] == url and seen == ["/data/notable_ai_models.csv"], "the second import read the cache"
    _check_variant_import(curated, "notable_ai_models.csv")
    cached = sorted((Path(env["AIKG_HOME"]) / "downloads").glob("*notable_ai_models.csv"))
    assert len(cached) == 1 and cached[0].read_bytes() == body
    info = json.loads(cached[0].with_name(cached[0].name + ".json").read_text())
    assert info["url"] == url and info["date"] in cached[0].name


def test_epoch_url_that_cannot_be_read_writes_nothing(curated):
    before = queries.stats(curated)
    with serving({}) as (base, _):
        code, result, _ = run_cli("import", "epoch", f"{base}/missing.csv", "--json")
    assert code == 1 and "HTTP 404" in result["problems"][0]["reason"]
    code, result, _ = run_cli("import", "epoch", "http://example.org/all.csv", "--json")
    assert code == 1 and "only https" in result["problems"][0]["reason"]
    assert queries.stats(curated) == before


# -- Hugging Face Hub --------------------------------------------------------------------------
def _check_hub_import(store, full: bool = True) -> None:
    example = one(store, "MATCH (m:Model {id: 'model:example-1'}) RETURN m.aliases AS a, m.sources AS s, m.url AS u")
    assert "example-lab/Example-1" in example["a"] and "source:hf/example-lab/example-1" in example["s"]
    assert example["u"] == "https://huggingface.co/example-lab/Example-1"
    source = one(store, "MATCH (s:Source {id: 'source:hf/example-lab/example-1'}) RETURN properties(s) AS p")["p"]
    assert source["url"] == "https://huggingface.co/example-lab/Example-1" and source["source_kind"] == "dataset"
    assert "downloads in the last 30 days: 1234" in source["description"]
    # the curated release keeps its facts; the Hub's are claims: gated download, the license expression
    claims = {r["f"]: r for r in store.read(
        "MATCH (c:Claim)-[:CLAIMS_ABOUT]->(:Release {id: 'release:example-1/2024-05-01'}) "
        "WHERE 'source:hf/example-lab/example-1' IN c.sources "
        "RETURN c.field_name AS f, c.value AS v, c.raw_value AS raw")}
    assert claims["weights"]["v"] == "downloadable" and claims["weights"]["raw"] == "gated: manual"
    assert claims["license"] == {"f": "license", "v": "license:example-open", "raw": "Example Open License OR MIT"}
    assert claims["date"]["v"] == "2024-04-29"
    # a re-upload under another namespace is the uploader's model, not Example-1
    reupload = one(store, "MATCH (m:Model) WHERE 'uploader/Example-1' IN m.aliases "
                          "RETURN m.id AS id, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS d")
    assert reupload["id"] != "model:example-1" and reupload["d"] == ["org:uploader"]
    if not full:
        return
    # a new model: its developer from the namespace, size from safetensors, release dated by createdAt
    new = one(store, "MATCH (m:Model) WHERE 'example-org/example-7b' IN m.aliases RETURN m.id AS id, "
                     "m.parameters AS p, m.modalities AS mod, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS d")
    assert new["p"] == 7241732096 and new["d"] == ["org:example-org"] and new["mod"] == ["text"]
    release = one(store, "MATCH (r:Release)-[:OF_MODEL]->(:Model {id: $id}) RETURN r.date AS date, "
                         "[(r)-[:VIA_CHANNEL]->(c) | c.id] AS ch, [(r)-[:UNDER_LICENSE]->(l) | l.id] AS lic, "
                         "[(r)-[:SHIPPED]->(a) | a.availability] AS w", id=new["id"])
    assert release == {"date": "2024-06-01", "ch": ["channel:huggingface"], "lic": ["license:apache-2.0"],
                       "w": ["open"]}
    # lineage from base_model: a quantization; the Hub's floor createdAt is no release date
    quant = one(store, "MATCH (m:Model)-[b:BASED_ON]->(base) WHERE 'quantizer/example-7b-GGUF' IN m.aliases "
                       "RETURN m.id AS id, base.id AS base, b.lineage_kind AS kind")
    assert quant["base"] == new["id"] and quant["kind"] == "quantization"
    assert store.read("MATCH (r:Release)-[:OF_MODEL]->(:Model {id: $id}) RETURN r.id", {"id": quant["id"]}) == []
    chat = one(store, "MATCH (:Model {id: 'model:example-1-chat'})-[b:BASED_ON]->(base) RETURN base.id AS b")
    assert chat["b"] == "model:example-1"


def test_huggingface_from_saved_responses(curated):
    result = imported("huggingface", "--from-dir", HUB)
    assert result["resolution"]["resolved"] > 0
    _check_hub_import(curated)
    again = imported("huggingface", "--from-dir", HUB)
    assert again["before"] == again["after"]


def test_huggingface_from_the_api(curated):
    listing = json.loads((HUB / "list-example-lab.json").read_text())
    others = json.loads((HUB / "list-others.json").read_text())
    detail = (HUB / "model-example-org-example-7b.json").read_bytes()

    def models(handler):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(handler.path).query)
        if query.get("cursor") == ["2"]:
            return Route(json.dumps(others).encode())
        assert query["author"] == ["example-lab"] and query["full"] == ["true"] and query["cardData"] == ["true"]
        return Route(json.dumps(listing).encode(), headers={"Link": '</api/models?cursor=2>; rel="next"'})

    routes = {"/api/models": models, "/api/models/example-org/example-7b": Route(detail)}
    with serving(routes) as (base, seen):
        imported("huggingface", "--author", "example-lab", "--endpoint", base)
        imported("huggingface", "--model", "example-org/example-7b", "--endpoint", base)
    assert [urllib.parse.urlsplit(p).path for p in seen] == ["/api/models", "/api/models",
                                                             "/api/models/example-org/example-7b"]
    _check_hub_import(curated)


def test_huggingface_bad_input_names_file_and_writes_nothing(curated, tmp_path):
    (tmp_path / "broken.json").write_text('[{"id": "a/b"},\n{"id": ', encoding="utf-8")
    (tmp_path / "odd.json").write_text('[{"id": "no-owner"}]', encoding="utf-8")
    before = queries.stats(curated)
    code, result, _ = run_cli("import", "huggingface", "--from-dir", str(tmp_path), "--json")
    assert code == 1 and queries.stats(curated) == before
    problems = {p["file"].rsplit("/", 1)[-1]: p for p in result["problems"]}
    assert problems["broken.json"]["line"] == 2 and "invalid JSON" in problems["broken.json"]["reason"]
    assert problems["odd.json"]["record"] == "no-owner" and problems["odd.json"]["field"] == "id"
    code, result, _ = run_cli("import", "huggingface", "--author", "a", "--model", "a/b", "--json")
    assert code == 1 and "exactly one" in result["error"]


# -- articles, MOT origins -----------------------------------------------------------------------
def test_article_menus_and_footers_create_no_mentions(curated):
    imported("articles", FIXTURES / "articles-main")
    rows = curated.read("MATCH (:Source {id: 'source:article/launch-with-menus'})-[:MENTIONS]->(e) RETURN e.id AS id")
    assert {r["id"] for r in rows} == {"model:example-1", "org:example-co"}
    title = one(curated, "MATCH (s:Source {id: 'source:article/launch-with-menus'}) RETURN s.name AS n")["n"]
    assert title == "ExampleChat reaches general availability"


def test_mot_free_text_origins_become_no_entity(curated):
    before = {r["n"] for r in curated.read("MATCH (m:Model) RETURN m.name AS n")}
    imported("mot", FIXTURES / "mot-origins")
    names = {r["n"] for r in curated.read("MATCH (m:Model) RETURN m.name AS n")} - before
    assert names == {"Free-Text", "Known-Origin", "License-Origin", "Other-Record-Origin", "Zeta-Base"}
    bases = {r["m"]: r["b"] for r in curated.read(
        "MATCH (m:Model)-[:BASED_ON]->(b) WHERE m.name IN $names RETURN m.name AS m, b.id AS b",
        {"names": list(names)})}
    assert bases == {"Known-Origin": "model:example-1", "Other-Record-Origin": "model:zeta-base"}


# -- the duplicate audit ---------------------------------------------------------------------------
DUPLICATES = """
models:
  - id: model:example-1-7b
    name: Example-1 (7B)
    developers: [org:example-lab]
    parameters: 7000000000
    sources: [source:example-announcement]
  - id: model:example-1-instruct
    name: Example-1 Instruct
    developers: [org:example-lab]
    parameters: 7000000000
    sources: [source:example-announcement]
releases:
  - id: release:example-1-7b/2024-05-02
    name: Example-1 (7B) release
    model: model:example-1-7b
    date: "2024-05-02"
    sources: [source:example-announcement]
  - id: release:example-1-instruct/2024-05-03
    name: Example-1 Instruct release
    model: model:example-1-instruct
    date: "2024-05-03"
    sources: [source:example-announcement]
"""


def test_duplicate_audit_lists_likely_duplicates(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    assert run_cli("ingest", str(data), "--json")[0] == 0
    code, clean, _ = run_cli("check", "--duplicates", "--json")
    assert code == 0 and clean["pairs"] == [] and clean["ok"] and clean["models"] == 2
    (data / "zz-duplicates.yaml").write_text(DUPLICATES, encoding="utf-8")
    assert run_cli("ingest", str(data), "--json")[0] == 0
    code, audit, _ = run_cli("check", "--duplicates", "--json")
    assert code == 1 and audit["ok"] is False and audit["models"] == 4
    # one developer, one size, one month, "example 1" within "example 1 7b"; the Instruct model is another model
    [pair] = audit["pairs"]
    assert pair["ids"] == ["model:example-1", "model:example-1-7b"] and pair["month"] == "2024-05"
    assert audit["nodes"] == 2 and audit["share"] == 0.5
    code, report, _ = run_cli("check", str(data), "--json")
    likely = next(c for c in report["checks"] if c["name"] == "likely_duplicate_models")
    assert likely["severity"] == "warning" and likely["count"] == 1
