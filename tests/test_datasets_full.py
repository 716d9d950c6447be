"""The three public snapshots in ../shared/datasets, imported after the curated data."""
from __future__ import annotations

import pytest

from graph import queries
from ingest.resolve import compact, normalize

from conftest import SHARED
from helpers import load_graph, run_cli

DATASETS = SHARED / "datasets"
pytestmark = pytest.mark.skipif(not DATASETS.is_dir(), reason="../shared/datasets is absent (a user's clone)")

IMPORTS = [("epoch", DATASETS / "epoch-ai" / "all_ml_systems.csv"),
           ("ecosystem-graphs", DATASETS / "ecosystem-graphs"),
           ("mot", DATASETS / "model-openness-tool")]
DATASET_SOURCES = {"epoch": "source:epoch-ai-all-ml-systems", "ecosys": "source:ecosystem-graphs",
                   "mot": "source:model-openness-tool"}

# Well-known entities and the record each dataset holds for them (checked by hand in the snapshots).
MODELS = {
    "model:gpt-4": {"epoch": "GPT-4", "ecosys": "assets/openai.yaml, name = GPT-4", "mot": "GPT-4.yml"},
    "model:gpt-4o": {"epoch": "GPT-4o", "ecosys": "assets/openai.yaml, name = GPT-4o", "mot": "GPT-4o.yml"},
    "model:gpt-3-175b": {"epoch": "GPT-3 175B (davinci)", "ecosys": "assets/openai.yaml, name = GPT-3",
                         "mot": "GPT-3.yml"},
    "model:llama-2-70b": {"epoch": "Llama 2-70B", "mot": "Llama-2-70B.yml"},
    "model:llama-2-7b": {"epoch": "Llama 2-7B", "mot": "Llama-2-7B.yml"},
    "model:llama-3.1-405b": {"epoch": "Llama 3.1-405B", "ecosys": "assets/meta.yaml, name = Llama 3.1 405B"},
    "model:mistral-7b-v0.1": {"epoch": "Mistral 7B", "mot": "Mistral-7B-v0.1.yml"},
    "model:mixtral-8x7b": {"epoch": "Mixtral 8x7B", "mot": "Mixtral-8x7B-v0.1.yml"},
    "model:falcon-180b": {"epoch": "Falcon-180B", "ecosys": "assets/uae.yaml, name = Falcon-180B",
                          "mot": "Falcon-180B.yml"},
    "model:falcon-40b": {"epoch": "Falcon-40B", "ecosys": "assets/uae.yaml, name = Falcon-40B",
                         "mot": "Falcon-40B.yml"},
    "model:bloom-176b": {"epoch": "BLOOM-176B", "ecosys": "assets/bigscience.yaml, name = BLOOM", "mot": "BLOOM.yml"},
    "model:olmo-7b": {"epoch": "OLMo-7B", "mot": "OLMo-7B.yml"},
    "model:grok-1": {"epoch": "Grok-1", "ecosys": "assets/xai.yaml, name = Grok-1", "mot": "Grok-1.yml"},
    "model:gemma-7b": {"epoch": "Gemma 7B", "mot": "gemma-7b.yml"},
    "model:phi-2": {"epoch": "Phi-2", "mot": "Phi-2.yml"},
    "model:claude-2": {"epoch": "Claude 2", "ecosys": "assets/anthropic.yaml, name = Claude 2", "mot": "Claude-2.yml"},
    "model:gpt-j-6b": {"epoch": "GPT-J-6B", "ecosys": "assets/eleutherai.yaml, name = GPT-J", "mot": "GPT-J.yml"},
    "model:gpt-neox-20b": {"epoch": "GPT-NeoX-20B", "ecosys": "assets/eleutherai.yaml, name = GPT-NeoX",
                           "mot": "GPT-NeoX-20B.yml"},
    "model:pythia-12b": {"epoch": "Pythia-12b", "mot": "Pythia-12B.yml"},
    "model:dbrx-base": {"epoch": "DBRX", "ecosys": "assets/databricks.yaml, name = DBRX", "mot": "dbrx-base.yml"},
    "model:starcoder-15b": {"epoch": "StarCoder", "ecosys": "assets/bigcode.yaml, name = StarCoder",
                            "mot": "StarCoder.yml"},
    "model:palm-540b": {"epoch": "PaLM (540B)", "ecosys": "assets/google.yaml, name = PaLM", "mot": "PaLM.yml"},
    "model:t5-11b": {"epoch": "T5-11B", "mot": "T5-11b.yml"},
    "model:opt-175b": {"epoch": "OPT-175B"},
    "model:qwen-72b": {"epoch": "Qwen-72B", "mot": "Qwen-72B.yml"},
    "model:jamba-v0.1": {"epoch": "Jamba", "ecosys": "assets/ai21.yaml, name = Jamba", "mot": "Jamba.yml"},
    "model:deepseek-v3": {"mot": "DeepSeek-V3.yml"},
}
ORGANIZATIONS = {
    "org:meta": ("epoch", "ecosys", "mot"), "org:meta-fair": ("epoch",), "org:google-deepmind": ("epoch", "ecosys"),
    "org:openai": ("epoch", "ecosys", "mot"), "org:mistral-ai": ("epoch", "ecosys", "mot"),
    "org:tii": ("epoch",), "org:microsoft": ("epoch", "ecosys", "mot"), "org:anthropic": ("epoch", "ecosys", "mot"),
    "org:eleutherai": ("epoch", "ecosys", "mot"), "org:ai2": ("epoch", "ecosys", "mot"),
    "org:nvidia": ("epoch", "ecosys", "mot"), "org:bigscience": ("epoch", "ecosys", "mot"),
    "org:google": ("epoch", "ecosys", "mot"),
}


