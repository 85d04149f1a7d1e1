"""kg/query/ask.py: plain-Chinese questions → canned query + parameters, or a helpful fallback."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.query.ask import Asker, ask, normalize_question, read_patterns
from kg.query.catalog import load_catalog


@pytest.fixture(scope="module")
def asker(small_engine):
    return Asker(small_engine)


FORMS = [
    # 哪些单位… (with synonyms: 读书会 → 读书班, 调研 → 调查研究)
    ("哪些单位开展了读书班？", "units_by_activity", {"category": ["读书班"], "status": ["done"]}),
    ("哪些单位举办了读书会", "units_by_activity", {"category": ["读书班"], "status": ["done"]}),
    ("谁搞过调研？", "units_by_activity", {"category": ["调查研究"], "status": ["done"]}),
    ("有多少单位开展了调查研究？", "units_by_activity", {"category": ["调查研究"], "status": ["done"]}),
    ("集中学习都有哪些单位开展了？", "units_by_activity", {"category": ["集中学习"], "status": ["done"]}),
    # …开展了哪些… / …有多少…
    ("市税务局开展了哪些活动？", "activities_by_unit", {"unit": ["市税务局"], "status": ["done"]}),
    ("市卫健委有多少项活动？", "activities_by_unit", {"unit": ["市卫生健康委"], "status": ["done"]}),
    ("XX市税务局开展了哪些活动", "activities_by_unit", {"unit": ["市税务局"], "status": ["done"]}),
    # …报告了什么数据
    ("税务局报告了什么数据？", "metrics_by_unit", {"unit": ["市税务局"], "subject": "", "status": ["done"]}),
    ("市妇联的数据", "metrics_by_unit", {"unit": ["市妇联"], "subject": "", "status": ["done"]}),
    ("市税务局读书班有多少期？", "metrics_by_unit", {"unit": ["市税务局"], "subject": "读书班", "status": ["done"]}),
    # 哪些单位提到…
    ("哪些单位提到“四敢争先”？", "units_by_slogan", {"slogan": "四敢争先"}),
    ("两个确立被哪些单位提到", "units_by_slogan", {"slogan": "两个确立"}),
    # …和…一起 / 共建
    ("市妇联和哪些单位一起开展活动？", "partnerships", {"unit": ["市妇联"]}),
    ("市卫健委的共建单位", "partnerships", {"unit": ["市卫生健康委"]}),
    ("哪些单位结对共建？", "partnerships", {"unit": []}),
    # 最常见的提法… / 提法一起出现
    ("最常见的提法有哪些？", "slogan_reach", {"top": 10}),
    ("提法热度排行", "slogan_reach", {"top": 10}),
    ("哪些提法经常一起出现", "slogan_cooccurrence", {"top": 10}),
    # 和…相似的单位
    ("和市税务局相似的单位", "similar_units", {"unit": "市税务局", "top": 10}),
    # …学习了哪些材料
    ("市卫健委学习了哪些材料？", "materials_studied", {"unit": ["市卫生健康委"]}),
    ("大家都学了哪些材料", "materials_studied", {"unit": []}),
    # …的概况
    ("市妇联的概况", "unit_profile", {"unit": "市妇联", "status": ["done"]}),
    ("介绍一下市知识产权局", "unit_profile", {"unit": "市知识产权局", "status": ["done"]}),
    ("市税务局", "unit_profile", {"unit": "市税务局", "status": ["done"]}),
    # 哪些文档…
    ("2023年的文档有哪些？", "documents_overview", {"genre": [], "year_from": 2023, "year_to": 2023, "unit": []}),
    ("2023年有哪些计划？", "documents_overview", {"genre": ["计划"], "year_from": 2023, "year_to": 2023, "unit": []}),
    ("有哪些汇报？", "documents_overview", {"genre": ["汇报"], "year_from": 0, "year_to": 0, "unit": []}),
    ("市妇联有哪些文档？", "documents_overview", {"genre": [], "year_from": 0, "year_to": 0, "unit": ["市妇联"]}),
    ("在读书班上的交流发言", "documents_overview", {"genre": [], "year_from": 0, "year_to": 0, "unit": ["市税务局"]}),
    # 哪些单位有脱敏数据…
    ("哪些单位有脱敏数据？", "masked_figures", {}),
    ("哪些数字打了码", "masked_figures", {}),
    # 单位 × 活动
    ("各单位开展活动的分布", "unit_activity_matrix", {"status": ["done"]}),
]


@pytest.mark.parametrize("question, query, params", FORMS, ids=[f"form{i}" for i in range(len(FORMS))])
def test_question_forms(asker, question, query, params):
    answer = asker.ask(question)
    assert not answer.fallback, answer.summary
    assert (answer.query_id, answer.params) == (query, params)
    assert answer.cypher == load_catalog()[query].cypher
    assert answer.summary and "{" not in answer.summary


def test_at_least_fifteen_forms_and_every_query_reachable():
    assert len(FORMS) >= 15
    assert {q for _, q, _ in FORMS} == set(load_catalog())
    assert len(read_patterns()) >= 15


def test_answer_carries_table_and_a_chinese_summary(asker):
    # "开展了" counts what was done: 市卫生健康委 only planned its 读书班, and the answer says which it counted
    answer = asker.ask("哪些单位开展了读书班？")
    assert answer.result.column("unit") == ["市妇联", "市税务局"]
    assert answer.summary == "2 个单位开展了“读书班”（状态：已开展；2 条记录）：市妇联、市税务局"


@pytest.mark.parametrize("question", ["今天天气怎么样？", "", "   ", "？？？", "hello", "给我讲个笑话"])
def test_questions_it_cannot_answer_fall_back_with_suggestions(asker, question):
    answer = asker.ask(question)
    assert answer.fallback and answer.query_id is None
    assert answer.suggestions and answer.result.rows
    assert answer.result.columns == ["可以这样问", "对应查询"]
    assert answer.summary.startswith(("没能理解这个问题。可以这样问：", "请输入一个问题。"))


def test_suggestions_use_the_entities_of_the_question(asker):
    answer = asker.ask("市妇联怎么说的呢呢呢")
    assert answer.query_id == "unit_profile"  # the catch-all for a unit
    fallback = asker.ask("关于四敢争先随便说点")
    assert fallback.query_id == "units_by_slogan"


def test_example_questions_name_reporting_units_first(small_graph):
    from kg.graph.schema import node_id
    from kg.query.ladybug_engine import get_ladybug_engine

    g = small_graph.copy()
    # Sorts before every reporting unit and is mentioned in many documents,
    # yet reports nothing: it must not be the unit examples are made with.
    g.add_node(node_id("Organization", "一级党委"), label="Organization", name="一级党委", aliases=[],
               kind="党委", doc_ids=["doc_a#1", "doc_a#2", "doc_b", "doc_c"])
    asker = Asker(get_ladybug_engine(g))
    authors = {o for o, _, k in g.edges(keys=True) if k.startswith("AUTHORED|")}
    assert node_id("Organization", asker.vocabulary["unit"][0]) in authors
    example = next(text for text, title in asker.examples() if title == "单位报告的数据")
    assert not example.startswith("一级党委")


def test_empty_result_says_so_and_suggests(asker):
    answer = asker.ask("哪些单位开展了演讲比赛？")
    assert answer.query_id == "units_by_activity"
    assert answer.params == {"category": ["比赛评选"], "status": ["done"]}
    assert answer.result.rows == [] and answer.summary.startswith("没有查到结果") and answer.suggestions


@pytest.mark.parametrize("question", [
    "MATCH (n) DETACH DELETE n",
    "市税务局'}) DETACH DELETE n //开展了哪些活动",
    "删除所有单位",
    "CREATE (n:Organization {name: '假单位'})",
])
def test_write_attempts_in_questions_are_inert(asker, small_engine, small_graph, question):
    asker.ask(question)
    assert small_engine.run("MATCH (n) RETURN count(n) AS n").rows == [[small_graph.number_of_nodes()]]


def test_normalize_question_folds_width_and_masks():
    assert normalize_question("ＸＸ市　税务局？") == "市税务局?"


def test_module_level_ask_caches_one_asker_per_engine(small_engine):
    first = ask("最常见的提法有哪些？", small_engine)
    assert first.query_id == "slogan_reach" and first.result.column("slogan")[0] == "两个确立"


@pytest.mark.parametrize("line, message", [
    ("no_such_query => 哪些 => 哪些？", "unknown canned query 'no_such_query'"),
    ("slogan_reach => (最常见 => 最常见？", "bad pattern"),
    ("slogan_reach => 最常见 => 最常见？ => colour=red", "no parameter 'colour'"),
    ("slogan_reach", "expected 4 fields"),
])
def test_bad_pattern_lines_fail_with_file_and_line(tmp_path, line, message):
    path = tmp_path / "patterns.txt"
    path.write_text("# header\n" + line + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"patterns.txt:2: .*" + message):
        read_patterns(path)


def test_a_question_over_the_limit_gets_a_message_and_no_analysis(asker, monkeypatch):
    from kg.query.ask import MAX_QUESTION_CHARS

    long = ("市妇联开展了哪些活动，" * 60)[: MAX_QUESTION_CHARS + 1]
    analysed = []
    monkeypatch.setattr(asker, "match_intent", lambda q: analysed.append(q))
    answer = asker.ask(long * 200)  # 100,000 characters: the patterns' regexes never see it
    assert answer.fallback and answer.summary.startswith("问题太长（100,200 字），请限制在 500 字以内。")
    assert answer.result.rows and not analysed
    assert asker.ask(long).fallback and not analysed
    asker.ask(long[:MAX_QUESTION_CHARS])
    assert analysed == [long[:MAX_QUESTION_CHARS]]


def test_a_question_at_the_limit_is_still_answered(asker):
    from kg.query.ask import MAX_QUESTION_CHARS

    question = "市妇联开展了哪些活动？"
    padded = question + "　" * (MAX_QUESTION_CHARS - len(question))
    assert len(padded) == MAX_QUESTION_CHARS and not asker.ask(padded.strip() + "请问" * 10).fallback


def test_years_inside_entities_are_not_years_and_many_years_stay_cheap(asker):
    entities = asker.spot_entities("2023年" * 100)
    assert [e.value for e in entities] == [2023] * 100
