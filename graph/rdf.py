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
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rdflib import RDF, XSD, Graph, Literal, URIRef

from graph.store import GraphStore
from ontology.vocab import ID_BASE, SPDX_LICENSES, WIKIDATA, Vocabulary, vocabulary

FORMATS = {"turtle": "turtle", "nt": "nt", "trig": "trig", "json-ld": "json-ld"}
PAGE = 2000
CONTEXT = Path(__file__).resolve().parent.parent / "ontology" / "generated" / "aikg.context.jsonld"
# characters an IRI may not hold (RFC 3987 / N-Triples IRIREF): percent-encoded in URL values
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
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
        return URIRef(_IRI_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", str(value)))
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


def _pages(store: GraphStore, label: str) -> Iterator[tuple[list[dict], list[list]]]:
    """One label's nodes in keyset pages (ids after the last one seen: each page is an index
    range scan, costing the same deep into a large graph), each with the relationships its
    nodes start. Each read returns one collected row: a row per record costs a Bolt message."""
    after = ""
    while True:
        nodes = store.read(f"MATCH (n:{label}) WHERE n.id > $after WITH n ORDER BY n.id LIMIT $limit "
                           "RETURN collect({id: n.id, props: properties(n)}) AS page",
                           {"after": after, "limit": PAGE})[0]["page"]
        if not nodes:
            return
        nodes.sort(key=lambda row: row["id"])
        ids = [row["id"] for row in nodes]
        edges = store.read(f"MATCH (a:{label})-[r]->(b) WHERE a.id IN $ids "
                           "RETURN collect([a.id, type(r), b.id, properties(r)]) AS page", {"ids": ids})[0]["page"]
        edges.sort(key=lambda row: row[:3])
        yield nodes, edges
        after = ids[-1]


def quads(store: GraphStore, vocab: Vocabulary | None = None) -> Iterator[list[tuple]]:
    """Pages of (s, p, o, sources): each page's nodes and the relationships they start."""
    vocab = vocab or vocabulary()
    for label in sorted(vocab.labels):
        for nodes, edges in _pages(store, label):
            page = [t for row in nodes for t in node_triples(vocab, {**row, "label": label})]
            for start, rel_type, end, props in edges:
                page += edge_triples(vocab, {"start": start, "start_label": label, "type": rel_type,
                                             "end": end, "props": props})
            yield page


def _nt(term) -> str:
    """A term in N-Triples syntax (also valid in TriG and Turtle)."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    return f"<{term}>"


def _statements(page: list[tuple]) -> dict[tuple, list]:
    """Each distinct triple of a page once, with the sources of every row that states it."""
    out: dict[tuple, list] = {}
    for s, p, o, sources in page:
        out.setdefault((s, p, o), []).extend(sources or [])
    return out


def _fast_text(page: list[tuple], fmt: str) -> str:
    """N-Triples, or TriG as one block per source graph, written directly: rdflib's
    serializers build an in-memory graph and cost more than reading from the server."""
    statements = _statements(page)
    if fmt == "nt":
        return "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in statements)
    graphs: dict[str, list[str]] = {}
    for (s, p, o), sources in statements.items():
        line = f"  {_nt(s)} {_nt(p)} {_nt(o)} .\n"
        for source in dict.fromkeys(sources or ["source:unsourced"]):
            graphs.setdefault(source, []).append(line)
    return "".join(f"{_nt(iri(g))} {{\n{''.join(lines)}}}\n" for g, lines in graphs.items())


def _page_text(page: list[tuple], fmt: str) -> str:
    if fmt in ("nt", "trig"):
        return _fast_text(page, fmt)
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
