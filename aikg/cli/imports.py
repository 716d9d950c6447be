"""`aikg import KIND …`: one command per importer of ingest/sources/registry.py, made
from what the importer declares (its help, its arguments and options), so that a new
dataset needs no code here."""
from __future__ import annotations

import inspect

import typer

from aikg import context
from aikg.cli.common import JsonOpt, emit, out, print_stats, progress_bar
from aikg.cli.errors import Group
from graph import queries
from ingest.sources import registry

app = Group(help="Import a public dataset of the AI landscape (after the curated data).", no_args_is_help=True)


def _summary(import_context) -> dict:
    decisions = import_context.decisions
    return {"resolved": sum(1 for d in decisions if d.id), "minted": sum(1 for d in decisions if not d.id),
            "ambiguous": sum(1 for d in decisions if d.rule.startswith("ambiguous"))}


def run_import(kind: str, target, as_json: bool) -> None:
    with context.open_store() as store:
        before = queries.stats(store)
        with progress_bar(f"import {kind}", as_json) as (progress, on_total):
            report, import_context = context.import_dataset(store, kind, target, progress=progress,
                                                            on_total=on_total)
        after = queries.stats(store)
    shown = [str(p) for p in target] if isinstance(target, list) else getattr(target, "label", str(target))
    result = {"ok": True, "source": kind, "path": shown, "records": report.as_dict(),
              "resolution": _summary(import_context), "before": before, "after": after}
    if as_json:
        emit(result)
        return
    out.print(f"{kind}: {sum(report.nodes.values())} node and {sum(report.relationships.values())} relationship "
              f"records; names resolved to known entities: {result['resolution']['resolved']}, "
              f"new: {result['resolution']['minted']}")
    print_stats(after)


def _parameter(param: registry.Param) -> inspect.Parameter:
    """A registry parameter as Typer reads one from a signature: an argument is required,
    an option defaults to None."""
    if param.flag:
        default, annotation = typer.Option(None, param.flag, help=param.help), param.type | None
    else:
        default, annotation = typer.Argument(..., help=param.help), param.type
    return inspect.Parameter(param.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _command(spec: registry.Importer):
    def command(as_json: bool = False, **values) -> None:
        run_import(spec.kind, spec.target(**values), as_json)  # the target is checked before the store opens

    # Typer reads a command's arguments and options from its signature: this one is made
    # from the importer's parameters, with --json after them as in every command.
    json_option = inspect.Parameter("as_json", inspect.Parameter.KEYWORD_ONLY, default=JsonOpt, annotation=bool)
    command.__signature__ = inspect.Signature([*map(_parameter, spec.params), json_option])
    command.__name__ = f"import_{spec.kind.replace('-', '_')}"
    return command


for _spec in registry.importers():
    app.command(_spec.kind, help=_spec.help)(_command(_spec))
