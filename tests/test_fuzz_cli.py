"""Property-based and fuzz tests of the `aikg` command line and of the app's Ask page.

Every command's arguments (ask, resolve, cypher with parameters, frontier, openness,
conflicts, export rdf, sparql, stats, check, ingest, import) get random text: unicode,
control characters, NUL, right-to-left marks, emoji, option-like strings, Cypher and
SPARQL fragments, paths that do not exist or are not what the command expects. Each
invocation must end with a defined exit code (0 success, 1 invalid input or failed
query, 2 usage error or store unreachable, 3 refused write) and a message, never an
uncaught exception; `--json` output stays JSON; and only `ingest` and `import` may
change the graph's counts. Free text typed into `aikg ask` and into the app's Ask
page never raises and never changes the graph.

Small derandomized slice by default; `AIKG_FUZZ_EXAMPLES=N` for long runs (tests/fuzzing.py).
"""
from __future__ import annotations

import re
import shutil

import pytest
from fuzzing import (
    NASTY,
    big_text,
    fuzz_settings,
    mostly,
    run_property,
    tally,
    text,
    time_limit,
)
from helpers import FIXTURES, load_graph, run_cli
from hypothesis import given
from hypothesis import strategies as st

from graph import queries
from ontology.vocab import vocabulary

__all__ = ["tally"]  # the fixture, imported for pytest

VOCAB = vocabulary()
WRITING = {"ingest", "import"}  # the only commands that may change the graph
VALUE_OPTIONS = {"--param", "-p", "--label", "--field", "--criterion", "--weights", "--org", "--compare", "--format",
                 "-o", "--output", "--limit", "--timeout", "--data"}


@pytest.fixture(scope="module")
def workdir(session_store, cli_env, tmp_path_factory):
    """The curated fixture and Epoch's fixture loaded; the CLI run from a scratch directory
    holding files of every kind the path arguments may name."""
    load_graph(session_store, cli_env, ("ingest", str(FIXTURES / "curated")),
               ("import", "epoch", str(FIXTURES / "epoch" / "all_ml_systems.csv")))
    work = tmp_path_factory.mktemp("cli-fuzz")
    shutil.copytree(FIXTURES / "curated", work / "curated")
    shutil.copy(FIXTURES / "mot" / "models" / "Example-1.yml", work / "mot.yml")
    shutil.copy(FIXTURES / "epoch" / "all_ml_systems.csv", work / "epoch.csv")
    (work / "empty").mkdir()
    (work / "bad.yaml").write_text("models:\n  - id: model:x\n    parameters: many\n", encoding="utf-8")
    (work / "binary.bin").write_bytes(bytes(range(256)))
    (work / "latin1.yaml").write_bytes("organizations: [{id: org:é, name: é}]\n".encode("latin-1"))
    (work / "dir.yaml").mkdir()
    code, _, output = run_cli("export", "rdf", "--format", "turtle", "-o", str(work / "graph.ttl"), "--json",
                              env=cli_env)
    assert code == 0, output
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        patch.chdir(work)  # relative paths the fuzzer makes up stay inside the scratch directory
        yield work


PREPARED = ["curated", "curated/shared.yaml", "mot.yml", "epoch.csv", "empty", "bad.yaml", "binary.bin",
            "latin1.yaml", "dir.yaml", "graph.ttl", "nope", "nope/deeper.yaml"]


def path_arg() -> st.SearchStrategy[str]:
    """A path inside the scratch directory: a prepared file, or made-up text (never `..`)."""
    made_up = text(30).map(lambda s: re.sub(r"\.\.+", "_", s).lstrip("/") or "x")
    return mostly(st.sampled_from(PREPARED), made_up, odds=2)


def option_like() -> st.SearchStrategy[str]:
    return st.sampled_from(["--json", "--help", "-h", "--", "-", "--bogus", "-x", "--limit", "--param", "=", "-1"])


def arg() -> st.SearchStrategy[str]:
    """Any argument text: random unicode, nasty strings, option-like strings."""
    return mostly(text(60), option_like(), odds=3)


KNOWN = ["model:example-1", "Example-1", "example 1", "Example Lab", "org:example-lab", "org:example-co",
         "license:example-open", "Example Open License"]
