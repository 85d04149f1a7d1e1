"""How long a graph file takes to load: the data-only pickle (default) against the alternatives.

    .venv/bin/python bench/bench_graph_file.py GRAPH [--runs 5]

GRAPH is any graph file kg reads, or one written by an older kg as a pickle
of networkx objects (it is then read with plain ``pickle``: run this only on
a file you built). The graph is written in each format to a temporary folder
and loaded ``--runs`` times, each in a fresh process so no run warms the
next, the formats taking turns so a busy machine slows them alike; the table
gives the best and the median load time and the file size:

* ``object pickle`` — the networkx graph object pickled, what kg saved
  before graph files became data (unsafe: loading runs whatever it names);
* ``data pickle`` — the graph's dicts only, read by an unpickler that
  refuses every class and function (:func:`kg.store.load_graph`);
* ``node-link JSON`` — the portable format (orjson).
"""
from __future__ import annotations

import argparse
import gc
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

_OLD_MAGIC = b"KG-GRAPH pickle "


def _read_any(path: Path):
    from kg.errors import OldGraphFormat
    from kg.store import load_graph

    try:
        return load_graph(path)
    except OldGraphFormat:
        raw = path.read_bytes()
        return pickle.loads(raw.partition(b"\n")[2])  # our own file, read to convert it


def _load_once(fmt: str, path: str) -> float:
    from kg.store import load_graph

    started = time.perf_counter()
    if fmt == "object":
        raw = Path(path).read_bytes()
        gc.disable()  # as kg's loader did
        pickle.loads(raw.partition(b"\n")[2])
        gc.enable()
    else:
        load_graph(path)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(_load_once(*args.child))
        return 0
    from kg.store import save_graph

    g = _read_any(args.graph)
    print(f"{args.graph}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="kg-bench-graph-") as tmp:
        files = {
            "object pickle": ("object", Path(tmp) / "object.pickle"),
            "data pickle": ("data", Path(tmp) / "data.pickle"),
            "node-link JSON": ("json", Path(tmp) / "graph.json"),
        }
        files["object pickle"][1].write_bytes(_OLD_MAGIC + b"2\n" + pickle.dumps(g, protocol=pickle.HIGHEST_PROTOCOL))
        save_graph(g, files["data pickle"][1])
        save_graph(g, files["node-link JSON"][1])
        del g
        times: dict[str, list[float]] = {label: [] for label in files}
        for _ in range(args.runs):
            for label, (fmt, path) in files.items():
                out = subprocess.run([sys.executable, __file__, str(args.graph), "--child", fmt, str(path)],
                                     capture_output=True, text=True, check=True, cwd=REPO,
                                     env={**os.environ, "PYTHONPATH": str(REPO)})
                times[label].append(float(out.stdout.strip().splitlines()[-1]))
        print("| format | best load (s) | median (s) | file (MB) |")
        print("| --- | ---: | ---: | ---: |")
        for label, (_, path) in files.items():
            print(f"| {label} | {min(times[label]):.2f} | {statistics.median(times[label]):.2f} | "
                  f"{path.stat().st_size / 1e6:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
