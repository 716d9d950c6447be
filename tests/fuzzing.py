"""Shared settings, strategies and checks for the property-based / fuzz tests
(tests/test_fuzz_ingest.py, tests/test_fuzz_importers.py, tests/test_fuzz_cli.py).

The property every test asserts: whatever the input, a load either succeeds
cleanly or is refused with a clear error naming the file (and, where there is
one, the line, record and field), the process never raises anything but the
project's own errors, never hangs, and a refused load writes nothing (the node
and relationship counts of `graph.queries.stats` are identical before and after).

Running modes
-------------
* Default (CI): a small, *derandomized* slice — the same inputs on every run, a
  few dozen per property, so the whole fuzz suite adds about a minute to `pytest`.
* Long runs: ``AIKG_FUZZ_EXAMPLES=N pytest tests/test_fuzz_*.py`` runs N examples
  per property (N/5 for the heavy ones: 1 MB fields, app runs, lineage commands) with a
  random seed; hypothesis prints how to reproduce a failure (``--hypothesis-seed=S``
  fixes the seed).
  ``AIKG_FUZZ_TIMEOUT=S`` sets the per-example time limit (default 120 s): an
  example running longer fails as a hang (SIGALRM, main thread only).

Counts
------
Every property records how many inputs it tried and how they ended ("clean",
"rejected", …) in ``test-artifacts/fuzz-counts.json``, merged per test and mode
(``default`` or ``long-N``), with the time the property took. RELIABILITY.md
cites these figures.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from graph import queries

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
COUNTS_FILE = ARTIFACTS / "fuzz-counts.json"

EXAMPLES = int(os.environ.get("AIKG_FUZZ_EXAMPLES") or 0)
LONG = EXAMPLES > 0
MODE = f"long-{EXAMPLES}" if LONG else "default"
TIMEOUT = float(os.environ.get("AIKG_FUZZ_TIMEOUT") or 120)


def fuzz_settings(default: int, heavy: bool = False) -> settings:
    """`default` examples, derandomized; AIKG_FUZZ_EXAMPLES=N: N examples (a fifth of N for
    `heavy` properties, whose inputs are 1 MB strings or whole app runs), random seed."""
    return settings(
        max_examples=(max(default, EXAMPLES // 5) if heavy else EXAMPLES) if LONG else default,
        deadline=None,  # a database round trip has no meaningful deadline; hangs are caught by time_limit
        derandomize=not LONG,
        database=None,  # no example database: every run is reproducible from the settings alone
        suppress_health_check=list(HealthCheck),
        print_blob=True,
        report_multiple_bugs=False,
        # CI reports the failing input as found; long runs also shrink it to a minimal one
        phases=list(Phase) if LONG else [p for p in Phase if p is not Phase.shrink],
    )


class FuzzTimeout(AssertionError):
    """One example ran longer than AIKG_FUZZ_TIMEOUT: treated as a hang."""


@contextlib.contextmanager
def time_limit(seconds: float = TIMEOUT):
    """Fail an example that runs longer than `seconds` (SIGALRM; a no-op off the main thread)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum, frame):
        raise FuzzTimeout(f"example still running after {seconds:g} s: a hang")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- counts ---------------------------------------------------------------------------
class Tally:
    """Inputs tried by one property and how they ended."""

    def __init__(self, test_id: str):
        self.test_id = test_id
        self.outcomes: Counter = Counter()
        self.reasons: Counter = Counter()  # the first problem of each refused input, abridged
        self.completed = False
        self.max_examples = None  # set by the test: the settings it ran with

    def add(self, outcome: str, payload=None) -> None:
        self.outcomes[outcome] += 1
        problems = payload.get("problems") if isinstance(payload, dict) else None
        if problems:
            first = problems[0]
            reason = re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", first["reason"])[:60]
            self.reasons[f"{first['field'] or '-'}: {reason}" if first["field"] and len(first["field"]) < 40
                         else reason] += 1

    @property
    def inputs(self) -> int:
        return sum(self.outcomes.values())

    def save(self, seconds: float) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        with open(ARTIFACTS / ".fuzz-counts.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                data = json.loads(COUNTS_FILE.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            data.setdefault(MODE, {})[self.test_id] = {
                "inputs": self.inputs, "outcomes": dict(sorted(self.outcomes.items())),
                "passed": self.completed, "seconds": round(seconds, 1),
                "top_reasons": dict(self.reasons.most_common(6)),
                "max_examples": self.max_examples, "recorded": time.strftime("%Y-%m-%dT%H:%M:%S"),
            }
            tmp = COUNTS_FILE.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            os.replace(tmp, COUNTS_FILE)


@pytest.fixture
def tally(request):
    """Counts the inputs of one property into test-artifacts/fuzz-counts.json.
    A test sets `tally.completed = True` once its property held for every input."""
    test_id = request.node.nodeid.split("/")[-1]
    counter = Tally(test_id)
    start = time.perf_counter()
    yield counter
    counter.save(time.perf_counter() - start)


