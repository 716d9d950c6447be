"""The `aikg` command line. Every command prints machine-readable JSON with --json."""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import typer
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from aikg import context, serving, startup
from graph import frontier as frontier_q
from graph import openness as openness_q
from graph import quality, queries
from graph.catalog import MAX_LIMIT
from graph.conflicts import conflicts as find_conflicts
from graph.readonly import RefusedQuery, check_read_only
from graph.server import ServerError
from graph.store import StoreError
from ingest.problems import IngestError

app = typer.Typer(help="aikg — the open knowledge graph of the AI release landscape.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Start, stop and inspect the embedded graph server.", no_args_is_help=True)
app.add_typer(db_app, name="db")
import_app = typer.Typer(help="Import a public dataset of the AI landscape (after the curated data).",
                         no_args_is_help=True)
app.add_typer(import_app, name="import")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

JsonOpt = typer.Option(False, "--json", help="Print machine-readable JSON.")
PathsArg = typer.Argument(None, help="Files or directories of curated YAML (default: data/).")


def emit(payload) -> None:
    typer.echo(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


def fail(message: str, code: int = 1, as_json: bool = False, **extra) -> None:
    if as_json:
        emit({"ok": False, "error": message, **extra})
    else:
        err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


@contextmanager
def store_errors(as_json: bool):
    """Turn the failures a user can cause or fix into clear messages and exit codes."""
    try:
        yield
    except IngestError as exc:
        fail(str(exc), 1, as_json, problems=[p.as_dict() for p in exc.problems])
    except (StoreError, ServerError) as exc:
        fail(str(exc), 2, as_json)
    except (ServiceUnavailable, SessionExpired) as exc:
        # The server went away mid-command (killed, crashed, stopped): a write keeps the batches
        # committed before; ingest and imports are idempotent, so rerunning them completes the graph.
        fail(f"lost the connection to the graph server ({type(exc).__name__}); check it with "
             "`aikg db status`, start it with `aikg db start`, then rerun the command", 2, as_json)


# -- db ---------------------------------------------------------------------------
def _embedded_only(as_json: bool) -> None:
    if os.environ.get("NEO4J_URI"):
        fail("NEO4J_URI is set: the graph lives on that server, not in the embedded one", 2, as_json)


def _print_status(status: dict, as_json: bool) -> None:
    if as_json:
        emit(status)
        return
    state = "[green]running[/]" if status["running"] else "[yellow]stopped[/]"
    out.print(f"embedded server: {state}  home={status['home']}"
              + (f"  pid={status['pid']}  {status['bolt_uri']}" if status["running"] else ""))
    if status.get("note"):
        out.print(f"  note: {status['note']}")


@db_app.command("start")
def db_start(as_json: bool = JsonOpt) -> None:
    """Start the embedded server (no-op when it is already running)."""
    _embedded_only(as_json)
    with store_errors(as_json):
        _print_status(context.embedded_server().start().as_dict(), as_json)


@db_app.command("stop")
def db_stop(as_json: bool = JsonOpt) -> None:
    """Stop the embedded server cleanly."""
    _embedded_only(as_json)
    _print_status(context.embedded_server().stop().as_dict(), as_json)


@db_app.command("status")
def db_status(as_json: bool = JsonOpt) -> None:
    """Whether the embedded server runs, where, and whether a stale pid file was cleaned."""
    if os.environ.get("NEO4J_URI"):
        with store_errors(as_json), context.open_store() as store:
            payload = {"running": True, "embedded": False, **store.config.describe()}
            emit(payload) if as_json else out.print(payload)
        return
    _print_status(context.embedded_server().status().as_dict(), as_json)


# -- ingest -------------------------------------------------------------------------
@contextmanager
def progress_bar(title: str, as_json: bool):
    """A rich progress bar on stderr (silent with --json or off a terminal); yields the
    (progress, on_total) callbacks the pipeline takes."""
    with Progress(TextColumn(f"[bold]{title}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=as_json or not err.is_terminal) as bar:
        task = bar.add_task("records", total=None)
        yield (lambda n: bar.advance(task, n)), (lambda total: bar.update(task, total=total))


def _ingest(paths: list[Path], as_json: bool) -> dict:
    with store_errors(as_json), context.open_store() as store:
        before = queries.stats(store)
        with progress_bar("ingest", as_json) as (progress, on_total):
            report = context.ingest_paths(store, paths, progress=progress, on_total=on_total)
        after = queries.stats(store)
    return {"ok": True, "paths": [str(p) for p in paths], "records": report.as_dict(),
            "before": before, "after": after}


def _print_ingest(result: dict) -> None:
    records = result["records"]
    if result.get("skipped"):
        out.print(f"already loaded: {', '.join(result['paths'])} (digest {result['digest'][:12]})")
        _print_stats(result["after"])
        return
    out.print(f"validated and wrote {sum(records['nodes'].values())} node records and "
              f"{sum(records['relationships'].values())} relationship records from "
              f"{', '.join(result['paths'])}")
    _print_stats(result["after"])


@app.command()
def ingest(paths: list[Path] | None = PathsArg, as_json: bool = JsonOpt) -> None:
    """Validate curated YAML and load it into the graph (idempotent; all or nothing)."""
    result = _ingest(paths or [context.default_data_dir()], as_json)
    emit(result) if as_json else _print_ingest(result)


# -- import -------------------------------------------------------------------------
def _summary(import_context) -> dict:
    decisions = import_context.decisions
    return {"resolved": sum(1 for d in decisions if d.id), "minted": sum(1 for d in decisions if not d.id),
            "ambiguous": sum(1 for d in decisions if d.rule.startswith("ambiguous"))}


def _import(kind: str, path, as_json: bool) -> None:
    with store_errors(as_json), context.open_store() as store:
        before = queries.stats(store)
        with progress_bar(f"import {kind}", as_json) as (progress, on_total):
            report, import_context = context.import_dataset(store, kind, path, progress=progress, on_total=on_total)
        after = queries.stats(store)
    shown = [str(p) for p in path] if isinstance(path, list) else getattr(path, "label", str(path))
    result = {"ok": True, "source": kind, "path": shown, "records": report.as_dict(),
              "resolution": _summary(import_context), "before": before, "after": after}
    if as_json:
        emit(result)
        return
    out.print(f"{kind}: {sum(report.nodes.values())} node and {sum(report.relationships.values())} relationship "
              f"records; names resolved to known entities: {result['resolution']['resolved']}, "
              f"new: {result['resolution']['minted']}")
    _print_stats(after)


@import_app.command("epoch")
def import_epoch(path: str = typer.Argument(..., help="Epoch AI's CSV (All ML Systems, Notable or All AI Models), "
                                                     "or an https:// URL of one or of Epoch's zip of them."),
                 as_json: bool = JsonOpt) -> None:
    """Epoch AI's model CSV, from a file or an https:// URL (downloaded once a day into AIKG_HOME/downloads)."""
    from ingest.http import is_url

    _import("epoch", path if is_url(path) else Path(path), as_json)


@import_app.command("huggingface")
def import_huggingface(
    author: str | None = typer.Option(None, "--author", help="Every model of this Hub user or organization."),
    model: str | None = typer.Option(None, "--model", help="One model repository, owner/name."),
    from_dir: Path | None = typer.Option(None, "--from-dir", help="Saved Hub API responses, one JSON file each."),
    endpoint: str | None = typer.Option(None, "--endpoint",
                                        help="The Hub's address (default $HF_ENDPOINT or https://huggingface.co)."),
    as_json: bool = JsonOpt,
) -> None:
    """Hugging Face Hub model metadata: license, gating, base_model lineage, creation date, downloads."""
    from ingest.sources.huggingface import HubQuery

    try:
        query = HubQuery(author=author, model=model, from_dir=from_dir,
                         endpoint=endpoint or os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    except ValueError as exc:
        fail(str(exc), 1, as_json)
    _import("huggingface", query, as_json)


@import_app.command("ecosystem-graphs")
def import_ecosystem_graphs(path: Path = typer.Argument(..., help="A checkout of stanford-crfm/ecosystem-graphs "
                                                                  "(or its assets/ folder)."),
                            as_json: bool = JsonOpt) -> None:
    """Stanford CRFM Ecosystem Graphs: models, datasets, applications and their dependencies."""
    _import("ecosystem-graphs", path, as_json)


@import_app.command("mot")
def import_mot(path: Path = typer.Argument(..., help="A checkout of lfai/model_openness_tool (or its models/ folder)."),
               as_json: bool = JsonOpt) -> None:
    """LF AI & Data Model Openness Tool model files: MOF components and their licenses."""
    _import("mot", path, as_json)


@app.command()
def conflicts(field: str | None = typer.Option(None, help="Only this field (date, weights, license, "
                                                             "parameters, training_compute_flop)."),
              as_json: bool = JsonOpt) -> None:
    """Where sources disagree: every value of a field, each with the sources stating it."""
    with store_errors(as_json), context.open_store() as store:
        found = find_conflicts(store, field)
    if as_json:
        emit(found)
        return
    for item in found:
        out.print(f"[bold]{item['name']}[/] ({item['id']}) — {item['field']}")
        for value in item["values"]:
            out.print(f"    {value['value']!s:24} {', '.join(value['sources'])}")
    out.print(f"{len(found)} disagreement(s)")


@app.command()
def resolve(name: str = typer.Argument(..., help="A name as a dataset or article spells it."),
            label: str = typer.Option("Model", help="Organization, Model, Dataset, Application, License, ModelFamily."),
            explain: bool = typer.Option(False, "--explain", help="Show the candidates, scores and deciding rule."),
            as_json: bool = JsonOpt) -> None:
    """Which entity a name resolves to, and why."""
    with store_errors(as_json), context.open_store() as store:
        resolution = context.resolver(store).resolve(label, name)
    result = resolution.as_dict()
    if as_json:
        emit(result)
        return
    out.print(f"{name!r} ({label}) → [bold]{result['id'] or 'no match: would be a new entity'}[/]")
    if explain:
        out.print(f"  normalized: {result['normalized']!r}\n  rule: {result['rule']}")
        for c in result["candidates"]:
            out.print(f"  candidate {c['id']:40} score {c['score']:5.1f}  via {c['matched']!r}")


@import_app.command("rdf")
def import_rdf(path: Path = typer.Argument(..., help="An aikg RDF export (TriG keeps every relationship's sources)."),
               as_json: bool = JsonOpt) -> None:
    """aikg's own RDF export, read back (into an empty store it reproduces the graph)."""
    _import("rdf", path, as_json)


@import_app.command("articles")
def import_articles(paths: list[Path] = typer.Argument(..., help="Plain-text or HTML article files, or folders."),
                    as_json: bool = JsonOpt) -> None:
    """News articles: a Source each, linked by MENTIONS to the entities they name."""
    _import("articles", paths, as_json)


# -- ask -------------------------------------------------------------------------------
@app.command("ask")
def ask_cmd(question: str = typer.Argument(..., help="A question in plain words."),
            limit: int | None = typer.Option(None, min=1, max=MAX_LIMIT,
                                             help="Rows at most for a list question (default 100, or 20 for rankings)."),
            as_json: bool = JsonOpt) -> None:
    """Answer a question from the catalog of named Cypher questions (no external service)."""
    from aikg.ask import ask as answer

    with store_errors(as_json), context.open_store() as store:
        reply = answer(store, question, limit=limit)
    if as_json:
        emit(reply)
        return
    if not reply["answered"]:
        out.print("[yellow]I cannot answer that from the catalog.[/] Closest questions:")
        for suggestion in reply["suggestions"]:
            out.print(f"  • {suggestion}", markup=False)
        raise typer.Exit(1)
    out.print(f"[bold]{reply['intent']}[/] {reply['params']}", highlight=False)
    table = Table(*reply["columns"])
    for row in reply["rows"][:100]:
        table.add_row(*(json.dumps(row.get(c), ensure_ascii=False, default=str) for c in reply["columns"]))
    out.print(table)
    out.print(f"{len(reply['rows'])} row(s); sources: {', '.join(reply['sources'][:10])}", markup=False)
    if reply["truncated"]:
        out.print(f"[yellow]More rows exist: the first {reply['params']['limit']} are shown; "
                  "pass --limit N for more.[/]")


# -- openness / frontier ----------------------------------------------------------------
def _model_id(store, text: str, as_json: bool) -> str:
    if text.startswith("model:") and store.read("MATCH (m:Model {id: $id}) RETURN m.id AS id", {"id": text}):
        return text
    resolution = context.resolver(store).resolve("Model", text)
    if not resolution.id:
        fail(f"no model named {text!r} ({resolution.rule}); try `aikg resolve {text!r} --explain`", 1, as_json)
    return resolution.id


@app.command()
def frontier(criterion: str = typer.Option("epoch", help="epoch | compute | curated"),
             weights: str | None = typer.Option(None, help="open (downloadable, gated included) | closed | unknown"),
             as_json: bool = JsonOpt) -> None:
    """Frontier models under an explicit criterion, and whether they shipped weights."""
    if weights not in (None, "open", "closed", "unknown"):
        fail("--weights takes open, closed or unknown", 1, as_json)
    with store_errors(as_json), context.open_store() as store:
        try:
            found = frontier_q.frontier_models(store, criterion, weights)
        except ValueError as exc:
            fail(str(exc), 1, as_json)
    if as_json:
        emit(found)
        return
    table = Table("model", "first release", "weights", "license", "criterion")
    for m in found:
        table.add_row(m["name"], m["release_date"] or "", m["weights"], m["license"] or "", m["criterion"]["name"])
    out.print(table)


@app.command()
def openness(target: str | None = typer.Argument(None, help="A model (id or name), or `mof`."),
             file: Path | None = typer.Argument(None, help="With `mof`: a MOT model file to evaluate."),
             compare_with: str | None = typer.Option(None, "--compare", help="Another model to compare with."),
             org: str | None = typer.Option(None, help="An organization id: its openness over time."),
             restrictive: bool = typer.Option(False, help="Releases whose license limits what 'open' suggests."),
             as_json: bool = JsonOpt) -> None:
    """What a release really opened: per-dimension grades with evidence, history and comparisons."""
    if target == "mof":
        _mof(file, as_json)
        return
    with store_errors(as_json), context.open_store() as store:
        if restrictive:
            result = openness_q.restrictive_open_releases(store)
        elif org:
            result = openness_q.organization_timeline(store, org)
        elif target and compare_with:
            result = openness_q.compare(store, _model_id(store, target, as_json), _model_id(store, compare_with, as_json))
        elif target:
            result = openness_q.model_openness(store, _model_id(store, target, as_json))
        else:
            fail("name a model, `mof FILE`, --org ORG or --restrictive", 1, as_json)
    emit(result) if as_json else out.print_json(json.dumps(result, default=str))


def _mof(file: Path | None, as_json: bool) -> None:
    from graph import mof

    if file is None:
        fail("usage: aikg openness mof FILE.yml", 1, as_json)
    try:
        result = mof.evaluate_file(file)
    except (OSError, ValueError) as exc:
        fail(str(exc), 1, as_json)
    if as_json:
        emit(result)
        return
    out.print(f"{result['label']} — progress: " + ", ".join(f"class {k}: {v:.1f}%" for k, v in result["progress"].items()))


# -- analytics / export --------------------------------------------------------------
export_app = typer.Typer(help="Write the graph to a file.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@app.command()
def analyze(as_json: bool = JsonOpt) -> None:
    """Centrality of organizations and people, lineage depth and fan-out, communities."""
    from graph.analytics import analyze as run

    with store_errors(as_json), context.open_store() as store:
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


def _write_networkx(fmt: str, output: Path, as_json: bool) -> None:
    import networkx as nx

    from graph.export import graph_data, to_networkx

    with store_errors(as_json), context.open_store() as store:
        graph = to_networkx(*graph_data(store))
    try:
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, output)
    except OSError as exc:
        fail(f"cannot write {output}: {exc}", 1, as_json)
    result = {"ok": True, "format": fmt, "file": str(output), "nodes": graph.number_of_nodes(),
              "relationships": graph.number_of_edges()}
    emit(result) if as_json else out.print(f"wrote {output}: {result['nodes']} nodes, {result['relationships']} "
                                           "relationships")


@export_app.command("rdf")
def export_rdf(output: Path = typer.Option(..., "-o", "--output"),
               fmt: str = typer.Option("turtle", "--format", help="turtle | json-ld | nt | trig"),
               as_json: bool = JsonOpt) -> None:
    """The whole graph as RDF in the ontology's terms, streamed; TriG keeps every source as a named graph."""
    from graph import rdf

    if fmt not in rdf.FORMATS:
        fail(f"unknown format {fmt!r}; use one of {', '.join(rdf.FORMATS)}", 1, as_json)
    try:
        with store_errors(as_json), context.open_store() as store, output.open("w", encoding="utf-8") as handle:
            count = rdf.write(store, handle, fmt)
    except OSError as exc:  # the output file cannot be created: no such directory, a directory, no permission
        fail(f"cannot write {output}: {exc}", 1, as_json)
    result = {"ok": True, "format": fmt, "file": str(output), "triples": count}
    emit(result) if as_json else out.print(f"wrote {output}: {count} triples ({fmt})")


@app.command()
def sparql(query: str = typer.Argument(..., help="A SPARQL query."),
           data: list[Path] = typer.Option(..., "--data", help="An RDF export (Turtle, N-Triples, TriG, JSON-LD)."),
           as_json: bool = JsonOpt) -> None:
    """Run SPARQL over exported RDF files (rdflib, in memory)."""
    from graph.sparql import run as run_sparql

    try:
        columns, rows = run_sparql(query, data)
    except Exception as exc:  # a parse error (pyparsing), an unreadable file: reported, not raised
        fail(f"SPARQL failed: {type(exc).__name__}: {exc}", 1, as_json)
    if as_json:
        emit(rows)
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(str(row.get(c, "")) for c in columns))
    out.print(table)


@export_app.command("graphml")
def export_graphml(output: Path = typer.Option(..., "-o", "--output"), as_json: bool = JsonOpt) -> None:
    """GraphML, for Gephi, yEd and networkx."""
    _write_networkx("graphml", output, as_json)


@export_app.command("gexf")
def export_gexf(output: Path = typer.Option(..., "-o", "--output"), as_json: bool = JsonOpt) -> None:
    """GEXF, for Gephi."""
    _write_networkx("gexf", output, as_json)


# -- stats / cypher -------------------------------------------------------------------
def _print_stats(stats: dict) -> None:
    table = Table("label / type", "count", title="graph")
    for name, n in stats["nodes"].items():
        table.add_row(f"(:{name})", str(n))
    for name, n in stats["relationships"].items():
        table.add_row(f"[:{name}]", str(n))
    out.print(table)


@app.command()
def stats(as_json: bool = JsonOpt) -> None:
    """Node counts per label and relationship counts per type."""
    with store_errors(as_json), context.open_store() as store:
        result = queries.stats(store)
    emit(result) if as_json else _print_stats(result)


def _parse_param(text: str) -> tuple[str, object]:
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise typer.BadParameter(f"expected key=value, got {text!r}")
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return key.strip(), value


@app.command()
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
        fail(f"refused: {exc}", 3, as_json)
    with store_errors(as_json), context.open_store() as store:
        try:
            result = store.read_only(query, params, limit=limit, timeout=timeout)
        except StoreError:  # the read-only account cannot connect: a store problem (exit 2), not a query's
            raise
        except Exception as exc:  # the server's refusal or a query error, reported as such
            code = getattr(exc, "code", None) or type(exc).__name__
            forbidden = "Forbidden" in str(code) or "Security" in str(code)
            fail(f"{'refused by the server' if forbidden else 'query failed'}: "
                 f"{code}: {getattr(exc, 'message', None) or exc}", 3 if forbidden else 1, as_json)
    if as_json:
        emit(result.rows)
        return
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*(json.dumps(row[c], ensure_ascii=False, default=str) for c in result.columns))
    out.print(table)
    if result.truncated:
        out.print(f"[yellow]truncated at {limit} rows[/]")


# -- check ---------------------------------------------------------------------------
def _print_check(report: dict) -> None:
    files = report["files"]
    out.print(f"files: {files['records']} records valid" if not files["problems"]
              else f"[red]files: {len(files['problems'])} problem(s)[/]")
    for problem in files["problems"]:
        out.print(f"  {problem['file']}:{problem['line']} {problem['record']} {problem['field']}: {problem['reason']}")
    for result in report["checks"]:
        colour = "green" if not result["count"] else ("red" if result["severity"] == "error" else "yellow")
        out.print(f"[{colour}]{result['severity']:7} {result['count']:5}[/]  {result['name']}: {result['description']}")
        for item in result["items"][:10]:
            out.print(f"          {json.dumps(item, ensure_ascii=False)}")
    out.print("[green]clean[/]" if report["ok"] else "[red]errors found[/]")


def _print_duplicates(audit: dict) -> None:
    for pair in audit["pairs"]:
        out.print(f"  {pair['ids'][0]} ~ {pair['ids'][1]}  ({pair['developer']}, {pair['month']}, "
                  f"{pair['parameters']:,.0f} parameters)")
    colour = "green" if audit["within_target"] else "red"
    out.print(f"[{colour}]{len(audit['pairs'])} likely duplicate pair(s): {audit['nodes']} of {audit['models']} "
              f"Model nodes ({audit['share']:.2%}; target at most {audit['target']:.1%})[/]")


@app.command()
def check(paths: list[Path] | None = PathsArg,
          duplicates: bool = typer.Option(False, "--duplicates", help="Only the audit of likely duplicate Model "
                                          "nodes (same developer, size and month, one name within the other); "
                                          "non-zero above 0.5% of Model nodes."),
          as_json: bool = JsonOpt) -> None:
    """Data quality: validate the curated files (dry run) and check the loaded graph."""
    from ingest.resolve import normalize

    if duplicates:
        with store_errors(as_json), context.open_store() as store:
            audit = quality.likely_duplicate_models(store, normalize)
        emit({"ok": audit["within_target"], **audit}) if as_json else _print_duplicates(audit)
        if not audit["within_target"]:
            raise typer.Exit(1)
        return
    with store_errors(as_json), context.open_store() as store:
        count, problems = context.validate_paths(store, paths or [context.default_data_dir()])
        results = quality.run_checks(store, normalize)
    ok = not problems and not any(r.count for r in results if r.severity == "error")
    report = {"ok": ok, "files": {"records": count, "problems": [p.as_dict() for p in problems]},
              "checks": [r.as_dict() for r in results]}
    emit(report) if as_json else _print_check(report)
    if not ok:
        raise typer.Exit(1)


# -- bench -------------------------------------------------------------------------
@app.command()
def bench(
    scale: list[str] | None = typer.Option(None, "--scale", help="Graph size in nodes: 10k, 100k, 1M "
                                              "(repeatable; default all three, --quick 10k)."),
    quick: bool = typer.Option(False, "--quick", help="One small scale and fewer runs: a few minutes."),
    runs: int | None = typer.Option(None, min=1, help="Timed repetitions of each catalog question."),
    compare_at: int | None = typer.Option(None, "--compare-at", min=0, help="Nodes of the graph all four "
                                          "loaders write (default 10k, --quick 2k; 0 leaves the comparison out)."),
    kgx: bool = typer.Option(True, "--kgx/--no-kgx", help="Include KGX's Neo4j sink (installed once into "
                             "its own environment, ~/.cache/aikg/kgx-venv)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Where to write the results JSON."),
    as_json: bool = JsonOpt,
) -> None:
    """Benchmark ingest, questions, RDF export and the app on synthetic graphs, against baselines."""
    from benchmarks import suite

    config = suite.BenchConfig.quick() if quick else suite.BenchConfig()
    try:
        if scale:
            config.scales = [suite.parse_scale(s) for s in scale]
    except ValueError as exc:
        fail(f"--scale: {exc}", as_json=as_json)
    config.runs = runs or config.runs
    config.kgx = kgx
    config.compare_at = config.compare_at if compare_at is None else compare_at
    config.output = output or config.output
    with store_errors(as_json):
        result = suite.run(config, say=lambda text: err.print(f"[dim]{text}[/dim]"))
    if as_json:
        emit(result)
        return
    table = Table("scale", "figure", "value", "target", title=f"aikg bench ({result['seconds']} s)")
    for row in result["ratios"]:
        table.add_row(f"{row['scale']:,}", row["figure"], str(row["ratio"]), row["target"])
    out.print(table)
    out.print(f"results: {config.output}")


# -- up / app -------------------------------------------------------------------------
def _say(as_json: bool):
    """Step lines on stderr with the seconds since the command started: on a terminal and,
    as plain lines, when piped (a progress bar shows nothing off a terminal)."""
    entry = sys.modules.get("aikg.entry")  # the `aikg` executable notes when the process began
    clock = entry.STARTED if entry else time.monotonic()

    def say(text: str) -> None:
        if not as_json:
            err.print(f"{time.monotonic() - clock:5.1f}s  {text}", markup=False, highlight=False)
    return say


def _interrupt(*_) -> None:
    raise KeyboardInterrupt  # SIGTERM ends `aikg up` the way Ctrl-C does: what it started is stopped


def _serve_until_stopped(app_proc, say, as_json: bool) -> None:
    if not app_proc.wait_healthy():
        fail("the app did not start; run `aikg app` to see Streamlit's errors", 1, as_json)
    say(f"serving the app on {app_proc.url} (Ctrl-C stops it)")
    app_proc.wait()


def _run_served(no_app: bool, port: int, as_json: bool, work) -> None:
    """Start the app (unless no_app) and the store, run `work(say, store_start)`, then serve
    until interrupted; on Ctrl-C or SIGTERM stop the app and the store if this command started it."""
    say = _say(as_json)
    if not no_app and not serving.port_free(port):
        fail(f"port {port} on 127.0.0.1 is in use: stop what serves there, or pass --port N", 1, as_json)
    # the app boots while the store starts and the data loads (started before any thread)
    app_proc = None if no_app else serving.AppProcess(context.app_file(), port, quiet=False).start()
    signal.signal(signal.SIGTERM, _interrupt)
    store_start, stop_store = None, False
    try:
        with store_errors(as_json):
            store_start = startup.StoreStart.begin()
            say(f"{'starting' if store_start.started_here else 'using'} {startup.describe_store()}")
            work(say, store_start)
        if app_proc is not None:
            stop_store = True  # the app ended: the session `aikg up` opened is over
            _serve_until_stopped(app_proc, say, as_json)
    except KeyboardInterrupt:
        stop_store = True
        say("interrupted")
    finally:
        if app_proc is not None:
            app_proc.stop()
        if stop_store and store_start is not None and store_start.started_here:
            say("stopping the embedded store this command started")
            context.embedded_server().stop()


@app.command("app")
def app_cmd(port: int = typer.Option(8501, help="Port on 127.0.0.1.")) -> None:
    """Serve the Streamlit app on 127.0.0.1."""
    _run_served(False, port, False, lambda say, store_start: store_start.wait())


@app.command()
def up(
    paths: list[Path] | None = PathsArg,
    no_app: bool = typer.Option(False, "--no-app", help="Stop after loading."),
    port: int = typer.Option(8501, help="Port of the app on 127.0.0.1."),
    reload: bool = typer.Option(False, "--reload", help="Load even when the graph already holds exactly "
                                "these files (their content digest is stored with the graph)."),
    as_json: bool = JsonOpt,
) -> None:
    """Start the store if needed, load the curated data (unless already loaded), then serve the app."""
    def load(say, store_start) -> None:
        with progress_bar("loading", as_json) as (progress, on_total):
            result = startup.load(paths or [context.default_data_dir()], reload, say, store_start,
                                  progress, on_total)
        emit(result) if as_json else _print_ingest(result)

    _run_served(no_app, port, as_json, load)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
