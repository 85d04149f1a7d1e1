"""The schema panel of the Cypher tab: labels, relationship types and properties, from the graph itself.

Neo4j Browser users look up ``db.schema`` before writing a query. This lists
what the loaded graph holds (how many of each label and type, which
properties they carry, one example value each), so a query is written
against the data, not guessed.
"""
from __future__ import annotations

from collections import Counter

from ..graph.schema import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES
from .display import HASH_LIKE, DisplayNames
from .labels import name_label, name_rel

__all__ = ["describe_graph_schema"]

_SKIP = {"id", "text", "key", "sha256", "file_sha256"}
_EXAMPLE_CHARS = 24


def _example(values, names: DisplayNames | None) -> str:
    for v in values:
        if v in (None, "", []):
            continue
        if isinstance(v, list):
            v = v[0] if v else None
            if v is None:
                continue
        text = str(names.value(v) if names is not None else v)
        if HASH_LIKE.search(text):
            continue
        return text if len(text) <= _EXAMPLE_CHARS else text[: _EXAMPLE_CHARS - 1] + "…"
    return ""


def describe_graph_schema(graph, names: DisplayNames | None = None, *, sample: int = 200) -> dict:
    """Labels and relationship types with counts, endpoints, properties and an example value each.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Slogan:四风", label="Slogan", canonical="四风", doc_ids=["d"])
    >>> s = describe_graph_schema(g)
    >>> slogan = next(x for x in s["labels"] if x["label"] == "Slogan")
    >>> slogan["count"], slogan["properties"][0]
    (1, {'name': 'canonical', 'type': 'STRING', 'example': '四风'})
    """
    by_label: dict[str, list[dict]] = {}
    for _, attrs in graph.nodes(data=True):
        by_label.setdefault(attrs.get("label"), []).append(attrs)
    by_type: dict[str, list[dict]] = {}
    ends: dict[str, Counter] = {}
    for u, v, attrs in graph.edges(data=True):
        rel = attrs.get("type")
        by_type.setdefault(rel, []).append(attrs)
        ends.setdefault(rel, Counter())[(graph.nodes[u].get("label"), graph.nodes[v].get("label"))] += 1
    labels = []
    for label, props in NODE_PROPERTIES.items():
        rows = by_label.get(label, [])
        labels.append({
            "label": label, "name": name_label(label), "count": len(rows),
            "properties": [{"name": p, "type": t, "example": _example((r.get(p) for r in rows[:sample]), names)}
                           for p, t in props.items() if p not in _SKIP],
        })
    types = []
    for rel, props in REL_PROPERTIES.items():
        rows = by_type.get(rel, [])
        seen = ends.get(rel, Counter())
        types.append({
            "type": rel, "name": name_rel(rel), "count": len(rows),
            "endpoints": [f"({a})-[:{rel}]->({b})" for a, b in REL_ENDPOINTS[rel] if seen[(a, b)] or not rows],
            "properties": [{"name": p, "type": t, "example": _example((r.get(p) for r in rows[:sample]), names)}
                           for p, t in props.items() if p not in _SKIP],
        })
    return {"labels": labels, "types": types}
