"""Cypher over the NetworkX graph through ladybug, an embedded Cypher database (Kùzu fork).

Why not Cypher directly on NetworkX: grand-cypher was 20–1000× slower and
could not parse ``count(DISTINCT x)`` or ``WITH`` (MEASURED.md). ladybug
needs a schema, so the node and relationship tables are generated from
:mod:`kg.graph.schema` and bulk-loaded with ``COPY … FROM`` an Arrow table.
The copy lives in memory, or in the query database the build writes beside
the graph file (:mod:`kg.query.database`, opened read-only): even a write
that slipped past the guard could not reach the graph file.
"""
from __future__ import annotations

import hashlib
import logging
import pickle
import sys
import threading
import weakref
import time
from collections import OrderedDict, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import GraphError, QueryError, QueryTimeout
from ..graph.schema import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES
from .base import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Result, plain_value, prepare_query
from .dialect import translate_for_ladybug

__all__ = ["LadybugEngine", "QueryTable", "iter_query_tables", "query_tables", "get_ladybug_engine", "graph_fingerprint", "schema_ddl",
           "engine_version"]

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


@lru_cache(maxsize=1)
def engine_version() -> str:
    """The embedded engine's version: a database written by another version may not open."""
    return version("ladybug")


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


@dataclass
class QueryTable:
    """One table of the embedded engine's copy of a graph: its name, its rows as Arrow, the COPY options.

    A table can wait in an Arrow file instead of memory (:meth:`spill`), so
    the build can let the graph go before the engine copies the tables in.
    """

    name: str
    rows: Any  # a pyarrow.Table, or None while the rows wait in ``file``
    options: str = ""  # (from='A', to='B') for a relationship table
    file: Path | None = None

    def spill(self, folder: Path) -> "QueryTable":
        """This table written to an Arrow file in ``folder``; the returned table reads it back when copied."""
        import pyarrow as pa  # lazy: pyarrow (0.2 s) only when a graph is copied in

        file = Path(folder) / f"{len(list(Path(folder).iterdir())):03d}-{self.name}.arrow"
        with pa.OSFile(str(file), "wb") as sink, pa.ipc.new_file(sink, self.rows.schema) as writer:
            writer.write_table(self.rows)
        return QueryTable(self.name, None, self.options, file)

    def load(self):
        """The rows: in memory, or mapped from the file (pages read as the engine copies them)."""
        if self.rows is not None:
            return self.rows
        import pyarrow as pa  # lazy: pyarrow (0.2 s) only when a graph is copied in

        return pa.ipc.open_file(pa.memory_map(str(self.file))).read_all()  # the map lives as long as its rows


# Reopened once a megabyte has been copied since the last open: after every table of a large graph (the
# gain in memory is largest, for about a second in 10k documents), while the small tables of a small
# graph share an open (23 reopens cost a build of the samples 1 s of CPU, 3x the copy itself).
_REOPEN_BYTES = 1 << 20
# A COPY of fewer rows runs on one thread: the engine's thread pool costs more than it gives on a
# small table (the samples' 25 tables: 65 ms on one thread, 150 ms on two).
_SMALL_COPY_ROWS = 20_000
_ARROW_TYPES = {"STRING": "string", "INT64": "int64", "DOUBLE": "float64", "BOOLEAN": "bool_"}


def _arrow_table(types: dict[str, str], columns: dict[str, list], where):
    import pyarrow as pa  # lazy: pyarrow (0.2 s) only when a graph is copied in

    arrays = {}
    for name, kind in types.items():
        values = columns.pop(name)  # each Python column goes as soon as it is in Arrow
        if not _plain_column(values, kind):
            values = [_coerce(v, kind, where(i, name)) for i, v in enumerate(values)]
        arrow_type = pa.list_(pa.string()) if kind == "STRING[]" else getattr(pa, _ARROW_TYPES[kind])()
        # The system allocator: a spilled table's memory goes back to the C library (and to the system,
        # :func:`kg.build.runner`), where Arrow's own pool would keep it for Arrow.
        arrays[name] = pa.array(values, arrow_type, memory_pool=pa.system_memory_pool())
    return pa.table(arrays)


