"""Export the graph: GraphML (Gephi, yEd), neo4j-admin import CSVs, a cypher-shell script, or JSON Lines."""
from __future__ import annotations

import sys

from ..errors import ConfigError
from ..store import load_graph
from ..store.exports import EXPORT_FORMATS, export_format_for, write_export

__all__ = ["add_arguments", "run"]


def add_arguments(p) -> None:
    p.add_argument("out", metavar="OUT", help="output file (a folder for neo4j-admin)")
    p.add_argument("--format", choices=tuple(EXPORT_FORMATS), help="default: from OUT's extension")
    p.add_argument("--graph", metavar="FILE", help="graph file (default $KG_GRAPH or data/graph/graph.pickle)")


def run(args) -> int:
    fmt = args.format or export_format_for(args.out)
    if fmt is None:
        raise ConfigError(f"cannot tell the export format from {args.out!r}",
                          hint="pass --format " + "|".join(EXPORT_FORMATS))
    g = load_graph(args.graph)
    written = write_export(g, fmt, args.out)
    print(f"{fmt}: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships → {written}", file=sys.stderr)
    return 0
