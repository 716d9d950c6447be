"""aikg's own RDF export read back (`aikg import rdf FILE`): the inverse of graph/rdf.py.

TriG keeps each relationship's sources (the named graphs that hold it), so a TriG
round trip reproduces the graph exactly; from Turtle, N-Triples or JSON-LD a
relationship takes the sources of the node stating it. RDF has no list order:
list properties come back as sets in a stable order.
"""
from __future__ import annotations

import reprlib
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from rdflib import RDF, BNode, Dataset, Graph, Literal
from rdflib.util import guess_format

from ingest.problems import Problem
from ingest.records import EdgeRecord, NodeRecord, Origin
from ingest.sources.common import display_name
from ingest.sources.registry import Param, importer
from ontology.vocab import ID_BASE, SPDX_LICENSES, WIKIDATA, Vocabulary, vocabulary

# Python types of the slot ranges that are not text (text, dates, URLs and enums stay text).
_TYPES = {"integer": int, "float": float, "boolean": bool}
_TYPE_NAMES = {int: "an integer", float: "a number", bool: "true or false"}


def _typed(value, wanted: type):
    """A literal's value as an int, float or bool, or None when it is not one."""
    if isinstance(value, bool) or wanted is bool:
        return value if isinstance(value, bool) and wanted is bool else None
    if not isinstance(value, (int, float, Decimal)):
        return None  # an ill-typed literal ("abc"^^xsd:integer), a date, bytes, …
    try:
        if wanted is float:
            return float(value)
        return int(value) if value == int(value) else None
    except (OverflowError, ValueError):  # float(10**400), int(inf), int(nan)
        return None


def node_id(term) -> str | None:
    text = str(term)
    if not text.startswith(ID_BASE):
        return None
    prefix, _, rest = text[len(ID_BASE):].partition("/")
    return f"{prefix}:{rest}" if rest else None


# The context of an RDF import only counts its resolutions: the export is the graph as it was.
@importer("rdf", order=50,
          help="aikg's own RDF export, read back (into an empty store it reproduces the graph).",
          params=[Param("path", "An aikg RDF export (TriG keeps every relationship's sources).")],
          build=lambda path, env: RdfSource(path), reads=())
