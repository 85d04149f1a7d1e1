"""Fixtures for the query tests: the hand-made graph and its ladybug engine."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "graph" / "small_graph.py"


def _load_fixture_module():
    spec = importlib.util.spec_from_file_location("kg_test_small_graph", _FIXTURE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def small_graph():
    return _load_fixture_module().build_small_graph()


@pytest.fixture(scope="session")
def small_engine(small_graph):
    from kg.query.ladybug_engine import get_ladybug_engine

    return get_ladybug_engine(small_graph)
