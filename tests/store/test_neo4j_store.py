"""The Neo4j loader (kg/store/neo4j_store.py) against a real Neo4j 5: load, reload, sync,
constraints and indexes, batching, retry, errors, syntax.

The server is the one the suite starts (tests/conftest.py ``neo4j``), or the
one NEO4J_URI names — its database is WIPED, so point it at a scratch one
(docs/graph-store.md). "Changes nothing" is measured by the server's own
summary counters (``LoadStats.counters``).
"""
from __future__ import annotations

import math

import pytest
from neo4j import exceptions as ne
from tests.graph_helpers import fixture_pairs
from tests.store.neo4j_helpers import RecordingDriver, expected_state
from tests.store.neo4j_helpers import neo4j_state as read_state

from kg.errors import ConfigError, CypherSyntaxError, Neo4jUnavailable
from kg.graph import graph_from_records
from kg.graph.schema import NODE_LABELS, NODE_PROPERTIES
from kg.query.parse import check_syntax
from kg.store.cypher import (constraint_statements, delete_document_statements, delete_missing_statement,
                             index_statements, node_statement, relationship_groups, relationship_statement)
from kg.store.neo4j_store import LoadStats, Neo4jSettings, connect, count_in_neo4j, load_to_neo4j, sync_to_neo4j


def neo4j_state(target):
    return read_state(target.driver, target.settings.database)


@pytest.fixture()
def g():
    return graph_from_records(fixture_pairs())


def test_load_gives_the_graph_and_an_unchanged_reload_changes_nothing(empty_neo4j, g):
    empty_neo4j.wipe(schema=True)
    first = load_to_neo4j(g, empty_neo4j.driver, empty_neo4j.settings, backoff=0)
    assert neo4j_state(empty_neo4j) == expected_state(g)
    assert first.counters["nodes_created"] == g.number_of_nodes()
    assert first.counters["relationships_created"] == g.number_of_edges()
    assert first.counters["constraints_added"] == len(constraint_statements())
    assert first.counters["indexes_added"] == len(index_statements())
    again = load_to_neo4j(g, empty_neo4j.driver, empty_neo4j.settings, backoff=0)
    assert again.changes == 0, again.counters
    assert again.rows == first.rows and neo4j_state(empty_neo4j) == expected_state(g)


def test_a_changed_property_is_the_only_change_and_a_vanished_one_is_removed(empty_neo4j, g):
    load_to_neo4j(g, empty_neo4j.driver, empty_neo4j.settings, backoff=0)
    g.nodes["Document:a1"]["title"] = "改过的标题"
    del g.nodes["Document:b1"]["year"]
    stats = load_to_neo4j(g, empty_neo4j.driver, empty_neo4j.settings, backoff=0)
    written = {k: v for k, v in stats.counters.items() if v}
    assert list(written) == ["properties_set"]  # SET n += row.props counts every key of a row it writes:
    assert written["properties_set"] <= 2 * len(NODE_PROPERTIES["Document"])  # two rows, not all three
    assert neo4j_state(empty_neo4j) == expected_state(g)


def test_sync_replaces_changed_documents_and_drops_removed_ones(empty_neo4j, g):
    target = empty_neo4j
    sync_to_neo4j(g, settings=target.settings, driver=target.driver)
    assert neo4j_state(target) == expected_state(g)
    pairs = fixture_pairs()
    doc, rec = pairs[1]
    rec["slogans"] = []
    g2 = graph_from_records([pairs[0], (doc, rec)])
    stats = LoadStats()
    sync_to_neo4j(g2, changed={"b1"}, removed={"c1"}, settings=target.settings, driver=target.driver, stats=stats)
    assert neo4j_state(target) == expected_state(g2)
    assert stats.counters["nodes_deleted"] > 0 and stats.counters["relationships_deleted"] > 0
    unchanged = LoadStats()
    summary = sync_to_neo4j(g2, settings=target.settings, driver=target.driver, stats=unchanged)
    assert unchanged.changes == 0, unchanged.counters
    assert "0 documents loaded, 0 removed, 0 changes" in summary
    assert neo4j_state(target) == expected_state(g2)


def test_sync_after_a_lost_sync_catches_up_from_neo4j_contents(empty_neo4j, g):
    pairs = fixture_pairs()
    sync_to_neo4j(graph_from_records(pairs[:1]), settings=empty_neo4j.settings, driver=empty_neo4j.driver)
    sync_to_neo4j(g, settings=empty_neo4j.settings, driver=empty_neo4j.driver)  # b1, c1 missing there: loaded
    assert neo4j_state(empty_neo4j) == expected_state(g)


