"""Problems found in input: each names the file, line, record and field."""
from __future__ import annotations

from dataclasses import dataclass

from ontology.errors import InputError


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    record: str | None
    field: str | None
    reason: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.record:
            parts.append(f"record {self.record!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return f"{' '.join(parts)}: {self.reason}"

    def as_dict(self) -> dict:
        return {
            "file": self.file, "line": self.line, "record": self.record,
            "field": self.field, "reason": self.reason, "severity": self.severity,
        }


class IngestError(InputError):
    """Input was rejected; nothing of it was written."""

    def __init__(self, problems: list[Problem]):
        problems = list(dict.fromkeys(problems))  # one report per distinct problem
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the input; nothing was written:\n{shown}{more}")

    def details(self) -> dict:
        return {"problems": [p.as_dict() for p in self.problems]}
