"""The 文档 page's logic: a searchable document list and one document's facts."""
from __future__ import annotations

from .facts import UNKNOWN_YEAR, Facts
from .labels import STATUS_NAMES, describe_node_name, name_label

__all__ = ["list_documents", "list_document_facts", "find_snippet"]

_SNIPPET = 24


def find_snippet(text: str, query: str, width: int = _SNIPPET) -> str:
    """The words around the first place ``query`` occurs in ``text`` ("" when it does not).

    >>> find_snippet("全年组织集中学习12次，开展专题研讨6场。", "专题研讨", 4)
    '…次，开展专题研讨6场。'
    """
    i = text.find(query) if query else -1
    if i < 0:
        return ""
    lo, hi = max(0, i - width), min(len(text), i + len(query) + width)
    return ("…" if lo else "") + text[lo:hi].replace("\n", " ") + ("…" if hi < len(text) else "")


def list_documents(facts: Facts, *, query: str = "", genres=(), years=(), units=(), texts=None) -> list[dict]:
    """Documents matching a search over title, unit, source and (with ``texts``, doc_id -> body) the full
    text, evidence sentences included, plus filters. A row found in the body carries a ``snippet``.

    >>> from kg.views.facts import Facts
    >>> f = Facts(documents=[
    ...     {"doc_id": "a", "title": "市妇联学习汇报", "genre": "汇报", "year": 2023, "reporting_org": "市妇联", "source": "a.txt"},
    ...     {"doc_id": "b", "title": "党课讲稿", "genre": "党课", "year": None, "reporting_org": None, "source": "b.txt"}])
    >>> [d["doc_id"] for d in list_documents(f, query="妇联")]
    ['a']
    >>> list_documents(f, years=("未注明",))[0]["year"]
    '未注明'
    """
    query = query.strip()
    rows = []
    for d in facts.documents:
        year = UNKNOWN_YEAR if d["year"] in (None, "") else str(d["year"])
        unit = d["reporting_org"] or ""
        if genres and d["genre"] not in genres:
            continue
        if years and year not in years:
            continue
        if units and unit not in units:
            continue
        snippet = ""
        if query and not any(query in (s or "") for s in (d["title"], unit, d["source"], d["doc_id"])):
            snippet = find_snippet((texts or {}).get(d["doc_id"]) or "", query)
            if not snippet:
                continue
        rows.append({"doc_id": d["doc_id"], "title": d["title"], "unit": unit, "genre": d["genre"],
                     "year": year, "source": d["source"], "id": d.get("id") or f"Document:{d['doc_id']}",
                     "snippet": snippet})
    rows.sort(key=lambda r: (r["source"], _doc_order(r["doc_id"])))
    return rows


def _doc_order(doc_id: str):
    name, _, n = doc_id.rpartition("#")
    return (name, int(n)) if n.isdigit() else (doc_id, 0)


def list_document_facts(graph, doc_node: str, names=None) -> dict[str, list[dict]]:
    """The facts read from one document, grouped by node label.

    Each fact names the node it became (to link to the explorer) and the
    sentence it came from.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Document:d", label="Document", doc_id="d")
    >>> g.add_node("Slogan:四风", label="Slogan", canonical="四风")
    >>> _ = g.add_edge("Document:d", "Slogan:四风", type="MENTIONS", doc_id="d", evidence="纠治四风。")
    >>> list_document_facts(g, "Document:d")["Slogan"][0]["name"]
    '四风'
    """
    doc_id = graph.nodes[doc_node].get("doc_id")
    groups: dict[str, list[dict]] = {k: [] for k in ("Organization", "Activity", "Metric", "Slogan", "Material")}
    seen = set()
    for u, v, data in list(graph.in_edges(doc_node, data=True)) + list(graph.out_edges(doc_node, data=True)):
        other = u if v == doc_node else v
        label = graph.nodes[other].get("label")
        if label not in groups or other in seen:
            continue
        seen.add(other)
        detail = "报送单位" if data.get("type") == "AUTHORED" else ""
        other_name = names.node_name(graph.nodes[other]) if names is not None else describe_node_name(graph.nodes[other])
        groups[label].append({"node": other, "name": other_name, "kind": name_label(label),
                              "detail": detail, "evidence": data.get("evidence") or ""})
    for node, attrs in graph.nodes(data=True):
        label = attrs.get("label")
        if label not in ("Activity", "Metric") or attrs.get("doc_id") != doc_id:
            continue
        if label == "Activity":
            detail = " · ".join(filter(None, (attrs.get("category"), STATUS_NAMES.get(attrs.get("status"), ""),
                                              _unit(attrs.get("org"), names))))
        else:
            detail = " · ".join(filter(None, ("约" if attrs.get("approx") else "",
                                              "隐去" if attrs.get("masked") else "", _unit(attrs.get("org"), names))))
        groups[label].append({"node": node, "name": describe_node_name(attrs), "kind": name_label(label),
                              "detail": detail, "evidence": attrs.get("evidence") or "",
                              "start": attrs.get("start")})
    for label in ("Activity", "Metric"):
        groups[label].sort(key=lambda r: r.get("start") or 0)
    return groups


def _unit(name, names):
    return names.unit(name) if names is not None and name else name
