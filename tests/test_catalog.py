"""The named question catalog, every question run on the curated data."""
from __future__ import annotations

import re

import pytest

from graph.catalog import CATALOG, LABEL_OF, answer, cypher_for
from ontology.vocab import vocabulary

from helpers import load_graph


@pytest.fixture(scope="module")
def graph(session_store, cli_env):
    load_graph(session_store, cli_env, ("up", "--no-app"))
    return session_store


def by(rows, key):
    return {row[key]: row for row in rows}


def check_frontier_with_weights(rows):
    ids = by(rows, "model")
    assert "model:llama-3.1-405b" in ids and "model:gpt-4" not in ids
    assert ids["model:llama-3.1-405b"]["license"] == "license:llama-3.1-community"
    assert all(r["weights"] == "open" and r["criterion"] == "curated" for r in rows)


def check_frontier_without_weights(rows):
    ids = by(rows, "model")
    assert {"model:gpt-4", "model:muse-spark"} <= set(ids) and "model:llama-3.1-405b" not in ids
    assert all(r["weights"] == "closed" for r in rows)


def check_org_releases(rows):
    muse = by(rows, "release")["release:muse-spark/2026-04"]
    assert muse["date"] == "2026-04-08" and muse["license"] == "license:proprietary-terms"
    assert muse["model"] == "Muse Spark"
    assert "release:llama-3.1-405b/2024-07-23" in by(rows, "release")
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True), "newest first"
    assert rows[0]["date"] >= muse["date"]


def check_leaders(rows):
    wang = [r for r in rows if r["name"] == "Alexandr Wang" and r["title"] == "Chief AI Officer"]
    assert wang and wang[0]["since"] == "2025-06-30" and wang[0]["organization"] == "Meta"
    assert any(r["name"] == "Yann LeCun" for r in rows)
    assert any(r["organization"] == "Meta Superintelligence Labs" for r in rows), "labs included"
    dated = [r["since"] for r in rows if r["since"]]
    assert dated == sorted(dated)


def check_org_people(rows):
    assert {"person:alexandr-wang", "person:yann-lecun", "person:mark-zuckerberg"} <= set(by(rows, "person"))


def check_person_roles(rows):
    roles = {(r["organization"], r["title"]) for r in rows}
    assert ("org:meta", "Chief AI Officer") in roles and ("org:scale-ai", "Chief Executive Officer") in roles


def check_movers(rows):
    people = by(rows, "person")
    assert {"person:alexandr-wang", "person:john-schulman"} <= set(people)
    assert all(r["organizations"] >= 2 for r in rows)
    assert any(role.startswith("Anthropic") for role in people["person:john-schulman"]["roles"])


def check_org_deals_between(rows):
    deal = by(rows, "deal")["deal:meta-scale-ai-2025"]
    assert deal["amount_usd"] == 14300000000 and deal["kind"] == "equity_stake"
    assert "Scale AI (target)" in deal["second_side"]


def check_person_org_deals(rows):
    deal = by(rows, "deal")["deal:meta-scale-ai-2025"]
    assert deal["person_role"] == "hired" and "Meta (acquirer)" in deal["organizations"]


def check_org_deals(rows):
    deals = by(rows, "deal")
    assert {"deal:microsoft-openai-2019", "deal:microsoft-openai-2023", "deal:microsoft-inflection-2024"} <= set(deals)
    assert "OpenAI" in deals["deal:microsoft-openai-2023"]["other_parties"]


def check_timeline(rows):
    gpt2 = [r for r in rows if r["model"].startswith("GPT-2")]
    assert any(r["weights"] == "open" for r in gpt2) and any(r["weights"] == "closed" for r in gpt2)
    assert any(r["model"] == "GPT-4" and r["weights"] == "closed" for r in rows)


def check_matrix(rows):
    releases = by(rows, "release")
    assert releases["release:muse-spark/2026-04"]["weights"] == "closed"
    assert releases["release:llama-3.1-405b/2024-07-23"]["weights"] == "restricted"
    assert releases["release:llama-3.1-405b/2024-07-23"]["training_data"] == "closed"
    assert all(set(r) >= {"license", "paper", "mof_class"} for r in rows)


def check_history(rows):
    grades = [(r["date"], "weights" in r["opened"], "weights" in r["withheld"]) for r in rows]
    assert grades == [("2019-02-14", False, True), ("2019-11-05", True, False)]


