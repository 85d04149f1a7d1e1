"""What an analyst does on each page, checked through AppTest on the hand-made fixture graph.

Expected values are the fixture's facts (tests/fixtures/graph/small_graph.py):
读书班 is held by 市妇联, 市卫生健康委 and 市税务局; 集中学习 by 市卫生健康委
and 市知识产权局青年理论学习小组.
"""
from __future__ import annotations

from tests.app.app_helpers import (fixture_graph_file, large_graph_file, metric_value, open_app,  # noqa: F401
                         sample_graph_file, texts, use_graph)

READING_CLASS_UNITS = {"市妇联", "市卫生健康委", "市税务局"}
DONE_READING_CLASS_UNITS = {"市妇联", "市税务局"}  # 市卫生健康委 only planned its 读书班


def _shown(cell):
    """What a cell shows: a link cell (page?param=…#text) shows its text."""
    return cell.rsplit("#", 1)[-1] if isinstance(cell, str) and "?" in cell and "#" in cell else cell


def _column(at, header: str, index: int = -1) -> set:
    frame = at.dataframe[index].value
    return {_shown(v) for v in frame[header]}


def _links(at, header: str, index: int = -1) -> dict:
    frame = at.dataframe[index].value
    return {_shown(v): v.rsplit("#", 1)[0] for v in frame[header]}


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_canned_query_with_parameters_from_the_url(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/queries.py", q="units_by_activity", p_category="读书班")
    assert not at.exception
    assert at.multiselect(key="q_units_by_activity_category").value == ["读书班"]
    assert _column(at, "单位") == DONE_READING_CLASS_UNITS
    assert any("2 个单位" in t and "状态：已开展" in t for t in texts(at.success)), texts(at.success)
    # result cells link to the explorer (units) and the document view (documents, shown by title)
    assert _links(at, "单位")["市妇联"] == "explorer?node=Organization%3A%E5%B8%82%E5%A6%87%E8%81%94"
    assert _links(at, "文档")["在读书班上的交流发言"] == "documents?doc=doc_b"
    at.multiselect(key="q_units_by_activity_status").select("planned").run()
    assert _column(at, "单位") == READING_CLASS_UNITS
    at.multiselect(key="q_units_by_activity_category").unselect("读书班").select("集中学习").run()
    assert _column(at, "单位") == {"市卫生健康委", "市知识产权局青年理论学习小组"}
    assert at.query_params["p_category"] in (["集中学习"], "集中学习")
    assert at.query_params["p_status"] == ["done", "planned"]
    assert any("MATCH" in c.value for c in at.code)  # "show the Cypher"
    assert {b.label for b in at.get("download_button")} == {"下载 CSV", "下载 Excel"}


def test_switching_query_in_the_gallery(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/queries.py")
    at.radio(key="q_id").set_value("units_by_slogan").run()
    at.selectbox(key="q_units_by_slogan_slogan").set_value("四敢争先").run()
    assert not at.exception
    assert not at.exception
    assert _column(at, "单位") == {"市妇联", "市税务局"}


def test_a_question_yields_the_expected_units(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py")
    at.text_input(key="question").input("哪些单位开展了读书班？")
    _button(at, "提问").click().run()
    assert not at.exception
    assert _column(at, "单位") == DONE_READING_CLASS_UNITS
    assert any(c.value.startswith("理解为：找出单位；活动类别＝读书班；状态＝已开展") for c in at.caption)
    assert any("MATCH" in c.value for c in at.code)  # the query it ran


def test_an_example_question_button_answers(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py")
    _button(at, "哪些单位开展了读书班？").click().run()
    assert _column(at, "单位") == DONE_READING_CLASS_UNITS


def test_an_unanswerable_question_suggests_questions(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py")
    at.text_input(key="question").input("今天天气怎么样？")
    _button(at, "提问").click().run()
    assert not at.exception
    assert any("可以这样问" in t for t in texts(at.warning))


def _run_cypher(at, cypher: str):
    at.text_area(key="cypher").input(cypher)
    return _button(at, "运行").click().run()


CYPHER_TAB = "Cypher 查询"


def test_ad_hoc_cypher(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py", tab=CYPHER_TAB)
    _run_cypher(at, "MATCH (o:Organization) WHERE o.name = '市妇联' RETURN o.name AS unit")
    assert not at.error
    assert _column(at, "单位") == {"市妇联"}


def test_bad_cypher_is_an_error_message(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py", tab=CYPHER_TAB)
    _run_cypher(at, "MATCH (n RETURN n")
    assert not at.exception
    assert any("语法错误" in t for t in texts(at.error)), texts(at.error)


def test_cypher_that_reads_files_or_builds_huge_values_is_refused(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py", tab=CYPHER_TAB)
    _run_cypher(at, "LOAD FROM '/etc/passwd' (file_format='csv') RETURN *")
    assert any("只允许只读查询" in t for t in texts(at.error)), texts(at.error)
    _run_cypher(at, "RETURN size(range(1, 1000000000))")
    assert not at.exception
    assert any("range()" in t and "不在允许的函数之列" in t for t in texts(at.error)), texts(at.error)


def test_write_cypher_is_refused(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/ask.py", tab=CYPHER_TAB)
    _run_cypher(at, "MATCH (n) DETACH DELETE n")
    assert not at.exception
    assert any("只允许只读查询" in t for t in texts(at.error)), texts(at.error)
    _run_cypher(at, "MATCH (n:Organization) RETURN count(n) AS n")
    assert at.dataframe[-1].value.iloc[0, 0] > 0  # nothing was deleted


def test_filters_change_the_dashboard(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app()
    before = {label: metric_value(at, label) for label in ("文档", "已开展活动", "数据")}
    at.multiselect(key="units").select("市妇联").run()
    after = {label: metric_value(at, label) for label in ("文档", "已开展活动", "数据")}
    assert after["已开展活动"] == 3 and after["文档"] == 1
    assert all(after[k] < before[k] for k in before)
    at.multiselect(key="units").unselect("市妇联").run()
    at.slider(key="years").set_value((2024, 2024)).run()
    at.checkbox(key="unknown_year").uncheck().run()
    assert metric_value(at, "文档") == 2  # doc_b and 市司法局's 2024 report


def test_document_view_shows_highlights(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app("app_pages/documents.py")
    assert not at.exception
    html = "".join(m.value for m in at.markdown)
    assert '<mark class="kg-' in html


def test_document_link_opens_that_document(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app("app_pages/documents.py")
    doc_id = "10_市统计局在读书班上的交流发言.txt"
    at = open_app("app_pages/documents.py", doc=doc_id)
    assert at.selectbox(key="doc_selected").value == doc_id
    html = "".join(m.value for m in at.markdown)
    for kind in ("Organization", "Activity", "Metric"):
        assert f'<mark class="kg-{kind}"' in html, kind


def test_document_search(sample_graph_file, use_graph, open_app):
    use_graph(sample_graph_file)
    at = open_app("app_pages/documents.py")
    at.text_input(key="doc_query").input("读书班").run()
    by_title = [o for o in at.selectbox(key="doc_selected").options if "读书班" in o]
    assert by_title and len(at.selectbox(key="doc_selected").options) > len(by_title)  # the body counts too
    at.text_input(key="doc_query").input("著作选读").run()  # named in report bodies, in no title
    from kg.store import load_graph

    in_text = [a for _, a in load_graph(sample_graph_file).nodes(data=True)
               if a.get("label") == "Document" and "著作选读" in (a.get("text") or "")]
    assert len(at.selectbox(key="doc_selected").options) == len(in_text) > 0
    assert "正文命中" in at.dataframe[0].value.columns
    at.text_input(key="doc_query").input("没有这样的文档").run()
    assert any("没有符合条件的文档" in t for t in texts(at.info))


def test_explorer_shows_a_node_and_its_evidence(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/explorer.py", node="Organization:市税务局")
    assert not at.exception
    assert at.selectbox(key="explorer_center").value == "Organization:市税务局"
    assert any("单位：市税务局" in t for t in texts(at.subheader))
    assert any("读书班" in m.value for m in at.markdown)  # an evidence sentence
    assert "提法｜两个确立" in at.selectbox(key="explorer_selected").options
    at.selectbox(key="explorer_selected").set_value("Slogan:两个确立").run()
    assert any(t == "提法：两个确立" for t in texts(at.subheader))
    _button(at, "以此为中心").click().run()
    assert at.selectbox(key="explorer_center").value == "Slogan:两个确立"
    assert at.query_params["node"] in ("Slogan:两个确立", ["Slogan:两个确立"])


def test_explorer_says_when_the_drawing_is_capped(large_graph_file, use_graph, open_app):
    use_graph(large_graph_file)
    at = open_app("app_pages/explorer.py")
    at.slider(key="explorer_hops").set_value(2).run()
    assert not at.exception
    assert any("只画出连接最多的" in t for t in texts(at.warning)), texts(at.warning)


def _copy_graph(source, folder):
    """The graph file and what the build wrote beside it, under a path no other test's caches know."""
    import shutil

    folder.mkdir()
    for p in source.parent.iterdir():
        if p.name.startswith(source.name):
            shutil.copy2(p, folder / p.name)
    return folder / source.name


def test_dashboard_queries_and_questions_never_load_the_graph_file(sample_graph_file, use_graph, open_app,
                                                                      monkeypatch, tmp_path):
    import kg.app.state

    def refuse(*args, **kwargs):
        raise AssertionError("the query database answers this page: the graph file must not be loaded")

    monkeypatch.setattr(kg.app.state, "load_graph", refuse)
    use_graph(_copy_graph(sample_graph_file, tmp_path / "g"))
    for page in (None, "app_pages/queries.py", "app_pages/ask.py", "app_pages/plans.py"):
        at = open_app(page)
        assert not at.exception, (page, at.exception)
    assert metric_value(open_app(), "文档") > 0


def test_the_engine_is_warmed_up_once_after_the_first_page(sample_graph_file, use_graph, open_app, tmp_path,
                                                            monkeypatch):
    import threading

    import kg.app.state

    calls = []

    def recording_warm_up(engine):
        calls.append((engine, threading.current_thread().daemon))

    monkeypatch.setattr(kg.app.state, "warm_up", recording_warm_up)
    use_graph(_copy_graph(sample_graph_file, tmp_path / "g"))
    monkeypatch.setenv("KG_WARM_UP", "1")  # as the app runs (open_app turns it off for the other tests)
    open_app()
    open_app("app_pages/queries.py")
    for t in threading.enumerate():
        if t.name == "kg-warm-up":
            t.join(60)
    assert len(calls) == 1  # once per engine, not once per page
    engine, daemon = calls[0]
    assert engine.path.endswith(".ladybug")  # the database the build wrote
    assert not daemon  # a process that exits waits for it instead of stopping it inside the engine


def test_no_warm_up_with_kg_warm_up_0(sample_graph_file, use_graph, open_app, tmp_path, monkeypatch):
    import kg.app.state

    calls = []
    monkeypatch.setattr(kg.app.state, "warm_up", calls.append)
    use_graph(_copy_graph(sample_graph_file, tmp_path / "g"))
    monkeypatch.setenv("KG_WARM_UP", "0")
    assert not open_app().exception
    assert calls == []
