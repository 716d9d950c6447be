"""The one root of aikg's errors, and its few kinds.

It lives here, at the bottom of the dependency chain, so that graph/, ingest/ and
aikg/ can all raise these without importing one another. The CLI maps each kind
to an exit code and a JSON error in one place (aikg/cli/errors.py); the app shows
the message. A failure a user can cause or fix is one of these; anything else is
a bug and may stay a traceback.

Some kinds are also ValueError or RuntimeError: the classes they replace were,
and callers written before the root existed still catch those.
"""
from __future__ import annotations


class AikgError(Exception):
    """A failure with a message meant for the user."""

    def details(self) -> dict:
        """Fields a machine-readable report of the error carries besides the message."""
        return {}


class InputError(AikgError, ValueError):
    """A file, folder, URL or argument the user gave cannot be used."""


class StoreError(AikgError, RuntimeError):
    """The graph store cannot be reached or used (address, credentials, database)."""


class ServerError(AikgError, RuntimeError):
    """The embedded graph server cannot be started, stopped or found."""


class RefusedQuery(AikgError, ValueError):
    """A query the read-only console will not run (a write, a procedure, …)."""


class QuestionError(AikgError, ValueError):
    """A question, or a parameter of one, that the catalog cannot answer."""
