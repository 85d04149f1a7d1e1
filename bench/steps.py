"""``python -m bench.steps STEP …``: one measured benchmark step, JSON on stdout.

The harness (:mod:`bench.run`) runs each step in a fresh process so
that time and peak memory belong to that step alone; that is why each step
imports the stages it measures inside its function, and no more.

* ``throughput FILES --pred OUT.jsonl``: read the documents, then bare
  ``jieba.lcut`` and our normalisation + ``extract_document`` over the same
  texts, taking turns, one core;
* ``build FILES --graph G --jobs N``: ``kg.build.build_store`` (what
  ``python -m kg build`` runs);
* ``graph FILES --pred P.jsonl --graph G``: the NetworkX graph from
  extraction records: build, save and load (pickle and JSON), size;
* ``queries --graph G``: every canned query and the questions, p50/p95.
"""
from __future__ import annotations

import argparse
import gc
import logging
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

import orjson

from .measure import percentile

__all__ = ["main", "step_throughput", "step_build", "step_graph", "step_queries", "fill_questions", "required_values"]

log = logging.getLogger(__name__)


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read_docs(paths):
    from kg.ingest import read_documents

    docs, errors = [], 0
    for item in read_documents(paths):
        if isinstance(item, Exception):
            errors += 1
        else:
            docs.append(item)
    return docs, errors


def _blocks(docs: list, size: int):
    """Consecutive runs of documents of about ``size`` UTF-8 bytes each.

    >>> from types import SimpleNamespace as D
    >>> [[d.text for d in b] for b in _blocks([D(text="ab"), D(text="c"), D(text="d")], 2)]
    [['ab'], ['c', 'd']]
    """
    block, n = [], 0
    for d in docs:
        block.append(d)
        n += len(d.text.encode("utf-8"))
        if n >= size:
            yield block
            block, n = [], 0
    if block:
        yield block


def step_throughput(paths, pred: str | None, max_mb: float | None = None) -> dict:
    """MB/s of bare ``jieba.lcut`` and of our extraction over the same documents, taking turns."""
    t0 = time.perf_counter()
    docs, errors = _read_docs(paths)
    read_s = time.perf_counter() - t0
    if max_mb:
        kept, size = [], 0
        for d in docs:
            if size >= max_mb * 1e6:
                break
            kept.append(d)
            size += len(d.text.encode("utf-8"))
        docs = kept
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6

    import jieba

    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    jieba.initialize()
    jieba_init_s = time.perf_counter() - t0

    from kg.extract import extract_document
    from kg.ingest.normalize import normalize_text

    t0 = time.perf_counter()
    extract_document(replace(docs[0], norm=normalize_text(docs[0].text)))  # lexicons, tokenizers, converter
    extract_init_s = time.perf_counter() - t0
    # The two contenders take turns over blocks of about 1 MB, the first turn
    # alternating, so a machine that slows down mid-run slows both alike.
    # Ours folds the text first (ingest's normalisation: the extractors match
    # on the folded copy, jieba needs none), inside its own clock.
    clock = {"jieba": [0.0, 0.0], "extract": [0.0, 0.0]}
    normalise_cpu = 0.0
    counts = {"organizations": 0, "activities": 0, "metrics": 0, "slogans": 0, "materials": 0}
    n_tokens = 0
    out = open(pred, "wb") if pred else None
    for turn, block in enumerate(_blocks(docs, 1_000_000)):
        records = []
        for who in (("jieba", "extract") if turn % 2 == 0 else ("extract", "jieba")):
            t0, c0 = time.perf_counter(), time.process_time()
            if who == "jieba":
                n_tokens += sum(len(jieba.lcut(d.text)) for d in block)
            else:
                n0 = time.process_time()
                folded = [replace(d, norm=normalize_text(d.text)) for d in block]
                normalise_cpu += time.process_time() - n0
                records = [extract_document(d) for d in folded]
            clock[who][0] += time.perf_counter() - t0
            clock[who][1] += time.process_time() - c0
        for record in records:
            for k in counts:
                counts[k] += len(record.get(k) or [])
            if out:
                out.write(orjson.dumps(record) + b"\n")
    if out:
        out.close()
    (jieba_s, jieba_cpu), (extract_s, extract_cpu) = clock["jieba"], clock["extract"]
    return {
        "documents": len(docs), "file_errors": errors, "mb": mb, "read_seconds": read_s,
        "read_mb_s": mb / read_s if read_s else None,
        "jieba_init_seconds": jieba_init_s, "jieba_seconds": jieba_s, "jieba_mb_s": mb / jieba_s,
        "jieba_tokens": n_tokens,
        "extract_init_seconds": extract_init_s, "extract_seconds": extract_s, "extract_mb_s": mb / extract_s,
        "ratio": (mb / extract_s) / (mb / jieba_s), "found": counts, "maxrss_mb": _maxrss_mb(),
        # CPU seconds of this process: less distorted by other jobs on a shared machine
        "jieba_cpu_mb_s": mb / jieba_cpu, "extract_cpu_mb_s": mb / extract_cpu, "ratio_cpu": jieba_cpu / extract_cpu,
        # the extract figures include the normalisation; without it:
        "normalise_cpu_seconds": normalise_cpu, "ratio_cpu_without_normalise": jieba_cpu / (extract_cpu - normalise_cpu),
    }


