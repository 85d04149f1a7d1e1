"""Every canned query gives the same rows on Neo4j as on the embedded engine (needs NEO4J_URI).

The fixture graph is loaded into the database named by NEO4J_DATABASE, which
must be empty (the test removes what it loaded afterwards).
"""
from __future__ import annotations

import os

import pytest

from kg.query.catalog import load_catalog, run_canned

pytestmark = pytest.mark.neo4j

REQUIRED = {"activities_by_unit": {"unit": "市税务局"}, "metrics_by_unit": {"unit": "市税务局"},
            "similar_units": {"unit": "市税务局"}, "unit_profile": {"unit": "市卫健委"}}


@pytest.fixture(scope="module")
def neo4j_engine(small_graph):
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set; Neo4j parity tests skipped")
    from kg.query.neo4j_engine import Neo4jEngine
    from kg.store.neo4j_store import Neo4jSettings, connect, load_to_neo4j

    settings = Neo4jSettings.from_env()
    driver = connect(settings)
    with driver.session(database=settings.database) as session:
        if session.run("MATCH (n) RETURN count(n) AS n").single()["n"]:
            driver.close()
            pytest.skip(f"Neo4j database {settings.database!r} is not empty; point NEO4J_DATABASE at an empty one")
    load_to_neo4j(small_graph, driver, settings)
    yield Neo4jEngine(driver, settings.database, settings.uri)
    with driver.session(database=settings.database) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    driver.close()


def comparable(rows):
    """Lists from collect() have no defined order in either engine: compare them sorted."""
    return [[sorted(map(str, v)) if isinstance(v, list) else v for v in row] for row in rows]


@pytest.mark.parametrize("name", sorted(load_catalog()))
def test_same_rows_on_both_stores(name, neo4j_engine, small_engine):
    embedded, _ = run_canned(name, small_engine, REQUIRED.get(name))
    server, _ = run_canned(name, neo4j_engine, REQUIRED.get(name))
    assert server.columns == embedded.columns
    assert comparable(server.rows) == comparable(embedded.rows)


def test_writes_are_refused_by_the_read_transaction_too(neo4j_engine):
    from kg.errors import WriteQueryRefused

    with pytest.raises(WriteQueryRefused):
        neo4j_engine.run("MATCH (n) DETACH DELETE n")


def test_the_programs_own_queries_read_as_columns_alike(neo4j_engine, small_engine):
    cypher = "MATCH (o:Organization) RETURN o.name AS name, size(o.doc_ids) AS n ORDER BY name"
    assert neo4j_engine.run_columns(cypher) == small_engine.run_columns(cypher)
