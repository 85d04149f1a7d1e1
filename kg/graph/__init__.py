"""Stage 3: extraction records → one knowledge graph (SCHEMA §7).

:func:`graph_from_records` and :func:`add_document` turn records into a
``networkx.MultiDiGraph``, resolving entities; :mod:`kg.build` runs the
stages over files (``kg.build_graph(paths)``) and :mod:`kg.store` keeps the
graph on disk or in Neo4j.
"""
from __future__ import annotations

from .build import (add_document, add_documents, count_labels, count_types, derive_properties, graph_from_records,
                    new_graph, org_spellings, remove_document, remove_documents)
from .names import normalize_org_name
from .relative import RelativeNames
from .resolve import OrgResolver, default_resolver

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

