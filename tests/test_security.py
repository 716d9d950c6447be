"""Security (issue 9): the read-only console in the app, Cypher built from strings, secrets,
and untrusted text in the app. Every refusal is checked by counting in the database.

Covered elsewhere, not repeated here: loopback-only listening (tests/test_server.py
test_listens_on_loopback_only) and the 0600 secrets file (test_secrets_file_is_private_and_never_printed);
the console's attack strings through the text check, the CLI and the server (tests/test_readonly.py).
"""
from __future__ import annotations

import ast
import html
import http.server
import json
import os
import re
import secrets as tokens
import socket
import stat
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import FIXTURES, load_graph, run_cli
from markdown_it import MarkdownIt
from neo4j.exceptions import Neo4jError
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import (
    AlertBase,
    Dataframe,
    HeadingBase,
    Markdown,
)
from test_readonly import WRITES, snapshot

from aikg.ui.common import plain, web_link
from benchmarks.app_render import serve
from graph import catalog, frontier, queries
from graph.writer import GraphWriter
from ontology.records import EdgeRecord, NodeRecord, Origin
from ontology.vocab import vocabulary

ROOT = Path(__file__).resolve().parent.parent

# -- data: names, descriptions and notes are untrusted text -----------------------------------------
PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "link": "[click](javascript:alert(1))",
    "bold": "**bold**",
    "latex": "$x^2$",
    "pixel": "![pixel](http://127.0.0.1:9/pixel.png)",
    "directive": ":red[colour]",
    "heading": "# Heading",
    "iframe": "<iframe src=javascript:alert(1)></iframe>",
}
ORG_NAME = f"{PAYLOADS['script']} Labs"
MODEL_NAME = f"{PAYLOADS['img']} Payload-1"
RELEASE_NAME = f"{PAYLOADS['link']} release"
PAYLOAD_YAML = f"""\
sources:
  - id: source:payload-report
    name: {json.dumps(PAYLOADS['script'] + ' report')}
    url: "javascript:alert(1)"
    source_kind: secondary
organizations:
  - id: org:payload-labs
    name: {json.dumps(ORG_NAME)}
    aliases: [Payload Labs]
    description: {json.dumps(f"{PAYLOADS['bold']} claim {PAYLOADS['latex']} {PAYLOADS['directive']}")}
    notes: {json.dumps(f"{PAYLOADS['link']} {PAYLOADS['pixel']}")}
    organization_kind: lab
    sources: [source:payload-report]
models:
  - id: model:payload-1
    name: {json.dumps(MODEL_NAME)}
    developers: [org:payload-labs]
    description: {json.dumps(f"{PAYLOADS['heading']} {PAYLOADS['iframe']}")}
    sources: [source:payload-report]
releases:
  - id: release:payload-1/2024-06
    name: {json.dumps(RELEASE_NAME)}
    model: model:payload-1
    released_by: [org:payload-labs]
    date: "2024-06"
    notes: {json.dumps(PAYLOADS['bold'] + ' ' + PAYLOADS['latex'])}
    sources: [source:payload-report]
    artifacts:
      - id: artifact:payload-1/weights
        name: {json.dumps(PAYLOADS['img'] + ' weights')}
        artifact_kind: final_weights
        availability: open
"""


@pytest.fixture(scope="module")
def graph(session_store, cli_env, tmp_path_factory):
    """The example fixture plus records carrying HTML/JS/Markdown payloads, loaded with `aikg ingest`."""
    import streamlit as st

    from aikg.ui import common

    payload_dir = tmp_path_factory.mktemp("payload")
    (payload_dir / "payload.yaml").write_text(PAYLOAD_YAML, encoding="utf-8")
    load_graph(session_store, cli_env, ("ingest", str(FIXTURES / "curated"), str(payload_dir)))
    st.cache_data.clear()  # pages cache graded releases and the entity linker across runs
    common.linker.clear()
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        yield session_store
    st.cache_data.clear()
    common.linker.clear()


@pytest.fixture(scope="module")
def before(graph, aikg_home):
    return snapshot(graph, aikg_home)


@pytest.fixture(scope="module")
def secret_values(store_config, aikg_home) -> list[str]:
    """The passwords in use: the embedded server's secrets.json, else the NEO4J_* ones."""
    if store_config.embedded:
        values = list(json.loads((aikg_home / "secrets.json").read_text(encoding="utf-8")).values())
    else:
        values = [store_config.writer.password, store_config.reader.password]
    assert values and all(len(v) >= 8 for v in values)
    return values


def page(module: str, setup: str = "") -> AppTest:
    return AppTest.from_string(f"import streamlit as st\nfrom aikg.ui import {module}\n{setup}\n{module}.render()\n",
                               default_timeout=90)


# -- 1. the app's Cypher console refuses every write form ---------------------------------------------

def test_app_console_refuses_every_write(graph, before, aikg_home):
    app = page("cypher_page")
    app.run()
    refused = 0
    for query in WRITES:
        app.text_area(key="cypher").input(query)
        app.text_input(key="cypher_params").input(json.dumps({"q": "CREATE (n:X)", "id": "org:example-lab",
                                                              "props": {"name": "changed"}}))
        app.button(key="cypher_run").click().run()
        assert not app.exception and not app.dataframe, query
        assert [e.value[:8] for e in app.error] == ["Refused:"], query
        refused += 1
    assert refused == len(WRITES)
    assert snapshot(graph, aikg_home) == before


