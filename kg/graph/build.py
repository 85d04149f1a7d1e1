"""Extraction records + documents → the knowledge graph (SCHEMA §7).

Why this shape: every fact read from text becomes an edge keyed by
``edge_key(type, doc_id, offset)`` and carrying ``doc_id``, ``evidence``,
``start``, ``end``; nodes shared across documents (organizations, slogans,
materials, activity types) only *derive* their ``doc_ids``/``aliases``/
``kind`` from their edges. So removing a document is "drop its edges and its
own nodes, refresh the neighbours", and an incremental build yields exactly
the graph a fresh build would.
"""
from __future__ import annotations

import logging
from collections import Counter
from typing import Iterable, Mapping

import networkx as nx

from ..document import Document
from ..extract.base import iter_sentences
from .links import link_documents, summarize_passage
from .names import normalize_material_name
from .relative import unscope_org_name
from .resolve import OrgResolver, default_resolver
from .schema import NODE_PROPERTIES, REL_PROPERTIES, TEXT_RELATIONSHIPS, edge_key, node_id

__all__ = [
    "GRAPH_FORMAT_VERSION",
    "new_graph",
    "add_document",
    "add_documents",
    "remove_document",
    "remove_documents",
    "refresh_nodes",
    "derive_properties",
    "graph_from_records",
    "org_spellings",
    "count_labels",
    "count_types",
]

log = logging.getLogger(__name__)

# 2: Document n_activities/n_metrics and Organization categories/slogans (derived; see derive_properties)
# 3: Organization filter_names (derived)
GRAPH_FORMAT_VERSION = 3
_SHARED_LABELS = ("Organization", "Slogan", "Material", "ActivityType", "Passage")
_DOC_OWNED_LABELS = ("Document", "Activity", "Metric", "Problem")
_NODE_KEYS = {label: frozenset(props) for label, props in NODE_PROPERTIES.items()}
_REL_KEYS = {rel: frozenset(props) for rel, props in REL_PROPERTIES.items()}
_EMPTY: dict = {}


def new_graph() -> nx.MultiDiGraph:
    """An empty graph with the bookkeeping the incremental build needs.

    >>> new_graph().graph["files"]
    {}
    """
    return nx.MultiDiGraph(schema_version=GRAPH_FORMAT_VERSION, files={})


def _doc_fields(doc: Document | Mapping) -> dict:
    if isinstance(doc, Document):
        return doc.to_dict(with_text=True)
    return dict(doc)


