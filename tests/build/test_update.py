"""Incremental builds (kg/build/update.py) on small files, with a fixed-vocabulary extractor
so the bookkeeping is tested apart from the real extraction."""
from __future__ import annotations

import os

from tests.graph_helpers import doc_facts, graph_facts, vocab_extract

import kg.build.update
from kg.build import update_graph
from kg.extract import DEFAULT_EXTRACTORS, Pipeline
from kg.extract.base import register
from kg.graph import new_graph


def build(folder, g=None, **kw):
    g = new_graph() if g is None else g
    return g, update_graph(g, [folder], extract_fn=vocab_extract, **kw)


def test_first_build_adds_every_document(corpus):
    g, s = build(corpus)
    assert sorted(s.added) == ["a", "b", "c"] and not s.errors
    assert s.nodes["Document"] == 3 and s.relationships["MENTIONS"] > 0


def test_unchanged_rebuild_reports_no_change(corpus):
    g, _ = build(corpus)
    before = graph_facts(g)
    _, s = build(corpus, g)
    assert s.changes == 0 and s.files_read == 0 and sorted(s.unchanged) == ["a", "b", "c"]
    assert graph_facts(g) == before


def test_editing_one_file_changes_only_its_facts(corpus):
    g, _ = build(corpus)
    others = {d: doc_facts(g, d) for d in ("a", "c")}
    (corpus / "b.txt").write_text("县委学习计划\n县委开展第一议题学习。\n", encoding="utf-8")
    _, s = build(corpus, g)
    assert s.updated == ["b"] and not s.added and not s.removed and s.files_read == 1
    assert {d: doc_facts(g, d) for d in ("a", "c")} == others
    assert g.nodes["Organization:市委党校"]["doc_ids"] == ["a"]
    fresh, _ = build(corpus)
    assert graph_facts(g)[1] == graph_facts(fresh)[1]
    assert {n for n, _ in graph_facts(g)[0]} == {n for n, _ in graph_facts(fresh)[0]}


def test_a_file_that_breaks_loses_its_facts_and_is_read_again_next_time(corpus):
    g, _ = build(corpus)
    others = {d: doc_facts(g, d) for d in ("a", "c")}
    (corpus / "b.txt").write_bytes(b"\x00\x01binary now\x00")
    _, s = build(corpus, g)
    assert s.removed == ["b"] and [p for p, _ in s.errors] == [str(corpus / "b.txt")]
    assert "Document:b" not in g and {d: doc_facts(g, d) for d in ("a", "c")} == others
    _, again = build(corpus, g)
    assert again.files_read == 1 and again.errors and not again.removed


def test_prune_removes_documents_of_deleted_files(corpus):
    g, _ = build(corpus)
    (corpus / "c.txt").unlink()
    _, s = build(corpus, g)
    assert s.changes == 0 and "Document:c" in g
    _, s = build(corpus, g, prune=True)
    assert s.removed == ["c"] and "Document:c" not in g and "Organization:市卫生健康委" not in g
    fresh, _ = build(corpus)
    assert graph_facts(g)[1] == graph_facts(fresh)[1]


def test_parallel_extraction_gives_the_same_graph(corpus):
    g1, _ = build(corpus, jobs=1)
    g2, _ = build(corpus, jobs=2)
    assert graph_facts(g1) == graph_facts(g2)
    assert g1.graph["files"] == g2.graph["files"]


def test_a_bad_file_is_reported_and_the_rest_built(corpus):
    (corpus / "broken.pdf").write_bytes(b"not a pdf at all")
    g, s = build(corpus)
    assert sorted(s.added) == ["a", "b", "c"]
    assert [p for p, _ in s.errors] == [str(corpus / "broken.pdf")]
    assert "broken.pdf" in s.format()
    (_, problem), = s.errors
    assert "broken.pdf" not in problem and problem  # the path is said once, beside the problem


def test_changed_lexicon_files_rebuild_everything(corpus, monkeypatch):
    g, _ = build(corpus)
    before = graph_facts(g)
    monkeypatch.setattr(kg.build.update, "rules_digest", lambda directory=None: "another")
    _, s = build(corpus, g)
    assert sorted(s.updated) == ["a", "b", "c"] and not s.added and s.files_read == 3
    assert graph_facts(g) == before


def _pipeline_with_a_raising_extractor(doc):
    @register("test_build_raises")
    def raises(ctx):
        if ctx.doc.doc_id == "b":
            raise ValueError("a rule choked")
        return []

    return Pipeline(extractors=("test_build_raises", *DEFAULT_EXTRACTORS)).extract_document(doc)


def _raises_on_one_document(doc):
    if doc.doc_id == "b":
        raise RecursionError("maximum recursion depth exceeded")
    return vocab_extract(doc)


def test_a_raising_extractor_is_an_error_line_and_nothing_else_is_lost(corpus):
    g = new_graph()
    s = update_graph(g, [corpus], extract_fn=_pipeline_with_a_raising_extractor, jobs=1)
    assert sorted(s.added) == ["a", "b", "c"]
    assert [(os.path.basename(p), e) for p, e in s.errors] == [
        ("b.txt", "b: extractor test_build_raises failed: ValueError: a rule choked")]
    assert "b" in g.nodes["Organization:县委"]["doc_ids"]
    assert "Organization:市卫生健康委" in g


def test_a_document_whose_extraction_raises_is_an_error_line_and_the_build_goes_on(corpus):
    g = new_graph()
    s = update_graph(g, [corpus], extract_fn=_raises_on_one_document, jobs=1)
    assert sorted(s.added) == ["a", "c"]
    assert [(os.path.basename(p), e) for p, e in s.errors] == [
        ("b.txt", "b: RecursionError: maximum recursion depth exceeded")]


def test_the_sentence_that_once_crashed_extraction_builds(tmp_path):
    (tmp_path / "r.txt").write_text("共青团XX市委与市卫生健康委联合举办读书班1期。\n", encoding="utf-8")
    g = new_graph()
    s = update_graph(g, [tmp_path], jobs=1)
    assert s.added == ["r"] and not s.errors
    assert {"Organization:共青团市委", "Organization:市卫生健康委"} <= set(g)
