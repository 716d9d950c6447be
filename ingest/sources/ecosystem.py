"""Stanford CRFM Ecosystem Graphs (`assets/*.yaml`): models, datasets and
applications with their organizations, dates, access, licenses and dependencies
(a model trained on a dataset, an application built on a model)."""
from __future__ import annotations

import math
import re
import reprlib
from pathlib import Path
from typing import Iterator

from ingest.importing import ImportContext
from ingest.problems import IngestError, Problem
from ingest.records import Origin, merge_records
from ingest.resolve import normalize, slug
from ingest.sources.common import DatasetImporter, display_name, weights_claim
from ingest.sources.registry import Param, importer

DATASET = "source:ecosystem-graphs"
# access -> (weights availability, channel)
ACCESS = {"open": ("open", "channel:download-unspecified"),
          "limited": ("closed", "channel:api-unspecified"),
          "closed": ("closed", "channel:not-released")}
KINDS = {"model": "Model", "dataset": "Dataset", "application": "Application"}
NO_LICENSE = {"", "unknown", "none", "custom", "n/a", "na"}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([KMBT])\b", re.IGNORECASE)
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}


def _value(field):
    """Fields are either plain or {value, explanation}."""
    return field.get("value") if isinstance(field, dict) else field


@importer("ecosystem-graphs", order=30,
          help="Stanford CRFM Ecosystem Graphs: models, datasets, applications and their dependencies.",
          params=[Param("path", "A checkout of stanford-crfm/ecosystem-graphs (or its assets/ folder).")])
class EcosystemGraphsSource(DatasetImporter):
    dataset = {"id": DATASET, "name": "Stanford CRFM Ecosystem Graphs", "publisher": "Stanford CRFM",
               "url": "https://github.com/stanford-crfm/ecosystem-graphs"}

    def __init__(self, path: Path, context: ImportContext):
        super().__init__(path, context)
        self.types: dict[str, str] = {}  # normalized asset name -> label
        self.resolved: dict[str, str] = {}  # normalized asset name -> the entity its record became

    def records(self) -> Iterator:
        assets = list(self._assets())
        self.dataset_records()
        for _, asset in assets:  # first pass: what kind of thing each name is
            self.types[normalize(asset["name"])] = KINDS[asset["type"]]
        for origin, asset in _dependencies_first(assets):
            entity = self._asset(asset, origin)
            if entity:
                self.resolved.setdefault(normalize(str(asset["name"]).strip()), entity)
        yield from merge_records(self.out.records)

    def _files(self) -> list[Path]:
        folder = self.path / "assets" if (self.path / "assets").is_dir() else self.path
        if folder.is_file():
            return [folder]
        files = sorted(folder.glob("*.yaml"))
        if not files:
            raise IngestError([Problem(display_name(self.path), None, None, None, "no assets/*.yaml files found")])
        return files

    def _assets(self) -> Iterator[tuple[Origin, dict]]:
        for _, name, doc in self.yaml_files(self._files()):
            if not isinstance(doc, list):
                self.problems.append(Problem(name, 1, None, None, "an assets file must be a list of assets"))
                continue
            for index, asset in enumerate(doc):
                origin = Origin(name, getattr(asset, "line", None))
                problem = _invalid(asset)
                if problem:
                    record = asset.get("name") if isinstance(asset, dict) and isinstance(asset.get("name"), str) \
                        else None
                    # an item that is no mapping has no line of its own: name its position
                    self.problems.append(Problem(name, origin.line, record, problem[0] or f"[{index}]", problem[1]))
                else:
                    yield origin, asset

    def _asset(self, asset: dict, origin: Origin) -> None:
        name = str(asset["name"]).strip()
        label = KINDS[asset["type"]]
        src = self.out.source(f"source:ecosys/{slug(name)}", f"Ecosystem Graphs: {name}",
                              f"assets/{Path(origin.file).name}, name = {name}", origin, _url(asset.get("url")))
        orgs = [o for o in (self.out.organization(n, src, origin) for n in _names(asset.get("organization"))) if o]
        date = _date(_value(asset.get("created_date")))
        license_id, license_raw = self._license(asset)
        deps = [d for d in (self._dependency(str(n), src, origin) for n in _value(asset.get("dependencies")) or []
                            if isinstance(n, str)) if d]
        fields: dict = {"developers": orgs}
        if label == "Model":
            return self._model(asset, name, orgs, date, license_id, license_raw, deps, src, origin)
        if date:
            fields["date"] = date
        if label == "Dataset" and license_id:
            fields["license"] = license_id
        if label == "Application":
            fields["built_on"] = [i for lab, i in deps if lab == "Model"]
        return self.out.entity(label, name, src, origin, **fields)

    def _model(self, asset, name, orgs, date, license_id, license_raw, deps, src, origin) -> str | None:
        fields: dict = {"developers": orgs}
        parameters = _parameters(asset.get("size"))
        if parameters:
            fields["parameters"] = parameters
        fields["trained_on"] = [i for lab, i in deps if lab == "Dataset"]
        fields["base_models"] = [{"base_model": i, "notes": "an Ecosystem Graphs dependency"}
                                 for lab, i in deps if lab == "Model"]
        model = self.out.entity("Model", name, src, origin, date=date, **fields)
        if not model:
            return None
        self.out.claim(model, "Model", "parameters", parameters, src, origin)
        access = str(_value(asset.get("access")) or "").strip().lower()
        availability, channel = ACCESS.get(access, (None, None))
        release_slug = f"{model.split(':', 1)[1]}/{date}"
        artifacts = ([{"id": f"artifact:{release_slug}/final_weights", "name": f"{name} weights",
                       "artifact_kind": "final_weights", "availability": availability,
                       **({"license": license_id} if license_id else {})}] if availability else [])
        release = self.out.release_for(model, date, src, origin, model_name=name, released_by=orgs,
                                       channels=[channel] if channel else [], artifacts=artifacts,
                                       **({"license": license_id} if license_id else {}))
        if release:
            self.out.claim(release, "Release", "date", date, src, origin)
            weights_claim(self.out, release, availability, access, src, origin)
            self.out.claim(release, "Release", "license", license_id, src, origin, raw=license_raw)
        return model

    def _license(self, asset: dict) -> tuple[str | None, str | None]:
        raw = _value(asset.get("license"))
        text = str(raw or "").strip()
        if text.lower() in NO_LICENSE or len(text) > 60:
            return None, None
        found = self.out.licenses(text)
        return (found[0] if found else None), text

    def _dependency(self, name: str, src: str, origin: Origin) -> tuple[str, str] | None:
        """A dependency becomes an edge only when it is an asset of Ecosystem Graphs too:
        then we know what kind of thing it is, and the edge does not depend on what
        other imports happened to add before this one."""
        label = self.types.get(normalize(name))
        if label is None:
            return None
        # the asset's own record went first (_dependencies_first): the entity it became, whatever
        # name resolution found for it ("LLaMA 2" of 70B parameters is Llama 2 70B)
        entity = self.resolved.get(normalize(name)) or self.out.reference(label, name, src, origin)
        return (label, entity) if entity else None


