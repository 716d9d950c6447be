"""Composition: which store, which data directory, which app file. The CLI and the
app call these; nothing below (graph/, ingest/) knows about them."""
from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from graph import loadstate, quality
from graph.config import EmbeddedSettings, StoreConfig, aikg_home, neo4j_config_from_env
from graph.schema import ensure_schema
from graph.server import EmbeddedServer
from graph.store import GraphStore
from graph.writer import GraphWriter
from ingest import pipeline
from ingest.fingerprint import input_digest
from ingest.importing import ImportContext
from ingest.problems import IngestError, Problem
from ingest.sources import registry
from ingest.sources.curated import CuratedSource

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def embedded_server() -> EmbeddedServer:
    return EmbeddedServer(EmbeddedSettings.from_env())


def store_config(autostart: bool = True) -> StoreConfig:
    """A real Neo4j when NEO4J_URI is set, else the embedded server (started if asked)."""
    config = neo4j_config_from_env()
    if config is not None:
        return config
    server = embedded_server()
    return server.ensure_running() if autostart else server.config()


def open_store(autostart: bool = True) -> GraphStore:
    return GraphStore(store_config(autostart))


def default_data_dir() -> Path:
    """./data when run from a checkout, else the curated data installed with the package."""
    local = Path.cwd() / "data"
    if local.is_dir():
        return local
    spec = importlib.util.find_spec("aikg_data")
    if spec and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return PROJECT_ROOT / "data"


def app_file() -> Path:
    local = PROJECT_ROOT / "app.py"
    if local.exists():
        return local
    spec = importlib.util.find_spec("app")
    if spec and spec.origin:
        return Path(spec.origin)
    raise FileNotFoundError("app.py is not installed")


def read_curated(paths: list[Path]) -> list:
    """The curated files' records, each checked on its own (no store needed); raises IngestError."""
    return pipeline.read([CuratedSource(paths)])


def ingest_paths(store: GraphStore, paths: list[Path],
                 progress: Callable[[int], None] | None = None,
                 on_total: Callable[[int], None] | None = None,
                 records: list | None = None, digest: str | None = None) -> pipeline.IngestReport:
    """Validate the curated files as one batch, then write them; nothing is written on error.
    `records` and `digest` may come from an earlier read_curated / input_digest of the same paths.
    The graph's load state says "loading" until the last write, then the digest of the load."""
    ensure_schema(store)
    records = read_curated(paths) if records is None else records
    writer = GraphWriter(store)
    pipeline.check(records, writer)
    digest = digest or input_digest(paths)
    loadstate.mark_loading(store, digest)
    report = pipeline.write(records, writer, CuratedSource.policy, progress, on_total)
    loadstate.mark_loaded(store, digest, len(records))
    return report


def resolver(store: GraphStore):
    """The entity resolver over what the graph holds now."""
    from ingest.importing import RESOLVABLE
    from ingest.resolve import ModelFacts, Resolver

    facts = ModelFacts.from_rows(quality.model_profiles(store), quality.organization_parents(store))
    return Resolver.from_rows(GraphWriter(store).entity_rows(RESOLVABLE), facts)


def downloads_dir() -> Path:
    """Where datasets given as a URL are cached, each copy named with its date."""
    return aikg_home() / "downloads"


def import_dataset(store: GraphStore, kind: str, target,
                   progress: Callable[[int], None] | None = None,
                   on_total: Callable[[int], None] | None = None) -> tuple[pipeline.IngestReport, ImportContext]:
    """Resolve a public dataset against the graph and fill it in; all or nothing. `target`
    is what the importer of that kind imports (ingest/sources/registry.py): a file or
    folder, an https:// URL, a list of article files, a Hugging Face query."""
    spec = registry.get(kind)
    ensure_schema(store)
    writer = GraphWriter(store)
    import_context = _import_context(store, writer, spec.reads)
    source = spec.build(target, registry.ImportEnv(import_context, downloads_dir()))
    return pipeline.run([source], writer, progress, on_total), import_context


def _import_context(store: GraphStore, writer: GraphWriter, reads: frozenset[str]) -> ImportContext:
    """What the graph holds that an importer resolves against: names, releases and
    artifacts always; the other reads only when the importer declares them."""
    facts = (quality.model_profiles(store), quality.organization_parents(store)) \
        if registry.MODEL_FACTS in reads else ()
    import_context = ImportContext.from_graph(writer, *facts)
    if registry.HUB_LINKS in reads:
        import_context.hub_links = quality.hub_links(store)
    return import_context


def validate_paths(store: GraphStore, paths: list[Path]) -> tuple[int, list[Problem]]:
    """Dry run of an ingest: how many records the files hold, or their problems."""
    try:
        return len(pipeline.collect([CuratedSource(paths)], GraphWriter(store))), []
    except IngestError as exc:
        return 0, exc.problems