def test_constraints_and_indexes_exist_and_hold(empty_neo4j, g):
    empty_neo4j.wipe(schema=True)
    load_to_neo4j(g, empty_neo4j.driver, empty_neo4j.settings, backoff=0)
    with empty_neo4j.driver.session(database=empty_neo4j.settings.database) as s:
        s.run("CALL db.awaitIndexes(300)").consume()
        constraints = {(r["labels"][0], tuple(r["properties"]), r["type"]) for r in s.run(
            "SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type")}
        indexes = {r["name"]: (r["state"], r["type"]) for r in s.run("SHOW INDEXES YIELD name, state, type")}
        with pytest.raises(ne.ConstraintError):  # the uniqueness constraint is real
            s.run("CREATE (:Slogan {id: $id})", id=next(n for n in g if n.startswith("Slogan:"))).consume()
    assert constraints == {(label, ("id",), "UNIQUENESS") for label in NODE_LABELS}
    names = [st.split()[2] for st in index_statements()]
    assert {n: indexes.get(n) for n in names} == {n: ("ONLINE", "RANGE") for n in names}


def test_deleting_a_documents_facts_uses_the_indexes(empty_neo4j, g):
    load_to_neo4j(g, empty_neo4j.driver, empty_neo4j.settings, backoff=0)
    with empty_neo4j.driver.session(database=empty_neo4j.settings.database) as s:
        s.run("CALL db.awaitIndexes(300)").consume()
        for statement in delete_document_statements():
            ops = _operators(s.run("EXPLAIN " + statement, doc_ids=["a1"]).consume().plan)
            assert any("Index" in op for op in ops), (statement, ops)
            assert not any("AllNodesScan" in op or "TypeScan" in op or "LabelScan" in op for op in ops), (statement, ops)


def _operators(plan: dict) -> list[str]:
    return [plan["operatorType"]] + [op for child in plan.get("children", []) for op in _operators(child)]


def test_constraints_indexes_come_first_and_every_batch_is_bounded(empty_neo4j, g):
    driver = RecordingDriver(empty_neo4j.driver)
    stats = load_to_neo4j(g, driver, Neo4jSettings(uri=empty_neo4j.settings.uri, batch_size=3,
                                                   database=empty_neo4j.settings.database), backoff=0)
    schema = constraint_statements() + index_statements()
    assert [s for s, _ in driver.sent[:len(schema)]] == schema
    batches = [p["rows"] for s, p in driver.sent if "rows" in p]
    assert all(1 <= len(b) <= 3 for b in batches)
    assert sum(map(len, batches)) == g.number_of_nodes() + g.number_of_edges() == stats.rows
    per_statement: dict[str, int] = {}
    for s, p in driver.sent:
        if "rows" in p:
            per_statement[s] = per_statement.get(s, 0) + len(p["rows"])
    assert stats.batches == sum(math.ceil(n / 3) for n in per_statement.values())
    assert neo4j_state(empty_neo4j) == expected_state(g)


def test_same_graph_sends_the_same_statements(empty_neo4j, g):
    d1, d2 = RecordingDriver(empty_neo4j.driver), RecordingDriver(empty_neo4j.driver)
    load_to_neo4j(g, d1, empty_neo4j.settings)
    empty_neo4j.wipe()
    load_to_neo4j(graph_from_records(fixture_pairs()[::-1]), d2, empty_neo4j.settings)
    assert d1.sent == d2.sent


def test_values_travel_only_as_parameters(empty_neo4j, g):
    driver = RecordingDriver(empty_neo4j.driver)
    load_to_neo4j(g, driver, empty_neo4j.settings)
    texts = {d.get("name") or d.get("canonical") for _, d in g.nodes(data=True)} - {None}
    for statement, _ in driver.sent:
        assert not any(t in statement for t in texts if len(t) > 1), statement
        assert "'" not in statement and '"' not in statement


def test_a_dropped_connection_is_retried_and_the_result_is_the_same(empty_neo4j, g):
    driver = RecordingDriver(empty_neo4j.driver, fail_on={3, 30})
    settings = Neo4jSettings(uri=empty_neo4j.settings.uri, batch_size=4, database=empty_neo4j.settings.database)
    stats = load_to_neo4j(g, driver, settings, backoff=0)
    assert stats.retries == 2
    assert neo4j_state(empty_neo4j) == expected_state(g)


def test_a_server_that_stays_down_is_one_clear_error(empty_neo4j, g):
    driver = RecordingDriver(empty_neo4j.driver, fail_on=set(range(5, 100)))
    with pytest.raises(Neo4jUnavailable, match="cannot reach Neo4j at") as info:
        load_to_neo4j(g, driver, empty_neo4j.settings, backoff=0)
    assert "\n" not in str(info.value)


