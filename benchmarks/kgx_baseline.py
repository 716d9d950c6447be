"""KGX's Neo4j sink as an ingest baseline. KGX pins libraries (click, linkml-map) that
conflict with aikg's, so it gets a virtual environment of its own, made once:

    python -m venv ~/.cache/aikg/kgx-venv && ~/.cache/aikg/kgx-venv/bin/pip install kgx==2.6.0

(2.7.0's requirements cannot be resolved on PyPI today). `AIKG_KGX_PYTHON` names another
interpreter that has kgx. The same records are written as KGX node and edge dicts (label
as category, relationship type as predicate) and loaded by `kgx_sink_run.py` there.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from graph.config import StoreConfig
from ontology.records import EdgeRecord, NodeRecord

KGX = "kgx==2.6.0"
RUNNER = Path(__file__).with_name("kgx_sink_run.py")
DEFAULT_VENV = Path.home() / ".cache" / "aikg" / "kgx-venv"


class BaselineUnavailable(RuntimeError):
    """The baseline could not be set up here; the message says why."""


def interpreter(install: bool = True) -> Path:
    configured = os.environ.get("AIKG_KGX_PYTHON")
    if configured:
        return Path(configured)
    python = DEFAULT_VENV / "bin" / "python"
    if _has_kgx(python):
        return python
    if not install:
        raise BaselineUnavailable(f"no KGX environment at {DEFAULT_VENV}")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(DEFAULT_VENV)], check=True, capture_output=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", KGX], check=True, capture_output=True,
                       timeout=900)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        tail = (getattr(exc, "stderr", b"") or b"").decode(errors="replace").strip().splitlines()[-1:]
        raise BaselineUnavailable(f"could not install {KGX}: {' '.join(tail) or exc}") from exc
    return python


def _has_kgx(python: Path) -> bool:
    return python.exists() and subprocess.run([str(python), "-c", "import kgx"], check=False, capture_output=True).returncode == 0


def kgx_lines(records: list) -> list[str]:
    lines = []
    for record in records:
        if isinstance(record, NodeRecord):
            lines.append(json.dumps({"node": {**record.props, "category": [record.label]}}))
        elif isinstance(record, EdgeRecord):
            edge = {**record.props, **record.key, "subject": record.start_id, "predicate": record.type,
                    "object": record.end_id}
            lines.append(json.dumps({"edge": edge}))
    return lines


def run(records: list, config: StoreConfig, workdir: Path) -> dict:
    """Seconds KGX's sink took to write the records into the server of `config`."""
    python = interpreter()
    path = workdir / "kgx-records.jsonl"
    path.write_text("\n".join(kgx_lines(records)) + "\n", encoding="utf-8")
    env = {**os.environ, "NEO4J_URI": config.uri, "NEO4J_USERNAME": config.writer.user,
           "NEO4J_PASSWORD": config.writer.password, "NEO4J_DATABASE": config.database}
    done = subprocess.run([str(python), str(RUNNER), str(path)], check=False, capture_output=True, text=True,
                          env=env)
    if done.returncode != 0:
        raise BaselineUnavailable(f"KGX's sink failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