def run_property(tally: Tally, run) -> None:
    """Run a @given property to the end, then mark its tally complete."""
    tally.max_examples = getattr(getattr(run, "_hypothesis_internal_use_settings", None), "max_examples", None)
    run()
    tally.completed = True


# -- the property ------------------------------------------------------------------------
WHOLE_FILE_REASONS = ("cannot read", "no such file", "cannot parse RDF", "no assets", "no MOT",
                      "no readable CSV header", "invalid YAML")


def _inside(path: Path, inputs: list[Path]) -> bool:
    path = path.resolve()
    return any(path == p or p in path.parents for p in (Path(i).resolve() for i in inputs))


def assert_problem_is_clear(problem: dict, inputs: list[Path]) -> None:
    """A problem names a file among the inputs, a reason, and where in the file it is."""
    assert problem["file"] and _inside(Path(problem["file"]), inputs), problem
    assert isinstance(problem["reason"], str) and problem["reason"].strip(), problem
    assert "Traceback" not in problem["reason"], problem
    located = problem["line"] or problem["record"] or problem["field"]
    assert located or problem["reason"].startswith(WHOLE_FILE_REASONS), problem


def check_load(store, before: dict, code: int, payload, output: str, inputs: list[Path]) -> str:
    """The outcome of an ingest or import run with --json: "clean" or "rejected".
    Fails unless it is a clean load or a clear error that wrote nothing."""
    assert code in (0, 1), f"exit code {code}: {output[-2000:]}"
    assert isinstance(payload, dict), f"no JSON payload: {output[-2000:]}"
    if code == 0:
        assert payload["ok"] is True
        assert payload["after"] == queries.stats(store)
        assert queries.sourceless(store) == {"nodes": 0, "relationships": 0}, "a record without sources was written"
        untyped = [row for row in store.read("MATCH (n) RETURN n.id AS id, n.name AS name")
                   if not isinstance(row["id"], str) or not isinstance(row["name"], (str, type(None)))]
        assert not untyped, f"ids and names must be text: {untyped[:5]}"
        return "clean"
    assert payload["ok"] is False and payload["problems"], payload
    for problem in payload["problems"]:
        assert_problem_is_clear(problem, inputs)
    assert queries.stats(store) == before, "a refused load changed the graph (partial write)"
    return "rejected"


_counter = iter(range(10**9))


def fresh_dir(base: Path, name: str = "case") -> Path:
    """A new empty directory under `base` for one example."""
    path = base / f"{name}-{next(_counter)}"
    path.mkdir(parents=True)
    return path


# -- strategies ----------------------------------------------------------------------------
# No surrogates (they cannot be written as UTF-8); everything else, control characters included.
ANY_CHAR = st.characters(exclude_categories=("Cs",))
NASTY = [
    "", " ", "\0", "\x00\x01\x02", "\t\r\n", "\x1b[31m", "\u202e", "\u200f", "\ufeff", "\u2028", "\x85",
    "'", '"', "`", "\\", "${x}", "{x}", "%s", "[", "]", "{", "}", ":", "- ", "#", "&a", "*a", "!!python/object:os.system",
    "MATCH (n) DETACH DELETE n", "CREATE (x:Model {id: 'model:x'})", "'; DROP TABLE x; --", "RETURN 1; MATCH (n) DELETE n",
    "\" OR 1=1 //", "CALL db.labels()", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "<script>alert(1)</script>",
    "שלום עולם", "مرحبا", "🙂🚀👩‍👩‍👧", "é" * 3, "Ａｂｃ", "𝕏", "model:llama-3.1-405b", "org:meta", "source:x",
    "1e400", "-1", "NaN", "inf", "0x1F", "9" * 40, "2024-13-45", "0000", "99999-01-01", "null", "~", "true", "no",
]


