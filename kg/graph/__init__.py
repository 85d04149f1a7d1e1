"""Stage 3: extraction records → one knowledge graph (SCHEMA §7).

:func:`graph_from_records` and :func:`add_document` turn records into a
``networkx.MultiDiGraph``, resolving entities; :mod:`kg.build` runs the
stages over files (``kg.build_graph(paths)``) and :mod:`kg.store` keeps the
graph on disk or in Neo4j. The names below are imported lazily, so that
``kg.graph.schema`` (the labels and properties the query layer checks
against) loads without networkx (0.45 s).
"""
from __future__ import annotations

import importlib

__all__ = [
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

_LAZY = {
    **dict.fromkeys(["graph_from_records", "add_document", "add_documents", "remove_document", "remove_documents",
                     "org_spellings", "derive_properties", "new_graph", "count_labels", "count_types"],
                    "kg.graph.build"),
    "OrgResolver": "kg.graph.resolve",
    "default_resolver": "kg.graph.resolve",
    "RelativeNames": "kg.graph.relative",
    "normalize_org_name": "kg.graph.names",
}


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg.graph' has no attribute {name!r}")
