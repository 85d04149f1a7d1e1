"""Extraction as a map step (kg/build/scaleout.py): its output builds the same graph as the build."""
import pytest

from bench.corpus import write_corpus
from kg.build import build_graph
from kg.build.scaleout import extract_partition, extract_with_dask, graph_from_jsonl


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("scaleout")
    write_corpus(out, 10, seed=8)
    return sorted((out / "files").iterdir())


def _graph_of_files(files):
    return build_graph(files, jobs=1)


def test_partition_output_builds_the_same_graph_as_build(small_corpus, tmp_path):
    part = tmp_path / "part-0.jsonl"
    part.write_text("\n".join(extract_partition(map(str, small_corpus))) + "\n", encoding="utf-8")
    g = graph_from_jsonl([part])
    expected = _graph_of_files(small_corpus)
    assert set(g.nodes) == set(expected.nodes)
    assert set(g.edges(keys=True)) == set(expected.edges(keys=True))


def test_a_bad_file_is_a_line_not_a_failure(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    lines = list(extract_partition([str(bad)]))
    assert len(lines) == 1 and '"error"' in lines[0]


def test_dask_map_partitions_on_one_machine(small_corpus, tmp_path):
    pytest.importorskip("dask.bag", reason="dask is the optional scale-out engine")
    parts = extract_with_dask(small_corpus, tmp_path / "out", partitions=3, scheduler="synchronous")
    assert len(parts) >= 2  # dask may merge small partitions
    g = graph_from_jsonl(parts)
    expected = _graph_of_files(small_corpus)
    assert set(g.nodes) == set(expected.nodes)
    assert set(g.edges(keys=True)) == set(expected.edges(keys=True))
