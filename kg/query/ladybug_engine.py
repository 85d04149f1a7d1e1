"""Cypher over the NetworkX graph through ladybug, an embedded Cypher database (Kùzu fork).

Why not Cypher directly on NetworkX: grand-cypher was 20–1000× slower and
could not parse ``count(DISTINCT x)`` or ``WITH`` (MEASURED.md). ladybug
needs a schema, so the node and relationship tables are generated from
:mod:`kg.graph.schema` and filled with batched ``UNWIND $rows … CREATE``.
The copy lives in memory and is thrown away with the engine: even a write
that slipped past the guard could not reach the graph file.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict, defaultdict

from ..errors import GraphError, QueryError, QueryTimeout
from ..graph.schema import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES
from .engines import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Result, plain_value, prepare_query

__all__ = ["LadybugEngine", "get_ladybug_engine", "graph_fingerprint", "schema_ddl"]

log = logging.getLogger(__name__)

_BATCH = 5000
_CACHE: OrderedDict[str, "LadybugEngine"] = OrderedDict()
_CACHE_SIZE = 4
_CACHE_LOCK = threading.Lock()

# Kùzu spellings that differ from Neo4j's, for a helpful hint on failure.
_DIALECT_HINTS = {
    "function TYPE does not exist": "the embedded engine writes label(r) for type(r)",
    "function TOSTRING does not exist": "the embedded engine writes string(x) / CAST(x AS STRING) for toString(x)",
    "does not exist": "labels and relationship types are listed in kg/graph/schema.py",
    "Cannot find property": "properties are listed per label in kg/graph/schema.py",
}


def schema_ddl() -> list[str]:
    """CREATE TABLE statements for every label and relationship type of the schema.

    Names are back-quoted because some (``end``) are Cypher keywords.

    >>> schema_ddl()[0][:48]
    'CREATE NODE TABLE Document(`id` STRING, `doc_id`'
    >>> [s for s in schema_ddl() if "SUBUNIT_OF" in s][0][:70]
    'CREATE REL TABLE SUBUNIT_OF(FROM Organization TO Organization, `key` S'
    """
    ddl = []
    for label, props in NODE_PROPERTIES.items():
        cols = ", ".join(f"`{p}` {t}" for p, t in props.items())
        ddl.append(f"CREATE NODE TABLE {label}({cols}, PRIMARY KEY(id))")
    for rel, props in REL_PROPERTIES.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in REL_ENDPOINTS[rel])
        cols = "".join(f", `{p}` {t}" for p, t in props.items())
        ddl.append(f"CREATE REL TABLE {rel}({ends}{cols})")
    return ddl


def _coerce(value, kind: str, where: str):
    if value is None:
        return None
    try:
        if kind == "STRING":
            return str(value)
        if kind == "INT64":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        if kind == "DOUBLE":
            return float(value)
        if kind == "BOOLEAN":
            if not isinstance(value, bool):
                raise ValueError
            return value
        if kind == "STRING[]":
            if isinstance(value, str):
                raise ValueError
            return [str(v) for v in value]
    except (TypeError, ValueError) as err:
        raise GraphError(
            f"{where}: value {value!r} is not {kind}", hint="rebuild the graph; kg/graph/schema.py gives each type"
        ) from err
    raise GraphError(f"{where}: unknown property type {kind}")


def _assignments(props: dict[str, str], var: str) -> str:
    parts = []
    for p, t in props.items():
        parts.append(f"`{p}`: r.`{p}`" if t == "STRING" else f"`{p}`: CAST(r.`{p}` AS {t})")
    return "{" + ", ".join(parts) + "}"


def graph_fingerprint(graph) -> str:
    """A hash of the graph's content (nodes, edges, attributes): the engine cache key.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("Slogan:四敢争先", label="Slogan", canonical="四敢争先")
    >>> graph_fingerprint(g) == graph_fingerprint(g.copy())
    True
    """
    h = hashlib.blake2b(digest_size=16)
    for n, attrs in sorted(graph.nodes(data=True), key=lambda x: x[0]):
        h.update(repr((n, sorted(attrs.items()))).encode())
    for u, v, k, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        h.update(repr((u, v, k, sorted(attrs.items()))).encode())
    return h.hexdigest()


class LadybugEngine:
    """An in-memory ladybug database holding a copy of one NetworkX graph.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Organization:市妇联", label="Organization", name="市妇联", aliases=["妇联"])
    >>> LadybugEngine(g).run("MATCH (o:Organization) RETURN o.name, o.aliases").rows
    [['市妇联', ['妇联']]]
    """

    name = "ladybug"

    def __init__(self, graph):
        import ladybug

        started = time.perf_counter()
        self._db = ladybug.Database(":memory:")
        self._conn = ladybug.Connection(self._db)
        self._lock = threading.Lock()
        for stmt in schema_ddl():
            self._conn.execute(stmt)
        self.n_nodes, self.n_edges = self._load(graph)
        self.load_seconds = time.perf_counter() - started
        log.info("ladybug: loaded %d nodes, %d edges in %.3f s", self.n_nodes, self.n_edges, self.load_seconds)

    def _load(self, graph) -> tuple[int, int]:
        by_label: dict[str, list[dict]] = defaultdict(list)
        labels = {}
        for n, attrs in graph.nodes(data=True):
            label = attrs.get("label")
            props = NODE_PROPERTIES.get(label)
            if props is None:
                log.warning("ladybug: node %r has unknown label %r; left out", n, label)
                continue
            labels[n] = label
            row = {p: _coerce(attrs.get(p), t, f"node {n!r} property {p!r}") for p, t in props.items()}
            row["id"] = str(n)
            by_label[label].append(row)
        for label, rows in by_label.items():
            stmt = f"UNWIND $rows AS r CREATE (n:{label} {_assignments(NODE_PROPERTIES[label], 'r')})"
            self._insert(stmt, rows)
        by_rel: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for u, v, k, attrs in graph.edges(keys=True, data=True):
            rel = attrs.get("type")
            ends = (labels.get(u), labels.get(v))
            if rel not in REL_PROPERTIES or ends not in REL_ENDPOINTS[rel]:
                log.warning("ladybug: edge %r -[%s]-> %r does not fit the schema; left out", u, rel, v)
                continue
            props = REL_PROPERTIES[rel]
            row = {p: _coerce(attrs.get(p), t, f"edge {k!r} property {p!r}") for p, t in props.items()}
            if "key" in props and row["key"] is None:
                row["key"] = str(k)
            row["_src"], row["_dst"] = str(u), str(v)
            by_rel[(rel, *ends)].append(row)
        for (rel, a, b), rows in by_rel.items():
            stmt = (
                f"UNWIND $rows AS r MATCH (a:{a} {{id: r._src}}), (b:{b} {{id: r._dst}}) "
                f"CREATE (a)-[:{rel} {_assignments(REL_PROPERTIES[rel], 'r')}]->(b)"
            )
            self._insert(stmt, rows)
        return sum(map(len, by_label.values())), sum(map(len, by_rel.values()))

    def _insert(self, stmt: str, rows: list[dict]) -> None:
        for i in range(0, len(rows), _BATCH):
            try:
                self._conn.execute(stmt, {"rows": rows[i:i + _BATCH]})
            except RuntimeError as err:
                raise GraphError(f"ladybug refused the graph: {err}", hint="is the graph built by kg.graph?") from err

    def run(self, cypher: str, params: dict | None = None, limit: int = DEFAULT_LIMIT,
            timeout: float = DEFAULT_TIMEOUT) -> Result:
        """Run one read-only query; at most ``limit`` rows, at most ``timeout`` seconds."""
        params = prepare_query(cypher, params, limit, timeout)
        with self._lock:
            started = time.perf_counter()
            self._conn.set_query_timeout(max(1, int(timeout * 1000)))
            try:
                res = self._conn.execute(cypher, params)
                columns = list(res.get_column_names())
                rows = []
                while res.has_next() and len(rows) <= limit:
                    rows.append([plain_value(v) for v in res.get_next()])
            except RuntimeError as err:
                msg = str(err)
                if "Interrupted" in msg:
                    raise QueryTimeout(f"query stopped after {timeout:g} s", hint="narrow it or raise --timeout") from err
                hint = next((h for k, h in _DIALECT_HINTS.items() if k in msg), None)
                raise QueryError(f"the embedded engine refused the query: {msg.strip()}", hint=hint) from err
            finally:
                self._conn.set_query_timeout(0)
            elapsed = time.perf_counter() - started
        truncated = len(rows) > limit
        return Result(columns, rows[:limit], elapsed, truncated, self.name)


def get_ladybug_engine(graph) -> LadybugEngine:
    """The cached engine for this graph's content; loads it on first use."""
    key = graph_fingerprint(graph)
    with _CACHE_LOCK:
        engine = _CACHE.get(key)
        if engine is not None:
            _CACHE.move_to_end(key)
            return engine
    engine = LadybugEngine(graph)
    with _CACHE_LOCK:
        _CACHE[key] = engine
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return engine
