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


def _as_multiset(facts):
    import orjson

    kinds = ("documents", "organizations", "activities", "metrics", "echoes", "slogan_mentions")
    return {k: sorted(orjson.dumps(row, option=orjson.OPT_SORT_KEYS) for row in getattr(facts, k)) for k in kinds}


def _engine(graph):
    from kg.query.ladybug_engine import LadybugEngine

    return LadybugEngine(graph)


def test_facts_from_the_query_database_are_the_graphs(small_graph):
    from kg.views.facts import collect_facts_from_engine

    from_db = collect_facts_from_engine(_engine(small_graph))
    assert _as_multiset(from_db) == _as_multiset(collect_facts(small_graph))
    assert list(from_db.metrics[0]) == list(collect_facts(small_graph).metrics[0])  # the same columns, in order


def test_facts_from_the_query_database_fall_back_alike(small_graph):
    from kg.views.facts import collect_facts_from_engine

    g = small_graph.copy()
    act = next(n for n, a in g.nodes(data=True) if a.get("category") == "读书班")
    g.remove_edges_from([(u, act) for u, _ in g.in_edges(act)])  # no conducting unit: the org property
    met = next(n for n, a in g.nodes(data=True) if a.get("label") == "Metric")
    g.nodes[met]["org"] = None  # no org property: the measuring unit, else unknown
    doc = next(n for n, a in g.nodes(data=True) if a.get("label") == "Document")
    g.nodes[doc]["genre"] = None
    assert _as_multiset(collect_facts_from_engine(_engine(g))) == _as_multiset(collect_facts(g))


def test_facts_from_the_database_of_a_built_corpus_are_the_graphs(samples_dir):
    from kg.build import build_graph
    from kg.views.facts import collect_facts_from_engine

    g = build_graph([samples_dir])
    assert _as_multiset(collect_facts_from_engine(_engine(g))) == _as_multiset(collect_facts(g))
