"""Settings from the environment, as explicit objects (no module globals)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE = "aikg"


def display_uri(uri: str) -> str:
    """The address without any user:password@ part, for messages."""
    return re.sub(r"(?<=://).*@", "***@", uri)  # up to the last @: a password may hold / or @


def aikg_home() -> Path:
    """AIKG_HOME, else a per-user data directory."""
    if os.environ.get("AIKG_HOME"):
        return Path(os.environ["AIKG_HOME"]).expanduser().resolve()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "aikg"


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class StoreConfig:
    """Where the graph lives and how to reach it. Passwords never appear in repr."""

    uri: str
    database: str
    writer: Credentials
    reader: Credentials
    embedded: bool

    def describe(self) -> dict:
        return {"uri": display_uri(self.uri), "database": self.database, "embedded": self.embedded,
                "user": self.writer.user}


@dataclass(frozen=True)
class EmbeddedSettings:
    home: Path
    heap: str = "1g"
    bolt_port: int = 0  # 0: a free port chosen at start
    start_timeout: float = 90.0

    @classmethod
    def from_env(cls) -> "EmbeddedSettings":
        return cls(
            home=aikg_home(),
            heap=os.environ.get("AIKG_HEAP", "1g"),
            bolt_port=int(os.environ.get("AIKG_BOLT_PORT", "0")),
        )


def neo4j_config_from_env() -> StoreConfig | None:
    """A real Neo4j from NEO4J_*; None when NEO4J_URI is unset."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    writer = Credentials(os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    reader_user = os.environ.get("AIKG_NEO4J_READ_USERNAME")
    reader = (Credentials(reader_user, os.environ.get("AIKG_NEO4J_READ_PASSWORD", ""))
              if reader_user else writer)
    return StoreConfig(uri, os.environ.get("NEO4J_DATABASE", "neo4j"), writer, reader, embedded=False)
