"""GraphML export for Gephi and yEd.

GraphML has no list type, so list properties (``aliases``, ``doc_ids``) are
written as JSON strings and decoded again by :func:`read_graphml`; absent
values are simply not written. XML 1.0 cannot hold most control characters
(a stray form feed from a PDF), so each becomes U+FFFD: lengths, and so
evidence offsets, are kept. The edge's own key is the GraphML edge id, so
the ``key`` property is not repeated.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from ..graph.schema import NODE_PROPERTIES, REL_PROPERTIES
from .networkx_store import write_atomically

__all__ = ["write_graphml", "read_graphml"]

_LISTS = {k for props in (*NODE_PROPERTIES.values(), *REL_PROPERTIES.values()) for k, t in props.items()
          if t == "STRING[]"}


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(value):
    return _XML_ILLEGAL.sub("\ufffd", value) if isinstance(value, str) else value


def _encode(d: dict, drop: tuple[str, ...] = ()) -> dict:
    return {k: _xml_safe(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple)) else v)
            for k, v in d.items() if v is not None and k not in drop}


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``g`` as GraphML (atomically).

    >>> import tempfile, os
    >>> from kg.graph import new_graph
    >>> g = new_graph(); g.add_node("Organization:市委", label="Organization", id="Organization:市委", name="市委",
    ...                             aliases=["XX市委"], doc_ids=["d"])
    >>> back = read_graphml(write_graphml(g, os.path.join(tempfile.mkdtemp(), "g.graphml")))
    >>> back.nodes["Organization:市委"]["aliases"]
    ['XX市委']
    """
    out = nx.MultiDiGraph()
    out.graph.update({"schema_version": g.graph.get("schema_version", 0),
                      "files_json": json.dumps(g.graph.get("files", {}), ensure_ascii=False, sort_keys=True)})
    for n, d in g.nodes(data=True):
        out.add_node(n, **_encode(d, ("id",)))
    for u, v, k, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **_encode(d, ("key",)))
    path = Path(path)
    lines = nx.generate_graphml(out, encoding="utf-8", prettyprint=False, named_key_ids=True)
    write_atomically(path, (line.encode("utf-8") + b"\n" for line in lines))
    return path


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a file written by :func:`write_graphml` back into the graph's own shape."""
    raw = nx.read_graphml(path, force_multigraph=True)
    g = nx.MultiDiGraph()
    g.graph["schema_version"] = int(raw.graph.get("schema_version", 0))
    g.graph["files"] = json.loads(raw.graph.get("files_json", "{}"))
    for n, d in raw.nodes(data=True):
        g.add_node(n, id=n, **{k: json.loads(v) if k in _LISTS else v for k, v in d.items()})
    for u, v, k, d in raw.edges(keys=True, data=True):
        g.add_edge(u, v, key=k)
        g.edges[u, v, k].update({"key": k, **{kk: json.loads(vv) if kk in _LISTS else vv for kk, vv in d.items()}})
    return g
