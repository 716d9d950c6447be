"""SPARQL over aikg's RDF exports, with rdflib (in memory)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.util import guess_format

PREFIXES = """PREFIX aikg: <https://w3id.org/aikg/>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX w3org: <http://www.w3.org/ns/org#>
PREFIX mof: <https://w3id.org/aikg/mof/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def load(paths: list[Path]) -> Dataset:
    """Every file into one dataset; TriG named graphs stay named (query them with GRAPH)."""
    data = Dataset(default_union=True)
    for path in paths:
        fmt = "json-ld" if path.suffix in (".jsonld", ".json") else guess_format(str(path)) or "turtle"
        if fmt == "trig":
            data.parse(path, format="trig")
        else:
            graph = Graph().parse(path, format=fmt)
            for triple in graph:
                data.add(triple)
    return data


def run(query: str, paths: list[Path]) -> tuple[list[str], list[dict]]:
    """Columns and rows (values as text) of a SELECT query; the common prefixes are predeclared."""
    result = load(paths).query(PREFIXES + query)
    columns = [str(v) for v in result.vars or []]
    rows = [{c: (None if row[i] is None else str(row[i])) for i, c in enumerate(columns)} for row in result]
    return columns, rows
