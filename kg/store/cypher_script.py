"""A ``.cypher`` script that rebuilds the graph with ``cypher-shell -f``.

The statements are the loader's own (kg/store/cypher.py) with each batch of
``$rows`` written as an escaped literal list, because a script file has no
parameters. Statements end with ``;`` one per line, so the script also works
pasted into Neo4j Browser; running it twice changes nothing (MERGE).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import networkx as nx

from ..graph.schema import NODE_LABELS
from .cypher import batched, constraint_statements, cypher_literal, index_statements, node_rows, node_statement, \
    relationship_groups, relationship_statement
from .networkx_store import write_atomically

__all__ = ["iter_cypher_statements", "write_cypher_script"]

SCRIPT_BATCH = 500


def iter_cypher_statements(g: nx.MultiDiGraph, batch_size: int = SCRIPT_BATCH) -> Iterator[str]:
    """Every statement of the script, without the trailing ``;``.

    >>> from kg.graph import new_graph
    >>> g = new_graph(); g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    >>> last = list(iter_cypher_statements(g))[-1]
    >>> last[:last.index(" AS row")]
    "UNWIND [{id: 'Slogan:四个意识', props: {canonical: '四个意识', doc_ids: null}}]"
    """
    yield from constraint_statements()
    yield from index_statements()
    for label in NODE_LABELS:
        for batch in batched(node_rows(g, label), batch_size):
            yield node_statement(label).replace("$rows", cypher_literal(batch), 1)
    for (rel, src, dst), rows in relationship_groups(g).items():
        for batch in batched(rows, batch_size):
            yield relationship_statement(rel, src, dst).replace("$rows", cypher_literal(batch), 1)


def write_cypher_script(g: nx.MultiDiGraph, path: str | Path, batch_size: int = SCRIPT_BATCH) -> Path:
    """Write the script atomically; load it with ``cypher-shell -u USER -p PASSWORD -f FILE``."""
    path = Path(path)
    head = (f"// kg graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships.\n"
            "// Load with: cypher-shell -u neo4j -p PASSWORD -d neo4j -f " + path.name + "\n")
    write_atomically(path, [head.encode("utf-8")] +
                     [(s + ";\n").encode("utf-8") for s in iter_cypher_statements(g, batch_size)])
    return path
