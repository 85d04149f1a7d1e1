"""kg/query/neo4j_engine.py against a real Neo4j 5: each read-only layer on its own, the timeout,
the row cap, plain values, and the connection from the environment."""
from __future__ import annotations

import pytest

from kg.errors import QueryError, QueryTimeout, WriteQueryRefused
from kg.query.neo4j_engine import Neo4jEngine

RUNAWAY = "MATCH (a), (b), (c), (d), (e) WHERE a.id + b.id + c.id + d.id + e.id = 'x' RETURN count(*) AS n"


@pytest.fixture()
def engine(neo4j, small_graph):
    neo4j.load(small_graph, "fixture")
    return Neo4jEngine(neo4j.driver, neo4j.settings.database, neo4j.settings.uri)


def _count(neo4j) -> int:
    with neo4j.driver.session(database=neo4j.settings.database) as s:
        return s.run("MATCH (n) RETURN count(n) AS n").single()["n"]


@pytest.mark.parametrize("write", ["MATCH (n) DETACH DELETE n", "CREATE (:Slogan {id: 'Slogan:假', canonical: '假'})",
                                   "MATCH (o:Organization) SET o.name = 'x' RETURN o"])
def test_the_guard_refuses_a_write_before_it_reaches_neo4j(engine, neo4j, small_graph, write):
    with pytest.raises(WriteQueryRefused, match="refused"):
        engine.run(write)
    assert _count(neo4j) == small_graph.number_of_nodes()


@pytest.mark.parametrize("write", ["MATCH (n) DETACH DELETE n", "CREATE (:Slogan {id: 'Slogan:假', canonical: '假'})",
                                   "MATCH (o:Organization) SET o.name = 'x' RETURN o"])
def test_the_read_transaction_refuses_a_write_the_guard_let_through(engine, neo4j, small_graph, write, monkeypatch):
    import kg.query.neo4j_engine as module

    monkeypatch.setattr(module, "prepare_query", lambda cypher, params, limit, timeout: dict(params or {}))
    with pytest.raises(WriteQueryRefused, match="Neo4j refused a write in a read transaction"):
        engine.run(write)
    assert _count(neo4j) == small_graph.number_of_nodes()


def test_a_slow_query_is_stopped_by_the_server(engine, neo4j):
    with pytest.raises(QueryTimeout, match="stopped after 0.5 s"):
        engine.run(RUNAWAY, timeout=0.5)
    with neo4j.driver.session(database=neo4j.settings.database) as s:
        running = [r["q"] for r in s.run("SHOW TRANSACTIONS YIELD currentQuery AS q")]
    assert not any("a.id + b.id" in (q or "") for q in running), running
    assert engine.run("MATCH (s:Slogan) RETURN count(s) AS n").rows == [[3]]


def test_row_cap_marks_truncation(engine):
    result = engine.run("MATCH (a:Activity) RETURN a.id ORDER BY a.id", limit=3)
    assert len(result.rows) == 3 and result.truncated and result.engine == "neo4j"
    result = engine.run("MATCH (a:Activity) RETURN a.id", limit=100)
    assert len(result.rows) == 13 and not result.truncated


def test_nodes_and_relationships_come_back_as_the_embedded_engine_gives_them(engine, small_engine):
    cypher = ("MATCH (o:Organization)-[e:ECHOES]->(s:Slogan) WHERE s.canonical = '四敢争先' "
              "RETURN o, e, s ORDER BY o.name")
    rows = engine.run(cypher).rows
    assert rows == small_engine.run(cypher).rows
    assert rows[0][2] == {"_label": "Slogan", "canonical": "四敢争先", "doc_ids": ["doc_a#1", "doc_b"],
                          "id": "Slogan:四敢争先"}
    assert rows[0][1]["_type"] == "ECHOES" and rows[0][1]["quoted"] is True


def test_a_query_neo4j_cannot_run_is_a_query_error(engine):
    with pytest.raises(QueryError, match="Neo4j refused the query"):
        engine.run("MATCH (o:Organization) RETURN o.name + $missing AS x")


def test_from_env_connects_with_neo4j_uri(neo4j_env, small_graph):
    neo4j_env.load(small_graph, "fixture")
    engine = Neo4jEngine.from_env()
    try:
        assert engine.uri == neo4j_env.settings.uri
        assert engine.run("MATCH (o:Organization) RETURN count(o) AS n").rows == [[7]]
    finally:
        engine.close()
