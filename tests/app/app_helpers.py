"""Fixtures and helpers shared by the app tests (imported by each test module).

Not a conftest.py: a conftest in tests/app is imported under the bare name
``conftest`` before tests/conftest.py is collected for doctests, and the two
clash. Graph files are built once per test session (cached by the session's
temporary folder) and every test points the app at one through KG_GRAPH
(and KG_CORPUS), so no test writes into the repository's data/graph.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest
from streamlit.components.v2 import manifest_scanner

REPO = Path(__file__).resolve().parent.parent.parent
PAGES = ["app_pages/dashboard.py", "app_pages/queries.py", "app_pages/ask.py", "app_pages/plans.py", "app_pages/explorer.py",
         "app_pages/documents.py", "app_pages/data.py"]
TITLES = dict(zip(PAGES, ["总览", "查询", "提问", "计划与时间", "图谱", "文档", "数据"]))

__all__ = ["REPO", "PAGES", "TITLES", "texts", "metric_value", "sample_graph_file", "fixture_graph_file",
           "large_graph_file", "use_graph", "open_app"]


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def metric_value(at, label: str) -> int:
    """A KPI card's number; ``label`` may leave out what the card adds in brackets (活动（已开展）)."""
    card = next(m for m in at.metric if m.label == label or m.label.startswith(label + "（"))
    return int(str(card.value).replace(",", ""))


def _save(graph, path: Path) -> Path:
    from kg.graph.build import new_graph
    from kg.store.networkx_store import save_graph

    g = new_graph()
    g.update(graph)
    save_graph(g, path)
    return path


@functools.lru_cache(maxsize=None)
def _graph_file(kind: str, base: Path) -> Path:
    folder = base / f"app-{kind}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "graph.pickle"
    if kind == "samples":
        from kg.build import build_store

        build_store([REPO / "data" / "samples"], graph_path=path, jobs=1)
        return path
    if kind == "fixture":
        sys.path.insert(0, str(REPO / "tests" / "fixtures" / "graph"))
        try:
            from small_graph import build_small_graph
        finally:
            sys.path.pop(0)
        return _save(build_small_graph(), path)
    from kg.views.synthetic import make_synthetic_graph

    return _save(make_synthetic_graph(3000, n_units=40), path)


@pytest.fixture
def sample_graph_file(tmp_path_factory) -> Path:
    """data/samples built once per session with the real pipeline."""
    return _graph_file("samples", tmp_path_factory.getbasetemp())


@pytest.fixture
def fixture_graph_file(tmp_path_factory) -> Path:
    """tests/fixtures/graph/small_graph.py: the facts every expected row is worked out from."""
    return _graph_file("fixture", tmp_path_factory.getbasetemp())


@pytest.fixture
def large_graph_file(tmp_path_factory) -> Path:
    """A synthetic graph of 3,000 documents, to check nothing freezes."""
    return _graph_file("large", tmp_path_factory.getbasetemp())


@pytest.fixture
def use_graph(monkeypatch, tmp_path):
    """Point the app at a graph file (or at a fresh empty location with ``None``)."""

    def use(path: Path | None) -> None:
        monkeypatch.setenv("KG_GRAPH", str(path or tmp_path / "empty" / "graph.pickle"))
        monkeypatch.setenv("KG_CORPUS", "")

    return use


_SCAN_COMPONENT_MANIFESTS = manifest_scanner.scan_component_manifests


@functools.cache
def _component_manifests():
    return _SCAN_COMPONENT_MANIFESTS()


@pytest.fixture
def open_app(monkeypatch):
    """Run app.py on one page (the default one unless named), with these URL query parameters, in AppTest.

    Without the background warm-up of the canned queries (``KG_WARM_UP=0``): each test's graph would
    run all of them beside the test. The tests of the warm-up turn it back on. Each AppTest scans
    every installed package for Streamlit components (a quarter of a page run's time); the
    packages do not change during a session, so the scan is made once.
    """
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KG_WARM_UP", "0")
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", _component_manifests)

    def open_page(page: str | None = None, **query_params):
        # Straight to the page, as a deep link opens it: one run, not the dashboard first.
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=180)
        if page:
            at.switch_page(page)
        at.query_params.update(query_params)
        at.run()
        return at

    return open_page
