"""Two texts of one canned query, taking turns on the query database of a graph file.

    .venv/bin/python bench/compare_query_texts.py GRAPH OLD.cypher NEW.cypher [--runs 20] [--unfiltered]

Opens GRAPH's query database (as ``kg query`` does), takes the ``unit``
parameter from the five units named in most documents (``--unfiltered``: the
defaults, all units, for a query whose unit is optional), and runs the
two files in turn (the first turn alternating), ``--runs`` times each. Prints
p50 / p95 in milliseconds and whether both give the same rows (lists
compared sorted: ``collect`` has no order).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import percentile  # noqa: E402


def _comparable(rows: list[list]) -> list[list]:
    return [[sorted(map(str, v)) if isinstance(v, list) else v for v in row] for row in rows]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph")
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--unfiltered", action="store_true", help="no unit given: the query's defaults")
    args = ap.parse_args()

    from kg.query.catalog import parse_query_file, run_canned
    from kg.errors import QueryTimeout
    from kg.query.database import open_query_database

    engine = open_query_database(args.graph)
    texts = {"old": parse_query_file(args.old), "new": parse_query_file(args.new)}
    units = engine.run_columns("MATCH (o:Organization) RETURN o.name AS u, size(o.doc_ids) AS n "
                               "ORDER BY n DESC, u LIMIT 5")["u"]
    times: dict[str, list[float]] = {"old": [], "new": []}
    timeouts = {"old": 0, "new": 0}
    same, compared = True, 0
    for k in range(args.runs):
        params = {"unit": units[k % len(units)]} if any(p.name == "unit" for p in texts["old"].params) else {}
        if args.unfiltered:
            params = {}
        rows = {}
        for name in (("old", "new") if k % 2 == 0 else ("new", "old")):
            t0 = time.perf_counter()
            try:
                result, _ = run_canned(texts[name], engine, params)
            except QueryTimeout:  # the engine's 10 s: a finding, counted apart from the timed runs
                timeouts[name] += 1
                continue
            times[name].append((time.perf_counter() - t0) * 1000)
            rows[name] = _comparable(result.rows)
        if len(rows) == 2:
            same &= rows["old"] == rows["new"]
            compared += 1
    for name, ms in times.items():
        figures = f"p50 {statistics.median(ms):.1f} ms, p95 {percentile(ms, 95):.1f} ms" if ms else "no run finished"
        late = f", {timeouts[name]} of {args.runs} runs stopped at the engine's timeout" if timeouts[name] else ""
        print(f"{name}: {figures}{late} ({Path(getattr(args, name)).name})")
    print(f"same rows: {same} ({compared} runs where both finished)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
