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
from pathlib import Path
from typing import IO, Iterator

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef

from graph.store import GraphStore
from ontology.vocab import ID_BASE, SPDX_LICENSES, WIKIDATA, Vocabulary, vocabulary

FORMATS = {"turtle": "turtle", "nt": "nt", "trig": "trig", "json-ld": "json-ld"}
PAGE = 2000
CONTEXT = Path(__file__).resolve().parent.parent / "ontology" / "generated" / "aikg.context.jsonld"
_DATATYPES = {"integer": XSD.integer, "float": XSD.float, "boolean": XSD.boolean}


def iri(node_id: str) -> URIRef:
    prefix, _, rest = node_id.partition(":")
    return URIRef(f"{ID_BASE}{prefix}/{rest}")


def _value(vocab: Vocabulary, slot: str, value):
    rng = vocab.slot_ranges.get(slot, "string")
    if rng in vocab.enum_iris:
        meaning = vocab.enum_iris[rng].get(value)
        return URIRef(meaning) if meaning else Literal(value)
    if rng in vocab.labels or rng in vocab.abstract:
        return iri(value)
    if rng == "uri":
        return URIRef(str(value).replace(" ", "%20"))
    datatype = _DATATYPES.get(rng)
    return Literal(value, datatype=datatype) if datatype else Literal(str(value))


def node_triples(vocab: Vocabulary, node: dict) -> Iterator[tuple]:
    """(subject, predicate, object, sources) for one node row {id, label, props}."""
    subject, props = iri(node["id"]), dict(node["props"])
    sources = props.get("sources", [])
    # every class up the is_a chain: shapes of Thing and Agent check their instances too
    for cls in [node["label"], *vocab.ancestors.get(node["label"], [])]:
        yield subject, RDF.type, URIRef(vocab.class_iris[cls]), sources
    props["same_as"] = _same_as(node["label"], props)
    slots = vocab.slots[node["label"]]
    for key, value in props.items():
        if key not in slots:
            continue
        for item in value if isinstance(value, list) else [value]:
            yield subject, URIRef(vocab.slot_iris[key]), _value(vocab, key, item), sources


def _same_as(label: str, props: dict) -> list[str]:
    out = list(props.get("same_as") or [])
    if props.get("wikidata_id"):
        out.append(WIKIDATA + props["wikidata_id"])
    if label == "License" and props.get("spdx_id"):
        out.append(SPDX_LICENSES + props["spdx_id"])
    return out


def _edge_slot(vocab: Vocabulary, label: str, rel_type: str):
    return next((s for s in vocab.slots[label].values() if s.edge == rel_type), None)


def edge_triples(vocab: Vocabulary, edge: dict) -> Iterator[tuple]:
    """Triples of one relationship row {start, start_label, type, end, props}."""
    slot = _edge_slot(vocab, edge["start_label"], edge["type"])
    if slot is None:
        return
    sources = edge["props"].get("sources", [])
    start, end = iri(edge["start"]), iri(edge["end"])
    if slot.mode != "association":
        yield start, URIRef(vocab.slot_iris[slot.name]), end, sources
        return
    assoc = vocab.associations[slot.range]
    digest = hashlib.sha1(f"{edge['type']}|{edge['end']}|{edge['props'].get('key', '')}".encode()).hexdigest()[:12]
    node = URIRef(f"{start}/{slot.name}/{digest}")
    yield start, URIRef(vocab.slot_iris[slot.name]), node, sources
    yield node, RDF.type, URIRef(vocab.class_iris[assoc.name]), sources
    yield node, URIRef(vocab.slot_iris[assoc.target_slot]), end, sources
    for key, value in edge["props"].items():
        if key in vocab.slots[assoc.name] and key != assoc.target_slot:
            for item in value if isinstance(value, list) else [value]:
                yield node, URIRef(vocab.slot_iris[key]), _value(vocab, key, item), sources


def _id_pages(store: GraphStore, label: str) -> Iterator[list[str]]:
    """The ids of one label in keyset pages (ids after the last one seen): each page is an
    index range scan, so a page costs the same deep into a large graph."""
    after = ""
    while True:
        rows = store.read(f"MATCH (n:{label}) WHERE n.id > $after RETURN n.id AS id ORDER BY id LIMIT $limit",
                          {"after": after, "limit": PAGE})
        if not rows:
            return
        yield [r["id"] for r in rows]
        after = rows[-1]["id"]


def quads(store: GraphStore, vocab: Vocabulary | None = None) -> Iterator[list[tuple]]:
    """Pages of (s, p, o, sources): each page's nodes and the relationships they start."""
    vocab = vocab or vocabulary()
    for label in sorted(vocab.labels):
        for ids in _id_pages(store, label):
            nodes = store.read(f"MATCH (n:{label}) WHERE n.id IN $ids "
                               "RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props ORDER BY id",
                               {"ids": ids})
            edges = store.read(f"MATCH (a:{label})-[r]->(b) WHERE a.id IN $ids RETURN a.id AS start, "
                               "labels(a)[0] AS start_label, type(r) AS type, b.id AS end, properties(r) AS props "
                               "ORDER BY start, type, end", {"ids": ids})
            yield ([t for row in nodes for t in node_triples(vocab, row)]
                   + [t for row in edges for t in edge_triples(vocab, row)])


def _page_text(page: list[tuple], fmt: str) -> str:
    if fmt == "trig":
        data = Dataset()
        for s, p, o, sources in page:
            for source in sources or ["source:unsourced"]:
                data.graph(iri(source)).add((s, p, o))
        return data.serialize(format="trig")
    graph = Graph()
    for s, p, o, _ in page:
        graph.add((s, p, o))
    if fmt == "json-ld":
        return graph.serialize(format="json-ld", auto_compact=False)
    return graph.serialize(format=fmt)


def write(store: GraphStore, handle: IO[str], fmt: str = "turtle") -> int:
    """Stream the graph to an open text file; returns the number of triples written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    count, first = 0, True
    if fmt == "json-ld":
        context = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
        handle.write('{"@context": ' + json.dumps(context) + ', "@graph": [\n')
    for page in quads(store):
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
