"""Regenerate ontology/generated/ from ontology/aikg.yaml: `python -m ontology.generate`.

LinkML is a development dependency (the `test` and `schema` extras); the
generated files are committed so that running aikg never needs it.
`--check` exits non-zero when a committed file differs from a fresh generation.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Callable

HERE = Path(__file__).parent
SCHEMA = "aikg.yaml"  # relative: generators run inside ontology/
OUT = HERE / "generated"


def _pydantic() -> str:
    from linkml.generators.pydanticgen import PydanticGenerator

    return PydanticGenerator(SCHEMA).serialize()


def _owl() -> str:
    from linkml.generators.owlgen import OwlSchemaGenerator

    return OwlSchemaGenerator(
        SCHEMA,
        metadata=False,
        skip_vacuous_min_zero_cardinality_axioms=True,
        skip_vacuous_local_range_axioms=True,
        consolidate_cardinality_axioms=True,
    ).serialize()


def _shacl() -> str:
    from linkml.generators.shaclgen import ShaclGenerator

    return ShaclGenerator(SCHEMA, metadata=False).serialize()


def _json_schema() -> str:
    from linkml.generators.jsonschemagen import JsonSchemaGenerator

    return JsonSchemaGenerator(SCHEMA, metadata=False).serialize()


def _jsonld_context() -> str:
    from linkml.generators.jsonldcontextgen import ContextGenerator

    return ContextGenerator(SCHEMA, metadata=False).serialize()


TARGETS: dict[str, Callable[[], str]] = {
    "models.py": _pydantic,
    "aikg.owl.ttl": _owl,
    "aikg.shacl.ttl": _shacl,
    "aikg.schema.json": _json_schema,
    "aikg.context.jsonld": _jsonld_context,
}


def render() -> dict[str, str]:
    """Every generated file's expected text, keyed by file name. Generated from inside
    ontology/ so that no absolute path of this checkout ends up in the output."""
    with contextlib.chdir(HERE):
        return {name: _normalize(make()) for name, make in TARGETS.items()}


def _normalize(text: str) -> str:
    return text.rstrip() + "\n"


def drift() -> list[str]:
    """Names of committed generated files that differ from a fresh generation."""
    return [
        name
        for name, text in render().items()
        if not (OUT / name).exists() or (OUT / name).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = drift()
        for name in stale:
            print(f"ontology/generated/{name} is stale: run python -m ontology.generate")
        return 1 if stale else 0
    OUT.mkdir(exist_ok=True)
    for name, text in render().items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote ontology/generated/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