CYPHER = ["MATCH (n)", "MATCH (n:Model)", "MATCH (a)-[r]->(b)", "OPTIONAL MATCH (n)-[r]-(m)", "WHERE n.id = $id",
          "WHERE n.name CONTAINS $x", "RETURN n.id AS id", "RETURN count(*) AS c", "RETURN n", "RETURN $p AS p",
          "RETURN 1", "LIMIT 3", "ORDER BY n.id", "WITH n", "UNWIND range(1, 5) AS i", "UNION", "SKIP 1",
          "CREATE (m:Model {id: 'model:fuzz'})", "MERGE (o:Organization {id: 'org:fuzz'})", "SET n.name = 'x'",
          "DETACH DELETE n", "DELETE r", "REMOVE n.name", "CALL db.labels()", "CALL { MATCH (n) RETURN n AS m }",
          "LOAD CSV FROM 'file:///etc/passwd' AS l", "SHOW INDEXES", "SHOW USERS", "DROP INDEX x",
          "FOREACH (x IN [1] | CREATE (:Model))", "USE system", ";", "//", "/*", "*/", "'", '"', "`", "{", "}",
          "RETURN 'CREATE'", "RETURN `DELETE`", "MATCH (n) WHERE n.id = 'model:example-1' SET n.x = 1"]
SPARQL = ["SELECT * WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s a aikg:Model }", "LIMIT 5", "ASK { ?s ?p ?o }",
          "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "DESCRIBE ?s", "FILTER(?o > 1)", "GROUP BY ?s",
          "INSERT DATA { <a:b> <a:c> <a:d> }", "DELETE WHERE { ?s ?p ?o }", "SERVICE <http://example.org/> {}",
          "LOAD <http://example.org/x>", "PREFIX x: <y>", "{", "}", "?s", "aikg:name", "\"x\"", "."]


def fragments(parts: list[str]) -> st.SearchStrategy[str]:
    """Fragments of a query language joined with random text: mostly nonsense, sometimes valid."""
    return st.lists(mostly(st.sampled_from(parts), text(15), odds=2), min_size=1, max_size=6).map(" ".join)


