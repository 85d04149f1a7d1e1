from kg.graph.schema import NODE_LABELS, REL_TYPES
from kg.views.display import HASH_LIKE, build_display_names
from kg.views.schema_panel import describe_graph_schema


def test_every_label_and_type_with_counts_from_the_graph(small_graph):
    schema = describe_graph_schema(small_graph)
    assert [x["label"] for x in schema["labels"]] == list(NODE_LABELS)
    assert [x["type"] for x in schema["types"]] == list(REL_TYPES)
    counts = {x["label"]: x["count"] for x in schema["labels"]}
    assert counts["Document"] == sum(1 for _, a in small_graph.nodes(data=True) if a.get("label") == "Document")
    echoes = next(x for x in schema["types"] if x["type"] == "ECHOES")
    assert echoes["endpoints"] == ["(Organization)-[:ECHOES]->(Slogan)"]
    org = next(x for x in schema["labels"] if x["label"] == "Organization")
    assert {p["name"]: p["example"] for p in org["properties"]}["name"] in {"市妇联", "市委党校"}


def test_examples_are_never_hashes():
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("Document:003_6c46de81eb12d8ae", label="Document", doc_id="003_6c46de81eb12d8ae", title="汇报",
               source="corpus/003_6c46de81eb12d8ae.txt")
    schema = describe_graph_schema(g, build_display_names(g))
    examples = [p["example"] for x in schema["labels"] for p in x["properties"]]
    assert not any(HASH_LIKE.search(e) for e in examples)
