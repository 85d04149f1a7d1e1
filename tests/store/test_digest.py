"""The graph file's digest: recorded by every save, trusted only while the file is the one written."""
from __future__ import annotations

import os

import pytest

from kg.errors import StoreError
from kg.graph.build import new_graph
from kg.store import digest as digests
from kg.store.digest import digest_path, file_digest, graph_digest, recorded_digest, recording_digest
from kg.store.networkx_store import save_graph, write_atomically


@pytest.fixture
def g():
    g = new_graph()
    g.add_node("Slogan:四个意识", label="Slogan", canonical="四个意识")
    return g


@pytest.mark.parametrize("name", ["g.pickle", "g.json"])
def test_every_save_path_records_the_digest_of_the_bytes_written(tmp_path, g, name):
    path = save_graph(g, tmp_path / name)
    assert recorded_digest(path) == file_digest(path)
    assert digest_path(path).is_file()


def test_a_new_save_records_a_new_digest(tmp_path, g):
    path = save_graph(g, tmp_path / "g.pickle")
    first = recorded_digest(path)
    g.add_node("Slogan:四敢争先", label="Slogan", canonical="四敢争先")
    save_graph(g, path)
    assert recorded_digest(path) not in (None, first)
    assert recorded_digest(path) == file_digest(path)


def test_a_file_replaced_by_other_means_has_no_recorded_digest(tmp_path, g):
    path = save_graph(g, tmp_path / "g.pickle")
    other = save_graph(new_graph(), tmp_path / "other.pickle")
    os.replace(other, path)  # e.g. a colleague's graph copied over: same name, other bytes
    assert recorded_digest(path) is None
    assert graph_digest(path) == file_digest(path)  # hashed once …
    assert recorded_digest(path) == file_digest(path)  # … and recorded


def test_a_failed_write_leaves_no_digest_rather_than_a_wrong_one(tmp_path, g):
    path = save_graph(g, tmp_path / "g.pickle")

    def chunks():
        yield b"KG-GRAPH data 1\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(StoreError, match="g.pickle"):  # the file system's refusal, naming the file
        with recording_digest(path) as tap:
            write_atomically(path, tap(chunks()))
    assert not digest_path(path).exists()
    assert graph_digest(path) == file_digest(path)


@pytest.mark.parametrize("content", [b"", b"not json", b'{"algorithm": "md5", "digest": "x"}', b"[1, 2]"])
def test_a_damaged_sidecar_is_ignored(tmp_path, g, content):
    path = save_graph(g, tmp_path / "g.pickle")
    digest_path(path).write_bytes(content)
    assert recorded_digest(path) is None
    assert graph_digest(path) == file_digest(path)


def test_an_unwritable_sidecar_only_costs_a_hash_later(tmp_path, g, monkeypatch, caplog):
    def refuse(self, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(digests.Path, "write_bytes", refuse)
    path = save_graph(g, tmp_path / "g.pickle")
    assert "cannot record the digest" in caplog.text
    monkeypatch.undo()
    assert recorded_digest(path) is None and graph_digest(path) == file_digest(path)
