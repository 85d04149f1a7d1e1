"""The same build on local processes and on a Dask cluster, side by side: what the cluster costs per file.

    .venv/bin/python bench/bench_cluster.py [--docs 10000] [--workers 2] [--out bench/out/cluster]

Writes the synthetic corpus (``python -m bench.corpus``, seed 1) once, then
runs ``python -m kg build FILES --jobs N`` and ``python -m kg build FILES
--cluster local:N`` each in a fresh process and a fresh graph file, taking
turns (``--repeats``), and prints a Markdown table: wall seconds of the
command, the build's own seconds (from ``--json``, without interpreter and
cluster start), CPU seconds of the whole process tree (user + system, workers
included), and the cluster's overhead per file read. The cluster's start
(scheduler and N worker processes) is timed apart, in this process.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(files: Path, graph: Path, where: list[str]) -> dict:
    """One ``kg build`` in its own process: wall and tree CPU seconds, and its JSON summary."""
    graph.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "kg", "build", str(files), "--graph", str(graph), "--no-progress", "--json", *where]
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
    summary = orjson.loads(done.stdout)
    return {"where": " ".join(where), "wall": wall, "cpu": cpu, "build": summary["seconds"],
            "files": summary["files_read"], "documents": len(summary["added"]),
            "nodes": sum(summary["nodes"].values()), "relationships": sum(summary["relationships"].values())}


def time_cluster_start(workers: int) -> float:
    from kg.build.cluster import open_cluster

    started = time.perf_counter()
    with open_cluster(f"local:{workers}", timeout=120) as extractor:
        extractor.client.wait_for_workers(workers)
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/bench_cluster.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="synthetic documents (default 10000)")
    parser.add_argument("--workers", type=int, default=2, help="--jobs N against --cluster local:N (default 2)")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each, taking turns (default 1)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "cluster"), help="work folder")
    args = parser.parse_args(argv)

    from bench.corpus import write_corpus

    out = Path(args.out)
    corpus = out / f"corpus-{args.docs}"
    if not (corpus / "files.jsonl").exists():
        write_corpus(corpus, args.docs, seed=1)
    files = corpus / "files"
    runs = []
    for _ in range(args.repeats):
        runs.append(run_build(files, out / "jobs.pickle", ["--jobs", str(args.workers)]))
        runs.append(run_build(files, out / "cluster.pickle", ["--cluster", f"local:{args.workers}"]))
    start = time_cluster_start(args.workers)

    print(f"| {args.docs:,} synthetic documents | wall s | build s | CPU s (tree) | files | documents | nodes | relationships |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in runs:
        print(f"| `{r['where']}` | {r['wall']:.1f} | {r['build']:.1f} | {r['cpu']:.1f} | {r['files']:,} | "
              f"{r['documents']:,} | {r['nodes']:,} | {r['relationships']:,} |")
    local = min((r for r in runs if r["where"].startswith("--jobs")), key=lambda r: r["wall"])
    cluster = min((r for r in runs if r["where"].startswith("--cluster")), key=lambda r: r["wall"])
    n = cluster["files"]
    print()
    print(f"cluster start (scheduler + {args.workers} worker processes, timed apart): {start:.1f} s")
    print(f"cluster overhead per file read ({n:,} files): wall {1000 * (cluster['wall'] - local['wall']) / n:+.2f} ms, "
          f"build {1000 * (cluster['build'] - local['build']) / n:+.2f} ms, "
          f"CPU {1000 * (cluster['cpu'] - local['cpu']) / n:+.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
