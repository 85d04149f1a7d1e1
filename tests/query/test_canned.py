"""Every canned query in queries/: a meta-test, and its expected rows on the hand-made graph.

The expected rows were worked out by hand from the facts listed in
tests/fixtures/graph/small_graph.py, not copied from a run.
"""
from __future__ import annotations

import pytest

from kg.errors import ParameterError
from kg.query.catalog import QUERIES_DIR, check_query, load_catalog, parse_query_file, render_summary, run_canned
from kg.query.parse import check_schema, check_syntax, find_parameters
from kg.query.guard import check_read_only

from .required import REQUIRED

CATALOG = load_catalog()
TWELVE = {"units_by_activity", "activities_by_unit", "unit_activity_matrix", "slogan_reach", "slogan_cooccurrence",
          "metrics_by_unit", "masked_figures", "partnerships", "materials_studied", "similar_units",
          "documents_overview", "unit_profile"}


def ev(doc_id, start):
    return f"{doc_id} 第{start}字处的原句。"


def test_the_twelve_of_the_issue_are_there():
    assert TWELVE <= set(CATALOG)


@pytest.mark.parametrize("path", sorted(QUERIES_DIR.glob("*.cypher")), ids=lambda p: p.stem)
def test_meta_every_query_file(path, small_engine):
    q = parse_query_file(path)
    assert q.title and q.description and q.columns and q.summary, "header is incomplete"
    assert check_query(q) == []
    assert {p.name for p in q.params} == set(find_parameters(q.cypher))
    check_syntax(q.cypher)
    check_read_only(q.cypher)
    check_schema(q.cypher)
    for p in q.params:
        assert p.name != "limit", "LIMIT is a keyword in the openCypher grammar; name it top"
    result, bound = run_canned(q, small_engine, REQUIRED.get(q.id))
    assert tuple(result.columns) == q.columns
    assert result.rows, f"{q.id} returns nothing on the fixture graph"
    summary = render_summary(q.summary, result, bound)
    assert "{" not in summary and "—" not in summary, summary


def rows(engine, name, **params):
    result, _ = run_canned(name, engine, params)
    return result.rows


def test_units_by_activity(small_engine):
    planned = ["市卫生健康委", "doc_a#2", "市卫健委理论学习中心组学习计划", "读书班", "planned", ev("doc_a#2", 120)]
    done = [["市妇联", "doc_a#1", "市妇联关于主题教育开展情况的汇报", "读书班", "done", ev("doc_a#1", 100)],
            ["市税务局", "doc_b", "在读书班上的交流发言", "读书班", "done", ev("doc_b", 40)]]
    # "开展了" is done by default; a plan is a click (a parameter) away, and an empty list is every status
    assert rows(small_engine, "units_by_activity", category="读书班") == done
    assert rows(small_engine, "units_by_activity", category="读书班", status="done,planned") == [planned, *done]
    assert rows(small_engine, "units_by_activity", category="读书班", status="") == [planned, *done]
    assert rows(small_engine, "units_by_activity", category="宣讲") == []
    several = rows(small_engine, "units_by_activity", category="读书班,调查研究")
    assert [r[3] for r in several] == ["读书班", "读书班", "调研"]


def test_activities_by_unit_accepts_an_alias(small_engine):
    expected = [
        ["市卫生健康委", "集中学习", "中心组集中学习", "planned", "doc_a#2", ev("doc_a#2", 50)],
        ["市卫生健康委", "读书班", "读书班", "planned", "doc_a#2", ev("doc_a#2", 120)],
    ]
    assert rows(small_engine, "activities_by_unit", unit="市卫生健康委", status="planned") == expected
    assert rows(small_engine, "activities_by_unit", unit="市卫健委", status="planned") == expected
    assert rows(small_engine, "activities_by_unit", unit="市卫健委") == []  # nothing done, only planned


def test_activities_by_unit_takes_several_units(small_engine):
    units = [r[0] for r in rows(small_engine, "activities_by_unit", unit="市妇联,市税务局")]
    assert units == ["市妇联"] * 3 + ["市税务局"] * 2