def check_open_weights_closed_data(rows):
    releases = by(rows, "release")
    assert releases["release:llama-3.1-405b/2024-07-23"]["weights"] == "gated"
    assert "release:muse-spark/2026-04" not in releases
    assert not any(r["model"] == "model:olmo-7b" for r in rows), "OLMo released its data"


def check_noncommercial(rows):
    releases = by(rows, "release")
    assert "release:opt-175b/2022-05" in releases
    assert "release:llama-3.1-405b/2024-07-23" not in releases


def check_restrictive(rows):
    llama2 = [r for r in rows if r["release"].startswith("release:llama-2-70b")]
    assert llama2 and any("acceptable-use" in " ".join(r["restrictions"]) for r in llama2)
    llama31 = by(rows, "release")["release:llama-3.1-405b/2024-07-23"]
    assert any("monthly active users" in r for r in llama31["restrictions"])
    assert not any(r["release"].startswith("release:olmo-7b") for r in rows)


def check_lineage(rows):
    base = [r for r in rows if r["direction"] == "base"]
    assert [(r["related"], r["lineage_kind"], r["depth"]) for r in base] == [
        ("model:llama-2-70b", "instruction_tune", 1)]


def check_derivatives(rows):
    derived = by(rows, "model")
    assert derived["model:llama-2-70b-chat"]["lineage_kind"] == "instruction_tune"
    assert derived["model:code-llama-70b"]["lineage_kind"] == "continued_pretraining"
    assert derived["model:stable-beluga-2"]["developers"] == ["Stability AI"]
    assert derived["model:tulu-2-70b"]["derivatives_of_it"] == 1


def check_most_derived(rows):
    counts = [r["derivatives"] for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 5
    assert "model:mistral-7b-v0.1" in by(rows, "model")


def check_shortest(rows):
    assert len(rows) == 1
    path = rows[0]
    assert path["nodes"][0] == "Alexandr Wang" and path["nodes"][-1] == "Muse Spark"
    assert 1 <= path["hops"] <= 6 and len(path["relationships"]) == path["hops"] == len(path["steps"])
    assert set(path["relationships"]) <= vocabulary().relationship_types


def check_compare_models(rows):
    dims = by(rows, "dimension")
    assert (dims["weights"]["first"], dims["weights"]["second"], dims["weights"]["first_is"]) == (
        "closed", "restricted", "less open")
    assert dims["weights"]["first_release"] == "release:muse-spark/2026-04"


def check_compare_releases(rows):
    weights = by(rows, "dimension")["weights"]
    assert (weights["first"], weights["second"], weights["first_is"]) == ("closed", "open", "less open")


def check_entity_sources(rows):
    launch = by(rows, "source")["source:meta-introducing-muse-spark"]
    assert launch["publisher"] == "Meta" and launch["kind"] == "primary" and launch["title"] == "Introducing Muse Spark"
    assert "the record itself" in launch["facts"]
    assert "source:meta-muse-spark-preparedness-report-2026" in by(rows, "source")


def check_benchmarks(rows):
    hle = by(rows, "benchmark")["benchmark:humanitys-last-exam"]
    assert hle["score"] == 58.0 and hle["unit"] == "percent" and hle["setting"] == "Contemplating mode"


def check_leaderboard(rows):
    assert by(rows, "model")["model:muse-spark"]["score"] == 58.0
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def check_safety(rows):
    assessment = by(rows, "assessment")["assessment:muse-spark/meta-preparedness-2026-05"]
    assert assessment["max_risk_level"] == "high" and assessment["publisher"] == "Meta"


def check_family(rows):
    models = by(rows, "model")
    assert {"model:llama-3.1-405b", "model:llama-2-70b"} <= set(models)
    assert models["model:llama-3.1-405b"]["parameters"] == 405000000000


def check_licenses(rows):
    licenses = by(rows, "license")
    llama = licenses["license:llama-3.1-community"]
    assert llama["user_threshold_mau"] == 700000000 and llama["acceptable_use_policy"] is True
    assert licenses["license:apache-2.0"]["osi_approved"] is True and licenses["license:apache-2.0"]["releases"] > 0
    assert licenses["license:opt-175b"]["commercial_use"] is False


def check_by_license(rows):
    assert "release:llama-2-70b/2023-07-18" in by(rows, "release")
    assert all(r["license"] == "license:llama-2-community" for r in rows)


def check_latest(rows):
    assert len(rows) == 5 and rows[0]["date"] > "2026-04-08", "releases newer than Muse Spark are in the data"
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)


