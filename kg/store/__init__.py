"""Stage 4: keep the graph — one file (NetworkX, default) or Neo4j — and export it.

The query layer, the build and the app use :func:`load_graph`,
:func:`save_graph` and :func:`default_graph_path`; :mod:`kg.build` fills the
store from report files.
"""
from __future__ import annotations

from .networkx_store import default_graph_path, load_graph, save_graph

__all__ = [
    "load_graph",
    "save_graph",
    "default_graph_path",
]
