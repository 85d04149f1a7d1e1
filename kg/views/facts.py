"""Flat fact tables read once from the graph, for the dashboard and lists.

Walking a large MultiDiGraph on every widget change would make the app
sluggish; the app reads these tables once per graph (cached) and filters
plain rows afterwards. Units are named as a reader would say them
(:mod:`kg.views.display`): a relative unit kept per document never shows
its document's file hash.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .display import DisplayNames, build_display_names

__all__ = ["Facts", "collect_facts", "UNKNOWN_YEAR", "UNKNOWN_ORG"]

UNKNOWN_YEAR = "未注明"
UNKNOWN_ORG = "（未识别单位）"


@dataclass
class Facts:
    """Rows of the graph's facts, one list per kind (all plain dicts)."""

    documents: list[dict] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)
    metrics: list[dict] = field(default_factory=list)
    echoes: list[dict] = field(default_factory=list)
    slogan_mentions: list[dict] = field(default_factory=list)
    names: DisplayNames = field(default_factory=DisplayNames)

    @property
    def is_empty(self) -> bool:
        return not self.documents


def collect_facts(graph) -> Facts:
    """Read documents, units, activities, metrics and slogan uses from a graph.

    An activity's unit comes from its ``CONDUCTED`` edge (falling back to its
    ``org`` property); a metric's category is the category of the activity it
    measures, when it measures one.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Document:d", label="Document", doc_id="d", title="汇报", genre="汇报", year=2023)
    >>> g.add_node("Organization:市妇联", label="Organization", name="市妇联", doc_ids=["d"])
    >>> g.add_node("Activity:d@5", label="Activity", name="读书班", category="读书班", doc_id="d")
    >>> _ = g.add_edge("Organization:市妇联", "Activity:d@5", key="CONDUCTED|d|5", type="CONDUCTED", doc_id="d")
    >>> f = collect_facts(g)
    >>> f.activities[0]["org"], f.documents[0]["year"]
    ('市妇联', 2023)
    """
    names = build_display_names(graph)
    facts = Facts(names=names)
    nodes = graph.nodes
    activity_category: dict[str, str] = {}
    for node, attrs in nodes(data=True):
        label = attrs.get("label")
        if label == "Document":
            facts.documents.append({
                "id": node,
                "doc_id": attrs.get("doc_id") or node,
                "title": names.document(attrs.get("doc_id") or node) if attrs.get("title") else "",
                "genre": attrs.get("genre") or "其他",
                "year": attrs.get("year"),
                "reporting_org": names.unit(attrs.get("reporting_org")),
                "source": attrs.get("source") or "",
            })
        elif label == "Organization":
            facts.organizations.append({
                "id": node,
                "name": names.unit(attrs.get("name") or node),
                "kind": attrs.get("kind") or "",
                "doc_ids": list(attrs.get("doc_ids") or ()),
            })
        elif label == "Activity":
            activity_category[node] = attrs.get("category") or "其他"
    for node, attrs in nodes(data=True):
        label = attrs.get("label")
        if label == "Activity":
            facts.activities.append({
                "id": node,
                "name": attrs.get("name") or "",
                "category": activity_category[node],
                "status": attrs.get("status") or "",
                "org": names.unit(_conducting_org(graph, node) or attrs.get("org")) or UNKNOWN_ORG,
                "doc_id": attrs.get("doc_id"),
            })
        elif label == "Metric":
            measured = [u for u, _, t in graph.in_edges(node, data="type") if t == "MEASURED_BY"]
            category = next((activity_category[u] for u in measured if u in activity_category), None)
            org = attrs.get("org") or next(
                (nodes[u].get("name") for u in measured if nodes[u].get("label") == "Organization"), None
            )
            status = next((nodes[u].get("status") for u in measured if u in activity_category), None)
            facts.metrics.append({
                "id": node,
                "value": attrs.get("value"),
                "unit": attrs.get("unit") or "",
                "masked": bool(attrs.get("masked")),
                "subject": attrs.get("subject") or "",
                "org": names.unit(org) or UNKNOWN_ORG,
                "category": category,
                "status": status,  # the measured activity's; None for a figure about a unit
                "doc_id": attrs.get("doc_id"),
            })
    for u, v, attrs in graph.edges(data=True):
        rel = attrs.get("type")
        if rel == "ECHOES":
            facts.echoes.append({
                "org": names.unit(nodes[u].get("name") or u),
                "slogan": nodes[v].get("canonical") or v,
                "doc_id": attrs.get("doc_id"),
            })
        elif rel == "MENTIONS" and nodes[v].get("label") == "Slogan":
            facts.slogan_mentions.append({
                "slogan": nodes[v].get("canonical") or v,
                "doc_id": attrs.get("doc_id") or nodes[u].get("doc_id"),
            })
    return facts


def _conducting_org(graph, activity: str) -> str | None:
    for u, _, rel in graph.in_edges(activity, data="type"):
        if rel == "CONDUCTED":
            return graph.nodes[u].get("name") or u
    return None
