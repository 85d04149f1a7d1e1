"""Incremental builds (kg/store/incremental.py) on small files, with a fixed-vocabulary extractor
so the bookkeeping is tested apart from the real extraction."""
from __future__ import annotations

import os
import time

import pytest
from tests.graph_helpers import doc_facts, graph_facts, vocab_extract

from kg.graph import new_graph
from kg.store import build_store, load_graph, update_graph

TEXTS = {
    "a.txt": "市委党校学习汇报\n市委党校开展集中学习，深刻领悟“两个确立”。\n县委组织部参加。\n",
    "b.txt": "县委学习计划\n县委开展第一议题学习。\n邀请市委党校专家授课。\n",
    "c.txt": "市卫健委工作汇报\n市卫健委开展主题党日，增强“四个意识”。\n",
}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


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


def test_build_store_saves_and_reloads(corpus, tmp_path):
    path = tmp_path / "out" / "graph.pickle"
    s1 = build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract)
    assert path.exists() and s1.target == str(path)
    mtime = path.stat().st_mtime_ns
    s2 = build_store([corpus], graph_path=path, jobs=1, extract_fn=vocab_extract)
    assert s2.changes == 0 and path.stat().st_mtime_ns == mtime
    assert load_graph(path).number_of_nodes() == sum(s2.nodes.values())
    assert s2.to_dict()["nodes"]["Document"] == 3


def test_changed_lexicon_files_rebuild_everything(corpus, monkeypatch):
    import kg.store.incremental as inc

    g, _ = build(corpus)
    before = graph_facts(g)
    monkeypatch.setattr(inc, "rules_digest", lambda directory=None: "another")
    _, s = build(corpus, g)
    assert sorted(s.updated) == ["a", "b", "c"] and not s.added and s.files_read == 3
    assert graph_facts(g) == before


def _file_jobs(folder, n: int, text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """``n`` small report files and their ``(path, sha256)`` extraction jobs."""
    from kg.store.incremental import file_sha256

    paths = []
    for k in range(n):
        path = folder / f"{k:02d}.txt"
        path.write_text(f"第{k}份报告。{text}", encoding="utf-8")
        paths.append(str(path))
    return paths, [(p, file_sha256(p)) for p in paths]


def _slow_pid_extract(doc) -> dict:
    time.sleep(0.01)
    return {"doc_id": doc.doc_id, "pid": os.getpid()}


def test_parallel_extraction_shares_work_with_the_main_process_and_keeps_order(tmp_path):
    from kg.store.incremental import extract_files

    paths, jobs = _file_jobs(tmp_path, 40, "市妇联开展集中学习。")
    results = list(extract_files(jobs, workers=2, extract_fn=_slow_pid_extract))
    assert [r.path for r in results] == paths
    pids = {record["pid"] for r in results for _, record in r.docs}
    assert os.getpid() in pids and len(pids) == 2  # the main process took chunks, one worker the rest


def _traced_extract(doc) -> dict:
    time.sleep(0.01)
    with open(os.environ["KG_TEST_TRACE"], "a", encoding="utf-8") as fh:
        fh.write(doc.doc_id + "\n")
    return {"doc_id": doc.doc_id}


def test_an_abandoned_parallel_extraction_cancels_the_files_not_started(tmp_path, monkeypatch):
    from kg.store.incremental import extract_files

    trace = tmp_path / "trace.txt"
    monkeypatch.setenv("KG_TEST_TRACE", str(trace))
    paths, jobs = _file_jobs(tmp_path, 60, "")
    results = extract_files(jobs, workers=2, extract_fn=_traced_extract)
    first = next(results)
    results.close()  # the caller stops (an error, Ctrl-C): the pool shuts down without the rest
    assert first.path == paths[0]
    read = trace.read_text(encoding="utf-8").split()
    assert 0 < len(read) < 40, len(read)  # 20 chunks of 3: only those already under way were read


def _pipeline_with_a_raising_extractor(doc):
    from kg.extract import Pipeline
    from kg.extract.base import register
    from kg.extract.pipeline import DEFAULT_EXTRACTORS

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