def test_app_console_parameters_stay_values(graph, before, aikg_home):
    app = page("cypher_page")
    app.run()
    app.text_area(key="cypher").input("MATCH (o:Organization {id: $id}) RETURN o.name AS name")
    app.text_input(key="cypher_params").input(json.dumps({"id": "org:example-lab'}) DETACH DELETE o //"}))
    app.button(key="cypher_run").click().run()
    assert not app.exception and not app.error and len(app.dataframe[0].value) == 0
    assert snapshot(graph, aikg_home) == before


@pytest.fixture
def csv_server():
    """A local web server that counts the requests it gets (LOAD CSV must never fetch)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = b"id,name\norg:from-csv,From CSV\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/rows.csv", hits
    server.shutdown()
    server.server_close()


def test_load_csv_over_http_is_never_fetched(graph, before, aikg_home, store_config, csv_server):
    url, hits = csv_server
    query = f"LOAD CSV WITH HEADERS FROM '{url}' AS row MERGE (o:Organization {{id: row.id}}) SET o.name = row.name"
    code, payload, _ = run_cli("cypher", query, "--json")
    assert code == 3 and payload["error"].startswith("refused: ")
    assert hits == []  # refused before anything was sent
    with pytest.raises(Neo4jError):  # the text check bypassed: the server refuses on its own
        graph.read_only(query)
    if store_config.embedded:
        assert hits == []  # ArcadeDB does not fetch from loopback or private addresses
    assert snapshot(graph, aikg_home) == before


# -- 2. Cypher built by string formatting ---------------------------------------------------------------
# Every string built by formatting (f-string, str.format, %, + with a non-literal) that ends up in
# a query: passed to a query method, holding Cypher keywords, or interpolated into such a string
# (followed through local variables and same-module functions). Each interpolated expression
# must be in ALLOWED with its kind and a reason. Kinds "constant", "checked", "checked by caller"
# and "fragment" are verified from the code; "ontology" and "not cypher" rest on the reason (and,
# for labels, on the run-time tests below).



def _store_query_methods() -> set[str]:
    """GraphStore's methods that take Cypher text (first parameter `query` or `statement`)."""
    tree = ast.parse((ROOT / "graph" / "store.py").read_text(encoding="utf-8"))
    store = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "GraphStore")
    return {f.name for f in store.body if isinstance(f, ast.FunctionDef) and len(f.args.args) > 1
            and f.args.args[1].arg in ("query", "statement")}


QUERY_METHODS = _store_query_methods() | {"run", "execute_query"}  # and the driver's (session/tx.run)
CYPHER_WORDS = re.compile(r"\b(MATCH|MERGE|CREATE|UNWIND|RETURN|DELETE|DETACH|SET|REMOVE|CALL|WHERE|WITH|DROP)\b")
SCANNED = ("aikg", "graph", "ingest", "ontology")
CHECKS = (".check_label(", ".check_type(")


@dataclass(frozen=True)
class Site:
    path: str
    function: str
    line: int
    template: str
    exprs: tuple[str, ...]


