"""`aikg db start | stop | status`: the embedded graph server."""
from __future__ import annotations

import os

from aikg import context
from aikg.cli.common import JsonOpt, emit, out
from aikg.cli.errors import Group
from ontology.errors import StoreError

app = Group(help="Start, stop and inspect the embedded graph server.", no_args_is_help=True)


def _embedded_only() -> None:
    if os.environ.get("NEO4J_URI"):
        raise StoreError("NEO4J_URI is set: the graph lives on that server, not in the embedded one")


def _print_status(status: dict, as_json: bool) -> None:
    if as_json:
        emit(status)
        return
    state = "[green]running[/]" if status["running"] else "[yellow]stopped[/]"
    out.print(f"embedded server: {state}  home={status['home']}"
              + (f"  pid={status['pid']}  {status['bolt_uri']}" if status["running"] else ""))
    if status.get("note"):
        out.print(f"  note: {status['note']}")


@app.command("start")
def db_start(as_json: bool = JsonOpt) -> None:
    """Start the embedded server (no-op when it is already running)."""
    _embedded_only()
    _print_status(context.embedded_server().start().as_dict(), as_json)


@app.command("stop")
def db_stop(as_json: bool = JsonOpt) -> None:
    """Stop the embedded server cleanly."""
    _embedded_only()
    _print_status(context.embedded_server().stop().as_dict(), as_json)


@app.command("status")
def db_status(as_json: bool = JsonOpt) -> None:
    """Whether the embedded server runs, where, and whether a stale pid file was cleaned."""
    if os.environ.get("NEO4J_URI"):
        with context.open_store() as store:
            payload = {"running": True, "embedded": False, **store.config.describe()}
            emit(payload) if as_json else out.print(payload)
        return
    _print_status(context.embedded_server().status().as_dict(), as_json)
