"""Neo4j beside the embedded engine, in one run: load throughput and canned-query latency.

    .venv/bin/python bench/bench_neo4j.py [--docs 1000 10000] [--runs 20] [--batch-size 2000] [--out DIR]

For each N: a synthetic corpus of N documents (``bench.corpus``, seed 1),
built into a graph file with ``kg.build.build_store`` (both kept in --out, so
a second run starts at the load), then loaded into an empty Neo4j with the
loader (constraints and indexes included): documents/s, relationships/s,
nodes/s, and the server's and this process's CPU seconds; then the same load
again, which must change nothing (the server's counters), timed too.

On the largest N, every canned query runs on Neo4j and on the embedded engine
(ladybug over the same graph), the two taking turns run by run so that a
change in the machine's speed hits both: p50/p95 over --runs runs after a
warm-up, parameters bound to the graph's best-connected values as the scale
benchmark does (``bench.steps.required_values``).

Neo4j is the test suite's server (tests/neo4j-server: Neo4j 5 Community,
embedded, Bolt on loopback), started here with a server's JVM settings
(both JIT tiers, 2 GiB heap, 1 GiB page cache) and warmed up on data/samples
first; or the server NEO4J_URI names (its database is WIPED).
Prints a Markdown table and writes ``neo4j.json`` into --out.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVER_JAVA_OPTIONS = ["-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-Dkg.neo4j.pagecache=1g", "-Dfile.encoding=UTF-8"]


def _cpu_seconds(pid: int | None) -> float | None:
    if pid is None:
        return None
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _graph(n: int, out: Path, seed: int):
    from bench.corpus import write_corpus
    from kg.build import build_store
    from kg.store import load_graph

    corpus = out / f"corpus-{n}"
    if not (corpus / "files.jsonl").is_file():
        write_corpus(corpus, n, seed)
    graph_file = out / f"graph-{n}.pickle"
    started = time.perf_counter()
    build_store([corpus], graph_path=graph_file, jobs=os.cpu_count())
    print(f"  graph of {n:,} documents ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return load_graph(graph_file)


def _load(g, target, batch_size: int) -> dict:
    from kg.store.neo4j_store import Neo4jSettings, load_to_neo4j

    settings = Neo4jSettings(uri=target["settings"].uri, user=target["settings"].user,
                             password=target["settings"].password, database=target["settings"].database,
                             batch_size=batch_size)
    out = {"documents": sum(1 for _, d in g.nodes(data=True) if d.get("label") == "Document"),
           "nodes": g.number_of_nodes(), "relationships": g.number_of_edges()}
    for run in ("first", "unchanged"):
        server_cpu, own_cpu = _cpu_seconds(target["pid"]), time.process_time()
        started = time.perf_counter()
        stats = load_to_neo4j(g, target["driver"], settings)
        seconds = time.perf_counter() - started
        server_cpu = None if server_cpu is None else _cpu_seconds(target["pid"]) - server_cpu
        out[run] = {"seconds": seconds, "server_cpu_seconds": server_cpu,
                    "client_cpu_seconds": time.process_time() - own_cpu, "batches": stats.batches,
                    "changes": stats.changes, "counters": stats.counters,
                    "documents_per_s": out["documents"] / seconds, "relationships_per_s": out["relationships"] / seconds,
                    "nodes_per_s": out["nodes"] / seconds}
    return out


def _queries(g, target, runs: int) -> dict:
    from bench.measure import percentile
    from bench.steps import required_values
    from kg.query.catalog import load_catalog, run_canned
    from kg.query.ladybug_engine import get_ladybug_engine
    from kg.query.neo4j_engine import Neo4jEngine

    engines = {"neo4j": Neo4jEngine(target["driver"], target["settings"].database, target["settings"].uri),
               "embedded": get_ladybug_engine(g)}
    out = {}
    for qid, query in sorted(load_catalog().items()):
        sets = required_values(query, g)
        if not sets:
            out[qid] = {"skipped": "a required parameter has no value in this graph"}
            continue
        times = {name: [] for name in engines}
        rows = {}
        for name, engine in engines.items():  # warm-up: plans compiled, caches filled
            for params in sets:
                rows[name] = len(run_canned(query, engine, params)[0].rows)
        for i in range(runs):
            params = sets[i % len(sets)]
            order = list(engines) if i % 2 == 0 else list(engines)[::-1]
            for name in order:
                started = time.perf_counter()
                run_canned(query, engines[name], params)
                times[name].append((time.perf_counter() - started) * 1000)
        out[qid] = {name: {"p50_ms": percentile(t, 50), "p95_ms": percentile(t, 95), "rows": rows[name]}
                    for name, t in times.items()}
    return out


def _warm_up(target) -> None:
    """Load data/samples and run every canned query a few times, then empty the database: the
    figures are a running server's, not a JVM's first seconds."""
    from kg.build import build_graph
    from kg.query.catalog import load_catalog, run_canned
    from kg.query.neo4j_engine import Neo4jEngine
    from bench.steps import required_values
    from kg.store.neo4j_store import load_to_neo4j
    from tests.neo4j_server import wipe_database

    g = build_graph([ROOT / "data" / "samples"])
    for _ in range(3):
        wipe_database(target["driver"], target["settings"].database, schema=True)
        load_to_neo4j(g, target["driver"], target["settings"])
    engine = Neo4jEngine(target["driver"], target["settings"].database)
    for query in load_catalog().values():
        for params in required_values(query, g) * 3:
            run_canned(query, engine, params)
    wipe_database(target["driver"], target["settings"].database, schema=True)


def _start(home: Path) -> dict:
    from kg.store.neo4j_store import Neo4jSettings, connect
    from tests.neo4j_server import build_server, start_server

    if os.environ.get("NEO4J_URI"):
        settings = Neo4jSettings.from_env()
        server = None
    else:
        server = start_server(home, build_server(), java_options=SERVER_JAVA_OPTIONS)
        settings = Neo4jSettings(uri=server.uri, password="")
    driver = connect(settings)
    with driver.session(database=settings.database) as s:
        row = s.run("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition").single()
    return {"settings": settings, "driver": driver, "server": server, "pid": server.process.pid if server else None,
            "version": f"Neo4j {row['v']} {row['edition']}"}


def format_markdown(result: dict) -> str:
    lines = [f"Neo4j: {result['neo4j']}; embedded: ladybug over the same graph; batch size {result['batch_size']}.", "",
             "| N documents | nodes | relationships | load s | documents/s | relationships/s | nodes/s "
             "| server CPU s | client CPU s | unchanged reload s | its changes |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for n, r in result["loads"].items():
        f, u = r["first"], r["unchanged"]
        cpu = "—" if f["server_cpu_seconds"] is None else f"{f['server_cpu_seconds']:.1f}"
        lines.append(f"| {int(n):,} | {r['nodes']:,} | {r['relationships']:,} | {f['seconds']:.1f} "
                     f"| {f['documents_per_s']:,.0f} | {f['relationships_per_s']:,.0f} | {f['nodes_per_s']:,.0f} "
                     f"| {cpu} | {f['client_cpu_seconds']:.1f} | {u['seconds']:.1f} | {u['changes']} |")
    lines += ["", f"Canned queries on the {int(result['queries_on']):,}-document graph, ms over {result['runs']} runs "
                  "(taking turns):", "",
              "| query | Neo4j p50 | Neo4j p95 | embedded p50 | embedded p95 | rows (Neo4j / embedded) |",
              "|---|---|---|---|---|---|"]
    for qid, r in result["queries"].items():
        if "skipped" in r:
            lines.append(f"| {qid} | — | — | — | — | {r['skipped']} |")
            continue
        n, e = r["neo4j"], r["embedded"]
        lines.append(f"| {qid} | {n['p50_ms']:.1f} | {n['p95_ms']:.1f} | {e['p50_ms']:.1f} | {e['p95_ms']:.1f} "
                     f"| {n['rows']} / {e['rows']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "neo4j")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    args.out.mkdir(parents=True, exist_ok=True)

    from tests.neo4j_server import wipe_database

    graphs = {n: _graph(n, args.out, args.seed) for n in sorted(args.docs)}
    with tempfile.TemporaryDirectory(prefix="kg-neo4j-bench-") as home:
        target = _start(Path(home))
        try:
            print(f"  {target['version']} at {target['settings'].uri}; warming up", file=sys.stderr)
            _warm_up(target)
            result = {"neo4j": target["version"], "batch_size": args.batch_size, "runs": args.runs, "loads": {}}
            for n, g in graphs.items():
                wipe_database(target["driver"], target["settings"].database, schema=True)
                result["loads"][n] = _load(g, target, args.batch_size)
                print(f"  loaded {n:,} documents in {result['loads'][n]['first']['seconds']:.1f} s", file=sys.stderr)
            largest = max(graphs)
            if largest != list(graphs)[-1] or result["loads"].get(largest) is None:
                raise AssertionError("the largest graph must be the one loaded last")
            with target["driver"].session(database=target["settings"].database) as s:
                s.run("CALL db.awaitIndexes(600)").consume()
            result["queries_on"] = largest
            result["queries"] = _queries(graphs[largest], target, args.runs)
        finally:
            target["driver"].close()
            if target["server"]:
                target["server"].stop()
    (args.out / "neo4j.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(format_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
