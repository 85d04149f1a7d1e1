"""How long a question at the length limit takes to answer, against a short one (issue 12: "linear up to it").

    .venv/bin/python bench/bench_question_length.py [GRAPH] [--runs 1]

GRAPH defaults to data/samples built into a temporary file. The question
layer is built first (its vocabulary is read from the graph once per
engine, not counted); then a 50-character and a 500-character question are
each analysed and answered ``--runs`` times (one by default), taking turns.
The table gives the best time of the analysis (``Asker.match_intent``: the
patterns and entity spotting, the part that grew with the square of the
length before the limit) and of the whole answer (analysis, then the canned
query it picked, which differs with what the question names), and the
analysis time per character (µs). The same question ends both; before it, the
long one carries context naming units, years and activities, the kind of
text that made the old patterns slow.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

QUESTION = "市妇联和市税务局在2023年开展了哪些读书班？"
CONTEXT = ("为了对照各单位的做法，先说明一下背景：市统计局、县税务局党委、区团委和市卫生健康委"
           "都在2022年和2024年组织过集中学习与调查研究，")


def make_question(length: int) -> str:
    """A question of exactly ``length`` characters: context before the one real question."""
    if length <= len(QUESTION):
        return QUESTION[:length]
    room = length - len(QUESTION)
    context = (CONTEXT * (room // len(CONTEXT) + 1))[:room]
    return context + QUESTION


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", nargs="?", help="graph file (default: data/samples built into a temp file)")
    parser.add_argument("--runs", type=int, default=1, help="answers per question (best kept)")
    parser.add_argument("--lengths", default="50,500", help="question lengths in characters")
    args = parser.parse_args(argv)

    from kg.query.ask import MAX_QUESTION_CHARS, Asker
    from kg.query.engines import get_engine
    from kg.store import load_graph

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.graph) if args.graph else Path(tmp) / "graph.pickle"
        if not args.graph:
            from kg.build import build_store

            build_store([REPO / "data" / "samples"], graph_path=path, jobs=1)
        asker = Asker(get_engine("networkx", load_graph(path)))  # vocabulary and intents, once per engine
        lengths = [int(n) for n in args.lengths.split(",")]
        if max(lengths) > MAX_QUESTION_CHARS:
            parser.error(f"a question over {MAX_QUESTION_CHARS} characters is refused unanalysed; nothing to time")
        analysis: dict[int, float] = {}
        whole: dict[int, float] = {}
        answers = {}
        for _ in range(args.runs):
            for n in lengths:
                question = make_question(n)
                assert len(question) == n
                started = time.perf_counter()
                asker.match_intent(question)
                analysis[n] = min(analysis.get(n, float("inf")), time.perf_counter() - started)
                started = time.perf_counter()
                answers[n] = asker.ask(question)
                whole[n] = min(whole.get(n, float("inf")), time.perf_counter() - started)
    print(f"{'characters':>10} {'analysis s':>10} {'answer s':>9} {'analysis µs/char':>16}  answered by")
    for n in lengths:
        a = answers[n]
        print(f"{n:>10} {analysis[n]:>10.4f} {whole[n]:>9.4f} {analysis[n] * 1e6 / n:>16.1f}  "
              f"{a.query_id or 'fallback'}: {a.summary[:30]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
