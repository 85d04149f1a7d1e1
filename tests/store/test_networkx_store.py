"""The NetworkX graph file (kg/store/networkx_store.py): round trip, atomic writes, versions."""
from __future__ import annotations

import os

import pytest
from tests.graph_helpers import fixture_pairs, graph_facts

from kg.errors import GraphError, StoreError
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

    with pytest.raises(StoreError, match=r"g\.pickle: cannot write: disk full"):
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


# What each older format lacked: the summary properties, then the unit filter's names.
_ADDED_AFTER = {1: ("n_activities", "n_metrics", "categories", "slogans", "filter_names"), 2: ("filter_names",)}


@pytest.mark.parametrize("version", sorted(_ADDED_AFTER))
@pytest.mark.parametrize("name", ["g.pickle", "g.json"])
def test_an_older_format_graph_is_brought_up_to_date_on_load(tmp_path, g, name, version):
    old = g.copy()
    for _, d in old.nodes(data=True):
        for key in _ADDED_AFTER[version]:
            d.pop(key, None)
    old.graph["schema_version"] = version
    path = save_graph(old, tmp_path / name)
    if name.endswith(".pickle") and version == 1:
        data = path.read_bytes()
        path.write_bytes(MAGIC + b"1" + data[data.index(b"\n"):])
    back = load_graph(path)
    assert graph_facts(back) == graph_facts(g)
    assert back.graph["schema_version"] == g.graph["schema_version"] == 3


def test_loading_pauses_the_cyclic_gc_and_restores_it(tmp_path, monkeypatch):
    import gc

    from kg.graph import new_graph
    from kg.store import load_graph, save_graph

    g = new_graph()
    g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    from kg.store.networkx_store import _DataUnpickler

    seen = []
    monkeypatch.setattr(_DataUnpickler, "load",
                        lambda self, _load=_DataUnpickler.load: seen.append(gc.isenabled()) or _load(self))
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


# --- A graph file is data, never code (crafted files with real payloads) ---------------------------

def _payloads(marker):
    """Pickles that create ``marker`` when plain ``pickle`` loads them: each a way code rides in a pickle."""
    import copyreg
    import pickle
    import subprocess
    from pathlib import Path

    import networkx as nx

    class System:
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    class Subprocess:
        def __reduce__(self):
            return subprocess.call, (["touch", str(marker)],)

    class Eval:
        def __reduce__(self):
            return eval, (f"open({str(marker)!r}, 'w').close()",)

    class AnyCallable:  # __reduce__ to any callable at all, here a method
        def __reduce__(self):
            return Path.touch, (Path(marker),)

    class InsideAGraph:  # a payload tucked into a node's properties of a real graph
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    graph = nx.MultiDiGraph()
    graph.add_node("Slogan:x", label="Slogan", canonical=InsideAGraph())
    out = {
        "os.system": pickle.dumps(System(), protocol=pickle.HIGHEST_PROTOCOL),
        "subprocess.call": pickle.dumps(Subprocess(), protocol=pickle.HIGHEST_PROTOCOL),
        "eval": pickle.dumps(Eval(), protocol=pickle.HIGHEST_PROTOCOL),
        "a method": pickle.dumps(AnyCallable(), protocol=pickle.HIGHEST_PROTOCOL),
        "protocol 0 text": f"cos\nsystem\n(S'touch {marker}'\ntR.".encode(),
        "inside a graph": pickle.dumps((graph.graph, graph._node, graph._succ, graph._pred)),
    }
    copyreg.add_extension("os", "system", 0x7FF0)  # the extension registry: another way to name a global
    try:
        out["copyreg extension"] = pickle.dumps(System(), protocol=2)
    finally:
        copyreg.remove_extension("os", "system", 0x7FF0)
    return out


PAYLOAD_NAMES = ["os.system", "subprocess.call", "eval", "a method", "protocol 0 text", "inside a graph",
                 "copyreg extension"]


@pytest.mark.parametrize("name", PAYLOAD_NAMES)
def test_a_crafted_graph_file_is_refused_and_runs_nothing(tmp_path, name):
    import copyreg
    import pickle

    marker = tmp_path / "owned"
    payload = _payloads(marker)[name]
    copyreg.add_extension("os", "system", 0x7FF0)
    try:
        pickle.loads(payload)  # the payload is real: plain pickle runs it
    finally:
        copyreg.remove_extension("os", "system", 0x7FF0)
    assert marker.exists()
    marker.unlink()
    for header in (MAGIC + b"1\n", b"KG-GRAPH pickle 2\n"):
        path = tmp_path / "evil.pickle"
        path.write_bytes(header + payload)
        with pytest.raises(GraphError, match=r"evil\.pickle: (refused|a graph file of an older kg)"):
            load_graph(path)
        assert not marker.exists()


def test_an_old_object_pickle_is_refused_with_a_note_not_loaded(tmp_path, g):
    import pickle

    from kg.errors import OldGraphFormat

    path = tmp_path / "graph.pickle"
    path.write_bytes(b"KG-GRAPH pickle 2\n" + pickle.dumps(g))
    with pytest.raises(OldGraphFormat, match="older kg .*rebuild"):
        load_graph(path)


def test_the_data_file_names_no_class_at_all(tmp_path, g):
    import pickletools

    data = save_graph(g, tmp_path / "g.pickle").read_bytes()
    ops = {op.name for op, _, _ in pickletools.genops(data.partition(b"\n")[2])}
    assert not ops & {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "NEWOBJ", "NEWOBJ_EX", "REDUCE", "BUILD",
                      "EXT1", "EXT2", "EXT4", "PERSID", "BINPERSID"}


def test_a_data_file_with_the_wrong_shape_is_corrupt_not_a_crash(tmp_path):
    import pickle

    path = tmp_path / "g.pickle"
    for state in ([1, 2], ({}, {"a": {}}, {}, {}), ({}, {}, {}, [])):
        path.write_bytes(MAGIC + b"1\n" + pickle.dumps(state))
        with pytest.raises(GraphError, match="corrupt"):
            load_graph(path)


@pytest.mark.parametrize("command", [["export", "out.jsonl"], ["query", "--cypher", "MATCH (n:Slogan) RETURN n.id"],
                                     ["ask", "哪些单位开展了读书班"], ["build", "reports"]])
def test_every_command_refuses_a_crafted_graph_file(tmp_path, capsys, monkeypatch, command):
    from kg.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text("市妇联学习汇报\n市妇联开展读书班。\n", encoding="utf-8")
    marker = tmp_path / "owned"
    (tmp_path / "evil.pickle").write_bytes(MAGIC + b"1\n" + _payloads(marker)["os.system"])
    code = main([*command, "--graph", "evil.pickle"])
    err = capsys.readouterr().err
    assert code == 2 and "evil.pickle: refused" in err and "Traceback" not in err
    assert not marker.exists()


def test_a_reader_never_sees_a_half_written_file(tmp_path, g):
    import threading

    small = g.copy()
    small.remove_nodes_from([n for n in list(small) if not n.startswith("Document:")])
    path = save_graph(small, tmp_path / "g.pickle")
    sizes = {small.number_of_nodes(), g.number_of_nodes()}
    stop = threading.Event()

    def writer():
        while not stop.is_set():
            for graph in (g, small):
                save_graph(graph, path)

    t = threading.Thread(target=writer)
    t.start()
    try:
        seen = {load_graph(path).number_of_nodes() for _ in range(200)}
    finally:
        stop.set()
        t.join()
    assert seen <= sizes
    assert sorted(os.listdir(tmp_path)) == ["g.pickle", "g.pickle.digest"]  # no temp file left