def _formatting(node: ast.AST, strings: dict[str, str], inner_adds: set) -> tuple[str, list[ast.expr]] | None:
    """(template, interpolated expressions) when the node builds a string by formatting."""
    if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in node.values):
        return ("".join("{" + ast.unparse(v.value) + "}" if isinstance(v, ast.FormattedValue) else str(v.value)
                        for v in node.values), [v.value for v in node.values if isinstance(v, ast.FormattedValue)])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        base = node.func.value
        text = base.value if isinstance(base, ast.Constant) else strings.get(getattr(base, "id", ""))
        if isinstance(text, str):
            return text, [*node.args, *(k.value for k in node.keywords)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        return node.left.value, [node.right]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and node not in inner_adds:
        operands, stack = [], [node]
        while stack:
            item = stack.pop()
            if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
                stack += [item.right, item.left]
            else:
                operands.append(item)
        literal = [isinstance(o, ast.Constant) and isinstance(o.value, str) for o in operands]
        if any(literal) and not all(literal):
            return ("".join(o.value if lit else "{" + ast.unparse(o) + "}" for o, lit in zip(operands, literal)),
                    [o for o, lit in zip(operands, literal) if not lit])
    return None


class Module:
    """One parsed file: the scope of every node, each scope's assignments, the functions."""

    def __init__(self, text: str, path: str):
        self.path = path
        self.tree = ast.parse(text)
        self.strings = {t.id: n.value.value for n in self.tree.body if isinstance(n, ast.Assign)
                        and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                        for t in n.targets if isinstance(t, ast.Name)}
        self.scope: dict[ast.AST, str] = {}
        self.assigned: dict[str, dict[str, list[ast.expr]]] = {}  # scope -> name -> values assigned
        self.functions: dict[str, ast.FunctionDef] = {}  # simple name -> def (functions and methods)
        # name -> (file, name there) of `from graph.x import name` at module level
        self.imported = {a.asname or a.name: (n.module.replace(".", "/") + ".py", a.name) for n in self.tree.body
                         if isinstance(n, ast.ImportFrom) and n.module for a in n.names}
        self._index(self.tree, "<module>")

    def _index(self, node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if not isinstance(child, ast.ClassDef):
                    self.functions.setdefault(child.name, child)
                self._index(child, child.name if scope == "<module>" else f"{scope}.{child.name}")
                continue
            self.scope[child] = scope
            targets = child.targets if isinstance(child, ast.Assign) else \
                [child.target] if isinstance(child, (ast.AnnAssign, ast.AugAssign)) and child.value else []
            for target in targets:
                if isinstance(target, ast.Name):
                    self.assigned.setdefault(scope, {}).setdefault(target.id, []).append(child.value)
            self._index(child, scope)

    def called_function(self, call: ast.Call) -> str | None:
        """The same-module function a call names (`f(...)` or `self.f(...)`)."""
        name = call.func.id if isinstance(call.func, ast.Name) else \
            call.func.attr if isinstance(call.func, ast.Attribute) and ast.unparse(call.func.value) == "self" else None
        return name if name in self.functions else None

    def _resolve(self, expr: ast.expr, scope: str) -> list[ast.AST]:
        """What an expression may hold: assignments of its names (local, else module) and what
        same-module functions it calls return."""
        out: list[ast.AST] = []
        for sub in ast.walk(expr):
            if isinstance(sub, ast.Name):
                out += self.assigned.get(scope, {}).get(sub.id, []) or self.assigned.get("<module>", {}).get(sub.id, [])
            if isinstance(sub, ast.Call) and self.called_function(sub):
                out += [r.value for r in ast.walk(self.functions[self.called_function(sub)])
                        if isinstance(r, ast.Return) and r.value]
        return out

    def sites(self) -> list[Site]:
        inner_adds = {n.left for n in ast.walk(self.tree) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add)}
        formatted = {n: f for n in ast.walk(self.tree) if (f := _formatting(n, self.strings, inner_adds))}
        queue = [n for n, (template, _) in formatted.items() if CYPHER_WORDS.search(template)]
        for call in ast.walk(self.tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                    and call.func.attr in QUERY_METHODS and call.args:
                queue += [call.args[0], *self._resolve(call.args[0], self.scope[call])]
        found: set[ast.AST] = set()
        seen: set[ast.AST] = set()
        while queue:
            node = queue.pop()
            if node in seen:
                continue
            seen.add(node)
            for sub in ast.walk(node):
                if sub in formatted and sub not in found:
                    found.add(sub)
                    for expr in formatted[sub][1]:
                        queue += self._resolve(expr, self.scope[sub])
        return sorted((Site(self.path, self.scope[n], n.lineno, " ".join(formatted[n][0].split()),
                            tuple(ast.unparse(e) for e in formatted[n][1])) for n in found),
                      key=lambda s: (s.line, s.template))


def product_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for top in SCANNED:
        files += [p for p in sorted((ROOT / top).rglob("*.py")) if "generated" not in p.relative_to(ROOT).parts]
    return files


def product_modules() -> dict[str, Module]:
    return {str(f.relative_to(ROOT)): Module(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))
            for f in product_files()}


def interpolations(sites: list[Site]) -> set[tuple[str, str, str]]:
    return {(s.path, s.function, e) for s in sites for e in s.exprs}


def unlisted(sites: list[Site]) -> list[str]:
    return sorted(f"{s.path}:{s.line} {s.function}: {{{e}}} in {s.template[:80]!r}"
                  for s in sites for e in s.exprs if (s.path, s.function, e) not in ALLOWED)


CONSTANT, CHECKED, BY_CALLER, FRAGMENT, ONTOLOGY, NOT_CYPHER = (
    "constant", "checked", "checked by caller", "fragment", "ontology", "not cypher")
ALLOWED: dict[tuple[str, str, str], tuple[str, str]] = {
    # graph/catalog.py: the named questions, module constants assembled once at import
    ("graph/catalog.py", "<module>", "IN_ORG"): (CONSTANT, "a fixed Cypher pattern"),
    ("graph/catalog.py", "<module>", "ORG_SCOPE"): (CONSTANT, "a fixed Cypher pattern"),
    ("graph/catalog.py", "<module>", "DEAL_FIELDS"): (CONSTANT, "a fixed RETURN list"),
    ("graph/catalog.py", "<module>", "RELEASE_FIELDS"): (CONSTANT, "a fixed RETURN list"),
    ("graph/catalog.py", "<module>", "STATEMENT_FIELDS"): (CONSTANT, "a fixed RETURN list"),
    ("graph/catalog.py", "<module>", "MAX_DEPTH"): (CONSTANT, "an int bound of a variable-length path"),
    ("graph/catalog.py", "<module>", "flat('rb_sources')"): (CONSTANT, "flat() of a literal variable name"),
    ("graph/catalog.py", "<module>", "flat('role_sources')"): (CONSTANT, "flat() of a literal variable name"),
    ("graph/catalog.py", "<module>", "flat('ps')"): (CONSTANT, "flat() of a literal variable name"),
    ("graph/catalog.py", "<module>", "flat('hs')"): (CONSTANT, "flat() of a literal variable name"),
    ("graph/catalog.py", "<module>", "flat('ds')"): (CONSTANT, "flat() of a literal variable name"),
    ("graph/catalog.py", "<module>", "flat('[r IN relationships(p) | r.sources]')"):
        (CONSTANT, "flat() of a literal expression"),
    ("graph/catalog.py", "<module>", "flat('[r IN rs | r.sources]')"): (CONSTANT, "flat() of a literal expression"),
    ("graph/catalog.py", "flat", "expr"): (BY_CALLER, "every call passes a string literal"),
    ("graph/loadstate.py", "read", "LABEL"): (CONSTANT, "the load-state label, a module constant"),
    ("graph/loadstate.py", "mark_loading", "LABEL"): (CONSTANT, "the load-state label, a module constant"),
    ("graph/loadstate.py", "mark_loaded", "LABEL"): (CONSTANT, "the load-state label, a module constant"),
    ("graph/overview.py", "<module>", "frontier.CRITERIA[name][0]"):
        (ONTOLOGY, "the literal condition texts of graph/frontier.py's CRITERIA, joined at import"),
    ("graph/overview.py", "<module>", "FRONTIER_MODEL"): (CONSTANT, "frontier.CRITERIA's conditions joined with OR"),
    ("graph/overview.py", "<module>", "WEIGHTS_OF_R"): (CONSTANT, "a fixed map projection (graph/openness.py)"),
    ("graph/rdf.py", "prefix_header", "''.join((f'@prefix {name}: <{ns}> .\\n' for name, ns in prefixes().items()))"):
        (NOT_CYPHER, "Turtle @prefix lines, not Cypher"),
    ("graph/rdf.py", "prefix_header", "name"): (NOT_CYPHER, "a Turtle prefix name"),
    ("graph/rdf.py", "prefix_header", "ns"): (NOT_CYPHER, "a namespace IRI in a Turtle header"),
    ("graph/catalog.py", "_sources_of", "vocabulary().check_label(label)"):
        (CHECKED, "label checked by vocab.check_label in the f-string itself"),
    # graph/quality.py: data checks, module constants
    ("graph/quality.py", "<module>", "WEIGHTS"): (CONSTANT, "a literal list of artifact kinds"),
    ("graph/quality.py", "<module>", "OBTAINABLE"): (CONSTANT, "a literal list of availabilities"),
    ("graph/quality.py", "<module>", "OBTAIN_CHANNELS"): (CONSTANT, "a literal list of access kinds"),
    ("graph/quality.py", "<module>", "DOWNLOAD"): (CONSTANT, "a literal list of access kinds"),
    ("graph/quality.py", "duplicates", "label"): (ONTOLOGY, "loop over the constant DEDUP_LABELS"),
    # graph/queries.py
    ("graph/queries.py", "search", "vocabulary().check_label(label)"): (CHECKED, "label checked by vocab.check_label"),
    ("graph/queries.py", "search", "match"): (FRAGMENT, "the MATCH built one line above from a checked label"),
    ("graph/queries.py", "_match", "label"): (ONTOLOGY, "vocabulary().label_of(): a label of the ontology or None"),
    ("graph/queries.py", "_match", "var"): (BY_CALLER, "the default 'n'; no caller passes another"),
    ("graph/queries.py", "entity", "_match(node_id)"): (FRAGMENT, "MATCH on the id's ontology label; id a parameter"),
    ("graph/queries.py", "neighborhood", "_match(node_id)"):
        (FRAGMENT, "MATCH on the id's ontology label; id a parameter"),
    ("graph/queries.py", "timeline_events", "org_filter"): (FRAGMENT, "a literal WHERE or ''; the org a parameter"),
    # graph/frontier.py
    ("graph/frontier.py", "_models", "condition"):
        (ONTOLOGY, "CRITERIA[criterion], a literal; frontier_models passes only names of CRITERIA"),
    ("graph/frontier.py", "_models", "WEIGHTS_OF_R"): (CONSTANT, "a fixed map projection (graph/openness.py)"),
    # graph/openness.py
    ("graph/openness.py", "<module>", "ORG_SCOPE"): (CONSTANT, "a fixed Cypher pattern (graph/scope.py)"),
    # graph/rdf.py: export pages
    ("graph/rdf.py", "quads", "label"): (ONTOLOGY, "loop over sorted(vocab.labels) in the same function"),
    ("graph/rdf.py", "write", "json.dumps(context)"): (NOT_CYPHER, "JSON-LD text written to the output file"),
    # graph/schema.py: constraints and indexes
    ("graph/schema.py", "statements", "label"): (ONTOLOGY, "loop over sorted(vocab.labels)"),
    ("graph/schema.py", "statements", "snake"): (ONTOLOGY, "label.lower() of an ontology label"),
    ("graph/schema.py", "statements", "prop"): (ONTOLOGY, "loop over the constant INDEXED_PROPERTIES"),
    # graph/writer.py: UNWIND … MERGE per label and relationship type
    ("graph/writer.py", "GraphWriter.existing_ids", "label"):
        (CHECKED, "label checked by self.vocab.check_label in the same function"),
    ("graph/writer.py", "GraphWriter.entity_rows", "self.vocab.check_label(label)"):
        (CHECKED, "label checked by vocab.check_label in the f-string itself"),
    ("graph/writer.py", "node_query", "label"): (BY_CALLER, "GraphWriter.write passes self.vocab.check_label(label)"),
    ("graph/writer.py", "node_query", "_set_clause('n', policy, keys, UNIONED)"): (FRAGMENT, "the SET clause below"),
    ("graph/writer.py", "edge_query", "rel_type"): (BY_CALLER, "GraphWriter.write passes self.vocab.check_type(...)"),
    ("graph/writer.py", "edge_query", "start"): (BY_CALLER, "GraphWriter.write passes self.vocab.check_label(...)"),
    ("graph/writer.py", "edge_query", "end"): (BY_CALLER, "GraphWriter.write passes self.vocab.check_label(...)"),
    ("graph/writer.py", "edge_query", "k"):
        (ONTOLOGY, "relationship key names; GraphWriter.write checks each with _check_property (ontology slots)"),
    ("graph/writer.py", "edge_query", "key_map"): (FRAGMENT, "the key map built one line above"),
    ("graph/writer.py", "edge_query", "pattern"): (FRAGMENT, "the relationship pattern built one line above"),
    ("graph/writer.py", "edge_query", "_set_clause('r', policy, keys, ('sources',))"):
        (FRAGMENT, "the SET clause below"),
    ("graph/writer.py", "_set_clause", "v"): (BY_CALLER, "every call passes the literal 'n' or 'r'"),
    ("graph/writer.py", "_set_clause", "p"): (ONTOLOGY, "loop over UNIONED or ('sources',), constants"),
    ("graph/writer.py", "_set_clause", "k"):
        (ONTOLOGY, "property names GraphWriter.write checks against the ontology (_prop_keys, _check_property)"),
    ("graph/writer.py", "_set_clause", "unions"): (FRAGMENT, "the _UNION template formatted one line above"),
    ("graph/writer.py", "_set_clause", "fills"): (FRAGMENT, "the fill assignments built one line above"),
}


UNSAFE_SNIPPET = '''
CONSTANT = "Model"


def direct(store, label):
    return store.read(f"MATCH (n:{label}) RETURN n")


def formatted(store, label):
    return store.write("MATCH (n:{}) DETACH DELETE n".format(label))


def percent(session, name):
    session.run("MATCH (n {name: '%s'}) RETURN n" % name)


def concatenated(tx, where):
    tx.run("MATCH (n) WHERE " + where + " RETURN n")


def via_variable(store, label):
    query = f"MATCH (n:{label})"
    return store.read(query)


def _clause(prop):
    return f"SET n.{prop} = 1"


def via_helper(store, prop):
    return store.write(f"MATCH (n:{CONSTANT}) {_clause(prop)}")


def safe(store, label, value):
    store.read("MATCH (n) WHERE n.name = $value RETURN n", {"value": value})
    store.read(f"MATCH (n:{vocab.check_label(label)}) RETURN n")
'''


def test_query_methods_are_read_from_the_store():
    assert {"read", "write", "read_only", "schema", "run", "execute_query"} <= QUERY_METHODS


def test_scanner_finds_every_kind_of_formatted_query():
    sites = Module(UNSAFE_SNIPPET, "graph/snippet.py").sites()
    found = interpolations(sites)
    assert {(f, e) for _, f, e in found} == {
        ("direct", "label"), ("formatted", "label"), ("percent", "name"), ("concatenated", "where"),
        ("via_variable", "label"), ("via_helper", "CONSTANT"), ("via_helper", "_clause(prop)"), ("_clause", "prop"),
        ("safe", "vocab.check_label(label)")}
    # not in the allow-list: the product test would fail on each of them
    assert len(unlisted(sites)) == 9


def test_scanner_ignores_parameterised_queries():
    code = ('def f(store, v):\n    store.read("MATCH (n) WHERE n.id = $v RETURN n", {"v": v})\n'
            '    print(f"{v} done")\n    handle.write(f"{v}")\n')
    assert Module(code, "graph/snippet.py").sites() == [Site("graph/snippet.py", "f", 4, "{v}", ("v",))]


def test_every_formatted_query_is_allow_listed():
    sites = [s for m in product_modules().values() for s in m.sites()]
    assert len(sites) >= 45  # the scan does find the writer, the catalog, the checks …
    assert unlisted(sites) == [], "Cypher built from an interpolated value not in ALLOWED (tests/test_security.py)"
    stale = sorted(set(ALLOWED) - interpolations(sites))
    assert stale == [], "ALLOWED entries that no longer match the code: remove them"


def _names(expr: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}


def test_allow_list_kinds_hold_in_the_code():
    """What "constant", "checked", "checked by caller" and "fragment" claim, verified from the code."""
    modules = product_modules()
    calls = [(m, c) for m in modules.values() for c in ast.walk(m.tree) if isinstance(c, ast.Call)]
    for (path, function, expr_text), (kind, reason) in ALLOWED.items():
        assert reason, (path, function, expr_text)
        module = modules[path]
        expr = ast.parse(expr_text, mode="eval").body
        scope_def = module.functions.get(function.split(".")[-1])
        if kind == CONSTANT:  # module-level names, bound once; calls of module functions with literals only
            for call in [c for c in ast.walk(expr) if isinstance(c, ast.Call)]:
                assert all(isinstance(a, ast.Constant) for a in call.args), expr_text
            called = {c.func.id for c in ast.walk(expr) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)}
            for name in _names(expr) - called:
                owner = module
                if name not in module.assigned["<module>"] and module.imported.get(name, ("",))[0] in modules:
                    owner, name = modules[module.imported[name][0]], module.imported[name][1]  # a constant imported
                assert len(owner.assigned["<module>"].get(name, [])) == 1, f"{path}: {name} is not a module constant"
                assert not any(name in names for scope, names in module.assigned.items() if scope != "<module>")
        elif kind == CHECKED:  # the label/type check in the expression, or applied to it in the same function
            body = ast.unparse(scope_def)
            assert any(c in expr_text for c in CHECKS) or any(f"{c}{expr_text})" in body for c in CHECKS), \
                f"{path} {function}: {expr_text} is not checked there"
        elif kind == BY_CALLER:  # every call of the function passes a checked value or a literal
            params = [a.arg for a in scope_def.args.args]
            index = params.index(expr_text)
            passed = [(c.args[index] if len(c.args) > index else
                       next((k.value for k in c.keywords if k.arg == expr_text), None))
                      for m, c in calls if m.called_function(c) == function or
                      (isinstance(c.func, ast.Name) and c.func.id == function)]
            assert passed, f"{function} is never called"
            for arg in passed:
                text = "default" if arg is None else ast.unparse(arg)
                assert arg is None or isinstance(arg, ast.Constant) or any(c in text for c in CHECKS), \
                    f"{function}({expr_text}={text}) is neither checked nor a literal"
        elif kind == FRAGMENT:  # a query piece whose own interpolations are scanned and listed too
            scope = function
            values = module._resolve(expr, scope)
            assert values, f"{path} {function}: {expr_text} is not built here"
            for value in values:
                pieces = [n for n in ast.walk(value) if isinstance(n, (ast.JoinedStr, ast.Constant, ast.Call))]
                assert pieces, f"{path} {function}: {expr_text} = {ast.unparse(value)}"
        else:
            assert kind in (ONTOLOGY, NOT_CYPHER), kind