def with_json(args: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    """The arguments, with --json or not, and now and then an option-like string slipped in."""
    extra = mostly(st.just([]), st.lists(st.tuples(st.integers(0, 8), option_like()), min_size=1, max_size=2), odds=3)
    return st.tuples(args, st.booleans(), extra).map(lambda t: _insert(t[0] + (["--json"] if t[1] else []), t[2]))


def _insert(args: list[str], extra: list[tuple[int, str]]) -> list[str]:
    """`extra` inserted among the arguments (after the command's own words)."""
    args, first = list(args), 2 if args[0] in ("export", "import") else 1
    for position, value in extra:
        args.insert(min(max(position, first), len(args)), value)
    return args


COMMANDS: dict[str, st.SearchStrategy[list[str]]] = {
    "ask": st.tuples(st.one_of(arg(), fragments(CYPHER))).map(lambda t: ["ask", *t]),
    "resolve": st.tuples(st.one_of(arg(), st.sampled_from(KNOWN)),
                         st.one_of(st.sampled_from(sorted(VOCAB.labels)), arg()), st.booleans()).map(
        lambda t: ["resolve", t[0], "--label", t[1], *(["--explain"] if t[2] else [])]),
    "cypher": st.tuples(fragments(CYPHER),
                        st.lists(st.tuples(mostly(st.sampled_from(["id", "x", "p"]), text(8)),
                                           st.one_of(arg(), st.sampled_from(['"model:example-1"', "1e999", "[1, 2]",
                                                                             "{\"a\": 1}", "null", "9" * 30]))),
                                 max_size=3),
                        mostly(st.integers(-5, 2000).map(str), arg()),
                        mostly(st.sampled_from(["0", "0.001", "1", "30", "-1", "nan", "inf", "1e400"]), arg())).map(
        lambda t: ["cypher", t[0], *[x for k, v in t[1] for x in ("--param", f"{k}={v}")], "--limit", t[2],
                   "--timeout", t[3]]),
    "frontier": st.tuples(st.one_of(st.sampled_from(["epoch", "compute", "curated", "any"]), arg()),
                          st.one_of(st.none(), st.sampled_from(["open", "closed", "unknown"]), arg())).map(
        lambda t: ["frontier", "--criterion", t[0], *(["--weights", t[1]] if t[1] is not None else [])]),
    "openness": st.one_of(
        st.tuples(st.one_of(arg(), st.sampled_from(KNOWN))).map(lambda t: ["openness", *t]),
        st.tuples(st.sampled_from(KNOWN), st.one_of(arg(), st.sampled_from(KNOWN))).map(
            lambda t: ["openness", t[0], "--compare", t[1]]),
        st.tuples(st.one_of(arg(), st.sampled_from(KNOWN))).map(lambda t: ["openness", "--org", *t]),
        st.just(["openness", "--restrictive"]), st.just(["openness"]),
        st.tuples(path_arg()).map(lambda t: ["openness", "mof", *t])),
    "conflicts": st.tuples(st.one_of(st.sampled_from(["date", "weights", "license", "parameters",
                                                      "training_compute_flop"]), arg())).map(
        lambda t: ["conflicts", "--field", *t]),
    "export": st.tuples(st.one_of(st.sampled_from(["turtle", "json-ld", "nt", "trig"]), arg()), path_arg()).map(
        lambda t: ["export", "rdf", "--format", t[0], "-o", t[1]]),
    "sparql": st.tuples(fragments(SPARQL), st.lists(path_arg(), min_size=1, max_size=2)).map(
        lambda t: ["sparql", t[0], *[x for p in t[1] for x in ("--data", p)]]),
    "stats": st.lists(arg(), max_size=2).map(lambda extra: ["stats", *extra]),
    "check": st.lists(path_arg(), min_size=1, max_size=3).map(lambda paths: ["check", *paths]),
    "ingest": st.lists(path_arg(), min_size=1, max_size=3).map(lambda paths: ["ingest", *paths]),
    "import": st.tuples(mostly(st.sampled_from(["epoch", "ecosystem-graphs", "mot", "articles", "rdf"]), arg()),
                        path_arg()).map(lambda t: ["import", t[0], t[1]]),
}


def invoke(store, args: list[str]) -> tuple[int, object, str]:
    """Run one command line and check the contract every command keeps."""
    before = queries.stats(store)
    with time_limit():
        code, payload, output = run_cli(*args)
    assert code in (0, 1, 2, 3), f"exit code {code} for {args!r}: {output[-2000:]}"
    assert "Traceback" not in output, output[-2000:]
    if code != 0:
        assert output.strip(), f"exit code {code} without a message for {args!r}"
    # --json as a flag (not the value of an option, not after `--`, no --help): the output is JSON
    json_flag = "--json" in args and "--help" not in args and "--" not in args[:args.index("--json")] \
        and args[args.index("--json") - 1] not in VALUE_OPTIONS
    if json_flag and code in (0, 1, 3):
        assert payload is not None, f"--json printed something that is not JSON: {output[-2000:]}"
    if args[0] not in WRITING:
        assert queries.stats(store) == before, f"{args[0]} changed the graph: {args!r}"
    return code, payload, output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_arguments(workdir, session_store, tally, command):
    """Random arguments for each command: a defined exit code and a message, never a traceback."""
    @fuzz_settings(12)
    @given(args=with_json(COMMANDS[command]))
    def run(args):
        code, _, _ = invoke(session_store, args)
        tally.add(f"exit {code}")

    run_property(tally, run)


QUESTION = st.one_of(
    text(80), fragments(CYPHER), st.sampled_from(NASTY),
    st.lists(st.one_of(st.sampled_from(KNOWN + ["What did", "release", "Which", "frontier", "weights", "?", "lineage",
                                                "of", "'", '"', "\u202e", "🙂", "\0", "\n", "DROP", ";"]), text(10)),
             min_size=1, max_size=12).map(" ".join),
    big_text(),
    st.builds(lambda unit, n: unit * n, st.sampled_from(["What did Example Lab release? ", "MATCH (n) ", "é🙂\u202e"]),
              st.sampled_from([40, 400, 40_000])),
)


def test_ask_free_text(workdir, session_store, tally):
    """Any text asked: JSON with the question echoed back, or a declined answer with
    suggestions; the graph unchanged (the text is never executed)."""
    @fuzz_settings(30)
    @given(question=QUESTION, as_json=st.booleans())
    def run(question, as_json):
        code, payload, output = invoke(session_store, ["ask", question, *(["--json"] if as_json else [])])
        if question.startswith("-"):
            assert code in (0, 1, 2)  # an option-like question is a usage error, or --help
        elif as_json:
            assert code == 0 and payload["question"] == question.strip(), output[-2000:]
            assert payload["answered"] or payload["suggestions"], payload
        else:
            assert code in (0, 1)
        tally.add("answered" if payload and payload.get("answered") else f"exit {code}")

    run_property(tally, run)


def test_app_ask_page_free_text(workdir, session_store, tally):
    """Random text typed into the app's Ask page: never an exception on the page, and
    the graph unchanged."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_string("from aikg.ui import ask_page\nask_page.render()\n", default_timeout=90)
    app.run()
    assert not app.exception

    @fuzz_settings(5, heavy=True)
    @given(question=st.one_of(text(80), fragments(CYPHER), st.sampled_from(NASTY), big_text(100_000)))
    def run(question):
        before = queries.stats(session_store)
        with time_limit():
            app.text_input(key="question").input(question).run()
            assert not app.exception, [e.value for e in app.exception]
            app.button(key="ask_button").click().run()
            assert not app.exception, [e.value for e in app.exception]
        assert queries.stats(session_store) == before
        tally.add("answered" if app.dataframe else ("declined" if app.warning else "empty"))

    run_property(tally, run)
