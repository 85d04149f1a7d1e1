"""kg/query/sandbox.py: layers (b) no file access and (c) time and memory limits, each tested with the others off.

Layer (a), the parse-tree allow-list, is tests/query/test_guard.py; here it is
off (``guard=False``) unless a test says otherwise, so what is shown is what
the worker itself holds against a query the guard would never let through.
"""
from __future__ import annotations

import pytest

from kg.errors import QueryError, QueryTimeout, WriteQueryRefused
from kg.query.ladybug_engine import LadybugEngine
from kg.query.sandbox import SandboxedEngine, landlock_available

needs_landlock = pytest.mark.skipif(not landlock_available(), reason="Landlock (Linux >= 5.13) is not available here")


@pytest.fixture(scope="module")
def db_path(small_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("sandbox") / "graph.ladybug"
    LadybugEngine(small_graph, path=path).close()
    return path


@pytest.fixture(scope="module")
def confined_only(db_path):
    engine = SandboxedEngine(db_path=db_path, guard=False, memory_mb=None)  # layer (b) alone
    yield engine
    engine.close()


def test_reading_queries_run_in_the_worker(confined_only, small_engine):
    q = "MATCH (o:Organization) RETURN o.name ORDER BY o.name"
    assert confined_only.run(q).rows == small_engine.run(q).rows
    assert confined_only.worker_pid is not None


@needs_landlock
def test_b_the_worker_cannot_read_files(confined_only, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n", encoding="utf-8")
    assert confined_only.confined
    with pytest.raises(QueryError, match="Cannot open file .*secret.csv: Permission denied"):
        confined_only.run(f"LOAD FROM '{secret}' (file_format='csv', header=false) RETURN *")


@needs_landlock
def test_b_the_worker_cannot_write_or_create_files(confined_only, tmp_path):
    existing = tmp_path / "keep.csv"
    existing.write_text("precious\n", encoding="utf-8")
    for target in (tmp_path / "new.csv", existing):
        with pytest.raises(QueryError, match="Permission denied"):
            confined_only.run(f"COPY (MATCH (o:Organization) RETURN o.name) TO '{target}'")
    assert not (tmp_path / "new.csv").exists() and existing.read_text(encoding="utf-8") == "precious\n"


def test_b_the_database_is_read_only(confined_only):
    with pytest.raises(QueryError, match="read-only"):
        confined_only.run("CREATE NODE TABLE Evil(id STRING, PRIMARY KEY(id))")


def test_without_the_confinement_the_same_query_reads_the_file(db_path, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("hunter2\n", encoding="utf-8")
    engine = SandboxedEngine(db_path=db_path, guard=False, memory_mb=None, confine=False)
    try:
        rows = engine.run(f"LOAD FROM '{secret}' (file_format='csv', header=false) RETURN *").rows
    finally:
        engine.close()
    assert rows == [["hunter2"]]  # what layer (b) takes away


def test_c_memory_limit_stops_a_query_that_builds_a_huge_value(small_graph):
    engine = SandboxedEngine(small_graph, guard=False, confine=False, memory_mb=3072)  # layer (c) alone: 1 GiB for the database
    try:
        for query in ("RETURN size(range(1, 1000000000))", "UNWIND range(1, 1000000000) AS x RETURN count(x)"):
            with pytest.raises(QueryError, match="ran out of its memory"):
                engine.run(query, timeout=60)
        assert engine.run("MATCH (s:Slogan) RETURN count(s)").rows  # and the worker still answers
    finally:
        engine.close()


def test_c_the_worker_is_killed_at_the_timeout_and_replaced(small_graph):
    # One expression the engine's own (cooperative) timeout does not interrupt: 300 million list items
    # (seconds of work even on a fast machine; killed long before it has used much memory).
    query = "RETURN size(range(1, 300000000))"
    engine = SandboxedEngine(small_graph, guard=False, confine=False, memory_mb=None)
    try:
        first = engine.run("RETURN 1").rows and engine.worker_pid
        with pytest.raises(QueryTimeout, match="stopped after 0.2 s"):
            engine.run(query, timeout=0.2)
        assert engine.worker_pid is None  # ended, not left running
        assert engine.run("RETURN 1").rows == [[1]] and engine.worker_pid != first
    finally:
        engine.close()


def test_a_the_guard_runs_before_anything_reaches_the_worker(small_graph):
    engine = SandboxedEngine(small_graph, confine=False, memory_mb=None)  # layer (a) alone
    with pytest.raises(WriteQueryRefused):
        engine.run("COPY (RETURN 1) TO '/tmp/x.csv'")
    assert engine.worker_pid is None  # refused before a worker was even started
    engine.close()


def test_closing_ends_the_worker(small_graph):
    import os

    engine = SandboxedEngine(small_graph)
    engine.run("RETURN 1")
    pid = engine.worker_pid
    engine.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
