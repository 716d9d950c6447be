"""The one place where a failure becomes an exit code and an error message (JSON with
--json). Commands raise the kinds of ontology/errors.py and never exit on an error
themselves; every command of a `Group` runs under `reported`."""
from __future__ import annotations

import functools
from contextlib import contextmanager

import typer
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rich.markup import escape

from aikg.cli.common import emit, err
from ontology import errors

# Exit codes: 1 the input, the question or the data; 2 the store or its server; 3 a refused query.
# The first matching row wins (graph/'s StoreError, ServerError and RefusedQuery derive from these kinds).
EXIT_CODES: tuple[tuple[type[BaseException], int], ...] = (
    (errors.RefusedQuery, 3),
    (errors.StoreError, 2), (errors.ServerError, 2),
    (ServiceUnavailable, 2), (SessionExpired, 2),
    (errors.AikgError, 1),
)
HANDLED = tuple(kind for kind, _ in EXIT_CODES)


def message(exc: BaseException) -> str:
    if isinstance(exc, (ServiceUnavailable, SessionExpired)):
        # The server went away mid-command (killed, crashed, stopped): a write keeps the batches
        # committed before; ingest and imports are idempotent, so rerunning them completes the graph.
        return (f"lost the connection to the graph server ({type(exc).__name__}); check it with "
                "`aikg db status`, start it with `aikg db start`, then rerun the command")
    return str(exc)


def exit_code(exc: BaseException) -> int:
    return next(code for kind, code in EXIT_CODES if isinstance(exc, kind))


@contextmanager
def reported(as_json: bool):
    """A failure a user can cause or fix, as a message on stderr (or JSON on stdout) and
    its exit code; anything else is a bug and stays a traceback."""
    try:
        yield
    except HANDLED as exc:
        text = message(exc)
        if as_json:
            details = exc.details() if isinstance(exc, errors.AikgError) else {}
            emit({"ok": False, "error": text, **details})
        else:  # escaped: a name in the message may look like markup ("[/x]" raised MarkupError)
            err.print(f"[bold red]error:[/] {escape(text)}", markup=True, highlight=False)
        raise typer.Exit(exit_code(exc)) from None


def _guarded(func):
    @functools.wraps(func)
    def run(*args, **kwargs):
        with reported(kwargs.get("as_json", False)):
            return func(*args, **kwargs)
    return run


class Group(typer.Typer):
    """A Typer whose every command runs under `reported`, so no command maps errors itself."""

    def command(self, *args, **kwargs):
        register = super().command(*args, **kwargs)

        def decorator(func):
            register(_guarded(func))
            return func
        return decorator
