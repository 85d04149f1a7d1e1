"""JSON Lines export: one node or relationship per line, for scripts and other tools.

The line shapes follow Neo4j's own JSON export (APOC ``json`` format), so a
reader that knows one knows the other::

    {"type": "graph", "properties": {...}}
    {"type": "node", "id": "Organization:市委", "labels": ["Organization"], "properties": {...}}
    {"type": "relationship", "id": "AUTHORED|d|0", "label": "AUTHORED",
     "start": "Organization:市委", "end": "Document:d", "properties": {...}}
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import networkx as nx
import orjson

from ..errors import GraphError
from .networkx_store import write_atomically

__all__ = ["iter_jsonl", "write_jsonl", "read_jsonl"]


def iter_jsonl(g: nx.MultiDiGraph) -> Iterator[bytes]:
    """The lines of the export (bytes, newline included), graph first, nodes, then relationships."""
    yield orjson.dumps({"type": "graph", "properties": dict(g.graph)}) + b"\n"
    for n, d in g.nodes(data=True):
        props = {k: v for k, v in d.items() if k != "label"}
        yield orjson.dumps({"type": "node", "id": n, "labels": [d["label"]], "properties": props}) + b"\n"
    for u, v, k, d in g.edges(keys=True, data=True):
        props = {kk: vv for kk, vv in d.items() if kk != "type"}
        yield orjson.dumps({"type": "relationship", "id": k, "label": d["type"], "start": u, "end": v,
                            "properties": props}) + b"\n"


def write_jsonl(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the export atomically.

    >>> import tempfile, os
    >>> from kg.graph import new_graph
    >>> g = new_graph(); g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    >>> read_jsonl(write_jsonl(g, os.path.join(tempfile.mkdtemp(), "g.jsonl"))).nodes["Slogan:四个意识"]
    {'label': 'Slogan', 'canonical': '四个意识'}
    """
    path = Path(path)
    write_atomically(path, iter_jsonl(g))
    return path


def read_jsonl(path: str | Path) -> nx.MultiDiGraph:
    """Read an export back into a graph; a bad line names ``file:line``."""
    g = nx.MultiDiGraph()
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = orjson.loads(line)
                kind = item["type"]
                if kind == "graph":
                    g.graph.update(item["properties"])
                elif kind == "node":
                    g.add_node(item["id"], label=item["labels"][0], **item["properties"])
                elif kind == "relationship":
                    u, v, k = item["start"], item["end"], item["id"]
                    g.add_edge(u, v, key=k)
                    g.edges[u, v, k].update({"type": item["label"], **item["properties"]})
                else:
                    raise KeyError(f"unknown type {kind!r}")
            except (orjson.JSONDecodeError, KeyError, IndexError, TypeError) as err:
                raise GraphError(f"{path}:{n}: not a graph JSON line ({err})",
                                 hint="export again with: python -m kg export --format jsonl OUT") from err
    return g
