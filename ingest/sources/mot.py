"""LF AI & Data Model Openness Tool model files (`models/*.yml`): one release
each, with its Model Openness Framework components and the license of each."""
from __future__ import annotations

import re
import reprlib
from pathlib import Path
from typing import Iterator

from ingest.licenses import license_keys
from ingest.problems import IngestError, Problem
from ingest.records import Origin, merge_records
from ingest.resolve import normalize, slug
from ingest.sources.common import DatasetImporter, display_name, weights_claim
from ingest.sources.registry import Param, importer

DATASET = "source:model-openness-tool"
# MOT lists withheld components too, marked with one of these instead of a license.
WITHHELD = {"", "unlicensed", "proprietary", "pending evaluation", "none", "undisclosed"}
# MOF component -> (artifact kind, which release-level license it inherits)
COMPONENTS = {
    "Model architecture": ("model_architecture", "code"),
    "Data preprocessing code": ("data_preprocessing_code", "code"),
    "Training code": ("training_code", "code"),
    "Inference code": ("inference_code", "code"),
    "Evaluation code": ("evaluation_code", "code"),
    "Supporting libraries and tools": ("supporting_tools", "code"),
    "Model parameters (Final)": ("final_weights", "distribution"),
    "Model parameters (Intermediate)": ("intermediate_weights", "distribution"),
    "Datasets": ("training_data", "data"),
    "Evaluation data": ("evaluation_data", "data"),
    "Model metadata": ("model_metadata", "distribution"),
    "Sample model outputs": ("sample_outputs", "distribution"),
    "Model card": ("model_card", "document"),
    "Data card": ("data_card", "document"),
    "Technical report": ("technical_report", "document"),
    "Research paper": ("research_paper", "document"),
    "Evaluation results": ("evaluation_results", "document"),
}


def model_files(path: Path) -> list[Path]:
    folder = path / "models" if (path / "models").is_dir() else path
    if folder.is_file():
        return [folder]
    files = sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])
    if not files:
        raise IngestError([Problem(display_name(path), None, None, None, "no MOT model files (*.yml) found")])
    return files


def release_of(doc, name: str) -> tuple[dict | None, Problem | None]:
    """The `release` mapping of a MOT file, or the problem that stops reading it."""
    release = doc.get("release") if isinstance(doc, dict) else None
    if not isinstance(release, dict):
        return None, Problem(name, 1, None, "release", "a MOT model file needs a `release` mapping")
    if not isinstance(release.get("name"), str) or not release["name"].strip():
        return None, Problem(name, release.line, None, "release.name", "missing or not text")
    components = release.get("components")
    if components is not None and not isinstance(components, list):
        return None, Problem(name, release.line_of("components"), release["name"], "release.components",
                             "must be a list")
    for item in components or []:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or item["name"] not in COMPONENTS:
            shown = item.get("name") if isinstance(item, dict) else item
            return None, Problem(name, getattr(item, "line", release.line), release["name"],
                                 "release.components.name", f"unknown MOF component {reprlib.repr(shown)}")
    licenses = release.get("license")
    if licenses not in (None, "", []) and not isinstance(licenses, dict):
        return None, Problem(name, release.line_of("license"), release["name"], "release.license",
                             "must be a mapping of distribution, code, data and document licenses")
    return release, None


@importer("mot", order=40,
          help="LF AI & Data Model Openness Tool model files: MOF components and their licenses.",
          params=[Param("path", "A checkout of lfai/model_openness_tool (or its models/ folder).")])
