"""The curated facts in data/*.yaml (format: docs/data-format.md)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ingest.build import build
from ingest.sources.common import display_name
from ingest.problems import IngestError, Problem
from ingest.records import Origin
from ingest.yamlload import load_yaml
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


@dataclass
class CuratedSource:
    """Yields graph records from curated YAML files; problems are collected, not raised."""

    paths: list[Path]
    vocab: Vocabulary | None = None
    policy = "replace"  # curated facts are authoritative

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
        records, problems = build(label, raw, origin, self.vocab)
        self.problems.extend(problems)
        yield from records
