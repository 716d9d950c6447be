"""The embedded ArcadeDB server process (started by graph.server, not by hand).

Runs ArcadeDB with its Bolt plugin on 127.0.0.1, a bounded heap, local-file
LOAD CSV disabled, and a read-only user for the Cypher console. SIGTERM and
SIGINT stop it cleanly: without a handler the JVM often crashed on SIGTERM.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import threading
from pathlib import Path

DATABASE = "aikg"
READER = "aikg_reader"

# Only the "reader" group is ours; the admin and default groups are ArcadeDB's own.
_GROUPS = {
    "databases": {"*": {"groups": {
        "admin": {"resultSetLimit": -1, "readTimeout": -1,
                  "access": ["updateSecurity", "updateSchema", "updateDatabaseSettings"],
                  "types": {"*": {"access": ["createRecord", "readRecord", "updateRecord", "deleteRecord"]}}},
        "reader": {"resultSetLimit": -1, "readTimeout": -1, "access": [],
                   "types": {"*": {"access": ["readRecord"]}}},
        "*": {"resultSetLimit": -1, "readTimeout": -1, "access": [], "types": {"*": {"access": []}}},
    }}},
    "version": 2,
}


def _write_groups(root: Path) -> None:
    config = root / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "server-groups.json").write_text(json.dumps(_GROUPS, indent=2), encoding="utf-8")


def _ensure_reader(server, password: str) -> None:
    import jpype

    security = server._java_server.getSecurity()
    if security.existsUser(READER):
        security.dropUser(READER)  # recreated so its password always matches the secrets file
    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    json_array = jpype.JClass("com.arcadedb.serializer.json.JSONArray")
    user = (json_object().put("name", READER)
            .put("password", security.encodePassword(password))
            .put("databases", json_object().put(DATABASE, json_array().put("reader"))))
    security.createUser(user)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--heap", default="1g")
    args = parser.parse_args()

    home = Path(args.home)
    secrets = json.loads((home / "secrets.json").read_text(encoding="utf-8"))
    root = home / "server"
    _write_groups(root)
    os.chdir(root)  # ArcadeDB writes ./log relative to the working directory

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        str(root),
        secrets["root"],
        config={
            "host": "127.0.0.1",
            "http_port": args.http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": args.bolt_port,
            "server_defaultDatabases": f"{DATABASE}[root]",
        },
        jvm_kwargs={
            "heap_size": args.heap,
            "jvm_args": ["-Darcadedb.opencypher.loadCsv.allowFileUrls=false"],
        },
    )
    server.start()
    _ensure_reader(server, secrets["reader"])
    print("aikg embedded server ready", flush=True)
    while not stop.wait(0.2):
        pass
    server.stop()
    print("aikg embedded server stopped", flush=True)
    # The databases are closed; open Bolt client threads would otherwise keep the JVM
    # (and this process) alive until every client disconnects.
    os._exit(0)


if __name__ == "__main__":
    main()
