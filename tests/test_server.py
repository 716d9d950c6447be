"""The embedded server: loopback only, private secrets, stale pid and busy port
handled, clean stop and restart with the data kept."""
from __future__ import annotations

import json
import os
import socket
import stat

import pytest

from graph.config import EmbeddedSettings, neo4j_config_from_env
from graph.server import EmbeddedServer, ServerError
from graph.store import GraphStore

from helpers import run_cli

pytestmark = pytest.mark.skipif(neo4j_config_from_env() is not None,
                                reason="embedded-server tests do not apply when NEO4J_URI is set")


def _listening(port: int) -> set[str]:
    """Local addresses listening on a TCP port, from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in handle.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.rsplit(":", 1)
                if state == "0A" and int(port_hex, 16) == port:
                    found.add(address)
    return found


def test_listens_on_loopback_only(store_config, aikg_home):
    state = json.loads((aikg_home / "server.json").read_text())
    for port in (state["bolt_port"], state["http_port"]):
        addresses = _listening(port)
        assert addresses and addresses <= {"0100007F", "0000000000000000FFFF00000100007F"}, addresses


def test_secrets_file_is_private_and_never_printed(store_config, aikg_home, env):
    secrets_file = aikg_home / "secrets.json"
    assert stat.S_IMODE(os.stat(secrets_file).st_mode) == 0o600
    secrets = json.loads(secrets_file.read_text())
    code, status, output = run_cli("db", "status", "--json")
    assert code == 0 and status["running"] is True
    assert status["bolt_uri"].startswith("bolt://127.0.0.1:")
    log = (aikg_home / "server.log").read_text(errors="replace")
    for value in secrets.values():
        assert value not in output and value not in log and value not in repr(store_config)


def test_stale_pid_file_is_detected_and_cleaned(tmp_path):
    server = EmbeddedServer(EmbeddedSettings(home=tmp_path))
    (tmp_path / "server.json").write_text(json.dumps({"pid": 2 ** 22 + 12345, "bolt_port": 1, "http_port": 2}))
    status = server.status()
    assert status.running is False and "stale" in status.note
    assert not (tmp_path / "server.json").exists()


def test_pid_of_another_program_is_not_ours(tmp_path):
    server = EmbeddedServer(EmbeddedSettings(home=tmp_path))
    (tmp_path / "server.json").write_text(json.dumps({"pid": os.getpid(), "bolt_port": 1, "http_port": 2}))
    assert server.status().running is False


def test_configured_port_in_use_is_reported(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = EmbeddedServer(EmbeddedSettings(home=tmp_path, bolt_port=port))
        with pytest.raises(ServerError, match=f"port {port}"):
            server.start()
    assert not (tmp_path / "server.json").exists()


def test_stop_and_restart_keep_the_data(tmp_path):
    server = EmbeddedServer(EmbeddedSettings(home=tmp_path / "home"))
    config = server.ensure_running()
    try:
        with GraphStore(config) as store:
            store.write("CREATE (:Organization {id: 'org:persisted', name: 'Persisted'})")
        stopped = server.stop()
        assert stopped.note == "stopped" and not server.status().running
        log = (tmp_path / "home" / "server.log").read_text()
        assert "aikg embedded server stopped" in log, "SIGTERM must stop the server cleanly"
        with GraphStore(server.ensure_running()) as store:
            assert store.read("MATCH (o:Organization) RETURN o.name AS n") == [{"n": "Persisted"}]
    finally:
        server.stop()