def _dependencies_first(assets: list[tuple[Origin, dict]]) -> list[tuple[Origin, dict]]:
    """The assets, each after the assets it depends on (in file order otherwise; a cycle is
    broken where it closes)."""
    by_name = {normalize(str(asset["name"])): (origin, asset) for origin, asset in assets}
    ordered: list[tuple[Origin, dict]] = []
    state: dict[int, int] = {}  # id(asset) -> 1 visiting, 2 done
    for item in assets:
        stack = [(item, iter(_value(item[1].get("dependencies")) or []))]
        state[id(item[1])] = state.get(id(item[1]), 0) or 1
        if state[id(item[1])] == 2:
            continue
        while stack:
            current, deps = stack[-1]
            for dep in deps:
                found = by_name.get(normalize(dep)) if isinstance(dep, str) else None
                if found and not state.get(id(found[1])):
                    state[id(found[1])] = 1
                    stack.append((found, iter(_value(found[1].get("dependencies")) or [])))
                    break
            else:
                stack.pop()
                state[id(current[1])] = 2
                ordered.append(current)
    return ordered


def _invalid(asset) -> tuple[str | None, str] | None:
    if not isinstance(asset, dict):
        return None, "an asset must be a mapping"
    if not isinstance(asset.get("name"), str) or not asset["name"].strip():
        return "name", "missing or not text"
    if not isinstance(asset.get("type"), str) or asset["type"] not in KINDS:
        return "type", f"expected one of {', '.join(KINDS)}, got {reprlib.repr(asset.get('type'))}"
    if not isinstance(_value(asset.get("dependencies")) or [], list):  # plain, or {value, explanation}
        return "dependencies", "must be a list of asset names"
    return None


def _names(field) -> list[str]:
    text = str(_value(field) or "")
    return [part.strip() for part in re.split(r",(?![^(]*\))", text) if part.strip() and part.strip() != "unknown"]


def _date(value) -> str | None:
    text = str(value or "").strip()
    match = re.fullmatch(r"(\d{4})(-\d{2})?(-\d{2})?", text)
    return text if match else None


def _url(value) -> str | None:
    text = str(_value(value) or "").strip()
    return text if text.startswith(("http://", "https://")) and " " not in text else None


def _parameters(size) -> int | None:
    match = _SIZE.search(str(_value(size) or ""))
    value = float(match.group(1)) * _SCALE[match.group(2).lower()] if match else math.inf
    return int(value) if value < math.inf else None
