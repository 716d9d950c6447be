"""`aikg ask`: differently phrased questions routed to the right catalog question on the
curated data; unanswerable ones declined with suggestions."""
from __future__ import annotations

import pytest

from aikg.ask import Linker, ask, entity_rows

from helpers import load_graph, run_cli

# (how a user types it, the catalog question, parameters that must be filled)
PHRASINGS = [
    ("Which frontier models shipped weights?", "frontier_models_with_weights", {}),
    ("which frontier models can I download", "frontier_models_with_weights", {}),
    ("frontier models that did not release weights", "frontier_models_without_weights", {}),
    ("what did Meta release?", "organization_releases", {"org": "org:meta"}),
    ("Which models has Mistral AI released and under which licenses", "organization_releases",
     {"org": "org:mistral-ai"}),
    ("who leads Meta's AI work?", "organization_ai_leaders", {"org": "org:meta"}),
    ("Who runs AI at OpenAI and since when", "organization_ai_leaders", {"org": "org:openai"}),
    ("deals between Meta and Scale AI", "deals_between_organizations",
     {"org": "org:meta", "other_org": "org:scale-ai"}),
    ("which deals connect Microsoft and OpenAI", "deals_between_organizations",
     {"org": "org:microsoft", "other_org": "org:openai"}),
    ("how did Alexandr Wang join Meta", "deals_between_person_and_organization",
     {"person": "person:alexandr-wang", "org": "org:meta"}),
    ("Meta openness over time", "organization_openness_timeline", {"org": "org:meta"}),
    ("how has OpenAI's openness changed over time", "organization_openness_timeline", {"org": "org:openai"}),
    ("models with open weights but closed data", "open_weights_closed_data", {}),
    ("which releases restrict commercial use?", "releases_restricting_commercial_use", {}),
    ("lineage of Llama 2 70B Chat", "model_lineage", {"model": "model:llama-2-70b-chat"}),
    ("what is Llama 3.1 405B based on", "model_lineage", {"model": "model:llama-3.1-405b"}),
    ("fine-tunes of Llama 2 70B", "model_derivatives", {"model": "model:llama-2-70b"}),
    ("shortest connection between Alexandr Wang and Muse Spark", "shortest_connection",
     {"entity": "person:alexandr-wang", "other_entity": "model:muse-spark"}),
    ("how is Mark Zuckerberg connected to Scale AI", "shortest_connection",
     {"entity": "person:mark-zuckerberg", "other_entity": "org:scale-ai"}),
    ("compare Muse Spark with Llama 4 Maverick", "compare_models",
     {"model": "model:muse-spark", "other_model": "model:llama-4-maverick"}),
    ("what changed between Llama 2 70B and Llama 3.1 405B", "compare_models",
     {"model": "model:llama-2-70b", "other_model": "model:llama-3.1-405b"}),
    ("sources behind Muse Spark", "entity_sources", {"entity": "model:muse-spark"}),
    ("people who moved between labs", "people_who_moved_between_labs", {}),
    ("benchmark results of Muse Spark", "model_benchmark_results", {"model": "model:muse-spark"}),
    ("safety assessments of Muse Spark", "model_safety_assessments", {"model": "model:muse-spark"}),
    ("largest models by training compute", "largest_models_by_compute", {}),
    ("releases in 2023", "releases_in_year", {"year": "2023"}),
    ("what are the latest releases", "latest_releases", {}),
    ("licenses and their terms", "licenses_and_terms", {}),
    ("what has Mark Zuckerberg said about open source", "statements_by_speaker",
     {"speaker": "person:mark-zuckerberg"}),
    ("how can I access Muse Spark", "model_access_channels", {"model": "model:muse-spark"}),
]

UNANSWERABLE = ["what is the weather in Paris", "tell me a joke", "asdf qwerty", ""]


@pytest.fixture(scope="module")
def graph(session_store, cli_env):
    load_graph(session_store, cli_env, ("up", "--no-app"))
    return session_store, Linker(entity_rows(session_store))


@pytest.mark.parametrize("text,intent,params", PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_phrasing_is_routed_and_answered(graph, text, intent, params):
    store, linker = graph
    reply = ask(store, text, linker)
    assert reply["answered"] and reply["intent"] == intent, (reply["intent"], reply.get("suggestions"))
    for key, value in params.items():
        assert reply["params"][key] == value
    assert reply["cypher"] and isinstance(reply["rows"], list)
    if reply["rows"]:
        assert reply["sources"], "an answer shows its sources"


@pytest.mark.parametrize("text", UNANSWERABLE)
def test_unanswerable_is_declined_with_suggestions(graph, text):
    store, linker = graph
    reply = ask(store, text, linker)
    assert reply["answered"] is False and reply["rows"] == [] and len(reply["suggestions"]) >= 1


def test_at_least_25_phrasings_are_covered():
    assert len(PHRASINGS) >= 25 and len({p[1] for p in PHRASINGS}) >= 20


def test_cli_json_shape(graph, cli_env, monkeypatch):
    for key, value in cli_env.items():
        monkeypatch.setenv(key, value)
    code, reply, _ = run_cli("ask", "What did Meta release?", "--json")
    assert code == 0
    assert {"question", "answered", "intent", "cypher", "params", "columns", "rows", "sources",
            "suggestions"} <= set(reply)
    muse = [r for r in reply["rows"] if r.get("release") == "release:muse-spark/2026-04"]
    assert muse and muse[0]["sources"]


def test_a_list_answer_says_when_more_rows_exist(graph):
    store, linker = graph
    cut = ask(store, "what are the latest releases", linker, limit=3)
    assert cut["intent"] == "latest_releases" and len(cut["rows"]) == 3 and cut["truncated"]
    worded = ask(store, "the top 4 latest releases", linker)
    assert worded["params"]["limit"] == 4 and len(worded["rows"]) == 4
    whole = ask(store, "open weights with restrictive licenses", linker, limit=100_000)
    assert whole["intent"] == "restrictive_open_releases" and not whole["truncated"] and len(whole["rows"]) > 100


def test_cli_limit(graph, cli_env, monkeypatch):
    for key, value in cli_env.items():
        monkeypatch.setenv(key, value)
    code, reply, _ = run_cli("ask", "what are the latest releases", "--limit", "2", "--json")
    assert code == 0 and len(reply["rows"]) == 2 and reply["truncated"] is True
    code, _, _ = run_cli("ask", "what are the latest releases", "--limit", "0", "--json")
    assert code == 2, "typer refuses a limit out of range"
