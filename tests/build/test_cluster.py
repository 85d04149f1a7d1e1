"""Extraction on a Dask cluster (kg/build/cluster.py): a real LocalCluster of worker processes over TCP.

The graph must be the one ``--jobs 1`` makes, with the same incremental
rules and the same error lines; a worker killed mid-build loses nothing.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
from tests.graph_helpers import graph_facts, vocab_extract

import kg.build.cluster
from bench.corpus import change_files, write_corpus
from kg.build import build_store, file_sha256
from kg.build.cluster import extract_on_worker, open_cluster
from kg.build.workers import FileResult, extract_file
from kg.errors import ClusterError, ConfigError
from kg.extract import extract_document
from kg.store import load_graph


def _graph(path):
    return graph_facts(load_graph(path))


def _raises_on_b(doc):
    if doc.doc_id == "b.txt":
        raise RecursionError("maximum recursion depth exceeded")
    return vocab_extract(doc)


def test_a_synthetic_corpus_builds_the_graph_of_jobs_1_incrementally(dask_cluster, tmp_path):
    # 60 documents in about 30 files, two files a task and at most eight files out at once: the
    # results come back over several windows, in whatever order the workers finish, and must be
    # applied in file order. The small rule extractor on both sides: what is tested is the order
    # and the incremental rules (the real extraction on a cluster is tested below and in
    # tests/cli/test_build.py).
    write_corpus(tmp_path / "corpus", 60, seed=5)
    files = tmp_path / "corpus" / "files"
    local, remote = tmp_path / "local.pickle", tmp_path / "cluster.pickle"
    dask_cluster.chunk, dask_cluster.window = 2, 8
    try:
        s1 = build_store([files], graph_path=local, jobs=1, extract_fn=vocab_extract)
        seen = []
        s2 = build_store([files], graph_path=remote, extractor=dask_cluster, progress=seen.append,
                         extract_fn=vocab_extract)
        assert s2.files_read == s1.files_read == len(seen) > 3 * 8
        assert s2.added == s1.added and s2.errors == s1.errors  # in the same order: applied in file order
        assert _graph(remote) == _graph(local)

        changed = change_files(tmp_path / "corpus", 0.1)
        (files / max(set(os.listdir(files)) - set(changed))).unlink()
        s1 = build_store([files], graph_path=local, jobs=1, prune=True, extract_fn=vocab_extract)
        s2 = build_store([files], graph_path=remote, extractor=dask_cluster, prune=True, extract_fn=vocab_extract)
    finally:
        dask_cluster.chunk = dask_cluster.window = None
    assert s2.files_read == len(changed) == s1.files_read  # unchanged files are not sent
    assert s2.removed and sorted(s2.removed) == sorted(s1.removed)
    assert _graph(remote) == _graph(local)
    assert load_graph(remote).graph["files"] == load_graph(local).graph["files"]


def test_a_failing_file_is_its_own_error_line_as_locally(dask_cluster, corpus, tmp_path):
    (corpus / "broken.pdf").write_bytes(b"not a pdf at all")
    s1 = build_store([corpus], graph_path=tmp_path / "l.pickle", jobs=1, extract_fn=_raises_on_b)
    s2 = build_store([corpus], graph_path=tmp_path / "c.pickle", extractor=dask_cluster, extract_fn=_raises_on_b)
    assert sorted(s2.added) == ["a.txt", "c.txt"] and s2.errors == s1.errors
    assert [os.path.basename(p) for p, _ in s2.errors] == ["b.txt", "broken.pdf"]
    assert _graph(tmp_path / "c.pickle") == _graph(tmp_path / "l.pickle")


def test_a_cluster_build_into_neo4j_holds_the_graph_of_a_local_build(dask_cluster, samples_dir, tmp_path,
                                                                     empty_neo4j):
    from tests.store.neo4j_helpers import expected_state, neo4j_state

    conn = vars(empty_neo4j.settings)
    s = build_store([samples_dir], store="neo4j", graph_path=tmp_path / "c.pickle", neo4j=conn,
                    extractor=dask_cluster)
    assert s.added and "documents loaded" in s.target
    build_store([samples_dir], graph_path=tmp_path / "l.pickle", jobs=1)
    local = load_graph(tmp_path / "l.pickle")
    assert neo4j_state(empty_neo4j.driver, empty_neo4j.settings.database) == expected_state(local)


def test_a_cluster_build_takes_the_graph_files_write_lock(dask_cluster, corpus, tmp_path):
    from kg.errors import GraphBusy
    from kg.store.lock import graph_write_lock

    seen = []
    with graph_write_lock(tmp_path / "g.pickle"):  # another build is writing this graph file
        with pytest.raises(GraphBusy):
            build_store([corpus], graph_path=tmp_path / "g.pickle", extractor=dask_cluster, progress=seen.append)
    assert not seen and not (tmp_path / "g.pickle").exists()


def test_workers_on_other_rules_are_refused_before_any_work(dask_cluster, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build.cluster, "rules_digest", lambda directory=None: "another version")
    with pytest.raises(ClusterError, match="runs other extraction rules") as err:
        build_store([corpus], graph_path=tmp_path / "g.pickle", extractor=dask_cluster)
    assert "tcp://127.0.0.1:" in str(err.value)
    assert not (tmp_path / "g.pickle").exists()


def test_a_worker_elsewhere_reads_relative_paths_under_the_builds_folder(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    expected = extract_file("reports/a.txt", file_sha256("reports/a.txt"))
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    job = ("reports/a.txt", file_sha256(corpus / "a.txt"))
    got = extract_on_worker(job, None, str(corpus.parent))
    assert got == expected and got.docs[0][0]["source"] == "reports/a.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_one_error_naming_it():
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(ClusterError) as err:
        with open_cluster(address, timeout=1):
            pass
    assert str(err.value).startswith(f"cannot reach the Dask scheduler at {address}")
    assert "\n" not in str(err.value)


def test_without_the_extra_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConfigError, match=r"pip install \"dask\[distributed\]"):
        with open_cluster("local:1"):
            pass


# A cluster whose workers die: its own, so the session's cluster is not disturbed.

def _trace(event: str, doc_id: str) -> None:
    with open(os.environ["KG_TEST_TRACE"], "a", encoding="utf-8") as fh:
        fh.write(f"{event} {os.getpid()} {doc_id}\n")


def traced_extract(doc) -> dict:
    """The real extraction, slowed a little and written down, so a kill lands inside a file's work."""
    _trace("start", doc.doc_id)
    time.sleep(0.1)
    record = extract_document(doc)
    _trace("end", doc.doc_id)
    return record


