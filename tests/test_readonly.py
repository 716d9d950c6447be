"""The Cypher console cannot write: refused before sending, refused by the server,
and rolled back regardless. Every case is checked by counting in the database."""
from __future__ import annotations

import pytest

from graph import queries
from graph.readonly import RefusedQuery, check_read_only

from helpers import copy_fixture, run_cli

WRITES = [
    "CREATE (n:X {id:'x'})",
    "create (n:X {id:'x'})",
    "MERGE (n:Model {id:'model:x'})",
    "MATCH (n) SET n.name = 'x'",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) DELETE n",
    "MATCH (n:Model) REMOVE n.name",
    "DROP CONSTRAINT model_id",
    "CREATE INDEX x IF NOT EXISTS FOR (n:Model) ON (n.x)",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL db.labels()",
    "CALL dbms.security.createUser('a','b')",
    "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
    "MATCH (n) CALL { WITH n SET n.z = 1 } RETURN n",
    "/* harmless */ CREATE (n:X)",
    "MATCH (n) RETURN n // comment\nCREATE (m:X)",
    "RETURN 1; CREATE (n:X)",
    "MATCH (n) WITH n CrEaTe (m:X)",
    "USE system SHOW USERS",
    "SHOW USERS",
    "UNWIND range(1, 3) AS i CALL { CREATE (:X) } IN TRANSACTIONS",
]

READS = [
    "MATCH (n) RETURN count(n) AS c",
    "MATCH (n:Model) WHERE n.name CONTAINS 'create' RETURN n.name",
    "RETURN 'DELETE everything' AS text",
    "MATCH (n) WHERE n.name = \"SET\" RETURN n // CREATE in a comment",
    "MATCH (m:Model) RETURN m.`name` AS name",
    "MATCH (n) CALL { WITH n RETURN n.id AS x } RETURN x LIMIT 1",
    "SHOW INDEXES",
]


@pytest.mark.parametrize("query", WRITES)
def test_guard_refuses_writes(query):
    with pytest.raises(RefusedQuery):
        check_read_only(query)


@pytest.mark.parametrize("query", READS)
def test_guard_allows_reads(query):
    check_read_only(query)


@pytest.fixture
def loaded(store, env, tmp_path):
    code, _, out = run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    assert code == 0, out
    return store


@pytest.mark.parametrize("query", WRITES)
def test_cli_refuses_and_database_is_unchanged(loaded, query):
    before = queries.stats(loaded)
    names = loaded.read("MATCH (n) RETURN n.id AS id, n.name AS name ORDER BY id")
    code, payload, _ = run_cli("cypher", query, "--json")
    assert code != 0 and payload["ok"] is False
    assert queries.stats(loaded) == before
    assert loaded.read("MATCH (n) RETURN n.id AS id, n.name AS name ORDER BY id") == names


@pytest.mark.parametrize("query", [
    "CREATE (n:Organization {id:'org:sneaky', name:'x'})",
    "MATCH (n:Organization) SET n.name = 'changed'",
    "MATCH (n) DETACH DELETE n",
    "MERGE (n:Organization {id:'org:sneaky2'})",
])
def test_server_side_locks_hold_when_the_text_guard_is_bypassed(loaded, query):
    """store.read_only is called directly: the read-only user and the rollback alone must stop it."""
    before = queries.stats(loaded)
    names = loaded.read("MATCH (n:Organization) RETURN n.name AS name ORDER BY name")
    try:
        loaded.read_only(query)
    except Exception:
        pass
    assert queries.stats(loaded) == before
    assert loaded.read("MATCH (n:Organization) RETURN n.name AS name ORDER BY name") == names


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
