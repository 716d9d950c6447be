"""The `aikg` executable. It says what `aikg up` is doing before the CLI's imports (the
driver, the graph code: a second or two on a small machine) have run."""
from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["up"] and not {"--json", "--help"} & set(args):
        print("  0.0s  aikg up: starting", file=sys.stderr, flush=True)
    from aikg.cli import main as cli_main

    cli_main()
