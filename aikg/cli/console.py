"""Looking into the graph: `aikg cypher` (read-only), `stats`, `sparql` over exported
RDF, `analyze`."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from aikg import context
from aikg.cli.common import JsonOpt, emit, out, print_stats, table_of
from graph import queries
from graph.readonly import RefusedQuery, check_read_only
from graph.store import StoreError
from ontology import errors


def analyze(as_json: bool = JsonOpt) -> None:
    """Centrality of organizations and people, lineage depth and fan-out, communities."""
    from graph.analytics import analyze as run

    with context.open_store() as store:
        result = run(store)
    if as_json:
        emit(result)
        return
    out.print(f"actor network: {result['network']}")
    for label, rows in result["centrality"].items():
        out.print(f"[bold]most central {label.lower()}s[/]: " + ", ".join(r["name"] or r["id"] for r in rows[:10]))
    out.print("[bold]most derived models[/]: " + ", ".join(
        f"{r['name']} ({r['descendants']})" for r in result["lineage"]["most_derived"][:10]))
    for c in result["communities"][:5]:
        out.print(f"community {c['community']} ({c['size']}): {', '.join(filter(None, c['organizations']))}")


def sparql(query: str = typer.Argument(..., help="A SPARQL query."),
           data: list[Path] = typer.Option(..., "--data", help="An RDF export (Turtle, N-Triples, TriG, JSON-LD)."),
           as_json: bool = JsonOpt) -> None:
    """Run SPARQL over exported RDF files (rdflib, in memory)."""
    from graph.sparql import run as run_sparql

    try:
        columns, rows = run_sparql(query, data)
    except Exception as exc:  # a parse error (pyparsing), an unreadable file: reported, not raised
        raise errors.InputError(f"SPARQL failed: {type(exc).__name__}: {exc}") from exc
    if as_json:
        emit(rows)
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(str(row.get(c, "")) for c in columns))
    out.print(table)


def stats(as_json: bool = JsonOpt) -> None:
    """Node counts per label and relationship counts per type."""
    with context.open_store() as store:
        result = queries.stats(store)
    emit(result) if as_json else print_stats(result)


def _parse_param(text: str) -> tuple[str, object]:
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise typer.BadParameter(f"expected key=value, got {text!r}")
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return key.strip(), value


def cypher(
    query: str = typer.Argument(..., help="A read-only Cypher query."),
    param: list[str] | None = typer.Option(None, "--param", "-p", help="key=value (JSON or text)."),
    limit: int = typer.Option(1000, help="Maximum rows returned."),
    timeout: float = typer.Option(30.0, help="Seconds before the query is cancelled."),
    as_json: bool = JsonOpt,
) -> None:
    """Run a read-only query. Writes are refused (exit code 3) and never reach the data."""
    params = dict(_parse_param(p) for p in param or [])
    try:
        check_read_only(query)
    except RefusedQuery as exc:
        raise errors.RefusedQuery(f"refused: {exc}") from exc
    with context.open_store() as store:
        try:
            result = store.read_only(query, params, limit=limit, timeout=timeout)
        except StoreError:  # the read-only account cannot connect: a store problem (exit 2), not a query's
            raise
        except Exception as exc:  # the server's refusal or a query error, reported as such
            raise _query_error(exc) from exc
    if as_json:
        emit(result.rows)
        return
    out.print(table_of(result.columns, result.rows))
    if result.truncated:
        out.print(f"[yellow]truncated at {limit} rows[/]")


def _query_error(exc: Exception) -> errors.AikgError:
    """The server refused the query (exit 3) or could not run it (exit 1)."""
    code = getattr(exc, "code", None) or type(exc).__name__
    detail = f"{code}: {getattr(exc, 'message', None) or exc}"
    if "Forbidden" in str(code) or "Security" in str(code):
        return errors.RefusedQuery(f"refused by the server: {detail}")
    return errors.InputError(f"query failed: {detail}")
