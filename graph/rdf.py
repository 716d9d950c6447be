"""The graph as linked data, in the ontology's own terms.

Node `model:llama-3.1-405b` is `https://w3id.org/aikg/id/model/llama-3.1-405b`;
classes and properties are the IRIs of the LinkML schema (schema.org, PROV-O,
DCAT, W3C ORG, SPDX where they fit, else `https://w3id.org/aikg/`), so the
output validates against the generated SHACL shapes. A relationship with
properties (a role, a deal party, a lineage step) becomes a node of its
association class. Provenance: every node's sources are `prov:wasDerivedFrom`;
in TriG each triple also sits in the named graph of every source that states it.

The export streams: nodes are read and written in pages, so memory stays flat.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from queue import Full, Queue
from typing import IO

import yaml
from rdflib import RDF, XSD, Graph, Literal, URIRef

from graph.store import GraphStore
from ontology.vocab import ID_BASE, SCHEMA_PATH, SPDX_LICENSES, WIKIDATA, Vocabulary, vocabulary
from ontology.errors import InputError

FORMATS = {"turtle": "turtle", "nt": "nt", "trig": "trig", "json-ld": "json-ld"}
PAGE = 2000
CONTEXT = Path(__file__).resolve().parent.parent / "ontology" / "generated" / "aikg.context.jsonld"
# characters an IRI may not hold (RFC 3987 / N-Triples IRIREF): percent-encoded in URL values
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_DATATYPES = {"integer": XSD.integer, "float": XSD.float, "boolean": XSD.boolean}
# Turtle and TriG name the vocabularies' namespaces with the schema's own prefixes (schema:,
# prov:, dcat:, spdx:, aikg:, mof:, …), Wikidata's entities as wd: (the name Wikidata uses).
# Unbound, rdflib invents ns1:, ns2: — differently on every streamed page. Entities keep full
# IRIs (<https://w3id.org/aikg/id/model/…>): a release's id holds a "/", which a prefixed name
# cannot, and reports (SHACL's among them) name every entity the same way.
_RENAMED = {"wikidata": "wd"}
_NOT_IN_DATA = {"linkml"}  # the LinkML metamodel: the schema's, never an exported term's
# a prefixed name's local part that every Turtle/TriG parser reads (PN_LOCAL without escapes)
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


@lru_cache(maxsize=1)
def prefixes() -> dict[str, str]:
    """Prefix name -> namespace, as Turtle and TriG exports declare them."""
    schema = yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))["prefixes"]
    return {_RENAMED.get(name, name): str(ns) for name, ns in schema.items()
            if name not in _NOT_IN_DATA and not str(ns).startswith(ID_BASE)}


@lru_cache(maxsize=1)
def prefix_header() -> str:
    """The @prefix block written once at the top of a Turtle or TriG export."""
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in prefixes().items()) + "\n"


def bound_graph() -> Graph:
    """An empty rdflib graph that serializes with the export's prefixes (and no others:
    rdflib's defaults bind schema: to https://schema.org/ and org: to W3C ORG, which would
    push the schema's http://schema.org/ and the org: of organization ids off to ns1:)."""
    graph = Graph(bind_namespaces="none")
    for name, ns in prefixes().items():
        graph.bind(name, ns, override=True, replace=True)
    return graph


def _curie(text: str) -> str | None:
    """`prefix:local` for an IRI in a bound namespace with a plain local part, else None."""
    for name, ns in prefixes().items():
        if text.startswith(ns) and _LOCAL.fullmatch(text[len(ns):]):
            return f"{name}:{text[len(ns):]}"
    return None


def node_iri(node_id: str) -> str:
    prefix, _, rest = node_id.partition(":")
    return f"{ID_BASE}{prefix}/{rest}"


def iri(node_id: str) -> URIRef:
    return URIRef(node_iri(node_id))