@pytest.fixture(scope="module")
def full(session_store, cli_env):
    imports = [("import", kind, str(path)) for kind, path in IMPORTS]
    out = load_graph(session_store, cli_env, ("up", "--no-app"), *imports, *imports)
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        results = {"check": run_cli("check", "--json")[1], "conflicts": run_cli("conflicts", "--json")[1],
               "duplicates": run_cli("check", "--duplicates", "--json")[1]}
    n = len(IMPORTS)
    results.update({kind: out[1 + i] for i, (kind, _) in enumerate(IMPORTS)})
    results["again"] = {kind: out[1 + n + i] for i, (kind, _) in enumerate(IMPORTS)}
    return session_store, results


def test_each_import_reports_its_counts(full):
    _, results = full
    for kind, _ in IMPORTS:
        assert sum(results[kind]["records"]["nodes"].values()) > 100
        assert results[kind]["resolution"]["resolved"] > 100


def test_reimporting_changes_nothing(full):
    _, results = full
    for kind, _ in IMPORTS:
        assert results["again"][kind]["before"] == results["again"][kind]["after"], kind


def test_check_stays_clean_after_the_imports(full):
    _, results = full
    assert results["check"]["ok"], [c for c in results["check"]["checks"] if c["count"] and c["severity"] == "error"]


def _records(store, node_id):
    rows = store.read("MATCH (n {id: $id}) MATCH (s:Source) WHERE s.id IN n.sources "
                      "RETURN s.id AS id, s.dataset_record AS record", {"id": node_id})
    return {r["record"] for r in rows if r["record"]}, {r["id"] for r in rows}


def _spellings(store, label):
    rows = store.read(f"MATCH (n:{label}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases")
    keys: dict[str, set[str]] = {}
    for row in rows:
        for name in [row["name"], *(row["aliases"] or [])]:
            keys.setdefault(compact(normalize(name, label)), set()).add(row["id"])
    return keys, {r["id"]: [r["name"], *(r["aliases"] or [])] for r in rows}


@pytest.mark.parametrize("model", sorted(MODELS))
def test_well_known_model_is_one_node_with_every_dataset_record(full, model):
    store, _ = full
    records, _ = _records(store, model)
    expected = MODELS[model]
    if "epoch" in expected:
        assert f"all_ml_systems.csv, System = {expected['epoch']}" in records
    if "ecosys" in expected:
        assert expected["ecosys"] in records
    if "mot" in expected:
        assert f"models/{expected['mot']}" in records
    keys, names = _spellings(store, "Model")
    for name in names[model]:
        assert keys[compact(normalize(name, "Model"))] == {model}, f"{name!r} also names another model"


@pytest.mark.parametrize("org", sorted(ORGANIZATIONS))
def test_well_known_organization_is_one_node_with_every_dataset(full, org):
    store, _ = full
    _, source_ids = _records(store, org)
    for dataset in ORGANIZATIONS[org]:
        assert DATASET_SOURCES[dataset] in source_ids, dataset
    keys, names = _spellings(store, "Organization")
    for name in names[org]:
        assert keys[compact(normalize(name, "Organization"))] == {org}, f"{name!r} also names another organization"


def test_conflicts_list_real_disagreements_with_both_sources(full):
    _, results = full
    found = results["conflicts"]
    assert len(found) >= 20
    assert all(len(c["values"]) >= 2 and all(v["sources"] for v in c["values"]) for c in found)
    by_key = {(c["id"], c["field"]): {v["value"]: v["sources"] for v in c["values"]} for c in found}
    # Epoch dates Code Llama to 2023-08-14; Meta's paper and blog to 2023-08-24
    code_llama = by_key[("release:code-llama-7b/2023-08-24", "date")]
    assert "source:epoch/code-llama-7b" in code_llama["2023-08-14"]
    assert "source:meta-code-llama-blog" in code_llama["2023-08-24"]


