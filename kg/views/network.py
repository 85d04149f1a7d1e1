"""A piece of the graph as an interactive network drawing (an ECharts ``graph`` series).

The explorer and the Cypher tab draw nodes and relationships the same way:
a seeded spring layout computed here (the same picture on every rerun,
scaled to fit the box), labels kept apart (a label that would overlap
another is hidden until the reader zooms in or hovers over its node), one colour *and* one
shape per label so the legend reads even where two colours are close, the
centre and the best-connected nodes drawn larger, and every node's full name
and type in its tooltip. The option built here is plain data (no streamlit),
so tests check what is drawn; ``kg.app.graphview`` hands it to the
``streamlit-echarts`` component, whose JavaScript ships inside the package
(nothing is fetched from the internet).
"""
from __future__ import annotations

import networkx as nx

from .labels import LABEL_COLOURS, LABEL_NAMES, name_label, name_rel

__all__ = ["LABEL_SYMBOLS", "build_network_option", "CLICK_HANDLER"]

# A shape per label, so two labels of similar colour still differ in the legend and the drawing.
LABEL_SYMBOLS: dict[str, str] = {
    "Organization": "circle",
    "Document": "rect",
    "Activity": "triangle",
    "ActivityType": "diamond",
    "Metric": "roundRect",
    "Slogan": "pin",
    "Material": "arrow",
    # ECharts has seven shapes of its own; the others are drawn as paths
    "Problem": "path://M50 0 L61 35 L98 35 L68 57 L79 91 L50 70 L21 91 L32 57 L2 35 L39 35 Z",  # a star
    "Passage": "path://M25 0 L75 0 L100 50 L75 100 L25 100 L0 50 Z",  # a hexagon
}

# Returns the clicked node's id with the time, so clicking the same node twice is two events.
CLICK_HANDLER = "function(p){ if (p.dataType === 'node') { return [p.data.id, Date.now()]; } }"

_LABEL_CHARS = 14


