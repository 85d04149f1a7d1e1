"""Helpers shared by tests/graph and tests/store: load the fixture records, compare graphs,
and a small rule extractor so store mechanics are tested apart from the real extraction."""
from __future__ import annotations

import json
from pathlib import Path

from kg.extract.base import iter_sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "graph"

__all__ = ["fixture_pairs", "graph_facts", "vocab_extract", "doc_facts"]


def fixture_pairs() -> list[tuple[dict, dict]]:
    """(document, record) pairs hand-written in tests/fixtures/graph/records.jsonl."""
    lines = (FIXTURES / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [(o["document"], o["record"]) for o in map(json.loads, lines)]


def _freeze(d: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in d.items()))


def graph_facts(g) -> tuple[frozenset, frozenset]:
    """Everything in a graph, as comparable sets (nodes with attributes, edges with keys)."""
    nodes = frozenset((n, _freeze(d)) for n, d in g.nodes(data=True))
    edges = frozenset((u, v, k, _freeze(d)) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def doc_facts(g, doc_id: str) -> frozenset:
    """The edges of one document."""
    return frozenset((u, v, k, _freeze(d)) for u, v, k, d in g.edges(keys=True, data=True)
                     if d.get("doc_id") == doc_id)


VOCAB = ("市委党校", "县委组织部", "市卫健委", "市卫生健康委", "县委", "市委", "市妇联")
SLOGANS = ("两个确立", "四个意识", "第一议题")


def vocab_extract(doc) -> dict:
    """A tiny rule extractor (fixed vocabulary, one activity per 开展 sentence) for store tests."""
    orgs, slogans, activities = [], [], []
    first_org = None
    for sent in iter_sentences(doc.text, doc.norm):
        rest = sent.text
        for name in VOCAB:
            if name in rest:
                rest = rest.replace(name, "")
                orgs.append({"name": name, "aliases": [], "kind": "单位", "evidence": sent.text,
                             "start": sent.start, "end": sent.end, "mentions": 1})
                first_org = first_org or (name, sent)
        for s in SLOGANS:
            if s in sent.text:
                slogans.append({"canonical": s, "quoted": f"“{s}”" in sent.text, "surface": s,
                                "evidence": sent.text, "start": sent.start, "end": sent.end})
        if "开展" in sent.text:
            activities.append({"name": "开展", "category": "其他", "status": "done", "org": None, "partners": [],
                               "materials": [], "evidence": sent.text, "start": sent.start, "end": sent.end})
    reporting = None
    if first_org:
        name, sent = first_org
        reporting = {"name": name, "evidence": sent.text, "start": sent.start, "end": sent.end}
    return {"doc_id": doc.doc_id, "title": doc.title, "genre": doc.genre, "year": doc.year, "source": doc.source,
            "title_derived": doc.title_derived, "reporting_org": reporting["name"] if reporting else None,
            "reporting_org_evidence": reporting, "organizations": orgs, "activities": activities,
            "metrics": [], "slogans": slogans, "materials": []}