INJECTED_NAMES = ["Model) DETACH DELETE n //", "Model {id: 'x'}) SET n.name = 'x' //", "Model`", "model",
                  "", "Model\u200b", "\uff2dodel", "DEVELOPED_BY]->() DETACH DELETE n //"]


@pytest.mark.parametrize("name", INJECTED_NAMES)
def test_label_and_type_checks_reject_injection(name):
    vocab = vocabulary()
    with pytest.raises(ValueError):
        vocab.check_label(name)
    with pytest.raises(ValueError):
        vocab.check_type(name)
    assert vocab.check_label("Model") == "Model" and vocab.check_type("DEVELOPED_BY") == "DEVELOPED_BY"


def test_entry_points_refuse_injected_labels_and_write_nothing(graph, before, aikg_home):
    bad = INJECTED_NAMES[0]
    writer = GraphWriter(graph)
    origin = Origin("test")
    attempts = [
        lambda: queries.search(graph, "x", label=bad),
        lambda: catalog._sources_of(graph, bad, ["model:example-1"]),
        lambda: writer.existing_ids(bad, ["x"]),
        lambda: writer.entity_rows([bad]),
        lambda: writer.write([NodeRecord(bad, "model:x", {"name": "x", "sources": ["s"]}, origin)]),
        lambda: writer.write([EdgeRecord(bad, "Model", "model:example-1", "org:example-lab", origin, "developers",
                                         end_label="Organization", props={"sources": ["s"]})]),
        lambda: writer.write([EdgeRecord("DEVELOPED_BY", "Model", "model:example-1", "org:example-lab", origin,
                                         "developers", key={"x}) DETACH DELETE a //": "1"},
                                         end_label="Organization", props={"sources": ["s"]})]),
        lambda: frontier.frontier_models(graph, "epoch OR true WITH m DETACH DELETE m //"),
    ]
    for attempt in attempts:
        with pytest.raises(ValueError):
            attempt()
    assert queries.entity(graph, "Model) DETACH DELETE n //:x") is None  # an unknown prefix: no label at all
    assert snapshot(graph, aikg_home) == before


