"""One interface over both stores: ``engine.run(cypher, params, limit, timeout) -> Result``.

The canned queries are written once in Cypher and run unchanged on the
embedded engine (ladybug: the query database beside the graph file, or a
copy of a graph in memory) and on Neo4j;
what the engines share (the result, the guard, the run settings) is in
:mod:`kg.query.base`. This module picks the engine for a store.
"""
from __future__ import annotations

import os

from ..errors import ConfigError
from ..store import default_graph_path, load_graph
from .database import open_query_database
from .ladybug_engine import get_ladybug_engine
from .neo4j_engine import Neo4jEngine
from .sandbox import SandboxedEngine

__all__ = ["get_engine", "open_engine", "open_adhoc_engine"]


def get_engine(store: str = "networkx", graph=None):
    """The engine for ``store``: ``networkx`` (ladybug over ``graph``) or ``neo4j`` (env settings).

    The ladybug copy is cached per graph content, so asking twice is free.
    """
    if store == "networkx":
        if graph is None:
            raise ConfigError("the networkx store needs a graph", hint="load one with kg.store.load_graph()")
        return get_ladybug_engine(graph)
    if store == "neo4j":
        return Neo4jEngine.from_env(os.environ)
    raise ConfigError(f"unknown store {store!r}", hint="use networkx or neo4j")


def open_engine(store: str = "networkx", *, graph=None, graph_path=None, neo4j: dict | None = None):
    """The engine the CLI and the app ask: over ``graph``, the graph file at
    ``graph_path`` (default: kg.store's) through its query database, or
    Neo4j (``neo4j`` overrides env).
    """
    if store == "neo4j":
        return Neo4jEngine.from_env(None, **(neo4j or {}))
    if store != "networkx":
        raise ConfigError(f"unknown store {store!r}", hint="use networkx or neo4j")
    if graph is None:
        return open_query_database(graph_path)
    return get_engine("networkx", graph)


def open_adhoc_engine(store: str = "networkx", *, graph=None, graph_path=None, neo4j: dict | None = None):
    """The engine for Cypher a person typed: :func:`open_engine`'s, with every query in a confined worker.

    On the NetworkX store the queries run in a :class:`~kg.query.sandbox.SandboxedEngine`
    (no file access, a memory limit, killed at the timeout) over the
    query database beside the graph file (:mod:`kg.query.database`), or a
    copy of ``graph``. Neo4j runs
    them in read transactions with a server-side timeout; both apply the
    parse-tree allow-list first.
    """
    if store == "neo4j":
        return Neo4jEngine.from_env(None, **(neo4j or {}))
    if store != "networkx":
        raise ConfigError(f"unknown store {store!r}", hint="use networkx or neo4j")
    if graph is not None:
        return SandboxedEngine(graph)
    kept = open_query_database(graph_path)
    db_path = kept.path
    kept.close()
    if db_path == ":memory:":  # no database could be kept next to the file
        return SandboxedEngine(load_graph(graph_path or default_graph_path()))
    return SandboxedEngine(db_path=db_path)