def check_in_year(rows):
    assert "release:muse-spark/2026-04" in by(rows, "release")
    assert all(r["date"].startswith("2026") for r in rows)


def check_labs(rows):
    labs = by(rows, "organization")
    assert {"org:google", "org:google-deepmind", "org:google-brain"} <= set(labs)
    assert labs["org:google-deepmind"]["depth"] == 2 and labs["org:google-deepmind"]["part_of"] == "Google"


def check_by_developer(rows):
    models = by(rows, "model")
    assert models["model:llama-3.1-405b"]["parameters"] == 405000000000
    assert "model:muse-spark" in models, "developed by a Meta lab"


def check_by_compute(rows):
    compute = [r["training_compute_flop"] for r in rows]
    assert compute == sorted(compute, reverse=True)
    assert by(rows, "model")["model:llama-3.1-405b"]["training_compute_flop"] == 3.8e25


def check_by_speaker(rows):
    statement = by(rows, "statement")["statement:wang-muse-spark-closed-for-safety-2026"]
    assert statement["stance"] == "pro_closed" and "Muse Spark" in statement["about"]


def check_by_stance(rows):
    assert all(r["stance"] == "pro_closed" for r in rows)
    assert by(rows, "statement")["statement:wang-muse-spark-closed-for-safety-2026"]["speaker"] == "Alexandr Wang"


def check_about(rows):
    statements = by(rows, "statement")
    assert {"statement:wang-muse-spark-closed-for-safety-2026",
            "statement:meta-hybrid-strategy-2026"} <= set(statements)


def check_channels(rows):
    channels = by(rows, "channel")
    assert channels["channel:meta-muse-spark-api-preview"]["access_kind"] == "private_api_preview"
    assert channels["channel:meta-ai-app"]["access_kind"] == "consumer_app"


def check_artifacts(rows):
    weights = by(rows, "artifact")["artifact:muse-spark/weights"]
    assert weights["kind"] == "final_weights" and weights["availability"] == "closed"


def check_release_counts(rows):
    counts = [r["releases"] for r in rows]
    assert counts == sorted(counts, reverse=True) and len(rows) == 10
    assert "org:meta" in [r["organization"] for r in rows[:3]]


META = {"org": "org:meta"}
MUSE = {"model": "model:muse-spark"}
EXPECTED = {
    "frontier_models_with_weights": ({"criterion": "curated", "limit": 1000}, check_frontier_with_weights),
    "frontier_models_without_weights": ({"criterion": "curated", "limit": 1000}, check_frontier_without_weights),
    "organization_releases": (META, check_org_releases),
    "organization_ai_leaders": (META, check_leaders),
    "organization_people": (META, check_org_people),
    "person_roles": ({"person": "person:alexandr-wang"}, check_person_roles),
    "people_who_moved_between_labs": ({"limit": 1000}, check_movers),
    "deals_between_organizations": ({"org": "org:meta", "other_org": "org:scale-ai"}, check_org_deals_between),
    "deals_between_person_and_organization": (
        {"person": "person:alexandr-wang", "org": "org:meta-superintelligence-labs"}, check_person_org_deals),
    "organization_deals": ({"org": "org:microsoft"}, check_org_deals),
    "organization_openness_timeline": ({"org": "org:openai"}, check_timeline),
    "organization_openness_matrix": (META, check_matrix),
    "model_openness_history": ({"model": "model:gpt-2-1.5b"}, check_history),
    "open_weights_closed_data": ({"limit": 1000}, check_open_weights_closed_data),
    "releases_restricting_commercial_use": ({"limit": 1000}, check_noncommercial),
    "restrictive_open_releases": ({"limit": 1000}, check_restrictive),
    "model_lineage": ({"model": "model:llama-2-70b-chat"}, check_lineage),
    "model_derivatives": ({"model": "model:llama-2-70b"}, check_derivatives),
    "most_derived_models": ({"limit": 10}, check_most_derived),
    "shortest_connection": ({"entity": "person:alexandr-wang", "other_entity": "model:muse-spark"}, check_shortest),
    "compare_models": ({"model": "model:muse-spark", "other_model": "model:llama-4-maverick"}, check_compare_models),
    "compare_releases": ({"release": "release:gpt-2-1.5b/2019-02-14", "other_release": "release:gpt-2-1.5b/2019-11-05"},
                         check_compare_releases),
    "entity_sources": ({"entity": "model:muse-spark"}, check_entity_sources),
    "model_benchmark_results": (MUSE, check_benchmarks),
    "benchmark_leaderboard": ({"benchmark": "benchmark:humanitys-last-exam", "limit": 1000}, check_leaderboard),
    "model_safety_assessments": (MUSE, check_safety),
    "family_models": ({"family": "family:llama"}, check_family),
    "licenses_and_terms": ({}, check_licenses),
    "releases_by_license": ({"license": "license:llama-2-community", "limit": 1000}, check_by_license),
    "latest_releases": ({"limit": 5}, check_latest),
    "releases_in_year": ({"year": "2026", "limit": 1000}, check_in_year),
    "organization_labs": ({"org": "org:alphabet"}, check_labs),
    "models_by_developer": (META, check_by_developer),
    "largest_models_by_compute": ({}, check_by_compute),
    "statements_by_speaker": ({"speaker": "person:alexandr-wang"}, check_by_speaker),
    "statements_by_stance": ({"stance": "pro_closed", "limit": 1000}, check_by_stance),
    "statements_about_entity": ({"entity": "model:muse-spark"}, check_about),
    "model_access_channels": (MUSE, check_channels),
    "model_artifacts": (MUSE, check_artifacts),
    "organizations_by_release_count": ({"limit": 10}, check_release_counts),
}


