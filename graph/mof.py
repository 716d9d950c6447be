"""Model Openness Framework (MOF) classes and progress, as the MOT computes them.

The MOF (arXiv 2403.13784) ranks a model release in three cumulative classes:
Class III (Open Model) < Class II (Open Tooling) < Class I (Open Science). A
class is met when every component it requires (its own and those of the lower
classes) is released under an open license. The LF AI & Data Model Openness Tool
(MOT, lfai/model_openness_tool, ``ModelEvaluator``) is the reference
implementation; this module reproduces its arithmetic, including the places
where the tool is stricter or looser than the paper. See docs/mof.md.

Pure functions: no database, no network. The license lists live in
``mof_licenses.json`` next to this file.
"""
from __future__ import annotations

import json
import reprlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from ontology.errors import InputError

LICENSES_FILE = Path(__file__).with_name("mof_licenses.json")
LICENSE_TYPES = ("distribution", "code", "data", "document")
UNLICENSED = "unlicensed"  # the MOT file format's word for "included, no license"

LABELS = {
    0: "Unclassified",
    1: "Class I - Open Science Model",
    2: "Class II - Open Tooling Model",
    3: "Class III - Open Model",
}


@dataclass(frozen=True)
class Component:
    name: str
    tool_id: int        # id in the MOT's mof.settings.yml
    content_type: str   # code | data | document: picks the global license to inherit
    mof_class: int      # the class that introduces the component
    required: bool      # False: listed by the MOF but never needed for a class


# In the MOT's weight order: the evaluator walks components in this order, and
# one of its tests depends on positions (see _truthy_position).
COMPONENTS: tuple[Component, ...] = (
    Component("Model architecture", 9, "code", 3, True),
    Component("Data preprocessing code", 16, "code", 1, True),
    Component("Training code", 7, "code", 2, True),
    Component("Inference code", 8, "code", 2, True),
    Component("Evaluation code", 18, "code", 2, True),
    Component("Supporting libraries and tools", 22, "code", 2, False),
    Component("Model parameters (Final)", 10, "data", 3, True),
    Component("Model parameters (Intermediate)", 24, "data", 1, True),
    Component("Datasets", 15, "data", 1, True),
    Component("Evaluation data", 19, "data", 2, True),
    Component("Model metadata", 17, "data", 1, False),
    Component("Sample model outputs", 20, "document", 3, False),
    Component("Model card", 13, "document", 3, True),
    Component("Data card", 14, "document", 3, True),
    Component("Technical report", 11, "document", 3, True),
    Component("Research paper", 21, "document", 1, True),
    Component("Evaluation results", 12, "document", 3, True),
)
BY_NAME = {c.name: c for c in COMPONENTS}
TECH_REPORT = "Technical report"
RESEARCH_PAPER = "Research paper"


def required_for(cls: int) -> list[str]:
    """Components a class requires: those of Class III, then II, then I down to ``cls``
    (the order the MOT concatenates them in)."""
    return [c.name for level in (3, 2, 1) if level >= cls
            for c in COMPONENTS if c.required and c.mof_class == level]


# Component → the classes that require it (classes are cumulative, so a
# Class III component is required by Classes III, II and I). Optional → [].
COMPONENT_CLASSES: dict[str, list[int]] = {
    c.name: [k for k in (1, 2, 3) if c.required and c.mof_class >= k] for c in COMPONENTS
}
# Number of required components introduced by each class (6, 4, 4).
CLASS_SIZES = {k: sum(1 for c in COMPONENTS if c.required and c.mof_class == k) for k in (1, 2, 3)}


@lru_cache(maxsize=1)
def license_lists() -> dict[str, Any]:
    return json.loads(LICENSES_FILE.read_text(encoding="utf-8"))


def is_open(license_id: str | None) -> bool:
    """The MOT's test: OSI-approved, FSF-libre or on its open-data list.

    Exact, case-sensitive SPDX ids, as the tool compares them ("Apache 2.0" is
    not "Apache-2.0")."""
    return license_id is not None and license_id in license_lists()["open"]


def is_type_appropriate(license_id: str, content_type: str) -> bool:
    return license_id in license_lists()["type_appropriate"].get(content_type, ())


# ---------------------------------------------------------------- parsing


def _global_licenses(release: dict) -> dict[str, str]:
    """release.license → {type: name} for the non-empty names."""
    if "license" not in release:
        raise InputError("release.license: missing (required by the MOF schema)")
    section = release["license"]
    if section is None or section == []:  # [] is how the MOT's JSON API writes "none"
        return {}
    if not isinstance(section, dict):
        raise InputError(f"release.license: expected a mapping, got {type(section).__name__}")
    out: dict[str, str] = {}
    for key, entry in section.items():
        if entry is None:
            continue
        if not isinstance(entry, dict):
            raise InputError(f"release.license.{key}: expected a mapping with name/path")
        name = entry.get("name")
        if name is not None and not isinstance(name, str):
            raise InputError(f"release.license.{key}.name: expected a string, got {type(name).__name__}")
        if name:  # the tool skips empty names and falls back to distribution
            out[str(key)] = name
    return out


