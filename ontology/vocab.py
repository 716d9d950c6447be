"""The graph vocabulary, derived from ontology/aikg.yaml at run time.

Node labels, relationship types, id prefixes and which slot becomes which
relationship all come from the schema, so the writer and the query layer only
ever use names from this allow-list (they are interpolated into Cypher, which
cannot take labels as parameters).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

SCHEMA_PATH = Path(__file__).parent / "aikg.yaml"
# Node `model:muse-spark` is <https://w3id.org/aikg/id/model/muse-spark> in RDF (matches the schema's id prefixes).
ID_BASE = "https://w3id.org/aikg/id/"
# owl:sameAs targets the RDF export derives from wikidata_id and spdx_id
WIKIDATA = "http://www.wikidata.org/entity/"
SPDX_LICENSES = "http://spdx.org/licenses/"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class SlotSpec:
    """How one slot of a class maps onto the graph."""

    name: str
    range: str
    multivalued: bool
    required: bool
    # "property": stored on the node; "reference": an id -> relationship (without
    # an edge annotation, e.g. `sources`, the ids stay a node property);
    # "inlined": a nested identified record -> its own node + relationship;
    # "association": a nested record without identity -> relationship with properties.
    mode: str
    edge: str | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class Association:
    """An association class: a relationship that carries properties."""

    name: str
    edge: str
    target_slot: str
    key_slots: tuple[str, ...]


@dataclass
class Vocabulary:
    labels: dict[str, str] = field(default_factory=dict)  # label -> id prefix
    sections: dict[str, str] = field(default_factory=dict)  # section -> label
    slots: dict[str, dict[str, SlotSpec]] = field(default_factory=dict)  # class -> slots
    associations: dict[str, Association] = field(default_factory=dict)
    abstract: dict[str, set[str]] = field(default_factory=dict)  # abstract class -> labels
    enums: dict[str, list[str]] = field(default_factory=dict)
    mof_components: dict[str, str] = field(default_factory=dict)  # artifact kind -> MOF component name
    class_iris: dict[str, str] = field(default_factory=dict)  # class -> IRI (its class_uri)
    slot_iris: dict[str, str] = field(default_factory=dict)  # slot -> IRI (its slot_uri, else default prefix)
    slot_ranges: dict[str, str] = field(default_factory=dict)  # slot -> range
    enum_iris: dict[str, dict[str, str]] = field(default_factory=dict)  # enum -> value -> meaning IRI
    ancestors: dict[str, list[str]] = field(default_factory=dict)  # label -> its is_a chain above it

    @property
    def prefixes(self) -> dict[str, str]:
        return {prefix: label for label, prefix in self.labels.items()}

    @property
    def relationship_types(self) -> set[str]:
        return {s.edge for spec in self.slots.values() for s in spec.values() if s.edge}

    def label_of(self, node_id: str) -> str | None:
        """The label an id's prefix names, or None."""
        prefix, _, rest = node_id.partition(":")
        return self.prefixes.get(prefix) if rest else None

    def labels_for_range(self, range_name: str) -> set[str]:
        """Concrete labels a reference of this range may point to."""
        if range_name in self.labels:
            return {range_name}
        return set(self.abstract.get(range_name, set()))

    def check_label(self, label: str) -> str:
        if label not in self.labels:
            raise ValueError(f"unknown node label {label!r}")
        return label

    def check_type(self, rel_type: str) -> str:
        if rel_type not in self.relationship_types:
            raise ValueError(f"unknown relationship type {rel_type!r}")
        return rel_type


def _annotation(spec: dict, key: str) -> str | None:
    value = (spec.get("annotations") or {}).get(key)
    if isinstance(value, dict):
        value = value.get("value")
    return value


def _ancestors(classes: dict, name: str) -> list[str]:
    chain = []
    while name:
        chain.append(name)
        name = classes[name].get("is_a")
    return chain


def _class_slots(classes: dict, name: str) -> list[tuple[str, dict]]:
    """Slot names with their per-class overrides, inherited slots first."""
    out: dict[str, dict] = {}
    for cls in reversed(_ancestors(classes, name)):
        for slot in classes[cls].get("slots") or []:
            out.setdefault(slot, {})
        for slot, usage in (classes[cls].get("slot_usage") or {}).items():
            out.setdefault(slot, {}).update(usage or {})
    return list(out.items())


