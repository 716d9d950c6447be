"""The curated facts in data/*.yaml (format: docs/data-format.md)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from ingest.problems import IngestError, Problem
from ingest.records import Origin, to_graph
from ingest.yamlload import LineDict, load_yaml
from ontology.generated import models
from ontology.vocab import Vocabulary, vocabulary


def yaml_files(paths: list[Path]) -> list[Path]:
    """The YAML files named, or found directly inside the directories named."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        elif path.exists():
            out.append(path)
        else:
            raise IngestError([Problem(str(path), None, None, None, "no such file or directory")])
    return out


def display_name(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path.resolve()) if relative.startswith("..") else relative


@dataclass
class CuratedSource:
    """Yields graph records from curated YAML files; problems are collected, not raised."""

    paths: list[Path]
    vocab: Vocabulary | None = None

    def __post_init__(self) -> None:
        self.vocab = self.vocab or vocabulary()
        self.problems: list[Problem] = []

    def records(self) -> Iterator:
        for path in yaml_files(self.paths):
            try:
                yield from self._file_records(path, display_name(path))
            except IngestError as exc:
                self.problems.extend(exc.problems)

    def _file_records(self, path: Path, name: str) -> Iterator:
        doc = load_yaml(path, name)
        if doc is None:
            return
        if not isinstance(doc, dict):
            self.problems.append(Problem(name, 1, None, None, "a data file must be a mapping of sections"))
            return
        for section, items in doc.items():
            label = self.vocab.sections.get(section)
            line = doc.line_of(section)
            if label is None:
                known = ", ".join(sorted(self.vocab.sections))
                self.problems.append(Problem(name, line, None, section, f"unknown section; expected one of {known}"))
                continue
            if not isinstance(items, list):
                self.problems.append(Problem(name, line, None, section, "a section must be a list of records"))
                continue
            for item in items:
                yield from self._record(label, item, Origin(name, getattr(item, "line", line)))

    def _record(self, label: str, raw, origin: Origin) -> Iterator:
        if not isinstance(raw, dict):
            self.problems.append(Problem(origin.file, origin.line, None, None, f"a {label} record must be a mapping"))
            return
        data = prepare(label, raw, self.vocab)
        try:
            valid = getattr(models, label).model_validate(data)
        except ValidationError as exc:
            self.problems.extend(validation_problems(exc, raw, origin))
            return
        yield from to_graph(label, valid.model_dump(exclude_none=True), origin, self.vocab)


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
