"""A content digest of what a curated load depends on: the input files, the ontology and
the code that reads, validates and writes them. Equal digests mean a reload would write
exactly what the graph already holds (graph/loadstate.py keeps the last one)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.sources.curated import yaml_files

_ROOT = Path(__file__).resolve().parent.parent
# Code whose change can change what a load writes: the readers and validators, the
# ontology (schema and generated models) and the graph writer and schema.
_CODE = (["ingest/**/*.py", "ontology/*.py", "ontology/aikg.yaml", "ontology/generated/models.py",
          "graph/writer.py", "graph/schema.py"])


def _code_files() -> list[Path]:
    return sorted({p for pattern in _CODE for p in _ROOT.glob(pattern)})


def input_digest(paths: list[Path]) -> str:
    """sha256 over the curated files (by name and content) and the loading code."""
    digest = hashlib.sha256()
    for label, files in (("data", yaml_files(paths)), ("code", _code_files())):
        for path in files:
            digest.update(f"{label}:{path.name}:{path.stat().st_size}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
