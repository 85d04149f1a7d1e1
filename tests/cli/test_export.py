"""python -m kg export (kg/cli/export.py): each format by name or by the file's extension."""
from __future__ import annotations

import argparse

import pytest
from tests.graph_helpers import fixture_pairs

from kg.cli import export
from kg.errors import ConfigError
from kg.graph import graph_from_records
from kg.store import save_graph
from kg.store.jsonl import read_jsonl


@pytest.fixture()
def g():
    return graph_from_records(fixture_pairs())


def test_export_cli_writes_each_format(tmp_path, g):
    graph_file = save_graph(g, tmp_path / "g.pickle")
    p = argparse.ArgumentParser()
    export.add_arguments(p)
    for fmt, out in [("graphml", "g.graphml"), ("jsonl", "g.jsonl"), ("cypher", "g.cypher"), ("neo4j-admin", "csv")]:
        assert export.run(p.parse_args([str(tmp_path / out), "--format", fmt, "--graph", str(graph_file)])) == 0
    assert read_jsonl(tmp_path / "g.jsonl").number_of_nodes() == g.number_of_nodes()
    assert (tmp_path / "csv" / "README.md").exists()
    assert export.run(p.parse_args([str(tmp_path / "x.graphml"), "--graph", str(graph_file)])) == 0


def test_export_cli_refuses_a_file_name_that_names_no_format(tmp_path, g):
    graph_file = save_graph(g, tmp_path / "g.pickle")
    p = argparse.ArgumentParser()
    export.add_arguments(p)
    with pytest.raises(ConfigError, match="--format"):
        export.run(p.parse_args([str(tmp_path / "out.txt"), "--graph", str(graph_file)]))
