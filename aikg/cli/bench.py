"""`aikg bench`. The benchmarks are loaded only when the command runs: they import the
CLI's layers (graph/, aikg/) but never the CLI, so the dependency runs one way."""
from __future__ import annotations

from pathlib import Path

import typer

from aikg.cli.common import JsonOpt, emit, err, out
from ontology.errors import InputError


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
    from benchmarks import report, suite

    try:
        config = suite.configure(scale, quick, runs, compare_at, kgx, output)
    except ValueError as exc:
        raise InputError(f"--scale: {exc}") from exc
    result = suite.run(config, say=lambda text: err.print(f"[dim]{text}[/dim]"))
    if as_json:
        emit(result)
        return
    out.print(report.ratio_table(result))
    out.print(f"results: {config.output}")
