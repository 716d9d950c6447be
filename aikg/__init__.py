"""aikg — the open knowledge graph of the AI release landscape (the CLI and app glue)."""
__version__ = "0.1.0"
