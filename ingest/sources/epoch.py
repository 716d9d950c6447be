"""Epoch AI's model CSVs ("All ML Systems", "Notable AI Models", "All AI Models", …):
systems, organizations, dates, parameters, training compute, accessibility of
weights, code and data, the frontier flag and base models. The file starts with a
byte-order mark and has multi-line cells.

Epoch's exports have changed their headers over time: the name column is `System`
in older exports and `Model` in newer ones, some have no `Frontier model` column,
and optional columns come and go. Each field is looked up under every header it
has been published under (COLUMNS); only the name, organization and date are
required. Without a `Frontier model` column the flag is computed from Epoch's
definition (FRONTIER_TOP: among the 10 models with the most training compute at
their publication date) and each record says so in its notes.

Given an https:// URL, the file is downloaded (ingest/http.py: timeout, size cap)
into a dated cache (ingest/download.py); a zip is opened at its CSV.
"""
from __future__ import annotations

import bisect
import csv
import re
import zipfile
from pathlib import Path
from typing import Iterator

from ingest.download import cached_download, csv_from_zip
from ingest.http import FetchError, is_url
from ingest.importing import ImportContext
from ingest.problems import IngestError, Problem
from ingest.records import Origin, merge_records
from ingest.resolve import LEGAL_SUFFIXES, normalize, slug
from ingest.sources.common import DatasetImporter, display_name, number, weights_claim
from ingest.sources.registry import Param, importer

DATASET = "source:epoch-ai-all-ml-systems"
# field -> the headers it has been published under, in order of preference
COLUMNS = {
    "system": ("System", "Model", "Model name", "System name"),
    "organization": ("Organization", "Organization(s)", "Organisation", "Organizations"),
    "date": ("Publication date", "Publication Date", "Release date", "Date"),
    "accessibility": ("Model accessibility", "Accessibility", "Model weights accessibility"),
    "parameters": ("Parameters", "Parameter count", "Parameters (count)"),
    "compute": ("Training compute (FLOP)", "Training compute (FLOPs)", "Training compute", "Training Compute (FLOP)"),
    "frontier": ("Frontier model", "Frontier", "Frontier model?"),
    "base": ("Base model", "Base models", "Base Model"),
    "link": ("Link", "Links", "Reference link", "URL"),
    "domain": ("Domain", "Domains"),
    "org_kind": ("Organization categorization", "Organization categorization (from Organization)",
                 "Organization type"),
    "training_code": ("Training code accessibility", "Code accessibility"),
    "inference_code": ("Inference code accessibility",),
    "dataset": ("Dataset accessibility", "Training dataset accessibility", "Data accessibility"),
}
REQUIRED = ("system", "organization", "date")
FRONTIER_TOP = 10
FRONTIER_YES = {"checked", "true", "yes", "y", "1", "x", "✓", "✔"}
COMPUTED_FRONTIER = ("This export has no `Frontier model` column: the frontier flag was computed by aikg from "
                     f"Epoch AI's definition (among the {FRONTIER_TOP} models with the most training compute "
                     "at its publication date).")
ZIP_CSVS = ("all_ai_models.csv", "all_ml_systems.csv", "notable_ai_models.csv")
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
    "Unspecified unreleased": ("closed", None),  # weights not released; how the model is offered not said
}
CODE = {"Open source": "open", "Open (non-commercial)": "open", "Open (restricted use)": "open",
        "Open access (non-commercial)": "open", "Open access (restricted use)": "open", "Unreleased": "closed"}
DOMAIN = {"Language": "text", "Vision": "image", "Multimodal": "multimodal", "Speech": "speech",
          "Audio": "audio", "Video": "video", "Image generation": "image"}


@importer("epoch", order=10,
          help="Epoch AI's model CSV, from a file or an https:// URL (downloaded once a day into "
               "AIKG_HOME/downloads).",
          params=[Param("path", "Epoch AI's CSV (All ML Systems, Notable or All AI Models), or an https:// URL "
                                "of one or of Epoch's zip of them.", type=str)],
          target=lambda path: path if is_url(path) else Path(path),
          build=lambda path, env: EpochSource(path, env.context, downloads=env.downloads))
