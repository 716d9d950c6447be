"""The `aikg` command contract: names, shapes and exit codes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import copy_fixture, run_cli


def test_stats_json_shape(store, env, tmp_path):
    run_cli("ingest", str(copy_fixture(tmp_path)), "--json")
    code, stats, _ = run_cli("stats", "--json")
    assert code == 0 and set(stats) == {"nodes", "relationships"}
    assert all(isinstance(v, int) and v > 0 for v in stats["nodes"].values())
    assert stats["nodes"]["Model"] == 2 and stats["relationships"]["BASED_ON"] == 1


def test_up_no_app_loads_and_reports(store, env, tmp_path):
    code, result, output = run_cli("up", str(copy_fixture(tmp_path)), "--no-app", "--json")
    assert code == 0, output
    assert result["after"]["nodes"]["Release"] == 1


def test_db_status_json(env, store_config):
    code, status, _ = run_cli("db", "status", "--json")
    assert code == 0 and status["running"] is True
    if store_config.embedded:
        assert status["pid"] > 0
    else:  # under NEO4J_URI the status is that server's: no process of aikg's, so no pid (docs/neo4j.md)
        assert status["embedded"] is False and "pid" not in status
        assert status["uri"] == store_config.uri and status["database"] == store_config.database


def test_missing_path_is_a_clear_error(env, tmp_path):
    code, payload, _ = run_cli("ingest", str(tmp_path / "nope"), "--json")
    assert code == 1 and payload["problems"][0]["reason"] == "no such file or directory"


def test_entry_point_runs_as_a_program(env, store, tmp_path):
    """The installed console script, in a subprocess, against the same server."""
    exe = Path(sys.executable).with_name("aikg")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "aikg.cli"]
    done = subprocess.run(cmd + ["cypher", "RETURN 1 AS one", "--json"], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert '"one": 1' in done.stdout


def test_unreachable_neo4j_is_a_clear_error_without_secrets(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-value-never-shown")
    code, payload, output = run_cli("stats", "--json")
    assert code == 2 and "cannot reach a graph server at bolt://127.0.0.1:9" in payload["error"]
    assert "s3cret-value-never-shown" not in output
