"""Stage 5: questions over the graph — canned Cypher, safe ad-hoc Cypher, plain Chinese.

The small public API the CLI and the app use:

* :func:`load_catalog` / :func:`get_query` — the canned queries of ``queries/``;
* :func:`open_engine` — an engine over the NetworkX graph (embedded ladybug) or Neo4j;
* :func:`run_canned` — run a canned query with checked parameters;
* ``engine.run(cypher, params, limit, timeout)`` — read-only Cypher; typed Cypher on
  :func:`open_adhoc_engine`'s engine (a confined worker with time and memory limits);
* :func:`ask` — a question in Chinese → an :class:`~kg.query.ask.Answer`.
"""
from __future__ import annotations

import importlib

__all__ = ["load_catalog", "get_query", "run_canned", "open_engine", "open_adhoc_engine", "get_engine", "ask", "Result", "Answer",
           "param_choices", "render_summary", "check_read_only", "check_syntax"]

_LAZY = {
    "load_catalog": "kg.query.catalog",
    "get_query": "kg.query.catalog",
    "run_canned": "kg.query.catalog",
    "param_choices": "kg.query.catalog",
    "render_summary": "kg.query.catalog",
    "open_engine": "kg.query.engines",
    "open_adhoc_engine": "kg.query.engines",
    "get_engine": "kg.query.engines",
    "Result": "kg.query.base",
    "ask": "kg.query.ask",
    "Answer": "kg.query.ask",
    "check_read_only": "kg.query.guard",
    "check_syntax": "kg.query.parse",
}


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg.query' has no attribute {name!r}")