def crashes_on_b(doc) -> dict:
    if doc.doc_id == "b.txt":
        os._exit(3)  # what a crash in a C library or the kernel's OOM killer does to a worker
    return vocab_extract(doc)


@pytest.fixture(scope="module")
def fragile_cluster(tmp_path_factory):
    pytest.importorskip("distributed", reason="dask.distributed is the optional cluster extra")
    import dask

    trace = tmp_path_factory.mktemp("trace") / "trace.txt"
    trace.touch()
    old = os.environ.get("KG_TEST_TRACE")
    os.environ["KG_TEST_TRACE"] = str(trace)  # the worker processes inherit it
    try:
        # A file whose worker dies twice is given up on (the default, 3, costs more restarts).
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            with open_cluster("local:2", timeout=60) as extractor:
                yield extractor, trace
    finally:
        if old is None:
            os.environ.pop("KG_TEST_TRACE", None)
        else:
            os.environ["KG_TEST_TRACE"] = old


def _open_starts(trace, pids) -> list[tuple[int, str]]:
    """(pid, doc_id) of documents a worker has started and not finished."""
    open_ = {}
    for line in trace.read_text(encoding="utf-8").splitlines():
        event, pid, doc_id = line.split(" ", 2)
        if int(pid) in pids:
            if event == "start":
                open_[int(pid)] = doc_id
            else:
                open_.pop(int(pid), None)
    return sorted(open_.items())


