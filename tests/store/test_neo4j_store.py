"""The Neo4j loader (kg/store/neo4j_store.py): batching, retry, idempotency, sync, errors, syntax.

Every test runs against the recording fake (tests/store/fake_neo4j.py); the
``target`` tests also run against a real server when NEO4J_URI is set
(NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE as usual) — they WIPE that
database, so point them at a scratch one (docs/graph-store.md).
"""
from __future__ import annotations

import math
import os
import re

import pytest
from tests.store.fake_neo4j import FakeDriver
from tests.graph_helpers import fixture_pairs
from neo4j import exceptions as ne

from kg.errors import ConfigError, CypherSyntaxError, Neo4jUnavailable
from kg.graph import graph_from_records
from kg.graph.schema import NODE_LABELS
from kg.query.parse import check_syntax
from kg.store.cypher import constraint_statements, delete_document_statements, delete_missing_statement
from kg.store.neo4j_store import Neo4jSettings, connect, load_to_neo4j, sync_to_neo4j

REAL = os.environ.get("NEO4J_URI")


def expected_state(g):
    nodes = {n: (d["label"], {k: tuple(v) if isinstance(v, list) else v for k, v in d.items() if k != "label"})
             for n, d in g.nodes(data=True)}
    rels = {(d["type"], u, v, k): {kk: vv for kk, vv in d.items() if kk != "type"}
            for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, rels


class Target:
    """A fake or a real server, with a way to read its whole state back."""

    def __init__(self, kind):
        self.kind = kind
        if kind == "fake":
            self.settings = Neo4jSettings(uri="fake://", database="kgtest", batch_size=2000)
            self.driver = FakeDriver()
        else:
            self.settings = Neo4jSettings.from_env()
            self.driver = connect(self.settings)
            with self.driver.session(database=self.settings.database) as s:
                s.execute_write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())

    def state(self):
        if self.kind == "fake":
            return self.driver.store.state()
        with self.driver.session(database=self.settings.database) as s:
            nodes = s.execute_read(lambda tx: [(r["labels"][0], r["props"]) for r in tx.run(
                "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")])
            rels = s.execute_read(lambda tx: [(r["t"], r["a"], r["b"], r["props"]) for r in tx.run(
                "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS props")])
        fix = lambda p: {k: tuple(v) if isinstance(v, list) else v for k, v in p.items()}  # noqa: E731
        return ({p["id"]: (label, fix(p)) for label, p in nodes},
                {(t, a, b, p["key"]): fix(p) for t, a, b, p in rels})

    def close(self):
        if self.kind == "real":
            self.driver.close()


@pytest.fixture(params=["fake", pytest.param("real", marks=pytest.mark.neo4j)])
def target(request):
    if request.param == "real" and not REAL:
        pytest.skip("no Neo4j server: set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE) to run "
                    "against one; see docs/graph-store.md")
    t = Target(request.param)
    yield t
    t.close()


@pytest.fixture()
def g():
    return graph_from_records(fixture_pairs())


def test_load_gives_the_graph_and_loading_twice_changes_nothing(target, g):
    load_to_neo4j(g, target.driver, target.settings, backoff=0)
    assert target.state() == expected_state(g)
    load_to_neo4j(g, target.driver, target.settings, backoff=0)
    assert target.state() == expected_state(g)


def test_sync_replaces_changed_documents_and_drops_removed_ones(target, g):
    sync_to_neo4j(g, settings=target.settings, driver=target.driver)
    assert target.state() == expected_state(g)
    pairs = fixture_pairs()
    doc, rec = pairs[1]
    rec["slogans"] = []
    g2 = graph_from_records([pairs[0], (doc, rec)])
    sync_to_neo4j(g2, changed={"b1"}, removed={"c1"}, settings=target.settings, driver=target.driver)
    assert target.state() == expected_state(g2)
    sync_to_neo4j(g2, settings=target.settings, driver=target.driver)  # nothing changed
    assert target.state() == expected_state(g2)


def test_sync_after_a_lost_sync_catches_up_from_neo4j_contents(target, g):
    pairs = fixture_pairs()
    sync_to_neo4j(graph_from_records(pairs[:1]), settings=target.settings, driver=target.driver)
    sync_to_neo4j(g, settings=target.settings, driver=target.driver)  # b1, c1 missing there: loaded
    assert target.state() == expected_state(g)


def test_constraints_come_first_and_every_batch_is_bounded(g):
    driver = FakeDriver()
    settings = Neo4jSettings(uri="fake://", batch_size=3)
    stats = load_to_neo4j(g, driver, settings, backoff=0)
    sent = driver.store.sent
    assert [s for s, _ in sent[:len(NODE_LABELS)]] == constraint_statements()
    batches = [p["rows"] for s, p in sent if "rows" in p]
    assert all(1 <= len(b) <= 3 for b in batches)
    assert sum(map(len, batches)) == g.number_of_nodes() + g.number_of_edges() == stats.rows
    per_statement = {}
    for s, p in sent:
        if "rows" in p:
            per_statement[s] = per_statement.get(s, 0) + len(p["rows"])
    assert stats.batches == sum(math.ceil(n / 3) for n in per_statement.values())