def test_every_question_has_an_expectation():
    assert set(EXPECTED) == set(CATALOG)


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_question_answers_with_sources(graph, name):
    params, check = EXPECTED[name]
    result = answer(graph, name, params)
    assert result.question == name and result.cypher
    assert result.rows, f"{name} returned no rows"
    assert "sources" in result.columns
    for row in result.rows:
        assert isinstance(row["sources"], list) and row["sources"], row
        assert all(isinstance(s, str) and s.startswith("source:") for s in row["sources"])
    assert result.sources == sorted({s for row in result.rows for s in row["sources"]})
    check(result.rows)


def test_sources_resolve_to_source_nodes(graph):
    result = answer(graph, "organization_releases", {"org": "org:meta"})
    rows = graph.read("MATCH (s:Source) WHERE s.id IN $ids RETURN count(s) AS n", {"ids": result.sources})
    assert rows[0]["n"] == len(result.sources)


def test_defaults_and_plain_values(graph):
    default = CATALOG["frontier_models_with_weights"].params[0].default
    assert default and answer(graph, "frontier_models_with_weights", {}).params == {"criterion": default, "limit": 100}
    assert answer(graph, "releases_in_year", {"year": 2024}).rows, "an integer year works too"
    symmetric = answer(graph, "deals_between_organizations", {"org": "org:scale-ai", "other_org": "org:meta"})
    assert "deal:meta-scale-ai-2025" in by(symmetric.rows, "deal")
    nemotron = answer(graph, "model_lineage", {"model": "model:llama-3.1-nemotron-70b-instruct"}).rows
    assert ("model:llama-3.1-70b", 2) in {(r["related"], r["depth"]) for r in nemotron if r["direction"] == "base"}


PAGED = sorted(name for name, q in CATALOG.items() if any(p.name == "limit" for p in q.params))


@pytest.mark.parametrize("name", PAGED)
def test_a_page_is_the_head_of_the_whole_answer(graph, name):
    """A limited answer is the first rows of the unlimited one, and says whether more exist."""
    params = {k: v for k, v in EXPECTED[name][0].items() if k != "limit"}
    whole = answer(graph, name, {**params, "limit": 100_000})
    assert not whole.truncated and whole.rows, name
    for limit in sorted({1, 3, len(whole.rows) - 1, len(whole.rows)} - {0}):
        page = answer(graph, name, {**params, "limit": limit})
        assert page.rows == whole.rows[:limit], (name, limit)
        assert page.truncated == (limit < len(whole.rows)), (name, limit)
        assert page.sources == sorted({s for row in page.rows for s in row["sources"]})


def test_long_lists_come_a_page_at_a_time(graph):
    result = answer(graph, "restrictive_open_releases", {})
    assert result.params["limit"] == 100 and len(result.rows) == 100 and result.truncated
    dates = [r["date"] for r in result.rows]
    assert dates == sorted(dates, reverse=True), "newest first"