class RdfSource:
    policy = "replace"  # an aikg export is the graph as it was

    def __init__(self, path: Path, vocab: Vocabulary | None = None):
        self.path = Path(path)
        self.file = display_name(self.path)
        self.vocab = vocab or vocabulary()
        self.problems: list[Problem] = []
        self.labels = {iri: label for label, iri in self.vocab.class_iris.items() if label in self.vocab.labels}
        self.assoc_classes = {self.vocab.class_iris[a]: a for a in self.vocab.associations}
        self.enum_values = {iri: value for values in self.vocab.enum_iris.values() for value, iri in values.items()}

    def _load(self) -> tuple[Graph, dict]:
        fmt = "json-ld" if self.path.suffix in (".jsonld", ".json") else guess_format(str(self.path)) or "turtle"
        graphs: dict[tuple, set[str]] = defaultdict(set)
        if fmt == "trig":
            data = Dataset()
            data.parse(self.path, format="trig")
            merged = Graph()
            for s, p, o, g in data.quads():
                merged.add((s, p, o))
                source = node_id(g) if g is not None else None
                if source:
                    graphs[(s, p, o)].add(source)
            return merged, graphs
        return Graph().parse(self.path, format=fmt), graphs

    def records(self) -> Iterator:
        try:
            graph, graphs = self._load()
        except Exception as exc:  # rdflib raises many parser exception types
            self.problems.append(Problem(self.file, None, None, None, f"cannot parse RDF: {exc}"))
            return
        for subject in sorted(set(graph.subjects(RDF.type, None)), key=str):
            label = self._label(graph, subject)
            if label and node_id(subject):
                yield from self._node(graph, graphs, subject, label)

    def _label(self, graph: Graph, subject) -> str | None:
        found = [self.labels[str(t)] for t in graph.objects(subject, RDF.type) if str(t) in self.labels]
        # the most specific class: an ancestor (Thing, Agent) is never a label
        return found[0] if len(found) == 1 else next((f for f in found if f not in ("Thing", "Agent")), None)

    def _value(self, slot: str, term, record: str | None = None, field: str | None = None):
        """A literal as the slot's type (the lexical form for text, dates and URLs: never a
        date, duration, decimal, bytes or XML object the graph cannot hold); None, with a
        problem, when it cannot be one."""
        if isinstance(term, BNode):  # its label changes with every parse: importing again would differ
            self.problems.append(Problem(self.file, None, record, field or slot, "a blank node, not a value"))
            return None
        if not isinstance(term, Literal):
            return self.enum_values.get(str(term)) or node_id(term) or str(term)
        wanted = _TYPES.get(self.vocab.slot_ranges.get(slot, "string"))
        if wanted is None:
            return str(term)
        value = _typed(term.toPython(), wanted)
        if value is not None:
            return value
        self.problems.append(Problem(self.file, None, record, field or slot,
                                     f"expected {_TYPE_NAMES[wanted]}, got {reprlib.repr(str(term))}"))
        return None

    def _node(self, graph: Graph, graphs: dict, subject, label: str) -> Iterator:
        slots = self.vocab.slots[label]
        by_iri = {self.vocab.slot_iris[name]: spec for name, spec in slots.items()}
        props: dict = {}
        edges = []
        origin = Origin(self.file)
        own_id = node_id(subject)
        for predicate, obj in graph.predicate_objects(subject):
            spec = by_iri.get(str(predicate))
            if spec is None or predicate == RDF.type:
                continue
            if spec.edge:
                edges.append((spec, obj, graphs.get((subject, predicate, obj), set())))
            elif (value := self._value(spec.name, obj, own_id)) is not None:
                props.setdefault(spec.name, []).append(value)
        props = {k: (sorted(v, key=str) if slots[k].multivalued else v[0]) for k, v in props.items()}
        props["same_as"] = [s for s in props.get("same_as", []) if s not in self._derived(label, props)]
        if not props["same_as"]:
            del props["same_as"]
        yield NodeRecord(label, own_id, props, origin)
        for spec, obj, sources in edges:
            yield self._edge(graph, label, own_id, spec, obj, sorted(sources) or props.get("sources", []), origin)

    @staticmethod
    def _derived(label: str, props: dict) -> set[str]:
        derived = {WIKIDATA + props["wikidata_id"]} if props.get("wikidata_id") else set()
        if label == "License" and props.get("spdx_id"):
            derived.add(SPDX_LICENSES + props["spdx_id"])
        return derived

    def _edge(self, graph: Graph, label: str, start: str, spec, obj, sources: list, origin: Origin) -> EdgeRecord:
        if spec.mode != "association":
            return EdgeRecord(spec.edge, label, start, node_id(obj) or str(obj), origin, spec.name,
                              frozenset(self.vocab.labels_for_range(spec.range)), props={"sources": sources})
        assoc = self.vocab.associations[spec.range]
        slots = self.vocab.slots[assoc.name]
        by_iri = {self.vocab.slot_iris[name]: name for name in slots}
        values: dict = {}
        for predicate, value in graph.predicate_objects(obj):
            name = by_iri.get(str(predicate))
            if name and (value := self._value(name, value, start, f"{spec.name}.{name}")) is not None:
                values.setdefault(name, []).append(value)
        target = (values.pop(assoc.target_slot, [None]))[0]
        props = {k: (sorted(v, key=str) if slots[k].multivalued else v[0]) for k, v in values.items()}
        props["sources"] = props.get("sources") or sources
        key = {"key": "|".join(str(props.get(k) or "") for k in assoc.key_slots)} if assoc.key_slots else {}
        return EdgeRecord(assoc.edge, label, start, target, origin, spec.name,
                          frozenset(self.vocab.labels_for_range(slots[assoc.target_slot].range)), key=key,
                          props=props)
