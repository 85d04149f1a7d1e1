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
    assert sorted(s.added) == ["a.txt", "b.txt", "c.txt"] and not s.errors
    assert s.nodes["Document"] == 3 and s.relationships["MENTIONS"] > 0


def test_unchanged_rebuild_reports_no_change(corpus):
    g, _ = build(corpus)
    before = graph_facts(g)
    _, s = build(corpus, g)
    assert s.changes == 0 and s.files_read == 0 and sorted(s.unchanged) == ["a.txt", "b.txt", "c.txt"]
    assert graph_facts(g) == before


def test_editing_one_file_changes_only_its_facts(corpus):
    g, _ = build(corpus)
    others = {d: doc_facts(g, d) for d in ("a.txt", "c.txt")}
    (corpus / "b.txt").write_text("县委学习计划\n县委开展第一议题学习。\n", encoding="utf-8")
    _, s = build(corpus, g)
    assert s.updated == ["b.txt"] and not s.added and not s.removed and s.files_read == 1
    assert {d: doc_facts(g, d) for d in ("a.txt", "c.txt")} == others
    assert g.nodes["Organization:市委党校"]["doc_ids"] == ["a.txt"]
    fresh, _ = build(corpus)
    assert graph_facts(g)[1] == graph_facts(fresh)[1]
    assert {n for n, _ in graph_facts(g)[0]} == {n for n, _ in graph_facts(fresh)[0]}


def test_a_file_that_breaks_loses_its_facts_and_is_read_again_next_time(corpus):
    g, _ = build(corpus)
    others = {d: doc_facts(g, d) for d in ("a.txt", "c.txt")}
    (corpus / "b.txt").write_bytes(b"\x00\x01binary now\x00")
    _, s = build(corpus, g)
    assert s.removed == ["b.txt"] and [p for p, _ in s.errors] == [str(corpus / "b.txt")]
    assert "Document:b.txt" not in g and {d: doc_facts(g, d) for d in ("a.txt", "c.txt")} == others
    _, again = build(corpus, g)
    assert again.files_read == 1 and again.errors and not again.removed


def test_prune_removes_documents_of_deleted_files(corpus):
    g, _ = build(corpus)
    (corpus / "c.txt").unlink()
    _, s = build(corpus, g)
    assert s.changes == 0 and "Document:c.txt" in g
    _, s = build(corpus, g, prune=True)
    assert s.removed == ["c.txt"] and "Document:c.txt" not in g and "Organization:市卫生健康委" not in g
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
    assert sorted(s.added) == ["a.txt", "b.txt", "c.txt"]
    assert [p for p, _ in s.errors] == [str(corpus / "broken.pdf")]
    assert "broken.pdf" in s.format()
    (_, problem), = s.errors
    assert "broken.pdf" not in problem and problem  # the path is said once, beside the problem


def test_changed_lexicon_files_rebuild_everything(corpus, monkeypatch):
    g, _ = build(corpus)
    before = graph_facts(g)
    monkeypatch.setattr(kg.build.update, "rules_digest", lambda directory=None: "another")
    _, s = build(corpus, g)
    assert sorted(s.updated) == ["a.txt", "b.txt", "c.txt"] and not s.added and s.files_read == 3
    assert graph_facts(g) == before


def _pipeline_with_a_raising_extractor(doc):
    @register("test_build_raises")
    def raises(ctx):
        if ctx.doc.doc_id == "b.txt":
            raise ValueError("a rule choked")
        return []

    return Pipeline(extractors=("test_build_raises", *DEFAULT_EXTRACTORS)).extract_document(doc)


def _raises_on_one_document(doc):
    if doc.doc_id == "b.txt":
        raise RecursionError("maximum recursion depth exceeded")
    return vocab_extract(doc)


def test_a_raising_extractor_is_an_error_line_and_nothing_else_is_lost(corpus):
    g = new_graph()
    s = update_graph(g, [corpus], extract_fn=_pipeline_with_a_raising_extractor, jobs=1)
    assert sorted(s.added) == ["a.txt", "b.txt", "c.txt"]
    assert [(os.path.basename(p), e) for p, e in s.errors] == [
        ("b.txt", "b.txt: extractor test_build_raises failed: ValueError: a rule choked")]
    assert "b.txt" in g.nodes["Organization:县委"]["doc_ids"]
    assert "Organization:市卫生健康委" in g