class _DocBuilder:
    """Adds one document's facts; keeps the offsets honest."""

    def __init__(self, g: nx.MultiDiGraph, doc: dict, record: dict, resolver: OrgResolver):
        self.g, self.doc, self.record, self.r = g, doc, record, resolver
        self.doc_id = record.get("doc_id") or doc["doc_id"]
        self.text = doc.get("text") or ""
        self.touched: set[str] = set()
        self.first_seen: dict[str, tuple] = {}  # org id -> (evidence, start, end, pos)
        self.used_ids: set[str] = set()
        self.dropped = 0
        self.strings: dict[str, str] = {}
        # networkx's own dicts (node -> data, u -> v -> key -> data): plain lookups, no view objects
        self.nodes, self.succ = g._node, g._succ
        reporting = record.get("reporting_org")
        self.reporting_canon = resolver.canonical(reporting) if reporting else None

    # -- helpers ---------------------------------------------------------
    def _span(self, item: Mapping) -> tuple[str, int, int] | None:
        """The item's evidence and offsets, repaired if they drifted; None if absent."""
        ev, s, e = item.get("evidence"), item.get("start"), item.get("end")
        if not ev:
            return None
        ev = self.strings.setdefault(ev, ev)  # one object per sentence: smaller in memory and in the pickle
        if isinstance(s, int) and isinstance(e, int) and self.text[s:e] == ev:
            return ev, s, e
        pos = self.text.find(ev)
        if pos < 0:
            return None
        return ev, pos, pos + len(ev)

    def _pos(self, needle: str | None, span: tuple[str, int, int]) -> int:
        if needle:
            p = self.text.find(needle, span[1], span[2])
            if p >= 0:
                return p
        return span[1]

    def _node(self, label: str, key: str, **props) -> str:
        nid = node_id(label, key)
        allowed = _NODE_KEYS[label]
        data = self.nodes.get(nid)
        if data is None:
            self.g.add_node(nid, label=label, id=nid)
            data = self.nodes[nid]
        for k, v in props.items():
            if v is not None and v != "" and k in allowed:
                data[k] = v
        self.touched.add(nid)
        return nid

    def _unique_id(self, label: str, pos: int) -> str:
        key = f"{self.doc_id}@{pos}"
        nid = node_id(label, key)
        n = 1
        while nid in self.used_ids or nid in self.nodes:
            n += 1
            key = f"{self.doc_id}@{pos}.{n}"
            nid = node_id(label, key)
        self.used_ids.add(nid)
        return key

    def _edge(self, u: str, v: str, rel: str, span, pos: int, **props) -> None:
        if rel in TEXT_RELATIONSHIPS:
            if span is None:
                self.dropped += 1
                log.warning("%s: %s %s→%s has no evidence in the text; dropped", self.doc_id, rel, u, v)
                return
            props.update(evidence=span[0], start=span[1], end=span[2])
        key = edge_key(rel, self.doc_id, pos)
        allowed = _REL_KEYS[rel]
        data = self.succ.get(u, _EMPTY).get(v, _EMPTY).get(key)
        if data is None:
            self.g.add_edge(u, v, key=key)
            data = self.succ[u][v][key]
        data["type"], data["key"], data["doc_id"] = rel, key, self.doc_id  # "key" is a property too: Neo4j needs it
        for k, val in props.items():
            if val is not None and val != "" and k in allowed:
                data[k] = val
        self.touched.add(u)
        self.touched.add(v)

    def _org(self, name: str | None, span=None, pos=None, *, canonical: bool = False) -> str | None:
        if not name:
            return None
        canon = name if canonical else self.r.canonical(name)
        if not canon:
            return None
        # Relative names (局党组, 办公室) name the speaker's own unit: qualified or kept in this document.
        shown, scope = self.r.place(canon, self.reporting_canon, self.doc_id)
        nid = self._node("Organization", shown, name=shown, scope=scope)
        if span is not None and nid not in self.first_seen:
            self.first_seen[nid] = (span, pos if pos is not None else span[1])
        return nid

    # -- the document ----------------------------------------------------
    def run(self) -> set[str]:
        d, rec = self.doc, self.record
        reporting = self.reporting_canon
        shown = self.r.place(reporting, reporting, self.doc_id)[0] if reporting else None
        doc_node = self._node(
            "Document", self.doc_id, doc_id=self.doc_id,
            title=rec.get("title", d.get("title")), genre=rec.get("genre", d.get("genre")),
            year=rec.get("year", d.get("year")), source=rec.get("source", d.get("source")),
            title_derived=bool(rec.get("title_derived", d.get("title_derived", False))),
            reporting_org=shown, sha256=d.get("sha256"), file_sha256=d.get("file_sha256"),
            encoding=d.get("encoding"), n_chars=d.get("n_chars") or len(self.text), text=self.text,
        )
        self.doc_node = doc_node
        self._organizations(rec.get("organizations") or [])
        self.reporting = self._authored(reporting, rec.get("reporting_org_evidence"))
        self._slogans(rec.get("slogans") or [])
        self._materials(rec.get("materials") or [])
        self.year = rec.get("year", d.get("year"))
        activities = self._activities(rec.get("activities") or [])
        n_metrics = self._metrics(rec.get("metrics") or [], activities)
        n_problems = self._problems(rec.get("problems") or [])
        self.g.nodes[doc_node].update(n_activities=len(activities), n_metrics=n_metrics, n_problems=n_problems)
        self._subunits()
        return self.touched

    def _organizations(self, items) -> None:
        seen: dict[tuple[str, str], list] = {}
        for item in items:
            span = self._span(item)
            if span is None:
                self.dropped += 1
                continue
            canon = self.r.canonical(item["name"])
            surface = item["name"]
            for cand in [item["name"], *(item.get("aliases") or [])]:
                if cand in span[0] and self.r.canonical(cand) == canon:
                    surface = cand
                    break
            pos = self._pos(surface, span)
            nid = self._org(item["name"], span, pos)
            if nid is None:
                continue
            count = item.get("mentions")
            count = len(count) if isinstance(count, (list, tuple)) else count
            entry = seen.setdefault((nid, surface), [span, pos, 0, item.get("kind")])
            entry[2] += count if isinstance(count, int) and count > 0 else 1
        for (nid, surface), (span, pos, count, kind) in seen.items():
            self._edge(self.doc_node, nid, "MENTIONS", span, pos, surface=surface, count=count, kind=kind)

    def _authored(self, reporting: str | None, ev_item) -> str | None:
        if not reporting:
            return None
        span = self._span(ev_item) if ev_item else None
        if span is None:
            span = self._find_sentence(self.record.get("reporting_org") or reporting)
        pos = self._pos((ev_item or {}).get("name"), span) if span else 0
        org = self._org(reporting, span, pos, canonical=True)
        self._edge(org, self.doc_node, "AUTHORED", span, pos)
        return org

    def _find_sentence(self, name: str):
        for sent in iter_sentences(self.text):
            if name in sent.text:
                return sent.text, sent.start, sent.end
        return None

    def _slogans(self, items) -> None:
        done_mentions: set[str] = set()
        for item in items:
            span = self._span(item)
            canonical = item.get("canonical")
            if not canonical or span is None:
                self.dropped += 1
                continue
            pos = self._pos(item.get("surface") or canonical, span)
            nid = self._node("Slogan", canonical, canonical=canonical)
            if nid in done_mentions:
                edges = self.g.get_edge_data(self.doc_node, nid) or {}
                for data in edges.values():
                    if data["doc_id"] == self.doc_id:
                        data["count"] = data.get("count", 1) + 1
                continue
            done_mentions.add(nid)
            self._edge(self.doc_node, nid, "MENTIONS", span, pos, surface=item.get("surface") or canonical, count=1)
            if self.reporting:
                self._edge(self.reporting, nid, "ECHOES", span, pos, quoted=bool(item.get("quoted")))

    def _material(self, item, fallback_span=None):
        name = item.get("name") if isinstance(item, Mapping) else item
        if not name:
            return None, None, None
        # The name may be canonical (中国共产党章程) where the text wrote 党章: the surface finds it.
        surface = (item.get("surface") if isinstance(item, Mapping) else None) or name
        span = self._span(item) if isinstance(item, Mapping) else None
        if span is None and fallback_span is not None:
            span = fallback_span  # an activity's material was read from the activity's sentence
        if span is None:
            span = self._find_sentence(surface)
        key = normalize_material_name(name)
        if not key:
            return None, None, None
        nid = self._node("Material", key, name=key)
        return nid, span, (self._pos(surface, span) if span else 0)

    def _materials(self, items) -> None:
        done: set[str] = set()
        for item in items:
            nid, span, pos = self._material(item)
            if nid is None or nid in done:
                continue
            done.add(nid)
            surface = (item.get("surface") or item.get("name")) if isinstance(item, Mapping) else item
            self._edge(self.doc_node, nid, "MENTIONS", span, pos, surface=surface, count=1)

    def _activities(self, items) -> list[tuple[str, int, tuple]]:
        out = []
        for item in items:
            span = self._span(item)
            if span is None or not item.get("name"):
                self.dropped += 1
                continue
            pos = self._pos(item["name"], span)
            key = self._unique_id("Activity", pos)
            org = self._org(item.get("org"), span, pos) or self.reporting
            org_name = self.g.nodes[org]["name"] if org else None
            category = item.get("category") or "其他"
            aid = self._node("Activity", key, name=item["name"], category=category, status=item.get("status"),
                             org=org_name, doc_id=self.doc_id, evidence=span[0], start=span[1], end=span[2],
                             year=self.year, section=item.get("section"))
            if org:
                self._edge(org, aid, "CONDUCTED", span, pos)
            tid = self._node("ActivityType", category, name=category)
            self._edge(aid, tid, "INSTANCE_OF", None, pos)
            for mat in item.get("materials") or []:
                mid, mspan, mpos = self._material(mat, span)
                if mid is not None:
                    self._edge(aid, mid, "STUDIED", mspan, mpos)
            for partner in item.get("partners") or []:
                pname = partner.get("name") if isinstance(partner, Mapping) else partner
                ppos = self._pos(pname, span)
                pid = self._org(pname, span, ppos)
                if org and pid and pid != org:
                    self._edge(org, pid, "PARTNERED_WITH", span, ppos)
            out.append((aid, pos, span, org_name))
        return out

    def _metrics(self, items, activities) -> int:
        added = 0
        for item in items:
            span = self._span(item)
            if span is None:
                self.dropped += 1
                continue
            pos = self._pos(item.get("surface"), span)
            key = self._unique_id("Metric", pos)
            owner, org_name = None, None
            same = [a for a in activities if a[2][1] <= pos < a[2][2]]
            if same:
                before = [a for a in same if a[1] <= pos]
                owner_act = max(before, key=lambda a: a[1]) if before else min(same, key=lambda a: a[1])
                owner, org_name = owner_act[0], owner_act[3]
            elif self.reporting:
                owner, org_name = self.reporting, self.g.nodes[self.reporting]["name"]
            value = item.get("value")
            mid = self._node("Metric", key, value=None if value is None else float(value), unit=item.get("unit"),
                             approx=bool(item.get("approx")), masked=bool(item.get("masked")),
                             subject=item.get("subject"), surface=item.get("surface"), org=org_name,
                             doc_id=self.doc_id, evidence=span[0], start=span[1], end=span[2],
                             year=self.year, section=item.get("section"), kind=item.get("kind"),
                             period=item.get("period"), indicator=item.get("indicator"),
                             low=_number(item.get("low")), high=_number(item.get("high")))
            if owner:
                self._edge(owner, mid, "MEASURED_BY", span, pos)
            added += 1
        return added

    def _problems(self, items) -> int:
        added = 0
        for item in items:
            span = self._span(item)
            if span is None or not item.get("text"):
                self.dropped += 1
                continue
            key = self._unique_id("Problem", span[1])
            org = self._org(item.get("org"), span, span[1]) if item.get("org") else None
            org = org or self.reporting
            pid = self._node("Problem", key, text=item["text"], org=self.g.nodes[org]["name"] if org else None,
                             doc_id=self.doc_id, year=self.year, section=item.get("section"),
                             evidence=span[0], start=span[1], end=span[2])
            if org:
                self._edge(org, pid, "ADMITS", span, span[1])
            added += 1
        return added

    def _subunits(self) -> None:
        # Follow the chain (中心组 → 党组 → 委), citing the sentence that named the child.
        todo = sorted(self.first_seen.items())
        done: set[str] = set()
        while todo:
            nid, (span, pos) = todo.pop(0)
            if nid in done:
                continue
            done.add(nid)
            parent = self.r.parent(unscope_org_name(self.g.nodes[nid]["name"]))
            pid = self._org(parent, canonical=True)
            if pid and pid != nid:
                self._edge(nid, pid, "SUBUNIT_OF", span, pos)
                todo.append((pid, (span, pos)))