def iter_query_tables(graph) -> Iterator[QueryTable]:
    """The graph as the engine's tables, one at a time, column by column (no per-row dict).

    Only one table's columns are in memory at once: the build copies each
    into the engine before the next is made (a 100k-document graph's tables
    together are over a gigabyte). Nodes of an unknown label and edges that
    do not fit the schema are left out with a warning.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    >>> [(t.name, t.rows.num_rows) for t in iter_query_tables(g)]
    [('Slogan', 1)]
    """
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
    for label in list(by_label):
        ids, rows = by_label.pop(label)
        columns = {p: (ids if p == "id" else [a.get(p) for a in rows]) for p in NODE_PROPERTIES[label]}
        del rows
        yield QueryTable(label, _arrow_table(NODE_PROPERTIES[label], columns,
                                             lambda i, p: f"node {ids[i]!r} property {p!r}"))
    # Four plain lists per relationship table (no tuple per edge: 3 M edges at 100k documents).
    by_rel: dict[tuple[str, str, str], tuple[list, list, list, list]] = defaultdict(lambda: ([], [], [], []))
    for u, v, k, attrs in graph.edges(keys=True, data=True):
        rel = attrs.get("type")
        ends = (labels.get(u), labels.get(v))
        if rel not in REL_PROPERTIES or ends not in REL_ENDPOINTS[rel]:
            log.warning("ladybug: edge %r -[%s]-> %r does not fit the schema; left out", u, rel, v)
            continue
        us, vs, ks, rows = by_rel[(rel, *ends)]
        us.append(u)
        vs.append(v)
        ks.append(k)
        rows.append(attrs)
    del labels
    for group in list(by_rel):
        rel, a, b = group
        us, vs, ks, rows = by_rel.pop(group)
        props = REL_PROPERTIES[rel]
        columns = {"_from": us, "_to": vs}
        columns.update((p, [r.get(p) for r in rows]) for p in props)
        del rows
        if "key" in props:
            columns["key"] = [k if key is None else key for key, k in zip(columns["key"], ks)]
        yield QueryTable(rel, _arrow_table({"_from": "STRING", "_to": "STRING", **props}, columns,
                                           lambda i, p: f"edge {ks[i]!r} property {p!r}"),
                         f" (from='{a}', to='{b}')")


def query_tables(graph) -> list[QueryTable]:
    """All of :func:`iter_query_tables` at once.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    >>> [(t.name, t.rows.num_rows) for t in query_tables(g)]
    [('Slogan', 1)]
    """
    return list(iter_query_tables(graph))


_MAX_DB_SIZE = 1 << 38


