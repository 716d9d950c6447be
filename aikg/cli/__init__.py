"""The `aikg` command line, one module per group of commands. Every command prints
machine-readable JSON with --json; errors become exit codes in aikg/cli/errors.py.

    common.py    consoles, --json, progress bars, shared printers
    errors.py    failures -> exit codes and messages, for every command (Group)
    data.py      ingest, check, conflicts, resolve
    imports.py   import KIND …, one command per importer of ingest/sources/registry.py
    questions.py ask, frontier, openness
    console.py   cypher, stats, sparql, analyze
    export.py    export rdf | graphml | gexf
    serve.py     up, app
    bench.py     bench (loads benchmarks/ only when run)
    db.py        db start | stop | status
"""
from __future__ import annotations

from aikg.cli import bench, console, data, db, export, imports, questions, serve
from aikg.cli.errors import Group

app = Group(help="aikg — the open knowledge graph of the AI release landscape.",
            no_args_is_help=True, add_completion=False)

# In the order `aikg --help` lists them.
COMMANDS = [
    ("ingest", data.ingest), ("conflicts", data.conflicts), ("resolve", data.resolve),
    ("ask", questions.ask), ("frontier", questions.frontier), ("openness", questions.openness),
    ("analyze", console.analyze), ("sparql", console.sparql), ("stats", console.stats), ("cypher", console.cypher),
    ("check", data.check), ("bench", bench.bench), ("app", serve.app_cmd), ("up", serve.up),
]
for _name, _command in COMMANDS:
    app.command(_name)(_command)
app.add_typer(db.app, name="db")
app.add_typer(imports.app, name="import")
app.add_typer(export.app, name="export")


def main() -> None:
    app()
