"""Epoch AI's "All ML Systems" CSV: systems, organizations, dates, parameters,
training compute, accessibility of weights, code and data, the frontier flag and
base models. The file starts with a byte-order mark and has multi-line cells."""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Iterator

from ingest.importing import ImportContext
from ingest.problems import IngestError, Problem
from ingest.records import Origin, merge_records
from ingest.resolve import LEGAL_SUFFIXES, slug
from ingest.sources.common import DatasetImporter, display_name, number, weights_claim

DATASET = "source:epoch-ai-all-ml-systems"
REQUIRED = ("System", "Organization", "Publication date", "Model accessibility", "Parameters",
            "Training compute (FLOP)", "Frontier model", "Base model", "Link")
ORG_KIND = {"Industry": "company", "Academia": "university", "Research collective": "collaboration",
            "Government": "government", "Non-profit": "nonprofit"}
# Weights: Epoch's wording -> (artifact availability, channel)
WEIGHTS = {
    "Open weights (unrestricted)": ("open", "channel:download-unspecified"),
    "Open weights (restricted use)": ("open", "channel:download-unspecified"),
    "Open weights (non-commercial)": ("open", "channel:download-unspecified"),
    "API access": ("closed", "channel:api-unspecified"),
    "Hosted access (no API)": ("closed", "channel:hosted-unspecified"),
    "Unreleased": ("closed", "channel:not-released"),
}
CODE = {"Open source": "open", "Open (non-commercial)": "open", "Open (restricted use)": "open",
        "Open access (non-commercial)": "open", "Open access (restricted use)": "open", "Unreleased": "closed"}
DOMAIN = {"Language": "text", "Vision": "image", "Multimodal": "multimodal", "Speech": "speech",
          "Audio": "audio", "Video": "video", "Image generation": "image"}


