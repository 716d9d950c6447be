"""The `aikg` executable. It says what `aikg up` is doing before the CLI's imports (the
driver, the graph code: a second or two on a small machine) have run."""
from __future__ import annotations

import sys
import time

STARTED = time.monotonic()  # step lines count from here, not from the end of the CLI's imports


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["up"] and not {"--json", "--help"} & set(args):
        print(f"{time.monotonic() - STARTED:5.1f}s  aikg up: starting", file=sys.stderr, flush=True)
    from aikg.cli import main as cli_main

    cli_main()