class EpochSource(DatasetImporter):
    dataset = {"id": DATASET, "name": "Epoch AI: All ML Systems", "publisher": "Epoch AI",
               "url": "https://epoch.ai/data"}

    def __init__(self, path: Path | str, context: ImportContext, downloads: Path | None = None):
        self.download: dict | None = None
        self.record_file = Path(str(path)).name  # how a record names the file it comes from
        if is_url(str(path)):
            path = self._fetch(str(path), downloads or Path.cwd() / "downloads")
        super().__init__(Path(path), context)
        self.file = self.download["url"] if self.download else display_name(self.path)
        self.columns: dict[str, str] = {}
        self.computed: set[int] = set()  # lines whose frontier flag was computed
        self.resolved: dict[str, str] = {}  # normalized system name -> the model its row became

    def _fetch(self, url: str, folder: Path) -> Path:
        try:
            local, self.download = cached_download(url, folder)
            self.record_file = Path(url.split("?", 1)[0]).name
            if not zipfile.is_zipfile(local):
                return local
            csv_file, member = csv_from_zip(local, ZIP_CSVS)
            self.record_file = f"{self.record_file}/{member}"
            return csv_file
        except FetchError as exc:
            raise IngestError([Problem(url, None, None, None, f"cannot download: {exc}")]) from exc

    def records(self) -> Iterator:
        self.dataset_records()
        rows = list(self._rows())
        frontier = None if "frontier" in self.columns else computed_frontier(
            [(line, self._cell(row, "date"), number(self._cell(row, "compute"))) for line, row in rows])
        for line, row in self._bases_first(rows):
            if frontier is not None:
                row["__frontier"] = "checked" if line in frontier else ""
                self.computed.add(line)
            model = self._row(row, Origin(self.file, line))
            if model:
                self.resolved.setdefault(normalize(self._cell(row, "system").strip()), model)
        yield from merge_records(self.out.records)

    def _bases_first(self, rows: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
        """The rows, each after the row of its base model (file order otherwise), so that a
        base model is the entity its own row became."""
        by_name = {normalize(self._cell(row, "system").strip()): (line, row) for line, row in rows}
        ordered, done = [], set()
        for item in rows:
            chain = [item]
            while True:
                base = by_name.get(normalize(self._cell(chain[-1][1], "base").strip()))
                if base is None or base in chain or base[0] in done:
                    break
                chain.append(base)
            for line, row in reversed(chain):
                if line not in done:
                    done.add(line)
                    ordered.append((line, row))
        return ordered

    def _cell(self, row: dict, field: str) -> str:
        if field == "frontier" and "__frontier" in row:
            return row["__frontier"]
        column = self.columns.get(field)
        return (row.get(column) or "") if column else ""

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
            self.columns, missing = find_columns(header)
            if missing:
                looked_for = "; ".join(f"{field}: one of {', '.join(repr(h) for h in COLUMNS[field])}"
                                       for field in missing)
                raise IngestError([Problem(self.file, 1, None, ", ".join(missing),
                                           f"required columns missing from the header (looked for {looked_for})")])
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
            system = row.get(self.columns["system"]) or None
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
            return cells[header.index(self.columns["system"])] or None
        except (OSError, IndexError, StopIteration, csv.Error):
            return None

    def _row(self, row: dict, origin: Origin) -> str | None:
        system = self._cell(row, "system").strip()
        src = self.out.source(f"source:epoch/{slug(system)}", f"Epoch AI All ML Systems: {system}",
                              f"{self.record_file}, {self.columns['system']} = {system}", origin,
                              _first_url(self._cell(row, "link")),
                              notes=COMPUTED_FRONTIER if origin.line in self.computed else None)
        orgs = self._organizations(row, src, origin)
        model = self._model(row, system, orgs, src, origin)
        if model is None:
            return None
        self._release(row, system, model, orgs, src, origin)
        return model

    def _organizations(self, row: dict, src: str, origin: Origin) -> list[str]:
        cell = " ".join(self._cell(row, "organization").splitlines())  # a line break in the cell separates nothing
        try:
            names = _rejoin_suffixes(next(csv.reader([cell]), []))
        except csv.Error:  # a stray quote or NUL: the cell read as plain text
            names = _rejoin_suffixes(cell.split(","))
        kinds = self._cell(row, "org_kind").split(",")
        out = []
        for i, name in enumerate(n.strip() for n in names):
            kind = ORG_KIND.get(kinds[i].strip()) if i < len(kinds) else None
            org = self.out.organization(name, src, origin, **({"organization_kind": kind} if kind else {}))
            if org:
                out.append(org)
        return out

    def _model(self, row: dict, system: str, orgs: list[str], src: str, origin: Origin) -> str | None:
        fields: dict = {"developers": orgs}
        parameters = number(self._cell(row, "parameters"))
        compute = number(self._cell(row, "compute"))
        if parameters is not None:
            fields["parameters"] = int(round(parameters))
        if compute is not None:
            fields["training_compute_flop"] = compute
        if self._cell(row, "frontier").strip().lower() in FRONTIER_YES:
            fields["epoch_frontier"] = True
        modalities = {DOMAIN[d.strip()] for d in self._cell(row, "domain").split(",") if d.strip() in DOMAIN}
        if modalities:
            fields["modalities"] = sorted(modalities)
        base = self._cell(row, "base").strip()
        if base:
            base_id = self.resolved.get(normalize(base)) or self.out.reference("Model", base, src, origin)
            if base_id:
                fields["base_models"] = [{"base_model": base_id, "lineage_kind": "fine_tune"}]
        model = self.out.entity("Model", system, src, origin, date=_date(self._cell(row, "date")), **fields)
        if model:
            for name in ("parameters", "training_compute_flop"):
                self.out.claim(model, "Model", name, fields.get(name), src, origin)
        return model

    def _release(self, row: dict, system: str, model: str, orgs: list[str], src: str, origin: Origin) -> None:
        date = _date(self._cell(row, "date"))
        access = self._cell(row, "accessibility").strip()
        availability, channel = WEIGHTS.get(access, (None, None))
        release_slug = f"{model.split(':', 1)[1]}/{date}"
        artifacts = [{"id": f"artifact:{release_slug}/{kind}", "name": f"{system} {kind.replace('_', ' ')}",
                      "artifact_kind": kind, "availability": value}
                     for kind, value in (("final_weights", availability),
                                         ("training_code", CODE.get(self._cell(row, "training_code"))),
                                         ("inference_code", CODE.get(self._cell(row, "inference_code"))),
                                         ("training_data", CODE.get(self._cell(row, "dataset"))))
                     if value]
        release = self.out.release_for(model, date, src, origin, model_name=system, released_by=orgs,
                                       channels=[channel] if channel else [], artifacts=artifacts)
        if release:
            self.out.claim(release, "Release", "date", date, src, origin)
            weights_claim(self.out, release, availability, access, src, origin)


def _header_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def find_columns(header: list[str]) -> tuple[dict[str, str], list[str]]:
    """(field -> the header naming it, required fields no header names). A header is
    matched as published first, then ignoring case and spacing."""
    present = {h: h for h in header}
    loose = {_header_key(h): h for h in header}
    found = {}
    for field, names in COLUMNS.items():
        column = next((present[n] for n in names if n in present), None) or \
            next((loose[_header_key(n)] for n in names if _header_key(n) in loose), None)
        if column is not None:
            found[field] = column
    return found, [f for f in REQUIRED if f not in found]


def computed_frontier(rows: list[tuple[int, str, float | None]], top: int = FRONTIER_TOP) -> set[int]:
    """The rows (by line) that Epoch's definition makes frontier models: fewer than `top`
    models published by the same date used more training compute. Rows without a
    date or a compute figure are never frontier."""
    known = sorted((date, compute, line) for line, date, compute in rows if _date(date) and compute)
    frontier: set[int] = set()
    seen: list[float] = []  # compute of everything published up to the current date, descending
    i = 0
    while i < len(known):
        day = known[i][0]
        group = []
        while i < len(known) and known[i][0] == day:
            group.append(known[i])
            i += 1
        for _, compute, _ in group:
            bisect.insort(seen, -compute)
        for _, compute, line in group:
            if bisect.bisect_left(seen, -compute) < top:  # how many are strictly larger
                frontier.add(line)
    return frontier


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
