"""Helpers for the crash and concurrency tests (issue 9): a digest of the whole
graph read back through Cypher, integrity checks, `aikg` commands run as real
processes, and SIGKILL at a chosen point of an import's progress."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
PROCESS_TIMEOUT = float(os.environ.get("AIKG_CRASH_TIMEOUT", "600"))  # only against hangs


# -- the digest ---------------------------------------------------------------------
def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass
class Digest:
    """Every node (labels, id, properties) and relationship (type, ends, properties),
    each as one canonical JSON line, sorted; `sha` hashes them all."""

    nodes: list[str]
    relationships: list[str]
    sha: str = field(init=False)

    def __post_init__(self) -> None:
        h = hashlib.sha256()
        for line in self.nodes:
            h.update(b"N" + line.encode() + b"\n")
        for line in self.relationships:
            h.update(b"R" + line.encode() + b"\n")
        self.sha = h.hexdigest()

    def summary(self) -> dict:
        return {"sha256": self.sha, "nodes": len(self.nodes), "relationships": len(self.relationships)}


def graph_digest(store) -> Digest:
    """Read the whole graph with Cypher. A relationship's key properties (a role's
    title, a deal party's role) are among its properties, so parallel relationships
    of one type stay apart."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = store.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, "
                      "properties(r) AS props")
    node_lines = sorted(_canonical([sorted(r["labels"]), r["props"].get("id"), r["props"]]) for r in nodes)
    rel_lines = sorted(_canonical([r["type"], r["start"], r["end"], r["props"]]) for r in rels)
    return Digest(node_lines, rel_lines)


def digest_diff(expected: Digest, actual: Digest, limit: int = 8) -> str:
    """A readable account of how two digests differ (for assertion messages)."""
    out = []
    for kind, a, b in (("node", expected.nodes, actual.nodes),
                       ("relationship", expected.relationships, actual.relationships)):
        missing, extra = sorted(set(a) - set(b)), sorted(set(b) - set(a))
        if missing or extra:
            out.append(f"{kind}s: {len(missing)} only in the clean graph, {len(extra)} only in the rerun graph")
            out += [f"  clean: {line[:400]}" for line in missing[:limit]]
            out += [f"  rerun: {line[:400]}" for line in extra[:limit]]
    return "\n".join(out) or "identical"


def integrity(store) -> dict:
    """Duplicate ids (in all and per label) and nodes without an id: all must be empty."""
    duplicates = store.read("MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 "
                            "RETURN id, c ORDER BY id LIMIT 20")
    missing_id = store.read("MATCH (n) WHERE n.id IS NULL RETURN labels(n) AS labels, count(*) AS c")
    return {"duplicate_ids": duplicates, "nodes_without_id": [r for r in missing_id if r["c"]]}


def constraint_enforced(store, node_id: str, label: str) -> bool:
    """True when the unique constraint on `label.id` refuses a second node with an
    existing id (and the graph is left as it was)."""
    from neo4j.exceptions import ConstraintError, Neo4jError

    before = store.read(f"MATCH (n:{label} {{id: $id}}) RETURN count(n) AS c", {"id": node_id})[0]["c"]
    assert before == 1, f"{node_id} should exist once before the constraint probe, found {before}"
    try:
        store.write(f"CREATE (:{label} {{id: $id, name: 'constraint probe'}})", {"id": node_id})
    except (ConstraintError, Neo4jError):
        refused = True
    else:
        refused = False
    after = store.read(f"MATCH (n:{label} {{id: $id}}) RETURN count(n) AS c", {"id": node_id})[0]["c"]
    if not refused or after != 1:
        store.write(f"MATCH (n:{label} {{id: $id, name: 'constraint probe'}}) DELETE n", {"id": node_id})
        return False
    return True


def counts(store) -> int:
    """Nodes plus relationships: how far an additive write has come."""
    n = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    r = store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return n + r


def wipe(store) -> None:
    store.write("MATCH (n) DETACH DELETE n")