def test_unit_activity_matrix(small_engine):
    done = [
        ["市司法局", "培训", 1, 1], ["市司法局", "警示教育", 1, 1],
        ["市妇联", "党课", 1, 1], ["市妇联", "联学共建", 1, 1], ["市妇联", "读书班", 1, 1],
        ["市知识产权局青年理论学习小组", "集中学习", 1, 1],
        ["市税务局", "读书班", 1, 1], ["市税务局", "调查研究", 1, 1],
    ]
    assert rows(small_engine, "unit_activity_matrix") == done
    assert rows(small_engine, "unit_activity_matrix", status="") == [
        ["市卫生健康委", "读书班", 1, 1], ["市卫生健康委", "集中学习", 1, 1],
        ["市司法局", "参观见学", 1, 1], ["市司法局", "培训", 2, 2], ["市司法局", "警示教育", 1, 1], *done[2:5],
        ["市知识产权局青年理论学习小组", "专题研讨", 1, 1], *done[5:],
    ]


def test_slogan_reach(small_engine):
    assert rows(small_engine, "slogan_reach") == [["两个确立", 3, 3], ["四敢争先", 2, 2], ["第一议题", 2, 2]]
    assert rows(small_engine, "slogan_reach", top=1) == [["两个确立", 3, 3]]


def test_slogan_cooccurrence(small_engine):
    assert rows(small_engine, "slogan_cooccurrence") == [
        ["两个确立", "四敢争先", 2], ["两个确立", "第一议题", 1], ["四敢争先", "第一议题", 1]]


def test_metrics_by_unit_counts_a_figure_reached_twice_once(small_engine):
    assert rows(small_engine, "metrics_by_unit", unit="市税务局") == [
        [3.0, "期", "读书班", False, False, "done", "doc_b", ev("doc_b", 45)],
        [12.0, "篇", "调研报告", True, False, None, "doc_b", ev("doc_b", 95)],
    ]
    assert rows(small_engine, "metrics_by_unit", unit="市妇联") == [
        [None, "名", "青年党员干部", False, True, "done", "doc_a#1", ev("doc_a#1", 105)],
        [2.0, "场", "专题党课", False, False, None, "doc_a#1", ev("doc_a#1", 210)],
    ]
    assert rows(small_engine, "metrics_by_unit", unit="市税务局", subject="调研") == [
        [12.0, "篇", "调研报告", True, False, None, "doc_b", ev("doc_b", 95)]]
    # a figure on a planned activity is left out by default; one about the unit itself never is
    assert [r[0] for r in rows(small_engine, "metrics_by_unit", unit="市税务局", status="planned")] == [12.0]



def test_metrics_by_unit_for_several_units_is_their_rows_merged_in_order(small_engine):
    # the query reaches a unit's figures by two patterns switched per row; several units, a unit
    # absent from the graph and every status must give what each unit alone gives, in the query's order
    order = lambda r: (r[6], r[7], r[5] or "")  # doc_id, then the evidence (it names the offset)
    for status in (["done"], [], ["planned", "urged"]):
        alone = [r for u in ("市税务局", "市妇联") for r in rows(small_engine, "metrics_by_unit", unit=u, status=status)]
        both = rows(small_engine, "metrics_by_unit", unit=["市妇联", "市税务局", "不存在的单位"], status=status)
        assert both == sorted(alone, key=order) and both
    assert rows(small_engine, "metrics_by_unit", unit="不存在的单位") == []

def test_masked_figures(small_engine):
    assert rows(small_engine, "masked_figures") == [
        ["doc_a#1", "市妇联关于主题教育开展情况的汇报", "市妇联", 1, 2],
        ["doc_c", "市知识产权局青年理论学习小组学习情况汇报", "市知识产权局青年理论学习小组", 1, 1],
    ]


def test_partnerships(small_engine):
    assert rows(small_engine, "partnerships") == [["市妇联", "市委党校", 1, 1], ["市税务局", "市卫生健康委", 1, 1]]
    assert rows(small_engine, "partnerships", unit="市卫健委") == [["市税务局", "市卫生健康委", 1, 1]]


