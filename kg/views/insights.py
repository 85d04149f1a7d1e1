"""What the 计划与时间 page and the dashboard count: shared passages, problems, plans and their follow-up.

Read through a query engine (the embedded one over the graph file, or
Neo4j) from what the builder derived — Passage nodes, Problem nodes,
``plan_state`` on activities and figures, document years — so the numbers
on the cards are the rows the canned queries list, and a page that shows
them needs no NetworkX graph in memory.
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
_SHARED = "MATCH (p:Passage) WHERE p.n_units >= 2 "


@dataclass
class Insights:
    counts: dict[str, int] = field(default_factory=dict)
    passage_units: int = 0  # units whose reports share a passage with another unit's
    years: list[int] = field(default_factory=list)


def _rows(engine, cypher: str) -> list[list]:
    return engine.run(cypher).rows


def summarize_insights(engine) -> Insights:
    """Counts for the cards (passages shared by two or more units, problems, plans and their follow-up)."""
    states: Counter = Counter()
    for label in ("Activity", "Metric"):
        for state, n in _rows(engine, f"MATCH (x:{label}) WHERE x.plan_state IS NOT NULL "
                                      "RETURN x.plan_state AS state, count(*) AS n"):
            states[state] += n
    out = Insights()
    out.counts = {
        "passages": _rows(engine, _SHARED + "RETURN count(p) AS n")[0][0],
        "problems": _rows(engine, "MATCH (p:Problem) RETURN count(p) AS n")[0][0],
        "planned_done": states.get("计划并完成", 0),
        "planned_open": states.get("计划未见完成", 0),
    }
    out.passage_units = _rows(engine, _SHARED + "UNWIND p.units AS u RETURN count(DISTINCT u) AS n")[0][0]
    out.years = [y for (y,) in _rows(engine, "MATCH (d:Document) WHERE d.year IS NOT NULL "
                                             "RETURN DISTINCT d.year AS y ORDER BY y")]
    return out


def choices_for_timelines(engine) -> dict[str, list[str]]:
    """Pickers of the page: units that have dated facts (most first), slogans (most documents first), indicators."""
    units: Counter = Counter()
    for label in ("Activity", "Metric", "Problem"):
        for org, n in _rows(engine, f"MATCH (x:{label}) WHERE x.year IS NOT NULL AND x.org IS NOT NULL "
                                    "RETURN x.org AS org, count(*) AS n"):
            units[org] += n
    slogans = _rows(engine, "MATCH (s:Slogan) WHERE s.canonical IS NOT NULL "
                            "RETURN s.canonical AS s, size(s.doc_ids) AS n")
    indicators = _rows(engine, "MATCH (m:Metric) WHERE m.indicator IS NOT NULL RETURN DISTINCT m.indicator AS i")
    return {
        "units": [u for u, _ in sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))],
        "slogans": [s for s, _ in sorted(slogans, key=lambda kv: (-kv[1], kv[0]))],
        "indicators": sorted(i for (i,) in indicators),
    }
