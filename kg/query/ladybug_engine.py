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
import pickle
import threading
import weakref
import time
from collections import OrderedDict, defaultdict
from pathlib import Path

from ..errors import GraphError, QueryError, QueryTimeout
from ..graph.schema import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES
from .base import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Result, plain_value, prepare_query
from .dialect import translate_for_ladybug

__all__ = ["LadybugEngine", "get_ladybug_engine", "graph_fingerprint", "schema_ddl"]

log = logging.getLogger(__name__)

_CACHE: OrderedDict[str, "LadybugEngine"] = OrderedDict()
_CACHE_SIZE = 4
_CACHE_LOCK = threading.Lock()

# Kùzu spellings that differ from Neo4j's, for a helpful hint on failure.
_DIALECT_HINTS = {
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


_PLAIN_TYPES = {"STRING": {str}, "INT64": {int}, "DOUBLE": {float, int}, "BOOLEAN": {bool}, "STRING[]": {list}}


def _plain_column(values: list, kind: str) -> bool:
    """True when every value already has the column's Python type (or is None): no coercion needed.

    >>> _plain_column(["a", None], "STRING"), _plain_column([True], "INT64"), _plain_column([["a"], []], "STRING[]")
    (True, False, True)
    """
    types = set(map(type, values))
    types.discard(type(None))
    if not types <= _PLAIN_TYPES[kind]:
        return False
    if kind == "STRING[]":
        return {type(v) for lst in values if lst for v in lst} <= {str}
    return True


def graph_fingerprint(graph) -> str:
    """A hash of the graph's content (nodes, edges, attributes): the engine cache key.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("Slogan:四敢争先", label="Slogan", canonical="四敢争先")
    >>> graph_fingerprint(g) == graph_fingerprint(g.copy())
    True
    """
    # One C-level pickle of the node and adjacency dicts (5× faster than a sorted repr at 144k nodes).
    # Insertion order counts: the same content added in another order is a cache miss, never a wrong hit.
    payload = pickle.dumps((graph._node, graph._succ), protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


class LadybugEngine:
    """An in-memory ladybug database holding a copy of one NetworkX graph.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Organization:市妇联", label="Organization", name="市妇联", aliases=["妇联"])
    >>> LadybugEngine(g).run("MATCH (o:Organization) RETURN o.name, o.aliases").rows
    [['市妇联', ['妇联']]]
    """

    name = "ladybug"

    def __init__(self, graph=None, *, path: str | Path | None = None, read_only: bool = False,
                 memory_bytes: int | None = None):
        import ladybug  # lazy: the embedded engine (0.1 s) only when a query runs on it

        started = time.perf_counter()
        self.path = str(path) if path else ":memory:"
        # By default the database reserves 8 TB of address space and a buffer pool of 80 % of RAM; a
        # worker under an address-space limit (kg.query.sandbox) gives it ``memory_bytes``, half each.
        sizes = {} if memory_bytes is None else {"buffer_pool_size": memory_bytes // 2, "max_db_size": memory_bytes // 2}
        self._db = ladybug.Database(self.path, read_only=read_only, **sizes)
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
        """Copy the graph table by table, column by column (no per-row dict: 144k nodes load in seconds)."""
        by_label: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        labels = {}
        for n, attrs in graph.nodes(data=True):
            label = attrs.get("label")
            if label not in NODE_PROPERTIES:
                log.warning("ladybug: node %r has unknown label %r; left out", n, label)
                continue
            labels[n] = label
            ids, rows = by_label[label]
            ids.append(n)
            rows.append(attrs)
        for label, (ids, rows) in by_label.items():
            columns = {p: (ids if p == "id" else [a.get(p) for a in rows]) for p in NODE_PROPERTIES[label]}
            self._copy(label, NODE_PROPERTIES[label], columns, lambda i, p: f"node {ids[i]!r} property {p!r}")
        by_rel: dict[tuple[str, str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
        for u, v, k, attrs in graph.edges(keys=True, data=True):
            rel = attrs.get("type")
            ends = (labels.get(u), labels.get(v))
            if rel not in REL_PROPERTIES or ends not in REL_ENDPOINTS[rel]:
                log.warning("ladybug: edge %r -[%s]-> %r does not fit the schema; left out", u, rel, v)
                continue
            uvk, rows = by_rel[(rel, *ends)]
            uvk.append((u, v, k))
            rows.append(attrs)
        for (rel, a, b), (uvk, rows) in by_rel.items():
            props = REL_PROPERTIES[rel]
            columns = {"_from": [e[0] for e in uvk], "_to": [e[1] for e in uvk]}
            columns.update((p, [r.get(p) for r in rows]) for p in props)
            if "key" in props:
                columns["key"] = [k if key is None else key for key, (_, _, k) in zip(columns["key"], uvk)]
            self._copy(rel, {"_from": "STRING", "_to": "STRING", **props}, columns,
                       lambda i, p: f"edge {uvk[i][2]!r} property {p!r}", f" (from='{a}', to='{b}')")
        return sum(len(ids) for ids, _ in by_label.values()), sum(len(uvk) for uvk, _ in by_rel.values())

    def _copy(self, table: str, types: dict[str, str], columns: dict[str, list], where, options: str = "") -> None:
        """Bulk-load columns through an Arrow table: ~20× faster than UNWIND … CREATE."""
        import pyarrow as pa  # lazy: pyarrow (0.2 s) only when a graph is copied in

        arrow_types = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                       "STRING[]": pa.list_(pa.string())}
        arrays = {}
        for name, kind in types.items():
            values = columns[name]
            if not _plain_column(values, kind):
                values = [_coerce(v, kind, where(i, name)) for i, v in enumerate(values)]
            arrays[name] = pa.array(values, arrow_types[kind])
        try:
            self._conn.execute(f"COPY {table} FROM $rows{options}", {"rows": pa.table(arrays)})
        except RuntimeError as err:
            raise GraphError(f"ladybug refused the graph ({table}): {err}", hint="is the graph built by kg.graph?") from err

    def run(self, cypher: str, params: dict | None = None, limit: int = DEFAULT_LIMIT,
            timeout: float = DEFAULT_TIMEOUT) -> Result:
        """Run one read-only query; at most ``limit`` rows, at most ``timeout`` seconds."""
        params = prepare_query(cypher, params, limit, timeout)
        return self.execute(cypher, params, limit, timeout)

    def execute(self, cypher: str, params: dict, limit: int, timeout: float) -> Result:
        """Run a query *without* the guard: for callers that applied it already (:meth:`run`, the sandbox).

        The engine's own timeout is cooperative: a single expression that
        runs long (``size(range(1, 1e9))``) is not interrupted. Ad-hoc queries
        therefore run in :mod:`kg.query.sandbox`, which kills its worker.
        """
        cypher = translate_for_ladybug(cypher)  # type(r), labels(n), id(n) as Neo4j users write them
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
