"""``build_store(..., store="neo4j")`` (kg/build/runner.py) on report files, against a real Neo4j 5:
a first load, an unchanged rebuild (0 changes by the server's counters), an incremental update and
a prune each leave exactly what a fresh load of the same graph leaves."""
from __future__ import annotations

import shutil

import pytest
from neo4j import exceptions as ne
from tests.graph_helpers import vocab_extract
from tests.store.neo4j_helpers import expected_state, neo4j_state

import kg.build.runner
from kg.build import build_store
from kg.store import load_graph
from kg.store.neo4j_store import LoadStats, count_in_neo4j, load_to_neo4j


def _state(target):
    return neo4j_state(target.driver, target.settings.database)


def _fresh_load_state(target, graph):
    """What loading ``graph`` into an empty database gives (the database is left that way)."""
    target.wipe()
    load_to_neo4j(graph, target.driver, target.settings, backoff=0)
    return _state(target)


@pytest.fixture()
def reports(tmp_path, samples_dir):
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in sorted(samples_dir.iterdir()):
        if path.suffix in (".txt", ".docx", ".pdf"):
            shutil.copy(path, folder)
    return folder


def test_first_load_unchanged_rebuild_update_and_prune_match_a_fresh_load(reports, tmp_path, empty_neo4j,
                                                                         monkeypatch):
    totals = []
    sync = kg.build.runner.sync_to_neo4j

    def counted(*args, **kw):  # the build's own sync, with the server's counters kept for the test
        totals.append(LoadStats())
        return sync(*args, stats=totals[-1], **kw)

    monkeypatch.setattr(kg.build.runner, "sync_to_neo4j", counted)
    graph_file = tmp_path / "graph.pickle"
    conn = vars(empty_neo4j.settings) | {"batch_size": 50}

    def build(**kw):
        return build_store([reports], store="neo4j", graph_path=graph_file, neo4j=conn, jobs=1, **kw)

    first = build()
    assert first.added and not first.errors
    g = load_graph(graph_file)
    assert _state(empty_neo4j) == expected_state(g)
    assert totals[-1].counters["nodes_created"] == g.number_of_nodes()

    again = build()
    assert not (again.added or again.updated or again.removed)
    assert totals[-1].changes == 0, totals[-1].counters
    assert _state(empty_neo4j) == expected_state(g)

    changed = sorted(reports.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("学习", "研学", 3), encoding="utf-8")
    update = build()
    assert update.updated and not update.added
    g = load_graph(graph_file)
    after_update = _state(empty_neo4j)
    assert after_update == expected_state(g)
    assert totals[-1].changes > 0

    for path in sorted(reports.glob("*.txt"))[-2:]:
        path.unlink()
    pruned = build(prune=True)
    assert pruned.removed
    g = load_graph(graph_file)
    after_prune = _state(empty_neo4j)
    assert after_prune == expected_state(g)
    assert after_prune == _fresh_load_state(empty_neo4j, g)


def test_build_store_closes_its_connection_and_says_what_it_loaded(reports, tmp_path, empty_neo4j, monkeypatch):
    opened = []
    connect = kg.build.runner.connect

    def tracked(settings):
        opened.append(connect(settings))
        return opened[-1]

    monkeypatch.setattr(kg.build.runner, "connect", tracked)
    s = build_store([reports], store="neo4j", graph_path=tmp_path / "g.pickle", neo4j=vars(empty_neo4j.settings),
                    jobs=1, extract_fn=vocab_extract)
    assert f"{len(s.added)} documents loaded" in s.target
    counts = count_in_neo4j(empty_neo4j.driver, empty_neo4j.settings)
    assert sum(counts["nodes"].values()) == sum(s.nodes.values())
    assert sum(counts["relationships"].values()) == sum(s.relationships.values())
    assert len(opened) == 1
    with pytest.raises(ne.DriverError, match="closed"):
        opened[0].verify_connectivity()