def step_build(paths, graph: str, jobs: int | None) -> dict:
    """``build_store`` into ``graph``: what ``python -m kg build --jobs N`` does."""
    from kg.build import build_store

    def cpu() -> tuple[float, float]:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime

    marks: dict[str, tuple[float, float, float]] = {}

    def mark(name: str) -> None:
        marks[name] = (time.perf_counter() - t0, *cpu())

    t0 = time.perf_counter()
    mark("start")
    summary = build_store(paths, graph_path=graph, jobs=jobs, on_plan=lambda n: mark("planned"),
                          progress=lambda res: mark("last_result"))
    seconds = time.perf_counter() - t0
    mark("end")
    # Where the time goes: this process (planning, graph assembly, the chunks it extracts, the save and
    # the query database) against the extraction workers (their CPU counts once they have exited).
    phases = {"plan_seconds": marks["planned"][0],
              "extract_seconds": marks.get("last_result", marks["planned"])[0] - marks["planned"][0],
              "tail_seconds": seconds - marks.get("last_result", marks["planned"])[0],
              "main_cpu_seconds": marks["end"][1], "workers_cpu_seconds": marks["end"][2],
              "main_cpu_to_last_result": marks.get("last_result", marks["planned"])[1]}
    return {"seconds": seconds, **phases, "jobs": jobs or os.cpu_count(), "files_read": summary.files_read,
            "files_unchanged": summary.files_unchanged, "added": len(summary.added),
            "updated": len(summary.updated), "unchanged": len(summary.unchanged), "errors": len(summary.errors),
            "nodes": sum(summary.nodes.values()), "relationships": sum(summary.relationships.values()),
            "maxrss_mb": _maxrss_mb()}


_REPEATS = 3