# -- 3. secrets ---------------------------------------------------------------------------------------

def _assert_no_secret(text: str, values: list[str], where: str) -> None:
    for value in values:
        assert value not in text, f"a password appears in {where}"


def test_cli_outputs_and_exports_never_show_a_password(graph, secret_values, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "bad.yaml").write_text("models:\n  - id: model:bad\n    name: Bad\n    parameters: many\n"
                                  "    sources: [source:nowhere]\n", encoding="utf-8")
    commands = [
        ("db", "status"), ("db", "status", "--json"), ("stats",), ("stats", "--json"),
        ("cypher", "MATCH (n) RETURN n.name AS name LIMIT 5", "--json"),
        ("cypher", "MATCH (n RETURN n"), ("cypher", "MATCH (n RETURN n", "--json"),  # a failing query
        ("cypher", "CREATE (n:X)"), ("cypher", "CALL dbms.security.createUser('a', 'b')", "--json"),  # refused
        ("ingest", str(bad)), ("ingest", str(bad), "--json"),  # invalid input: nothing written
        ("openness", "model:no-such-model", "--json"),
        ("check", str(FIXTURES / "curated"), "--json"),
        ("export", "rdf", "--format", "trig", "-o", str(tmp_path / "graph.trig"), "--json"),
        ("export", "rdf", "--format", "json-ld", "-o", str(tmp_path / "graph.jsonld")),
        ("export", "graphml", "-o", str(tmp_path / "graph.graphml")),
    ]
    codes = []
    for args in commands:
        code, _, output = run_cli(*args)
        codes.append(code)
        _assert_no_secret(output, secret_values, f"the output of aikg {' '.join(args)}")
    assert 0 in codes and 1 in codes and 3 in codes  # successes, failures and refusals were all seen
    exports = [tmp_path / "graph.trig", tmp_path / "graph.jsonld", tmp_path / "graph.graphml"]
    for path in exports:
        text = path.read_text(encoding="utf-8")
        assert "payload-labs" in text  # the export is real
        _assert_no_secret(text, secret_values, path.name)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed once the socket is