def _number(value):
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def add_document(g: nx.MultiDiGraph, doc: Document | Mapping, record: Mapping,
                 resolver: OrgResolver | None = None, *, refresh: bool = True) -> set[str]:
    """Add one document and its facts; returns the ids of the nodes touched.

    A document already in the graph is replaced, so adding twice is a no-op.
    With ``refresh=False`` the shared nodes' derived properties are left for
    the caller to recompute once (:func:`refresh_nodes`) after a batch: a
    shared node such as an ActivityType gains an edge from every document,
    and recomputing it per document would make a build quadratic.

    >>> g = new_graph()
    >>> text = "市妇联开展集中学习3次。"
    >>> rec = {"doc_id": "d1", "reporting_org": "XX市妇联",
    ...        "reporting_org_evidence": {"name": "XX市妇联", "evidence": text, "start": 0, "end": 12}}
    >>> sorted(add_document(g, {"doc_id": "d1", "title": "t", "text": text}, rec, OrgResolver()))
    ['Document:d1', 'Organization:市妇联']
    >>> g.edges["Organization:市妇联", "Document:d1", "AUTHORED|d1|0"]["evidence"] == text
    True
    """
    resolver = resolver or default_resolver()
    doc = _doc_fields(doc)
    doc_id = record.get("doc_id") or doc["doc_id"]
    touched = remove_document(g, doc_id) if node_id("Document", doc_id) in g else set()
    builder = _DocBuilder(g, doc, dict(record), resolver)
    touched |= builder.run()
    if builder.dropped:
        log.info("%s: %d items without usable evidence were left out", doc_id, builder.dropped)
    if refresh:
        refresh_nodes(g, touched, resolver)
    return touched


