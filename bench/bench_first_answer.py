"""The first answer a user meets after a build: the dashboard, the first ``kg query``, the first ``kg ask``.

    .venv/bin/python bench/bench_first_answer.py GRAPH [--vs OTHER_CHECKOUT [--vs-graph G2]] [--runs 5]

GRAPH is a graph file built by ``kg build`` with this checkout (so its query
database is beside it). With ``--vs`` the same figures are taken with another
checkout of the program (e.g. the code before a change, ``git worktree add``
or ``git archive | tar -x``) on its own build of the same corpus, the two
taking turns run by run so that a machine whose speed drifts slows both
alike; the ratio of medians is printed.

Each figure is a fresh process, as a user meets it:

* ``query``: ``python -m kg query units_by_activity`` from start to exit;
* ``ask``: ``python -m kg ask 哪些单位开展了读书班？`` from start to exit;
* ``dashboard``: the app's first page in a fresh Streamlit process
  (``streamlit.testing``), the script's run only (wall and CPU seconds of
  the script's thread; Streamlit's own start-up left out);
* ``dashboard after build``: the app already running on a small graph, the
  graph file replaced by the big one as a build replaces it, then the next
  render of the first page.

Before each run the copy of the graph that an older program kept next to it
(``GRAPH.ladybug`` and its stamp) is removed, so "first" means the first
query after a build for that program too.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERY = ["query", "units_by_activity", "--param", "category=读书班"]
QUESTION = ["ask", "哪些单位开展了读书班？"]


def _forget_old_copy(graph: Path) -> None:
    for p in (graph.with_name(graph.name + ".ladybug"), graph.with_name(graph.name + ".ladybug.stamp")):
        if p.is_file():
            p.unlink()


def _run_cli(code: Path, graph: Path, args: list[str]) -> dict:
    _forget_old_copy(graph)
    t0 = time.perf_counter()
    r0 = os.times()
    done = subprocess.run([sys.executable, "-m", "kg", *args, "--graph", str(graph)], cwd=code,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    r1 = os.times()
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{code}: kg {' '.join(args)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return {"wall": time.perf_counter() - t0,
            "cpu": (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)}


def _run_child(code: Path, graph: Path, what: str, small: Path | None = None) -> dict:
    _forget_old_copy(graph)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", what, "--code", str(code), str(graph)]
    if small:
        cmd += ["--small", str(small)]
    done = subprocess.run(cmd, cwd=code, capture_output=True, text=True)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"{code}: {what} failed: {done.stderr[-800:]}")
    return json.loads(lines[-1])


# ---- the child: one dashboard render, with the program of --code ----

def _time_script_runs():
    """Wall and CPU seconds of each run of the app's script, on the thread that runs it."""
    import streamlit.runtime.scriptrunner.script_runner as runner

    took = []
    original = runner.exec_func_with_error_handling

    def timed(func, ctx):
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            return original(func, ctx)
        finally:
            took.append({"wall": time.perf_counter() - t0, "cpu": time.thread_time() - c0})

    runner.exec_func_with_error_handling = timed
    return took


def _stage_graph(big: Path, folder: Path) -> list[tuple[Path, str]]:
    """Copies of the big graph's files under other names in ``folder``, as a build leaves them."""
    staged = []
    for p in big.parent.iterdir():
        if p == big or (p.name.startswith(big.name + ".") and not p.name.endswith(".tmp")):
            name = "graph.pickle" + p.name[len(big.name):]
            copy = folder / f"staged-{name}"
            shutil.copy2(p, copy)
            staged.append((copy, name))
    try:
        from kg.store.digest import digest_path, graph_digest
    except ImportError:  # a program that records no digest
        return staged
    copy = folder / "staged-graph.pickle"  # the record names the file's inode: make it the copy's (a rename keeps it)
    digest_path(copy).unlink(missing_ok=True)
    graph_digest(copy)
    return staged


def _child(what: str, graph: Path, small: Path | None) -> dict:
    from streamlit.testing.v1 import AppTest

    AppTest.from_string("import streamlit as st\nst.write('x')").run()  # Streamlit's own one-time set-up
    took = _time_script_runs()
    os.environ["KG_CORPUS"] = ""
    if what == "dashboard":
        os.environ["KG_GRAPH"] = str(graph)
        at = AppTest.from_file(str(Path.cwd() / "app.py"), default_timeout=900)
        at.run()
    else:  # dashboard after build: running on the small graph, then the big one replaces it
        folder = Path(tempfile.mkdtemp(prefix="kg-first-answer-"))
        for p in small.parent.iterdir():
            if p.name.startswith(small.name):
                shutil.copy2(p, folder / ("graph.pickle" + p.name[len(small.name):]))
        os.environ["KG_GRAPH"] = str(folder / "graph.pickle")
        at = AppTest.from_file(str(Path.cwd() / "app.py"), default_timeout=900)
        at.run()
        staged = _stage_graph(graph, folder)
        for copy, name in staged:
            os.replace(copy, folder / name)
        at.run()
        shutil.rmtree(folder)
    if at.exception:
        raise RuntimeError(at.exception)
    metrics = {m.label: m.value for m in at.metric}
    return {**took[-1], "documents": metrics.get("文档")}


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", type=Path)
    ap.add_argument("--vs", type=Path, metavar="CHECKOUT", help="another checkout of the program to compare with")
    ap.add_argument("--vs-graph", type=Path, help="the graph file that checkout built (default: GRAPH)")
    ap.add_argument("--small", type=Path, help="graph the running app shows before the build "
                                               "(default: none, the after-build figure is skipped)")
    ap.add_argument("--vs-small", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default="query,ask,dashboard,after", help="which figures (comma-separated)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--code", type=Path, default=REPO, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, str(args.code))
        print(json.dumps(_child(args.child, args.graph.resolve(), args.small and args.small.resolve())))
        return 0

    sides = {"this": (REPO, args.graph.resolve(), args.small)}
    if args.vs:
        sides["vs"] = (args.vs.resolve(), (args.vs_graph or args.graph).resolve(), args.vs_small or args.small)
    figures = {"query": lambda c, g, s: _run_cli(c, g, QUERY), "ask": lambda c, g, s: _run_cli(c, g, QUESTION),
               "dashboard": lambda c, g, s: _run_child(c, g, "dashboard"),
               "after": lambda c, g, s: _run_child(c, g, "after", s)}
    wanted = [f for f in args.only.split(",") if f in figures and (f != "after" or args.small)]
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs each, taking turns")
    for name in wanted:
        runs: dict[str, list[dict]] = {side: [] for side in sides}
        for k in range(args.runs):
            order = list(sides) if k % 2 == 0 else list(reversed(sides))
            for side in order:
                runs[side].append(figures[name](*sides[side]))
        line = [f"{name:10}"]
        for side, rs in runs.items():
            line.append(f"{side}: {_median(rs, 'wall'):.2f} s wall, {_median(rs, 'cpu'):.2f} s CPU "
                        f"(min {min(r['wall'] for r in rs):.2f}, max {max(r['wall'] for r in rs):.2f})")
        if "vs" in runs:
            line.append(f"ratio vs/this: {_median(runs['vs'], 'wall') / _median(runs['this'], 'wall'):.1f}× wall, "
                        f"{_median(runs['vs'], 'cpu') / _median(runs['this'], 'cpu'):.1f}× CPU")
        print("; ".join(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