def sort_lists(table):
    return [[sorted(v) if isinstance(v, list) else v for v in row] for row in table]


def test_materials_studied(small_engine):
    # 《习近平著作选读》第一卷 is only named in a document (no activity STUDIED it): it counts, for the reporting unit
    assert sort_lists(rows(small_engine, "materials_studied")) == [
        ["《习近平谈治国理政》第四卷", 2, 2, ["市卫生健康委", "市税务局"]],
        ["《习近平新时代中国特色社会主义思想专题摘编》", 1, 1, ["市知识产权局青年理论学习小组"]],
        ["《习近平著作选读》第一卷", 1, 1, ["市妇联"]],
    ]
    assert rows(small_engine, "materials_studied", unit="市税务局") == [["《习近平谈治国理政》第四卷", 1, 1, ["市税务局"]]]
    assert rows(small_engine, "materials_studied", unit="市妇联") == [["《习近平著作选读》第一卷", 1, 1, ["市妇联"]]]



def test_materials_studied_for_several_units_and_for_none(small_engine):
    # a document or a unit counts once for a material however it reaches it (named in a report, studied
    # by an activity); an absent unit has no rows, and with it in the list the others' rows are unchanged
    assert sort_lists(rows(small_engine, "materials_studied", unit=["市税务局", "市妇联", "市卫生健康委"])) == [
        ["《习近平谈治国理政》第四卷", 2, 2, ["市卫生健康委", "市税务局"]],
        ["《习近平著作选读》第一卷", 1, 1, ["市妇联"]],
    ]
    assert rows(small_engine, "materials_studied", unit=["不存在的单位"]) == []
    assert rows(small_engine, "materials_studied", unit=["市妇联", "不存在的单位"]) == \
        rows(small_engine, "materials_studied", unit="市妇联")

def test_units_by_material(small_engine):
    # a unit counts whether its report names the material or its activity studied it; how says which
    assert rows(small_engine, "units_by_material", material="《习近平谈治国理政》第四卷") == [
        ["市卫生健康委", "文档提到并开展学习活动", 1, ["doc_a#2"]],
        ["市税务局", "文档提到并开展学习活动", 1, ["doc_b"]],
    ]
    assert rows(small_engine, "units_by_material", material="《习近平著作选读》第一卷") == [
        ["市妇联", "文档提到", 1, ["doc_a#1"]]]  # named in the report, studied by no activity
    assert rows(small_engine, "units_by_material", material="不在图谱里的书") == []


def test_materials_studied_counts_what_a_cypher_count_of_mentions_counts(small_engine):
    mentioned = small_engine.run("MATCH (:Document)-[:MENTIONS]->(m:Material) RETURN count(DISTINCT m) AS n").rows
    assert len(rows(small_engine, "materials_studied")) == mentioned[0][0] == 3


def test_similar_units(small_engine):
    assert sort_lists(rows(small_engine, "similar_units", unit="市税务局")) == [
        ["市妇联", 3, 1, 2, ["读书班"], ["两个确立", "四敢争先"]],
        ["市卫生健康委", 2, 1, 1, ["读书班"], ["两个确立"]],
        ["市知识产权局青年理论学习小组", 1, 0, 1, [], ["第一议题"]],
    ]


