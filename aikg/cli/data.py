"""The curated data and its quality: `aikg ingest`, `check`, `conflicts`, `resolve`."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from aikg import context
from aikg.cli.common import (
    JsonOpt,
    PathsArg,
    default_paths,
    emit,
    out,
    print_ingest,
    progress_bar,
)
from graph import quality, queries
from graph.conflicts import conflicts as find_conflicts


def ingest(paths: list[Path] | None = PathsArg, as_json: bool = JsonOpt) -> None:
    """Validate curated YAML and load it into the graph (idempotent; all or nothing)."""
    paths = default_paths(paths)
    with context.open_store() as store:
        before = queries.stats(store)
        with progress_bar("ingest", as_json) as (progress, on_total):
            report = context.ingest_paths(store, paths, progress=progress, on_total=on_total)
        after = queries.stats(store)
    result = {"ok": True, "paths": [str(p) for p in paths], "records": report.as_dict(),
              "before": before, "after": after}
    emit(result) if as_json else print_ingest(result)


def conflicts(field: str | None = typer.Option(None, help="Only this field (date, weights, license, "
                                                             "parameters, training_compute_flop)."),
              as_json: bool = JsonOpt) -> None:
    """Where sources disagree: every value of a field, each with the sources stating it."""
    with context.open_store() as store:
        found = find_conflicts(store, field)
    if as_json:
        emit(found)
        return
    for item in found:
        out.print(f"[bold]{item['name']}[/] ({item['id']}) — {item['field']}")
        for value in item["values"]:
            out.print(f"    {value['value']!s:24} {', '.join(value['sources'])}")
    out.print(f"{len(found)} disagreement(s)")


def resolve(name: str = typer.Argument(..., help="A name as a dataset or article spells it."),
            label: str = typer.Option("Model", help="Organization, Model, Dataset, Application, License, ModelFamily."),
            explain: bool = typer.Option(False, "--explain", help="Show the candidates, scores and deciding rule."),
            as_json: bool = JsonOpt) -> None:
    """Which entity a name resolves to, and why."""
    with context.open_store() as store:
        result = context.resolver(store).resolve(label, name).as_dict()
    if as_json:
        emit(result)
        return
    out.print(f"{name!r} ({label}) → [bold]{result['id'] or 'no match: would be a new entity'}[/]")
    if explain:
        out.print(f"  normalized: {result['normalized']!r}\n  rule: {result['rule']}")
        for c in result["candidates"]:
            out.print(f"  candidate {c['id']:40} score {c['score']:5.1f}  via {c['matched']!r}")


def check(paths: list[Path] | None = PathsArg,
          duplicates: bool = typer.Option(False, "--duplicates", help="Only the audit of likely duplicate Model "
                                          "nodes (same developer, size and month, one name within the other); "
                                          "non-zero above 0.5% of Model nodes."),
          as_json: bool = JsonOpt) -> None:
    """Data quality: validate the curated files (dry run) and check the loaded graph."""
    from ingest.resolve import normalize

    if duplicates:
        with context.open_store() as store:
            audit = quality.likely_duplicate_models(store, normalize)
        emit({"ok": audit["within_target"], **audit}) if as_json else _print_duplicates(audit)
        if not audit["within_target"]:
            raise typer.Exit(1)
        return
    with context.open_store() as store:
        count, problems = context.validate_paths(store, default_paths(paths))
        results = quality.run_checks(store, normalize)
    ok = not problems and not any(r.count for r in results if r.severity == "error")
    report = {"ok": ok, "files": {"records": count, "problems": [p.as_dict() for p in problems]},
              "checks": [r.as_dict() for r in results]}
    emit(report) if as_json else _print_check(report)
    if not ok:
        raise typer.Exit(1)


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
