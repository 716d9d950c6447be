"""Crashes and concurrency (issue 9), against real servers and real processes.

1. An ingest or import process SIGKILLed at random points of its writes, then run
   again, ends with exactly the graph of a clean run (a digest of every node and
   relationship with its properties), no duplicate ids, constraints enforced.
2. The embedded server SIGKILLed during a write: `aikg db status` says so, `aikg db
   start` recovers the database with every committed write, and the rerun converges.
3. 20 readers (catalog questions, `aikg ask`, read-only Cypher, `aikg cypher`) while
   an import runs: no errors, counts never decrease, answers consistent with what is
   committed, and equal to a fresh run's once the import is done.

Default: 3 kill points, 1 server kill, 20 readers. Longer runs: AIKG_CRASH_RUNS=N
(kill points; also adds the Ecosystem Graphs and MOT imports when the snapshots are
present), AIKG_CRASH_SEED, AIKG_READERS, AIKG_READERS_SCALE (synthetic import size).
Figures go to test-artifacts/reliability-*.json.
"""
from __future__ import annotations

import contextlib
import json
import math
import os
import random
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import SHARED
from crash_tools import (
    aikg_command,
    constraint_enforced,
    counts,
    digest_diff,
    graph_digest,
    integrity,
    kill_when,
    process_env,
    run,
    run_ok,
    synthetic_command,
    wipe,
    write_artifact,
)
from test_ask import PHRASINGS
from test_catalog import EXPECTED

from aikg.ask import ask
from benchmarks.synthetic import landscape
from graph import queries
from graph.catalog import answer
from graph.config import EmbeddedSettings, neo4j_config_from_env
from graph.server import EmbeddedServer, _pid_alive
from graph.store import GraphStore
from ontology.records import NodeRecord
from ontology.vocab import vocabulary

DATASETS = SHARED / "datasets"
EPOCH = DATASETS / "epoch-ai" / "all_ml_systems.csv"
HAVE_DATASETS = EPOCH.is_file()
LONG_RUNS = int(os.environ.get("AIKG_CRASH_RUNS", "0"))
DEFAULT_KILLS = 3
SEED = int(os.environ.get("AIKG_CRASH_SEED", "9"))
READERS = int(os.environ.get("AIKG_READERS", "20"))
READER_SCALE = float(os.environ.get("AIKG_READERS_SCALE", "3"))
EMBEDDED = neo4j_config_from_env() is None
# Long runs write their own artifacts, beside the default run's.
CRASH_SUFFIX = f"-runs{LONG_RUNS}" if LONG_RUNS else ""
READERS_SUFFIX = (f"-{READERS}x{READER_SCALE:g}" if "AIKG_READERS" in os.environ
                  or "AIKG_READERS_SCALE" in os.environ else "")


@dataclass(frozen=True)
class Step:
    """One loading command of the clean build, in order."""
    name: str
    args: tuple[str, ...]


STEPS = [Step("curated", ("up", "--no-app", "--json"))]
if HAVE_DATASETS:
    STEPS.append(Step("epoch", ("import", "epoch", str(EPOCH), "--json")))
    if LONG_RUNS:
        STEPS += [Step("ecosystem-graphs", ("import", "ecosystem-graphs", str(DATASETS / "ecosystem-graphs"), "--json")),
                  Step("mot", ("import", "mot", str(DATASETS / "model-openness-tool"), "--json"))]


@dataclass
class Clean:
    """The graph after each step of a clean build (wipe, then each step once)."""
    digests: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    growth: dict = field(default_factory=dict)  # nodes + relationships each step added
    seconds: dict = field(default_factory=dict)


def build(store, env: dict, clean: Clean | None = None) -> None:
    """Wipe, then run every step to completion (recording the clean figures when asked)."""
    wipe(store)
    for step in STEPS:
        base, started = counts(store), time.monotonic()
        run_ok(aikg_command(*step.args), env)
        if clean is None:
            continue
        clean.seconds[step.name] = round(time.monotonic() - started, 2)
        clean.growth[step.name] = counts(store) - base
        clean.digests[step.name] = graph_digest(store)
        clean.stats[step.name] = queries.stats(store)


