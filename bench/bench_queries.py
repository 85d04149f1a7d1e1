"""Latency of every canned query on the NetworkX path (ladybug loaded from the graph).

    .venv/bin/python bench/bench_queries.py [--graph FILE]... [--synthetic N]... [--repeat 15]

For each graph: the time to copy it into ladybug, the one-off guard cost
(write-clause scan + openCypher parse + schema check, cached per text
afterwards) and the median / max of --repeat warm runs of every canned
query, parameters taken from the graph. Graphs: the hand-made fixture,
data/samples and ../shared/corpus built by the pipeline, any --graph file,
and kg.views' synthetic graph of N documents. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _graphs(args):
    from kg.build import build_graph
    from kg.store import load_graph

    spec = importlib.util.spec_from_file_location("small_graph", ROOT / "tests/fixtures/graph/small_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield "fixture", module.build_small_graph()
    yield "data/samples", build_graph([ROOT / "data" / "samples"])
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        yield "shared/corpus", build_graph([corpus])
    for path in args.graph:
        yield Path(path).name, load_graph(path)
    for n in args.synthetic:
        from kg.views.synthetic import make_synthetic_graph

        yield f"synthetic {n} docs", make_synthetic_graph(n)


def _params(engine, query):
    top = {
        "unit": "MATCH (o:Organization)-[:CONDUCTED]->(a:Activity) RETURN o.name, count(a) AS n ORDER BY n DESC LIMIT 1",
        "category": "MATCH (a:Activity) RETURN a.category, count(*) AS n ORDER BY n DESC LIMIT 1",
        "slogan": "MATCH (o)-[:ECHOES]->(s:Slogan) RETURN s.canonical, count(*) AS n ORDER BY n DESC LIMIT 1",
    }
    out = {}
    for p in query.params:
        if p.name in top and (p.required or p.name != "unit"):
            rows = engine.run(top[p.name]).rows
            if rows:
                out[p.name] = rows[0][0]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", action="append", default=[], metavar="FILE")
    ap.add_argument("--synthetic", action="append", type=int, default=[], metavar="N")
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()

    import logging

    logging.disable(logging.WARNING)
    from kg.query.catalog import bind_params, load_catalog
    from kg.query.guard import check_read_only
    from kg.query.ladybug_engine import LadybugEngine
    from kg.query.parse import check_schema

    catalog = load_catalog()
    guard = {}
    for name, q in catalog.items():
        started = time.perf_counter()
        check_read_only(q.cypher)
        check_schema(q.cypher)
        guard[name] = time.perf_counter() - started
    print("guard (scan + parse + schema check, once per query text): "
          + ", ".join(f"{n} {t * 1000:.0f} ms" for n, t in guard.items()))
    print()
    columns = []
    table: dict[str, list[str]] = {name: [] for name in catalog}
    for label, graph in _graphs(args):
        engine = LadybugEngine(graph)
        columns.append(f"{label} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
                       f"load {engine.load_seconds:.2f} s)")
        for name, q in catalog.items():
            bound = bind_params(q, _params(engine, q))
            times = []
            for _ in range(args.repeat):
                times.append(engine.run(q.cypher, bound).elapsed)
            table[name].append(f"{statistics.median(times) * 1000:.1f} / {max(times) * 1000:.1f}")
    print("| query | " + " | ".join(columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    for name, cells in table.items():
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\nms, median / max of {args.repeat} warm runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