class EpochSource(DatasetImporter):
    name = "epoch"
    dataset = {"id": DATASET, "name": "Epoch AI: All ML Systems", "publisher": "Epoch AI",
               "url": "https://epoch.ai/data"}

    def __init__(self, path: Path, context: ImportContext):
        super().__init__(path, context)
        self.file = display_name(self.path)

    def records(self) -> Iterator:
        self.dataset_records()
        for line, row in self._rows():
            self._row(row, Origin(self.file, line))
        yield from merge_records(self.out.records)

    def _rows(self) -> Iterator[tuple[int, dict]]:
        try:
            handle = self.path.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise IngestError([Problem(self.file, None, None, None, f"cannot read file: {exc}")]) from exc
        with handle:
            reader = csv.reader(handle, strict=True)
            try:
                header = next(reader)
            except (StopIteration, csv.Error, UnicodeDecodeError) as exc:
                raise IngestError([Problem(self.file, 1, None, None, f"no readable CSV header: {exc}")]) from exc
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise IngestError([Problem(self.file, 1, None, ", ".join(missing), "columns missing from the header")])
            yield from self._checked_rows(reader, header)

    def _checked_rows(self, reader, header: list[str]) -> Iterator[tuple[int, dict]]:
        line, system = reader.line_num + 1, None
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                record = self._system_at(line, header) or system
                self.problems.append(Problem(self.file, line, record, None, f"garbled or truncated CSV: {exc}"))
                return
            row = dict(zip(header, cells))
            system = row.get("System") or None
            if len(cells) != len(header):
                self.problems.append(Problem(self.file, line, system, None,
                                             f"row has {len(cells)} fields, the header has {len(header)}"))
            elif system:
                yield line, row
            line = reader.line_num + 1

    def _system_at(self, line: int, header: list[str]) -> str | None:
        """The System cell of the row starting at this line, read leniently, to name
        the record a parse error belongs to."""
        try:
            text = self.path.read_text(encoding="utf-8-sig", errors="replace").splitlines()[line - 1]
            cells = next(csv.reader([text]))
            return cells[header.index("System")] or None
        except (OSError, IndexError, StopIteration, csv.Error):
            return None

    def _row(self, row: dict, origin: Origin) -> None:
        system = row["System"].strip()
        src = self.out.source(f"source:epoch/{slug(system)}", f"Epoch AI All ML Systems: {system}",
                              f"all_ml_systems.csv, System = {system}", origin, _first_url(row["Link"]))
        orgs = self._organizations(row, src, origin)
        model = self._model(row, system, orgs, src, origin)
        if model is None:
            return
        self._release(row, system, model, orgs, src, origin)

    def _organizations(self, row: dict, src: str, origin: Origin) -> list[str]:
        cell = " ".join(row["Organization"].splitlines())  # a line break in the cell separates nothing
        try:
            names = _rejoin_suffixes(next(csv.reader([cell]), []))
        except csv.Error:  # a stray quote or NUL: the cell read as plain text
            names = _rejoin_suffixes(cell.split(","))
        kinds = (row.get("Organization categorization") or "").split(",")
        out = []
        for i, name in enumerate(n.strip() for n in names):
            kind = ORG_KIND.get(kinds[i].strip()) if i < len(kinds) else None
            org = self.out.organization(name, src, origin, **({"organization_kind": kind} if kind else {}))
            if org:
                out.append(org)
        return out

    def _model(self, row: dict, system: str, orgs: list[str], src: str, origin: Origin) -> str | None:
        fields: dict = {"developers": orgs}
        parameters = number(row["Parameters"])
        compute = number(row["Training compute (FLOP)"])
        if parameters is not None:
            fields["parameters"] = int(round(parameters))
        if compute is not None:
            fields["training_compute_flop"] = compute
        if row["Frontier model"].strip().lower() == "checked":
            fields["epoch_frontier"] = True
        modalities = {DOMAIN[d.strip()] for d in row.get("Domain", "").split(",") if d.strip() in DOMAIN}
        if modalities:
            fields["modalities"] = sorted(modalities)
        base = row["Base model"].strip()
        if base:
            base_id = self.out.reference("Model", base, src, origin)
            if base_id:
                fields["base_models"] = [{"base_model": base_id, "lineage_kind": "fine_tune"}]
        model = self.out.entity("Model", system, src, origin, **fields)
        if model:
            for name in ("parameters", "training_compute_flop"):
                self.out.claim(model, "Model", name, fields.get(name), src, origin)
        return model

    def _release(self, row: dict, system: str, model: str, orgs: list[str], src: str, origin: Origin) -> None:
        date = _date(row["Publication date"])
        access = row["Model accessibility"].strip()
        availability, channel = WEIGHTS.get(access, (None, None))
        release_slug = f"{model.split(':', 1)[1]}/{date}"
        artifacts = [{"id": f"artifact:{release_slug}/{kind}", "name": f"{system} {kind.replace('_', ' ')}",
                      "artifact_kind": kind, "availability": value}
                     for kind, value in (("final_weights", availability),
                                         ("training_code", CODE.get(row.get("Training code accessibility", ""))),
                                         ("inference_code", CODE.get(row.get("Inference code accessibility", ""))),
                                         ("training_data", CODE.get(row.get("Dataset accessibility", ""))))
                     if value]
        release = self.out.release_for(model, date, src, origin, model_name=system, released_by=orgs,
                                       channels=[channel] if channel else [], artifacts=artifacts)
        if release:
            self.out.claim(release, "Release", "date", date, src, origin)
            weights_claim(self.out, release, availability, access, src, origin)


def _rejoin_suffixes(names: list[str]) -> list[str]:
    """"Example Co, Inc." split at its comma is one organization, not two."""
    out: list[str] = []
    for name in names:
        if out and name.strip().rstrip(".").lower() in LEGAL_SUFFIXES:
            out[-1] = f"{out[-1]},{name}"
        else:
            out.append(name)
    return out


def _first_url(text: str) -> str | None:
    match = re.search(r"https?://\S+", text or "")
    return match.group(0).rstrip(".,;)") if match else None


def _date(text: str) -> str | None:
    text = (text or "").strip()
    return text if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else None