def _connection_cases(config, wrong: str) -> list[tuple[str, dict, str]]:
    """(case, environment, what the message must say) against the test server."""
    base = {"NEO4J_URI": config.uri, "NEO4J_USERNAME": config.writer.user,
            "NEO4J_PASSWORD": config.writer.password, "NEO4J_DATABASE": config.database}
    host = config.uri.split("://", 1)[1]
    return [
        ("closed port", {**base, "NEO4J_URI": f"bolt://127.0.0.1:{_closed_port()}"}, "cannot reach a graph server"),
        # two failed logins only: ArcadeDB locks an account for 30 s after 5 (measured)
        ("wrong password", {**base, "NEO4J_PASSWORD": wrong}, f"authentication failed for user {config.writer.user!r}"),
        ("wrong database", {**base, "NEO4J_DATABASE": "nonexistent"}, "database 'nonexistent' does not exist"),
        ("password in the address", {**base, "NEO4J_URI": f"bolt://{config.writer.user}:{wrong}@{host}"},
         "is not a graph server address"),
        # an unencoded / in the password: the driver reads user:password as host:port
        ("password with / in the address", {**base, "NEO4J_URI": f"bolt://{config.writer.user}:{wrong}/x@{host}"},
         "cannot reach a graph server at bolt://***@"),
    ]


