"""What the dataset importers share: resolving names to entities, minting ids
for new ones, attaching a record to a model's release, and stating values as
claims so that disagreeing sources stay side by side.

An importer maps each foreign record onto the curated format and hands it to
`Emitter.emit`, which validates it with the same generated models as curated
data. Existing entities are only filled in (the writer's "fill" policy): a value
already in the graph is never overwritten, the dataset's own value is kept as a
Claim with the dataset record as its source.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Protocol

from ingest.build import build
from ingest.licenses import license_keys
from ingest.problems import Problem
from ingest.records import EdgeRecord, NodeRecord, Origin
from ingest.resolve import ModelFacts, Resolution, Resolver, mint_id, normalize
from ontology.vocab import Vocabulary, vocabulary

# Rules of ingest.resolve.Resolver._by_stem: the name left out a size or version of the model it found.
FAMILY_RULES = ("the model this name means", "a family's name")
RESOLVABLE = ("Organization", "Person", "Model", "Dataset", "Application", "License", "ModelFamily", "Source")


class GraphView(Protocol):
    """What an import reads from the graph before it starts (graph.writer.GraphWriter)."""

    def entity_rows(self, labels: Iterable[str]) -> list[dict]: ...

    def release_rows(self) -> list[dict]: ...

    def artifact_rows(self) -> list[dict]: ...


@dataclass
class ImportContext:
    resolver: Resolver
    releases: dict[str, list[tuple[str, str]]]  # model id -> [(date, release id)]
    artifacts: dict[str, dict[str, str]] = field(default_factory=dict)  # release id -> kind -> artifact id
    vocab: Vocabulary = field(default_factory=vocabulary)
    decisions: list[Resolution] = field(default_factory=list)
    hub_links: list[dict] = field(default_factory=list)  # graph.quality.hub_links: Hub pages cited for models

    @classmethod
    def from_graph(cls, view: GraphView, models: Iterable[dict] = (), parents: Iterable[dict] = ()) -> "ImportContext":
        """What the graph holds: names, releases and artifacts, and (rows of
        graph.quality.model_profiles and organization_parents) each model's developers
        and size, which tell apart models sharing a name."""
        releases: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for row in view.release_rows():
            releases[row["model"]].append((row["date"] or "", row["release"]))
        artifacts: dict[str, dict[str, str]] = defaultdict(dict)
        for row in view.artifact_rows():
            artifacts[row["release"]].setdefault(row["kind"], row["artifact"])
        facts = ModelFacts.from_rows(models, parents)
        facts.releases = releases  # one list of releases, which the import extends
        return cls(Resolver.from_rows(view.entity_rows(RESOLVABLE), facts), releases, artifacts)


class Emitter:
    """Collects the validated records and the problems of one import."""

    def __init__(self, context: ImportContext, dataset_source: str):
        self.context = context
        self.dataset_source = dataset_source
        self.records: list = []
        self.problems: list[Problem] = []
        self._emitted: set[str] = set()

    def emit(self, label: str, data: dict, origin: Origin) -> bool:
        records, problems = build(label, data, origin, self.context.vocab)
        self.problems.extend(problems)
        self.records.extend(records)
        return not problems

    def source(self, source_id: str, name: str, record: str, origin: Origin, url: str | None = None,
               **fields) -> str:
        data = {"id": source_id, "name": name, "source_kind": "dataset", "dataset_record": record,
                "cites": [self.dataset_source], "url": url, **fields}
        self.emit("Source", {k: v for k, v in data.items() if v is not None}, origin)
        return source_id

    def entity(self, label: str, name: str, src: str, origin: Origin, date: str | None = None,
               strict: bool = False, as_family: bool = True, **fields) -> str | None:
        """The id of the entity this name denotes, creating it when none matches.

        The record is emitted either way: for a known entity it only adds the
        spelling as an alias, the source, and properties it does not have yet. A name
        without a letter or digit ("?", "-") names nothing: it could never be found again,
        and each import would mint another entity for it."""
        name = (name or "").strip()
        if not name or not normalize(name, label):
            return None
        resolver = self.context.resolver
        developers = fields.get("developers") or []
        resolution = resolver.resolve(label, name, developers=developers, parameters=fields.get("parameters"),
                                      date=date, flagship=True, strict=strict) if label == "Model" \
            else resolver.resolve(label, name)
        self.context.decisions.append(resolution)
        entity_id = resolution.id or self._spelled_exactly(resolution, name)
        if entity_id is None and label == "Model" and as_family:
            family = self._family(name, developers)
            if family:  # a record about a family none of whose models the graph knows: the family's
                self.records.append(NodeRecord("ModelFamily", family, {"sources": [src]}, origin))
                return None
        if entity_id is None:
            prefix = self.context.vocab.labels[label]
            entity_id = mint_id(prefix, name, resolver.index.has)
        # A family-level name ("BLOOM") found its model ("BLOOM 176B"): not an alias of it.
        spelled = [] if resolution.rule.startswith(FAMILY_RULES) else [name]
        resolver.remember(label, entity_id, name if spelled else resolver.index.names.get(entity_id, name),
                          developers=developers, parameters=fields.get("parameters"))
        data = {"id": entity_id, "name": name, "aliases": spelled, "sources": [src], **fields}
        return entity_id if self.emit(label, data, origin) else None

    def _family(self, name: str, developers: list[str]) -> str | None:
        """The model family this name exactly is, when exactly one has it."""
        index = self.context.resolver.index
        ids = index.keys["ModelFamily"].get(normalize(name, "ModelFamily"), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def _spelled_exactly(self, resolution: Resolution, name: str) -> str | None:
        """Among ambiguous candidates, the one already seen under this exact spelling, so
        that importing again finds what the first import created instead of minting anew."""
        exact = sorted(c.id for c in resolution.candidates
                       if name in self.context.resolver.index.spellings[c.id].values())
        return exact[0] if resolution.rule.startswith("ambiguous") and exact else None

    def licenses(self, text) -> list[str]:
        """The known licenses a license string names: each license of an SPDX expression
        ("Apache-2.0 OR MIT") resolved on its own. Licenses are never minted by an import."""
        found = []
        for key in license_keys(text):
            resolution = self.context.resolver.resolve("License", key)
            self.context.decisions.append(resolution)
            if resolution.id and resolution.id not in found:
                found.append(resolution.id)
        return found

    def reference(self, label: str, name: str, src: str, origin: Origin, **new_fields) -> str | None:
        """An entity another record points to (a developer, a base model, a dependency).

        A known entity is only pointed at: the record is a source of the relationship,
        not of the entity. Only when nothing matches does the reference become the
        first evidence that the entity exists (then `new_fields` describe it)."""
        name = (name or "").strip()
        if not name:
            return None
        resolution = self.context.resolver.resolve(label, name)
        if resolution.id:
            self.context.decisions.append(resolution)
            return resolution.id
        if label == "Model" and self._family(name, []):
            return None  # a family, not a model: nothing to point at (and the record is not the family's)
        return self.entity(label, name, src, origin, as_family=False, **new_fields)

    def organization(self, name: str, src: str, origin: Origin, **new_fields) -> str | None:
        """An organization a record names. The dataset as a whole (not each record) is a
        source of a known organization: it knows it, under this spelling."""
        org = self.reference("Organization", name, src, origin, **new_fields)
        if org:
            self.records.append(NodeRecord("Organization", org, {
                "sources": [self.dataset_source], "aliases": [name.strip()]}, origin))
        return org

    def claim(self, subject: str, subject_label: str, field_name: str, value, src: str, origin: Origin,
              raw: str | None = None) -> None:
        """A value the dataset record states for a field of an entity."""
        if value in (None, ""):
            return
        record = src.split(":", 1)[1]
        data = {"id": f"claim:{record}/{subject.split(':', 1)[1]}/{field_name}",
                "name": f"{field_name} of {subject}", "subject": subject, "field_name": field_name,
                "value": str(value), "sources": [src]}
        if raw is not None and str(raw) != str(value):
            data["raw_value"] = str(raw)
        self.emit("Claim", data, origin)

    def release_for(self, model_id: str, date: str | None, src: str, origin: Origin,
                    latest: bool = False, **fields) -> str | None:
        """The model's first release (or latest, for a record describing the model as it
        stands now) when the graph knows one: only the source is added to it. Otherwise
        a new release from this record, dated by it."""
        known = sorted(self.context.releases.get(model_id, []))
        if known:
            release_id = known[-1 if latest else 0][1]
            self.records.append(NodeRecord("Release", release_id, {"sources": [src]}, origin))
            return release_id
        if not date:
            return None
        release_id = f"release:{model_id.split(':', 1)[1]}/{date}"
        data = {"id": release_id, "name": f"{fields.pop('model_name', model_id)} release", "model": model_id,
                "date": date, "sources": [src], **fields}
        if not self.emit("Release", data, origin):
            return None
        self.context.releases[model_id].append((date, release_id))
        return release_id

    def ship(self, release_id: str, artifacts: list[dict], src: str, origin: Origin) -> None:
        """Artifacts a record says a release shipped. A kind the release already has is
        the same artifact: it gains the source, and a differing license becomes a claim."""
        known = self.context.artifacts.setdefault(release_id, {})
        for artifact in artifacts:
            existing = known.get(artifact["artifact_kind"])
            if existing and existing != artifact["id"]:
                self.records.append(NodeRecord("Artifact", existing, {"sources": [src]}, origin))
                self.claim(existing, "Artifact", "license", artifact.get("license"), src, origin)
                continue
            if self.emit("Artifact", {**artifact, "sources": [src]}, origin):
                known[artifact["artifact_kind"]] = artifact["id"]
                self.records.append(EdgeRecord("SHIPPED", "Release", release_id, artifact["id"], origin,
                                               "artifacts", frozenset({"Artifact"}), props={"sources": [src]}))
