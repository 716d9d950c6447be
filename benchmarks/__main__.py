"""`python -m benchmarks [--quick] [--scale 100k] [--json] …`: what `aikg bench` runs, with
the same options. It calls the suite directly: the benchmarks never import the CLI."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks import report, suite
from graph.server import ServerError
from graph.store import StoreError


def _at_least(minimum: int):
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is less than {minimum}")
        return value
    return parse


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description="Benchmark ingest, questions, RDF "
                                "export and the app on synthetic graphs, against baselines (as `aikg bench`).")
    p.add_argument("--scale", action="append", help="Graph size in nodes: 10k, 100k, 1M (repeatable).")
    p.add_argument("--quick", action="store_true", help="One small scale and fewer runs: a few minutes.")
    p.add_argument("--runs", type=_at_least(1), help="Timed repetitions of each catalog question.")
    p.add_argument("--compare-at", type=_at_least(0), help="Nodes of the graph all four loaders write.")
    p.add_argument("--kgx", action=argparse.BooleanOptionalAction, default=True, help="Include KGX's Neo4j sink.")
    p.add_argument("-o", "--output", type=Path, help="Where to write the results JSON.")
    p.add_argument("--json", action="store_true", help="Print machine-readable JSON.")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        config = suite.configure(args.scale, args.quick, args.runs, args.compare_at, args.kgx, args.output)
    except ValueError as exc:  # a --scale that is not a size
        print(f"error: --scale: {exc}", file=sys.stderr)
        return 1
    try:
        result = suite.run(config, say=lambda text: print(text, file=sys.stderr))
    except (StoreError, ServerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
        return 0
    from rich.console import Console

    Console().print(report.ratio_table(result))
    print(f"results: {config.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
