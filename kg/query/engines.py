"""One interface over both stores: ``engine.run(cypher, params, limit, timeout) -> Result``.

The canned queries are written once in Cypher and run unchanged on the
embedded engine (ladybug, loaded from the NetworkX graph) and on Neo4j;
what the engines share (the result, the guard, the run settings) is in
:mod:`kg.query.base`. This module picks the engine for a store.
"""
from __future__ import annotations

import os

from ..errors import ConfigError
from ..store import default_graph_path, load_graph
from .ladybug_engine import LadybugEngine, get_ladybug_engine
from .neo4j_engine import Neo4jEngine

__all__ = ["get_engine", "open_engine"]


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
    ``graph_path`` (default: kg.store's), or Neo4j (``neo4j`` overrides env).
    """
    if store == "neo4j":
        return Neo4jEngine.from_env(None, **(neo4j or {}))
    if store != "networkx":
        raise ConfigError(f"unknown store {store!r}", hint="use networkx or neo4j")
    if graph is None:
        return LadybugEngine.for_graph_file(graph_path or default_graph_path(), load_graph)
    return get_engine("networkx", graph)
