"""The app on a real Neo4j 5: connect on the 数据 page, switch the sidebar's store, query and ask.

Neo4j holds the fixture graph without one document (doc_b, 市税务局's), the
app's graph file holds all of it, so every answer shows which store it came
from: 读书班 was held (done) by 市妇联 and 市税务局 in the file, by 市妇联 alone
in Neo4j.
"""
from __future__ import annotations

import pytest

from tests.app.app_helpers import fixture_graph_file, open_app, texts, use_graph  # noqa: F401


FILE_UNITS, NEO4J_UNITS = {"市妇联", "市税务局"}, {"市妇联"}


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _units(at) -> set:
    """The 单位 column of the last table, as shown (a link cell page?param=…#text shows its text)."""
    cells = at.dataframe[-1].value["单位"]
    return {c.rsplit("#", 1)[-1] if isinstance(c, str) and "?" in c and "#" in c else c for c in cells}


@pytest.fixture()
def neo4j_without_doc_b(neo4j, fixture_graph_file):
    from kg.store.networkx_store import load_graph

    g = load_graph(fixture_graph_file)
    g.remove_edges_from([(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d.get("doc_id") == "doc_b"])
    g.remove_nodes_from([n for n, d in g.nodes(data=True) if d.get("doc_id") == "doc_b"])
    neo4j.load(g, "app: fixture without doc_b")
    return neo4j


def _connect(at, target):
    s = target.settings
    at.text_input(key="neo4j_uri").input(s.uri)
    at.text_input(key="neo4j_user").input(s.user)
    at.text_input(key="neo4j_password").input(s.password)
    at.text_input(key="neo4j_database").input(s.database)
    _button(at, "连接").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(t.startswith(f"已连接 {s.uri}") for t in texts(at.success)), texts(at.success) + texts(at.error)


def test_store_switch_runs_queries_and_questions_on_neo4j(fixture_graph_file, use_graph, open_app,
                                                         neo4j_without_doc_b):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/data.py")
    assert at.radio(key="store").disabled  # nothing to switch to before a connection
    _connect(at, neo4j_without_doc_b)

    at.switch_page("app_pages/queries.py").run()
    at.radio(key="q_id").set_value("units_by_activity").run()
    assert not at.exception, [e.value for e in at.exception]
    assert _units(at) == FILE_UNITS  # the graph file
    assert not at.radio(key="store").disabled
    at.radio(key="store").set_value("neo4j").run()
    assert not at.exception, [e.value for e in at.exception]
    assert _units(at) == NEO4J_UNITS
    assert texts(at.success)[0].startswith("1 个单位开展了“读书班”"), texts(at.success)

    at.switch_page("app_pages/ask.py").run()
    at.text_input(key="question").input("哪些单位开展了读书班？")
    _button(at, "提问").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _units(at) == NEO4J_UNITS

    at.radio(key="store").set_value("networkx").run()
    assert not at.exception, [e.value for e in at.exception]
    assert _units(at) == FILE_UNITS


def test_disconnecting_falls_back_to_the_graph_file(fixture_graph_file, use_graph, open_app, neo4j_without_doc_b):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/data.py")
    _connect(at, neo4j_without_doc_b)
    at.radio(key="store").set_value("neo4j").run()
    _button(at, "断开 Neo4j").click().run()
    assert not at.exception
    assert at.session_state["store"] == "networkx" and at.radio(key="store").disabled
    assert "neo4j_settings" not in at.session_state
