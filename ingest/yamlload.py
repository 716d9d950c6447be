"""YAML loading that remembers line numbers and keeps dates as text."""
from __future__ import annotations

import re
from collections.abc import Hashable
from pathlib import Path

import yaml

from ingest.problems import IngestError, Problem

# A document may expand (through aliases) to this many values, or to as many as it has characters.
MAX_EXPANDED = 100_000


class LineDict(dict):
    """A mapping that knows the line it started on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: "2024-07" and 2024-07-23 stay strings; and with
    YAML 1.2's floats, so that 5.1741608015e22 and 1e23 are numbers (YAML 1.1, which PyYAML
    implements, wants a dot and a signed exponent: "5.1741608015e+22")."""


FLOAT = "tag:yaml.org,2002:float"
# PyYAML's float forms, plus an exponent without sign and a mantissa without dot (YAML 1.2 core schema).
_FLOAT = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)
                    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*
                    |[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""", re.X)
_Loader.yaml_implicit_resolvers = {
    first: [(tag, _FLOAT if tag == FLOAT else rx) for tag, rx in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a single value, not a list or mapping", key_node.start_mark
            )
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, display: str | None = None):
    """Parse one YAML file; a syntax error becomes an IngestError naming file and line."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError([Problem(name, None, None, None, f"cannot read file: {exc}")]) from exc
    try:
        doc = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = f"invalid YAML: {getattr(exc, 'problem', None) or exc}"
        raise IngestError([Problem(name, line, None, None, reason)]) from exc
    except RecursionError as exc:
        raise IngestError([Problem(name, None, None, None, "invalid YAML: nested too deeply")]) from exc
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise IngestError([Problem(name, None, None, None, f"invalid YAML: {exc}")]) from exc
    limit = max(MAX_EXPANDED, len(text))
    if _expanded_size(doc, limit) is None:
        raise IngestError([Problem(name, None, None, None,
                                   f"invalid YAML: its aliases expand to more than {limit:,} values")])
    return doc


def _expanded_size(doc, limit: int) -> int | None:
    """How many values the document holds once every alias is expanded (None: more than
    `limit`). Aliases share one object, so a "billion laughs" is small in memory but
    would make anything that walks or prints it (str(), a validator) run for hours."""
    sizes: dict[int, int] = {}
    stack = [(doc, False)]
    while stack:
        value, done = stack.pop()
        if not isinstance(value, (list, dict)):
            continue
        children = list(value.values()) if isinstance(value, dict) else value
        if done:
            sizes[id(value)] = 1 + sum(sizes.get(id(c), 1) for c in children)
            if sizes[id(value)] > limit:
                return None
        elif id(value) not in sizes:
            sizes[id(value)] = 1  # while in progress: a recursive alias counts once
            stack.append((value, True))
            stack.extend((c, False) for c in children)
    return sizes.get(id(doc), 1)
