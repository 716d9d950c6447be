"""Every dataset importer says here who it is: its kind (`aikg import KIND`), its help,
its command-line parameters and how to build it. The CLI's `aikg import` commands and
aikg/context.py's import are made from this registry, so a new dataset is one module
in ingest/sources/ with an `@importer(...)` on its class: nothing else names it.

Parameters are plain data (no CLI library here): ingest/ knows what an importer
takes, aikg/cli/ decides how a command line spells it.
"""
from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.importing import ImportContext
from ontology.errors import InputError

# What an import may read from the graph besides names, releases and artifacts
# (aikg/context.py does the reading: ingest/ never talks to the store).
MODEL_FACTS = "model facts"  # each model's developers and size: tells apart models sharing a name
HUB_LINKS = "hub links"  # the Hugging Face pages the graph cites for its models


@dataclass(frozen=True)
class Param:
    """One command-line parameter: a positional argument (no flag, required) or an
    option (`--flag`, optional, None when not given)."""

    name: str  # the keyword the importer's `target` takes
    help: str
    type: Any = Path  # str, Path or list[Path] (one or more)
    flag: str | None = None


@dataclass(frozen=True)
class ImportEnv:
    """What the composition (aikg/context.py) hands an importer besides its target."""

    context: ImportContext
    downloads: Path  # where a dataset given as a URL is cached


@dataclass(frozen=True)
class Importer:
    kind: str
    help: str
    params: tuple[Param, ...]
    # The command line's values -> what to import (a path, a URL, a query); it raises
    # InputError for values that cannot go together, before any store is opened.
    target: Callable[..., Any]
    build: Callable[[Any, ImportEnv], Any]  # (target, env) -> a pipeline Source
    reads: frozenset[str] = field(default_factory=lambda: frozenset({MODEL_FACTS}))
    order: int = 100  # place in `aikg import --help`; new importers go last


_REGISTRY: dict[str, Importer] = {}


def _only(**values):
    """The default target: the value of the one parameter."""
    [value] = values.values()
    return value


def importer(kind: str, help: str, params: list[Param], *, target: Callable[..., Any] = _only,
             build: Callable[[Any, ImportEnv], Any] | None = None, reads=(MODEL_FACTS,), order: int = 100):
    """Class decorator: the class is the importer `aikg import KIND`. Without `build`,
    the source is `cls(target, env.context)`."""
    def register(cls):
        cls.name = kind  # said once, here
        make = build or (lambda value, env: cls(value, env.context))
        _REGISTRY[kind] = Importer(kind, help, tuple(params), target, make, frozenset(reads), order)
        return cls
    return register


def importers() -> list[Importer]:
    """Every importer of ingest/sources/, in the order `aikg import --help` lists them."""
    _discover()
    return sorted(_REGISTRY.values(), key=lambda spec: (spec.order, spec.kind))


def get(kind: str) -> Importer:
    _discover()
    if kind not in _REGISTRY:
        raise InputError(f"unknown dataset {kind!r}; use one of {', '.join(s.kind for s in importers())}")
    return _REGISTRY[kind]


@functools.cache
def _discover() -> None:
    """Import every module of this package (once): importing one registers its importer."""
    package = importlib.import_module(__package__)
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{__package__}.{module.name}")