def test_same_graph_sends_the_same_statements(g):
    d1, d2 = FakeDriver(), FakeDriver()
    s = Neo4jSettings(uri="fake://")
    load_to_neo4j(g, d1, s)
    load_to_neo4j(graph_from_records(fixture_pairs()[::-1]), d2, s)
    assert d1.store.sent == d2.store.sent


def test_values_travel_only_as_parameters(g):
    driver = FakeDriver()
    load_to_neo4j(g, driver, Neo4jSettings(uri="fake://"))
    texts = {d.get("name") or d.get("canonical") for _, d in g.nodes(data=True)} - {None}
    for statement, _ in driver.store.sent:
        assert not any(t in statement for t in texts if len(t) > 1), statement
        assert "'" not in statement and '"' not in statement


def test_a_dropped_connection_is_retried_and_the_result_is_the_same(g):
    driver = FakeDriver(fail_on={3, 12})
    stats = load_to_neo4j(g, driver, Neo4jSettings(uri="fake://", batch_size=4), backoff=0)
    assert stats.retries == 2
    assert driver.store.state() == expected_state(g)


def test_a_server_that_stays_down_is_one_clear_error(g):
    driver = FakeDriver(fail_on=set(range(5, 100)))
    with pytest.raises(Neo4jUnavailable, match="cannot reach Neo4j at fake://"):
        load_to_neo4j(g, driver, Neo4jSettings(uri="fake://"), backoff=0)


def _factory(error):
    class Broken(FakeDriver):
        def verify_connectivity(self):
            raise error

    return lambda uri, auth: Broken()


@pytest.mark.parametrize("error, message", [
    (ne.ServiceUnavailable("down"), "cannot reach Neo4j"),
    (ne.AuthError("no"), "refused the login for user 'neo4j'"),
    (ne.Neo4jError._hydrate_neo4j(code="Neo.ClientError.Database.DatabaseNotFound", message="no db"),
     "has no database 'kgtest'"),
])
def test_connection_problems_are_one_line_each(error, message):
    settings = Neo4jSettings(uri="neo4j://localhost:7687", database="kgtest")
    with pytest.raises(Neo4jUnavailable, match=message) as info:
        connect(settings, driver_factory=_factory(error))
    assert "\n" not in str(info.value)


def test_an_unreachable_server_with_the_real_driver():
    with pytest.raises(Neo4jUnavailable, match="cannot reach Neo4j at neo4j://127.0.0.1:1"):
        connect(Neo4jSettings(uri="neo4j://127.0.0.1:1"))


def test_settings_come_from_flags_then_environment():
    env = {"NEO4J_URI": "neo4j://e:7687", "NEO4J_USER": "eu", "NEO4J_PASSWORD": "ep", "NEO4J_DATABASE": "ed"}
    s = Neo4jSettings.from_env({"user": "flag"}, environ=env)
    assert (s.uri, s.user, s.password, s.database, s.batch_size) == ("neo4j://e:7687", "flag", "ep", "ed", 2000)
    with pytest.raises(ConfigError, match="NEO4J_URI"):
        Neo4jSettings.from_env({}, environ={})


_CONSTRAINT = re.compile(r"^CREATE CONSTRAINT [a-z_]+ IF NOT EXISTS FOR \(n:[A-Za-z]+\) REQUIRE n\.id IS UNIQUE$")


def test_every_statement_the_loader_can_send_parses(g):
    driver = FakeDriver()
    settings = Neo4jSettings(uri="fake://")
    load_to_neo4j(g, driver, settings)
    sync_to_neo4j(g, changed={"a1"}, removed={"c1"}, settings=settings, driver=driver)
    statements = {s for s, _ in driver.store.sent}
    statements |= set(delete_document_statements()) | {delete_missing_statement(x) for x in NODE_LABELS}
    statements |= {"MATCH (d:Document) RETURN d.doc_id AS id", "RETURN 1 AS ok"}
    for statement in sorted(statements):
        if statement.startswith("CREATE CONSTRAINT"):
            # openCypher has no schema commands; this is Neo4j 5's documented form
            assert _CONSTRAINT.match(statement), statement
        else:
            check_syntax(statement)
    assert len(statements) > 20
    with pytest.raises(CypherSyntaxError):  # the checker does reject a broken statement
        check_syntax("UNWIND $rows AS row MERGE (n:Slogan {id: row.id) SET n += row.props")
