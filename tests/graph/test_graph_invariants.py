"""Graph invariants on the sample corpus and ../shared/corpus, with the real ingest and extraction."""
from __future__ import annotations

import argparse
import shutil

import pytest
from tests.graph_helpers import doc_facts, graph_facts

from kg.build import build_graph, update_graph
from kg.graph import OrgResolver, default_resolver, new_graph
from kg.graph.relative import unscope_org_name
from kg.graph.schema import NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES, TEXT_RELATIONSHIPS

pytestmark = pytest.mark.slow


def check_invariants(g) -> None:
    docs = {n: d for n, d in g.nodes(data=True) if d["label"] == "Document"}
    assert docs
    for u, v, k, d in g.edges(keys=True, data=True):
        assert (g.nodes[u]["label"], g.nodes[v]["label"]) in REL_ENDPOINTS[d["type"]], (u, v, d)
        assert set(d) - {"type"} <= set(REL_PROPERTIES[d["type"]]) and d["key"] == k
        assert f"Document:{d['doc_id']}" in docs
        if d["type"] in TEXT_RELATIONSHIPS:
            text = docs[f"Document:{d['doc_id']}"]["text"]
            assert d["evidence"] and text[d["start"]:d["end"]] == d["evidence"], (u, v, k)
    spellings = {}
    for n, d in g.nodes(data=True):
        assert set(d) - {"label"} <= set(NODE_PROPERTIES[d["label"]]), n
        if d["label"] in ("Organization", "Slogan", "Material"):
            assert d["doc_ids"], n
        if d["label"] == "Organization":
            for s in [d["name"], *d["aliases"]]:
                assert s not in spellings, f"{s!r} names both {spellings.get(s)} and {n}"
                spellings[s] = n
    check_relative_names_stay_in_their_documents(g)


def check_relative_names_stay_in_their_documents(g) -> None:
    """A relative name (局党组, 办公室) is qualified by its reporting unit or kept in one document."""
    rel = default_resolver().relative
    for n, d in g.nodes(data=True):
        if d["label"] != "Organization":
            continue
        if rel.is_relative(unscope_org_name(d["name"])):
            assert d.get("scope") and d["doc_ids"] == [d["scope"]], (n, d["doc_ids"])
        else:
            assert not d.get("scope"), n
    for u, v, d in g.edges(data=True):
        if d["type"] == "MENTIONS" and g.nodes[v]["label"] == "Organization" and g.nodes[v].get("scope"):
            assert g.nodes[v]["scope"] == d["doc_id"], (u, v)


@pytest.fixture(scope="module")
def samples_graph(samples_dir):
    g = new_graph()
    summary = update_graph(g, [samples_dir], jobs=1)
    return g, summary


def test_samples_build_and_hold_the_invariants(samples_graph):
    g, summary = samples_graph
    assert summary.added and summary.nodes["Organization"] > 5 and summary.relationships["CONDUCTED"] > 5
    check_invariants(g)


def test_samples_share_no_relative_name_across_documents(samples_graph, samples_dir):
    g, _ = samples_graph
    check_relative_names_stay_in_their_documents(g)
    rel = default_resolver().relative
    # Without the table the samples do share relative names (支部, 学习小组 …) across reports.
    naive = build_graph([samples_dir], jobs=1, resolver=OrgResolver.from_files(relative_path=None))
    shared = {d["name"] for _, d in naive.nodes(data=True)
              if d["label"] == "Organization" and rel.is_relative(d["name"]) and len(d["doc_ids"]) > 1}
    assert shared
    for name in shared:
        assert f"Organization:{name}" not in g


def test_ids_are_stable_across_builds(samples_graph, samples_dir):
    assert graph_facts(build_graph([samples_dir], jobs=1)) == graph_facts(samples_graph[0])


def test_parallel_build_is_identical(samples_graph, samples_dir):
    assert graph_facts(build_graph([samples_dir], jobs=2)) == graph_facts(samples_graph[0])


def test_unchanged_rebuild_and_one_edited_file(samples_dir, tmp_path):
    folder = tmp_path / "samples"
    shutil.copytree(samples_dir, folder)
    g = new_graph()
    update_graph(g, [folder], jobs=1)
    again = update_graph(g, [folder], jobs=1)
    assert again.changes == 0 and again.files_read == 0
    target = sorted(folder.glob("*.txt"))[0]
    edited_docs = set(g.graph["files"][str(target.resolve())]["doc_ids"])
    others = {d: doc_facts(g, d) for entry in g.graph["files"].values() for d in entry["doc_ids"]
              if d not in edited_docs}
    text = target.read_text(encoding="utf-8")
    target.write_text(text.rstrip("\n") + "\n全体党员开展集中学习3次，深刻领悟“两个确立”。\n", encoding="utf-8")
    s = update_graph(g, [folder], jobs=1)
    now = set(g.graph["files"][str(target.resolve())]["doc_ids"])
    assert s.files_read == 1 and set(s.updated) | set(s.added) == now and set(s.removed) <= edited_docs
    assert {d: doc_facts(g, d) for d in others} == others
    check_invariants(g)


def test_build_cli_on_the_shared_corpus(shared_dir, tmp_path, capsys):
    from kg.cli import build

    p = argparse.ArgumentParser()
    build.add_arguments(p)
    graph_file = tmp_path / "g.pickle"
    assert build.run(p.parse_args([str(shared_dir / "corpus"), "--graph", str(graph_file), "--jobs", "1",
                                   "--no-progress"])) == 0
    out = capsys.readouterr().out
    assert "33 added" in out and "nodes:" in out
    from kg.store import load_graph

    g = load_graph(graph_file)
    check_invariants(g)
    assert build.run(p.parse_args([str(shared_dir / "corpus"), "--graph", str(graph_file), "--jobs", "1",
                                   "--no-progress"])) == 0
    assert "0 added, 0 updated, 33 unchanged, 0 removed" in capsys.readouterr().out