def _short(text: str, limit: int = _LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_network_option(nodes: list[dict], edges: list[dict], *, center: str | None = None,
                         font: str = "sans-serif", aspect: float = 1.2) -> dict:
    """The ECharts option drawing ``nodes`` (id, name, label, degree) and ``edges`` (source, target, relation).

    Nodes with ``x`` and ``y`` keep their place; otherwise a seeded spring
    layout places them. ECharts stretches the layout's bounding box to the
    drawing area, in x and y separately (symbols too: circles become
    ellipses); two invisible corner points give the box the drawing area's
    ``aspect`` (width / height), so the stretch is the same both ways. Labels in the legend are the Chinese label names, in the schema's order;
    a label with no node in the drawing is left out of the legend.

    >>> nodes = [{"id": "Organization:甲", "name": "甲", "label": "Organization", "degree": 1},
    ...          {"id": "Slogan:两个确立", "name": "两个确立", "label": "Slogan", "degree": 1}]
    >>> option = build_network_option(nodes, [{"source": "Organization:甲", "target": "Slogan:两个确立",
    ...                                         "relation": "呼应提法"}], center="Organization:甲")
    >>> [d["name"] for d in option["legend"][0]["data"]], option["series"][0]["labelLayout"]
    (['单位', '提法'], {'hideOverlap': True})
    >>> [(d["name"], d["symbol"]) for d in option["series"][0]["data"] if not d["id"].startswith("_corner")]
    [('甲', 'circle'), ('两个确立', 'pin')]
    >>> option["series"][0]["links"][0]["source"], option["series"][0]["links"][0]["target"]
    (0, 1)
    """
    present = [label for label in LABEL_NAMES if any(n["label"] == label for n in nodes)]
    present += sorted({n["label"] for n in nodes} - set(present))
    category = {label: i for i, label in enumerate(present)}
    # The centre first, then the best connected: where labels collide, the earlier one keeps its label.
    ordered = sorted(nodes, key=lambda n: (n["id"] != center, -n.get("degree", 0), n["name"]))
    index = {n["id"]: i for i, n in enumerate(ordered)}
    top = max((n.get("degree", 0) for n in ordered), default=1) or 1
    pos = {n["id"]: (n["x"], n["y"]) for n in ordered if "x" in n and "y" in n}
    if len(pos) < len(ordered):
        pos = _spring_layout([n["id"] for n in ordered], edges)
    data = []
    for n in ordered:
        is_center = n["id"] == center
        size = 34 if is_center else 12 + 16 * (n.get("degree", 0) / top) ** 0.5
        data.append({
            "id": n["id"],
            "name": _short(n["name"]),
            "value": f"{name_label(n['label'])}：{n['name']}",
            "category": category[n["label"]],
            "symbol": LABEL_SYMBOLS.get(n["label"], "circle"),
            "symbolSize": round(size, 1),
            "x": round(float(pos[n["id"]][0]) * 1000, 1),
            "y": round(-float(pos[n["id"]][1]) * 1000, 1),
            "label": {"show": True, "fontWeight": "bold" if is_center else "normal"},
            "itemStyle": {"borderColor": "#222222", "borderWidth": 2} if is_center else {},
        })
    data += _corners(data, aspect)
    links = []
    for e in edges:
        if e["source"] in index and e["target"] in index:
            links.append({"source": index[e["source"]], "target": index[e["target"]],
                          "value": e.get("relation") or name_rel(e.get("type", ""))})
    return {
        "textStyle": {"fontFamily": font},
        "tooltip": {"formatter": "{c}"},
        "legend": [{
            "data": [{"name": name_label(label), "icon": LABEL_SYMBOLS.get(label, "circle")} for label in present],
            "top": 0, "itemGap": 18, "textStyle": {"fontSize": 13, "fontFamily": font},
        }],
        "animation": False,  # drawn at once: no tween, and a resize (a full-page screenshot) redraws at once
        "series": [{
            "type": "graph",
            "layout": "none",
            "roam": True,
            "draggable": True,
            "categories": [{"name": name_label(label), "symbol": LABEL_SYMBOLS.get(label, "circle"),
                            "itemStyle": {"color": LABEL_COLOURS.get(label, "#444444")}} for label in present],
            "data": data,
            "links": links,
            "edgeSymbol": ["none", "arrow"],
            "edgeSymbolSize": 6,
            "label": {"position": "right", "fontSize": 12, "color": "#222222"},
            "labelLayout": {"hideOverlap": True},
            "lineStyle": {"color": "#B8B8B8", "width": 1, "curveness": 0.08},
            "emphasis": {"focus": "adjacency", "label": {"show": True}, "lineStyle": {"width": 2}},
            "edgeLabel": {"show": False},
            "top": 44, "bottom": 16, "left": 16, "right": 120,  # room on the right for the outer labels
        }],
    }


def _spring_layout(ids: list[str], edges: list[dict]) -> dict:
    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from(((e["source"], e["target"]) for e in edges if e["source"] in g and e["target"] in g), weight=1.0)
    if g.number_of_nodes() == 1:
        return {ids[0]: (0.0, 0.0)}
    # Separate pieces (an ad-hoc result often has several) drift to the edges of a spring layout and
    # squeeze everything else into a line: a weak tie to a hidden hub keeps them together.
    hub = object()
    for part in nx.connected_components(g.copy()):
        g.add_edge(hub, next(iter(part)), weight=0.05)
    pos = nx.spring_layout(g, seed=7, k=1.6 / max(len(ids), 1) ** 0.5, weight="weight")
    pos.pop(hub)
    return pos


def _corners(data: list[dict], aspect: float) -> list[dict]:
    if not data:
        return []
    xs, ys = [d["x"] for d in data], [d["y"] for d in data]
    width, height = max(xs) - min(xs) or 1.0, max(ys) - min(ys) or 1.0
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    hidden = {"symbolSize": 0, "label": {"show": False}, "silent": True, "tooltip": {"show": False},
              "itemStyle": {"opacity": 0}, "category": 0}
    return [{"id": f"_corner{i}", "name": "", "value": "", "x": round(cx + sx * width / 2, 1),
             "y": round(cy + sy * height / 2, 1), **hidden} for i, (sx, sy) in enumerate(((-1, -1), (1, 1)))]
