"""The one call the CLI and the app use: build or update a store from report files.

The NetworkX graph file is always updated, since it holds the manifest of
file hashes that makes the next build incremental, and so is the query
database beside it (what ``kg query`` and the app open); Neo4j, when
chosen, is synced with the documents that changed.

The query database is the build's last step and its longest serial one
(a 10k-document graph: ~1 s to turn the graph into Arrow tables, ~4 s of
CPU for the engine's COPY). It is written table by table (one table's
columns in memory at a time); with more than one core each table's COPY,
which leaves the GIL, runs on another thread while the next table is made.

"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..errors import ConfigError
from ..query.database import has_query_database, write_query_database
from ..store.neo4j_store import Neo4jSettings, connect, sync_to_neo4j
from ..store.networkx_store import default_graph_path, load_graph, save_graph
from .summary import BuildSummary
from .update import update_graph
from .workers import FileResult

__all__ = ["build_store"]


def build_store(paths: Iterable[str | Path], *, store: str = "networkx", graph_path: str | Path | None = None,
                prune: bool = False, jobs: int | None = None, neo4j: dict | None = None,
                progress: Callable[[FileResult], None] | None = None,
                on_plan: Callable[[int], None] | None = None,
                extract_fn: Callable | None = None) -> BuildSummary:
    """Build or update a store from report files: the one call the CLI and the app use.

    The NetworkX graph file is always updated (it holds the manifest); with
    ``store="neo4j"`` the documents that changed are then synced to Neo4j
    (``neo4j`` holds uri/user/password/database/batch_size overrides).
    """
    if store not in ("networkx", "neo4j"):
        raise ConfigError(f"unknown store {store!r}", hint="use --store networkx or --store neo4j")
    driver = settings = None
    if store == "neo4j":  # fail on a bad server before minutes of extraction, not after
        settings = Neo4jSettings.from_env(neo4j or {})
        driver = connect(settings)
    try:
        path = Path(graph_path) if graph_path else default_graph_path()
        g = load_graph(path, missing_ok=True)
        summary = update_graph(g, paths, prune=prune, jobs=jobs, progress=progress, on_plan=on_plan,
                               extract_fn=extract_fn)
        summary.store, summary.target = store, str(path)
        save = summary.changes or not path.exists()
        if save:
            save_graph(g, path)
        if driver is not None:
            summary.target = sync_to_neo4j(g, changed=set(summary.added + summary.updated),
                                           removed=set(summary.removed), settings=settings, driver=driver)
        if save or not has_query_database(path):
            # With more than one core, each table is copied in on another core while the next is made.
            write_query_database(g, path, threads=1 if jobs == 1 else 0, pipelined=jobs != 1)
    finally:
        if driver is not None:
            driver.close()
    return summary
