"""Every page renders, on the sample graph, on an empty graph and on a large synthetic one."""
from __future__ import annotations

import pytest

from tests.app.app_helpers import (PAGES, REPO, TITLES, large_graph_file, metric_value, open_app,  # noqa: F401
                         sample_graph_file, texts, use_graph)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_the_samples(page, sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert texts(at.title) == [TITLES[page]]
    assert not at.error, texts(at.error)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_graph(page, use_graph, open_app):
    use_graph(None)
    at = open_app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert texts(at.title) == [TITLES[page]]
    if page != "app_pages/data.py":
        assert any("还没有文档" in t for t in texts(at.info)), texts(at.info)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_a_large_graph(page, large_graph_file, use_graph, open_app):
    use_graph(large_graph_file)
    at = open_app(page)
    assert not at.exception, [e.value for e in at.exception]
    assert texts(at.title) == [TITLES[page]]
    for frame in at.dataframe:  # tables are paginated
        assert len(frame.value) <= 100


def test_first_start_builds_the_corpus(tmp_path, monkeypatch, samples_dir, open_app):
    monkeypatch.setenv("KG_GRAPH", str(tmp_path / "graph.pickle"))
    monkeypatch.setenv("KG_CORPUS", str(samples_dir))
    at = open_app()
    assert (tmp_path / "graph.pickle").exists()
    assert metric_value(at, "文档") >= 10
    assert any(t.startswith("图谱已就绪") for t in texts(at.toast)), texts(at.toast)
    assert not at.status, "the build's progress box is gone once the graph is ready"


def test_a_broken_graph_file_is_a_message(tmp_path, use_graph):
    from streamlit.testing.v1 import AppTest

    bad = tmp_path / "graph.pickle"
    bad.write_bytes(b"not a graph")
    use_graph(bad)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("无法载入知识图谱" in t for t in texts(at.error))


def test_no_legacy_pages_folder_beside_the_app():
    # A pages/ folder beside app.py puts Streamlit in its legacy multipage mode until
    # st.navigation first runs: a deep link opened first after start skipped app.py.
    assert not (REPO / "pages").exists(), "keep the page files in app_pages/, not pages/"
    assert all((REPO / page).is_file() for page in PAGES)


def test_a_restart_on_a_corpus_already_built_does_not_check_it_again(tmp_path, monkeypatch, samples_dir, open_app):
    import shutil

    import streamlit as st

    import kg.app.state

    corpus = tmp_path / "corpus"
    shutil.copytree(samples_dir, corpus)
    monkeypatch.setenv("KG_GRAPH", str(tmp_path / "graph.pickle"))
    monkeypatch.setenv("KG_CORPUS", str(corpus))
    open_app()
    builds = []
    real_build = kg.app.state.build_store
    monkeypatch.setattr(kg.app.state, "build_store", lambda *a, **k: builds.append(a) or real_build(*a, **k))
    st.cache_resource.clear()  # a fresh server: nothing remembered in memory
    st.cache_data.clear()
    assert metric_value(open_app(), "文档") >= 10
    assert builds == [], "same files, same rules, same graph file: the build's check (which loads the graph) is skipped"
    (corpus / "新增.txt").write_text("市妇联关于学习情况的汇报\n市妇联举办读书班3期。", encoding="utf-8")
    st.cache_resource.clear()
    st.cache_data.clear()
    open_app()
    assert len(builds) == 1, "a changed corpus is built"