@pytest.mark.parametrize("command", [("stats",), ("cypher", "RETURN 1")])
def test_connection_errors_name_the_problem_without_secrets(graph, store_config, secret_values, command):
    wrong = "wrong-" + tokens.token_urlsafe(12)
    for case, env, expected in _connection_cases(store_config, wrong):
        for as_json in (False, True):
            args = (*command, "--json") if as_json else command
            code, payload, output = run_cli(*args, env=env)
            assert code == 2, (case, output)
            assert expected in (payload["error"] if as_json else " ".join(output.split())), (case, output)
            _assert_no_secret(output, [*secret_values, wrong], f"the {case} message")
            if case == "wrong password":
                break  # one failed login per command (see above)


def test_wrong_password_of_the_console_account_is_a_connection_error(graph, store_config, secret_values):
    """The console's own read-only account failing to log in is exit 2, like the main account."""
    reader = store_config.reader
    wrong = "wrong-" + tokens.token_urlsafe(12)
    env = {"NEO4J_URI": store_config.uri, "NEO4J_USERNAME": store_config.writer.user,
           "NEO4J_PASSWORD": store_config.writer.password, "NEO4J_DATABASE": store_config.database,
           "AIKG_NEO4J_READ_USERNAME": reader.user, "AIKG_NEO4J_READ_PASSWORD": wrong}
    code, payload, output = run_cli("cypher", "RETURN 1 AS one", "--json", env=env)
    assert code == 2 and payload["error"].startswith(f"authentication failed for user {reader.user!r}"), output
    _assert_no_secret(output, [*secret_values, wrong], "the console account's error")
    env["AIKG_NEO4J_READ_PASSWORD"] = reader.password
    code, rows, output = run_cli("cypher", "RETURN 1 AS one", "--json", env=env)
    assert code == 0 and rows == [{"one": 1}], output  # the same environment with the right password works


# -- 4. untrusted text in the app --------------------------------------------------------------------

@pytest.fixture(scope="module")
def rendered(graph) -> dict[str, AppTest]:
    """Every page rendered once on the payload data, driven to show the payload records."""
    apps: dict[str, AppTest] = {}
    app = page("ask_page")
    app.run()
    app.text_input(key="question").input("What did Payload Labs release?")
    app.button(key="ask_button").click().run()
    apps["ask"] = app
    for node_id in ("org:payload-labs", "model:payload-1", "release:payload-1/2024-06", "source:payload-report"):
        app = page("explore_page")
        app.query_params["id"] = node_id
        app.run()
        apps[f"explore {node_id}"] = app
    app = page("explore_page")
    app.query_params["id"] = f"{PAYLOADS['pixel']} {PAYLOADS['script']}"  # a crafted ?id= link
    app.run()
    apps["explore crafted id"] = app
    app = page("openness_page")
    app.run()
    app.selectbox(key="org").select("org:payload-labs").run()
    apps["openness"] = app
    app = page("timeline_page")
    app.run()
    app.selectbox(key="timeline_org").select("org:payload-labs").run()
    apps["timeline"] = app
    app = page("analytics_page")
    app.run()
    apps["analytics"] = app
    app = page("cypher_page")
    app.run()
    app.text_area(key="cypher").input("MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id CONTAINS 'payload' "
                                      "RETURN n.id AS id, n.name AS name, n.description AS description, "
                                      "n.notes AS notes ORDER BY id")
    app.text_input(key="cypher_params").input('{"prefix": "org:payload"}')
    app.button(key="cypher_run").click().run()
    apps["cypher"] = app
    app = page("cypher_page")
    app.run()
    app.text_area(key="cypher").input(f"MATCH (n RETURN '{PAYLOADS['link']} {PAYLOADS['img']}'")  # echoed error
    app.button(key="cypher_run").click().run()
    apps["cypher error"] = app
    app = page("export_page", "from aikg.ask import ask\nfrom aikg.ui.common import store\n"
                              "st.session_state['reply'] = ask(store(), 'What did Payload Labs release?')")
    app.run()
    app.radio(key="export_format").set_value("Turtle")
    app.button(key="export_prepare").click().run()
    apps["export"] = app
    for name, app in apps.items():
        assert not app.exception, (name, [e.value for e in app.exception])
    return apps


def _markdown_elements(app: AppTest) -> list:
    """Elements whose text the browser renders as Markdown (or HTML when allowed)."""
    return [n for n in app.main if isinstance(n, (Markdown, HeadingBase, AlertBase))]


def _all_text(app: AppTest) -> str:
    parts = []
    for node in app.main:
        parts.append(str(getattr(node, "proto", "")))
        if isinstance(node, Dataframe):
            parts.append(node.value.to_string())
    return "\n".join(parts)


def test_pages_show_the_payload_records(rendered):
    """The scenario is real: every page shows the records that carry the payloads."""
    ask = rendered["ask"]
    assert MODEL_NAME in set(ask.dataframe[0].value["model"])
    facts = {r["property"]: r["value"] for r in rendered["explore org:payload-labs"].dataframe[0].value.to_dict("records")}
    assert facts["name"] == ORG_NAME  # shown as text, exactly as written
    assert facts["description"] == f"{PAYLOADS['bold']} claim {PAYLOADS['latex']} {PAYLOADS['directive']}"
    assert facts["notes"] == f"{PAYLOADS['link']} {PAYLOADS['pixel']}"
    model_facts = rendered["explore model:payload-1"].dataframe[0].value
    assert MODEL_NAME in set(model_facts["value"])
    assert RELEASE_NAME in set(rendered["openness"].dataframe[0].value["release"])
    assert RELEASE_NAME in set(rendered["timeline"].dataframe[0].value["title"])
    cypher = rendered["cypher"].dataframe[0].value
    assert ORG_NAME in set(cypher["name"]) and MODEL_NAME in set(cypher["name"])
    assert rendered["cypher error"].error and rendered["explore crafted id"].error
    export = rendered["export"]
    assert len(export.get("download_button")) >= 5 and any("entities" in c.value for c in export.caption)


