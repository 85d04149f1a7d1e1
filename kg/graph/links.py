"""Facts that span documents: a unit's plans matched with what it later reports,
and passages that several units' reports share nearly word for word.

Why in the graph and not in a query: both compare every document of a unit
(or of the corpus) with every other, with fuzzy wording — a planned
``青年干部读书班`` is done as ``读书班``, a template sentence comes back with
another unit's numbers — which Cypher cannot do on either engine. They are
recomputed whenever a build touches a unit or a document, from the graph
alone, so an incremental build gives the graph a fresh build would.

**Plans and reports.** For each unit: its planned activities (status
``planned``) and targets (figures of kind ``target``) are matched with what
the same unit reports later — a later year, or the same year after a plan
document — as done activities of the same category (closest wording first,
rapidfuzz) and actual figures with the same measure word and a like subject
or the same indicator. A match is a ``FOLLOWED_BY`` edge from the plan to the
report; ``plan_state`` says 计划并完成 or 计划未见完成 on every plan, and
完成但无计划 on a done activity of a document later than the unit's first
plan that no plan foresaw.

**Shared passages (套话).** Sentences of 20 characters or more and
paragraphs of 50 or more are compared as sets of character 3-grams (digits
folded, so a template filled with other numbers still matches) with MinHash
and LSH from datasketch; candidates are checked by their exact Jaccard
similarity (≥ 0.7). A group of like texts from two or more units (or
documents without one) is a ``Passage`` node; each document's text joins it
by a ``SHARES`` edge carrying its own sentence and its similarity.
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import re
import zlib
from collections import defaultdict

import networkx as nx
from rapidfuzz import fuzz

from ..extract.base import iter_sentences
from .schema import edge_key, node_id

__all__ = ["PLANNED_DONE", "PLANNED_OPEN", "DONE_UNPLANNED", "PLAN_STATES", "SIMILARITY", "RELINKED", "link_documents",
           "link_plans", "link_passages", "summarize_passage", "shingles", "take_relinked",
           "with_linked_documents"]

log = logging.getLogger(__name__)

PLANNED_DONE, PLANNED_OPEN, DONE_UNPLANNED = "计划并完成", "计划未见完成", "完成但无计划"
PLAN_STATES = (PLANNED_DONE, PLANNED_OPEN, DONE_UNPLANNED)
SIMILARITY = 0.7  # Jaccard of 3-gram sets: a passage "nearly word for word"
_NUM_PERM = 32  # with the exact check after LSH, 32 permutations lose nothing and halve the index
_MIN_SENTENCE = 20
_MIN_PARAGRAPH = 50
_MIN_SHINGLES = 12
_OTHER_CATEGORY_SCORE = 60  # 其他 is no kind: its wordings must be close
_SUBJECT_SCORE = 60
_PLAN_GENRE = "计划"
_FOLD = re.compile(r"[\s，。、；：！？,.;:!?“”‘’\"'（）()《》〈〉【】—…·\-]+")
_DIGITS = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?|[*＊Xx×]{1,4}")
# g.graph key: documents whose facts a relink changed although their text did not (a plan of theirs
# is now followed up, their sentence joined another passage), so a store kept in step by document
# (Neo4j) replaces them too; a sorted list, so the graph still saves as JSON
RELINKED = "relinked"


def _mark(g: nx.MultiDiGraph, doc_ids) -> None:
    doc_ids = {d for d in doc_ids if d}
    if doc_ids:
        g.graph[RELINKED] = sorted(set(g.graph.get(RELINKED) or ()) | doc_ids)


def take_relinked(g: nx.MultiDiGraph) -> set[str]:
    """The documents relinks changed since the last call (and forget them)."""
    return set(g.graph.pop(RELINKED, None) or ())


def with_linked_documents(g: nx.MultiDiGraph, doc_ids) -> set[str]:
    """``doc_ids`` and every document a FOLLOWED_BY edge ties to them, step by step.

    Why: a store that replaces a document's nodes drops the edges at them,
    and an edge from a plan to a report is filed under the report's
    document: replacing either document means reloading the other.
    """
    by_doc: dict[str, set[str]] = defaultdict(set)
    nodes = g._node
    for u, v, e in g.edges(data=True):
        if e.get("type") == "FOLLOWED_BY":
            a, b = nodes[u].get("doc_id"), nodes[v].get("doc_id")
            by_doc[a].add(b)
            by_doc[b].add(a)
    out, todo = set(doc_ids), list(doc_ids)
    while todo:
        for other in by_doc.get(todo.pop(), ()):
            if other not in out:
                out.add(other)
                todo.append(other)
    return out


def link_documents(g: nx.MultiDiGraph, touched) -> None:
    """Redo the cross-document facts after a change: plans of the touched
    units, and passages when a document was added."""
    nodes = g._node
    labels = {n: nodes[n].get("label") for n in touched if n in nodes}
    orgs = sorted(n for n, label in labels.items() if label == "Organization")
    if orgs:
        link_plans(g, orgs)
    if any(label == "Document" for label in labels.values()):
        link_passages(g)


# -- plans and reports ------------------------------------------------------------------------

def _doc_order(g: nx.MultiDiGraph) -> dict[str, tuple]:
    """doc_id → (year, 0 for a plan document else 1); None year when unknown."""
    out = {}
    for _, d in g.nodes(data=True):
        if d.get("label") == "Document":
            out[d.get("doc_id")] = (d.get("year"), 0 if d.get("genre") == _PLAN_GENRE else 1)
    return out


def _later(report: tuple, plan: tuple) -> bool:
    if report[0] is None or plan[0] is None:
        return False
    return report > plan


def _unit_items(g: nx.MultiDiGraph, org: str) -> tuple[list[str], list[str]]:
    activities, metrics = [], []
    for _, v, e in g.out_edges(org, data=True):
        if e.get("type") == "CONDUCTED":
            activities.append(v)
            for _, m, e2 in g.out_edges(v, data=True):
                if e2.get("type") == "MEASURED_BY":
                    metrics.append(m)
        elif e.get("type") == "MEASURED_BY":
            metrics.append(v)
    return sorted(set(activities)), sorted(set(metrics))


def _clear(g: nx.MultiDiGraph, items: list[str]) -> None:
    doomed = [(u, v, k) for n in items for u, v, k, e in g.out_edges(n, keys=True, data=True)
              if e.get("type") == "FOLLOWED_BY"]
    doomed += [(u, v, k) for n in items for u, v, k, e in g.in_edges(n, keys=True, data=True)
               if e.get("type") == "FOLLOWED_BY"]
    g.remove_edges_from(set(doomed))
    for n in items:
        g.nodes[n].pop("plan_state", None)


def _plan_facts(g: nx.MultiDiGraph, items: list[str]) -> set[tuple[str, tuple]]:
    """(doc_id, fact) for the plan states and FOLLOWED_BY edges of ``items`` (both ends' documents)."""
    nodes = g._node
    out = set()
    for n in items:
        doc = nodes[n].get("doc_id")
        if nodes[n].get("plan_state"):
            out.add((doc, ("state", n, nodes[n]["plan_state"])))
        for u, v, k, e in [*g.out_edges(n, keys=True, data=True), *g.in_edges(n, keys=True, data=True)]:
            if e.get("type") == "FOLLOWED_BY":
                out.add((nodes[u].get("doc_id"), ("edge", k)))
                out.add((nodes[v].get("doc_id"), ("edge", k)))
    return out


def _match(g, plans, reports, order, score_of, bucket) -> dict[str, tuple[str, float]]:
    """Greedy one-to-one: each plan (in document order) takes the best later report left
    of its bucket (same category, same measure word): the closest wording; on a tie, the earliest."""
    used: set[str] = set()
    out = {}
    nodes = g._node

    def place(n):
        year, rank = order.get(nodes[n].get("doc_id"), (None, 1))
        return (year if year is not None else 9999, rank, nodes[n].get("doc_id") or "", nodes[n].get("start") or 0, n)

    buckets: dict[str, list[str]] = defaultdict(list)
    for r in sorted(reports, key=place):
        buckets[bucket(nodes[r])].append(r)
    for p in sorted(plans, key=place):
        p_order = order.get(nodes[p].get("doc_id"))
        if p_order is None or p_order[0] is None:
            continue
        best = None
        for r in buckets.get(bucket(nodes[p]), ()):
            if r in used or not _later(order.get(nodes[r].get("doc_id"), (None, 1)), p_order):
                continue
            score = score_of(nodes[p], nodes[r])
            if score is not None and (best is None or score > best[1]):
                best = (r, score)
                if score >= 100:
                    break
        if best is not None:
            used.add(best[0])
            out[p] = best
    return out


def _activity_score(plan: dict, report: dict) -> float | None:
    if plan.get("category") != report.get("category"):
        return None
    score = fuzz.token_set_ratio(plan.get("name") or "", report.get("name") or "")
    if plan.get("category") == "其他" and score < _OTHER_CATEGORY_SCORE:
        return None
    return float(score)


def _metric_score(plan: dict, report: dict) -> float | None:
    if plan.get("unit") != report.get("unit"):
        return None
    if plan.get("period") is not None and report.get("period") is not None and report["period"] < plan["period"]:
        return None
    if plan.get("indicator") or report.get("indicator"):
        return 100.0 if plan.get("indicator") == report.get("indicator") else None
    score = fuzz.partial_ratio(plan.get("subject") or "", report.get("subject") or "")
    return float(score) if score >= _SUBJECT_SCORE else None


def _edge(g: nx.MultiDiGraph, plan: str, report: str, score: float) -> None:
    r = g.nodes[report]
    key = edge_key("FOLLOWED_BY", r.get("doc_id"), r.get("start")) + f"|{plan}"
    g.add_edge(plan, report, key=key)
    g.edges[plan, report, key].update(type="FOLLOWED_BY", key=key, doc_id=r.get("doc_id"), evidence=r.get("evidence"),
                                      start=r.get("start"), end=r.get("end"), score=round(score, 1))


def link_plans(g: nx.MultiDiGraph, orgs) -> None:
    """Match the plans of each unit in ``orgs`` with what it reports later (see the module docstring).

    >>> from kg.graph.build import graph_from_records
    >>> def report(doc_id, year, text, status):
    ...     act = {"name": "读书班", "category": "读书班", "status": status, "evidence": text, "start": 0, "end": len(text)}
    ...     return ({"doc_id": doc_id, "title": "t", "text": text, "year": year, "genre": "汇报"},
    ...             {"doc_id": doc_id, "reporting_org": "市档案局", "year": year, "activities": [act]})
    >>> g = graph_from_records([report("p", 2023, "市档案局下一步将举办读书班。", "planned"),
    ...                         report("r", 2024, "市档案局举办读书班2期。", "done")])
    >>> plan = next(n for n, d in g.nodes(data=True) if d.get("status") == "planned")
    >>> g.nodes[plan]["plan_state"], [g.nodes[v]["doc_id"] for _, v, t in g.out_edges(plan, data="type")
    ...                                if t == "FOLLOWED_BY"]
    ('计划并完成', ['r'])
    """
    order = _doc_order(g)
    nodes = g._node
    for org in sorted(orgs):
        if org not in nodes:
            continue
        activities, metrics = _unit_items(g, org)
        before = _plan_facts(g, activities + metrics)
        _clear(g, activities + metrics)
        planned = [a for a in activities if nodes[a].get("status") == "planned"]
        targets = [m for m in metrics if nodes[m].get("kind") == "target" and not nodes[m].get("masked")]
        if not planned and not targets:
            _mark(g, {doc for doc, _ in before})
            continue
        done = [a for a in activities if nodes[a].get("status") == "done"]
        actual = [m for m in metrics if nodes[m].get("kind") == "actual" and not nodes[m].get("masked")]
        matched = _match(g, planned, done, order, _activity_score, lambda d: d.get("category") or "")
        matched.update(_match(g, targets, actual, order, _metric_score, lambda d: d.get("unit") or ""))
        for p in planned + targets:
            if p in matched:
                report, score = matched[p]
                nodes[p]["plan_state"] = PLANNED_DONE
                _edge(g, p, report, score)
            else:
                nodes[p]["plan_state"] = PLANNED_OPEN
        first_plan = min((order[nodes[p]["doc_id"]] for p in planned + targets
                          if order.get(nodes[p]["doc_id"], (None,))[0] is not None), default=None)
        if first_plan is not None:
            fulfilled = {r for r, _ in matched.values()}
            for a in done:
                if a not in fulfilled and _later(order.get(nodes[a].get("doc_id"), (None, 1)), first_plan):
                    nodes[a]["plan_state"] = DONE_UNPLANNED
        after = _plan_facts(g, activities + metrics)
        # a store kept in step by document must replace every document a plan link touches: an edge
        # from a replaced document's plan to another's report goes with the plan's node
        _mark(g, {doc for doc, fact in before ^ after} | {doc for doc, fact in after if fact[0] == "edge"})


# -- shared passages --------------------------------------------------------------------------

def shingles(text: str) -> frozenset[str]:
    """The character 3-grams of a text, punctuation dropped and numbers folded to ``0``.

    >>> sorted(shingles("集中学习12次。"))
    ['中学习', '习0次', '学习0', '集中学']
    """
    return _grams(_fold(text))


def _fold(text: str) -> str:
    return _DIGITS.sub("0", _FOLD.sub("", text))


def _grams(folded: str) -> frozenset[str]:
    return frozenset(folded[i:i + 3] for i in range(len(folded) - 2))


def _segments(text: str):
    """(kind, start, end, text) of the sentences and paragraphs worth comparing."""
    sentences = list(iter_sentences(text))
    starts = [s.start for s in sentences]
    for s in sentences:
        if len(s.text) >= _MIN_SENTENCE:
            yield "sentence", s.start, s.end, s.text
    pos = 0
    for line in text.split("\n"):
        core = line.strip()
        if len(core) >= _MIN_PARAGRAPH and bisect.bisect_left(starts, pos + len(line)) - bisect.bisect_left(starts, pos) >= 2:
            start = pos + len(line) - len(line.lstrip())
            yield "paragraph", start, start + len(core), core
        pos += len(line) + 1


def _sources(g: nx.MultiDiGraph) -> dict[str, str]:
    """doc_id → the unit that authored it, or the doc_id itself when none did."""
    out = {}
    for n, d in g.nodes(data=True):
        if d.get("label") == "Document":
            out[d["doc_id"]] = d["doc_id"]
    for u, v, e in g.edges(data=True):
        if e.get("type") == "AUTHORED" and e.get("doc_id") in out:
            out[e["doc_id"]] = g.nodes[u].get("name") or out[e["doc_id"]]
    return out


def summarize_passage(g: nx.MultiDiGraph, nid: str) -> bool:
    """Recompute a passage's documents and units from its edges; False when fewer than two units share it."""
    doc_ids = sorted({e["doc_id"] for _, _, e in g.in_edges(nid, data=True) if e.get("type") == "SHARES"})
    authors: dict[str, str] = {}
    for d in doc_ids:
        for u, _, e in g.in_edges(node_id("Document", d), data=True):
            if e.get("type") == "AUTHORED":
                authors[d] = g.nodes[u].get("name")
    sources = {authors.get(d) or d for d in doc_ids}
    data = g.nodes[nid]
    data.update(doc_ids=doc_ids, units=sorted({a for a in authors.values() if a}), n_documents=len(doc_ids),
                n_units=len(sources))
    return len(sources) >= 2


def _shares(g: nx.MultiDiGraph) -> set[tuple[str, tuple]]:
    return {(e.get("doc_id"), (v, k, e.get("similarity"))) for u, v, k, e in g.edges(keys=True, data=True)
            if e.get("type") == "SHARES"}


def _find(parent: dict, x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def link_passages(g: nx.MultiDiGraph) -> None:
    """Recompute every ``Passage`` and its ``SHARES`` edges (see the module docstring)."""
    before = _shares(g)
    g.remove_nodes_from([n for n, d in g.nodes(data=True) if d.get("label") == "Passage"])
    sources = _sources(g)
    members: dict[tuple[str, str], list[tuple[str, int, int, str]]] = defaultdict(list)  # (kind, folded) -> …
    grams: dict[tuple[str, str], frozenset] = {}
    for n, d in sorted(g.nodes(data=True)):
        if d.get("label") != "Document" or not d.get("text"):
            continue
        for kind, start, end, text in _segments(d["text"]):
            folded = _fold(text)
            key = (kind, folded)
            if key not in grams:
                sh = _grams(folded)
                if len(sh) < _MIN_SHINGLES:
                    continue
                grams[key] = sh
            members[key].append((d["doc_id"], start, end, text))
    if not members:
        _mark(g, {doc for doc, _ in before})
        return
    # lazy: datasketch imports scipy (0.45 s), which a query, a question or the app never needs
    from datasketch import MinHash, MinHashLSH

    keys = sorted(grams)
    index = {k: i for i, k in enumerate(keys)}
    hashes = MinHash.bulk([[s.encode("utf-8") for s in grams[k]] for k in keys], num_perm=_NUM_PERM,
                          hashfunc=zlib.crc32)
    parent = list(range(len(keys)))
    for kind in ("sentence", "paragraph"):
        lsh = MinHashLSH(threshold=SIMILARITY, num_perm=_NUM_PERM)
        mine = [k for k in keys if k[0] == kind]
        with lsh.insertion_session() as session:
            for k in mine:
                session.insert(index[k], hashes[index[k]])
        for k in mine:
            i = index[k]
            for j in lsh.query(hashes[i]):
                if j <= i:
                    continue
                a, b = grams[k], grams[keys[j]]
                if len(a & b) / len(a | b) >= SIMILARITY:
                    ri, rj = _find(parent, i), _find(parent, j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        clusters[_find(parent, i)].append(i)
    made = 0
    for root, group in sorted(clusters.items()):
        spots = sorted((m, keys[i]) for i in group for m in members[keys[i]])
        if len({sources.get(m[0], m[0]) for m, _ in spots}) < 2:
            continue
        (first_doc, first_start, _, first_text), first_key = spots[0]
        canon = grams[first_key]
        kind = first_key[0]
        digest = hashlib.sha1(f"{kind}|{first_key[1]}".encode("utf-8")).hexdigest()[:16]
        pid = node_id("Passage", digest)
        g.add_node(pid, label="Passage", id=pid, text=first_text, kind=kind)
        for (doc_id, start, end, text), key in spots:
            sim = len(grams[key] & canon) / len(grams[key] | canon)
            ekey = edge_key("SHARES", doc_id, start) + f"|{kind}"
            g.add_edge(node_id("Document", doc_id), pid, key=ekey)
            g.edges[node_id("Document", doc_id), pid, ekey].update(type="SHARES", key=ekey, doc_id=doc_id, evidence=text,
                                                                    start=start, end=end, similarity=round(sim, 3))
        summarize_passage(g, pid)
        made += 1
    _mark(g, {doc for doc, _ in before ^ _shares(g)})
    log.info("shared passages: %d groups over %d distinct texts", made, len(keys))
