"""The Cypher console cannot write: refused before sending, refused by the server,
and rolled back regardless. Every case is checked by counting in the database."""
from __future__ import annotations

import contextlib

import pytest
from helpers import copy_fixture, load_graph, run_cli
from neo4j.exceptions import Neo4jError

from graph import queries
from graph.config import neo4j_config_from_env
from graph.readonly import RefusedQuery, check_read_only
from graph.store import refused_write

# Every write form the console must refuse; tests/test_security.py also sends each one through
# the app's Cypher page. Each string is distinct; the comments say what the trick is.
WRITES = [
    # CREATE / MERGE, any case
    "CREATE (n:X {id:'x'})",
    "create (n:X {id:'x'})",
    "MATCH (n) WITH n CrEaTe (m:X)",
    "MATCH (a:Organization), (b:Organization) CREATE (a)-[:DEVELOPED_BY {sources: []}]->(b)",
    "MERGE (n:Model {id:'model:x'})",
    "MATCH (a:Organization {id: 'org:example-lab'}) MERGE (a)-[:PART_OF]->(a)",
    # SET / REMOVE of properties and labels
    "MATCH (n) SET n.name = 'x'",
    "MATCH (n) SET n += {name: 'x'}",
    "MATCH (n:Organization) SET n:Evil",
    "MATCH (n:Model) REMOVE n.name",
    "MATCH (n:Organization) REMOVE n:Organization",
    # DELETE
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) DELETE n",
    "MATCH ()-[r]->() DELETE r",
    # DDL: indexes, constraints, databases, users
    "DROP CONSTRAINT model_id",
    "DROP INDEX organization_name",
    "DROP DATABASE aikg",
    "DROP USER aikg_reader",
    "CREATE INDEX x IF NOT EXISTS FOR (n:Model) ON (n.x)",
    "CREATE CONSTRAINT evil IF NOT EXISTS FOR (n:Evil) REQUIRE n.id IS UNIQUE",
    # LOAD CSV: local file, with headers, over http, the old periodic-commit form
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV WITH HEADERS FROM 'file:///etc/hosts' AS row CREATE (:X {line: row})",
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/rows.csv' AS row MERGE (:Organization {id: row.id})",
    "USING PERIODIC COMMIT 10 LOAD CSV FROM 'file:///etc/hosts' AS row CREATE (:X {id: row[0]})",
    # procedures, writing or not, and functions that run Cypher
    "CALL db.labels()",
    "CALL db.createLabel('Evil')",
    "CALL dbms.security.createUser('a','b')",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "CALL apoc.create.node(['X'], {id: 'x'})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {batchSize: 10})",
    "CALL apoc.cypher.doIt('CREATE (n:X) RETURN n', {})",
    ("MATCH (n) WITH n LIMIT 1 CALL apoc.cypher.runWrite('MATCH (m) ' + 'DETACH ' + 'DELETE m', {}) "
     "YIELD value RETURN value"),
    "CALL apoc.cypher.doIt('CRE' + 'ATE (n:X) RETURN n', {})",
    "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n:X) RETURN n', {}) AS x",
    "CALL apoc.cypher.doIt($q, {})",
    # FOREACH, subqueries, UNION
    "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
    "MATCH (n) CALL { WITH n SET n.z = 1 } RETURN n",
    "MATCH (n:Organization) WITH n CALL (n) { SET n.name = 'x' } RETURN n",
    "MATCH (n) WHERE EXISTS { CREATE (m:X) } RETURN n",
    "RETURN COLLECT { CREATE (m:X) RETURN m } AS c",
    "RETURN COUNT { MERGE (m:X) } AS c",
    "RETURN 1 AS x UNION CREATE (n:X) RETURN 1 AS x",
    "MATCH (n) RETURN n.id AS x UNION ALL MATCH (m) DETACH DELETE m RETURN 1 AS x",
    "UNWIND range(1, 3) AS i CALL { CREATE (:X) } IN TRANSACTIONS",
    "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:X) } IN TRANSACTIONS OF 1 ROW",
    # comments: before, between statements, \r ending a line comment, not nesting, splitting a keyword
    "/* harmless */ CREATE (n:X)",
    "MATCH (n) RETURN n // comment\nCREATE (m:X)",
    "MATCH (n) RETURN n // comment\rCREATE (m:X)",
    "RETURN 1 AS x /* a /* b */ CREATE (n:X) // */",
    "CRE/**/ATE (n:X)",
    "RETURN '/*' AS a CREATE (n:X) RETURN '*/' AS b",
    # whitespace and unicode: tabs, no-break and wide spaces, zero-width characters, fullwidth letters
    "MATCH (n:Organization)\tSET\tn.name\t=\t'x'",
    "MATCH (n)\u00a0DETACH\u00a0DELETE\u00a0n",
    "MATCH (n)\u2003DETACH\u3000DELETE n",
    "\u200bCREATE (n:X)",
    "CRE\u200bATE (n:X)",
    "MATCH (n) DE\u200dTACH DE\ufeffLETE n",
    "\uff23\uff32\uff25\uff21\uff34\uff25 (n:X)",
    "MATCH (n) \uff24\uff25\uff34\uff21\uff23\uff28 \uff24\uff25\uff2c\uff25\uff34\uff25 n",
    # backtick-quoted names
    "MATCH (`n`) DETACH DELETE `n`",
    "MATCH (n:Organization) SET n.`name` = 'x'",
    # several statements
    "RETURN 1; CREATE (n:X)",
    "RETURN 1;\nMATCH (n) DETACH DELETE n;",
    # administration
    "ALTER USER aikg_reader SET PASSWORD 'x'",
    "ALTER DATABASE aikg SET ACCESS READ WRITE",
    "GRANT ROLE admin TO aikg_reader",
    "REVOKE ROLE reader FROM aikg_reader",
    "DENY READ {*} ON GRAPH * TO PUBLIC",
    "START DATABASE aikg",
    "STOP DATABASE aikg",
    "CREATE USER evil SET PASSWORD 'evil-password'",
    "CREATE DATABASE evil",
    "USE system SHOW USERS",
    "SHOW USERS",
    "SHOW DATABASES",
    "SHOW PRIVILEGES",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    # EXPLAIN / PROFILE (ArcadeDB runs PROFILE'd writes and EXPLAIN'd DDL)
    "EXPLAIN CREATE (n:X)",
    "PROFILE MATCH (n:Organization) SET n.name = 'x'",
    "EXPLAIN CREATE INDEX evil IF NOT EXISTS FOR (n:Organization) ON (n.evil)",
    # writes taking their values from parameters
    "MATCH (n {id: $id}) SET n += $props",
    "MERGE (n:Organization {id: $id})",
]
# Parameters for the queries above when they are sent with the text check bypassed.
WRITE_PARAMS = {"q": "CREATE (n:X) RETURN n", "id": "org:example-lab", "props": {"name": "changed"}}

