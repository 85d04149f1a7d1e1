"""Export the graph: GraphML (Gephi, yEd), neo4j-admin import CSVs, a cypher-shell script, or JSON Lines."""
from __future__ import annotations

import sys

__all__ = ["add_arguments", "run", "FORMATS"]

FORMATS = {
    "graphml": "kg.store.graphml:write_graphml",
    "neo4j-admin": "kg.store.neo4j_admin:write_neo4j_admin",
    "cypher": "kg.store.cypher_script:write_cypher_script",
    "jsonl": "kg.store.jsonl:write_jsonl",
}
_BY_SUFFIX = {".graphml": "graphml", ".cypher": "cypher", ".cql": "cypher", ".jsonl": "jsonl"}


def add_arguments(p) -> None:
    p.add_argument("out", metavar="OUT", help="output file (a folder for neo4j-admin)")
    p.add_argument("--format", choices=tuple(FORMATS), help="default: from OUT's extension")
    p.add_argument("--graph", metavar="FILE", help="graph file (default $KG_GRAPH or data/graph/graph.pickle)")


def run(args) -> int:
    import importlib
    from pathlib import Path

    from ..errors import ConfigError
    from ..store import load_graph

    fmt = args.format or _BY_SUFFIX.get(Path(args.out).suffix.lower())
    if fmt is None:
        raise ConfigError(f"cannot tell the export format from {args.out!r}",
                          hint="pass --format graphml|neo4j-admin|cypher|jsonl")
    g = load_graph(args.graph)
    module, func = FORMATS[fmt].split(":")
    written = getattr(importlib.import_module(module), func)(g, args.out)
    print(f"{fmt}: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships → {written}", file=sys.stderr)
    return 0
