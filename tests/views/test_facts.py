from kg.views.facts import UNKNOWN_ORG, collect_facts


def test_collect_facts_reads_every_kind(small_graph):
    f = collect_facts(small_graph)
    assert sorted(d["doc_id"] for d in f.documents) == ["a", "b"]
    assert sorted(a["category"] for a in f.activities) == ["专题研讨", "读书班", "集中学习"]
    assert {m["category"] for m in f.metrics} == {"读书班", "专题研讨", "集中学习"}
    assert {(e["org"], e["slogan"]) for e in f.echoes} == {("市委党校", "第一议题"), ("市妇联", "四个意识")}
    assert len(f.slogan_mentions) == 2
    assert not f.is_empty


def test_activity_without_conducting_edge_falls_back_to_org_property(small_graph):
    act = next(n for n, a in small_graph.nodes(data=True) if a.get("category") == "读书班")
    small_graph.remove_edges_from([(u, act) for u, _ in small_graph.in_edges(act)])
    by_name = {a["name"]: a["org"] for a in collect_facts(small_graph).activities}
    assert by_name["读书班"] == "市妇联"
    small_graph.nodes[act]["org"] = None
    assert {a["name"]: a["org"] for a in collect_facts(small_graph).activities}["读书班"] == UNKNOWN_ORG


def test_empty_graph_gives_empty_facts():
    import networkx as nx

    assert collect_facts(nx.MultiDiGraph()).is_empty
