"""One record in the curated format → validated graph records.

Every source funnels its records through `build`: the curated YAML reader as
they are written, the dataset importers after mapping a foreign record onto the
same format. Validation is the generated pydantic model of the record's class.
"""
from __future__ import annotations

from pydantic import ValidationError

from ingest.problems import Problem
from ingest.records import Origin, to_graph
from ingest.yamlload import LineDict
from ontology.generated import models
from ontology.vocab import Vocabulary


def build(label: str, raw: dict, origin: Origin, vocab: Vocabulary) -> tuple[list, list[Problem]]:
    """(graph records, []) for a valid record, ([], problems) otherwise."""
    data = prepare(label, raw, vocab)
    try:
        valid = getattr(models, label).model_validate(data)
    except ValidationError as exc:
        return [], validation_problems(exc, raw, origin)
    return to_graph(label, valid.model_dump(exclude_none=True), origin, vocab), []


def prepare(label: str, raw: dict, vocab: Vocabulary) -> dict:
    """Defaults the format promises: a Source is its own source, inline records
    inherit their parent's sources, and a year written as a bare number is a date."""
    data = dict(raw)
    if label == "Source" and "sources" not in data and isinstance(data.get("id"), str):
        data["sources"] = [data["id"]]
    for name, spec in vocab.slots[label].items():
        value = data.get(name)
        if spec.range == "PartialDate" and isinstance(value, int):
            data[name] = str(value)
        elif spec.mode in ("inlined", "association") and isinstance(value, list):
            inherited = {"sources": data.get("sources")} if spec.mode == "inlined" else {}
            data[name] = [
                prepare(spec.range, {**inherited, **item}, vocab) if isinstance(item, dict) else item
                for item in value
            ]
    return data


def validation_problems(exc: ValidationError, raw: dict, origin: Origin) -> list[Problem]:
    record = raw.get("id") if isinstance(raw.get("id"), str) else None
    problems = []
    for error in exc.errors():
        field, line = _locate(raw, error["loc"], origin.line)
        problems.append(Problem(origin.file, line, record, field or None, error["msg"]))
    return problems


def _locate(raw, loc: tuple, line: int | None) -> tuple[str, int | None]:
    """A dotted field path and the line of the deepest part of it that exists."""
    path, node = "", raw
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            path += f".{part}" if path else str(part)
            if isinstance(node, LineDict):
                line = node.line_of(part)
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, LineDict):
            line = node.line
    return path, line
