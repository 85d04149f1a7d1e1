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
