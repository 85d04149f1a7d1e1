"""The one call the CLI and the app use: build or update a store from report files.

The NetworkX graph file is always updated, since it holds the manifest of
file hashes that makes the next build incremental, and so is the query
database beside it (what ``kg query`` and the app open); Neo4j, when
chosen, is synced with the documents that changed. The graph file's write
lock (:mod:`kg.store.lock`) is held from loading the graph to writing the
query database, so two builds into one file never lose each other's
documents nor write one database at once.

The query database is the build's last step and its longest serial one
(a 10k-document graph: ~3 s to turn the graph into Arrow tables, ~4.5 s of
CPU for the engine's COPY, on every core the build may use). The tables go
to Arrow files one at a time and the graph is let go before the engine
copies them in: the graph and the engine never hold memory at once.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
from pathlib import Path
from typing import Callable, Iterable

from ..errors import ConfigError, OldGraphFormat
from ..graph.build import new_graph
from ..query.database import has_query_database, spilled_query_tables, write_query_database
from ..store.lock import graph_write_lock
from ..store.neo4j_store import Neo4jSettings, connect, sync_to_neo4j
from ..store.networkx_store import default_graph_path, load_graph, remove_stale_temp_files, save_graph
from .summary import BuildSummary
from .update import update_graph
from .workers import FileResult

__all__ = ["build_store"]

log = logging.getLogger(__name__)


def _give_back_memory() -> None:
    """Return the dropped graph's memory to the system before the engine allocates its own.

    Freed dicts go back to the C library's free lists, which keep most of
    them; ``malloc_trim`` hands the free pages back (glibc; elsewhere a no-op).
    At 10k documents the process went from 817 to 380 MB this way.
    """
    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError) as err:  # not glibc
        log.debug("malloc_trim unavailable: %s", err)


def build_store(paths: Iterable[str | Path], *, store: str = "networkx", graph_path: str | Path | None = None,
                prune: bool = False, jobs: int | None = None, neo4j: dict | None = None,
                progress: Callable[[FileResult], None] | None = None,
                on_plan: Callable[[int], None] | None = None,
                extract_fn: Callable | None = None, extractor: Callable | None = None,
                wait: float | None = 0,
                on_wait: Callable[[str], None] | None = None) -> BuildSummary:
    """Build or update a store from report files: the one call the CLI and the app use.

    The NetworkX graph file is always updated (it holds the manifest); with
    ``store="neo4j"`` the documents that changed are then synced to Neo4j
    (``neo4j`` holds uri/user/password/database/batch_size overrides).
    Another build of the same graph file is waited for up to ``wait``
    seconds (None: as long as it takes), telling ``on_wait``; past that,
    :class:`~kg.errors.GraphBusy`.
    ``extractor`` runs the extraction elsewhere (:func:`kg.build.cluster.open_cluster`),
    under the same lock.
    """
    if store not in ("networkx", "neo4j"):
        raise ConfigError(f"unknown store {store!r}", hint="use --store networkx or --store neo4j")
    driver = settings = None
    if store == "neo4j":  # fail on a bad server before minutes of extraction, not after
        settings = Neo4jSettings.from_env(neo4j or {})
        driver = connect(settings)
    try:
        path = Path(graph_path) if graph_path else default_graph_path()
        with graph_write_lock(path, wait=wait, on_wait=on_wait):
            remove_stale_temp_files(path)  # a killed build's; no other writer runs while we hold the lock
            notes = []
            try:
                g = load_graph(path, missing_ok=True)
            except OldGraphFormat as err:
                # Never loaded (it could run code): replaced by a build of the files given now.
                g = new_graph()
                notes.append(f"{path}: written by an older kg (pickled objects, document ids from file names); "
                             "not read, and replaced by a fresh build of the files given now: build any other "
                             "folders it held again")
                log.warning("%s", err)
            summary = update_graph(g, paths, prune=prune, jobs=jobs, progress=progress, on_plan=on_plan,
                                   extract_fn=extract_fn, extractor=extractor)
            summary.notes[:0] = notes
            summary.store, summary.target = store, str(path)
            save = summary.changes or notes or not path.exists()
            if save:
                save_graph(g, path)
            if driver is not None:
                summary.target = sync_to_neo4j(g, changed=set(summary.added + summary.updated),
                                               removed=set(summary.removed), settings=settings, driver=driver)
            if save or not has_query_database(path):
                # The graph goes to Arrow files a table at a time and is let go before the engine copies
                # them in, so the two never take memory at once (added up, 9.3 GB at 100k documents).
                with spilled_query_tables(g, path) as tables:
                    del g
                    _give_back_memory()
                    write_query_database(tables, path, threads=1 if jobs == 1 else 0)
    finally:
        if driver is not None:
            driver.close()
    return summary
