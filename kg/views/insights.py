"""What the 计划与时间 page and the dashboard count: shared passages, problems, plans and their follow-up.

Read straight from the graph the builder derived (Passage nodes, Problem
nodes, ``plan_state`` on activities and figures, document years), so the
numbers on the cards are the rows the canned queries list.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Insights", "summarize_insights", "INSIGHT_NAMES", "choices_for_timelines"]

INSIGHT_NAMES = {
    "passages": "雷同文字",
    "problems": "查摆问题",
    "planned_done": "计划并完成",
    "planned_open": "计划未见完成",
}


@dataclass
class Insights:
    counts: dict[str, int] = field(default_factory=dict)
    passage_units: int = 0  # units whose reports share a passage with another unit's
    years: list[int] = field(default_factory=list)


def summarize_insights(graph) -> Insights:
    """Counts for the cards (passages shared by two or more units, problems, plans and their follow-up).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Passage:x", label="Passage", n_units=2, units=["市妇联", "市税务局"])
    >>> g.add_node("Activity:a@1", label="Activity", plan_state="计划并完成")
    >>> g.add_node("Document:a", label="Document", year=2023)
    >>> i = summarize_insights(g)
    >>> i.counts["passages"], i.counts["planned_done"], i.passage_units, i.years
    (1, 1, 2, [2023])
    """
    nodes = graph.nodes(data=True)
    states = Counter(d.get("plan_state") for _, d in nodes if d.get("plan_state"))
    passages = [d for _, d in nodes if d.get("label") == "Passage" and (d.get("n_units") or 0) >= 2]
    out = Insights()
    out.counts = {
        "passages": len(passages),
        "problems": sum(1 for _, d in nodes if d.get("label") == "Problem"),
        "planned_done": states.get("计划并完成", 0),
        "planned_open": states.get("计划未见完成", 0),
    }
    out.passage_units = len({u for d in passages for u in d.get("units") or ()})
    out.years = sorted({d["year"] for _, d in nodes if d.get("label") == "Document" and d.get("year")})
    return out


def choices_for_timelines(graph) -> dict[str, list[str]]:
    """Pickers of the page: units that have dated facts (most first), slogans (most documents first), indicators.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Metric:a@1", label="Metric", indicator="GDP增长", year=2024, org="国务院")
    >>> choices_for_timelines(g)["indicators"], choices_for_timelines(g)["units"]
    (['GDP增长'], ['国务院'])
    """
    units: Counter = Counter()
    slogans: Counter = Counter()
    indicators: set[str] = set()
    for _, d in graph.nodes(data=True):
        label = d.get("label")
        if label in ("Activity", "Metric", "Problem") and d.get("year") and d.get("org"):
            units[d["org"]] += 1
        if label == "Slogan":
            slogans[d.get("canonical")] += len(d.get("doc_ids") or ())
        if label == "Metric" and d.get("indicator"):
            indicators.add(d["indicator"])
    slogans.pop(None, None)
    return {
        "units": [u for u, _ in sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))],
        "slogans": [s for s, _ in sorted(slogans.items(), key=lambda kv: (-kv[1], kv[0]))],
        "indicators": sorted(indicators),
    }
