"""The NetworkX graph file (kg/store/networkx_store.py): round trip, atomic writes, versions."""
from __future__ import annotations

import os

import pytest
from tests.graph_helpers import fixture_pairs, graph_facts

from kg.errors import GraphError
from kg.graph import graph_from_records
from kg.store.networkx_store import MAGIC, default_graph_path, load_graph, save_graph, write_atomically


@pytest.fixture()
def g():
    graph = graph_from_records(fixture_pairs())
    graph.graph["files"] = {"/x/a1.txt": {"sha256": "ab", "doc_ids": ["a1"], "source": "a1.txt"}}
    return graph


@pytest.mark.parametrize("name", ["g.pickle", "g.pkl", "g.json"])
def test_round_trip(tmp_path, g, name):
    back = load_graph(save_graph(g, tmp_path / name))
    assert graph_facts(back) == graph_facts(g)
    assert back.graph == g.graph
    assert back.is_multigraph() and back.is_directed()


def test_json_keeps_types(tmp_path, g):
    back = load_graph(save_graph(g, tmp_path / "g.json"))
    assert back.nodes["Metric:a1@44"]["value"] == 12.0
    assert back.nodes["Document:a1"]["year"] == 2023
    assert back.nodes["Organization:市委党校"]["doc_ids"] == ["a1", "c1"]


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, g):
    path = save_graph(g, tmp_path / "g.pickle")
    before = path.read_bytes()

    def chunks():
        yield b"KG-GRAPH pickle 1\n"
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomically(path, chunks())
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["g.pickle", "g.pickle.digest"]  # no temp file left


def test_unknown_version_is_refused(tmp_path, g):
    path = save_graph(g, tmp_path / "g.pickle")
    data = path.read_bytes()
    path.write_bytes(MAGIC + b"999" + data[data.index(b"\n"):])
    with pytest.raises(GraphError, match="version '999' is unknown"):
        load_graph(path)


def test_foreign_and_truncated_files_are_refused(tmp_path, g):
    path = tmp_path / "g.pickle"
    path.write_bytes(b"hello\nworld")
    with pytest.raises(GraphError, match="not a kg graph file"):
        load_graph(path)
    data = save_graph(g, path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(GraphError, match="corrupt"):
        load_graph(path)
    bad = tmp_path / "g.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(GraphError, match="corrupt"):
        load_graph(bad)


def test_missing_file(tmp_path):
    with pytest.raises(GraphError, match="python -m kg build"):
        load_graph(tmp_path / "none.pickle")
    assert load_graph(tmp_path / "none.pickle", missing_ok=True).number_of_nodes() == 0


def test_unknown_extension(tmp_path, g):
    with pytest.raises(GraphError, match=".pickle"):
        save_graph(g, tmp_path / "g.gml")


def test_default_path_follows_kg_graph(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_GRAPH", str(tmp_path / "mine.json"))
    assert default_graph_path() == tmp_path / "mine.json"
    monkeypatch.delenv("KG_GRAPH")
    assert default_graph_path().parts[-3:] == ("data", "graph", "graph.pickle")


def test_saved_files_follow_the_umask_not_mkstemps_private_mode(tmp_path):
    import os
    import stat

    from kg.store.networkx_store import write_atomically

    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "g.bin", [b"x"])
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "g.bin").stat().st_mode) == 0o644


@pytest.mark.parametrize("name", ["g.pickle", "g.json"])
def test_a_format_1_graph_is_brought_up_to_date_on_load(tmp_path, g, name):
    old = g.copy()
    for _, d in old.nodes(data=True):
        for key in ("n_activities", "n_metrics", "categories", "slogans"):
            d.pop(key, None)
    old.graph["schema_version"] = 1
    path = save_graph(old, tmp_path / name)
    if name.endswith(".pickle"):
        data = path.read_bytes()
        path.write_bytes(MAGIC + b"1" + data[data.index(b"\n"):])
    back = load_graph(path)
    assert graph_facts(back) == graph_facts(g)
    assert back.graph["schema_version"] == g.graph["schema_version"] == 2


def test_loading_pauses_the_cyclic_gc_and_restores_it(tmp_path, monkeypatch):
    import gc

    from kg.graph import new_graph
    from kg.store import load_graph, save_graph

    g = new_graph()
    g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    seen = []
    monkeypatch.setattr("kg.store.networkx_store.pickle.loads",
                        lambda payload, _loads=__import__("pickle").loads: seen.append(gc.isenabled()) or _loads(payload))
    path = save_graph(g, tmp_path / "g.pickle")
    assert gc.isenabled()
    assert load_graph(path).nodes["Slogan:四个意识"]["canonical"] == "四个意识"
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        load_graph(path)
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()
