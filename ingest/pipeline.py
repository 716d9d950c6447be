"""Read → validate → write. All input is validated before the first write, so a
batch with any problem leaves the graph exactly as it was."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

from ingest.problems import IngestError
from ingest.records import EdgeRecord, NodeRecord
from ingest.validate import check_batch
from ontology.vocab import Vocabulary, vocabulary


class Sink(Protocol):
    """Where validated records go (graph.writer.GraphWriter)."""

    def existing_ids(self, label: str, ids: list[str]) -> set[str]: ...

    def write(self, records: list, progress: Callable[[int], None] | None = None,
              policy: str = "replace") -> None: ...


class Source(Protocol):
    problems: list
    policy: str  # "replace" for curated data, "fill" for imported datasets

    def records(self) -> Iterable: ...


@dataclass
class IngestReport:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"nodes": self.nodes, "relationships": self.relationships}


def read(sources: list[Source]) -> list:
    """Every record of the sources, each checked on its own; raises IngestError.
    Needs no store: `aikg up` reads while the store starts."""
    records, problems = [], []
    for source in sources:
        records.extend(source.records())
        problems.extend(source.problems)
    if problems:
        raise IngestError(problems)
    return records


def check(records: list, sink: Sink, vocab: Vocabulary | None = None) -> list:
    """The records checked as one batch (references, duplicates) against what the sink holds."""
    problems = check_batch(records, vocab or vocabulary(), sink.existing_ids)
    if problems:
        raise IngestError(problems)
    return records


def collect(sources: list[Source], sink: Sink, vocab: Vocabulary | None = None) -> list:
    """Every record of the sources, validated as one batch; raises IngestError."""
    return check(read(sources), sink, vocab)


def run(sources: list[Source], sink: Sink, progress: Callable[[int], None] | None = None,
        on_total: Callable[[int], None] | None = None) -> IngestReport:
    policies = {getattr(source, "policy", "replace") for source in sources}
    if len(policies) != 1:
        raise ValueError("sources written together must share one write policy")
    return write(collect(sources, sink), sink, policies.pop(), progress, on_total)


def write(records: list, sink: Sink, policy: str, progress: Callable[[int], None] | None = None,
          on_total: Callable[[int], None] | None = None) -> IngestReport:
    """Validated records into the sink."""
    if on_total:
        on_total(len(records))
    sink.write(records, progress, policy)
    return summarize(records)


def summarize(records: list) -> IngestReport:
    report = IngestReport()
    for record in records:
        if isinstance(record, NodeRecord):
            report.nodes[record.label] = report.nodes.get(record.label, 0) + 1
        elif isinstance(record, EdgeRecord):
            report.relationships[record.type] = report.relationships.get(record.type, 0) + 1
    return report
