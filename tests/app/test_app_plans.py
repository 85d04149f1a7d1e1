"""The 计划与时间 page, checked through AppTest on the hand-made fixture graph: 市司法局 plans
a 青年干部培训班 (2期), a 参观见学 and a 国内生产总值增长 target of 6%–6.5% in its 2023 report and reports
a 培训班 (3期), a 警示教育 and 6.2% in 2024 (tests/fixtures/graph/small_graph.py); 市卫生健康委
plans 读书班 and 集中学习 in 2023 and reports neither."""
from __future__ import annotations

from tests.app.app_helpers import (fixture_graph_file, metric_value, open_app, sample_graph_file,  # noqa: F401
                                   texts, use_graph)

PLAN_TABLE, PROBLEM_TABLE, YEARS_TABLE, TIMELINE_TABLE, INDICATOR_TABLE, PASSAGE_TABLE = range(6)


def _shown(cell):
    """What a cell shows: a link cell (page?param=…#text) shows its text."""
    return cell.rsplit("#", 1)[-1] if isinstance(cell, str) and "?" in cell and "#" in cell else cell


def _rows(at, index: int, *headers: str) -> list[tuple]:
    frame = at.dataframe[index].value
    return [tuple(_shown(v) for v in row) for row in frame[list(headers)].itertuples(index=False)]


def test_the_page_counts_and_tables_follow_the_fixture(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/plans.py")
    assert not at.exception, [e.value for e in at.exception]
    assert (metric_value(at, "雷同文字"), metric_value(at, "查摆问题")) == (1, 3)
    assert (metric_value(at, "计划并完成"), metric_value(at, "计划未见完成")) == (3, 3)
    plans = _rows(at, PLAN_TABLE, "单位", "计划落实", "事项", "活动类别", "计划内容", "报告内容")
    assert ("市司法局", "计划并完成", "目标", "举办青年干部培训班", "2期", "3期") in plans
    assert ("市司法局", "计划未见完成", "活动", "参观见学", "参观见学", "") in plans
    assert ("市司法局", "完成但无计划", "活动", "警示教育", "", "警示教育") in plans
    assert len(plans) == 7
    problems = _rows(at, PROBLEM_TABLE, "单位", "年份", "问题")
    assert ("市司法局", 2024, "警示教育针对性有待加强") in problems and len(problems) == 3
    # a unit over the years: headers say what the cells hold (a count of plans, the figures themselves)
    assert _rows(at, YEARS_TABLE, "单位", "年份", "已开展", "计划数") == [("市司法局", 2023, 0, 2), ("市司法局", 2024, 2, 0)]
    assert "举办培训班 3期" in at.dataframe[YEARS_TABLE].value["数据"][1]
    assert _rows(at, INDICATOR_TABLE, "年份", "目标", "目标下限", "目标上限", "实际") == [(2023, "6%", 6.0, 6.5, "6.2%")]
    assert _rows(at, PASSAGE_TABLE, "雷同文字", "类型") == [("坚持把学习贯彻党的创新理论作为首要政治任务。", "句子")]
    assert not any(h.isascii() for frame in at.dataframe for h in frame.value.columns), "every header in Chinese"


def test_filters_narrow_the_plan_table_and_pick_the_unit_and_slogan(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app("app_pages/plans.py")
    at.multiselect(key="plans_states").select("计划未见完成").run()
    assert {r[0] for r in _rows(at, PLAN_TABLE, "单位")} == {"市司法局", "市卫生健康委"}
    at.multiselect(key="plans_units").select("市司法局").run()
    assert _rows(at, PLAN_TABLE, "单位", "计划落实", "活动类别") == [("市司法局", "计划未见完成", "参观见学")]
    at.multiselect(key="problems_units").select("市妇联").run()
    assert _rows(at, PROBLEM_TABLE, "单位", "问题") == [("市妇联", "学习形式还比较单一")]
    at.multiselect(key="timeline_slogans").set_value(["两个确立"]).run()
    assert _rows(at, TIMELINE_TABLE, "年份", "单位数") == [(2023, 2), (2024, 1)]
    at.radio(key="passage_kind").set_value("paragraph").run()
    assert not at.exception
    assert len(at.dataframe) == PASSAGE_TABLE  # no paragraph is shared: no table, a message instead


def test_the_samples_show_a_unit_that_planned_in_one_year_and_reported_in_the_next(sample_graph_file, use_graph,
                                                                                   open_app):
    use_graph(sample_graph_file)
    at = open_app("app_pages/plans.py")
    assert not at.exception and not at.error, texts(at.error)
    at.multiselect(key="plans_units").select("市司法局党组").run()
    plans = _rows(at, PLAN_TABLE, "单位", "计划落实", "计划年份", "报告年份")
    # data/samples: its 2023 plan, its 2024 report (a column with empty cells shows its years as text)
    assert ("市司法局党组", "计划并完成", "2023", "2024") in plans
    assert {r[0] for r in plans} == {"市司法局党组"}
    at.selectbox(key="years_unit").set_value("市司法局党组").run()
    assert [r[1] for r in _rows(at, YEARS_TABLE, "单位", "年份")] == [2023, 2024]
    assert any("指标" in t for t in texts(at.info))  # no national indicator in unit reports: said, not an empty table


def test_the_dashboard_counts_shared_passages_problems_and_plans(fixture_graph_file, use_graph, open_app):
    use_graph(fixture_graph_file)
    at = open_app()
    assert not at.exception
    line = next(t for t in texts(at.caption) if t.startswith("雷同文字"))
    assert line == "雷同文字 1 段（涉及 2 个单位）· 查摆问题 3 条 · 计划并完成 3 项 · 计划未见完成 3 项"
