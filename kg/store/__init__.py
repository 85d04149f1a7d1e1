"""Stage 4: keep the graph — one file (NetworkX, default) or Neo4j — and export it.

The query layer and the app use :func:`load_graph`, :func:`save_graph`,
:func:`default_graph_path` and :func:`build_store` (build or update from
files, returning a :class:`BuildSummary`).
"""
from __future__ import annotations

from .incremental import BuildSummary, build_store, iter_files, update_graph
from .networkx_store import default_graph_path, load_graph, save_graph

__all__ = [
    "load_graph",
    "save_graph",
    "default_graph_path",
    "build_store",
    "update_graph",
    "iter_files",
    "BuildSummary",
]
