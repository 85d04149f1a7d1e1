"""Build or update the knowledge graph from report files (incremental: unchanged files are skipped)."""
from __future__ import annotations

import logging
import sys
from contextlib import ExitStack

import orjson
from tqdm import tqdm

from ..build import build_store
from ..build.cluster import import_distributed, open_cluster
from .options import add_neo4j_arguments, neo4j_settings

__all__ = ["add_arguments", "run"]


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders (.txt .docx .pdf .jsonl)")
    p.add_argument("--store", choices=("networkx", "neo4j"), default="networkx",
                   help="where the graph goes (the NetworkX file is always kept: it remembers file hashes)")
    p.add_argument("--graph", metavar="FILE", help="graph file (default $KG_GRAPH or data/graph/graph.pickle; "
                                                   ".json for portable node-link JSON)")
    p.add_argument("--prune", action="store_true", help="remove documents whose files are gone")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="cores to extract on, this process included (default: all)")
    where.add_argument("--cluster", metavar="ADDRESS",
                       help="extract on a Dask cluster: tcp://HOST:8786 (a running scheduler) or local:N "
                            "(N worker processes started here); needs the distributed extra")
    p.add_argument("--cluster-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="how long to wait for the cluster's scheduler and first worker (default 10)")
    p.add_argument("--wait", type=float, nargs="?", const=-1, default=0, metavar="SECONDS",
                   help="when another build is writing the same graph file, wait for it (as long as it takes, "
                        "or at most SECONDS) instead of failing at once")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_neo4j_arguments(p)


def run(args) -> int:
    bar = None
    desc = "extract"
    errors = 0

    def on_plan(n: int) -> None:
        nonlocal bar
        bar = tqdm(total=n, unit="file", desc=desc, file=sys.stderr,
                   disable=args.no_progress or not n, dynamic_ncols=True)

    def progress(result) -> None:
        nonlocal errors
        if bar is not None:
            bar.update(1)
            if result.errors:
                errors += 1
                bar.set_postfix(errors=errors, refresh=False)

    with ExitStack() as stack:
        extractor = None
        if args.cluster:
            import_distributed()  # its import sets its loggers to INFO: back to this command's level
            logging.getLogger("distributed").setLevel(logging.getLogger().level)
            extractor = stack.enter_context(open_cluster(args.cluster, timeout=args.cluster_timeout))
            desc = f"extract on {extractor.address}"
        try:
            summary = build_store(args.paths, store=args.store, graph_path=args.graph, prune=args.prune,
                                  jobs=args.jobs, neo4j=neo4j_settings(args), progress=progress,
                                  on_plan=on_plan, extractor=extractor,
                                  wait=None if args.wait < 0 else args.wait,
                                  on_wait=lambda message: print(f"kg build: {message}", file=sys.stderr))
        finally:
            if bar is not None:
                bar.close()
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(summary.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
    else:
        print(summary.format())
        print(f"graph: {summary.target} ({summary.seconds:.1f} s)")
    n_docs = len(summary.added) + len(summary.updated) + len(summary.unchanged)
    return 1 if summary.errors and not n_docs else 0