def test_no_markdown_element_renders_a_payload(rendered):
    """Headers, captions, alerts and Markdown render Markdown: untrusted text in them is escaped,
    and none allows raw HTML."""
    checked = 0
    for name, app in rendered.items():
        for element in _markdown_elements(app):
            value = element.value
            assert not getattr(element, "allow_html", False) or not any(p in value for p in PAYLOADS.values()), name
            for label, payload in PAYLOADS.items():
                assert payload not in value, f"{name}: {label} payload unescaped in {type(element).__name__}: {value!r}"
            checked += 1
        assert not app.get("html"), name  # no st.html anywhere
    assert checked > 20
    header = rendered["explore org:payload-labs"].header[0].value
    assert header == plain(ORG_NAME)  # the name, escaped: it displays exactly as written


@pytest.mark.parametrize("text", [*PAYLOADS.values(), ORG_NAME, MODEL_NAME, RELEASE_NAME, "a_b_c *x* `y` \\z",
                                  "line one\n# line two\n    indented", "&lt;b&gt; &amp; :smile:"])
def test_plain_renders_as_the_literal_text(text):
    """plain() output through a CommonMark renderer: no element, just the text (line breaks flattened)."""
    rendered_html = MarkdownIt("commonmark").render(plain(text))
    inner = rendered_html.strip().removeprefix("<p>").removesuffix("</p>")
    assert "<" not in inner.replace("&lt;", "")  # no tag at all: no link, image, emphasis, heading, code
    assert html.unescape(inner) == " ".join(text.split())


def test_neighborhood_graph_embeds_names_escaped(rendered):
    frame = str(rendered["explore org:payload-labs"].get("iframe")[0].proto)
    assert "payload-labs" in frame
    for payload in (PAYLOADS["script"], PAYLOADS["img"]):
        assert payload not in frame  # neo4j_viz writes "<" as \u003c inside its JSON
    assert "\\\\u003cscript>" in frame or "\\u003cscript>" in frame


def test_source_urls_link_only_to_web_addresses(rendered):
    sources = rendered["explore org:payload-labs"].dataframe[1].value
    row = sources[sources["id"] == "source:payload-report"].iloc[0]
    assert row["url"] is None or row["url"] != row["url"]  # javascript: is not made a link (None / NaN)
    facts = rendered["explore source:payload-report"].dataframe[0].value
    assert "javascript:alert(1)" in set(facts["value"])  # still shown, as text, on the source's own page
    assert web_link("https://example.org/a") == "https://example.org/a"
    assert web_link(" javascript:alert(1)") is None and web_link("data:text/html,x") is None


def test_app_pages_never_show_a_password(rendered, secret_values):
    for name, app in rendered.items():
        _assert_no_secret(_all_text(app), secret_values, f"the {name} page")
    everything = page_app_file()
    _assert_no_secret(_all_text(everything), secret_values, "the app's first page")


def page_app_file() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.run()
    assert not app.exception
    return app


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI") != "true",
                    reason="no /usr/bin/chromium (apt-get install chromium)")
def test_browser_runs_no_payload_and_loads_nothing_from_it(graph, cli_env):
    """In a real browser: no alert fires, no element comes from a payload, no payload URL is fetched."""
    sync_api = pytest.importorskip("playwright.sync_api")
    dialogs, fetched = [], []
    with serve({**os.environ, **cli_env}) as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: fetched.append(request.url))
        crafted = urllib.parse.quote(f"{PAYLOADS['pixel']} {PAYLOADS['img']}")
        for path, shown in ((f"explore?id={crafted}", "No entity with id"),
                            ("explore?id=org:payload-labs", ORG_NAME), ("explore?id=model:payload-1", MODEL_NAME)):
            page.goto(f"{url}/{path}")
            page.get_by_text(shown).first.wait_for(timeout=60_000)  # the text itself, not markup
            page.wait_for_timeout(1500)  # the neighborhood graph draws its captions
            for frame in page.frames:
                assert frame.locator('img[src="x"], iframe[src^="javascript"], script:text("alert")').count() == 0
        browser.close()
    assert dialogs == []
    assert [u for u in fetched if u.startswith("http://127.0.0.1:9/") or urllib.parse.urlsplit(u).path == "/x"] == []
    assert any("/_stcore/" in u or "/static/" in u for u in fetched)  # the listener did see the app load


# -- last: after every failure above, no file and no process shows a password ---------------------------

def test_no_file_or_process_of_the_embedded_server_holds_a_password(graph, store_config, aikg_home, secret_values):
    if not store_config.embedded:
        pytest.skip("the embedded server's files only exist without NEO4J_URI")
    users = aikg_home / "server" / "config" / "server-users.jsonl"  # password hashes
    assert stat.S_IMODE(os.stat(users).st_mode) == 0o600
    scanned = 0
    for path in aikg_home.rglob("*"):
        if path.is_file() and path.name != "secrets.json":
            data = path.read_bytes()
            for value in secret_values:
                assert value.encode() not in data, f"a password appears in {path.relative_to(aikg_home)}"
            scanned += 1
    assert scanned > 10 and (aikg_home / "server.log").stat().st_size > 0
    pid = json.loads((aikg_home / "server.json").read_text())["pid"]
    for name in ("cmdline", "environ"):  # what `ps` and /proc show other local users (cmdline) and us
        data = Path(f"/proc/{pid}/{name}").read_bytes()
        for value in secret_values:
            assert value.encode() not in data, f"a password appears in the server's {name}"
