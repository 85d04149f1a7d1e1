"""The query database: the embedded engine's copy of a graph file, written by the build beside it.

Why: copying a 10k-document graph into ladybug takes seconds; opening a copy
already on disk takes a tenth of one. So the build writes the copy once, at
its end (:func:`write_query_database`), and the command line and the app
open it read-only (:func:`open_query_database`) instead of loading the graph.

Its file name carries a key made of the graph file's content digest (recorded
when the graph was saved: :mod:`kg.store.digest`), the schema's tables and
the engine's version: ``graph.pickle.<key>.ladybug``. A graph file rebuilt,
copied over or restored has another digest, so it never meets a stale copy;
a missing copy is written on first use (from the graph file) and older ones
are removed. No full-graph hash is made at start-up: the recorded digest is
read from its sidecar.
"""
from __future__ import annotations

import glob
import hashlib
import logging
import os
import re
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..store import default_graph_path, load_graph
from ..store.digest import graph_digest
from .ladybug_engine import (
    LadybugEngine, QueryTable, engine_version, get_ladybug_engine, iter_query_tables, query_tables, schema_ddl,
)

__all__ = ["database_path", "query_tables", "spilled_query_tables", "write_query_database", "stage_query_database", "install_query_database",
           "has_query_database", "open_query_database"]

log = logging.getLogger(__name__)

_SUFFIX = ".ladybug"
_KEY = re.compile("[0-9a-f]{32}")
_TRIES = 3


def _key(digest: str) -> str:
    """The graph's digest with what else makes a copy usable: the tables and the engine's version."""
    h = hashlib.blake2b(digest_size=16)
    for part in (digest, *schema_ddl(), engine_version()):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def database_path(graph_path: str | Path, digest: str) -> Path:
    """Where the query database of the graph file with this digest lives.

    >>> p = database_path("data/graph/graph.pickle", "0" * 64)
    >>> p.parent.name, p.name.startswith("graph.pickle."), p.suffix
    ('graph', True, '.ladybug')
    >>> p != database_path("data/graph/graph.pickle", "1" * 64)
    True
    """
    graph_path = Path(graph_path)
    return graph_path.with_name(f"{graph_path.name}.{_key(digest)}{_SUFFIX}")


def _others(graph_path: Path, keep: Path) -> list[Path]:
    """Query databases of earlier versions of this graph file, and the unkeyed one older programs kept."""
    stem = graph_path.name
    keyed = [p for p in graph_path.parent.glob(f"{glob.escape(stem)}.*{_SUFFIX}")
             if _KEY.fullmatch(p.name[len(stem) + 1:-len(_SUFFIX)])]
    unkeyed = [graph_path.with_name(stem + _SUFFIX), graph_path.with_name(stem + _SUFFIX + ".stamp")]
    return [p for p in keyed + unkeyed if p != keep and p.is_file()]


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