def add_documents(g: nx.MultiDiGraph, pairs: Iterable[tuple[Document | Mapping, Mapping]],
                  resolver: OrgResolver | None = None) -> set[str]:
    """Add many documents, recomputing each shared node once at the end (linear in the corpus).

    >>> g = new_graph()
    >>> sorted(add_documents(g, [({"doc_id": "a", "title": "t", "text": "甲。"}, {"doc_id": "a"})]))
    ['Document:a']
    """
    resolver = resolver or default_resolver()
    touched: set[str] = set()
    for doc, record in pairs:
        touched |= add_document(g, doc, record, resolver, refresh=False)
    refresh_nodes(g, touched, resolver)
    return {n for n in touched if n in g}


def remove_document(g: nx.MultiDiGraph, doc_id: str, resolver: OrgResolver | None = None) -> set[str]:
    """Remove one document's facts; shared nodes left with no document go too.

    Returns the ids of the surviving nodes whose derived properties changed.
    """
    return remove_documents(g, {doc_id}, resolver)


def remove_documents(g: nx.MultiDiGraph, doc_ids: Iterable[str], resolver: OrgResolver | None = None) -> set[str]:
    """Remove the facts of several documents in one pass over the graph (see :func:`remove_document`).

    >>> g = graph_from_records([({"doc_id": "a", "title": "t", "text": "甲。"}, {"doc_id": "a"})])
    >>> remove_documents(g, ["a"]), g.number_of_nodes()
    (set(), 0)
    """
    doc_ids = set(doc_ids)
    doomed_edges = [(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d.get("doc_id") in doc_ids]
    touched = {n for u, v, _ in doomed_edges for n in (u, v)}
    g.remove_edges_from(doomed_edges)
    own = [n for n, d in g.nodes(data=True) if d.get("label") in _DOC_OWNED_LABELS and d.get("doc_id") in doc_ids]
    g.remove_nodes_from(own)
    touched -= set(own)
    touched = {n for n in touched if n in g}
    refresh_nodes(g, touched, resolver or default_resolver())
    return {n for n in touched if n in g}


def refresh_nodes(g: nx.MultiDiGraph, ids: Iterable[str], resolver: OrgResolver | None = None) -> None:
    """Recompute the derived properties of shared nodes from their edges.

    ``doc_ids`` are the documents of the node's edges; an organization's
    ``aliases`` are the spellings its MENTIONS edges used plus the tables'
    known abbreviations, but never a relative spelling (局党组 names a
    different unit in every report, so it stays on the edge's ``surface``);
    its ``kind`` the commonest kind extraction gave; its ``categories`` and
    ``slogans`` the activity categories it conducted and the slogans it
    echoes (what ``similar_units`` compares without walking edges).
    A shared node with no document left is removed.
    """
    resolver = resolver or default_resolver()
    nodes, pred, succ = g._node, g._pred, g._succ
    ids = ids if isinstance(ids, (set, frozenset)) else set(ids)
    # ids may hold every node of a build (millions at scale): keep the shared ones before sorting
    for nid in sorted({n for n in ids if nodes.get(n, _EMPTY).get("label") in _SHARED_LABELS}):
        data = nodes[nid]
        label = data["label"]
        if label == "ActivityType":  # nothing derived: it only goes when no document uses it
            if not any(e.get("doc_id") is not None
                       for adj in (pred[nid], succ[nid]) for keyed in adj.values() for e in keyed.values()):
                g.remove_node(nid)
            continue
        doc_ids: set[str] = set()
        surfaces: set[str] = set()
        kinds: Counter = Counter()
        for keyed in pred[nid].values():
            for e in keyed.values():
                doc_ids.add(e["doc_id"])
                if e["type"] == "MENTIONS":
                    if e.get("surface") and not resolver.relative.is_relative(resolver.canonical(e["surface"])):
                        surfaces.add(e["surface"])
                    if e.get("kind"):
                        kinds[e["kind"]] += 1
        for keyed in succ[nid].values():
            for e in keyed.values():
                doc_ids.add(e["doc_id"])
        doc_ids.discard(None)
        if not doc_ids:
            g.remove_node(nid)
            continue
        data["doc_ids"] = sorted(doc_ids)
        if label == "Passage" and not summarize_passage(g, nid):
            g.remove_node(nid)  # shared by fewer than two units now
            continue
        if label == "Organization":
            name = data["name"]
            known = set(resolver.aliases_of(name))
            data["aliases"] = sorted((surfaces | known) - {name})
            _summarize_org(g, nid)
            if kinds:
                data["kind"] = min(kinds, key=lambda k: (-kinds[k], k))
            else:
                data.pop("kind", None)
    _refresh_filter_names(g, ids)
    _link_after_refresh(g, ids)


def _subunit_neighbours(nid: str, adjacency) -> list[str]:
    return [v for v, keyed in adjacency[nid].items() if any(e["type"] == "SUBUNIT_OF" for e in keyed.values())]


def _filter_names(g: nx.MultiDiGraph, nid: str) -> list[str]:
    data = g._node[nid]
    names = {data["name"], *data.get("aliases", ())}
    level = [nid]
    for _ in range(2):
        level = [up for n in level for up in _subunit_neighbours(n, g._succ)]
        names.update(g._node[up]["name"] for up in level)
    return sorted(names)


def _refresh_filter_names(g: nx.MultiDiGraph, ids) -> None:
    # A unit's filter names hold the names of the units up to two steps above it, so a change at a
    # touched unit reaches the study groups and offices up to two steps below it.
    nodes = g._node
    level = {n for n in ids if nodes.get(n, _EMPTY).get("label") == "Organization"}
    todo = set(level)
    for _ in range(2):
        level = {down for n in level for down in _subunit_neighbours(n, g._pred)}
        todo |= level
    for nid in todo:
        nodes[nid]["filter_names"] = _filter_names(g, nid)


def _link_after_refresh(g: nx.MultiDiGraph, ids) -> None:
    # Plans matched with later reports and passages shared across units span
    # documents: redone for the units and documents a change touched.
    link_documents(g, ids)


def _summarize_org(g: nx.MultiDiGraph, nid: str) -> None:
    categories: set[str] = set()
    slogans: set[str] = set()
    for _, v, e in g.out_edges(nid, data=True):
        if e.get("type") == "CONDUCTED" and g.nodes[v].get("category"):
            categories.add(g.nodes[v]["category"])
        elif e.get("type") == "ECHOES" and g.nodes[v].get("canonical"):
            slogans.add(g.nodes[v]["canonical"])
    g.nodes[nid]["categories"] = sorted(categories)
    g.nodes[nid]["slogans"] = sorted(slogans)


def derive_properties(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Recompute the summary properties queries read instead of walking edges; returns ``g``.

    A document's ``n_activities`` / ``n_metrics`` and an organization's
    ``categories`` / ``slogans`` / ``filter_names``. The builder keeps them current as it goes;
    this is for a graph made another way (a hand-made fixture, a synthetic
    graph) or saved by a version that lacked them (graph formats 1 and 2).

    >>> g = new_graph()
    >>> g.add_node("Document:a", label="Document", doc_id="a")
    >>> g.add_node("Activity:a@0", label="Activity", doc_id="a", category="读书班")
    >>> derive_properties(g).nodes["Document:a"]["n_activities"]
    1
    """
    counts: dict[str, Counter] = {"Activity": Counter(), "Metric": Counter(), "Problem": Counter()}
    for _, d in g.nodes(data=True):
        if d.get("label") in counts:
            counts[d["label"]][d.get("doc_id")] += 1
    for n, d in g.nodes(data=True):
        if d.get("label") == "Document":
            d["n_activities"] = counts["Activity"][d.get("doc_id")]
            d["n_metrics"] = counts["Metric"][d.get("doc_id")]
            d["n_problems"] = counts["Problem"][d.get("doc_id")]
        elif d.get("label") == "Organization":
            _summarize_org(g, n)
            d["filter_names"] = _filter_names(g, n)
    return g


def graph_from_records(pairs: Iterable[tuple[Document | Mapping, Mapping]],
                       resolver: OrgResolver | None = None) -> nx.MultiDiGraph:
    """A graph from (document, extraction record) pairs, e.g. hand-written ones.

    >>> g = graph_from_records([({"doc_id": "a", "title": "t", "text": "甲。"}, {"doc_id": "a"})])
    >>> sorted(g.nodes)
    ['Document:a']
    """
    g = new_graph()
    add_documents(g, pairs, resolver)
    return g


def org_spellings(g: nx.MultiDiGraph, org_id: str) -> dict[str, list[str]]:
    """Which documents wrote an organization which way: ``{surface: [doc_id, …]}``.

    >>> g = new_graph()
    >>> g.add_node("Organization:市卫生健康委", label="Organization", name="市卫生健康委")
    >>> g.add_edge("Document:a", "Organization:市卫生健康委", key="k", type="MENTIONS", doc_id="a", surface="市卫健委")
    'k'
    >>> org_spellings(g, "Organization:市卫生健康委")
    {'市卫健委': ['a']}
    """
    out: dict[str, set[str]] = {}
    for _, _, d in g.in_edges(org_id, data=True):
        if d.get("type") == "MENTIONS" and d.get("surface"):
            out.setdefault(d["surface"], set()).add(d["doc_id"])
    return {k: sorted(v) for k, v in sorted(out.items())}


def count_labels(g: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes per label, every schema label present (0 when absent)."""
    counts = Counter(d.get("label") for d in g._node.values())
    return {label: counts.get(label, 0) for label in NODE_PROPERTIES}


def count_types(g: nx.MultiDiGraph) -> dict[str, int]:
    """Relationships per type, every schema type present (0 when absent)."""
    counts = Counter(d.get("type") for nbrs in g._succ.values() for keyed in nbrs.values() for d in keyed.values())
    return {t: counts.get(t, 0) for t in REL_PROPERTIES}