class LadybugEngine:
    """An in-memory ladybug database holding a copy of one NetworkX graph.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Organization:市妇联", label="Organization", name="市妇联", aliases=["妇联"])
    >>> LadybugEngine(g).run("MATCH (o:Organization) RETURN o.name, o.aliases").rows
    [['市妇联', ['妇联']]]
    """

    name = "ladybug"

    def __init__(self, graph=None, *, tables: Iterable["QueryTable"] | None = None, path: str | Path | None = None,
                 read_only: bool = False, threads: int = 0, pipelined: bool = False, memory_bytes: int | None = None):
        started = time.perf_counter()
        self.path = str(path) if path else ":memory:"
        self._threads = threads
        # Left alone, each database reserves 8 TB of address space: sixteen open in one process (a
        # test session, an app serving several graphs) use up the 128 TB a process has and the next
        # fails to mmap. 256 GB is far above any graph we build. A worker under an address-space
        # limit (kg.query.sandbox) gives ``memory_bytes``, half to the buffer pool, half to the file.
        self._sizes = {"max_db_size": _MAX_DB_SIZE} if memory_bytes is None else {
            "buffer_pool_size": memory_bytes // 2, "max_db_size": memory_bytes // 2}
        self._open(read_only)
        self._lock = threading.Lock()
        self.n_nodes = self.n_edges = 0
        if graph is not None or tables is not None:
            for stmt in schema_ddl():
                self._conn.execute(stmt)
            self.n_nodes, self.n_edges = self._load(iter_query_tables(graph) if tables is None else tables, pipelined)
        self.load_seconds = time.perf_counter() - started
        log.info("ladybug: %s, %d nodes, %d edges loaded in %.3f s", self.path, self.n_nodes, self.n_edges,
                 self.load_seconds)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def _open(self, read_only: bool = False) -> None:
        import ladybug  # lazy: the embedded engine (0.1 s) only when a query runs on it

        self._db = ladybug.Database(self.path, read_only=read_only, max_num_threads=self._threads, **self._sizes)
        self._conn = ladybug.Connection(self._db)

    def _load(self, tables: Iterable["QueryTable"], pipelined: bool = False) -> tuple[int, int]:
        """COPY each table in; returns the node and relationship counts.

        ``pipelined``: each COPY runs on a thread of its own while the next
        table is made (the COPY leaves the GIL; one table waits at most).
        A database on disk is closed and opened again between tables (once
        ``_REOPEN_BYTES`` are copied): the engine keeps what a COPY allocated
        until it is closed (a 10k-document graph: 383 MB more at the peak
        copied in one go, 219 MB reopened between tables, for 1 s of CPU).
        """
        counts = [0, 0]
        since_open = [0]

        def copy(t: QueryTable) -> None:
            if since_open[0] > _REOPEN_BYTES and self.path != ":memory:":
                self.close()
                self._open()
                since_open[0] = 0
            rows = t.load()
            self._conn.set_max_threads_for_exec(1 if rows.num_rows < _SMALL_COPY_ROWS else self._threads)
            try:
                self._conn.execute(f"COPY {t.name} FROM $rows{t.options}", {"rows": rows}).close()
            except RuntimeError as err:
                raise GraphError(f"ladybug refused the graph ({t.name}): {err}",
                                 hint="is the graph built by kg.graph?") from err
            counts[bool(t.options)] += rows.num_rows
            since_open[0] += rows.nbytes

        try:
            self._copy_all(tables, copy, pipelined)
        finally:
            self._conn.set_max_threads_for_exec(self._threads)
        return counts[0], counts[1]

    @staticmethod
    def _copy_all(tables: Iterable["QueryTable"], copy: Callable, pipelined: bool) -> None:
        if not pipelined:
            for t in tables:
                copy(t)
            return
        with ThreadPoolExecutor(1, thread_name_prefix="kg-copy") as copier:
            pending = None
            for t in tables:
                if pending is not None:
                    pending.result()
                pending = copier.submit(copy, t)
                del t
            if pending is not None:
                pending.result()

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

    def run_columns(self, cypher: str, params: dict | None = None,
                    timeout: float = DEFAULT_TIMEOUT) -> dict[str, list]:
        """Every row of one of the program's own queries, as columns of plain values.

        For the app's fact tables (tens of thousands of rows at 10k
        documents) and the question vocabulary: all rows in one call. The
        query is a constant of the program, not a user's text, so the
        guard's parse (0.1–0.2 s a query) is not paid here; a user's query
        goes through :meth:`run`. Nodes and relationships are not plain
        here: return properties.
        """
        with self._lock:
            self._conn.set_query_timeout(max(1, int(timeout * 1000)))
            try:
                res = self._conn.execute(cypher, dict(params or {}))
                names = list(res.get_column_names())
                # Through Arrow (half the time for 76k rows) when pyarrow is loaded anyway, as in the
                # app; a command-line question does not pay its import (0.3 s) for a few thousand rows.
                if "pyarrow" in sys.modules:
                    return res.get_as_arrow().to_pydict()
                rows = res.get_all()
            except RuntimeError as err:
                if "Interrupted" in str(err):
                    raise QueryTimeout(f"query stopped after {timeout:g} s") from err
                raise QueryError(f"the embedded engine refused the query: {str(err).strip()}") from err
            finally:
                self._conn.set_query_timeout(0)
        return {name: [row[i] for row in rows] for i, name in enumerate(names)}


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
