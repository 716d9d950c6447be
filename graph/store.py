"""The one Cypher code path: the official neo4j driver over Bolt, managed
transactions for every write, the database name always explicit."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import neo4j
from neo4j.exceptions import AuthError, ClientError, ConfigurationError, ServiceUnavailable

from graph.config import Credentials, StoreConfig, display_uri
from graph.values import record_dict
from ontology import errors


class StoreError(errors.StoreError):
    """The store could not be reached; the message names the cause, never a secret."""


def refused_write(exc: BaseException) -> bool:
    """Whether a `read_only` failure is the server refusing a write (the CLI's exit 3), not a
    failed query. The two servers say it differently (measured, docs/neo4j.md): ArcadeDB refuses
    the read-only user with Neo.ClientError.Security.Forbidden, Neo4j refuses a write in a READ
    access mode transaction with Neo.ClientError.Statement.AccessMode."""
    code = str(getattr(exc, "code", None) or "")
    return "Forbidden" in code or ".Security." in code or code == "Neo.ClientError.Statement.AccessMode"


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict]
    truncated: bool = False


class GraphStore:
    def __init__(self, config: StoreConfig):
        self.config = config
        self._driver = self._connect(config.writer)
        self._reader: neo4j.Driver | None = None

    def _connect(self, creds: Credentials) -> neo4j.Driver:
        uri = display_uri(self.config.uri)
        try:
            driver = neo4j.GraphDatabase.driver(self.config.uri, auth=(creds.user, creds.password))
        except (ConfigurationError, ValueError):
            # the driver's message repeats the address, which may hold a password (user:pass@host)
            raise StoreError(f"{uri} is not a graph server address the driver accepts: use bolt://host:port "
                             "or neo4j[+s]://host, with the account in NEO4J_USERNAME and NEO4J_PASSWORD") from None
        try:
            with driver.session(database=self.config.database) as session:
                session.run("RETURN 1").consume()
        except AuthError as exc:
            driver.close()
            raise StoreError(f"authentication failed for user {creds.user!r} at {uri}") from exc
        except ServiceUnavailable as exc:
            driver.close()
            raise StoreError(f"cannot reach a graph server at {uri}") from exc
        except ValueError:  # an address the resolver rejects (a port that is not a number); it repeats the address
            driver.close()
            raise StoreError(f"cannot reach a graph server at {uri}: the address does not resolve") from None
        except ClientError as exc:
            driver.close()
            if (exc.code or "").endswith(".Security.AuthenticationRateLimit"):
                # Neo4j locks an account for a few seconds after 3 failed logins (dbms.security.auth_lock_time),
                # refusing even the right password meanwhile; the driver raises a plain ClientError for it
                raise StoreError(f"authentication failed for user {creds.user!r} at {uri}: too many failed "
                                 "attempts, the server refuses this account for a few seconds") from exc
            if "Database" in (exc.code or ""):
                raise StoreError(f"database {self.config.database!r} does not exist at {uri}") from exc
            raise StoreError(f"the server at {uri} refused the connection: {exc.code}") from exc
        return driver

    @property
    def reader(self) -> neo4j.Driver:
        if self._reader is None:
            self._reader = self._connect(self.config.reader)
        return self._reader

    def close(self) -> None:
        for driver in (self._driver, self._reader):
            if driver is not None:
                driver.close()

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read(self, query: str, params: dict | None = None) -> list[dict]:
        records, _, _ = self._driver.execute_query(
            query, params or {}, database_=self.config.database, routing_=neo4j.RoutingControl.READ
        )
        return [record_dict(r) for r in records]

    def write(self, query: str, params: dict | None = None):
        """One statement in one managed transaction (atomic on both servers)."""
        _, summary, _ = self._driver.execute_query(
            query, params or {}, database_=self.config.database, routing_=neo4j.RoutingControl.WRITE
        )
        return summary.counters

    def write_tx(self, work: Callable[[neo4j.ManagedTransaction], object]):
        with self._driver.session(database=self.config.database) as session:
            return session.execute_write(work)

    def schema(self, statement: str) -> None:
        """DDL runs on its own, outside data transactions (ArcadeDB keeps DDL even on rollback)."""
        with self._driver.session(database=self.config.database) as session:
            session.run(statement).consume()

    def stream(self, query: str, params: dict | None = None, fetch_size: int = 2000) -> Iterator[dict]:
        """Rows as the server sends them, `fetch_size` at a time: memory stays flat however
        many rows the query returns (for exports that read the whole graph)."""
        with self._driver.session(database=self.config.database, fetch_size=fetch_size,
                                  default_access_mode=neo4j.READ_ACCESS) as session:
            with session.begin_transaction() as tx:
                for record in tx.run(query, params or {}):
                    yield record_dict(record)

    def read_only(self, query: str, params: dict | None = None, limit: int = 1000,
                  timeout: float = 30.0) -> QueryResult:
        """Run untrusted Cypher as the read-only user, in a transaction that is always
        rolled back; on Neo4j also in READ access mode. The caller screens the text first.
        A write the screening missed is refused by the server: `refused_write(exc)` tells.
        `timeout` is the transaction's server-side timeout (Neo4j terminates the query with
        Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration)."""
        with self.reader.session(database=self.config.database,
                                 default_access_mode=neo4j.READ_ACCESS) as session:
            tx = session.begin_transaction(timeout=timeout)
            try:
                result = tx.run(query, params or {})
                columns = list(result.keys())
                rows, truncated = [], False
                for record in result:
                    if len(rows) >= limit:
                        truncated = True
                        break
                    rows.append(record_dict(record))
                return QueryResult(columns, rows, truncated)
            finally:
                tx.rollback()
