"""The benchmarks: not part of the installed ``kg`` package; run from the repository root.

At scale, a synthetic corpus with planted truth and the harness:
``python -m bench.corpus --docs N --seed S OUT/`` writes a corpus;
``python -m bench`` measures throughput, build, graph, queries,
incremental rebuild and accuracy over it (docs/benchmarks.md). Beside them,
scripts for one question each: ``bench/bench_extractors.py`` (extractors vs
jieba), ``bench/extract_throughput.py``, ``bench/bench_queries.py`` and
``bench/score_gold.py`` (the gold scores).
"""
__all__: list[str] = []