READS = [
    "MATCH (n) RETURN count(n) AS c",
    "MATCH (n:Model) WHERE n.name CONTAINS 'create' RETURN n.name",
    "RETURN 'DELETE everything' AS text",
    "MATCH (n) WHERE n.name = \"SET\" RETURN n // CREATE in a comment",
    "MATCH (m:Model) RETURN m.`name` AS name",
    "MATCH (n) CALL { WITH n RETURN n.id AS x } RETURN x LIMIT 1",
    "SHOW INDEXES",
    # write words where they are not keywords: no false refusal
    "SHOW CONSTRAINTS",
    "RETURN 'abc\\' AS x CREATE (n:X) //' AS text",
    "RETURN \"RETURN 1; CREATE (n:X)\" AS text",
    "MATCH (n) WHERE n.description CONTAINS 'LOAD CSV' OR n.notes CONTAINS 'CALL apoc.cypher' RETURN n.id",
    "MATCH (n) RETURN n.`create` AS c, n.`set` AS s, n.`delete` AS d LIMIT 1",
    "MATCH (n) RETURN n.created AS created, n.settings AS settings, n.dropped AS dropped LIMIT 1",
    "MATCH (n) /* MERGE (x) */ RETURN count(n) AS c // DETACH DELETE n",
    "MATCH (n) // a note\r\nRETURN count(n) AS c",
    "RETURN '\uff23\uff32\uff25\uff21\uff34\uff25' AS fullwidth_in_a_string",
    "MATCH (n) RETURN count(n) AS c;",
]


def snapshot(store, aikg_home=None) -> dict:
    """What a write could change: counts, every node's labels and properties, every
    relationship's properties, indexes, constraints and (embedded server) the user list."""
    shot = {
        "stats": queries.stats(store),
        "nodes": store.read("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id"),
        "relationships": store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, "
                                    "properties(r) AS props ORDER BY a, type, b"),
        "indexes": sorted(r["name"] for r in store.read("SHOW INDEXES")),
        "constraints": sorted(r["name"] for r in store.read("SHOW CONSTRAINTS")),
    }
    users = aikg_home / "server" / "config" / "server-users.jsonl" if aikg_home else None
    if store.config.embedded and users:
        shot["users"] = users.read_text(encoding="utf-8")  # names, groups and password hashes
    return shot


def test_attack_strings_are_distinct_and_many():
    assert len(WRITES) == len(set(WRITES)) >= 45


@pytest.mark.parametrize("query", WRITES)
def test_guard_refuses_writes(query):
    with pytest.raises(RefusedQuery):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_guard_allows_reads(query):
    check_read_only(query)


@pytest.fixture(scope="module")
def loaded(session_store, cli_env, tmp_path_factory):
    """The example fixture loaded once: nothing in this module may change it."""
    load_graph(session_store, cli_env, ("ingest", str(copy_fixture(tmp_path_factory.mktemp("readonly")))))
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        yield session_store


