"""The query database beside the graph file: keyed by the graph's digest, opened read-only, never stale."""
from __future__ import annotations

import os

import pytest

from kg.errors import GraphError
from kg.query import database
from kg.query.database import database_path, open_query_database, write_query_database
from kg.store import load_graph, save_graph
from kg.store.digest import digest_path, file_digest, recorded_digest

COUNT = "MATCH (s:Slogan) RETURN count(s) AS n"


class CountingLoad:
    def __init__(self):
        self.calls = []

    def __call__(self, path):
        self.calls.append(path)
        return load_graph(path)


def databases(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".ladybug"))


def test_a_written_database_is_opened_without_loading_the_graph_and_refuses_writes(small_graph, tmp_path):
    path = save_graph(small_graph, tmp_path / "graph.pickle")
    written = write_query_database(small_graph, path)
    assert written == database_path(path, recorded_digest(path)) and written.is_file()
    load = CountingLoad()
    engine = open_query_database(path, load=load)
    assert load.calls == [] and engine.run(COUNT).rows == [[3]]
    with pytest.raises(RuntimeError, match="read-only"):
        engine._conn.execute("MATCH (n:Slogan) SET n.canonical = 'x'")  # past the guard: the database refuses
    engine.close()


def test_a_missing_database_is_written_once_from_the_graph_file(small_graph, tmp_path):
    path = save_graph(small_graph, tmp_path / "graph.pickle")
    load = CountingLoad()
    open_query_database(path, load=load).close()
    open_query_database(path, load=load).close()
    assert len(load.calls) == 1
    assert databases(tmp_path) == [database_path(path, recorded_digest(path)).name]


def test_a_changed_graph_file_never_meets_its_old_database(small_graph, tmp_path):
    path = save_graph(small_graph, tmp_path / "graph.pickle")
    write_query_database(small_graph, path)
    old = databases(tmp_path)
    changed = small_graph.copy()
    changed.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    other = save_graph(changed, tmp_path / "other.pickle")
    os.replace(other, path)  # replaced by other means: the recorded digest no longer holds
    os.unlink(digest_path(other))
    engine = open_query_database(path)
    assert engine.run(COUNT).rows == [[4]]
    assert databases(tmp_path) != old and len(databases(tmp_path)) == 1  # the stale copy is gone
    assert recorded_digest(path) == file_digest(path)


def test_a_rebuilt_graph_gets_a_new_database_and_the_old_one_goes(small_graph, tmp_path):
    path = save_graph(small_graph, tmp_path / "graph.pickle")
    write_query_database(small_graph, path)
    (tmp_path / "graph.pickle.ladybug").write_bytes(b"left by an older program")
    (tmp_path / "graph.pickle.ladybug.stamp").write_text("1:2:3")
    changed = small_graph.copy()
    changed.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    save_graph(changed, path)
    write_query_database(changed, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["graph.pickle", "graph.pickle.digest", database_path(path, recorded_digest(path)).name])
    assert open_query_database(path).run(COUNT).rows == [[4]]


def test_a_graph_without_a_recorded_digest_is_hashed_and_finds_its_database(small_graph, tmp_path):
    path = save_graph(small_graph, tmp_path / "graph.pickle")
    write_query_database(small_graph, path)
    os.unlink(digest_path(path))  # e.g. a graph file written by an older program
    load = CountingLoad()
    assert open_query_database(path, load=load).run(COUNT).rows == [[3]]
    assert load.calls == []


def test_a_damaged_database_is_written_again(small_graph, tmp_path):
    path = save_graph(small_graph, tmp_path / "graph.pickle")
    target = write_query_database(small_graph, path)
    target.write_bytes(b"\0" * 4096)
    assert open_query_database(path).run(COUNT).rows == [[3]]


def test_an_unwritable_folder_falls_back_to_memory(small_graph, tmp_path, monkeypatch, caplog):
    path = save_graph(small_graph, tmp_path / "graph.pickle")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(database.os, "replace", refuse)
    engine = open_query_database(path)
    assert engine.path == ":memory:" and engine.run(COUNT).rows == [[3]]
    assert "using memory" in caplog.text and databases(tmp_path) == []


def test_missing_graph_file_raises_the_store_error(tmp_path):
    with pytest.raises(GraphError, match="kg build"):
        open_query_database(tmp_path / "none.pickle")


@pytest.mark.parametrize("pipelined", [False, True])
def test_a_database_written_in_many_opens_holds_every_table(small_graph, tmp_path, monkeypatch, pipelined):
    from kg.query import ladybug_engine
    from kg.query.ladybug_engine import LadybugEngine

    monkeypatch.setattr(ladybug_engine, "_REOPEN_BYTES", 0)  # closed and opened again after every table
    path = save_graph(small_graph, tmp_path / "graph.pickle")
    write_query_database(small_graph, path, pipelined=pipelined)
    engine = open_query_database(path)
    in_memory = LadybugEngine(small_graph)
    for cypher in ("MATCH (n) RETURN count(n) AS n", "MATCH ()-[r]->() RETURN count(r) AS n",
                   "MATCH (o:Organization)-[:CONDUCTED]->(a:Activity) RETURN o.name AS unit, a.id AS act ORDER BY unit, act"):
        assert engine.run(cypher).rows == in_memory.run(cypher).rows