@pytest.mark.parametrize("bad", [0, -1, 100_001, "ten", "", 2.5, True, [3]])
def test_a_limit_is_a_whole_number_in_range(graph, bad):
    with pytest.raises(ValueError, match="'limit'"):
        answer(graph, "latest_releases", {"limit": bad})


def test_a_limit_typed_in_a_form_is_read_as_a_number(graph):
    assert len(answer(graph, "latest_releases", {"limit": "3"}).rows) == 3


def test_run_questions_describe_the_functions_used(graph):
    result = answer(graph, "organization_openness_timeline", {"org": "org:meta"})
    assert "graph.openness.organization_timeline" in result.cypher
    assert "graph.frontier.frontier_models" in answer(graph, "frontier_models_without_weights", {}).cypher


def test_missing_unknown_and_mistyped_parameters(graph):
    with pytest.raises(ValueError, match="'org'"):
        answer(graph, "organization_releases", {})
    with pytest.raises(ValueError, match="'other_org'"):
        answer(graph, "deals_between_organizations", {"org": "org:meta"})
    with pytest.raises(ValueError, match="'colour'"):
        answer(graph, "latest_releases", {"colour": "red"})
    with pytest.raises(ValueError, match="'org'.*Organization"):
        answer(graph, "organization_releases", {"org": "model:muse-spark"})
    with pytest.raises(ValueError, match="no_such_question"):
        answer(graph, "no_such_question", {})


def test_catalog_shape():
    assert len(CATALOG) >= 32
    vocab = vocabulary()
    for name, q in CATALOG.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name) and q.name == name
        assert q.title and q.description and 1 <= len(q.phrasings) <= 5, name
        assert (q.cypher is None) != (q.run is None), name
        names = {p.name for p in q.params}
        for phrasing in q.phrasings:
            assert set(re.findall(r"\{(\w+)\}", phrasing)) <= names, (name, phrasing)
        for p in q.params:
            assert p.kind is None or vocab.labels_for_range(p.kind), (name, p.name)
            assert p.description


def test_cypher_uses_only_the_ontology_and_parameters():
    vocab = vocabulary()
    for name, q in CATALOG.items():
        if not q.cypher:
            continue
        cypher = LABEL_OF.sub("", q.cypher)  # placeholders filled from the ontology by cypher_for
        labels = set(re.findall(r"\(\s*\w*\s*:\s*([A-Za-z]+)", cypher))
        types = {t for group in re.findall(r"\[\s*\w*\s*:\s*([A-Z_|]+)", cypher) for t in group.split("|")}
        assert labels <= set(vocab.labels), (name, labels - set(vocab.labels))
        assert types <= vocab.relationship_types, (name, types - vocab.relationship_types)
        params = set(re.findall(r"\$(\w+)", q.cypher))
        assert params == {p.name for p in q.params}, name
        # string literals only build output text, never select data
        literal_filter = r"(?<!\w)\(\s*\w*\s*(:\s*\w+\s*)?\{[^}]*'|(=|<>|IN|CONTAINS|WITH)\s*\[?\s*'"
        assert not re.search(literal_filter, cypher), name


def test_entity_labels_come_from_the_id_and_the_ontology():
    question = CATALOG["shortest_connection"]
    cypher = cypher_for(question, {"entity": "person:alexandr-wang", "other_entity": "model:muse-spark"})
    assert "(a:Person {id: $entity})" in cypher and "(b:Model {id: $other_entity})" in cypher
    assert "LABEL_OF" not in cypher
    with pytest.raises(ValueError):
        cypher_for(question, {"entity": "nosuchprefix:x", "other_entity": "model:muse-spark"})


def test_newest_release_ids_bound_what_pages_grade(graph):
    from graph.queries import newest_release_ids

    ids, total = newest_release_ids(graph, 5)
    dates = {r["id"]: r["date"] for r in graph.read("MATCH (r:Release) RETURN r.id AS id, r.date AS date")}
    assert len(ids) == 5 and total == len(dates) > 5
    assert [dates[i] for i in ids] == sorted((dates[i] for i in ids), reverse=True)
    assert min(dates[i] for i in ids) >= sorted(dates.values(), reverse=True)[4], "the newest five"
