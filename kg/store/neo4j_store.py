"""Neo4j as the store for teams and scale, through the official ``neo4j`` driver.

Why this shape: constraints first (so ``MERGE`` on ``id`` is an index
lookup), then ``UNWIND $rows AS row MERGE …`` in managed write transactions
(``session.execute_write``) of ``batch_size`` rows — values only ever travel
as parameters. Every statement is a MERGE or a delete by id, so a batch
retried after a dropped connection, or a whole load run twice, leaves the
same graph.

Every write returns the server's summary counters; :class:`LoadStats` adds
them up, so "an unchanged reload changes nothing" is measured by Neo4j
itself. The tests run against a real Neo4j 5 the suite starts (or the one
``NEO4J_URI`` names).

Failures a user can fix come back as one :class:`~kg.errors.Neo4jUnavailable`
line: unreachable server, refused login, missing database.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..errors import ConfigError, Neo4jUnavailable
from ..graph.schema import NODE_LABELS
from .cypher import (
    SHARED_LABELS,
    batched,
    constraint_statements,
    delete_document_statements,
    index_statements,
    delete_missing_statement,
    node_rows,
    node_statement,
    relationship_groups,
    relationship_statement,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Neo4jSettings",
    "connect",
    "load_to_neo4j",
    "remove_from_neo4j",
    "sync_to_neo4j",
    "LoadStats",
    "COUNTERS",
    "count_in_neo4j",
]

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 2000


@dataclass
class Neo4jSettings:
    """Connection settings: explicit values win over NEO4J_URI/USER/PASSWORD/DATABASE.

    >>> Neo4jSettings.from_env({"uri": "neo4j://h:7687"}, environ={"NEO4J_USER": "u"}).user
    'u'
    """

    uri: str
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"
    batch_size: int = DEFAULT_BATCH_SIZE

    @classmethod
    def from_env(cls, overrides: dict | None = None, environ: dict | None = None) -> "Neo4jSettings":
        env = os.environ if environ is None else environ
        o = {k: v for k, v in (overrides or {}).items() if v is not None}
        uri = o.get("uri") or env.get("NEO4J_URI")
        if not uri:
            raise ConfigError("no Neo4j server given", hint="set NEO4J_URI (e.g. neo4j://localhost:7687) or pass --neo4j-uri")
        batch = int(o.get("batch_size") or env.get("KG_NEO4J_BATCH_SIZE") or DEFAULT_BATCH_SIZE)
        if batch < 1:
            raise ConfigError(f"batch size {batch} is not positive", hint="use --batch-size 2000")
        return cls(uri=uri, user=o.get("user") or env.get("NEO4J_USER") or "neo4j",
                   password=o.get("password") or env.get("NEO4J_PASSWORD") or "",
                   database=o.get("database") or env.get("NEO4J_DATABASE") or "neo4j", batch_size=batch)


COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted", "properties_set",
            "labels_added", "labels_removed", "indexes_added", "indexes_removed", "constraints_added",
            "constraints_removed")


@dataclass
class LoadStats:
    """What a load sent (statements, batches, rows, retried batches) and what Neo4j says it changed
    (``counters``: the driver's summary counters, added up over every statement).

    >>> s = LoadStats(); s.counters["nodes_created"] += 2; s.changes
    2
    """

    statements: int = 0
    batches: int = 0
    rows: int = 0
    retries: int = 0
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))

    @property
    def changes(self) -> int:
        """Everything the server created, deleted or set: 0 means the database did not change."""
        return sum(self.counters.values())

    def add(self, other: "LoadStats") -> "LoadStats":
        for name in ("statements", "batches", "rows", "retries"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, value in other.counters.items():
            self.counters[key] = self.counters.get(key, 0) + value
        return self


def _explain(err: Exception, settings: Neo4jSettings) -> Neo4jUnavailable:
    from neo4j import exceptions as ne  # lazy: the Neo4j driver (0.5 s) only when a server is used

    code = getattr(err, "code", "") or ""
    if isinstance(err, ne.AuthError) or "Unauthorized" in code or "AuthenticationRateLimit" in code:
        return Neo4jUnavailable(f"Neo4j at {settings.uri} refused the login for user {settings.user!r}",
                                hint="check NEO4J_USER/NEO4J_PASSWORD or --neo4j-user/--neo4j-password")
    if "DatabaseNotFound" in code or "database does not exist" in str(err).lower():
        return Neo4jUnavailable(f"Neo4j at {settings.uri} has no database {settings.database!r}",
                                hint="create it (CREATE DATABASE …) or set NEO4J_DATABASE / --neo4j-database")
    if isinstance(err, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
        return Neo4jUnavailable(f"cannot reach Neo4j at {settings.uri}",
                                hint="is the server running? see docs/graph-store.md (docker run neo4j:5)")
    if isinstance(err, ValueError) or isinstance(err, ne.ConfigurationError):
        return Neo4jUnavailable(f"bad Neo4j address {settings.uri!r} ({err})",
                                hint="use neo4j://host:7687 or bolt://host:7687")
    return Neo4jUnavailable(f"Neo4j at {settings.uri} failed: {err}")


def connect(settings: Neo4jSettings, *, driver_factory=None):
    """Open a driver and check the server, the login and the database; returns the driver."""
    from neo4j import GraphDatabase  # lazy: the Neo4j driver (0.5 s) only when a server is used
    from neo4j import exceptions as ne

    factory = driver_factory or GraphDatabase.driver
    # The driver logs its own ERROR lines for a failed connection; we say it once, clearly.
    driver_log = logging.getLogger("neo4j")
    level = driver_log.level
    if not log.isEnabledFor(logging.DEBUG):
        driver_log.setLevel(logging.CRITICAL)
    try:
        try:
            driver = factory(settings.uri, auth=(settings.user, settings.password))
        except (ValueError, ne.ConfigurationError) as err:
            raise _explain(err, settings) from err
        try:
            driver.verify_connectivity()
            with driver.session(database=settings.database) as session:
                session.execute_read(_consume, "RETURN 1 AS ok", {})
        except (ne.Neo4jError, ne.DriverError, OSError) as err:
            driver.close()
            raise _explain(err, settings) from err
    finally:
        driver_log.setLevel(level)
    return driver


def _consume(tx, statement: str, params: dict):
    return tx.run(statement, **params).consume()


def _ids(tx, statement: str) -> list[str]:
    return [record["id"] for record in tx.run(statement)]


def _write(session, statement: str, params: dict, stats: LoadStats, settings: Neo4jSettings,
           retries: int = 3, backoff: float = 0.5) -> None:
    # execute_write already retries transient errors inside one session; this
    # outer loop covers a connection dropped between batches. Batches are
    # idempotent (MERGE / delete by id), so sending one again is safe.
    from neo4j import exceptions as ne  # lazy: the Neo4j driver (0.5 s) only when a server is used

    for attempt in range(retries + 1):
        try:
            summary = session.execute_write(_consume, statement, params)
            stats.statements += 1
            counters = getattr(summary, "counters", None)
            for name in COUNTERS:
                stats.counters[name] += getattr(counters, name, 0) or 0
            return
        except (ne.TransientError, ne.ServiceUnavailable, ne.SessionExpired) as err:
            if attempt == retries:
                raise _explain(err, settings) from err
            stats.retries += 1
            log.warning("Neo4j batch failed (%s); retry %d of %d", type(err).__name__, attempt + 1, retries)
            time.sleep(backoff * (2 ** attempt))
        except ne.Neo4jError as err:
            code = getattr(err, "code", "") or ""
            if "Unauthorized" in code or "DatabaseNotFound" in code or isinstance(err, ne.AuthError):
                raise _explain(err, settings) from err
            raise


def _send_rows(session, statement: str, rows: list, stats: LoadStats, settings: Neo4jSettings, **kw) -> None:
    for batch in batched(rows, settings.batch_size):
        _write(session, statement, {"rows": batch}, stats, settings, **kw)
        stats.batches += 1
        stats.rows += len(batch)


def load_to_neo4j(g: nx.MultiDiGraph, driver, settings: Neo4jSettings, *, doc_ids: set[str] | None = None,
                  backoff: float = 0.5) -> LoadStats:
    """Upsert the graph (or only the facts of ``doc_ids`` plus every shared node) into Neo4j.

    Constraints and indexes first, then nodes label by label, then relationships by type.
    """
    stats = LoadStats()
    with driver.session(database=settings.database) as session:
        for statement in constraint_statements() + index_statements():
            _write(session, statement, {}, stats, settings, backoff=backoff)
        for label in NODE_LABELS:
            rows = node_rows(g, label, doc_ids)
            _send_rows(session, node_statement(label), rows, stats, settings, backoff=backoff)
        for (rel, src, dst), rows in relationship_groups(g, doc_ids).items():
            _send_rows(session, relationship_statement(rel, src, dst), rows, stats, settings, backoff=backoff)
    return stats


def remove_from_neo4j(g: nx.MultiDiGraph, driver, settings: Neo4jSettings, doc_ids: set[str], *,
                      backoff: float = 0.5) -> LoadStats:
    """Delete the facts of ``doc_ids`` and the shared nodes the graph no longer has."""
    stats = LoadStats()
    with driver.session(database=settings.database) as session:
        if doc_ids:
            for statement in delete_document_statements():
                _write(session, statement, {"doc_ids": sorted(doc_ids)}, stats, settings, backoff=backoff)
        for label in SHARED_LABELS:
            ids = sorted(n for n, d in g.nodes(data=True) if d.get("label") == label)
            _write(session, delete_missing_statement(label), {"ids": ids}, stats, settings, backoff=backoff)
    return stats


def sync_to_neo4j(g: nx.MultiDiGraph, *, changed: set[str] = frozenset(), removed: set[str] = frozenset(),
                  settings: dict | Neo4jSettings | None = None, driver=None, stats: LoadStats | None = None) -> str:
    """Make Neo4j hold what ``g`` holds, sending only what changed. Returns a description.

    Documents Neo4j lacks are loaded, documents it has that ``g`` lacks are
    removed, and the ``changed``/``removed`` ones are replaced. ``stats``,
    when given, receives what was sent and what the server changed.
    """
    if not isinstance(settings, Neo4jSettings):
        settings = Neo4jSettings.from_env(settings or {})
    own_driver = driver is None
    driver = driver or connect(settings)
    try:
        with driver.session(database=settings.database) as session:
            present = set(session.execute_read(_ids, "MATCH (d:Document) RETURN d.doc_id AS id"))
        in_graph = {d["doc_id"] for _, d in g.nodes(data=True) if d.get("label") == "Document"}
        stale = (present - in_graph) | set(removed) | (set(changed) & present)
        todo = (in_graph - present) | (set(changed) & in_graph)
        total = remove_from_neo4j(g, driver, settings, stale)
        total.add(load_to_neo4j(g, driver, settings, doc_ids=todo))
    finally:
        if own_driver:
            driver.close()
    if stats is not None:
        stats.add(total)
    log.info("neo4j: %d documents replaced, %d removed, %d rows in %d batches, %d changes", len(todo),
             len(stale - todo), total.rows, total.batches, total.changes)
    return (f"{settings.uri} (database {settings.database}): {len(todo)} documents loaded, "
            f"{len(stale - todo)} removed, {total.changes} changes")


def count_in_neo4j(driver, settings: Neo4jSettings) -> dict[str, Any]:
    """Nodes per label and relationships per type, as Neo4j sees them (for checks)."""
    with driver.session(database=settings.database) as session:
        nodes = session.execute_read(
            lambda tx: {r["label"]: r["n"] for r in tx.run(
                "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")})
        rels = session.execute_read(
            lambda tx: {r["type"]: r["n"] for r in tx.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")})
    return {"nodes": nodes, "relationships": rels}