def test_documents_overview(small_engine):
    assert rows(small_engine, "documents_overview") == [
        ["doc_a#1", "市妇联关于主题教育开展情况的汇报", "汇报", 2023, "市妇联", 3, 2],
        ["doc_a#2", "市卫健委理论学习中心组学习计划", "计划", 2023, "市卫生健康委", 2, 0],
        ["doc_b", "在读书班上的交流发言", "发言", 2024, "市税务局", 2, 2],
        ["doc_c", "市知识产权局青年理论学习小组学习情况汇报", "汇报", None, "市知识产权局青年理论学习小组", 2, 1],
        ["doc_e#1", "市司法局2023年学习情况汇报", "汇报", 2023, "市司法局", 2, 2],
        ["doc_e#2", "市司法局2024年学习情况汇报", "汇报", 2024, "市司法局", 2, 2],
    ]
    assert [r[0] for r in rows(small_engine, "documents_overview", genre="汇报")] == ["doc_a#1", "doc_c", "doc_e#1", "doc_e#2"]
    assert [r[0] for r in rows(small_engine, "documents_overview", year_from=2023, year_to=2023,
                               unit="市卫健委")] == ["doc_a#2"]
    assert [r[0] for r in rows(small_engine, "documents_overview", year_from=2024)] == ["doc_b", "doc_e#2"]
    assert [r[0] for r in rows(small_engine, "documents_overview", genre="汇报,发言")] == [
        "doc_a#1", "doc_b", "doc_c", "doc_e#1", "doc_e#2"]


def test_unit_profile(small_engine):
    assert sort_lists(rows(small_engine, "unit_profile", unit="市税务局")) == [[
        "市税务局", "政府部门", [], ["在读书班上的交流发言"], 2, ["读书班", "调查研究"], 2,
        ["两个确立", "四敢争先", "第一议题"], ["市卫生健康委"], []]]
    assert sort_lists(rows(small_engine, "unit_profile", unit="市知识产权局")) == [[
        "市知识产权局", "政府部门", [], [], 0, [], 0, [], [], ["市知识产权局青年理论学习小组"]]]
    assert rows(small_engine, "unit_profile", unit="不存在的单位") == []


def test_units_by_slogan(small_engine):
    assert rows(small_engine, "units_by_slogan", slogan="四敢争先") == [
        ["市妇联", "doc_a#1", True, ev("doc_a#1", 20)], ["市税务局", "doc_b", False, ev("doc_b", 20)]]


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_injection_in_parameters_is_inert(name, small_engine, small_graph):
    attack = "'}) DETACH DELETE n //"
    # a parameter with listed choices (any|all) refuses any other value before a query runs
    for p in CATALOG[name].params:
        if isinstance(p.choices, tuple) and p.type == "string":
            with pytest.raises(ParameterError):
                run_canned(name, small_engine, {**REQUIRED.get(name, {}), p.name: attack})
    params = {p.name: attack for p in CATALOG[name].params if p.type == "string" and not isinstance(p.choices, tuple)}
    params.update({p.name: [attack] for p in CATALOG[name].params if p.type == "list" and not isinstance(p.choices, tuple)})
    run_canned(name, small_engine, {**REQUIRED.get(name, {}), **params})
    assert small_engine.run("MATCH (n) RETURN count(n) AS n").rows == [[small_graph.number_of_nodes()]]


# -- the queries of questions, sections, plans, time and shared passages -------------------------

def test_find_activities_by_unit_year_status_and_partner(small_engine):
    assert rows(small_engine, "find_activities", unit=["市司法局"], year_from=2024, year_to=2024) == [
        ["市司法局", "培训", "培训班", "done", 2024, "成绩/做法", "doc_e#2", ev("doc_e#2", 40)],
        ["市司法局", "警示教育", "警示教育", "done", 2024, "成绩/做法", "doc_e#2", ev("doc_e#2", 90)],
    ]
    assert rows(small_engine, "find_activities", partner="市委党校") == [
        ["市妇联", "联学共建", "联学共建", "done", 2023, "成绩/做法", "doc_a#1", ev("doc_a#1", 300)]]
    assert rows(small_engine, "find_activities", category=["读书班"], status=["planned"]) == [
        ["市卫生健康委", "读书班", "读书班", "planned", 2023, "下一步/计划", "doc_a#2", ev("doc_a#2", 120)]]


def test_find_units_with_all_or_any_of_the_categories(small_engine):
    assert sort_lists(rows(small_engine, "find_units", category=["读书班", "调查研究"], mode="all")) == [
        ["市税务局", ["读书班", "调查研究"], 2, 1]]
    assert sort_lists(rows(small_engine, "find_units", category=["读书班", "调查研究"])) == [
        ["市税务局", ["读书班", "调查研究"], 2, 1], ["市卫生健康委", ["读书班"], 1, 1], ["市妇联", ["读书班"], 1, 1]]
    assert [r[0] for r in rows(small_engine, "find_units", category=["读书班"], slogan="四敢争先")] == ["市妇联", "市税务局"]


