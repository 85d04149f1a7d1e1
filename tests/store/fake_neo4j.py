"""A driver-shaped fake of Neo4j for loader tests without a server.

It records every (statement, parameters) it is sent and applies the few
statement shapes the loader uses (kg/store/cypher.py) to an in-memory store
with Neo4j's semantics (MERGE on id/key, ``SET += `` with null removing a
property, DETACH DELETE), so idempotency can be checked on the resulting
state. ``fail_on`` makes chosen write calls raise a transient error first.
"""
from __future__ import annotations

import re

from neo4j import exceptions as ne

_NODE = re.compile(r"^UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row\.id\}\) SET n \+= row\.props$")
_REL = re.compile(r"^UNWIND \$rows AS row MATCH \(a:(\w+) \{id: row\.src\}\) MATCH \(b:(\w+) \{id: row\.dst\}\) "
                  r"MERGE \(a\)-\[r:(\w+) \{key: row\.key\}\]->\(b\) SET r \+= row\.props$")
_DEL_RELS = "MATCH ()-[r]->() WHERE r.doc_id IN $doc_ids DELETE r"
_DEL_OWN = re.compile(r"^MATCH \(n:(\w+)\) WHERE n\.doc_id IN \$doc_ids DETACH DELETE n$")
_DEL_MISSING = re.compile(r"^MATCH \(n:(\w+)\) WHERE NOT n\.id IN \$ids DETACH DELETE n$")
_CONSTRAINT = re.compile(r"^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE$")


class FakeStore:
    def __init__(self):
        self.nodes: dict[str, dict] = {}   # id -> {"label", "props"}
        self.rels: dict[tuple, dict] = {}  # (type, src, dst, key) -> props
        self.constraints: set[str] = set()
        self.sent: list[tuple[str, dict]] = []

    def apply(self, statement: str, params: dict) -> None:
        self.sent.append((statement, params))
        if m := _CONSTRAINT.match(statement):
            self.constraints.add(m.group(1))
        elif m := _NODE.match(statement):
            for row in params["rows"]:
                node = self.nodes.setdefault(row["id"], {"label": m.group(1), "props": {"id": row["id"]}})
                _set_plus(node["props"], row["props"])
        elif m := _REL.match(statement):
            src_label, dst_label, rel = m.groups()
            for row in params["rows"]:
                a, b = self.nodes.get(row["src"]), self.nodes.get(row["dst"])
                if not a or not b or a["label"] != src_label or b["label"] != dst_label:
                    continue  # MATCH finds nothing: no relationship
                props = self.rels.setdefault((rel, row["src"], row["dst"], row["key"]), {"key": row["key"]})
                _set_plus(props, row["props"])
        elif statement == _DEL_RELS:
            for k in [k for k, p in self.rels.items() if p.get("doc_id") in params["doc_ids"]]:
                del self.rels[k]
        elif m := _DEL_OWN.match(statement):
            self._detach_delete([i for i, n in self.nodes.items()
                                 if n["label"] == m.group(1) and n["props"].get("doc_id") in params["doc_ids"]])
        elif m := _DEL_MISSING.match(statement):
            keep = set(params["ids"])
            self._detach_delete([i for i, n in self.nodes.items() if n["label"] == m.group(1) and i not in keep])
        elif statement.startswith("RETURN 1"):
            pass
        else:
            raise AssertionError(f"the fake does not know this statement: {statement}")

    def _detach_delete(self, ids) -> None:
        ids = set(ids)
        for k in [k for k in self.rels if k[1] in ids or k[2] in ids]:
            del self.rels[k]
        for i in ids:
            del self.nodes[i]

    def read(self, statement: str):
        if statement == "MATCH (d:Document) RETURN d.doc_id AS id":
            return [{"id": n["props"].get("doc_id")} for n in self.nodes.values() if n["label"] == "Document"]
        if statement.startswith("RETURN 1"):
            return [{"ok": 1}]
        raise AssertionError(f"the fake cannot read: {statement}")

    def state(self) -> tuple[dict, dict]:
        nodes = {i: (n["label"], _clean(n["props"])) for i, n in self.nodes.items()}
        rels = {k: _clean(p) for k, p in self.rels.items()}
        return nodes, rels


def _set_plus(target: dict, props: dict) -> None:
    for k, v in props.items():
        if v is None:
            target.pop(k, None)
        else:
            target[k] = v


def _clean(props: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in props.items()}


class _Result:
    def __init__(self, records):
        self._records = records

    def __iter__(self):
        return iter(self._records)

    def consume(self):
        return None


class _Tx:
    def __init__(self, store: FakeStore, write: bool):
        self.store, self.write = store, write

    def run(self, statement, **params):
        if self.write:
            self.store.apply(statement, params)
            return _Result([])
        return _Result(self.store.read(statement))


class FakeSession:
    def __init__(self, driver):
        self.driver = driver

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute_write(self, fn, *args, **kw):
        self.driver.write_calls += 1
        if self.driver.write_calls in self.driver.fail_on:
            raise ne.ServiceUnavailable("connection dropped (fake)")
        return fn(_Tx(self.driver.store, True), *args, **kw)

    def execute_read(self, fn, *args, **kw):
        return fn(_Tx(self.driver.store, False), *args, **kw)


class FakeDriver:
    def __init__(self, fail_on=()):
        self.store = FakeStore()
        self.fail_on = set(fail_on)
        self.write_calls = 0
        self.databases: list[str] = []
        self.closed = False

    def session(self, database=None):
        self.databases.append(database)
        return FakeSession(self)

    def verify_connectivity(self):
        return None

    def close(self):
        self.closed = True
