"""kg/query/ladybug_engine.py: the NetworkX graph copied into ladybug, queried read-only."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import ConfigError, GraphError, QueryError, QueryTimeout, WriteQueryRefused
from kg.graph.schema import NODE_PROPERTIES
from kg.query.ladybug_engine import LadybugEngine, get_ladybug_engine, graph_fingerprint


def test_every_node_and_edge_is_copied(small_graph, small_engine):
    assert (small_engine.n_nodes, small_engine.n_edges) == (small_graph.number_of_nodes(), small_graph.number_of_edges())
    for label in NODE_PROPERTIES:
        want = sum(1 for _, a in small_graph.nodes(data=True) if a["label"] == label)
        got = small_engine.run(f"MATCH (n:{label}) RETURN count(n) AS n").rows
        assert got == [[want]], label


def test_node_properties_round_trip_with_their_types(small_graph, small_engine):
    """Every property of every node reads back equal to the NetworkX attribute."""
    for label, props in NODE_PROPERTIES.items():
        cols = ", ".join(f"n.`{p}` AS `{p}`" for p in props)
        result = small_engine.run(f"MATCH (n:{label}) RETURN {cols} ORDER BY n.id")
        for row in result.as_dicts():
            attrs = small_graph.nodes[row["id"]]
            for prop, value in row.items():
                if prop != "id":
                    assert value == attrs.get(prop), (row["id"], prop)


def test_edge_properties_round_trip(small_graph, small_engine):
    result = small_engine.run(
        "MATCH (a:Organization)-[e:ECHOES]->(s:Slogan) RETURN a.id AS a, s.id AS s, e.key AS k, e.quoted AS q, e.start AS st"
    )
    assert len(result.rows) == sum(1 for *_, d in small_graph.edges(data=True) if d["type"] == "ECHOES")
    for a, s, k, q, st in result.rows:
        data = small_graph.edges[a, s, k]
        assert (data["quoted"], data["start"]) == (q, st)


def test_nodes_come_back_as_plain_dicts(small_engine):
    rows = small_engine.run("MATCH (s:Slogan) WHERE s.canonical = '四敢争先' RETURN s").rows
    assert rows == [[{"_label": "Slogan", "canonical": "四敢争先", "doc_ids": ["doc_a#1", "doc_b"], "id": "Slogan:四敢争先"}]]


def test_row_cap_marks_truncation(small_engine):
    result = small_engine.run("MATCH (a:Activity) RETURN a.id ORDER BY a.id", limit=3)
    assert len(result.rows) == 3 and result.truncated
    result = small_engine.run("MATCH (a:Activity) RETURN a.id", limit=100)
    assert len(result.rows) == 13 and not result.truncated


def test_timeout_stops_a_runaway_query(small_engine):
    runaway = ("MATCH (a), (b), (c), (d), (e) WHERE a.id + b.id + c.id + d.id + e.id = 'x' RETURN count(*) AS n")
    with pytest.raises(QueryTimeout, match="stopped after"):
        small_engine.run(runaway, timeout=0.05)
    assert small_engine.run("MATCH (s:Slogan) RETURN count(s) AS n").rows == [[3]]


def test_bad_settings_are_refused(small_engine):
    with pytest.raises(ConfigError):
        small_engine.run("MATCH (n) RETURN n", limit=0)
    with pytest.raises(ConfigError):
        small_engine.run("MATCH (n) RETURN n", timeout=-1)


def test_engine_errors_are_query_errors_with_hints(small_engine):
    # type(r) works (kg/query/dialect.py translates it); toString has no translation and says what to write
    with pytest.raises(QueryError, match="string"):
        small_engine.run("MATCH (o:Organization) RETURN toString(o.kind)")


def test_writes_never_reach_the_engine(small_engine):
    with pytest.raises(WriteQueryRefused):
        small_engine.run("MATCH (n) DETACH DELETE n")
    assert small_engine.run("MATCH (n:Organization) RETURN count(n) AS n").rows == [[7]]


def test_injection_in_a_parameter_is_only_a_value(small_engine):
    attack = "'}) DETACH DELETE n //"
    result = small_engine.run("MATCH (o:Organization) WHERE o.name = $unit RETURN o.name", {"unit": attack})
    assert result.rows == []
    assert small_engine.run("MATCH (n:Organization) RETURN count(n) AS n").rows == [[7]]


def test_cache_is_per_content(small_graph):
    assert get_ladybug_engine(small_graph) is get_ladybug_engine(small_graph.copy())
    changed = small_graph.copy()
    changed.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    assert graph_fingerprint(changed) != graph_fingerprint(small_graph)
    assert get_ladybug_engine(changed).run("MATCH (s:Slogan) RETURN count(s) AS n").rows == [[4]]


def test_values_of_the_wrong_type_name_the_node():
    g = nx.MultiDiGraph()
    g.add_node("Activity:x@1", label="Activity", start="not a number")
    with pytest.raises(GraphError, match="Activity:x@1.*start"):
        LadybugEngine(g)


def test_unknown_labels_and_misfit_edges_are_left_out(caplog):
    g = nx.MultiDiGraph()
    g.add_node("Person:张三", label="Person")
    g.add_node("Organization:市妇联", label="Organization", name="市妇联")
    g.add_node("Slogan:四敢争先", label="Slogan", canonical="四敢争先")
    g.add_edge("Slogan:四敢争先", "Organization:市妇联", key="ECHOES||", type="ECHOES")
    engine = LadybugEngine(g)
    assert (engine.n_nodes, engine.n_edges) == (2, 0)
    assert "unknown label" in caplog.text and "does not fit" in caplog.text


def test_run_columns_gives_the_rows_of_run_as_columns(small_engine):
    cypher = "MATCH (o:Organization) RETURN o.name AS name, o.aliases AS aliases, size(o.doc_ids) AS n ORDER BY name"
    result = small_engine.run(cypher)
    columns = small_engine.run_columns(cypher)
    assert list(columns) == result.columns
    assert [list(row) for row in zip(*columns.values())] == result.rows


def test_many_engines_open_in_one_process_all_answer():
    """Each database used to reserve 8 TB of address space: the seventeenth failed to mmap."""
    g = nx.MultiDiGraph()
    g.add_node("Organization:市妇联", label="Organization", name="市妇联")
    engines = [LadybugEngine(g) for _ in range(24)]
    try:
        assert all(e.run("MATCH (n) RETURN count(n) AS n").rows == [[1]] for e in engines)
    finally:
        for e in engines:
            e.close()


@pytest.mark.parametrize("threads", [0, 1, 2])
def test_queries_get_the_engines_threads_whatever_the_copy_used(small_graph, threads):
    # A small table is copied on one thread (kg.query.ladybug_engine._SMALL_COPY_ROWS); the
    # queries after the load must run on the threads the engine was opened with.
    def setting(engine):
        return engine._conn.execute("CALL current_setting('threads') RETURN *").get_all()

    empty, loaded = LadybugEngine(threads=threads), LadybugEngine(small_graph, threads=threads)
    assert setting(loaded) == setting(empty)
    assert loaded.n_nodes == small_graph.number_of_nodes()