def test_a_document_whose_extraction_raises_is_an_error_line_and_the_build_goes_on(corpus):
    g = new_graph()
    s = update_graph(g, [corpus], extract_fn=_raises_on_one_document, jobs=1)
    assert sorted(s.added) == ["a.txt", "c.txt"]
    assert [(os.path.basename(p), e) for p, e in s.errors] == [
        ("b.txt", "b.txt: RecursionError: maximum recursion depth exceeded")]


def test_the_sentence_that_once_crashed_extraction_builds(tmp_path):
    (tmp_path / "r.txt").write_text("共青团XX市委与市卫生健康委联合举办读书班1期。\n", encoding="utf-8")
    g = new_graph()
    s = update_graph(g, [tmp_path], jobs=1)
    assert s.added == ["r.txt"] and not s.errors
    assert {"Organization:共青团市委", "Organization:市卫生健康委"} <= set(g)


# --- Document ids unique per path (files with one stem never overwrite each other) ----------------------

def _docs(g):
    return sorted(d["doc_id"] for _, d in g.nodes(data=True) if d.get("label") == "Document")


def _docx(path, text):
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)


def test_files_with_one_stem_are_two_documents_and_stay_two(tmp_path):
    from tests.build.conftest import TEXTS

    for rel in ("a/x.txt", "b/x.txt"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
    (tmp_path / "a" / "x.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text(TEXTS["b.txt"], encoding="utf-8")
    (tmp_path / "report.txt").write_text(TEXTS["c.txt"], encoding="utf-8")
    _docx(tmp_path / "report.docx", TEXTS["a.txt"])
    g, s = build(tmp_path)
    assert _docs(g) == sorted(s.added) == ["a/x.txt", "b/x.txt", "report.docx", "report.txt"] and not s.errors
    _, again = build(tmp_path, g)
    assert again.changes == 0 and sorted(again.unchanged) == _docs(g)


def test_two_folders_built_one_after_the_other_keep_both_same_named_files(tmp_path):
    from tests.build.conftest import TEXTS

    for side, text in (("left", TEXTS["a.txt"]), ("right", TEXTS["b.txt"])):
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.txt").write_text(text, encoding="utf-8")
    g, first = build(tmp_path / "left")
    _, second = build(tmp_path / "right", g)
    assert first.added == ["x.txt"] and second.added == ["right/x.txt"] and not second.removed
    _, again = build(tmp_path / "left", g)
    assert again.changes == 0 and _docs(g) == ["right/x.txt", "x.txt"]
    assert g.nodes["Document:x.txt"]["title"] == "市委党校学习汇报"


def test_a_moved_folder_takes_its_old_ids_back(tmp_path, corpus):
    g, _ = build(corpus)
    moved = corpus.rename(tmp_path / "moved")
    _, s = build(moved, g)
    assert sorted(s.updated) == ["a.txt", "b.txt", "c.txt"] and not s.added and not s.removed
    assert len(g.graph["files"]) == 3


def test_a_graph_built_with_stem_ids_is_rebuilt_with_a_note(corpus):
    g, _ = build(corpus)
    for entry in g.graph["files"].values():  # as a graph of the file-stem days looked
        del entry["id"]
    _, s = build(corpus, g)
    assert s.notes and "file names" in s.notes[0] and "note: this graph was built" in s.format()
    assert sorted(s.added + s.updated) == ["a.txt", "b.txt", "c.txt"] and s.files_read == 3
    assert all("id" in entry for entry in g.graph["files"].values())


# --- Check before reading: nothing hangs, nothing is hashed past the limit -----------------------------

def _build_in_thread(folder):
    import threading

    out = {}

    def run():
        out["g"], out["s"] = build(folder)

    t = threading.Thread(target=run, daemon=True)  # a hang must fail the test, not the whole run
    t.start()
    t.join(120)
    assert not t.is_alive(), "the build hangs"
    return out["g"], out["s"]


def test_fifos_and_links_to_endless_devices_are_per_file_errors_and_the_build_ends(corpus):
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    (corpus / "random.txt").symlink_to("/dev/urandom")
    g, s = _build_in_thread(corpus)
    assert sorted(s.added) == ["a.txt", "b.txt", "c.txt"]
    assert sorted((os.path.basename(p), e) for p, e in s.errors) == [
        ("pipe.txt", "not a regular file: a FIFO (named pipe)"),
        ("random.txt", "not a regular file: a character device"),
        ("zero.txt", "not a regular file: a character device")]


def test_an_oversized_file_is_an_error_before_it_is_hashed(corpus, monkeypatch):
    from kg.ingest.readers import MAX_FILE_BYTES

    with open(corpus / "big.txt", "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    hashed = []
    real = kg.build.update.file_sha256
    monkeypatch.setattr(kg.build.update, "file_sha256", lambda p: hashed.append(os.path.basename(p)) or real(p))
    _, s = build(corpus)
    assert sorted(hashed) == ["a.txt", "b.txt", "c.txt"]
    assert [(os.path.basename(p), "over the 32 MiB limit" in e) for p, e in s.errors] == [("big.txt", True)]


# --- What the summary counts, ids two files share, files with some documents failing ------------------

TWO_REPORTS = ("县委学习计划\n县委开展第一议题学习。\n\n"
               "市委党校学习汇报\n市委党校开展集中学习，深刻领悟“两个确立”。\n")


def test_files_unchanged_counts_the_files_skipped(corpus):
    g, first = build(corpus)
    assert first.files_unchanged == 0 and first.files_read == 3
    (corpus / "b.txt").write_text("县委学习计划\n县委开展第一议题学习。\n", encoding="utf-8")
    _, s = build(corpus, g)
    assert s.files_unchanged == 2 and s.files_read == 1
    assert s.to_dict()["files_unchanged"] == 2


def _one_id_for_all(doc):
    record = vocab_extract(doc)
    record["doc_id"] = "same"
    return record


def test_two_files_giving_one_document_id_the_later_file_wins_and_says_so(corpus):
    g = new_graph()
    s = update_graph(g, [corpus], extract_fn=_one_id_for_all, jobs=1)
    a, b, c = (str((corpus / n).resolve()) for n in ("a.txt", "b.txt", "c.txt"))
    assert [os.path.basename(p) for p, _ in s.errors] == ["b.txt", "c.txt"]
    assert s.errors[0][1] == f"document id 'same' is also produced by {a}; this file's version replaces it"
    assert s.errors[1][1] == f"document id 'same' is also produced by {b}; this file's version replaces it"
    files = g.graph["files"]
    assert [files[k]["doc_ids"] for k in (a, b, c)] == [[], [], ["same"]]
    assert _docs(g) == ["same"] and g.nodes["Document:same"]["title"] == "市卫健委工作汇报"
    # the file that lost its document is read again when it changes, and takes it back
    (corpus / "a.txt").write_text(TEXTS_A_EDITED, encoding="utf-8")
    update_graph(g, [corpus], extract_fn=_one_id_for_all, jobs=1)
    assert files[a]["doc_ids"] == ["same"] and files[c]["doc_ids"] == []
    assert g.nodes["Document:same"]["title"] == "市委党校学习汇报"


TEXTS_A_EDITED = "市委党校学习汇报\n市委党校开展集中学习。\n"


def _fails_on_the_second_report(doc):
    if doc.doc_id.endswith("#2"):
        raise ValueError("a rule choked")
    return vocab_extract(doc)


def test_a_file_where_some_documents_fail_keeps_the_others_and_is_read_again(tmp_path):
    (tmp_path / "two.txt").write_text(TWO_REPORTS, encoding="utf-8")
    g = new_graph()
    s = update_graph(g, [tmp_path], extract_fn=_fails_on_the_second_report, jobs=1)
    assert s.added == ["two.txt#1"] and s.files_read == 1
    assert [(os.path.basename(p), e) for p, e in s.errors] == [("two.txt", "two.txt#2: ValueError: a rule choked")]
    assert _docs(g) == ["two.txt#1"]
    entry, = g.graph["files"].values()
    assert entry["doc_ids"] == ["two.txt#1"] and entry["id"] == "two.txt"
    # the same bytes are read again (a failure is no answer): the missing document comes in
    s = update_graph(g, [tmp_path], extract_fn=vocab_extract, jobs=1)
    assert s.files_unchanged == 0 and s.files_read == 1 and not s.errors
    assert s.updated == ["two.txt#1"] and s.added == ["two.txt#2"] and not s.removed
    assert _docs(g) == ["two.txt#1", "two.txt#2"]
    s = update_graph(g, [tmp_path], extract_fn=vocab_extract, jobs=1)
    assert s.files_unchanged == 1 and s.changes == 0  # now whole: skipped


def test_a_document_a_changed_file_no_longer_holds_is_removed(tmp_path):
    (tmp_path / "two.txt").write_text(TWO_REPORTS, encoding="utf-8")
    g, s = build(tmp_path)
    assert sorted(s.added) == ["two.txt#1", "two.txt#2"]
    (tmp_path / "two.txt").write_text(TWO_REPORTS.split("\n\n")[0] + "\n", encoding="utf-8")
    _, s = build(tmp_path, g)
    assert s.added == ["two.txt"] and s.removed == ["two.txt#1", "two.txt#2"] and not s.updated
    assert _docs(g) == ["two.txt"]


def test_an_extractor_elsewhere_gets_the_changed_files_and_no_local_pool_starts(corpus, monkeypatch):
    from kg.build.workers import extract_files

    def no_pool(*args, **kwargs):
        raise AssertionError("a local worker pool was started")

    asked = []

    def elsewhere(todo, progress, extract_fn):
        asked.append(sorted(os.path.basename(path) for path, *_ in todo))
        return extract_files(todo, 1, progress, extract_fn)

    local, _ = build(corpus)
    monkeypatch.setattr(kg.build.update, "start_workers", no_pool)
    g, s = build(corpus, jobs=4, extractor=elsewhere)
    assert asked == [["a.txt", "b.txt", "c.txt"]] and sorted(s.added) == ["a.txt", "b.txt", "c.txt"]
    assert graph_facts(g) == graph_facts(local)
    (corpus / "b.txt").write_text("县委学习计划\n县委开展第一议题学习。\n", encoding="utf-8")
    done = []
    _, s = build(corpus, g, jobs=4, extractor=elsewhere, progress=done.append)
    assert asked[-1] == ["b.txt"] and s.updated == ["b.txt"] and [os.path.basename(r.path) for r in done] == ["b.txt"]


def test_the_plan_and_the_progress_callbacks_see_the_files_to_read(corpus):
    plans, done = [], []
    g, _ = build(corpus, on_plan=plans.append, progress=done.append)
    assert plans == [3] and sorted(os.path.basename(r.path) for r in done) == ["a.txt", "b.txt", "c.txt"]
    (corpus / "c.txt").write_text("市卫健委工作汇报\n市卫健委开展主题党日。\n", encoding="utf-8")
    build(corpus, g, on_plan=plans.append)
    assert plans == [3, 1]


def test_the_summary_times_the_build_and_counts_its_graph(corpus):
    import time

    t0 = time.perf_counter()
    g, s = build(corpus)
    elapsed = time.perf_counter() - t0
    assert 0 < s.seconds <= elapsed
    labels = [d.get("label") for _, d in g.nodes(data=True)]
    assert s.nodes["Document"] == 3 and s.nodes["Organization"] == labels.count("Organization") > 0
    assert sum(s.relationships.values()) == g.number_of_edges()


def test_a_full_rebuild_removes_the_documents_of_files_not_given(corpus, monkeypatch):
    g, _ = build(corpus)
    (corpus / "c.txt").unlink()
    monkeypatch.setattr(kg.build.update, "rules_digest", lambda directory=None: "another")
    _, s = build(corpus, g)
    assert sorted(s.updated) == ["a.txt", "b.txt"] and s.removed == ["c.txt"] and not s.added
    assert _docs(g) == ["a.txt", "b.txt"] and len(g.graph["files"]) == 2


def test_one_name_in_three_folders_takes_as_many_parent_folders_as_it_needs(tmp_path):
    from tests.build.conftest import TEXTS

    for top, text in (("p", TEXTS["a.txt"]), ("q", TEXTS["b.txt"]), ("s", TEXTS["c.txt"])):
        (tmp_path / top / "x").mkdir(parents=True)
        (tmp_path / top / "x" / "r.txt").write_text(text, encoding="utf-8")
    g, first = build(tmp_path / "p" / "x")  # ids are relative to the folder built: r.txt
    _, second = build(tmp_path / "q" / "x", g)
    _, third = build(tmp_path / "s" / "x", g)
    assert (first.added, second.added, third.added) == (["r.txt"], ["x/r.txt"], ["s/x/r.txt"])
    _, again = build(tmp_path / "q" / "x", g)
    assert again.changes == 0 and _docs(g) == ["r.txt", "s/x/r.txt", "x/r.txt"]


def test_build_graph_is_a_fresh_update_and_logs_each_bad_file(corpus, caplog, monkeypatch):
    from kg.build import build_graph

    (corpus / "broken.pdf").write_bytes(b"not a pdf at all")
    fresh = new_graph()
    summary = update_graph(fresh, [corpus], resolver=_RESOLVER)
    monkeypatch.setattr(kg.build.update, "start_workers", _no_pool)
    caplog.clear()
    g = build_graph([corpus], resolver=_RESOLVER)
    assert _docs(g) == ["a.txt", "b.txt", "c.txt"] and graph_facts(g) == graph_facts(fresh)
    assert "Organization:县委组织部门" in g
    assert [r.getMessage() for r in caplog.records if r.name == "kg.build.update"] == [
        f"{p}: {e}" for p, e in summary.errors] and len(summary.errors) == 1


def _no_pool(*args, **kwargs):
    raise AssertionError("a worker pool was started")


# 县组织部 is a spelling only the table knows: the nodes' aliases show which resolver refreshed them
_RESOLVER = __import__("kg.graph.resolve", fromlist=["OrgResolver"]).OrgResolver(
    merges={"县委组织部": "县委组织部门", "县组织部": "县委组织部门"})


def test_the_resolver_given_names_the_units_in_every_build(corpus):
    g, _ = build(corpus, resolver=_RESOLVER)
    assert "Organization:县委组织部门" in g and "Organization:县委组织部" not in g
    (corpus / "a.txt").write_text("市委党校学习汇报\n市委党校开展集中学习。\n", encoding="utf-8")
    _, s = build(corpus, g, resolver=_RESOLVER)
    assert s.updated == ["a.txt"] and "Organization:县委组织部门" not in g  # only a.txt named it
    fresh, _ = build(corpus, resolver=_RESOLVER)
    assert graph_facts(g) == graph_facts(fresh)


def test_jobs_sets_how_many_processes_extract_and_when_they_start(corpus, monkeypatch):
    import kg.build.workers

    events = []
    real_start, real_hash = kg.build.workers.start_workers, kg.build.update.file_sha256

    def start(workers, extract_fn=None):
        events.append(("pool", workers))
        return real_start(workers, extract_fn)

    monkeypatch.setattr(kg.build.update, "start_workers", start)
    monkeypatch.setattr(kg.build.workers, "start_workers", start)
    monkeypatch.setattr(kg.build.update, "file_sha256", lambda p: events.append("hash") or real_hash(p))
    g, _ = build(corpus)  # by default every file is read in this process
    build(corpus, jobs=0)
    assert "pool" not in {e if isinstance(e, str) else e[0] for e in events}
    events.clear()
    g, _ = build(corpus, jobs=2)  # a first build: one process beside this one, warming up before the hashing
    assert events == [("pool", 1), "hash", "hash", "hash"]
    events.clear()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text((corpus / name).read_text(encoding="utf-8") + "县委开展学习。\n", encoding="utf-8")
    build(corpus, g, jobs=3)  # an update: the pool starts once the changed files are known
    assert events == ["hash", "hash", "hash", ("pool", 2)]
    events.clear()
    monkeypatch.setattr(kg.build.update.os, "cpu_count", lambda: 3)
    build(corpus, jobs=None)  # every core
    assert events[0] == ("pool", 2)
    events.clear()
    monkeypatch.setattr(kg.build.update.os, "cpu_count", lambda: None)
    build(corpus, jobs=None)  # cores unknown: this process alone
    assert events == ["hash", "hash", "hash"]


def test_a_file_that_cannot_be_hashed_is_an_error_and_the_rest_built(corpus, monkeypatch):
    from kg.errors import InputError

    real = kg.build.update.file_sha256

    def sha(path):
        if os.path.basename(path) == "a.txt":
            raise InputError(str(path), "vanished while the folder was read")
        return real(path)

    monkeypatch.setattr(kg.build.update, "file_sha256", sha)
    g, s = build(corpus)
    assert sorted(s.added) == ["b.txt", "c.txt"]
    assert [(os.path.basename(p), e) for p, e in s.errors] == [("a.txt", "vanished while the folder was read")]


def test_two_folders_in_one_build_keep_both_same_named_files(tmp_path):
    from tests.build.conftest import TEXTS

    for side, text in (("left", TEXTS["a.txt"]), ("right", TEXTS["b.txt"])):
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.txt").write_text(text, encoding="utf-8")
    g = new_graph()
    s = update_graph(g, [tmp_path / "left", tmp_path / "right"], extract_fn=vocab_extract)
    assert sorted(s.added) == ["right/x.txt", "x.txt"] and _docs(g) == ["right/x.txt", "x.txt"]


def test_a_changed_file_keeps_its_name_for_later_newcomers(corpus, tmp_path):
    g, _ = build(corpus)
    (corpus / "b.txt").write_text("县委学习计划\n县委开展第一议题学习。\n", encoding="utf-8")
    build(corpus, g)
    assert {e["id"] for e in g.graph["files"].values()} == {"a.txt", "b.txt", "c.txt"}
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text("市委党校学习汇报\n市委党校开展集中学习。\n", encoding="utf-8")
    _, s = build(other, g)
    assert s.added == ["other/b.txt"] and "Document:b.txt" in g


def test_the_rebuild_note_and_warning_say_what_happens(corpus, monkeypatch, caplog):
    g, _ = build(corpus)
    for entry in g.graph["files"].values():
        del entry["id"]
    _, s = build(corpus, g)
    note, = s.notes
    assert ("(report.txt and report.docx, a/x.txt and b/x.txt shared one); every document is read again with ids "
            "made of its path: documents of files") in note
    assert note.endswith("documents of files not given to this build are removed, build their folders again")
    monkeypatch.setattr(kg.build.update, "rules_digest", lambda directory=None: "another")
    caplog.clear()
    build(corpus, g)
    assert [r.getMessage() for r in caplog.records if r.name == "kg.build.update"] == [
        "lexicons or extraction code changed since the last build: rebuilding every document"]


def _record_without_id(doc):
    record = vocab_extract(doc)
    del record["doc_id"]
    return record


def test_a_record_without_a_document_id_takes_its_documents(corpus):
    g = new_graph()
    s = update_graph(g, [corpus], extract_fn=_record_without_id)
    assert sorted(s.added) == ["a.txt", "b.txt", "c.txt"] and _docs(g) == ["a.txt", "b.txt", "c.txt"]


def test_a_graph_without_a_manifest_is_built_into(corpus):
    import networkx as nx

    g = nx.MultiDiGraph()
    s = update_graph(g, [corpus], extract_fn=vocab_extract)
    assert sorted(s.added) == ["a.txt", "b.txt", "c.txt"] and len(g.graph["files"]) == 3


def test_units_keep_the_aliases_of_the_resolver_given_when_documents_go(tmp_path):
    for name in ("x.txt", "y.txt", "z.txt"):
        (tmp_path / name).write_text("县委学习汇报\n县委组织部开展学习。\n", encoding="utf-8")
    g, _ = build(tmp_path, resolver=_RESOLVER)
    node = "Organization:县委组织部门"
    aliases = ["县委组织部", "县组织部"]
    assert sorted(g.nodes[node]["aliases"]) == aliases and g.nodes[node]["doc_ids"] == ["x.txt", "y.txt", "z.txt"]
    (tmp_path / "z.txt").write_text("县委学习汇报\n县委开展学习。\n", encoding="utf-8")  # no longer names it
    build(tmp_path, g, resolver=_RESOLVER)
    assert g.nodes[node]["doc_ids"] == ["x.txt", "y.txt"] and sorted(g.nodes[node]["aliases"]) == aliases
    (tmp_path / "y.txt").unlink()
    build(tmp_path, g, resolver=_RESOLVER, prune=True)
    assert g.nodes[node]["doc_ids"] == ["x.txt"] and sorted(g.nodes[node]["aliases"]) == aliases


def test_build_graph_extracts_on_the_jobs_it_is_given(corpus, monkeypatch):
    from kg.build import build_graph

    started = []
    real = kg.build.update.start_workers
    monkeypatch.setattr(kg.build.update, "start_workers", lambda n, fn=None: started.append(n) or real(n, fn))
    build_graph([corpus], jobs=2)
    assert started == [1]


def test_the_manifest_names_each_file_as_it_was_read(corpus):
    g, _ = build(corpus)
    assert sorted(e["source"] for e in g.graph["files"].values()) == [str(corpus / n) for n in ("a.txt", "b.txt", "c.txt")]