@pytest.fixture(scope="module")
def before(loaded, aikg_home):
    shot = snapshot(loaded, aikg_home)
    assert shot["stats"]["nodes"] and shot["relationships"] and shot["indexes"] and shot["constraints"]
    return shot


@pytest.mark.parametrize("query", WRITES)
def test_cli_refuses_and_database_is_unchanged(loaded, before, aikg_home, query):
    code, payload, _ = run_cli("cypher", query, "--json")
    assert code == 3 and payload["ok"] is False and payload["error"].startswith("refused: ")
    assert snapshot(loaded, aikg_home) == before


@pytest.mark.parametrize("query", WRITES + [
    "CREATE (n:Organization {id:'org:sneaky', name:'x'})",
    "MATCH (n:Organization) SET n.name = 'changed'",
    "MERGE (n:Organization {id:'org:sneaky2'})",
])
def test_server_side_locks_hold_when_the_text_guard_is_bypassed(loaded, before, aikg_home, query):
    """store.read_only is called directly: the read-only user and the rollback alone must stop it."""
    with contextlib.suppress(Neo4jError):  # refused, or run and rolled back
        loaded.read_only(query, WRITE_PARAMS)
    assert snapshot(loaded, aikg_home) == before


@pytest.mark.parametrize("query", [
    "CREATE (n:Organization {id:'org:sneaky', name:'x'})",
    "MATCH (n:Organization) DETACH DELETE n",
    pytest.param("MATCH (n:Organization) SET n.name = 'changed'", marks=pytest.mark.skipif(
        neo4j_config_from_env() is None,
        reason="ArcadeDB lets the read-only user's property update run inside the transaction (measured: no "
               "error) and the rollback undoes it (test_server_side_locks_hold_when_the_text_guard_is_bypassed); "
               "Neo4j refuses it in READ access mode")),
])
def test_a_write_reaching_the_server_is_refused_and_recognised_as_such(loaded, before, aikg_home, query):
    """The text screen bypassed, a plain write is refused by the server itself, with the code that
    graph.store.refused_write knows (the console's exit 3): ArcadeDB refuses the read-only user with
    Neo.ClientError.Security.Forbidden, Neo4j a write in READ access mode with
    Neo.ClientError.Statement.AccessMode (docs/neo4j.md)."""
    with pytest.raises(Neo4jError) as refused:
        loaded.read_only(query)
    assert refused_write(refused.value), (refused.value.code, refused.value.message)
    assert snapshot(loaded, aikg_home) == before


@pytest.mark.parametrize("query", READS)
def test_reads_with_write_words_run(loaded, before, query):
    code, rows, output = run_cli("cypher", query, "--json")
    assert code == 0 and isinstance(rows, list), output


@pytest.mark.parametrize("query, param, expected", [
    # values are parameters, never text of the query: a payload stays a value
    ("MATCH (o:Organization {id: $id}) RETURN o.name AS name", "id=org:example-lab'}) DETACH DELETE o //", []),
    ("MATCH (o:Organization) WHERE o.name = $name RETURN o.id AS id",
     "name=x' OR 1=1 SET o.name = 'pwned' //", []),
    ("RETURN $q AS q", "q=CREATE (n:X {id: 'x'})", [{"q": "CREATE (n:X {id: 'x'})"}]),
    ("RETURN $q AS q", 'q={"query": "MATCH (n) DETACH DELETE n"}', [{"q": {"query": "MATCH (n) DETACH DELETE n"}}]),
])
def test_parameters_cannot_smuggle_a_write(loaded, before, aikg_home, query, param, expected):
    code, rows, output = run_cli("cypher", query, "--param", param, "--json")
    assert code == 0 and rows == expected, output
    assert snapshot(loaded, aikg_home) == before


def test_create_is_refused_with_exit_code_and_creates_nothing(loaded):
    code, _, output = run_cli("cypher", "CREATE (n:X {id:'x'})")
    assert code == 3 and "refused" in output
    assert loaded.read("MATCH (n:X) RETURN count(n) AS c") == [{"c": 0}]


def test_reads_return_json_rows_with_parameters(loaded):
    code, rows, _ = run_cli("cypher", "MATCH (o:Organization {id: $id}) RETURN o.name AS name",
                            "--param", "id=org:example-lab", "--json")
    assert code == 0 and rows == [{"name": "Example Lab"}]
    code, rows, _ = run_cli("cypher", "MATCH (m:Model) WHERE m.parameters > $p RETURN m.id AS id",
                            "--param", "p=1000", "--json")
    assert rows == [{"id": "model:example-1"}]


def test_row_limit_truncates(loaded):
    code, rows, _ = run_cli("cypher", "MATCH (n) RETURN n.id AS id", "--limit", "3", "--json")
    assert code == 0 and len(rows) == 3


def test_query_error_is_reported_not_raised(loaded):
    code, payload, _ = run_cli("cypher", "MATCH (n RETURN n", "--json")
    assert code == 1 and payload["ok"] is False and "query failed" in payload["error"]
