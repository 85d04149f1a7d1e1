"""The same Cypher on Neo4j, through the official driver, read-only.

Besides the guard every engine applies, queries run in a read transaction
(``session.execute_read`` in a READ-mode session), so the server itself
refuses a write; the transaction has a server-side timeout; rows are pulled
one by one and the pull stops at the cap.
"""
from __future__ import annotations

import logging
import time

from ..errors import CypherSyntaxError, QueryError, QueryTimeout, WriteQueryRefused
from ..store.neo4j_store import Neo4jSettings, connect
from .base import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Result, plain_value, prepare_query

__all__ = ["Neo4jEngine"]

log = logging.getLogger(__name__)


class Neo4jEngine:
    """Queries one Neo4j database; build it with :meth:`from_env` or from a driver."""

    name = "neo4j"

    def __init__(self, driver, database: str = "neo4j", uri: str = ""):
        self._driver = driver
        self.database = database
        self.uri = uri

    @classmethod
    def from_env(cls, environ=None, **overrides) -> "Neo4jEngine":
        """Connect with NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE (kg.store's settings)."""
        settings = Neo4jSettings.from_env(overrides, environ=environ)
        return cls(connect(settings), settings.database, settings.uri)

    def close(self) -> None:
        self._driver.close()

    def run(self, cypher: str, params: dict | None = None, limit: int = DEFAULT_LIMIT,
            timeout: float = DEFAULT_TIMEOUT) -> Result:
        """Run one read-only query in a read transaction; at most ``limit`` rows."""
        return self._run(cypher, prepare_query(cypher, params, limit, timeout), limit, timeout)

    def _run(self, cypher: str, params: dict, limit: int, timeout: float) -> Result:
        # lazy: the Neo4j driver (0.5 s), only when a server is asked
        from neo4j import READ_ACCESS, unit_of_work
        from neo4j import exceptions as ne

        @unit_of_work(timeout=timeout)
        def work(tx):
            res = tx.run(cypher, params)
            columns = list(res.keys())
            rows = []
            for record in res:
                rows.append([plain_value(v) for v in record.values()])
                if len(rows) > limit:
                    break
            return columns, rows

        started = time.perf_counter()
        try:
            with self._driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                columns, rows = session.execute_read(work)
        except ne.CypherSyntaxError as err:
            raise CypherSyntaxError(f"Neo4j: {err.message}") from err
        except ne.ClientError as err:
            code = err.code or ""
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise QueryTimeout(f"query stopped after {timeout:g} s", hint="narrow it or raise --timeout") from err
            if "ForbiddenOnReadOnlyDatabase" in code or "WriteOnReadOnlyAccessDbException" in code or "AccessMode" in code:
                raise WriteQueryRefused(f"Neo4j refused a write in a read transaction: {err.message}") from err
            raise QueryError(f"Neo4j refused the query: {err.message}") from err
        except (ne.Neo4jError, ne.DriverError) as err:
            raise QueryError(f"Neo4j failed: {err}") from err
        elapsed = time.perf_counter() - started
        return Result(columns, rows[:limit], elapsed, len(rows) > limit, self.name)

    def run_columns(self, cypher: str, params: dict | None = None,
                    timeout: float = DEFAULT_TIMEOUT) -> dict[str, list]:
        """Every row of one of the program's own queries, as columns of plain values.

        The counterpart of the embedded engine's: the query is a constant of
        the program, so the guard's parse is not paid; it still runs in a
        read transaction. A user's query goes through :meth:`run`.
        """
        result = self._run(cypher, dict(params or {}), 10**9, timeout)
        return {c: [row[i] for row in result.rows] for i, c in enumerate(result.columns)}