def step_graph(paths, pred: str, graph: str) -> dict:
    """Build the NetworkX graph from records, then save and load it both ways (best of three)."""
    import psutil

    from kg.graph import count_labels, count_types, graph_from_records
    from kg.store import load_graph, save_graph

    docs, _ = _read_docs(paths)
    by_id = {d.doc_id: d for d in docs}
    with open(pred, "rb") as fh:
        records = [orjson.loads(line) for line in fh if line.strip()]
    pairs = [(by_id[r["doc_id"]].to_dict(with_text=True), r) for r in records if r["doc_id"] in by_id]
    del docs, by_id
    gc.collect()
    rss0 = psutil.Process().memory_info().rss
    t0 = time.perf_counter()
    g = graph_from_records(pairs)
    build_s = time.perf_counter() - t0
    graph_mb = (psutil.Process().memory_info().rss - rss0) / 2**20
    out = {"documents": len(pairs), "nodes": g.number_of_nodes(), "relationships": g.number_of_edges(),
           "build_seconds": build_s, "graph_rss_mb": graph_mb,
           "nodes_by_label": count_labels(g), "relationships_by_type": count_types(g)}
    del pairs
    base = Path(graph)
    # Best of three: a save or load of a small graph takes a fraction of a
    # second, and one slow run would make the growth from N to 10×N meaningless.
    for fmt in ("pickle", "json"):
        path = base.with_suffix("." + fmt)
        times = []
        for _ in range(_REPEATS):
            t0 = time.perf_counter()
            save_graph(g, path)
            times.append(time.perf_counter() - t0)
        out[f"save_{fmt}_seconds"] = min(times)
        out[f"{fmt}_mb"] = path.stat().st_size / 1e6
    del g
    gc.collect()
    for fmt in ("pickle", "json"):
        times = []
        for _ in range(_REPEATS):
            t0 = time.perf_counter()
            h = load_graph(base.with_suffix("." + fmt))
            times.append(time.perf_counter() - t0)
            assert h.number_of_edges() == out["relationships"]
            del h
            gc.collect()
        out[f"load_{fmt}_seconds"] = min(times)
    out["maxrss_mb"] = _maxrss_mb()
    return out


def required_values(query, graph) -> list[dict]:
    """Parameter sets for a query: defaults, and for required parameters the
    best-connected values of the graph (the slowest typical case)."""
    from kg.query.catalog import param_choices

    values: dict[str, list] = {}
    for p in query.params:
        if not p.required:
            continue
        if isinstance(p.choices, tuple):
            values[p.name] = list(p.choices[:5])
        elif isinstance(p.choices, str):
            choices = set(param_choices(graph, p.choices))
            degree = {}
            for n, attrs in graph.nodes(data=True):
                for key in ("name", "canonical", "title", "category", "doc_id"):
                    if attrs.get(key) in choices:
                        degree[attrs[key]] = max(degree.get(attrs[key], 0), graph.degree(n))
            values[p.name] = sorted(choices, key=lambda v: -degree.get(v, 0))[:5]
        else:
            return []
        if not values[p.name]:
            return []
    if not values:
        return [{}]
    return [{k: v[i % len(v)] for k, v in values.items()} for i in range(5)]


def fill_questions(questions: list[str], graph) -> list[str]:
    """Fill ``{unit}``, ``{slogan}``, ``{material}`` with the graph's best-connected such node.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("Organization:市妇联", label="Organization", name="市妇联")
    >>> fill_questions(["{unit}开展了哪些活动？"], g)
    ['市妇联开展了哪些活动？']
    """
    best = {}
    for slot, (label, prop) in {"unit": ("Organization", "name"), "slogan": ("Slogan", "canonical"),
                                "material": ("Material", "name")}.items():
        nodes = [(graph.degree(n), str(a.get(prop))) for n, a in graph.nodes(data=True)
                 if a.get("label") == label and a.get(prop)]
        if nodes:
            best[slot] = max(nodes, key=lambda x: (x[0], x[1]))[1]
    out = []
    for q in questions:
        try:
            out.append(q.format(**best))
        except KeyError:
            continue
    return out


BUDGET_SECONDS = 60.0


def _latency(fn, runs: int, budget: float = BUDGET_SECONDS) -> dict:
    """p50/p95 over ``runs`` calls after a warm-up; a very slow query stops
    after ``budget`` seconds (at least 3 runs) and says how many it made."""
    t0 = time.perf_counter()
    fn()  # warm-up: the first call compiles the plan
    first_ms = (time.perf_counter() - t0) * 1000
    times = []
    started = time.perf_counter()
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        if len(times) >= 3 and time.perf_counter() - started > budget:
            break
    return {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95), "max_ms": max(times),
            "runs": len(times), "first_ms": first_ms}


