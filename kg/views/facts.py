"""Flat fact tables read once from the graph, for the dashboard and lists.

Walking a large MultiDiGraph on every widget change would make the app
sluggish; the app reads these tables once per graph (cached) and filters
plain rows afterwards. Units are named as a reader would say them
(:mod:`kg.views.display`): a relative unit kept per document never shows
its document's file hash. The app reads the tables from the query
database the build wrote (:func:`collect_facts_from_engine`: a few column
scans, no graph to load); :func:`collect_facts` reads the same tables from
a NetworkX graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .display import DisplayNames, build_display_names, display_names_of

__all__ = ["Facts", "collect_facts", "collect_facts_from_engine", "UNKNOWN_YEAR", "UNKNOWN_ORG"]

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


# The tables of collect_facts, as column scans of the query database, with
# the same defaults. The rows are the same, not in the same order (the
# database's bulk load does not keep the graph's): what reads them ranks
# with ties broken by name.
_FACT_QUERIES = {
    "documents": "MATCH (d:Document) RETURN d.id AS id, coalesce(d.doc_id, d.id) AS doc_id, d.title AS title, "
                 "coalesce(d.genre, '其他') AS genre, d.year AS year, d.reporting_org AS reporting_org, "
                 "coalesce(d.source, '') AS source",
    "organizations": "MATCH (o:Organization) RETURN o.id AS id, coalesce(o.name, o.id) AS name, "
                     "coalesce(o.kind, '') AS kind, o.doc_ids AS doc_ids, o.aliases AS aliases, o.scope AS scope",
    "activities": "MATCH (a:Activity) RETURN a.id AS id, coalesce(a.name, '') AS name, "
                  "coalesce(a.category, '其他') AS category, coalesce(a.status, '') AS status, a.org AS org, "
                  "a.doc_id AS doc_id",
    "conducted": "MATCH (o:Organization)-[:CONDUCTED]->(a:Activity) RETURN a.id AS activity, "
                 "coalesce(o.name, o.id) AS org",
    "metrics": "MATCH (m:Metric) RETURN m.id AS id, m.value AS value, coalesce(m.unit, '') AS unit, "
               "coalesce(m.masked, false) AS masked, coalesce(m.subject, '') AS subject, m.org AS org, "
               "m.doc_id AS doc_id",
    "measured_by_activity": "MATCH (a:Activity)-[:MEASURED_BY]->(m:Metric) RETURN m.id AS metric, "
                            "coalesce(a.category, '其他') AS category, a.status AS status",
    "measured_by_unit": "MATCH (o:Organization)-[:MEASURED_BY]->(m:Metric) WHERE o.name IS NOT NULL "
                        "RETURN m.id AS metric, o.name AS org",
    "echoes": "MATCH (o:Organization)-[r:ECHOES]->(s:Slogan) RETURN coalesce(o.name, o.id) AS org, "
              "coalesce(s.canonical, s.id) AS slogan, r.doc_id AS doc_id",
    "slogan_mentions": "MATCH (d:Document)-[r:MENTIONS]->(s:Slogan) RETURN coalesce(s.canonical, s.id) AS slogan, "
                       "coalesce(r.doc_id, d.doc_id) AS doc_id",
}


def _rows(columns: dict[str, list]) -> list[dict]:
    names = list(columns)
    return [dict(zip(names, values)) for values in zip(*columns.values())]


def _first_of(keys: list, values: list) -> dict:
    """``{key: its first value}`` (reversed, so that the first of several wins)."""
    return dict(zip(reversed(keys), reversed(values)))


def collect_facts_from_engine(engine) -> Facts:
    """:func:`collect_facts`, read from the embedded engine's query database instead of a graph.

    The app's dashboard opens the database the build wrote (a tenth of a
    second) rather than loading the whole graph file (seconds at 10k
    documents). ``engine`` is a :class:`~kg.query.ladybug_engine.LadybugEngine`.
    """
    t = {name: engine.run_columns(cypher) for name, cypher in _FACT_QUERIES.items()}
    docs, orgs, acts, metrics = t["documents"], t["organizations"], t["activities"], t["metrics"]
    names = display_names_of(zip(docs["id"], _rows(docs)), zip(orgs["id"], _rows(orgs)))
    unit = names.unit
    docs["title"] = [names.document(d) if title else "" for d, title in zip(docs["doc_id"], docs["title"])]
    docs["reporting_org"] = [unit(org) for org in docs["reporting_org"]]
    orgs["name"] = [unit(name) for name in orgs["name"]]
    orgs["doc_ids"] = [ids or [] for ids in orgs["doc_ids"]]
    del orgs["aliases"], orgs["scope"]
    conductor = _first_of(t["conducted"]["activity"], t["conducted"]["org"])
    acts["org"] = [unit(conductor.get(a) or org) or UNKNOWN_ORG for a, org in zip(acts["id"], acts["org"])]
    measurer = _first_of(t["measured_by_unit"]["metric"], t["measured_by_unit"]["org"])
    metrics["org"] = [unit(org or measurer.get(m)) or UNKNOWN_ORG for m, org in zip(metrics["id"], metrics["org"])]
    by_activity = t["measured_by_activity"]
    category = _first_of(by_activity["metric"], by_activity["category"])
    status = _first_of(by_activity["metric"], by_activity["status"])
    metrics["category"] = [category.get(m) for m in metrics["id"]]
    metrics["status"] = [status.get(m) for m in metrics["id"]]  # the measured activity's; None for a unit's figure
    metrics["doc_id"] = metrics.pop("doc_id")  # the column order of collect_facts
    echoes = t["echoes"]
    echoes["org"] = [unit(org) for org in echoes["org"]]
    return Facts(documents=_rows(docs), organizations=_rows(orgs), activities=_rows(acts), metrics=_rows(metrics),
                 echoes=_rows(echoes), slogan_mentions=_rows(t["slogan_mentions"]), names=names)
