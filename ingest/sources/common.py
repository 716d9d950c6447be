"""Helpers the dataset importers share."""
from __future__ import annotations

import math
import os
from pathlib import Path

from ingest.importing import Emitter, ImportContext
from ingest.problems import IngestError, Problem
from ingest.records import Origin
from ingest.yamlload import load_yaml

# Where a dataset says a model is available without naming the site or service.
_GENERIC_CHANNELS = (
    ("channel:download-unspecified", "Weights download (site not given by the source)", "open_download"),
    ("channel:api-unspecified", "API (service not given by the source)", "public_api"),
    ("channel:hosted-unspecified", "Hosted product without API (not named by the source)", "consumer_app"),
    ("channel:not-released", "Not released", "unreleased"),
)


def dataset_channels(source_id: str) -> list[dict]:
    return [{"id": cid, "name": name, "access_kind": kind, "sources": [source_id]}
            for cid, name, kind in _GENERIC_CHANNELS]


def display_name(path: Path) -> str:
    """A path as the user would recognise it in a message."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(Path(path).resolve()) if relative.startswith("..") else relative


def number(text) -> float | None:
    """A positive finite number, or None ("", "unknown", "0", "1e400")."""
    try:
        value = float(str(text).replace(",", "").strip())
    except ValueError:
        return None
    return value if 0 < value < math.inf else None


def weights_claim(out: Emitter, release: str, availability: str | None, raw: str | None,
                  src: str, origin: Origin) -> None:
    """Whether the weights could be obtained, the one openness fact all sources state."""
    if availability is None:
        return
    value = "downloadable" if availability in ("open", "gated") else "not downloadable"
    out.claim(release, "Release", "weights", value, src, origin, raw=raw)


class DatasetImporter:
    """What every dataset importer has: the dataset-level source it cites, an
    emitter, and the fill policy (imports never overwrite what the graph has)."""

    name = ""  # the kind it is registered as (set by ingest/sources/registry.py's @importer)
    policy = "fill"
    dataset: dict = {}  # id, name, publisher, url of the dataset-level Source

    def __init__(self, path: Path, context: ImportContext):
        self.path = Path(path)
        self.out = Emitter(context, self.dataset["id"])
        self.problems: list[Problem] = self.out.problems

    def yaml_files(self, files: list[Path]):
        """(display name, parsed document) of each readable file; a file that does not
        parse becomes a problem and is skipped, so every broken file is reported at once."""
        for path in files:
            name = display_name(path)
            try:
                yield path, name, load_yaml(path, name)
            except IngestError as exc:
                self.problems.extend(exc.problems)

    def dataset_records(self) -> None:
        origin = Origin(display_name(self.path))
        self.out.emit("Source", {**self.dataset, "source_kind": "dataset"}, origin)
        for record in dataset_channels(self.dataset["id"]):
            self.out.emit("AccessChannel", record, origin)
