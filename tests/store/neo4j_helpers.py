"""Helpers for the tests against a real Neo4j: read a database's whole state, say what a
graph's state should be, and a driver that records what the loader sends.

:class:`RecordingDriver` is not a fake: every call goes to the server. The recording lets a test check
the loader's side of the protocol (constraints first, batch sizes, values
only as parameters); ``fail_on`` makes the n-th write call raise the error a
dropped connection raises, before anything reaches the server, so the retry
path is tested against a real database.
"""
from __future__ import annotations

from neo4j import exceptions as ne

__all__ = ["RecordingDriver", "expected_state", "neo4j_state"]


def _plain(props: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in props.items()}


def expected_state(g, *, drop_empty_lists: bool = False):
    """The graph as Neo4j should hold it: nodes by id → (label, properties), relationships by
    (type, source, target, key) → properties. ``drop_empty_lists``: as neo4j-admin imports it
    (an empty list is an empty CSV cell, which is no property)."""
    def props(d: dict, skip: str) -> dict:
        return _plain({k: v for k, v in d.items() if k != skip and not (drop_empty_lists and v == [])})

    nodes = {n: (d["label"], props(d, "label")) for n, d in g.nodes(data=True)}
    rels = {(d["type"], u, v, k): props(d, "type") for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, rels


def neo4j_state(driver, database: str):
    """Everything in a database, in the shape of :func:`expected_state`."""
    with driver.session(database=database) as s:
        nodes = s.execute_read(lambda tx: [(r["labels"], r["props"]) for r in tx.run(
            "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")])
        rels = s.execute_read(lambda tx: [(r["t"], r["a"], r["b"], r["props"]) for r in tx.run(
            "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS props")])
    assert all(len(labels) == 1 for labels, _ in nodes), "every node has exactly one label"
    return ({p["id"]: (labels[0], _plain(p)) for labels, p in nodes},
            {(t, a, b, p["key"]): _plain(p) for t, a, b, p in rels})


class _Session:
    def __init__(self, owner: "RecordingDriver", session):
        self._owner, self._session = owner, session

    def __enter__(self):
        self._session.__enter__()
        return self

    def __exit__(self, *exc):
        return self._session.__exit__(*exc)

    def execute_write(self, fn, *args, **kw):
        owner = self._owner
        owner.write_calls += 1
        if owner.write_calls in owner.fail_on:
            raise ne.ServiceUnavailable("connection dropped (injected by the test)")
        if len(args) >= 2 and isinstance(args[0], str):  # the loader's (_consume, statement, params)
            owner.sent.append((args[0], args[1]))
        return self._session.execute_write(fn, *args, **kw)

    def execute_read(self, fn, *args, **kw):
        return self._session.execute_read(fn, *args, **kw)


class RecordingDriver:
    """Wraps an open driver; ``sent`` lists (statement, parameters) of every write, in order."""

    def __init__(self, driver, fail_on=()):
        self._driver = driver
        self.fail_on = set(fail_on)
        self.write_calls = 0
        self.sent: list[tuple[str, dict]] = []
        self.databases: list[str | None] = []

    def session(self, database=None, **kw):
        self.databases.append(database)
        return _Session(self, self._driver.session(database=database, **kw))

    def verify_connectivity(self):
        return self._driver.verify_connectivity()

    def close(self):
        """Leaves the wrapped driver open: the test session owns it."""
