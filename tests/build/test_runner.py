"""build_store (kg/build/runner.py): the graph file saved once per change, Neo4j checked before extraction."""
from __future__ import annotations

import pytest
from tests.graph_helpers import vocab_extract

import kg.build.runner
from kg.build import build_store
from kg.errors import Neo4jUnavailable
from kg.store import load_graph


def test_build_store_saves_and_reloads(corpus, tmp_path):
    path = tmp_path / "out" / "graph.pickle"
    s1 = build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract)
    assert path.exists() and s1.target == str(path)
    mtime = path.stat().st_mtime_ns
    s2 = build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract)
    assert s2.changes == 0 and path.stat().st_mtime_ns == mtime
    assert load_graph(path).number_of_nodes() == sum(s2.nodes.values())
    assert s2.to_dict()["nodes"]["Document"] == 3


def test_build_store_into_neo4j_checks_the_server_before_extracting(corpus, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(kg.build.runner, "connect", lambda settings: (_ for _ in ()).throw(
        Neo4jUnavailable(f"cannot reach Neo4j at {settings.uri}")))
    with pytest.raises(Neo4jUnavailable):
        build_store([corpus], store="neo4j", graph_path=tmp_path / "g.pickle", neo4j={"uri": "neo4j://nowhere"},
                    extract_fn=vocab_extract, progress=calls.append)
    assert not calls and not (tmp_path / "g.pickle").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_build_store_writes_the_query_database_the_cli_opens(corpus, tmp_path, jobs):
    from kg.query.database import database_path, open_query_database
    from kg.store.digest import recorded_digest

    path = tmp_path / "graph.pickle"
    build_store([corpus], graph_path=path, jobs=jobs, extract_fn=vocab_extract)
    written = database_path(path, recorded_digest(path))
    assert written.is_file()

    def no_load(p):
        raise AssertionError("the build's database must be opened, not the graph loaded")

    engine = open_query_database(path, load=no_load)
    assert engine.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[3]]
    engine.close()
    (corpus / "extra.txt").write_text("市妇联开展读书班。", encoding="utf-8")
    build_store([corpus], graph_path=path, jobs=jobs, extract_fn=vocab_extract)
    assert not written.exists() and database_path(path, recorded_digest(path)).is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # nothing staged is left


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failed_save_installs_no_query_database(corpus, tmp_path, monkeypatch, jobs):
    path = tmp_path / "out" / "graph.pickle"
    path.parent.mkdir()

    def full_disk(g, p):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.build.runner, "save_graph", full_disk)
    with pytest.raises(OSError):
        build_store([corpus], graph_path=path, jobs=jobs, extract_fn=vocab_extract)
    assert [p.name for p in path.parent.iterdir()] == ["graph.pickle.lock"]  # the write lock's file, and nothing else


# --- One writer per graph file ------------------------------------------------------------------------

def _slow_extract(doc):
    import time

    time.sleep(0.15)  # long enough that two builds started together overlap
    return vocab_extract(doc)


def _two_folders(tmp_path, n=4):
    folders = []
    for side in ("left", "right"):
        folder = tmp_path / side
        folder.mkdir()
        for k in range(n):
            (folder / f"{side}{k}.txt").write_text(f"市委党校学习汇报{side}{k}\n市委党校开展集中学习。\n", encoding="utf-8")
        folders.append(folder)
    return folders


def test_two_builds_into_one_graph_file_at_once_keep_every_document(tmp_path):
    import threading

    path = tmp_path / "graph.pickle"
    folders = _two_folders(tmp_path)
    summaries, failures = [], []

    def run(folder):
        try:
            summaries.append(build_store([folder], graph_path=path, jobs=1, extract_fn=_slow_extract, wait=None))
        except Exception as err:  # noqa: BLE001 - reported by the assertion below
            failures.append(err)

    threads = [threading.Thread(target=run, args=(f,)) for f in folders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures and len(summaries) == 2
    docs = {d["doc_id"] for _, d in load_graph(path).nodes(data=True) if d.get("label") == "Document"}
    assert len(docs) == 8 and {d[:4] for d in docs} == {"left", "righ"}


def test_a_second_writer_fails_at_once_naming_the_first(tmp_path, corpus):
    import subprocess
    import sys

    from kg.errors import GraphBusy

    path = tmp_path / "graph.pickle"
    go = tmp_path / "release"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, pathlib\n"
         "from kg.store.lock import graph_write_lock\n"
         f"with graph_write_lock({str(path)!r}):\n"
         "    print('held', flush=True)\n"
         f"    while not pathlib.Path({str(go)!r}).exists(): time.sleep(0.05)\n"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(GraphBusy, match=rf"graph\.pickle is being built by PID {holder.pid} "):
            build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract)
        assert not path.exists()
        waited = []
        go.touch()
        s = build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract, wait=None, on_wait=waited.append)
        assert len(s.added) == 3
    finally:
        go.touch()
        holder.wait(timeout=60)


def test_a_killed_build_leaves_no_lock_behind(tmp_path, corpus):
    import signal
    import subprocess
    import sys

    path = tmp_path / "graph.pickle"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import time\nfrom kg.store.lock import graph_write_lock\n"
         f"with graph_write_lock({str(path)!r}):\n    print('held', flush=True)\n    time.sleep(600)\n"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=60)
    assert len(build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract).added) == 3


def test_an_old_object_pickle_is_rebuilt_with_a_note(tmp_path, corpus):
    import pickle

    path = tmp_path / "graph.pickle"
    marker = tmp_path / "owned"

    class Payload:
        def __reduce__(self):
            return open, (str(marker), "w")

    path.write_bytes(b"KG-GRAPH pickle 2\n" + pickle.dumps(Payload()))
    s = build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract)
    assert not marker.exists() and len(s.added) == 3
    assert s.notes and "older kg" in s.notes[0] and "note: " in s.format()
    assert load_graph(path).graph["files"]
