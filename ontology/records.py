"""Graph records: what every ingest source yields and the graph writer writes."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """Where a record came from, for error messages."""

    file: str
    line: int | None = None


@dataclass
class NodeRecord:
    label: str
    id: str
    props: dict
    origin: Origin

    @property
    def sources(self) -> list[str]:
        return self.props.get("sources", [])


@dataclass
class EdgeRecord:
    type: str
    start_label: str
    start_id: str
    end_id: str
    origin: Origin
    field: str
    end_labels: frozenset[str] = frozenset()  # labels the slot's range allows
    key: dict = field(default_factory=dict)
    props: dict = field(default_factory=dict)
    end_label: str | None = None  # resolved from the end id's prefix

    @property
    def sources(self) -> list[str]:
        return self.props.get("sources", [])