def _lexical(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


class RdflibTerms:
    """Terms as rdflib objects, for an rdflib graph (Turtle, JSON-LD, answer exports).
    The schema's IRIs are made once: an export makes millions of triples from a few
    hundred distinct classes, properties and enum values."""

    def __init__(self, vocab: Vocabulary):
        self.slots = {name: URIRef(value) for name, value in vocab.slot_iris.items()}
        self.classes = {name: URIRef(value) for name, value in vocab.class_iris.items()}
        self.enums = {(rng, value): URIRef(meaning) for rng, meanings in vocab.enum_iris.items()
                      for value, meaning in meanings.items() if meaning}
        self.type = RDF.type

    def node(self, node_id: str) -> URIRef:
        return iri(node_id)

    def iri(self, text: str) -> URIRef:
        return URIRef(text)

    def literal(self, value, datatype: str | None):
        return Literal(value, datatype=URIRef(datatype)) if datatype else Literal(str(value))


class TextTerms(RdflibTerms):
    """The same terms as N-Triples text (valid in TriG too): the streamed N-Triples and
    TriG exports write them without making rdflib objects, which cost more than reading
    the graph from the server."""

    def __init__(self, vocab: Vocabulary):
        super().__init__(vocab)
        self.slots = {name: f"<{term}>" for name, term in self.slots.items()}
        self.classes = {name: f"<{term}>" for name, term in self.classes.items()}
        self.enums = {key: f"<{term}>" for key, term in self.enums.items()}
        self.type = f"<{RDF.type}>"

    def node(self, node_id: str) -> str:
        return f"<{node_iri(node_id)}>"

    def iri(self, text: str) -> str:
        return f"<{text}>"

    def literal(self, value, datatype: str | None) -> str:
        text = '"' + _lexical(value).translate(_ESCAPES) + '"'
        return f"{text}^^<{datatype}>" if datatype else text


def _shortened(term: str) -> str:
    """An IRI written `<iri>` as a prefixed name when it can be one."""
    return _curie(term[1:-1]) or term


class PrefixedTerms(TextTerms):
    """TextTerms with the export's prefixes (`schema:name`, `wd:Q380`), for TriG, which declares
    them once at the top; N-Triples has no prefixes and keeps TextTerms."""

    def __init__(self, vocab: Vocabulary):
        super().__init__(vocab)
        self.slots = {name: _shortened(term) for name, term in self.slots.items()}
        self.classes = {name: _shortened(term) for name, term in self.classes.items()}
        self.enums = {key: _shortened(term) for key, term in self.enums.items()}
        self.type = "a"

    def iri(self, text: str) -> str:
        return _curie(text) or f"<{text}>"  # wd:Q380, as Turtle writes it


_FACTORIES: dict[tuple, RdflibTerms] = {}


def _terms(vocab: Vocabulary, kind: type[RdflibTerms] = RdflibTerms) -> RdflibTerms:
    if (id(vocab), kind) not in _FACTORIES:
        _FACTORIES[(id(vocab), kind)] = kind(vocab)
    return _FACTORIES[(id(vocab), kind)]


def _value(vocab: Vocabulary, terms: RdflibTerms, slot: str, value):
    rng = vocab.slot_ranges.get(slot, "string")
    if rng in vocab.enum_iris:
        return terms.enums.get((rng, value)) or terms.literal(value, None)
    if rng in vocab.labels or rng in vocab.abstract:
        return terms.node(value)
    if rng == "uri":
        return terms.iri(_IRI_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", str(value)))
    datatype = _DATATYPES.get(rng)
    return terms.literal(value, str(datatype) if datatype else None)


def node_triples(vocab: Vocabulary, node: dict, kind: type[RdflibTerms] = RdflibTerms) -> Iterator[tuple]:
    """(subject, predicate, object, sources) for one node row {id, label, props}, as terms of `kind`."""
    terms = _terms(vocab, kind)
    subject, props = terms.node(node["id"]), dict(node["props"])
    sources = props.get("sources", [])
    # every class up the is_a chain: shapes of Thing and Agent check their instances too
    for cls in [node["label"], *vocab.ancestors.get(node["label"], [])]:
        yield subject, terms.type, terms.classes[cls], sources
    props["same_as"] = _same_as(node["label"], props)
    slots = vocab.slots[node["label"]]
    for key, value in props.items():
        if key not in slots:
            continue
        for item in value if isinstance(value, list) else [value]:
            yield subject, terms.slots[key], _value(vocab, terms, key, item), sources


def _same_as(label: str, props: dict) -> list[str]:
    out = list(props.get("same_as") or [])
    if props.get("wikidata_id"):
        out.append(WIKIDATA + props["wikidata_id"])
    if label == "License" and props.get("spdx_id"):
        out.append(SPDX_LICENSES + props["spdx_id"])
    return out


def _edge_slot(vocab: Vocabulary, label: str, rel_type: str):
    return next((s for s in vocab.slots[label].values() if s.edge == rel_type), None)


def edge_triples(vocab: Vocabulary, edge: dict, kind: type[RdflibTerms] = RdflibTerms) -> Iterator[tuple]:
    """Triples of one relationship row {start, start_label, type, end, props}, as terms of `kind`."""
    slot = _edge_slot(vocab, edge["start_label"], edge["type"])
    if slot is None:
        return
    sources, terms = edge["props"].get("sources", []), _terms(vocab, kind)
    start, end = terms.node(edge["start"]), terms.node(edge["end"])
    if slot.mode != "association":
        yield start, terms.slots[slot.name], end, sources
        return
    assoc = vocab.associations[slot.range]
    digest = hashlib.sha1(f"{edge['type']}|{edge['end']}|{edge['props'].get('key', '')}".encode()).hexdigest()[:12]
    node = terms.iri(f"{node_iri(edge['start'])}/{slot.name}/{digest}")
    yield start, terms.slots[slot.name], node, sources
    yield node, terms.type, terms.classes[assoc.name], sources
    yield node, terms.slots[assoc.target_slot], end, sources
    for key, value in edge["props"].items():
        if key in vocab.slots[assoc.name] and key != assoc.target_slot:
            for item in value if isinstance(value, list) else [value]:
                yield node, terms.slots[key], _value(vocab, terms, key, item), sources


def _chunks(rows: Iterator, size: int) -> Iterator[list]:
    page: list = []
    for row in rows:
        page.append(row)
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page


def _prefetched(rows: Iterator, depth: int = 4) -> Iterator:
    """The rows of `rows`, read ahead in a thread: the server and the driver's decoding
    work while the caller turns the previous rows into triples."""
    queue: Queue = Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def produce() -> None:
        try:
            for item in rows:
                while not stop.is_set():
                    try:
                        queue.put(item, timeout=0.1)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            queue.put(done)
        except BaseException as exc:  # handed to the caller, raised there
            queue.put(exc)

    thread = threading.Thread(target=produce, daemon=True)
    thread.start()
    try:
        while (item := queue.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def quads(store: GraphStore, vocab: Vocabulary | None = None,
          kind: type[RdflibTerms] = RdflibTerms) -> Iterator[list[tuple]]:
    """Pages of (s, p, o, sources) as terms of `kind`: each label's nodes, then the relationships they start.
    One streamed query per label and direction: the server sends rows as they are read
    (no per-page sort or id lookups, which grew with the graph), and at most one page of
    them is held here. Rows come in storage order; RDF has none to keep."""
    vocab = vocab or vocabulary()
    for label in sorted(vocab.labels):
        nodes = store.stream(f"MATCH (n:{label}) RETURN n.id AS id, properties(n) AS props", fetch_size=PAGE)
        for page in _prefetched(_chunks(nodes, PAGE)):
            yield [t for row in page for t in node_triples(vocab, {**row, "label": label}, kind)]
        edges = store.stream(f"MATCH (a:{label})-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, "
                             "properties(r) AS props", fetch_size=PAGE)
        for page in _prefetched(_chunks(edges, PAGE)):
            yield [t for row in page for t in edge_triples(vocab, {**row, "start_label": label}, kind)]


def _statements(page: list[tuple]) -> dict[tuple, list]:
    """Each distinct triple of a page once, with the sources of every row that states it."""
    out: dict[tuple, list] = {}
    for s, p, o, sources in page:
        out.setdefault((s, p, o), []).extend(sources or [])
    return out


def _fast_text(page: list[tuple], fmt: str) -> str:
    """N-Triples (TextTerms), or TriG (PrefixedTerms) as one block per source graph, from a
    page of terms: rdflib's serializers build an in-memory graph and cost more than reading
    from the server."""
    statements = _statements(page)
    if fmt == "nt":
        return "".join(f"{s} {p} {o} .\n" for s, p, o in statements)
    graphs: dict[str, list[str]] = {}
    for (s, p, o), sources in statements.items():
        line = f"  {s} {p} {o} .\n"
        for source in dict.fromkeys(sources or ["source:unsourced"]):
            graphs.setdefault(source, []).append(line)
    return "".join(f"<{node_iri(g)}> {{\n{''.join(lines)}}}\n" for g, lines in graphs.items())


def _page_text(page: list[tuple], fmt: str) -> str:
    if fmt in ("nt", "trig"):
        return _fast_text(page, fmt)
    graph = bound_graph()
    for s, p, o, _ in page:
        graph.add((s, p, o))
    if fmt == "json-ld":
        return graph.serialize(format="json-ld", auto_compact=False)
    return _without_header(graph.serialize(format=fmt))


def _without_header(text: str) -> str:
    """A page's Turtle without the @prefix lines the file's header already declares (each page
    is serialized on its own); any other declaration stays, so the text is valid as it is."""
    declared = set(prefix_header().splitlines())
    head, _, body = text.partition("\n\n")
    if not head.startswith("@prefix"):
        return text
    kept = [line for line in head.splitlines() if line not in declared]
    return "\n".join(kept) + ("\n\n" if kept else "") + body


def subgraph_text(nodes: list[dict], rels: list[dict], fmt: str = "turtle") -> str:
    """A part of the graph (node rows {id, label, props}, relationship rows {start, start_label,
    type, end, props}) as RDF text, with the export's prefixes."""
    vocab, graph = vocabulary(), bound_graph()
    for node in nodes:
        graph += [(s, p, o) for s, p, o, _ in node_triples(vocab, node)]
    for rel in rels:
        graph += [(s, p, o) for s, p, o, _ in edge_triples(vocab, rel)]
    return graph.serialize(format=fmt)


def write(store: GraphStore, handle: IO[str], fmt: str = "turtle") -> int:
    """Stream the graph to an open text file; returns the number of triples written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    count, first = 0, True
    if fmt == "json-ld":
        context = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
        handle.write('{"@context": ' + json.dumps(context) + ', "@graph": [\n')
    elif fmt in ("turtle", "trig"):
        handle.write(prefix_header())
    kind = {"nt": TextTerms, "trig": PrefixedTerms}.get(FORMATS[fmt], RdflibTerms)
    for page in quads(store, kind=kind):
        count += len({(s, p, o) for s, p, o, _ in page})
        text = _page_text(page, FORMATS[fmt])
        if fmt == "json-ld":
            items = json.loads(text)
            for item in items:
                handle.write(("" if first else ",\n") + json.dumps(item))
                first = False
        else:
            handle.write(text)
    if fmt == "json-ld":
        handle.write("\n]}\n")
    return count
