"""`aikg up` as a person meets it: each step said as it starts, the curated files read
while the store's JVM starts, and no reload when the graph already holds exactly these
files (their digest, graph/loadstate.py)."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from aikg import context
from graph import loadstate, queries
from graph.config import StoreConfig, neo4j_config_from_env
from graph.store import GraphStore
from ingest.fingerprint import input_digest

Say = Callable[[str], None]


@dataclass
class StoreStart:
    """The store made reachable in a background thread: the embedded server takes seconds
    to start, and the files can be read meanwhile. `started_here` tells whether this
    command started it (and so may stop it when interrupted)."""

    started_here: bool = False
    _config: StoreConfig | None = None
    _error: BaseException | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

    @classmethod
    def begin(cls) -> "StoreStart":
        start = cls()
        neo4j = neo4j_config_from_env()
        if neo4j is not None:
            start._config = neo4j
            return start
        server = context.embedded_server()
        start.started_here = not server.status().running
        start._thread = threading.Thread(target=start._run, args=(server,), daemon=True, name="aikg-store-start")
        start._thread.start()
        return start

    def _run(self, server) -> None:
        try:
            self._config = server.ensure_running()
        except BaseException as exc:  # re-raised in the caller's thread by wait()
            self._error = exc

    def wait(self) -> StoreConfig:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._config is not None
        return self._config


def describe_store() -> str:
    neo4j = neo4j_config_from_env()
    if neo4j is not None:
        return f"Neo4j at {neo4j.describe()['uri']}"
    return f"the embedded store (ArcadeDB, AIKG_HOME={context.embedded_server().home})"


def load(paths: list[Path], reload: bool, say: Say, store_start: StoreStart,
         progress: Callable[[int], None] | None = None,
         on_total: Callable[[int], None] | None = None) -> dict:
    """Load the curated files unless the graph already holds them; the result `aikg up --json` prints."""
    clock = time.monotonic()
    digest = input_digest(paths)
    records = None
    if store_start.started_here:  # a fresh start: read the files while the JVM starts
        say(f"reading and checking {len(paths)} path(s) of curated data while the store starts")
        records = context.read_curated(paths)
        say(f"read {len(records):,} records in {time.monotonic() - clock:.1f} s; waiting for the store")
    config = store_start.wait()
    say(f"store ready ({time.monotonic() - clock:.1f} s)")
    with GraphStore(config) as store:
        before = queries.stats(store)
        skipped = not reload and loadstate.is_loaded(store, digest)
        if skipped:
            say(f"the graph already holds exactly these files (digest {digest[:12]}); not reloading "
                "(`aikg up --reload` forces it)")
            report = {"nodes": {}, "relationships": {}}
        else:
            if records is None:
                say("reading and checking the curated data")
                records = context.read_curated(paths)
            say(f"loading {len(records):,} records")
            write_clock = time.monotonic()
            report = context.ingest_paths(store, paths, progress, on_total, records=records, digest=digest).as_dict()
            say(f"loaded in {time.monotonic() - write_clock:.1f} s")
        after = before if skipped else queries.stats(store)
    return {"ok": True, "paths": [str(p) for p in paths], "skipped": skipped, "digest": digest,
            "records": report, "before": before, "after": after}
