"""Graph files for the app tests: the samples, the hand-made fixture graph, an empty one, a large one.

Every test points the app at a temporary graph file through KG_GRAPH (and
KG_CORPUS), so no test writes into the repository's data/graph.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app_helpers import REPO


def _save(graph, path: Path) -> Path:
    from kg.graph.build import new_graph
    from kg.store.networkx_store import save_graph

    g = new_graph()
    g.update(graph)
    save_graph(g, path)
    return path


@pytest.fixture(scope="session")
def sample_graph_file(tmp_path_factory, samples_dir) -> Path:
    """data/samples built once with the real pipeline."""
    from kg.store.incremental import build_store

    path = tmp_path_factory.mktemp("samples") / "graph.pickle"
    build_store([samples_dir], graph_path=path, jobs=1)
    return path


@pytest.fixture(scope="session")
def fixture_graph_file(tmp_path_factory) -> Path:
    """tests/fixtures/graph/small_graph.py: the facts every expected row is worked out from."""
    sys.path.insert(0, str(REPO / "tests" / "fixtures" / "graph"))
    try:
        from small_graph import build_small_graph
    finally:
        sys.path.pop(0)
    return _save(build_small_graph(), tmp_path_factory.mktemp("fixture") / "graph.pickle")


@pytest.fixture(scope="session")
def large_graph_file(tmp_path_factory) -> Path:
    from kg.views.synthetic import make_synthetic_graph

    return _save(make_synthetic_graph(3000, n_units=40), tmp_path_factory.mktemp("large") / "graph.pickle")


@pytest.fixture
def use_graph(monkeypatch, tmp_path):
    """Point the app at a graph file (or at a fresh empty location with ``None``)."""

    def use(path: Path | None) -> None:
        monkeypatch.setenv("KG_GRAPH", str(path or tmp_path / "empty" / "graph.pickle"))
        monkeypatch.setenv("KG_CORPUS", "")

    return use


@pytest.fixture
def open_app():
    """Run app.py (optionally switched to one page) in streamlit's AppTest."""
    from streamlit.testing.v1 import AppTest

    def open_page(page: str | None = None, **query_params):
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=180)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        if page:
            at.query_params.update(query_params)
            at.switch_page(page)
            at.run()
        return at

    return open_page
