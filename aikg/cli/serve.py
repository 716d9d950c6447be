"""`aikg up` (store, data, app in one command) and `aikg app`."""
from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import typer

from aikg import context, serving, startup
from aikg.cli.common import (
    JsonOpt,
    PathsArg,
    default_paths,
    emit,
    err,
    print_ingest,
    progress_bar,
)
from ontology.errors import AikgError, InputError


def app_cmd(port: int = typer.Option(8501, help="Port on 127.0.0.1.")) -> None:
    """Serve the Streamlit app on 127.0.0.1."""
    _run_served(False, port, False, lambda say, store_start: store_start.wait())


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
            result = startup.load(default_paths(paths), reload, say, store_start, progress, on_total)
        emit(result) if as_json else print_ingest(result)

    _run_served(no_app, port, as_json, load)


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


def _serve_until_stopped(app_proc, say) -> None:
    if not app_proc.wait_healthy():
        raise AikgError("the app did not start; run `aikg app` to see Streamlit's errors")
    say(f"serving the app on {app_proc.url} (Ctrl-C stops it)")
    app_proc.wait()


def _run_served(no_app: bool, port: int, as_json: bool, work) -> None:
    """Start the app (unless no_app) and the store, run `work(say, store_start)`, then serve
    until interrupted; on Ctrl-C or SIGTERM stop the app and the store if this command started it."""
    say = _say(as_json)
    if not no_app and not serving.port_free(port):
        raise InputError(f"port {port} on 127.0.0.1 is in use: stop what serves there, or pass --port N")
    # the app boots while the store starts and the data loads (started before any thread)
    app_proc = None if no_app else serving.AppProcess(context.app_file(), port, quiet=False).start()
    signal.signal(signal.SIGTERM, _interrupt)
    store_start, stop_store = None, False
    try:
        store_start = startup.StoreStart.begin()
        say(f"{'starting' if store_start.started_here else 'using'} {startup.describe_store()}")
        work(say, store_start)
        if app_proc is not None:
            stop_store = True  # the app ended: the session `aikg up` opened is over
            _serve_until_stopped(app_proc, say)
    except KeyboardInterrupt:
        stop_store = True
        say("interrupted")
    finally:
        if app_proc is not None:
            app_proc.stop()
        if stop_store and store_start is not None and store_start.started_here:
            say("stopping the embedded store this command started")
            context.embedded_server().stop()
