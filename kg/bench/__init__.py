"""Benchmarks at scale: a synthetic corpus with planted truth, and the harness.

``python -m kg.bench.corpus --docs N --seed S OUT/`` writes a corpus;
``python -m kg.bench`` measures throughput, build, graph, queries,
incremental rebuild and accuracy over it (docs/benchmarks.md).
"""
__all__: list[str] = []