def test_truncated_snapshot_fails_and_changes_nothing(full, tmp_path, cli_env, monkeypatch):
    store, _ = full
    for key, value in cli_env.items():
        monkeypatch.setenv(key, value)
    text = (DATASETS / "epoch-ai" / "all_ml_systems.csv").read_text(encoding="utf-8-sig")
    cut = tmp_path / "all_ml_systems.csv"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    before = queries.stats(store)
    code, result, _ = run_cli("import", "epoch", str(cut), "--json")
    assert code == 1 and any(p["file"].endswith("all_ml_systems.csv") and p["record"] for p in result["problems"])
    assert queries.stats(store) == before


def test_seed_articles_mention_the_story(full, cli_env, monkeypatch):
    store, _ = full
    for key, value in cli_env.items():
        monkeypatch.setenv(key, value)
    code, _, out = run_cli("import", "articles", str(SHARED / "seeds"), "--json")
    assert code == 0, out
    rows = store.read("MATCH (:Source {id: 'source:seed-004'})-[:MENTIONS]->(e) RETURN collect(e.id) AS ids")
    assert {"org:meta", "org:scale-ai", "person:alexandr-wang", "model:muse-spark",
            "person:mark-zuckerberg"} <= set(rows[0]["ids"])
    assert store.read("MATCH (s:Source) WHERE s.id STARTS WITH 'source:article/' RETURN s.id") == [], \
        "the seed articles are the curated seed sources, not new ones"


# Families named in a dataset end up one node with their flagship model (issue 15): the dataset
# record of the family name is a source of that model, and of no other model.
FAMILY_RECORDS = {
    "model:bloom-176b": ["source:ecosys/bloom", "source:mot/bloom"],
    "model:bloomz-176b": ["source:ecosys/bloomz"],
    "model:gpt-neox-20b": ["source:ecosys/gpt-neox"],
    "model:starcoder-15b": ["source:epoch/starcoder", "source:ecosys/starcoder", "source:mot/starcoder"],
    "model:dbrx-base": ["source:epoch/dbrx", "source:ecosys/dbrx"],
    "model:galactica-120b": ["source:epoch/galactica", "source:ecosys/galactica", "source:mot/galactica"],
    "model:yi-34b": ["source:ecosys/yi"],
    "model:fuyu-8b": ["source:ecosys/fuyu"],
    "model:idefics-80b": ["source:ecosys/idefics"],
    "model:chatglm3-6b": ["source:mot/chatglm3"],
    "model:codestral-22b": ["source:epoch/codestral", "source:ecosys/codestral"],
    "model:stable-diffusion-3": ["source:epoch/stable-diffusion-3"],
    "model:codegen2-16b": ["source:epoch/codegen2", "source:mot/codegen2"],
    "model:codegen2.5-7b": ["source:epoch/codegen2.5", "source:mot/codegen2.5"],
    "model:snowflake-arctic-base": ["source:mot/arctic-base"],
    "model:snowflake-arctic-instruct": ["source:mot/arctic-instruct"],
}


@pytest.mark.parametrize("model", sorted(FAMILY_RECORDS))
def test_family_named_in_a_dataset_is_its_flagship_model(full, model):
    store, _ = full
    for source in FAMILY_RECORDS[model]:
        holders = store.read("MATCH (m:Model) WHERE $s IN m.sources RETURN collect(m.id) AS ids", {"s": source})
        assert holders[0]["ids"] == [model], (source, holders)


def test_short_names_stay_with_their_developer(full):
    store, _ = full
    # Harvard's genomic gLM is Epoch's record, not Zhipu's GLM family or models
    glm = store.read("MATCH (m:Model) WHERE 'source:epoch/glm' IN m.sources "
                     "RETURN m.id AS id, [(m)-[:DEVELOPED_BY]->(o) | o.id] AS d")
    assert [r["d"] for r in glm] == [["org:harvard-university"]]
    assert store.read("MATCH (m:Model)-[:IN_FAMILY]->(:ModelFamily {id: 'family:glm'}) "
                      "WHERE 'source:epoch/glm' IN m.sources RETURN m.id") == []


def test_free_text_origins_become_no_entities(full):
    store, _ = full
    for text in ("GPT-3, some differences", "Apache-2.0", "MIT", "Other License", "tinyllama-bnb-4bit model"):
        assert store.read("MATCH (m:Model) WHERE m.name = $t OR $t IN m.aliases RETURN m.id", {"t": text}) == [], text


def test_duplicate_audit_within_half_a_percent(full):
    _, results = full
    audit = results["duplicates"]
    assert audit["within_target"] and audit["share"] <= 0.005, audit["pairs"]