def test_a_worker_killed_mid_build_loses_nothing(fragile_cluster, tmp_path):
    extractor, trace = fragile_cluster
    write_corpus(tmp_path / "corpus", 40, seed=11)
    files = tmp_path / "corpus" / "files"
    pids = set(extractor.client.run(os.getpid).values())
    killed = []

    def kill_one_worker_at_the_first_result(_result) -> None:
        if killed:
            return
        for _ in range(200):  # until a worker is inside a document (0.1 s of every one), at most 10 s
            busy = _open_starts(trace, pids)
            if busy:
                break
            time.sleep(0.05)
        pid, doc_id = busy[0]
        os.kill(pid, signal.SIGKILL)
        killed.append((pid, doc_id))

    seen = []
    summary = build_store([files], graph_path=tmp_path / "c.pickle", extractor=extractor,
                          extract_fn=traced_extract, progress=lambda r: (seen.append(r.path),
                                                                         kill_one_worker_at_the_first_result(r)))
    expected = build_store([files], graph_path=tmp_path / "l.pickle", jobs=1)
    (pid, doc_id), = killed
    again = [line for line in trace.read_text(encoding="utf-8").splitlines()
             if line.startswith("start ") and line.endswith(f" {doc_id}") and f" {pid} " not in line]
    assert again, f"{doc_id} was not extracted again after its worker {pid} was killed"
    assert sorted(seen) == sorted(set(seen)) and len(seen) == expected.files_read  # each file once
    assert not summary.errors and summary.errors == expected.errors
    assert _graph(tmp_path / "c.pickle") == _graph(tmp_path / "l.pickle")


def test_a_chunk_that_finished_keeps_its_results_whatever_happens_to_its_worker_after():
    """Seen in the test below, now and then: the worker was killed just after its chunk's results
    were fetched, the future went back to pending, and the build read the results as an error."""
    extractor = kg.build.cluster.ClusterExtractor(None, "tcp://127.0.0.1:1")
    fetched = [FileResult("a.txt", "0" * 64)]
    assert extractor._results(fetched, [("a.txt", "0" * 64, "a.txt")]) is fetched
    failed = extractor._results((ValueError, ValueError("bad bytes"), None), [("a.txt", "0" * 64, "a.txt")])
    assert [r.errors for r in failed] == [["ValueError: bad bytes"]]
    with pytest.raises(ClusterError, match="dropped a.txt"):
        extractor._results(Exception("cancelled"), [("a.txt", "0" * 64, "a.txt")])


def test_a_cluster_left_without_workers_stops_the_build_with_the_reason(tmp_path):
    # Before, the build waited for a worker that would never come (seen when every worker had died).
    # One worker without a nanny, killed at the first result: nothing starts it again.
    distributed = pytest.importorskip("distributed", reason="dask.distributed is the optional cluster extra")
    write_corpus(tmp_path / "corpus", 12, seed=3)
    with distributed.LocalCluster(n_workers=0, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address,
                                   "--no-nanny", "--nthreads", "1", "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            client.wait_for_workers(1, timeout=120)
            extractor = kg.build.cluster.ClusterExtractor(client, cluster.scheduler_address, timeout=2, chunk=1,
                                                          window=2)

            def kill_the_worker(_result) -> None:
                if worker.poll() is None:
                    worker.kill()
                    worker.wait()

            with pytest.raises(ClusterError, match=r"has had no worker for 2 s with \d+ file\(s\) still to extract"):
                build_store([tmp_path / "corpus" / "files"], graph_path=tmp_path / "g.pickle", extractor=extractor,
                            progress=kill_the_worker)
        finally:
            worker.kill()
            worker.wait()
    assert not (tmp_path / "g.pickle").exists()


def test_a_file_that_kills_every_worker_is_that_files_error_line(fragile_cluster, corpus, tmp_path):
    extractor, _ = fragile_cluster
    extractor.chunk = 3  # all three in one task: the others must come through when it is split
    try:
        s = build_store([corpus], graph_path=tmp_path / "g.pickle", extractor=extractor, extract_fn=crashes_on_b)
    finally:
        extractor.chunk = None
    assert sorted(s.added) == ["a.txt", "c.txt"]
    assert [(os.path.basename(p), e) for p, e in s.errors] == [
        ("b.txt", "every worker that extracted this file died (out of memory, or a crash in a library)")]
