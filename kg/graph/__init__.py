"""Stage 3: extraction records → one knowledge graph (SCHEMA §7).

``build_graph(paths)`` is the one-call API: read, extract, resolve entities
and return a ``networkx.MultiDiGraph``; :mod:`kg.store` keeps it on disk or
in Neo4j.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import networkx as nx

from .build import (add_document, add_documents, count_labels, count_types, derive_properties, graph_from_records,
                    new_graph, org_spellings, remove_document, remove_documents)
from .relative import RelativeNames
from .resolve import OrgResolver, default_resolver, normalize_org_name

__all__ = [
    "build_graph",
    "graph_from_records",
    "add_document",
    "add_documents",
    "remove_document",
    "remove_documents",
    "org_spellings",
    "derive_properties",
    "new_graph",
    "count_labels",
    "count_types",
    "OrgResolver",
    "RelativeNames",
    "default_resolver",
    "normalize_org_name",
]


def build_graph(paths: Iterable[str | Path], *, jobs: int | None = 1,
                resolver: OrgResolver | None = None) -> nx.MultiDiGraph:
    """Read, extract and build a fresh graph from report files or folders.

    Per-file errors are logged and the file is left out; ``jobs`` > 1 (or
    None: every core) extracts in worker processes with the same result.
    Nothing is saved: see :func:`kg.store.build_store` for the incremental,
    persisted build.
    """
    import logging

    from ..store.incremental import update_graph

    g = new_graph()
    summary = update_graph(g, paths, jobs=jobs, resolver=resolver)
    for path, err in summary.errors:
        logging.getLogger(__name__).warning("%s: %s", path, err)
    return g