def _slot_spec(schema: dict, slot: str, usage: dict, identified: set[str], assocs: dict) -> SlotSpec:
    base = dict(schema["slots"][slot] or {})
    base.update(usage)
    rng = base.get("range", "string")
    edge = _annotation(base, "edge")
    if rng in assocs:
        mode, edge = "association", assocs[rng]
    elif rng in schema["classes"]:
        mode = "inlined" if base.get("inlined_as_list") and rng in identified else "reference"
    else:
        mode = "property"
    return SlotSpec(
        name=slot,
        range=rng,
        multivalued=bool(base.get("multivalued")),
        required=bool(base.get("required")),
        mode=mode,
        edge=edge,
        pattern=base.get("pattern"),
    )


def build(schema: dict) -> Vocabulary:
    classes = schema["classes"]
    vocab = Vocabulary(enums={k: list(v["permissible_values"]) for k, v in schema["enums"].items()})
    vocab.mof_components = {kind: value["title"] for kind, value in
                            schema["enums"]["ArtifactKind"]["permissible_values"].items() if value.get("title")}
    _add_iris(vocab, schema)
    assocs = {n: _annotation(c, "association") for n, c in classes.items() if _annotation(c, "association")}
    identified = {n for n in classes if "Thing" in _ancestors(classes, n)}
    for name, cls in classes.items():
        if name in assocs:
            key = _annotation(cls, "key_slots")
            vocab.associations[name] = Association(
                name, _annotation(cls, "association"), _annotation(cls, "target_slot"),
                tuple(key.split()) if key else (),
            )
        elif not cls.get("abstract"):
            vocab.labels[name] = cls["id_prefixes"][0]
            vocab.sections[_annotation(cls, "section")] = name
            vocab.ancestors[name] = _ancestors(classes, name)[1:]
            for ancestor in _ancestors(classes, name)[1:]:
                vocab.abstract.setdefault(ancestor, set()).add(name)
        if name in vocab.labels or name in assocs:
            vocab.slots[name] = {
                slot: _slot_spec(schema, slot, usage, identified, assocs)
                for slot, usage in _class_slots(classes, name)
            }
    for assoc in vocab.associations.values():
        target = vocab.slots[assoc.name][assoc.target_slot]
        vocab.slots[assoc.name][assoc.target_slot] = SlotSpec(
            target.name, target.range, False, True, "reference", None, target.pattern
        )
    _check_names(vocab)
    return vocab


def _expander(schema: dict):
    prefixes = schema["prefixes"]
    default = prefixes[schema["default_prefix"]]

    def expand(curie: str | None, local: str) -> str:
        if not curie:
            return default + local
        prefix, _, rest = curie.partition(":")
        return prefixes[prefix] + rest if prefix in prefixes else curie
    return expand


def _add_iris(vocab: Vocabulary, schema: dict) -> None:
    """IRIs of classes, slots and enum values, as the generated OWL and SHACL use them."""
    expand = _expander(schema)
    for name, cls in schema["classes"].items():
        vocab.class_iris[name] = expand(cls.get("class_uri"), name)
    for name, slot in schema["slots"].items():
        vocab.slot_iris[name] = expand((slot or {}).get("slot_uri"), name)
        vocab.slot_ranges[name] = (slot or {}).get("range", schema.get("default_range", "string"))
    for name, enum in schema["enums"].items():
        vocab.enum_iris[name] = {value: expand(spec["meaning"], value)
                                 for value, spec in enum["permissible_values"].items()
                                 if spec and spec.get("meaning")}


def _check_names(vocab: Vocabulary) -> None:
    # ArcadeDB keeps labels and relationship types in one namespace.
    types = vocab.relationship_types
    clash = types & set(vocab.labels)
    if clash:
        raise ValueError(f"labels and relationship types must be disjoint: {sorted(clash)}")
    bad = [n for n in list(types) + list(vocab.labels) if not _NAME.match(n)]
    if bad:
        raise ValueError(f"invalid graph names in schema: {bad}")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary of the packaged schema (parsed once)."""
    with SCHEMA_PATH.open(encoding="utf-8") as handle:
        return build(yaml.safe_load(handle))
