from kg.graph.schema import NODE_PROPERTIES, REL_ENDPOINTS
from kg.views.synthetic import make_synthetic_graph


def test_synthetic_graph_follows_the_schema():
    g = make_synthetic_graph(50, seed=3)
    for _, attrs in g.nodes(data=True):
        assert set(attrs) - {"label"} <= set(NODE_PROPERTIES[attrs["label"]])
    for u, v, k, attrs in g.edges(keys=True, data=True):
        assert (g.nodes[u]["label"], g.nodes[v]["label"]) in REL_ENDPOINTS[attrs["type"]]
        assert k.startswith(attrs["type"] + "|")