@contextmanager
def spilled_query_tables(graph, graph_path: str | Path | None = None) -> Iterator[list[QueryTable]]:
    """The graph's tables in Arrow files beside the graph file, made one at a time; removed afterwards.

    Lets the build drop the graph before the engine copies the tables in, so
    the two never take memory at once (at 100k documents the graph holds
    several gigabytes, and so does the engine while it copies). The caller
    must hold no other reference to the graph for it to go.
    """
    graph_path = Path(graph_path) if graph_path else default_graph_path()
    folder = Path(tempfile.mkdtemp(prefix=f".{graph_path.name}.", suffix=".tables", dir=graph_path.parent))
    try:
        tables = [t.spill(folder) for t in iter_query_tables(graph)]
        del graph
        yield tables
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def stage_query_database(source, graph_path: str | Path | None = None, *, threads: int = 0,
                         pipelined: bool = False) -> Path:
    """Write the query database of ``source`` (a graph, or its :func:`query_tables`) under a temporary name.

    The first half of :func:`write_query_database`: the database is named by
    the graph file's digest (:func:`install_query_database`) once it is whole.
    """
    graph_path = Path(graph_path) if graph_path else default_graph_path()
    tmp = graph_path.with_name(f".{graph_path.name}.{os.getpid()}.{threading.get_ident()}{_SUFFIX}.tmp")
    _remove(tmp)
    try:
        tables = source if isinstance(source, list) else None
        LadybugEngine(None if tables is not None else source, tables=tables, path=tmp, threads=threads,
                      pipelined=pipelined).close()
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def install_query_database(staged: Path, graph_path: str | Path | None = None, digest: str | None = None) -> Path:
    """Give a staged database its name (the graph file's digest, default: the recorded one); remove older ones."""
    graph_path = Path(graph_path) if graph_path else default_graph_path()
    target = database_path(graph_path, digest or graph_digest(graph_path))
    try:
        os.replace(staged, target)
    finally:
        _remove(staged)
    log.info("query database written: %s", target)
    for old in _others(graph_path, target):
        try:
            _remove(old)
        except OSError as err:  # e.g. still open elsewhere on a system that forbids removing it
            log.debug("left %s: %s", old, err)
    return target


def write_query_database(source, graph_path: str | Path | None = None, digest: str | None = None, *,
                         threads: int = 0, pipelined: bool = False) -> Path:
    """Write the query database of ``source`` (a graph, or its :func:`query_tables`) unless it exists.

    ``graph_path`` is where the graph is saved, ``digest`` that file's
    (default: the one recorded when it was saved); ``threads`` caps the
    engine's threads (0: every core); ``pipelined`` copies each table in on
    another thread while the next is made from the graph (two cores busy,
    at most two tables in memory). Written under a temporary name and
    renamed, so a reader never opens half a database; copies of earlier
    versions of the graph file are removed. Returns the database's path.
    """
    graph_path = Path(graph_path) if graph_path else default_graph_path()
    digest = digest or graph_digest(graph_path)
    target = database_path(graph_path, digest)
    if target.is_file():
        return target
    staged = stage_query_database(source, graph_path, threads=threads, pipelined=pipelined)
    return install_query_database(staged, graph_path, digest)


def has_query_database(graph_path: str | Path | None = None) -> bool:
    """Whether the graph file's query database exists (the file's digest read from its record, or hashed)."""
    graph_path = Path(graph_path) if graph_path else default_graph_path()
    return graph_path.is_file() and database_path(graph_path, graph_digest(graph_path)).is_file()


def open_query_database(graph_path: str | Path | None = None, *, load=load_graph) -> LadybugEngine:
    """The read-only engine over the graph file's query database, written first if missing.

    A database written by the build opens in about 0.1 s at 10k documents;
    a missing one (a graph file from elsewhere, or an older program) is
    written once from the graph file (``load``), or, where the folder is
    not writable, kept in memory. A write slipped past the guard is refused
    by the database itself (read-only).
    """
    graph_path = Path(graph_path) if graph_path else default_graph_path()
    if not graph_path.is_file():
        load(graph_path)  # raises the store's GraphError with its hint
    for _ in range(_TRIES):
        digest = graph_digest(graph_path)
        target = database_path(graph_path, digest)
        if target.is_file():
            try:
                return LadybugEngine(path=target, read_only=True)
            except RuntimeError as err:  # damaged (e.g. a disk filled while it was copied): write it again
                log.warning("query database %s cannot be opened (%s); writing it again", target, err)
                _remove(target)
        graph = load(graph_path)
        if graph_digest(graph_path) != digest:  # replaced while it was read: the copy would be misnamed
            continue
        try:
            write_query_database(graph, graph_path, digest)
        except (OSError, RuntimeError) as err:
            log.warning("cannot keep a query database beside %s (%s); using memory", graph_path, err)
            return get_ladybug_engine(graph)
        return LadybugEngine(path=target, read_only=True)
    return get_ladybug_engine(load(graph_path))
