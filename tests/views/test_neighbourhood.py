import pytest

from kg.views.neighbourhood import describe_node, extract_neighbourhood, layout_neighbourhood, list_nodes
from kg.views.synthetic import make_synthetic_graph


def test_one_hop_of_a_unit(small_graph):
    n = extract_neighbourhood(small_graph, "Organization:市妇联")
    labels = {small_graph.nodes[x]["label"] for x in n.graph}
    assert labels == {"Organization", "Document", "Activity", "Slogan"}
    assert not n.capped


def test_label_filter_and_hops(small_graph):
    n = extract_neighbourhood(small_graph, "Organization:市妇联", hops=2, labels=["Activity", "Metric"])
    assert {small_graph.nodes[x]["label"] for x in n.graph} == {"Organization", "Activity", "Metric"}
    assert n.graph.number_of_nodes() == 5


def test_cap_on_a_hub_keeps_the_centre_and_says_so():
    g = make_synthetic_graph(300, n_units=3)
    hub = "Organization:市委"
    n = extract_neighbourhood(g, hub, hops=2, max_nodes=40)
    assert n.capped and n.reachable > 40
    assert n.graph.number_of_nodes() == 40 and hub in n.graph


def test_unknown_centre_raises(small_graph):
    with pytest.raises(KeyError):
        extract_neighbourhood(small_graph, "Organization:无此单位")


def test_layout_is_reproducible(small_graph):
    n = extract_neighbourhood(small_graph, "Organization:市委党校", hops=2)
    first = layout_neighbourhood(n)
    assert first == layout_neighbourhood(n)
    nodes, edges = first
    assert sum(node["center"] for node in nodes) == 1
    assert all(e["source"] in n.graph and e["target"] in n.graph for e in edges)


def test_describe_node_gives_evidence_and_neighbours(small_graph):
    info = describe_node(small_graph, "Organization:市妇联")
    assert info["name"] == "市妇联" and info["kind"] == "单位"
    assert any("读书班" in e["evidence"] for e in info["evidence"])
    assert {n["name"] for n in info["neighbours"]} >= {"市委党校", "四个意识", "读书班"}
    metric = describe_node(small_graph, "Metric:b@" + str(small_graph.nodes["Document:b"]["text"].index("市委党校要")))
    assert metric["properties"]["surface"] == "12次" and metric["evidence"][0]["evidence"].endswith("12次。")


def test_describe_node_caps_evidence():
    g = make_synthetic_graph(200, n_units=1)
    info = describe_node(g, "Organization:市委", max_evidence=10)
    assert len(info["evidence"]) == 10 and info["evidence_total"] > 10


def test_list_nodes(small_graph):
    small_graph.add_edge("Document:b", "Organization:市委党校", key="MENTIONS|b|99", type="MENTIONS")
    assert [name for _, name in list_nodes(small_graph, "Organization")] == ["市委党校", "市妇联"]
    assert list_nodes(small_graph, "Organization", query="妇联") == [("Organization:市妇联", "市妇联")]
    assert list_nodes(small_graph, "Organization", limit=1) == [("Organization:市委党校", "市委党校")]
    assert list_nodes(small_graph, "Document", query="讲稿") == [("Document:b", "市委党校党课讲稿")]


def test_only_the_centre_and_the_best_connected_are_labelled():
    g = make_synthetic_graph(300, n_units=3)
    hub = "Organization:市委"
    nodes, _ = layout_neighbourhood(extract_neighbourhood(g, hub, hops=2, max_nodes=40), max_labels=10)
    labelled = [n for n in nodes if n["labelled"]]
    assert len(labelled) == 10 and any(n["center"] for n in labelled)
    assert min(n["degree"] for n in labelled if not n["center"]) >= max(
        n["degree"] for n in nodes if not n["labelled"])