def test_batching_holds_over_many_batches_of_every_label_and_type(empty_neo4j):
    # 300 documents in batches of 64: every label and relationship type of more than 64 rows
    # (300, 600, 74) takes several full batches and a partial last one, as 10k documents in
    # batches of 5000 would, at a thirtieth of the server's work (docs/benchmarks.md loads 10k).
    from kg.views.synthetic import make_synthetic_graph

    size = 64
    big = make_synthetic_graph(300, seed=3)
    settings = Neo4jSettings(uri=empty_neo4j.settings.uri, database=empty_neo4j.settings.database, batch_size=size)
    recording = RecordingDriver(empty_neo4j.driver)
    stats = load_to_neo4j(big, recording, settings, backoff=0)
    counts = count_in_neo4j(empty_neo4j.driver, empty_neo4j.settings)
    labels: dict[str, int] = {}
    for _, d in big.nodes(data=True):
        labels[d["label"]] = labels.get(d["label"], 0) + 1
    types: dict[str, int] = {}
    for _, _, d in big.edges(data=True):
        types[d["type"]] = types.get(d["type"], 0) + 1
    assert counts == {"nodes": labels, "relationships": types}
    assert stats.counters["nodes_created"] == big.number_of_nodes() == sum(labels.values())
    assert stats.counters["relationships_created"] == big.number_of_edges()
    groups = [len(rows) for rows in relationship_groups(big).values()]
    assert sum(math.ceil(n / size) > 1 and n % size != 0 for n in list(labels.values()) + groups) >= 3
    assert stats.batches == sum(math.ceil(n / size) for n in list(labels.values()) + groups)
    batches = [len(params["rows"]) for _, params in recording.sent if "rows" in params]
    assert len(batches) == stats.batches and max(batches) == size and sum(batches) == stats.rows


def test_connection_problems_are_one_line_each(neo4j):
    bad_login = Neo4jSettings(uri=neo4j.settings.uri, user="neo4j", password="wrong-password",
                              database=neo4j.settings.database)
    if neo4j.started_here:  # the suite's server checks logins; a user's may be open
        with pytest.raises(Neo4jUnavailable, match="refused the login for user 'neo4j'") as info:
            connect(bad_login)
        assert "\n" not in str(info.value)
    missing = Neo4jSettings(uri=neo4j.settings.uri, user=neo4j.settings.user, password=neo4j.settings.password,
                            database="kgnosuchdatabase")
    with pytest.raises(Neo4jUnavailable, match="has no database 'kgnosuchdatabase'") as info:
        connect(missing)
    assert "\n" not in str(info.value)


def test_an_unreachable_server_with_the_real_driver():
    with pytest.raises(Neo4jUnavailable, match="cannot reach Neo4j at neo4j://127.0.0.1:1"):
        connect(Neo4jSettings(uri="neo4j://127.0.0.1:1"))


def test_a_bad_address_is_one_line():
    with pytest.raises(Neo4jUnavailable, match="bad Neo4j address 'mongodb://x:7687'"):
        connect(Neo4jSettings(uri="mongodb://x:7687"))


def test_settings_come_from_flags_then_environment():
    env = {"NEO4J_URI": "neo4j://e:7687", "NEO4J_USER": "eu", "NEO4J_PASSWORD": "ep", "NEO4J_DATABASE": "ed"}
    s = Neo4jSettings.from_env({"user": "flag"}, environ=env)
    assert (s.uri, s.user, s.password, s.database, s.batch_size) == ("neo4j://e:7687", "flag", "ep", "ed", 2000)
    with pytest.raises(ConfigError, match="NEO4J_URI"):
        Neo4jSettings.from_env({}, environ={})


def test_every_statement_the_loader_can_send_parses_as_opencypher(g):
    """Neo4j runs them all in the tests above; the openCypher grammar also checks them without a server.
    Schema commands (CREATE CONSTRAINT / INDEX) are Neo4j's own, not openCypher."""
    statements = {node_statement(label) for label in NODE_LABELS}
    statements |= {relationship_statement(*key) for key in relationship_groups(g)}
    statements |= set(delete_document_statements()) | {delete_missing_statement(x) for x in NODE_LABELS}
    statements |= {"MATCH (d:Document) RETURN d.doc_id AS id", "RETURN 1 AS ok"}
    for statement in sorted(statements):
        check_syntax(statement)
    assert len(statements) > 20
    with pytest.raises(CypherSyntaxError):  # the checker does reject a broken statement
        check_syntax("UNWIND $rows AS row MERGE (n:Slogan {id: row.id) SET n += row.props")
