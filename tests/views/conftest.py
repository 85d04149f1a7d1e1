"""A small hand-made graph in the shape of kg/graph/schema.py, for view logic."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.graph.schema import edge_key, node_id

TEXT_A = "市妇联关于学习情况的汇报\n市妇联举办读书班3期，增强“四个意识”。\n联合市委党校开展专题研讨**次。"
TEXT_B = "同志们：\n市委党校要坚持“第一议题”制度，开展集中学习12次。"


def _sentence(text, needle):
    start = text.index(needle)
    return start, start + len(needle)


def make_small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for doc_id, title, genre, year, org, text in (
        ("a", "市妇联关于学习情况的汇报", "汇报", 2023, "市妇联", TEXT_A),
        ("b", "市委党校党课讲稿", "党课", None, "市委党校", TEXT_B),
    ):
        g.add_node(node_id("Document", doc_id), label="Document", id=node_id("Document", doc_id), doc_id=doc_id,
                   title=title, genre=genre, year=year, source=f"{doc_id}.txt", reporting_org=org, text=text)
    for name, docs in (("市妇联", ["a"]), ("市委党校", ["a", "b"])):
        g.add_node(node_id("Organization", name), label="Organization", name=name, aliases=[], kind="", doc_ids=docs)
    for name in ("四个意识", "第一议题"):
        g.add_node(node_id("Slogan", name), label="Slogan", canonical=name, doc_ids=[])
    for cat in ("读书班", "专题研讨", "集中学习"):
        g.add_node(node_id("ActivityType", cat), label="ActivityType", name=cat)

    def link(rel, u, v, doc, text, sentence, **extra):
        s, e = _sentence(text, sentence)
        g.add_edge(u, v, key=edge_key(rel, doc, s), type=rel, doc_id=doc, evidence=sentence, start=s, end=e, **extra)

    da, db = node_id("Document", "a"), node_id("Document", "b")
    fu, dx = node_id("Organization", "市妇联"), node_id("Organization", "市委党校")
    s1 = "市妇联举办读书班3期，增强“四个意识”。"
    s2 = "联合市委党校开展专题研讨**次。"
    s3 = "市委党校要坚持“第一议题”制度，开展集中学习12次。"
    link("AUTHORED", fu, da, "a", TEXT_A, s1)
    link("AUTHORED", dx, db, "b", TEXT_B, s3)
    link("MENTIONS", da, fu, "a", TEXT_A, s1, surface="市妇联", count=2)
    link("MENTIONS", da, dx, "a", TEXT_A, s2, surface="市委党校", count=1)
    link("MENTIONS", db, dx, "b", TEXT_B, s3, surface="市委党校", count=1)
    link("MENTIONS", da, node_id("Slogan", "四个意识"), "a", TEXT_A, s1, surface="四个意识", count=1)
    link("MENTIONS", db, node_id("Slogan", "第一议题"), "b", TEXT_B, s3, surface="第一议题", count=1)
    link("ECHOES", fu, node_id("Slogan", "四个意识"), "a", TEXT_A, s1, quoted=True)
    link("ECHOES", dx, node_id("Slogan", "第一议题"), "b", TEXT_B, s3, quoted=True)
    link("PARTNERED_WITH", fu, dx, "a", TEXT_A, s2)
    for doc, text, org, sentence, name, cat, status, surface, value, masked in (
        ("a", TEXT_A, "市妇联", s1, "读书班", "读书班", "done", "3期", 3.0, False),
        ("a", TEXT_A, "市妇联", s2, "专题研讨", "专题研讨", "done", "**次", None, True),
        ("b", TEXT_B, "市委党校", s3, "集中学习", "集中学习", "urged", "12次", 12.0, False),
    ):
        s, e = _sentence(text, sentence)
        act, met = node_id("Activity", f"{doc}@{s}"), node_id("Metric", f"{doc}@{s}")
        g.add_node(act, label="Activity", name=name, category=cat, status=status, org=org, doc_id=doc,
                   evidence=sentence, start=s, end=e)
        g.add_node(met, label="Metric", value=value, unit=surface[-1], approx=False, masked=masked, subject=name,
                   surface=surface, org=org, doc_id=doc, evidence=sentence, start=s, end=e)
        link("CONDUCTED", node_id("Organization", org), act, doc, text, sentence)
        g.add_edge(act, node_id("ActivityType", cat), key=edge_key("INSTANCE_OF", doc), type="INSTANCE_OF", doc_id=doc)
        link("MEASURED_BY", act, met, doc, text, sentence)
    return g


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    return make_small_graph()
