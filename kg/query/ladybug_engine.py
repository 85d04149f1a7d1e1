"""Cypher over the NetworkX graph through ladybug, an embedded Cypher database (Kùzu fork).

Why not Cypher directly on NetworkX: grand-cypher was 20–1000× slower and
could not parse ``count(DISTINCT x)`` or ``WITH`` (MEASURED.md). ladybug
needs a schema, so the node and relationship tables are generated from
:mod:`kg.graph.schema` and bulk-loaded with ``COPY … FROM`` an Arrow table.
The copy lives in memory and is thrown away with the engine: even a write
that slipped past the guard could not reach the graph file.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
import weakref
import time
from collections import OrderedDict, defaultdict
from pathlib import Path

from ..errors import GraphError, QueryError, QueryTimeout
from ..graph.schema import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES
from .engines import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Result, plain_value, prepare_query

__all__ = ["LadybugEngine", "get_ladybug_engine", "graph_fingerprint", "schema_ddl"]

log = logging.getLogger(__name__)

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

    def __init__(self, graph=None, *, path: str | Path | None = None, read_only: bool = False):
        import ladybug

        started = time.perf_counter()
        self.path = str(path) if path else ":memory:"
        self._db = ladybug.Database(self.path, read_only=read_only)
        self._conn = ladybug.Connection(self._db)
        self._lock = threading.Lock()
        self.n_nodes = self.n_edges = 0
        if graph is not None:
            for stmt in schema_ddl():
                self._conn.execute(stmt)
            self.n_nodes, self.n_edges = self._load(graph)
        self.load_seconds = time.perf_counter() - started
        log.info("ladybug: %s, %d nodes, %d edges loaded in %.3f s", self.path, self.n_nodes, self.n_edges,
                 self.load_seconds)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    @classmethod
    def for_graph_file(cls, graph_path: str | Path, load_graph) -> "LadybugEngine":
        """A read-only ladybug database kept next to the graph file, rebuilt when the file changes.

        Copying a 15k-node graph into ladybug takes seconds; reopening the
        kept copy takes tens of milliseconds, so each ``kg query`` run pays the
        copy once per graph version. Opened read-only: a write is refused by
        the database itself. Falls back to an in-memory copy where the folder
        is not writable.
        """
        graph_path = Path(graph_path)
        if not graph_path.is_file():
            load_graph(graph_path)  # raises the store's GraphError with its hint
        db_path = graph_path.with_name(graph_path.name + ".ladybug")
        stamp_path = graph_path.with_name(graph_path.name + ".ladybug.stamp")
        st = graph_path.stat()
        stamp = f"{st.st_size}:{st.st_mtime_ns}:{_SCHEMA_STAMP}"
        try:
            fresh = db_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp
        except OSError:
            fresh = False
        if not fresh:
            graph = load_graph(graph_path)
            tmp = db_path.with_name(f"{db_path.name}.tmp{os.getpid()}")
            try:
                _remove_database(tmp)
                cls(graph, path=tmp).close()
                _remove_database(db_path)
                os.replace(tmp, db_path)
                stamp_path.write_text(stamp, encoding="utf-8")
            except (OSError, RuntimeError) as err:
                log.warning("ladybug: cannot keep a database next to %s (%s); using memory", graph_path, err)
                _remove_database(tmp)
                return get_ladybug_engine(graph)
        return cls(path=db_path, read_only=True)

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
            self._copy(label, NODE_PROPERTIES[label], rows)
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
            row["_from"], row["_to"] = str(u), str(v)
            by_rel[(rel, *ends)].append(row)
        for (rel, a, b), rows in by_rel.items():
            columns = {"_from": "STRING", "_to": "STRING", **REL_PROPERTIES[rel]}
            self._copy(rel, columns, rows, f" (from='{a}', to='{b}')")
        return sum(map(len, by_label.values())), sum(map(len, by_rel.values()))

    def _copy(self, table: str, columns: dict[str, str], rows: list[dict], options: str = "") -> None:
        """Bulk-load rows through an Arrow table: ~20× faster than UNWIND … CREATE."""
        import pyarrow as pa

        types = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                 "STRING[]": pa.list_(pa.string())}
        arrow = pa.table({c: pa.array([r[c] for r in rows], types[t]) for c, t in columns.items()})
        try:
            self._conn.execute(f"COPY {table} FROM $rows{options}", {"rows": arrow})
        except RuntimeError as err:
            raise GraphError(f"ladybug refused the graph ({table}): {err}", hint="is the graph built by kg.graph?") from err

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


def _remove_database(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.is_file():
            p.unlink()


_SCHEMA_STAMP = hashlib.blake2b("\n".join(schema_ddl()).encode(), digest_size=8).hexdigest()
_SEEN: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def get_ladybug_engine(graph) -> LadybugEngine:
    """The cached engine for this graph's content; loads it on first use.

    Hashing a large graph's content costs most of a second, so a graph object
    already seen (same size) reuses its hash; a graph changed in place keeps
    its engine until its node or edge count changes — rebuild, do not edit.
    """
    size = (graph.number_of_nodes(), graph.number_of_edges())
    seen = _SEEN.get(graph)
    if seen is not None and seen[0] == size:
        key = seen[1]
    else:
        key = graph_fingerprint(graph)
        _SEEN[graph] = (size, key)
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
