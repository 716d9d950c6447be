"""Uniqueness constraints and indexes, derived from the ontology, created
idempotently before any data (an index created over existing data makes
ArcadeDB coerce later values to the first type it saw)."""
from __future__ import annotations

from graph.store import GraphStore
from ontology.vocab import Vocabulary, vocabulary

INDEXED_PROPERTIES = ("name",)
# properties the catalog filters whole labels on (measured: the frontier questions 2x
# faster at 10k nodes); an index on a filter the planner does not use is left out
FILTER_INDEXES = {"Model": ("frontier", "epoch_frontier", "training_compute_flop"),
                  # date windows of newest-first pages (graph.paging) and releases of a year
                  "Release": ("date",)}


def statements(vocab: Vocabulary) -> list[str]:
    out = []
    for label in sorted(vocab.labels):
        snake = label.lower()
        out.append(f"CREATE CONSTRAINT {snake}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        for prop in INDEXED_PROPERTIES + FILTER_INDEXES.get(label, ()):
            out.append(f"CREATE INDEX {snake}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    return out


def ensure_schema(store: GraphStore, vocab: Vocabulary | None = None) -> int:
    vocab = vocab or vocabulary()
    ddl = statements(vocab)
    for statement in ddl:
        store.schema(statement)
    return len(ddl)
