"""Clean exits: a killed build's workers end with it, temp files go, a full disk is one line naming the file."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from bench.corpus import write_corpus
from kg.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    write_corpus(out, 400, seed=3)
    return out / "files"


def _start_build(corpus, graph):
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--graph", str(graph),
                             "--jobs", "2", "--no-progress"], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    parent = psutil.Process(proc.pid)
    for _ in range(600):  # until its extraction worker runs
        workers = parent.children(recursive=True)
        if workers:
            return proc, workers
        time.sleep(0.1)
    pytest.fail("the build started no worker")


def _gone(procs, wait=60.0):
    _, alive = psutil.wait_procs(procs, timeout=wait)
    return not alive


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_takes_its_workers_with_it(corpus, tmp_path, sig):
    proc, workers = _start_build(corpus, tmp_path / "graph.pickle")
    proc.send_signal(sig)
    proc.wait(60)
    assert _gone(workers), [w.pid for w in workers if w.is_running()]


def test_a_build_killed_while_saving_leaves_no_temp_file_for_long(tmp_path, corpus):
    from kg.build import build_store
    from tests.graph_helpers import vocab_extract

    graph = tmp_path / "graph.pickle"
    stale = tmp_path / ".graph.pickle.abc123.tmp"  # what a SIGKILL during a save leaves
    stale.write_bytes(b"x" * 1000)
    build_store([corpus / sorted(os.listdir(corpus))[0]], graph_path=graph, jobs=1, extract_fn=vocab_extract)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def _disk_full(monkeypatch):
    import kg.store.networkx_store as store

    real = store.os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(store.os, "fdopen", lambda fd, mode: Full(real(fd, mode)))


@pytest.mark.parametrize("command", ["build", "export"])
def test_a_full_disk_is_one_line_naming_the_file(tmp_path, capsys, monkeypatch, corpus, command):
    first = corpus / sorted(os.listdir(corpus))[0]
    graph = tmp_path / "graph.pickle"
    if command == "export":
        assert main(["build", str(first), "--graph", str(graph), "--jobs", "1", "--no-progress"]) == 0
        capsys.readouterr()
    _disk_full(monkeypatch)
    argv = (["build", str(first), "--graph", str(graph), "--jobs", "1", "--no-progress"] if command == "build"
            else ["export", str(tmp_path / "out.graphml"), "--graph", str(graph)])
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    target = "graph.pickle" if command == "build" else "out.graphml"
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert target in err and "the disk is full" in err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_extract_to_a_full_disk_is_one_line(capsys, corpus):
    first = corpus / sorted(os.listdir(corpus))[0]
    assert main(["extract", str(first), "-o", "/dev/full"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "kg extract: error: /dev/full: No space left on device"