def test_count_activities_adds_the_stated_counts(small_engine):
    assert rows(small_engine, "count_activities", category=["培训"]) == [["市司法局", "培训", 2024, 1, 3.0, ["3期"], 1]]
    assert rows(small_engine, "count_activities", category=["培训"], status=["planned"]) == [
        ["市司法局", "培训", 2023, 1, 2.0, ["2期"], 1]]
    assert rows(small_engine, "count_activities", category=["党课"]) == [["市妇联", "党课", 2023, 1, 2.0, ["2场"], 1]]
    # no count written: one per mention
    assert rows(small_engine, "count_activities", category=["联学共建"]) == [["市妇联", "联学共建", 2023, 1, 1, [], 1]]


def test_compare_units_side_by_side(small_engine):
    assert sort_lists(rows(small_engine, "compare_units", unit=["市税务局", "市司法局"])) == [
        ["市司法局", 2, 4, 2, 2, ["参观见学", "培训", "警示教育"], 4, [], 2, []],
        ["市税务局", 1, 2, 2, 0, ["读书班", "调查研究"], 2, ["两个确立", "四敢争先", "第一议题"], 0, ["市卫生健康委"]],
    ]


def test_find_documents_by_slogan_or_category_with_or_without_a_unit(small_engine):
    assert rows(small_engine, "find_documents", slogan=["四敢争先"]) == [
        ["doc_a#1", "市妇联关于主题教育开展情况的汇报", "汇报", 2023, "市妇联", ["四敢争先"]],
        ["doc_b", "在读书班上的交流发言", "发言", 2024, "市税务局", ["四敢争先"]],
    ]
    assert [r[0] for r in rows(small_engine, "find_documents", category=["培训"])] == ["doc_e#1", "doc_e#2"]
    assert rows(small_engine, "find_documents", slogan=["四敢争先"], unit=["市卫健委"]) == []
    # several slogans or categories: any of them by default, every one with mode=all
    both = ["两个确立", "四敢争先"]
    assert [r[0] for r in rows(small_engine, "find_documents", slogan=both)] == ["doc_a#1", "doc_a#2", "doc_b"]
    assert [r[0] for r in rows(small_engine, "find_documents", slogan=both, mode="all")] == ["doc_a#1", "doc_b"]
    assert [r[0] for r in rows(small_engine, "find_documents", category=["培训", "警示教育"], mode="all")] == ["doc_e#2"]


def test_find_figures_by_kind_and_indicator(small_engine):
    assert rows(small_engine, "find_figures", kind=["target"]) == [
        ["市司法局", 6.0, "%", "地区生产总值增长", "target", 2023, 2023, "下一步/计划", "doc_e#1", ev("doc_e#1", 20)],
        ["市司法局", 2.0, "期", "举办青年干部培训班", "target", 2023, 2023, "下一步/计划", "doc_e#1", ev("doc_e#1", 45)],
    ]
    assert [(r[4], r[5]) for r in rows(small_engine, "find_figures", subject="国内生产总值增长")] == [("target", 2023), ("actual", 2023)]


def test_problems_by_unit(small_engine):
    assert rows(small_engine, "problems_by_unit") == [
        ["市司法局", 2023, "培训覆盖面还不够广", "doc_e#1", ev("doc_e#1", 100)],
        ["市司法局", 2024, "警示教育针对性有待加强", "doc_e#2", ev("doc_e#2", 120)],
        ["市妇联", 2023, "学习形式还比较单一", "doc_a#1", ev("doc_a#1", 400)],
    ]
    assert [r[2] for r in rows(small_engine, "problems_by_unit", unit=["市司法局"], year_from=2024)] == ["警示教育针对性有待加强"]


