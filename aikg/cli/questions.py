"""Questions to the graph: `aikg ask`, `frontier`, `openness`."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from aikg import context
from aikg.cli.common import JsonOpt, emit, out, table_of
from graph import frontier as frontier_q
from graph import openness as openness_q
from graph.catalog import MAX_LIMIT
from ontology.errors import InputError, QuestionError


def ask(question: str = typer.Argument(..., help="A question in plain words."),
        limit: int | None = typer.Option(None, min=1, max=MAX_LIMIT,
                                         help="Rows at most for a list question (default 100, or 20 for rankings)."),
        as_json: bool = JsonOpt) -> None:
    """Answer a question from the catalog of named Cypher questions (no external service)."""
    from aikg.ask import ask as answer

    with context.open_store() as store:
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
    out.print(table_of(reply["columns"], reply["rows"][:100]))
    out.print(f"{len(reply['rows'])} row(s); sources: {', '.join(reply['sources'][:10])}", markup=False)
    if reply["truncated"]:
        out.print(f"[yellow]More rows exist: the first {reply['params']['limit']} are shown; "
                  "pass --limit N for more.[/]")


def frontier(criterion: str = typer.Option("epoch", help="epoch | compute | curated | any"),
             weights: str | None = typer.Option(None, help="open (downloadable, gated included) | closed | unknown"),
             as_json: bool = JsonOpt) -> None:
    """Frontier models under an explicit criterion, and whether they shipped weights."""
    if weights not in (None, "open", "closed", "unknown"):
        raise InputError("--weights takes open, closed or unknown")
    with context.open_store() as store:
        found = frontier_q.frontier_models(store, criterion, weights)  # QuestionError: unknown criterion
    if as_json:
        emit(found)
        return
    _print_rule(criterion, weights)
    table = Table("model", "first release", "weights", "license", "criterion")
    for m in found:
        table.add_row(m["name"], m["release_date"] or "", m["weights"], m["license"] or "", m["criterion"]["name"])
    out.print(table)
    if not found and criterion == "epoch":
        out.print("No model carries Epoch AI's frontier flag: it comes with an Epoch import "
                  "(`aikg import epoch FILE`). Try --criterion curated, compute or any.")


def _print_rule(criterion: str, weights: str | None) -> None:
    """The rule behind the answer, said before it: "frontier" is never a hidden judgment."""
    names = list(frontier_q.CRITERIA) if criterion == "any" else [criterion]
    for name in names:
        out.print(f"[bold]{name}[/]: {escape(frontier_q.CRITERIA[name][1])}")
    if weights:
        out.print(f"weights {weights}: " + {"open": "final weights downloadable by anyone, gated downloads included",
                                           "closed": "no release made the final weights obtainable",
                                           "unknown": "nothing recorded about the weights"}[weights])


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
    with context.open_store() as store:
        if restrictive:
            result = openness_q.restrictive_open_releases(store)
        elif org:
            result = openness_q.organization_timeline(store, org)
        elif target and compare_with:
            result = openness_q.compare(store, _model_id(store, target), _model_id(store, compare_with))
        elif target:
            result = openness_q.model_openness(store, _model_id(store, target))
        else:
            raise InputError("name a model, `mof FILE`, --org ORG or --restrictive")
    emit(result) if as_json else out.print_json(json.dumps(result, default=str))


def _model_id(store, text: str) -> str:
    if text.startswith("model:") and store.read("MATCH (m:Model {id: $id}) RETURN m.id AS id", {"id": text}):
        return text
    resolution = context.resolver(store).resolve("Model", text)
    if not resolution.id:
        raise QuestionError(f"no model named {text!r} ({resolution.rule}); try `aikg resolve {text!r} --explain`")
    return resolution.id


def _mof(file: Path | None, as_json: bool) -> None:
    from graph import mof

    if file is None:
        raise InputError("usage: aikg openness mof FILE.yml")
    try:
        result = mof.evaluate_file(file)
    except (OSError, ValueError) as exc:  # an unreadable or malformed file (graph/mof.py: ValueError)
        raise InputError(str(exc)) from exc
    if as_json:
        emit(result)
        return
    out.print(f"{result['label']} — progress: " + ", ".join(f"class {k}: {v:.1f}%" for k, v in result["progress"].items()))