def text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text: random unicode with control characters, or one of the nasty strings."""
    return st.one_of(st.text(ANY_CHAR, max_size=max_size), st.sampled_from(NASTY))


def big_text(max_bytes: int = 1_000_000) -> st.SearchStrategy[str]:
    """Enormous strings (up to 1 MB), built cheaply by repetition."""
    sizes = sorted({size for size in (70_000, 300_000, max_bytes) if size <= max_bytes})
    return st.builds(lambda unit, size: (unit * (size // max(1, len(unit.encode())) + 1))[:size],
                     st.sampled_from(["x", "é", "🙂", "ab ", "\n"]), st.sampled_from(sizes))


def partial_dates() -> st.SearchStrategy:
    """Dates in and out of range, as strings and bare numbers."""
    return st.one_of(
        st.builds(lambda y, m, d: "-".join(p for p in (y, m, d) if p),
                  st.sampled_from(["0000", "0001", "1899", "2024", "9999", "10000", "-001", "20x4"]),
                  st.sampled_from(["", "00", "01", "02", "12", "13", "99"]),
                  st.sampled_from(["", "00", "01", "29", "30", "31", "32"])),
        st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.sampled_from(["2024/01/02", "Jan 2024", "2024-1-2"]),
    )


def numbers() -> st.SearchStrategy:
    """Numbers a field may hold, in and far out of range."""
    return st.one_of(st.integers(), st.sampled_from([0, -1, 2**63 - 1, 2**63, -2**63 - 1, 10**30, 10**400]),
                     st.floats(), st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308, 5e-324]))


def mostly(strategy: st.SearchStrategy, junk: st.SearchStrategy, odds: int = 4) -> st.SearchStrategy:
    """`strategy` `odds` times out of `odds + 1`, else `junk` (st.one_of would pick each
    branch equally often, whatever the repetitions)."""
    return st.integers(0, odds).flatmap(lambda i: strategy if i else junk)


SCALARS = st.one_of(text(), numbers(), st.booleans(), st.none(), partial_dates())


def yaml_values(scalars=SCALARS, max_leaves: int = 12) -> st.SearchStrategy:
    """Any YAML-representable value: scalars, lists and mappings, nested."""
    keys = st.one_of(text(12), st.integers(-5, 5), st.booleans())
    return st.recursive(scalars, lambda children: st.one_of(st.lists(children, max_size=4),
                                                            st.dictionaries(keys, children, max_size=4)),
                        max_leaves=max_leaves)


# -- mutations -------------------------------------------------------------------------------
def _paths(tree, prefix=()):
    yield prefix
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from _paths(value, prefix + (i,))


def _get(tree, path):
    for part in path:
        tree = tree[part]
    return tree


def mutate_tree(draw, tree, values: st.SearchStrategy, steps: int = 3, field_names: list[str] | None = None,
                huge: bool = False):
    """Apply a few random structural mutations to a parsed document (in place; returns it).

    A mutation picks any node and then deletes it, replaces it with a random value,
    duplicates it (a record repeated with different content keeps its id), renames a
    key to another known field, swaps two values of the document, or (`huge`) replaces
    it with an enormous string."""
    for _ in range(draw(st.integers(1, steps))):
        paths = [p for p in _paths(tree) if p]
        if not paths:
            return tree
        path = draw(st.sampled_from(paths))
        parent, last = _get(tree, path[:-1]), path[-1]
        op = draw(st.sampled_from(["delete", "replace", "replace", "duplicate", "rename", "swap"]
                                  + (["huge"] if huge else [])))
        if op == "delete":
            del parent[last]
        elif op == "replace":
            parent[last] = draw(values)
        elif op == "huge":
            parent[last] = draw(big_text())
        elif op == "duplicate":
            copy = json.loads(json.dumps(parent[last], default=str))
            if isinstance(copy, dict) and copy:
                key = draw(st.sampled_from(sorted(copy, key=str)))
                copy[key] = draw(values)
            if isinstance(parent, list):
                parent.insert(draw(st.integers(0, len(parent))), copy)
            else:
                parent[f"{last}_copy"] = copy
        elif op == "rename" and isinstance(parent, dict):
            new = draw(st.sampled_from(field_names)) if field_names and draw(st.booleans()) else draw(text(12))
            parent[new] = parent.pop(last)
        elif op == "swap":
            other = draw(st.sampled_from(paths))
            try:
                other_parent = _get(tree, other[:-1])
                parent[last], other_parent[other[-1]] = other_parent[other[-1]], parent[last]
            except (KeyError, IndexError, TypeError):
                pass
    return tree


@st.composite
def mutated_bytes(draw, original: bytes, max_ops: int = 4):
    """The bytes of a file with a few random edits: flipped, inserted or deleted bytes,
    a line duplicated or dropped, the file truncated, or NUL / BOM bytes inserted."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "dup_line", "drop_line", "truncate", "special"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 16))]
        elif op in ("dup_line", "drop_line"):
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            if op == "dup_line":
                lines.insert(i, lines[i])
            else:
                del lines[i]
            data = bytearray(b"\n".join(lines))
        elif op == "truncate":
            del data[pos:]
        else:
            data[pos:pos] = draw(st.sampled_from([b"\0", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\x85", b"\xc3",
                                                  b"\t", b"'", b'"', b"&a *a", b"!!binary"]))
    return bytes(data)


ENCODINGS = ["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]


def encode(text_: str, encoding: str) -> bytes:
    """`text_` in `encoding`, characters it cannot hold replaced."""
    return text_.encode(encoding, errors="replace")


def alias_bomb(depth: int = 9, width: int = 9) -> str:
    """YAML anchors that expand to width**depth values (a "billion laughs")."""
    lines = [f"- &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"- &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, depth)]
    return "\n".join(lines)