# -- processes --------------------------------------------------------------------------
def aikg_command(*args: str) -> list[str]:
    """The installed `aikg` script beside this interpreter, else `python -m aikg.cli`."""
    script = Path(sys.executable).parent / "aikg"
    base = [str(script)] if script.exists() else ([shutil.which("aikg")] if shutil.which("aikg") else
                                                 [sys.executable, "-m", "aikg.cli"])
    return [*base, *args]


def process_env(home: Path | str) -> dict:
    env = dict(os.environ)
    env["AIKG_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run(cmd: list[str], env: dict, timeout: float = PROCESS_TIMEOUT) -> tuple[int, object, str]:
    """Run to completion; (exit code, parsed JSON stdout or None, stderr tail)."""
    try:
        proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"{' '.join(cmd)} did not finish within {timeout:.0f} s (hung?)") from exc
    try:
        payload = json.loads(proc.stdout)
    except ValueError:
        payload = None
    return proc.returncode, payload, (proc.stderr or "")[-3000:] + (proc.stdout if payload is None else "")[-2000:]


def run_ok(cmd: list[str], env: dict) -> object:
    code, payload, tail = run(cmd, env)
    assert code == 0, f"{' '.join(cmd)} exited with {code}:\n{tail}"
    return payload


SYNTHETIC_WRITER = ("import sys; from aikg import context; from graph.schema import ensure_schema; "
                    "from graph.writer import GraphWriter; from benchmarks.synthetic import landscape; "
                    "store = context.open_store(); ensure_schema(store); "
                    "GraphWriter(store, batch_size=int(sys.argv[3])).write("
                    "list(landscape(float(sys.argv[1]), int(sys.argv[2])))); store.close()")


def synthetic_command(scale: float, seed: int = 7, batch_size: int = 500) -> list[str]:
    """A process writing the synthetic landscape (benchmarks/synthetic.py) with GraphWriter."""
    return [sys.executable, "-c", SYNTHETIC_WRITER, str(scale), str(seed), str(batch_size)]


@dataclass
class KillResult:
    target: int  # committed growth (nodes + relationships) after which the kill was sent
    delay: float  # extra seconds waited after reaching the target
    killed: bool  # False when the process had finished before the kill
    exit_code: int | None
    committed_at_kill: int | None  # the growth last seen committed before the kill
    seconds: float
    stdout: str = ""
    stderr: str = ""

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("stdout", "stderr")}

    def payload(self):
        try:
            return json.loads(self.stdout)
        except ValueError:
            return None


def kill_when(cmd: list[str], env: dict, progress, target: int, delay: float, victim: int | None = None,
              on_kill=None, timeout: float = PROCESS_TIMEOUT, poll: float = 0.05) -> KillResult:
    """Start `cmd`; once `progress()` (the committed growth, read in this process)
    reaches `target`, wait `delay` seconds (so that the kill usually lands inside a
    transaction), then SIGKILL the victim: the command itself, or another pid (the
    server), call `on_kill()` while the command may still run, and wait for it to end."""
    start = time.monotonic()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=err, text=True)
        killed, seen = False, None
        try:
            while proc.poll() is None:
                if time.monotonic() - start > timeout:
                    raise AssertionError(f"{' '.join(cmd)} neither finished nor reached {target} "
                                         f"within {timeout:.0f} s")
                seen = progress()
                if seen >= target:
                    time.sleep(delay)
                    if proc.poll() is None:
                        os.kill(victim if victim is not None else proc.pid, signal.SIGKILL)
                        killed = True
                        if on_kill:
                            on_kill()
                    break
                time.sleep(poll)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired as exc:
                raise AssertionError(f"{' '.join(cmd)} did not end within {timeout:.0f} s after the kill") from exc
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        out.seek(0)
        err.seek(0)
        return KillResult(target, round(delay, 3), killed, proc.returncode, seen,
                          round(time.monotonic() - start, 2), out.read(), err.read()[-4000:])


def write_artifact(name: str, payload: dict) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"reliability-{name}.json"
    path.write_text(json.dumps(payload, indent=2, default=str, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