@pytest.fixture(scope="module")
def proc_env(cli_env) -> dict:
    return process_env(cli_env["AIKG_HOME"]) if EMBEDDED else dict(os.environ)


@pytest.fixture(scope="module")
def clean(session_store, proc_env) -> Clean:
    result = Clean()
    build(session_store, proc_env, result)
    assert not integrity(session_store)["duplicate_ids"]
    return result


def _ensure_built(store, env: dict, clean: Clean) -> None:
    """The session graph as the clean build left it (an earlier test may have failed midway)."""
    if queries.stats(store) != clean.stats[STEPS[-1].name]:
        build(store, env)
        assert graph_digest(store).sha == clean.digests[STEPS[-1].name].sha


RANDOM, AFTER_RELEASES = "random", "after-releases"


def _kill_plan() -> list[dict[str, list[tuple]]]:
    """Kill points per step, chain by chain. A random point is a fraction of the step's growth
    still to come; AFTER_RELEASES is right after an import first commits OF_MODEL relationships
    (what the next import reads as "this release exists, only add a source"): the point where a
    rerun is most at risk of skipping what was not written yet.

    Default (3): one random point in the curated ingest; in the Epoch import a random point in
    its first part, then AFTER_RELEASES in the rerun. AIKG_CRASH_RUNS=N: chains of random
    points (two per step) alternating with chains using AFTER_RELEASES, N points at least."""
    imports = [s.name for s in STEPS[1:]]
    if not LONG_RUNS:
        if not imports:
            return [{STEPS[0].name: [(RANDOM, 0.05, 0.95)] * DEFAULT_KILLS}]
        return [{STEPS[0].name: [(RANDOM, 0.05, 0.95)], imports[0]: [(RANDOM, 0.05, 0.4), (AFTER_RELEASES,)]}]
    chains, total = [], 0
    while total < LONG_RUNS:
        structured = len(chains) % 2 == 1 and imports
        chain = {s.name: ([(RANDOM, 0.05, 0.4), (AFTER_RELEASES,)] if structured and s.name in imports
                          else [(RANDOM, 0.05, 0.95), (RANDOM, 0.05, 0.95)]) for s in STEPS}
        chains.append(chain)
        total += sum(len(v) for v in chain.values())
    return chains


def _of_model(store) -> int:
    return store.read("MATCH ()-[r:OF_MODEL]->() RETURN count(r) AS c")[0]["c"]


# -- 1. the ingest or import process killed ------------------------------------------------------
def test_sigkilled_ingest_and_import_converge_on_rerun(session_store, proc_env, clean):
    store, rng, env = session_store, random.Random(SEED), proc_env
    figures = {"seed": SEED, "steps": [s.name for s in STEPS], "clean": {
        s.name: {**clean.digests[s.name].summary(), "growth": clean.growth[s.name],
                 "seconds": clean.seconds[s.name]} for s in STEPS}, "runs": []}
    failures = []
    for chain, kills in enumerate(_kill_plan()):
        wipe(store)
        for step in STEPS:
            base, total = counts(store), clean.growth[step.name]
            def progress(base=base) -> int:
                return counts(store) - base

            killed = []
            for point in kills.get(step.name, []):
                if point[0] == RANDOM:
                    current = progress()
                    target = current + max(1, int(rng.uniform(*point[1:]) * (total - current)))
                    watch = progress
                else:
                    target, first = 1, _of_model(store)

                    def watch(first=first) -> int:
                        return _of_model(store) - first
                result = kill_when(aikg_command(*step.args), env, watch, target, rng.uniform(0, 0.3))
                killed.append({"point": point[0], **result.as_dict(), "committed_after_kill": progress()})
            code, _, tail = run(aikg_command(*step.args), env)
            digest = graph_digest(store)
            checks = integrity(store)
            converged = code == 0 and digest.sha == clean.digests[step.name].sha
            run_figures = {"chain": chain, "step": step.name, "kills": killed, "rerun_exit_code": code,
                           "converged": converged, **checks, "digest": digest.summary(),
                           "constraint_enforced": constraint_enforced(store, "org:meta", "Organization")}
            figures["runs"].append(run_figures)
            if not converged or checks["duplicate_ids"] or checks["nodes_without_id"] \
                    or not run_figures["constraint_enforced"]:
                failures.append(f"chain {chain}, {step.name} after kills at {[k['target'] for k in killed]}: "
                                f"rerun exit {code}\n{tail if code else digest_diff(clean.digests[step.name], digest)}"
                                f"\nintegrity: {checks}, constraint enforced: {run_figures['constraint_enforced']}")
                break  # the next step would start from a wrong graph
    kill_points = [k for r in figures["runs"] for k in r["kills"]]
    figures["summary"] = {"kill_points": len(kill_points),
                          "killed_mid_run": sum(k["killed"] for k in kill_points),
                          "reruns": len(figures["runs"]),
                          "converged": sum(r["converged"] for r in figures["runs"])}
    write_artifact(f"crash-ingest{CRASH_SUFFIX}", figures)
    assert not failures, "\n\n".join(failures)
    assert figures["summary"]["killed_mid_run"] >= 1, f"no kill landed while a process ran: {kill_points}"