def test_plans_by_unit(small_engine):
    assert rows(small_engine, "plans_by_unit", unit=["市司法局"]) == [
        ["市司法局", 2023, "目标", "地区生产总值增长", "6%", "计划并完成", "doc_e#1", ev("doc_e#1", 20)],
        ["市司法局", 2023, "活动", "培训", "青年干部培训班", "计划并完成", "doc_e#1", ev("doc_e#1", 40)],
        ["市司法局", 2023, "目标", "举办青年干部培训班", "2期", "计划并完成", "doc_e#1", ev("doc_e#1", 45)],
        ["市司法局", 2023, "活动", "参观见学", "参观见学", "计划未见完成", "doc_e#1", ev("doc_e#1", 60)],
    ]
    assert [r[0] for r in rows(small_engine, "plans_by_unit")].count("市卫生健康委") == 2


def test_plan_vs_report(small_engine):
    assert rows(small_engine, "plan_vs_report", unit=["市司法局"]) == [
        ["市司法局", "完成但无计划", "活动", "警示教育", "", None, "", "警示教育", 2024, "doc_e#2", ev("doc_e#2", 90)],
        ["市司法局", "计划并完成", "目标", "举办青年干部培训班", "2期", 2023, "doc_e#1", "3期", 2024, "doc_e#2",
         ev("doc_e#2", 45)],
        ["市司法局", "计划并完成", "目标", "地区生产总值增长", "6%", 2023, "doc_e#1", "6.2%", 2024, "doc_e#2",
         ev("doc_e#2", 20)],
        ["市司法局", "计划并完成", "活动", "培训", "青年干部培训班", 2023, "doc_e#1", "培训班", 2024, "doc_e#2",
         ev("doc_e#2", 40)],
        ["市司法局", "计划未见完成", "活动", "参观见学", "参观见学", 2023, "doc_e#1", "", None, "", ev("doc_e#1", 60)],
    ]
    assert {r[0] for r in rows(small_engine, "plan_vs_report", state=["计划未见完成"])} == {"市司法局", "市卫生健康委"}


def test_unit_over_years(small_engine):
    assert sort_lists(rows(small_engine, "unit_over_years", unit=["市司法局"])) == [
        ["市司法局", 2023, 1, 2, 0, 2, ["参观见学", "培训"], ["举办青年干部培训班 2期", "地区生产总值增长 6%"], 1],
        ["市司法局", 2024, 1, 2, 2, 0, ["培训", "警示教育"], ["举办培训班 3期", "地区生产总值增长 6.2%"], 1],
    ]


def test_slogan_timeline(small_engine):
    assert sort_lists(rows(small_engine, "slogan_timeline", slogan=["两个确立"])) == [
        ["两个确立", 2023, 2, 2, ["市卫生健康委", "市妇联"]], ["两个确立", 2024, 1, 1, ["市税务局"]]]
    # a document without a year has no place on the line
    assert [r[1] for r in rows(small_engine, "slogan_timeline", slogan=["第一议题"])] == [2024]


def test_indicator_by_year_tells_target_and_actual_apart(small_engine):
    assert rows(small_engine, "indicator_by_year") == [[2023, "6%", 6.0, 6.5, "6.2%", 6.2, "doc_e#1", "doc_e#2"]]
    assert rows(small_engine, "indicator_by_year", indicator="城镇调查失业率") == []


def test_shared_passages(small_engine):
    assert sort_lists(rows(small_engine, "shared_passages")) == [
        ["坚持把学习贯彻党的创新理论作为首要政治任务。", "sentence", 2, 2, ["市司法局", "市妇联"], ["doc_a#1", "doc_e#1"]]]
    assert rows(small_engine, "shared_passages", kind="paragraph") == []


def test_a_unit_takes_its_study_groups_and_party_bodies(small_engine):
    assert [r[2] for r in rows(small_engine, "find_activities", unit=["市知识产权局"])] == ["集中学习", "专题研讨"]
    row = rows(small_engine, "compare_units", unit=["市知识产权局"])[0]
    assert row[:5] == ["市知识产权局", 1, 2, 1, 0]
