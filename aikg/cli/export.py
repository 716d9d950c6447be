"""`aikg export rdf | graphml | gexf`: the whole graph to a file."""
from __future__ import annotations

from pathlib import Path

import typer

from aikg import context
from aikg.cli.common import JsonOpt, emit, out
from aikg.cli.errors import Group
from ontology.errors import InputError

app = Group(help="Write the graph to a file.", no_args_is_help=True)
OutputOpt = typer.Option(..., "-o", "--output")


@app.command("rdf")
def export_rdf(output: Path = OutputOpt,
               fmt: str = typer.Option("turtle", "--format", help="turtle | json-ld | nt | trig"),
               as_json: bool = JsonOpt) -> None:
    """The whole graph as RDF in the ontology's terms, streamed; TriG keeps every source as a named graph."""
    from graph import rdf

    if fmt not in rdf.FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(rdf.FORMATS)}")
    try:
        with context.open_store() as store, output.open("w", encoding="utf-8") as handle:
            count = rdf.write(store, handle, fmt)
    except OSError as exc:  # the output file cannot be created: no such directory, a directory, no permission
        raise InputError(f"cannot write {output}: {exc}") from exc
    result = {"ok": True, "format": fmt, "file": str(output), "triples": count}
    emit(result) if as_json else out.print(f"wrote {output}: {count} triples ({fmt})")


@app.command("graphml")
def export_graphml(output: Path = OutputOpt, as_json: bool = JsonOpt) -> None:
    """GraphML, for Gephi, yEd and networkx."""
    _write_networkx("graphml", output, as_json)


@app.command("gexf")
def export_gexf(output: Path = OutputOpt, as_json: bool = JsonOpt) -> None:
    """GEXF, for Gephi."""
    _write_networkx("gexf", output, as_json)


def _write_networkx(fmt: str, output: Path, as_json: bool) -> None:
    import networkx as nx

    from graph.export import graph_data, to_networkx

    with context.open_store() as store:
        graph = to_networkx(*graph_data(store))
    try:
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, output)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc}") from exc
    result = {"ok": True, "format": fmt, "file": str(output), "nodes": graph.number_of_nodes(),
              "relationships": graph.number_of_edges()}
    emit(result) if as_json else out.print(f"wrote {output}: {result['nodes']} nodes, {result['relationships']} "
                                           "relationships")
