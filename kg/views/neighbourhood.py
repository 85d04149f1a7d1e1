"""The graph explorer's logic: a capped neighbourhood, its layout, node details.

A unit named in every document has thousands of neighbours; drawing them
all freezes the browser and shows nothing readable. The explorer keeps the
best-connected neighbours ring by ring up to a cap and says that it did.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .display import DisplayNames
from .labels import LABEL_COLOURS, LABEL_NAMES, describe_node_name, name_label, name_rel

__all__ = [
    "Neighbourhood",
    "extract_neighbourhood",
    "layout_neighbourhood",
    "describe_node",
    "list_nodes",
    "resolve_node",
]

# filter_names repeats the name, the aliases and the parents' names (shown as neighbours) for queries.
_HIDDEN_PROPERTIES = {"label", "text", "id", "filter_names"}
# Ids, hashes and file paths: kept for exports and hover text, never shown as a value.
_ID_PROPERTIES = {"doc_id", "doc_ids", "scope", "source", "sha256", "file_sha256", "key"}


def _name(attrs: dict, names: DisplayNames | None) -> str:
    return names.node_name(attrs) if names is not None else describe_node_name(attrs)


@dataclass
class Neighbourhood:
    """The nodes within ``hops`` of ``center`` (capped) and the edges among them."""

    center: str
    graph: object  # networkx.MultiDiGraph
    capped: bool
    reachable: int  # nodes found before the cap


def extract_neighbourhood(graph, center: str, *, hops: int = 1, labels=None, max_nodes: int = 80) -> Neighbourhood:
    """Nodes up to ``hops`` steps from ``center`` in either direction.

    ``labels`` keeps only nodes of those labels (the centre is always kept,
    and a filtered-out node does not lead further). Within each ring the
    best-connected nodes come first, so a cap keeps the hubs.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for i in range(5):
    ...     _ = g.add_edge("Organization:甲", f"Activity:{i}", type="CONDUCTED")
    >>> nx.set_node_attributes(g, "Activity", "label")
    >>> n = extract_neighbourhood(g, "Organization:甲", max_nodes=3)
    >>> n.graph.number_of_nodes(), n.capped, n.reachable
    (3, True, 6)
    """
    if center not in graph:
        raise KeyError(center)
    keep = set(labels) if labels else None
    seen = {center}
    order = [center]
    frontier = [center]
    for _ in range(max(hops, 0)):
        ring = set()
        for node in frontier:
            for other in _neighbours(graph, node):
                if other in seen:
                    continue
                if keep is not None and graph.nodes[other].get("label") not in keep:
                    continue
                ring.add(other)
        ranked = sorted(ring, key=lambda n: (-graph.degree(n), n))
        seen.update(ranked)
        order.extend(ranked)
        frontier = ranked
    kept = order[:max_nodes]
    return Neighbourhood(center, graph.subgraph(kept).copy(), len(order) > max_nodes, len(order))


def _neighbours(graph, node):
    yield from graph.successors(node)
    yield from graph.predecessors(node)


def layout_neighbourhood(neighbourhood: Neighbourhood, *, seed: int = 7, max_labels: int = 24,
                         names: DisplayNames | None = None) -> tuple[list[dict], list[dict]]:
    """Node and edge rows with x/y positions, names and colours, for drawing.

    The layout is seeded so the same neighbourhood is drawn the same way on
    every rerun (a picture that jumps on each click is unusable). Only the
    centre and the best-connected nodes, ``max_labels`` in all, are
    ``labelled``: eighty names in one small picture overprint each other.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("Organization:甲", "Slogan:两个确立", type="ECHOES")
    >>> g.nodes["Organization:甲"].update(label="Organization", name="甲")
    >>> g.nodes["Slogan:两个确立"].update(label="Slogan", canonical="两个确立")
    >>> nodes, edges = layout_neighbourhood(extract_neighbourhood(g, "Organization:甲"))
    >>> [(n["name"], n["kind"]) for n in nodes], edges[0]["relation"]
    ([('甲', '单位'), ('两个确立', '提法')], '呼应提法')
    >>> nodes, _ = layout_neighbourhood(extract_neighbourhood(g, "Slogan:两个确立"), max_labels=1)
    >>> [n["name"] for n in nodes if n["labelled"]]
    ['两个确立']
    """
    g = neighbourhood.graph
    if g.number_of_nodes() == 1:
        pos = {neighbourhood.center: (0.0, 0.0)}
    else:
        pos = nx.spring_layout(nx.Graph(g), seed=seed, k=1.6 / max(g.number_of_nodes(), 1) ** 0.5)
    nodes = []
    for node, attrs in g.nodes(data=True):
        label = attrs.get("label", "")
        x, y = pos[node]
        nodes.append({
            "id": node,
            "name": _shorten(_name(attrs, names)),
            "full_name": _name(attrs, names),
            "label": label,
            "kind": name_label(label),
            "colour": LABEL_COLOURS.get(label, "#444444"),
            "x": float(x),
            "y": float(y),
            "center": node == neighbourhood.center,
            "degree": neighbourhood.graph.degree(node),
        })
    ranked = sorted(nodes, key=lambda n: (not n["center"], -n["degree"], n["name"]))
    labelled = {n["id"] for n in ranked[:max_labels]}
    for n in nodes:
        n["labelled"] = n["id"] in labelled
    edges = []
    seen_pairs = set()
    for u, v, attrs in g.edges(data=True):
        pair = (u, v, attrs.get("type"))
        if pair in seen_pairs:
            continue
        seen_pairs.add(pair)
        edges.append({
            "source": u, "target": v,
            "relation": name_rel(attrs.get("type", "")),
            "type": attrs.get("type", ""),
            "x": float(pos[u][0]), "y": float(pos[u][1]),
            "x2": float(pos[v][0]), "y2": float(pos[v][1]),
        })
    return nodes, edges


def _shorten(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_node(graph, node: str, *, max_evidence: int = 50, names: DisplayNames | None = None) -> dict:
    """What the explorer shows for one node: name, properties, evidence, neighbours.

    Evidence comes from the node itself (activities and metrics keep their
    sentence) and from its edges (every text-derived relationship keeps the
    sentence it was read from). With ``names``, units and documents are named
    as a reader says them, each evidence sentence carries its document's
    title, and ids, hashes and file paths move from ``properties`` to ``ids``
    (for hover text).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Organization:市妇联", label="Organization", name="市妇联", aliases=[])
    >>> g.add_node("Document:d", label="Document", doc_id="d", title="市妇联学习汇报")
    >>> _ = g.add_edge("Organization:市妇联", "Document:d", key="AUTHORED|d|0", type="AUTHORED",
    ...                doc_id="d", evidence="市妇联关于学习情况的汇报")
    >>> info = describe_node(g, "Organization:市妇联")
    >>> info["kind"], info["evidence"][0]["relation"], info["neighbours"][0]["name"]
    ('单位', '报送', '市妇联学习汇报')
    """
    attrs = graph.nodes[node]
    label = attrs.get("label", "")
    properties = {k: v for k, v in attrs.items() if k not in _HIDDEN_PROPERTIES and v not in (None, "", [])}
    ids = {}
    if names is not None:
        ids = {k: properties.pop(k) for k in list(properties) if k in _ID_PROPERTIES}
        if "doc_ids" in ids:
            properties["doc_ids"] = [names.document(d) for d in ids["doc_ids"]]
        if "doc_id" in ids and label not in ("Document",):
            properties["doc_id"] = names.document(ids["doc_id"])
        unit_keys = ("org", "reporting_org", "name") if label == "Organization" else ("org", "reporting_org")
        for key in unit_keys:
            if key in properties:
                properties[key] = names.unit(properties[key])

    def title(doc_id):
        return names.document(doc_id) if names is not None and doc_id else (doc_id or "")

    evidence = []
    if attrs.get("evidence"):
        evidence.append({"relation": name_label(label), "other": "", "doc_id": attrs.get("doc_id"),
                         "title": title(attrs.get("doc_id")), "evidence": attrs["evidence"]})
    neighbours: dict[str, dict] = {}
    edges = [(v, d, "→") for _, v, d in graph.out_edges(node, data=True)]
    edges += [(u, d, "←") for u, _, d in graph.in_edges(node, data=True)]
    n_evidence = len(evidence)
    for other, data, direction in edges:
        other_attrs = graph.nodes[other]
        other_name = _name(other_attrs, names)
        entry = neighbours.setdefault(other, {
            "id": other, "name": other_name, "kind": name_label(other_attrs.get("label", "")),
            "relation": name_rel(data.get("type", "")), "direction": direction, "count": 0,
        })
        entry["count"] += 1
        if data.get("evidence"):
            n_evidence += 1
            if len(evidence) < max_evidence:
                evidence.append({"relation": name_rel(data.get("type", "")), "other": other_name,
                                 "doc_id": data.get("doc_id"), "title": title(data.get("doc_id")),
                                 "evidence": data["evidence"]})
    return {
        "id": node,
        "label": label,
        "kind": name_label(label),
        "name": _name(attrs, names),
        "properties": properties,
        "ids": ids,
        "evidence": evidence,
        "evidence_total": n_evidence,
        "neighbours": sorted(neighbours.values(), key=lambda e: (-e["count"], e["name"])),
    }


def list_nodes(graph, label: str, *, query: str = "", limit: int | None = None,
               names: DisplayNames | None = None) -> list[tuple[str, str]]:
    """(id, name) of the nodes of a label, best-connected first, filtered by a substring.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    >>> g.add_node("Slogan:两个确立", label="Slogan", canonical="两个确立")
    >>> list_nodes(g, "Slogan", query="确立")
    [('Slogan:两个确立', '两个确立')]
    """
    rows = [
        (node, _name(attrs, names))
        for node, attrs in graph.nodes(data=True)
        if attrs.get("label") == label
    ]
    if query:
        rows = [r for r in rows if query in r[1]]
    rows.sort(key=lambda r: (-graph.degree(r[0]), r[1]))
    return rows[:limit] if limit else rows


_NAME_PROPERTIES = ("name", "canonical", "title", "doc_id")


def resolve_node(graph, ref: str, names=None) -> str | None:
    """The node a link names: its id, or ``Label:name`` with an alias, a display name or a title.

    Links are written by people (``?node=Organization:市妇联``) and a unit is
    stored under its canonical name (市妇女联合会) with 市妇联 as an alias;
    a unit without a name of its own is linked by its display name.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Organization:市妇女联合会", label="Organization", name="市妇女联合会", aliases=["市妇联"])
    >>> resolve_node(g, "Organization:市妇联"), resolve_node(g, "Organization:市委"), resolve_node(g, "市妇联")
    ('Organization:市妇女联合会', None, 'Organization:市妇女联合会')
    """
    if not ref:
        return None
    if ref in graph:
        return ref
    label, colon, wanted = ref.partition(":")
    if not colon or label not in LABEL_NAMES:
        label, wanted = "", ref
    wanted = wanted.strip()
    if names is not None and label in ("", "Organization"):
        node = names.node_for_unit(wanted)
        if node in graph:
            return node
    for node, attrs in graph.nodes(data=True):
        if label and attrs.get("label") != label:
            continue
        if any(attrs.get(p) == wanted for p in _NAME_PROPERTIES) or wanted in (attrs.get("aliases") or ()):
            return node
    return None