class MotSource(DatasetImporter):
    dataset = {"id": DATASET, "name": "LF AI & Data Model Openness Tool", "publisher": "LF AI & Data",
               "url": "https://github.com/lfai/model_openness_tool"}

    def records(self) -> Iterator:
        self.dataset_records()
        releases = []
        for path, name, doc in self.yaml_files(model_files(self.path)):
            release, problem = release_of(doc, name)
            if problem:
                self.problems.append(problem)
                continue
            releases.append((release, path, Origin(name, release.line)))
        self.names = {normalize(release["name"]) for release, _, _ in releases}  # what an `origin` may name
        self.resolved: dict[str, str] = {}  # normalized release name -> the model its record became
        by_name = {normalize(item[0]["name"]): item for item in releases}
        done: set[int] = set()
        for item in releases:  # a release whose origin is another MOT record goes after it
            chain = [item]
            while True:
                base = by_name.get(normalize(str(chain[-1][0].get("origin") or "")))
                if base is None or base in chain or id(base[0]) in done:
                    break
                chain.append(base)
            for release, path, origin in reversed(chain):
                if id(release) in done:
                    continue
                done.add(id(release))
                model = self._release(release, path, origin)
                if model:
                    self.resolved.setdefault(normalize(release["name"]), model)
        yield from merge_records(self.out.records)

    def _origin(self, text: str, src: str, origin: Origin) -> str | None:
        """The model a release's `origin` names. It is free text in MOT ("GPT-3, some differences",
        a license such as "Apache-2.0", "Other License"): only a model the graph knows or another
        MOT record is a base model; anything else names nothing."""
        resolver = self.out.context.resolver
        if not text or re.search(r"[,;:()]", text) or \
                any(resolver.resolve("License", k).id for k in license_keys(text)):
            return None
        if normalize(text) in self.resolved:
            return self.resolved[normalize(text)]
        if normalize(text) in self.names:
            return self.out.reference("Model", text, src, origin)
        resolution = resolver.resolve("Model", text)
        if resolution.id:
            self.out.context.decisions.append(resolution)
        return resolution.id

    def _release(self, release: dict, path: Path, origin: Origin) -> str | None:
        name = release["name"].strip()
        url = next((str(u).strip() for u in (release.get("huggingface"), release.get("repository"))
                    if str(u or "").strip().startswith(("http://", "https://"))), None)  # not "org/model"
        src = self.out.source(f"source:mot/{slug(path.stem)}", f"Model Openness Tool: {name}",
                              f"models/{path.name}", origin, url)
        org = self.out.organization(str(release.get("producer") or ""), src, origin)
        orgs = [org] if org else []
        fields: dict = {"developers": orgs}
        base = str(release.get("origin") or "").strip()
        base_id = self._origin(base, src, origin) if normalize(base) != normalize(name) else None
        model = self.out.entity("Model", name, src, origin, **fields)
        if not model:
            return None
        if base_id and base_id != model:
            self.out.emit("Model", {"id": model, "name": name, "sources": [src],
                                    "base_models": [{"base_model": base_id}]}, origin)
        licenses = {kind: self._license((release.get("license") or {}).get(kind))
                    for kind in ("distribution", "code", "data", "document")}
        artifacts = self._artifacts(release, model, licenses)
        date = str(release.get("date") or "").strip()[:10] or None
        has_weights = any(a["artifact_kind"] == "final_weights" and a["availability"] == "open" for a in artifacts)
        # MOT's date is often when the record was entered, not the release date.
        release_id = self.out.release_for(
            model, date, src, origin, latest=True, model_name=name, released_by=orgs,
            channels=["channel:download-unspecified"] if has_weights else [],
            confidence="low", notes="Created from a Model Openness Tool record; its date may be the record's, "
                                    "not the release's.",
            **({"license": licenses["distribution"][0]} if licenses["distribution"][0] else {}))
        if release_id:
            self.out.ship(release_id, artifacts, src, origin)
            weights_claim(self.out, release_id, "open" if has_weights else "closed",
                          "final parameters listed with a license" if has_weights
                          else "final parameters not listed with a license", src, origin)
            self.out.claim(release_id, "Release", "license", licenses["distribution"][0], src, origin,
                           raw=licenses["distribution"][1])
        return model

    def _license(self, entry) -> tuple[str | None, str | None]:
        text = str((entry or {}).get("name") if isinstance(entry, dict) else entry or "").strip()
        if text.lower() in WITHHELD:
            return None, text or None
        found = self.out.licenses(text)
        return (found[0] if found else None), text

    def _artifacts(self, release: dict, model: str, licenses: dict) -> list[dict]:
        artifacts = []
        for item in release.get("components") or []:
            kind, inherits = COMPONENTS[item["name"]]
            own = self._license(item.get("license")) if item.get("license") else licenses[inherits]
            released = (own[1] or "").lower() not in WITHHELD
            artifact = {"id": f"artifact:{model.split(':', 1)[1]}/mot/{kind}",
                        "name": f"{release['name']} {item['name'].lower()}",
                        "artifact_kind": kind, "availability": "open" if released else "closed"}
            if own[0]:
                artifact["license"] = own[0]
            if str(item.get("component_path") or "").startswith(("http://", "https://")):
                artifact["url"] = item["component_path"]
            artifacts.append(artifact)
        return artifacts
