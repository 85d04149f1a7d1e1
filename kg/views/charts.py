"""Shape a query result for the chart its header asks for, capped to stay readable.

A canned query's header says ``chart: bar x=unit y=units``,
``heatmap x=category y=unit value=activities`` or
``network source=unit target=partner weight=times``. These functions turn
the result rows into the few rows a chart draws: aggregated per category,
ranked, and cut to a cap (a bar chart of 3,000 units is unreadable).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

__all__ = ["ChartData", "shape_chart_data", "MAX_BARS", "MAX_EDGES"]

MAX_BARS = 30
MAX_EDGES = 80


@dataclass
class ChartData:
    kind: str  # bar, heatmap, network, or "" when nothing to draw
    rows: list[dict] = field(default_factory=list)
    x: str = ""
    y: str = ""
    value: str = ""
    capped: bool = False
    total: int = 0  # distinct bars / cells / edges before the cap
    nodes: list[dict] = field(default_factory=list)  # network only


def _number(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 1.0 if v else 0.0


def _key(v):
    return "、".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))


def shape_chart_data(chart: dict, columns: list[str], rows: list[list], *, max_bars: int = MAX_BARS,
                     max_edges: int = MAX_EDGES) -> ChartData:
    """Aggregate and cap result rows for the chart named in a query header.

    A bar without ``y`` counts rows per ``x``; with ``y`` it sums ``y``.
    Unknown columns or chart kinds give an empty ChartData (the page then
    shows only the table).

    >>> d = shape_chart_data({"type": "bar", "x": "unit"}, ["unit"], [["甲"], ["乙"], ["甲"]])
    >>> d.rows, d.y
    ([{'x': '甲', 'y': 2.0}, {'x': '乙', 'y': 1.0}], '记录数')
    >>> shape_chart_data({"type": "bar", "x": "unit"}, ["unit"], [["甲"], ["乙"]], max_bars=1).capped
    True
    """
    kind = chart.get("type", "table")
    index = {c: i for i, c in enumerate(columns)}
    if kind == "bar" and chart.get("x") in index and chart.get("y", chart["x"]) in index:
        xi = index[chart["x"]]
        totals: Counter = Counter()
        for row in rows:
            totals[_key(row[xi])] += _number(row[index[chart["y"]]]) if "y" in chart else 1.0
        ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
        return ChartData("bar", [{"x": k, "y": v} for k, v in ranked[:max_bars]], chart["x"],
                         chart.get("y", "记录数"), "", len(ranked) > max_bars, len(ranked))
    if kind == "heatmap" and all(chart.get(k) in index for k in ("x", "y", "value")):
        cells: Counter = Counter()
        for row in rows:
            cells[(_key(row[index[chart["x"]]]), _key(row[index[chart["y"]]]))] += _number(row[index[chart["value"]]])
        per_y: Counter = Counter()
        for (_, y), v in cells.items():
            per_y[y] += v
        keep = {y for y, _ in sorted(per_y.items(), key=lambda kv: (-kv[1], kv[0]))[:max_bars]}
        out = [{"x": x, "y": y, "value": v} for (x, y), v in sorted(cells.items()) if y in keep]
        return ChartData("heatmap", out, chart["x"], chart["y"], chart["value"], len(per_y) > max_bars, len(per_y))
    if kind == "network" and chart.get("source") in index and chart.get("target") in index:
        return _network(chart, index, rows, max_edges)
    return ChartData("")


def _network(chart, index, rows, max_edges) -> ChartData:
    weights: dict[tuple[str, str], float] = defaultdict(float)
    wi = index.get(chart.get("weight", ""))
    for row in rows:
        a, b = _key(row[index[chart["source"]]]), _key(row[index[chart["target"]]])
        if a and b:
            weights[(a, b)] += _number(row[wi]) if wi is not None else 1.0
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = ranked[:max_edges]
    g = nx.Graph()
    for (a, b), w in kept:
        g.add_edge(a, b, weight=w)
    pos = nx.spring_layout(g, seed=7) if g.number_of_nodes() > 1 else {n: (0.0, 0.0) for n in g}
    nodes = [{"name": n, "x": float(pos[n][0]), "y": float(pos[n][1]), "degree": g.degree(n)} for n in g]
    edges = [{"source": a, "target": b, "weight": w, "x": float(pos[a][0]), "y": float(pos[a][1]),
              "x2": float(pos[b][0]), "y2": float(pos[b][1])} for (a, b), w in kept]
    return ChartData("network", edges, chart["source"], chart["target"], chart.get("weight", ""),
                     len(ranked) > max_edges, len(ranked), nodes)
