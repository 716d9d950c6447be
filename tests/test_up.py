"""`aikg up` as a user meets it: steps said as they happen, no reload of data the graph
already holds, and Ctrl-C stopping what it started (and only that)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from helpers import copy_fixture, run_cli

from aikg.serving import free_port
from graph import loadstate
from graph.config import neo4j_config_from_env
from graph.server import _pid_alive

AIKG = Path(sys.executable).with_name("aikg")
DATA = Path(__file__).resolve().parent.parent / "data"


def _up_json(*args: str) -> dict:
    code, payload, output = run_cli("up", "--no-app", *args, "--json")
    assert code == 0, output
    return payload


def test_a_second_up_skips_the_reload_and_reload_forces_it(store, env, tmp_path):
    data = copy_fixture(tmp_path)
    first = _up_json(str(data))
    assert not first["skipped"] and sum(first["records"]["nodes"].values()) > 0
    second = _up_json(str(data))
    assert second["skipped"] and second["digest"] == first["digest"] and second["after"] == first["after"]
    forced = _up_json(str(data), "--reload")
    assert not forced["skipped"] and forced["records"] == first["records"]
    edited = data / "example-lab.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# a curator's comment\n", encoding="utf-8")
    assert not _up_json(str(data))["skipped"]  # any change to the files reloads


def test_the_load_state_is_bookkeeping_not_content(store, env, tmp_path):
    _up_json(str(copy_fixture(tmp_path)))
    code, stats, _ = run_cli("stats", "--json")
    assert code == 0 and loadstate.LABEL not in stats["nodes"]
    code, report, output = run_cli("check", str(tmp_path / "curated"), "--json")
    sourceless = next(c for c in report["checks"] if c["name"] == "sourceless_nodes")
    assert sourceless["count"] == 0, output


def test_a_load_that_did_not_finish_is_never_taken_for_loaded(store):
    loadstate.mark_loading(store, "d1")
    assert not loadstate.is_loaded(store, "d1")
    loadstate.mark_loaded(store, "d1", 3)
    assert loadstate.is_loaded(store, "d1") and not loadstate.is_loaded(store, "d2")


def _start_up(env: dict, *args: str) -> tuple[subprocess.Popen, list[str]]:
    proc = subprocess.Popen([str(AIKG), "up", *args], env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return proc, []


def _read_until(proc: subprocess.Popen, lines: list[str], text: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line.rstrip())
        if text in line:
            return
    raise AssertionError(f"`aikg up` never said {text!r}: {lines}")


def _serving(port: int) -> bool:
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).status == 200
    except OSError:
        return False


def _store_line(started: bool) -> str:
    """How `aikg up` names the store: under NEO4J_URI it uses that server, never starts or stops it."""
    if neo4j_config_from_env() is not None:
        return "using Neo4j at"
    return f"{'starting' if started else 'using'} the embedded store"


def test_piped_up_says_each_step_and_ctrl_c_stops_the_store_it_started(tmp_path, request):
    neo4j = neo4j_config_from_env() is not None
    if neo4j:  # a fresh AIKG_HOME is a fresh embedded store; a Neo4j database is the session's: emptied
        request.getfixturevalue("store")
    home, port = tmp_path / "home", free_port()
    proc, lines = _start_up({"AIKG_HOME": str(home)}, str(DATA), "--port", str(port))
    try:
        _read_until(proc, lines, "serving the app")
        assert lines[0].endswith("aikg up: starting")  # said before the CLI's imports
        for step in (_store_line(started=True), "reading and checking", "store ready", "loading", "loaded in"):
            assert any(step in line for line in lines), (step, lines)
        assert _serving(port)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert not _serving(port)
    status = subprocess.run([str(AIKG), "db", "status", "--json"], env={**os.environ, "AIKG_HOME": str(home)},
                            capture_output=True, text=True)
    # up started the embedded store, so up stopped it; a Neo4j it did not start, it left running
    assert json.loads(status.stdout)["running"] is neo4j


def test_ctrl_c_leaves_a_store_that_was_already_running(curated, cli_env):
    port = free_port()
    proc, lines = _start_up(cli_env, "--port", str(port))
    try:
        _read_until(proc, lines, "serving the app")
        assert any(_store_line(started=False) in line for line in lines), lines  # not "starting"
        assert not any("Uvicorn" in line for line in lines), lines  # Streamlit's info lines are not aikg's
        proc.send_signal(signal.SIGTERM)  # a service manager's stop: the same as Ctrl-C
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert not _serving(port)
    status = subprocess.run([str(AIKG), "db", "status", "--json"], env={**os.environ, **cli_env},
                            capture_output=True, text=True)
    assert json.loads(status.stdout)["running"] is True


def test_up_refuses_a_port_in_use_before_starting_anything(env):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        code, payload, _ = run_cli("up", "--port", str(sock.getsockname()[1]), "--json")
    assert code == 1 and "in use" in payload["error"]


def test_a_zombie_server_counts_as_stopped():
    """A server started by `aikg up` is its child; stopped from elsewhere, it stays a zombie
    until `aikg up` reaps it, and `aikg db stop` used to wait out its timeout on it."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and "Z" not in Path(f"/proc/{child.pid}/stat").read_text().rpartition(")")[2][:3]:
        time.sleep(0.05)
    try:
        assert not _pid_alive(child.pid)
    finally:
        child.wait()
    assert _pid_alive(os.getpid())