def _component_entries(release: dict) -> dict[str, dict]:
    """release.components → {MOF name: entry}; a repeated name merges, as the tool does."""
    if "components" not in release:
        raise InputError("release.components: missing (required by the MOF schema)")
    entries = release["components"]
    if entries is None:
        return {}
    if not isinstance(entries, list):
        raise InputError(f"release.components: expected a list, got {type(entries).__name__}")
    out: dict[str, dict] = {}
    for i, entry in enumerate(entries):
        where = f"release.components[{i}]"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: expected a mapping, got {type(entry).__name__}")
        name = entry.get("name")
        if not isinstance(name, str) or name not in BY_NAME:
            raise InputError(f"{where}.name: {reprlib.repr(name)} is not a MOF component name")
        lic = entry.get("license")
        if lic is not None and not isinstance(lic, str):
            raise InputError(f"{where}.license: expected a string, got {type(lic).__name__}")
        merged = out.setdefault(name, {"name": name})
        if lic is not None:  # a null license means "inherit", like an absent one
            merged["license"] = lic
    return out


def _resolve(component: Component, entry: dict, globals_: dict[str, str]) -> tuple[str | None, str | None]:
    """Effective license and where it came from (MOT ModelEvaluator::resolveLicense)."""
    if "license" in entry:
        lic = entry["license"]
        # "unlicensed" and "" both mean: included without a license; no inheritance.
        return (None if lic in ("", UNLICENSED) else lic), "component"
    for key in (component.content_type, "distribution"):
        if key in globals_:
            return globals_[key], f"global:{key}"
    return None, None


def _reason(component: Component, license_id: str | None, source: str | None) -> str:
    if license_id is None:
        return "no license given" if source is None else "marked unlicensed"
    if not is_open(license_id):
        return f"{license_id!r} is not OSI-approved, FSF-libre or on the MOT open-data list"
    why = "open license"
    if not is_type_appropriate(license_id, component.content_type):
        why += f" (not a type-appropriate {component.content_type} license: the MOT warns but counts it)"
    return why


def _component_rows(entries: dict[str, dict], globals_: dict[str, str]) -> list[dict]:
    rows = []
    for comp in COMPONENTS:
        if comp.name not in entries:
            continue
        lic, source = _resolve(comp, entries[comp.name], globals_)
        rows.append({
            "name": entries[comp.name]["name"],
            "kind": comp.name,
            "class": COMPONENT_CLASSES[comp.name],
            "license": lic,
            "license_source": source,
            "open": is_open(lic),
            "reason": _reason(comp, lic, source),
        })
    return rows


# ------------------------------------------------------------- evaluation


def _truthy_position(name: str, names: list[str]) -> bool:
    """PHP ``array_search(...)`` used as a boolean: position 0 counts as absent.

    The MOT tests "is the technical report included?" this way, so a report
    that is the first included Class III component is treated as missing."""
    return name in names and names.index(name) > 0


def _included(cls: int, open_names: set[str], present: set[str]) -> list[str]:
    """Required components of ``cls`` that count, in the tool's order.

    The technical report MAY be replaced by a research paper (MOF): for
    Classes III and II the tool counts an open research paper in place of a
    technical report it does not see as included."""
    included = [n for n in required_for(cls) if n in open_names]
    if cls in (2, 3) and RESEARCH_PAPER in present and RESEARCH_PAPER in open_names:
        class3 = [n for n in required_for(3) if n in open_names]
        if not _truthy_position(TECH_REPORT, class3):
            included.append(RESEARCH_PAPER)
    return included


def _progress(cls: int, included: dict[int, list[str]]) -> float:
    """Percentage of ``cls`` met; 0 while a lower class is not fully met."""
    total = 0
    for level in range(3, cls - 1, -1):
        total += CLASS_SIZES[level]
        if len(included[level]) < total and level > cls:
            return 0.0  # the classes are cumulative: no credit above an unmet class
    names = included[cls]
    if cls == 1 and not _truthy_position(TECH_REPORT, names) and _truthy_position(RESEARCH_PAPER, names):
        total -= 1  # report omitted, paper given: Class I needs one component fewer
    return min(100.0, len(names) / total * 100)


def evaluate(release: dict) -> dict:
    """Classify one MOT ``release`` mapping: class, label, progress per class, components."""
    if not isinstance(release, dict):
        raise InputError(f"release: expected a mapping, got {type(release).__name__}")
    globals_ = _global_licenses(release)
    entries = _component_entries(release)
    rows = _component_rows(entries, globals_)
    open_names = {r["kind"] for r in rows if r["open"]}
    present = set(entries)
    included = {k: _included(k, open_names, present) for k in (1, 2, 3)}
    progress = {str(k): _progress(k, included) for k in (1, 2, 3)}
    met = [k for k in (1, 2, 3) if progress[str(k)] == 100.0]
    cls = min(met) if met else 0
    return {"class": cls, "label": LABELS[cls], "progress": progress, "components": rows}


def load_release(path: str | Path) -> dict:
    """Read a MOT model file and return its ``release`` mapping."""
    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from exc
    except RecursionError as exc:
        raise InputError(f"{path}: not valid YAML: nested too deeply") from exc
    if not isinstance(doc, dict) or "release" not in doc:
        raise InputError(f"{path}: release: missing top-level 'release' mapping")
    return doc["release"]


def evaluate_file(path: str | Path) -> dict:
    """Classify a MOT model YAML file; a malformed file raises ValueError naming file and field."""
    release = load_release(path)
    try:
        return evaluate(release)
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from exc
