"""What every command group shares: the consoles, the --json option, JSON output,
progress bars and the printers more than one command uses."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from aikg import context

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

JsonOpt = typer.Option(False, "--json", help="Print machine-readable JSON.")
PathsArg = typer.Argument(None, help="Files or directories of curated YAML (default: data/).")


def emit(payload) -> None:
    typer.echo(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


@contextmanager
def progress_bar(title: str, as_json: bool):
    """A rich progress bar on stderr (silent with --json or off a terminal); yields the
    (progress, on_total) callbacks the pipeline takes."""
    with Progress(TextColumn(f"[bold]{title}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=as_json or not err.is_terminal) as bar:
        task = bar.add_task("records", total=None)
        yield (lambda n: bar.advance(task, n)), (lambda total: bar.update(task, total=total))


def print_stats(stats: dict) -> None:
    table = Table("label / type", "count", title="graph")
    for name, n in stats["nodes"].items():
        table.add_row(f"(:{name})", str(n))
    for name, n in stats["relationships"].items():
        table.add_row(f"[:{name}]", str(n))
    out.print(table)


def print_ingest(result: dict) -> None:
    """The report of `aikg ingest` and `aikg up`."""
    records = result["records"]
    if result.get("skipped"):
        out.print(f"already loaded: {', '.join(result['paths'])} (digest {result['digest'][:12]})")
        print_stats(result["after"])
        return
    out.print(f"validated and wrote {sum(records['nodes'].values())} node records and "
              f"{sum(records['relationships'].values())} relationship records from "
              f"{', '.join(result['paths'])}")
    print_stats(result["after"])


def table_of(columns: list[str], rows: list[dict]) -> Table:
    """Rows of a query as a table, each value as JSON (a list stays a list, text is quoted)."""
    table = Table(*columns)
    for row in rows:
        table.add_row(*(json.dumps(row.get(c), ensure_ascii=False, default=str) for c in columns))
    return table


def default_paths(paths: list[Path] | None) -> list[Path]:
    return paths or [context.default_data_dir()]
