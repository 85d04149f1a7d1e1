"""A schema-true synthetic graph of any size, to try the app at scale.

The sample corpus is small; the app must stay responsive on a graph of
thousands of documents (tables paginated, charts and drawings capped).
This builds such a graph quickly and reproducibly, without any text
processing, following :mod:`kg.graph.schema`.
"""
from __future__ import annotations

import random

import networkx as nx

from ..graph.build import derive_properties
from ..graph.schema import edge_key, node_id

__all__ = ["make_synthetic_graph"]

_UNITS = ["市委", "市妇联", "市委党校", "市税务局", "区委组织部", "县纪委", "市卫生健康委", "市图书馆", "共青团市委", "市知识产权局"]
_CATEGORIES = ["集中学习", "专题研讨", "读书班", "党课", "宣讲", "培训", "调查研究", "检视整改", "警示教育", "主题党日"]
_SLOGANS = ["两个确立", "两个维护", "四个意识", "四个自信", "第一议题", "国之大者", "三会一课", "四风"]
_MATERIALS = ["《习近平谈治国理政》第四卷", "《习近平新时代中国特色社会主义思想专题摘编》", "《论党的自我革命》"]
_GENRES = ["汇报", "讲话", "发言", "计划", "党课", "心得"]


def make_synthetic_graph(n_docs: int = 100, *, seed: int = 0, n_units: int | None = None):
    """A MultiDiGraph of ``n_docs`` documents with units, activities, metrics, slogans.

    ``n_units`` (default: about one per four documents) sets how many
    distinct units appear, so hub-heavy graphs can be made too.

    >>> g = make_synthetic_graph(10)
    >>> sum(1 for _, a in g.nodes(data=True) if a["label"] == "Document")
    10
    >>> make_synthetic_graph(10).number_of_edges() == g.number_of_edges()
    True
    """
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_units = n_units or max(3, n_docs // 4)
    units = [_UNITS[i % len(_UNITS)] + ("" if i < len(_UNITS) else str(i // len(_UNITS))) for i in range(n_units)]
    for c in _CATEGORIES:
        g.add_node(node_id("ActivityType", c), label="ActivityType", id=node_id("ActivityType", c), name=c)
    for d in range(n_docs):
        doc_id = f"synthetic_{d // 10:03d}#{d % 10 + 1}"
        unit = rng.choice(units)
        slogans = rng.sample(_SLOGANS, 2)
        category = rng.choice(_CATEGORIES)
        n = rng.randint(1, 30)
        masked = rng.random() < 0.3
        sentences = [
            f"{unit}认真学习贯彻，增强“{slogans[0]}”，坚决做到“{slogans[1]}”。",
            f"{unit}组织开展{category}{'**' if masked else n}次，学习{_MATERIALS[d % len(_MATERIALS)]}。",
        ]
        text = "\n".join(sentences)
        s1 = len(sentences[0]) + 1
        doc = node_id("Document", doc_id)
        g.add_node(doc, label="Document", id=doc, doc_id=doc_id, title=f"{unit}学习情况汇报（{d + 1}）",
                   genre=rng.choice(_GENRES), year=rng.choice([2022, 2023, 2024, None]),
                   source=f"synthetic/{doc_id.split('#')[0]}.txt", title_derived=False, reporting_org=unit,
                   text=text, n_chars=len(text))
        org = node_id("Organization", unit)
        if org not in g:
            g.add_node(org, label="Organization", id=org, name=unit, aliases=[], kind="党政机关", doc_ids=[])
        g.nodes[org]["doc_ids"].append(doc_id)
        prov = dict(doc_id=doc_id, evidence=sentences[0], start=0, end=len(sentences[0]))
        g.add_edge(org, doc, key=edge_key("AUTHORED", doc_id, 0), type="AUTHORED", **prov)
        g.add_edge(doc, org, key=edge_key("MENTIONS", doc_id, 0), type="MENTIONS", surface=unit, count=2, **prov)
        for s in slogans:
            sl = node_id("Slogan", s)
            if sl not in g:
                g.add_node(sl, label="Slogan", id=sl, canonical=s, doc_ids=[])
            g.nodes[sl]["doc_ids"].append(doc_id)
            g.add_edge(doc, sl, key=edge_key("MENTIONS", doc_id, 0), type="MENTIONS", surface=s, count=1, **prov)
            g.add_edge(org, sl, key=edge_key("ECHOES", doc_id, 0), type="ECHOES", quoted=True, **prov)
        prov2 = dict(doc_id=doc_id, evidence=sentences[1], start=s1, end=s1 + len(sentences[1]))
        act = node_id("Activity", f"{doc_id}@{s1}")
        g.add_node(act, label="Activity", id=act, name=category, category=category, status="done", org=unit, **prov2)
        g.add_edge(org, act, key=edge_key("CONDUCTED", doc_id, s1), type="CONDUCTED", **prov2)
        g.add_edge(act, node_id("ActivityType", category), key=edge_key("INSTANCE_OF", doc_id), type="INSTANCE_OF",
                   doc_id=doc_id)
        met = node_id("Metric", f"{doc_id}@{s1}")
        surface = "**次" if masked else f"{n}次"
        g.add_node(met, label="Metric", id=met, value=None if masked else float(n), unit="次", approx=False,
                   masked=masked, subject=category, surface=surface, org=unit, **prov2)
        g.add_edge(act, met, key=edge_key("MEASURED_BY", doc_id, s1), type="MEASURED_BY", **prov2)
        mat_name = _MATERIALS[d % len(_MATERIALS)]
        mat = node_id("Material", mat_name)
        if mat not in g:
            g.add_node(mat, label="Material", id=mat, name=mat_name, doc_ids=[])
        g.nodes[mat]["doc_ids"].append(doc_id)
        g.add_edge(act, mat, key=edge_key("STUDIED", doc_id, s1), type="STUDIED", **prov2)
        g.add_edge(doc, mat, key=edge_key("MENTIONS", doc_id, s1), type="MENTIONS", surface=mat_name, count=1, **prov2)
    return derive_properties(g)  # the summary properties queries read (document counts, unit categories)