def step_queries(graph: str, runs: int, questions: list[str]) -> dict:
    """p50/p95 of every canned query and of each question over ``runs`` runs."""
    from kg.query.catalog import load_catalog, run_canned
    from kg.query.engines import get_engine
    from kg.store import load_graph

    t0 = time.perf_counter()
    g = load_graph(graph)
    load_s = time.perf_counter() - t0
    try:  # the query database the build wrote beside the graph file, as the CLI and the app open it
        from kg.query.database import open_query_database
    except ImportError:  # a program from before it: the engine copies the graph in
        open_query_database = None
    t0 = time.perf_counter()
    engine = open_query_database(graph) if open_query_database else get_engine("networkx", g)
    engine_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    if open_query_database is None:
        get_engine("networkx", g)
    engine_again_s = time.perf_counter() - t0
    canned = {}
    for qid, query in sorted(load_catalog().items()):
        sets = required_values(query, g)
        if not sets:
            canned[qid] = {"skipped": "a required parameter has no value in this graph"}
            continue
        cycle = iter(range(10**9))

        def call(query=query, sets=sets, cycle=cycle):
            params = sets[next(cycle) % len(sets)]
            return run_canned(query, engine, params)

        try:
            canned[qid] = _latency(call, runs)
            canned[qid]["rows"] = len(call()[0].rows)
        except Exception as err:  # a failing query is a finding of the benchmark, not a crash
            canned[qid] = {"error": f"{type(err).__name__}: {err}"}
    questions = fill_questions(questions, g)
    asked = {}
    try:
        from kg.query.ask import ask
    except ImportError:
        ask = None
    first_ask_s = None
    if ask is not None:
        t0 = time.perf_counter()
        ask(questions[0], engine)  # builds the question vocabulary once per engine
        first_ask_s = time.perf_counter() - t0
        for q in questions:
            try:
                answer = ask(q, engine)
                asked[q] = _latency(lambda q=q: ask(q, engine), runs)
                asked[q].update(query=answer.query_id if hasattr(answer, "query_id") else None,
                                fallback=bool(getattr(answer, "fallback", False)),
                                rows=len(answer.result.rows) if getattr(answer, "result", None) else 0)
            except Exception as err:  # a failing question is a finding, not a crash
                asked[q] = {"error": f"{type(err).__name__}: {err}"}
    return {"graph_load_seconds": load_s, "engine_load_seconds": engine_s,
            "engine_cached_seconds": engine_again_s, "first_question_seconds": first_ask_s, "canned": canned,
            "questions": asked if ask is not None else None, "maxrss_mb": _maxrss_mb()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.steps")
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("throughput")
    p.add_argument("paths", nargs="+")
    p.add_argument("--pred")
    p.add_argument("--max-mb", type=float)
    p = sub.add_parser("build")
    p.add_argument("paths", nargs="+")
    p.add_argument("--graph", required=True)
    p.add_argument("--jobs", type=int, default=None)
    p = sub.add_parser("graph")
    p.add_argument("paths", nargs="+")
    p.add_argument("--pred", required=True)
    p.add_argument("--graph", required=True)
    p = sub.add_parser("queries")
    p.add_argument("--graph", required=True)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--questions", default=str(Path(__file__).resolve().parents[1] / "data" / "bench" / "questions.txt"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    if args.step == "throughput":
        result = step_throughput(args.paths, args.pred, args.max_mb)
    elif args.step == "build":
        result = step_build(args.paths, args.graph, args.jobs)
    elif args.step == "graph":
        result = step_graph(args.paths, args.pred, args.graph)
    else:
        from kg.lexicon import read_wordlist

        questions = [e.word for e in read_wordlist(args.questions)]
        result = step_queries(args.graph, args.runs, questions)
    sys.stdout.write(orjson.dumps(result).decode() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
