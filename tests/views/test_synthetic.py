from kg.graph.schema import NODE_PROPERTIES, REL_ENDPOINTS
from kg.views.synthetic import make_synthetic_graph


def test_synthetic_graph_follows_the_schema():
    g = make_synthetic_graph(50, seed=3)
    for _, attrs in g.nodes(data=True):
        assert set(attrs) - {"label"} <= set(NODE_PROPERTIES[attrs["label"]])
    for u, v, k, attrs in g.edges(keys=True, data=True):
        assert (g.nodes[u]["label"], g.nodes[v]["label"]) in REL_ENDPOINTS[attrs["type"]]
        assert k.startswith(attrs["type"] + "|")


def test_synthetic_graph_carries_the_summary_properties():
    g = make_synthetic_graph(20, seed=1)
    docs = [a for _, a in g.nodes(data=True) if a["label"] == "Document"]
    assert docs and all(a["n_activities"] == 1 and a["n_metrics"] == 1 for a in docs)
    units = [a for _, a in g.nodes(data=True) if a["label"] == "Organization"]
    assert all(a["categories"] and len(a["slogans"]) >= 2 for a in units)