# -- 2. the embedded server killed ----------------------------------------------------------------
def _server_pid(home: Path) -> int:
    return json.loads((home / "server.json").read_text())["pid"]


def _reap(pid: int, timeout: float = 60.0) -> None:
    """Wait until a SIGKILLed server pid is gone (reaping it when it is our child)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        if not _pid_alive(pid):
            return
        time.sleep(0.1)
    raise AssertionError(f"server pid {pid} still exists {timeout:.0f} s after SIGKILL")


RECOVERY_LOG = re.compile(r"not closed properly|recover|corrupt|SEVERE|Exception", re.IGNORECASE)


@pytest.mark.skipif(not EMBEDDED, reason="kills the embedded server; NEO4J_URI is set")
def test_server_sigkilled_during_ingest_recovers_and_converges(tmp_path, clean):
    home = tmp_path / "home"
    server = EmbeddedServer(EmbeddedSettings(home=home))
    env, rng = process_env(home), random.Random(SEED + 1)
    curated = STEPS[0]
    kills = max(2, LONG_RUNS // 3) if LONG_RUNS else 1
    figures = {"seed": SEED + 1, "command": " ".join(curated.args), "kills": []}
    try:
        config = server.ensure_running()
        for k in range(kills):
            pid, port, seen = _server_pid(home), server.config().uri, {}

            def after_kill(pid=pid, seen=seen, last=k == kills - 1) -> None:
                """What a user does at once, while the interrupted command may still be retrying
                (the driver retries a lost connection for up to 30 s before it gives up)."""
                _reap(pid)
                seen["status"] = run(aikg_command("db", "status", "--json"), env)[1]
                seen["again"] = run(aikg_command("db", "status", "--json"), env)[1]
                seen["log_size"] = (home / "server.log").stat().st_size
                seen["started"] = run_ok(aikg_command("db", "start", "--json"), env)
                with GraphStore(server.config()) as store:
                    seen["after"] = counts(store)
                if last:  # the rerun need not wait for the interrupted command to give up
                    seen["rerun"] = run_ok(aikg_command(*curated.args), env)

            with GraphStore(config) as monitor:  # the graph grows from empty to the clean growth
                current, total = counts(monitor), clean.growth[curated.name]
                target = current + max(1, int(rng.uniform(0.1, 0.9) * (total - current)))
                result = kill_when(aikg_command(*curated.args), env, lambda: counts(monitor), target,
                                   rng.uniform(0, 0.3), victim=pid, on_kill=after_kill)
            assert result.killed, f"the ingest finished before the server kill: {result.as_dict()}"
            status, again, started = seen["status"], seen["again"], seen["started"]
            assert status["running"] is False and "stale" in (status["note"] or ""), status
            assert again["running"] is False and again["note"] is None, again
            assert started["running"] is True and started["pid"] != pid, started
            # Every transaction seen committed before the kill survived it.
            assert seen["after"] >= result.committed_at_kill, (seen["after"], result.as_dict())
            # The interrupted command fails with a message saying what to do, not a traceback
            # (unless its writes were all done before the kill, or the restarted server happened
            # to reuse the port and the command reconnected).
            error = result.payload() or {}
            interrupted = result.exit_code == 2 and "aikg db status" in error.get("error", "")
            finished = result.exit_code == 0 and error.get("ok") is True
            assert interrupted or finished or started["bolt_uri"] == port, (
                f"exit {result.exit_code}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-3000:]}")
            config = server.config()
            with (home / "server.log").open(encoding="utf-8", errors="replace") as handle:
                handle.seek(seen["log_size"])
                recovery = [line.strip()[:300] for line in handle if RECOVERY_LOG.search(line)]
            figures["kills"].append({**result.as_dict(), "server_pid": pid, "status_after_kill": status,
                                     "committed_after_restart": seen["after"], "restart": started,
                                     "recovery_log": recovery, "error_shown": error.get("error"),
                                     "command_interrupted": interrupted})
        rerun = seen["rerun"]
        with GraphStore(server.config()) as store:
            digest = graph_digest(store)
            checks = integrity(store)
            enforced = constraint_enforced(store, "org:meta", "Organization")
        figures.update({"rerun_ok": rerun["ok"], "digest": digest.summary(), **checks,
                        "constraint_enforced": enforced,
                        "converged": digest.sha == clean.digests[curated.name].sha})
    finally:
        figures["stopped"] = server.stop().as_dict()
        write_artifact(f"server-kill{CRASH_SUFFIX}", figures)
    assert figures["converged"], digest_diff(clean.digests[curated.name], digest)
    assert any(k["command_interrupted"] for k in figures["kills"]), (
        f"no server kill interrupted the ingest: {figures['kills']}")
    assert not checks["duplicate_ids"] and not checks["nodes_without_id"] and enforced, checks


# -- 3. readers during an import --------------------------------------------------------------------
CYPHER = {
    "count_nodes": "MATCH (n) RETURN count(n) AS n",
    "count_relationships": "MATCH ()-[r]->() RETURN count(r) AS n",
    "models_and_developers": "MATCH (m:Model)-[:DEVELOPED_BY]->(o:Organization) "
                             "RETURN m.id AS model, o.id AS org ORDER BY model, org LIMIT 300",
    "releases_2024": "MATCH (r:Release)-[:OF_MODEL]->(m:Model) WHERE r.date STARTS WITH '2024' "
                     "RETURN r.id AS release, m.id AS model ORDER BY release",
}
COUNTS = ("cypher:count_nodes", "cypher:count_relationships")
ASK_TEXTS = [text for text, _, _ in PHRASINGS[::3]]


def _specs() -> dict[str, tuple]:
    specs = {f"catalog:{name}": ("catalog", name, params) for name, (params, _) in EXPECTED.items()}
    specs.update({f"ask:{text}": ("ask", text) for text in ASK_TEXTS})
    specs.update({f"cypher:{key}": ("cypher", query) for key, query in CYPHER.items()})
    return specs


def _execute(store, spec: tuple):
    if spec[0] == "catalog":
        return answer(store, spec[1], dict(spec[2])).rows
    if spec[0] == "ask":
        return ask(store, spec[1])
    return store.read_only(spec[1], {}, limit=100_000).rows


def _ids(value, found: set) -> set:
    """Every string in an answer that is an entity id (a known prefix, no spaces)."""
    if isinstance(value, dict):
        for v in value.values():
            _ids(v, found)
    elif isinstance(value, list):
        for v in value:
            _ids(v, found)
    elif isinstance(value, str) and " " not in value and vocabulary().label_of(value):
        found.add(value)
    return found


def _missing_ids(store, ids: set) -> list[str]:
    vocab, by_label = vocabulary(), {}
    for node_id in ids:
        by_label.setdefault(vocab.label_of(node_id), []).append(node_id)
    missing = []
    for label, wanted in by_label.items():
        rows = store.read(f"MATCH (n:{vocab.check_label(label)}) WHERE n.id IN $ids RETURN n.id AS id",
                          {"ids": wanted})
        missing += sorted(set(wanted) - {r["id"] for r in rows})
    return missing


@dataclass
class Reader:
    index: int
    keys: list[str]
    done: threading.Event
    config: object
    specs: dict
    queries: int = 0
    by_kind: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    readings: dict = field(default_factory=dict)  # count key -> successive values
    during: dict = field(default_factory=dict)  # key -> distinct canonical answers seen during the import
    ids: set = field(default_factory=set)
    final: dict = field(default_factory=dict)

    def _one(self, store, key: str, phase: dict) -> None:
        try:
            result = _execute(store, self.specs[key])
        except Exception as exc:  # noqa: BLE001 - every failure is a finding: recorded, asserted empty
            self.errors.append({"reader": self.index, "query": key, "error": f"{type(exc).__name__}: {exc}"[:500]})
            return
        self.queries += 1
        kind = key.split(":", 1)[0]
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        if key in COUNTS:
            self.readings.setdefault(key, []).append(result[0]["n"])
        phase.setdefault(key, set()).add(json.dumps(result, sort_keys=True, default=str))
        _ids(result, self.ids)

    def __call__(self) -> None:
        try:
            with GraphStore(self.config) as store:
                i = 0
                while not self.done.is_set():
                    self._one(store, COUNTS[i % 2], self.during)
                    self._one(store, self.keys[i % len(self.keys)], self.during)
                    i += 1
                for key in self.keys:  # after the import: compared with a fresh run
                    self._one(store, key, self.final)
        except Exception as exc:  # noqa: BLE001 - a reader that cannot connect is a finding too
            self.errors.append({"reader": self.index, "query": None, "error": f"{type(exc).__name__}: {exc}"[:500]})


class CliReader(Reader):
    """`aikg cypher --json` in a loop: the console path through the command line."""

    def __call__(self) -> None:
        while not self.done.is_set():
            code, rows, tail = run(aikg_command("cypher", CYPHER["count_nodes"], "--json"), self.config)
            if code != 0 or not isinstance(rows, list):
                self.errors.append({"reader": self.index, "query": "aikg cypher", "error": f"exit {code}: {tail[-500:]}"})
                continue
            self.queries += 1
            self.readings.setdefault("cli:count_nodes", []).append(rows[0]["n"])


def _fresh(config, specs: dict) -> dict:
    with GraphStore(config) as store:
        return {key: json.dumps(_execute(store, spec), sort_keys=True, default=str) for key, spec in specs.items()}


def test_readers_during_an_import(session_store, store_config, proc_env, clean):
    store, env = session_store, proc_env
    _ensure_built(store, env, clean)
    specs = _specs()
    before = _fresh(store_config, specs)
    start_total, nodes_before = counts(store), store.read(CYPHER["count_nodes"])[0]["n"]
    rels_before = store.read(CYPHER["count_relationships"])[0]["n"]
    synthetic_nodes = {r.id for r in landscape(READER_SCALE, SEED) if isinstance(r, NodeRecord)}

    done = threading.Event()
    keys = sorted(k for k in specs if k not in COUNTS)
    random.Random(SEED).shuffle(keys)
    readers: list[Reader] = [CliReader(0, [], done, env, specs)]
    for i in range(1, READERS):
        own = [keys[(i - 1 + j * (READERS - 1)) % len(keys)] for j in range(max(1, math.ceil(len(keys) / (READERS - 1))))]
        readers.append(Reader(i, own, done, store_config, specs))
    # one more that only counts, as fast as it can: a fast import writes its nodes in well
    # under a second, between two readings of readers busy with catalog questions
    readers.append(Reader(READERS, [COUNTS[1]], done, store_config, specs))
    threads = [threading.Thread(target=r, name=f"reader-{r.index}", daemon=True) for r in readers]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.0)  # the readers are running before the import starts
        code, _, tail = run(synthetic_command(READER_SCALE, SEED), env)
        import_seconds = round(time.monotonic() - started - 1.0, 2)
    finally:
        done.set()
        for thread in threads:
            thread.join(timeout=600)
    hung = [t.name for t in threads if t.is_alive()]
    after = _fresh(store_config, specs)
    end_total, nodes_after = counts(store), store.read(CYPHER["count_nodes"])[0]["n"]
    rels_after = store.read(CYPHER["count_relationships"])[0]["n"]
    errors = [e for r in readers for e in r.errors]
    stable = sorted(k for k in specs if before[k] == after[k] and k not in COUNTS)

    problems = []
    if code != 0:
        problems.append(f"the import failed (exit {code}):\n{tail}")
    if hung:
        problems.append(f"readers still running 600 s after the import: {hung}")
    for r in readers:
        for key, values in r.readings.items():
            if values != sorted(values):
                problems.append(f"reader {r.index}: {key} decreased during an additive import: {values}")
        for key in stable:  # untouched by the import: the same answer all along
            seen = r.during.get(key, set()) | r.final.get(key, set())
            if seen - {before[key]}:
                problems.append(f"reader {r.index}: {key} changed although the import does not touch it")
        for key, answers in r.final.items():
            if answers != {after[key]}:
                problems.append(f"reader {r.index}: {key} after the import differs from a fresh run")
    readings = [v for r in readers for v in r.readings.get("cypher:count_nodes", []) + r.readings.get(
        "cli:count_nodes", [])]
    node_range = (min(readings, default=None), max(readings, default=None))
    if readings and not nodes_before <= node_range[0] <= node_range[1] <= nodes_after:
        problems.append(f"node counts read {node_range} outside the committed range {nodes_before}-{nodes_after}")
    missing = _missing_ids(store, set().union(*(r.ids for r in readers)))
    if missing:
        problems.append(f"answers named {len(missing)} ids that do not exist: {missing[:10]}")
    absent = _missing_ids(store, synthetic_nodes)
    if absent:
        problems.append(f"{len(absent)} imported nodes are missing: {absent[:10]}")
    checks = integrity(store)
    figures = {
        "seed": SEED, "readers": READERS, "import": f"synthetic landscape, scale {READER_SCALE}",
        "import_exit_code": code, "import_seconds": import_seconds,
        "import_nodes": len(synthetic_nodes), "nodes_before": nodes_before, "nodes_after": nodes_after,
        "graph_before": start_total, "graph_after": end_total, "node_count_readings_range": node_range,
        "queries_completed": sum(r.queries for r in readers),
        "queries_by_reader": {r.index: r.queries for r in readers},
        "queries_by_kind": {kind: sum(r.by_kind.get(kind, 0) for r in readers) for kind in ("catalog", "ask", "cypher")},
        "cli_queries": readers[0].queries, "errors": errors, "stable_answers": len(stable),
        "changed_answers": sorted(k for k in specs if before[k] != after[k]),
        "ids_checked": len(set().union(*(r.ids for r in readers))), **checks, "problems": problems,
    }
    write_artifact(f"readers{READERS_SUFFIX}", figures)
    assert not errors, f"{len(errors)} reader errors, first: {errors[:5]}"
    assert not problems, "\n".join(problems[:20])
    assert not checks["duplicate_ids"], checks
    assert all(r.queries for r in readers[1:]), figures["queries_by_reader"]
    rel_readings = [v for r in readers for v in r.readings.get("cypher:count_relationships", [])]
    assert any(nodes_before < n < nodes_after for n in readings) or \
        any(rels_before < n < rels_after for n in rel_readings), (
        f"no reader saw the import in progress (nodes {nodes_before} → {nodes_after}, readings {node_range}; "
        f"relationships {rels_before} → {rels_after})")
